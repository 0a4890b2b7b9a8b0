// A paged API (WordPress's shape) from the Rust test server: 35 comments,
// 10 a page, newest first, the total in `X-WP-Total` and the next page in a
// relative `Link` header; some replies come a page before their parents.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { buildRelease, launch, renderAllPages, startTestServer, waitFor } from "./harness.mjs";

let server, origin, browser, context, page;

const control = async (path) => (await fetch(`${origin}${path}`, { method: "POST" })).text();
const pagesAsked = async () =>
  (await (await fetch(`${origin}/control/requests`)).json()).map((request) => request.target);

before(async () => {
  buildRelease();
  [server, origin] = await startTestServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

beforeEach(async () => {
  await control("/control/reset");
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
});

const comment = (id) => `.tl-comment[id$="-c-${id}"]`;

test("the first page renders at once with the server's total; the rest come as the reader scrolls, each page once, replies under parents from later pages", async () => {
  await page.goto(`${origin}/paged.html`);
  await page.waitForSelector(comment(35), { state: "attached" });
  assert.equal(await page.locator(".tl-count").textContent(), "35 comments", "the server's count, not the 10 of page 1");
  await page.waitForTimeout(500);
  assert.deepEqual(await pagesAsked(), ["/api/paged?post=1"], "nothing fetched ahead of the reader");
  // Comment 30 answers 12, which is on page 3: it waits for its parent.
  assert.equal(await page.locator(comment(30)).count(), 0);
  assert.equal(await page.locator(".tl-more-comments").textContent(), "Show more comments (26 left)");

  await renderAllPages(page);
  assert.deepEqual(await pagesAsked(), [
    "/api/paged?post=1",
    "/api/paged?post=1&page=2",
    "/api/paged?post=1&page=3",
    "/api/paged?post=1&page=4",
  ]);
  assert.equal(await page.locator(".tl-comment").count(), 35);
  assert.equal(await page.locator(`${comment(12)} ${comment(30)}`).count(), 1, "a reply from page 1 under its parent from page 3");
  assert.equal(await page.locator(`${comment(3)} ${comment(7)}`).count(), 1);
  assert.equal(await page.locator(".tl-orphan, .tl-not-loaded, .tl-next-page").count(), 0);
  assert.equal(await page.locator(".tl-count").textContent(), "35 comments");
});

test("a page that fails says so in words, and loads when the reader asks again", async () => {
  await page.goto(`${origin}/paged.html`);
  await page.waitForSelector(comment(35), { state: "attached" });
  await control("/control/mode?pages=fail");
  await page.locator(".tl-more-comments").scrollIntoViewIfNeeded();
  const error = page.locator(".tl-next-page [role=alert]");
  await error.waitFor();
  assert.match(await error.textContent(), /Please try again/);
  assert.doesNotMatch(await error.textContent(), /500|HTTP/);
  await page.locator(".tl-more-comments").click();
  await page.waitForSelector(comment(25));
  assert.equal(await error.count(), 0);
  assert.deepEqual((await pagesAsked()).slice(1), ["/api/paged?post=1&page=2", "/api/paged?post=1&page=2"]);
});

test('"prefetch": "all" loads every page after the first renders, without scrolling', async () => {
  await page.goto(`${origin}/paged.html?all`);
  await page.waitForSelector(comment(35), { state: "attached" });
  await waitFor(async () => (await pagesAsked()).length === 4);
  await page.waitForSelector(`${comment(12)} ${comment(30)}`, { state: "attached" }).catch(() => {});
  // All 35 are in the thread; the feed still shows them a page at a time.
  assert.equal(await page.locator(".tl-more-comments").textContent(), "Show more comments (22 left)");
  await page.waitForTimeout(300);
  assert.equal((await pagesAsked()).length, 4, "no page twice");
});
