// Threadline against a real comment server: Isso 0.14.0 from PyPI (which
// .ci/setup.sh installs), started on loopback with a fresh SQLite database
// and seeded through its own API, read and written through the `isso`
// preset by the release bundle's script tag.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { buildRelease, dist, launch, renderAllPages, serve, startIsso, waitFor } from "./harness.mjs";

let site, isso, issoOrigin, browser, context, page, consoleErrors;
const seeded = {};

/**
 * Isso's API, as a reader at `from` would call it: Isso trusts loopback as
 * its proxy, so seeded comments come from 10.0.0.x and the browser, at
 * 127.0.0.1, is another reader (Isso counts one vote per /24).
 */
async function api(path, { method = "GET", body, from = "10.0.0.1", cookie } = {}) {
  const headers = { "Content-Type": "application/json", "X-Forwarded-For": from };
  if (cookie) headers.Cookie = cookie;
  const response = await fetch(`${issoOrigin}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text.startsWith("{") ? JSON.parse(text) : null, cookie: response.headers.get("set-cookie") };
}

/** Every comment Isso holds for the story, flat, by id. */
async function stored() {
  const flat = {};
  const walk = (list) => list.forEach((c) => ((flat[c.id] = c), walk(c.replies || [])));
  walk((await api("/?uri=%2Fstory")).json.replies);
  return flat;
}

before(async () => {
  buildRelease();
  site = await serve(
    { "/site/": dist },
    {
      "/story.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story</title></head><body>
<h1>Story</h1><div id="comments"></div>
<script src="/site/threadline.js" data-target="#comments" data-preset="isso"
  data-src="${issoOrigin}/?uri=%2Fstory" data-writes="preset"></script>
</body></html>`);
      },
      // Isso asked a page at a time: 10 top-level comments, 1 reply each.
      "/long.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>
<h1>Long</h1><p style="height: 300vh">A long story.</p><div id="comments"></div>
<script src="/site/threadline.js" data-target="#comments" data-preset="isso"
  data-src="${issoOrigin}/?uri=%2Flong&limit=10&nested_limit=1"></script>
</body></html>`);
      },
    },
  );
  isso = await startIsso(site.origin);
  issoOrigin = isso.origin;
  const post = async (from, body) => (await api("/new?uri=%2Fstory", { method: "POST", body: { title: "Story", ...body }, from }));
  const first = await post("10.0.0.1", { text: "First, from *Ann*.", author: "Ann" });
  seeded.ann = first.json.id;
  seeded.bo = (await post("10.0.0.2", { text: "A reply to Ann.", author: "Bo", parent: seeded.ann })).json.id;
  const doomed = await post("10.0.0.3", { text: "Soon deleted.", author: "Cy" });
  seeded.cy = doomed.json.id;
  seeded.di = (await post("10.0.0.4", { text: "A reply that outlives its parent.", author: "Di", parent: seeded.cy })).json.id;
  const gone = await api(`/id/${seeded.cy}`, { method: "DELETE", from: "10.0.0.3", cookie: doomed.cookie.split(";")[0] });
  assert.equal(gone.status, 200, "Isso deleted Cy's comment");
  // A longer story: 24 top-level comments, the fifth with 4 replies.
  const long = (from, body) => api("/new?uri=%2Flong", { method: "POST", body: { title: "Long", ...body }, from });
  for (let n = 1; n <= 24; n++) {
    const id = (await long(`10.1.${n}.1`, { text: `Long comment ${n}.`, author: `Reader ${n}` })).json.id;
    if (n === 5) seeded.fifth = id;
  }
  for (let n = 1; n <= 4; n++) await long(`10.2.${n}.1`, { text: `Reply ${n} to the fifth.`, parent: seeded.fifth });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  isso?.stop();
  site?.server.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(`${site.origin}/story.html`);
  await page.waitForSelector(".tl-comment >> nth=3");
});

const comment = (id) => `.tl-comment[id$="-c-${id}"]`;

test("Isso's thread renders: nesting, authors, HTML, and a deleted comment above its reply", async () => {
  assert.equal(await page.locator(".tl-count").textContent(), "4 comments");
  const ann = page.locator(`${comment(seeded.ann)} > article`);
  assert.match(await ann.textContent(), /Ann/);
  assert.equal(await ann.locator(".tl-body em").textContent(), "Ann", "Isso's HTML, through the allowlist");
  assert.ok((await ann.locator(".tl-author svg.tl-identicon rect").count()) > 1, "an identicon from Isso's hash");
  assert.equal(await page.locator(`${comment(seeded.ann)} > ul > ${comment(seeded.bo)}`).count(), 1);
  const cy = page.locator(`${comment(seeded.cy)} > article`);
  assert.match(await cy.textContent(), /\[deleted\]/, "mode 4");
  assert.equal(await cy.locator(".tl-vote, .tl-reply").count(), 0, "no votes or Reply on it");
  assert.equal(await page.locator(`${comment(seeded.cy)} > ul > ${comment(seeded.di)}`).count(), 1, "its reply stays");
  assert.deepEqual(consoleErrors, []);
});

test("a top-level comment and a reply are stored in Isso, the reply under its parent", async () => {
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Hello Isso, from Threadline.");
  await top.locator("button[type=submit]").click();
  await waitFor(async () => Object.values(await stored()).some((c) => c.text === "<p>Hello Isso, from Threadline.</p>"));

  // Isso nests one level: a reply goes to a top-level comment.
  await page.locator(`${comment(seeded.ann)} > article .tl-reply`).click();
  const box = page.locator(`${comment(seeded.ann)} > .tl-composer`);
  await box.locator("textarea").fill("Replying to Ann.");
  await box.locator("input").fill("Eve");
  await box.locator("button[type=submit]").click();
  await waitFor(async () => Object.values(await stored()).some((c) => c.text === "<p>Replying to Ann.</p>"));
  const reply = Object.values(await stored()).find((c) => c.text === "<p>Replying to Ann.</p>");
  assert.equal(reply.parent, seeded.ann, "sent as the number Isso wants");
  assert.equal(reply.author, "Eve");
  await page.locator(comment(reply.id)).waitFor();
  assert.equal(await page.locator(`${comment(seeded.ann)} .tl-sending`).count(), 0, "the server's version took its place");
  assert.deepEqual(consoleErrors, []);
});

test("like and dislike change Isso's counts; a vote Isso refuses is rolled back in Isso's words", async () => {
  // Another reader (Isso counts one vote per /24) likes it after this page loaded.
  await api(`/id/${seeded.ann}/like`, { method: "POST", from: "10.9.9.9" });
  await page.locator(`${comment(seeded.ann)} > article .tl-up`).click();
  await page.locator(`${comment(seeded.di)} > article .tl-down`).click();
  await waitFor(async () => {
    const now = await stored();
    return now[seeded.ann].likes === 2 && now[seeded.di].dislikes === 1;
  });
  const now = await stored();
  assert.deepEqual([now[seeded.ann].dislikes, now[seeded.di].likes], [0, 0], "a like is a like, a dislike a dislike");
  const up = page.locator(`${comment(seeded.ann)} > article .tl-up`);
  assert.equal(await up.getAttribute("aria-pressed"), "true");
  const score = page.locator(`${comment(seeded.ann)} > article .tl-score`);
  await waitFor(async () => (await score.textContent()) === "2 points");
  assert.equal(await score.textContent(), "2 points", "Isso's count, with the other reader's like");
  assert.equal(await up.getAttribute("title"), "Votes here cannot be taken back.");

  // Isso counts one vote per address: a second reader's page at the same
  // address is refused with HTTP 200 and a message.
  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto(`${site.origin}/story.html`);
  await other.waitForSelector(".tl-comment >> nth=3");
  const otherUp = other.locator(`${comment(seeded.ann)} > article .tl-up`);
  await otherUp.click();
  const error = other.locator(`${comment(seeded.ann)} > article .tl-vote-error`);
  await error.waitFor();
  assert.match(await error.textContent(), /^Your vote was not saved: Upvote denied because a vote has already been registered/);
  assert.equal(await otherUp.getAttribute("aria-pressed"), "false", "rolled back");
  assert.equal((await stored())[seeded.ann].likes, 2, "and Isso still counts two");
  await second.close();
  assert.deepEqual(consoleErrors, []);
});

test("a comment Isso refuses says Isso's reason, with Edit and no Retry", async () => {
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Hm");
  await top.locator("button[type=submit]").click();
  const problem = page.locator(".tl-list > .tl-comment .tl-problem").first();
  await problem.waitFor();
  await waitFor(async () => (await problem.textContent()) !== "");
  assert.equal(await problem.textContent(), "Not sent: text is too short (minimum length: 3)");
  assert.equal(await page.locator(".tl-retry-post").count(), 0);
});

test("Isso's paging loads every comment: the next top-level pages as the reader scrolls, and replies left out on request", async () => {
  const asked = [];
  page.on("request", (request) => request.url().startsWith(issoOrigin) && asked.push(new URL(request.url()).search));
  await page.goto(`${site.origin}/long.html`);
  await page.waitForSelector(".tl-comment", { state: "attached" });
  assert.equal(await page.locator(".tl-count").textContent(), "28 comments", "Isso's total_replies, not the 10 of page 1");
  assert.deepEqual(asked, ["?uri=%2Flong&limit=10&nested_limit=1"]);
  await renderAllPages(page);
  assert.deepEqual(asked, [
    "?uri=%2Flong&limit=10&nested_limit=1",
    "?uri=%2Flong&limit=10&nested_limit=1&offset=10",
    "?uri=%2Flong&limit=10&nested_limit=1&offset=20",
  ], "hidden_replies 0 on the last page: no empty page asked for");
  assert.equal(await page.locator(".tl-list > .tl-comment").count(), 24);
  const fifth = page.locator(comment(seeded.fifth));
  assert.equal(await fifth.locator(".tl-comment").count(), 1, "nested_limit=1");
  const more = fifth.locator(".tl-more .tl-load-more");
  assert.equal(await more.textContent(), "3 more replies");
  await more.click();
  await waitFor(async () => (await fifth.locator(".tl-comment").count()) === 4);
  assert.equal(asked.at(-1), `?uri=%2Flong&limit=10&nested_limit=1&parent=${seeded.fifth}`);
  assert.equal(await page.locator(".tl-comment").count(), 28);
  assert.deepEqual(consoleErrors, []);
});
