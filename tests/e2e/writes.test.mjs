// Voting and replying against the Rust test server (tests/server), a real
// HTTP server on loopback that this test starts. It records every request
// and can be told to succeed, to answer 500, or to hang.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { buildRelease, launch, startTestServer, waitFor } from "./harness.mjs";

let server, origin, browser, context, page, apiServer, apiOrigin;

async function control(path) {
  const response = await fetch(`${origin}${path}`, { method: path.startsWith("/control/requests") ? "GET" : "POST" });
  return path.startsWith("/control/requests") ? response.json() : response.text();
}

before(async () => {
  buildRelease();
  [server, origin] = await startTestServer();
  [apiServer, apiOrigin] = await startTestServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  apiServer?.kill();
});

beforeEach(async () => {
  await control("/control/reset");
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${origin}/article.html`);
  await page.waitForSelector(".tl-comment >> nth=12");
});

const comment = (id) => `.tl-comment[id$="-c-${id}"]`;

test("a vote shows at once, goes to the server exactly once, and is not repeated after a reload", async () => {
  const up = page.locator(`${comment("c3")} > article .tl-up`);
  const score = page.locator(`${comment("c3")} > article .tl-score`);
  await up.click();
  assert.equal(await score.textContent(), "10 points", "optimistic, before the answer");
  await waitFor(async () => (await control("/control/requests")).length === 1);
  assert.deepEqual(await control("/control/requests"), [
    { method: "POST", target: "/api/vote?c=c3", body: '{"id":"c3","vote":1}', authorization: "Bearer t0ken", contentType: "application/json" },
  ]);
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=12");
  assert.equal(await up.getAttribute("aria-pressed"), "true", "the reader sees their vote after a reload");
  await up.click();
  await waitFor(async () => (await control("/control/requests")).length === 2);
  assert.equal((await control("/control/requests"))[1].body, '{"id":"c3","vote":0}', "clicking again takes it back, never a second +1");
});

test("rapid clicks settle to the final state with one request in flight", async () => {
  const up = page.locator(`${comment("c1")} > article .tl-up`);
  const down = page.locator(`${comment("c1")} > article .tl-down`);
  await up.click();
  await down.click();
  await up.click();
  await down.click();
  await page.waitForTimeout(1200);
  const bodies = (await control("/control/requests")).map((r) => JSON.parse(r.body).vote);
  assert.deepEqual(bodies, [1, -1], "the first click, then the final state");
  assert.equal(await down.getAttribute("aria-pressed"), "true");
});

test("a refused vote rolls back with a message", async () => {
  await control("/control/mode?votes=fail");
  const down = page.locator(`${comment("c7")} > article .tl-down`);
  const score = page.locator(`${comment("c7")} > article .tl-score`);
  await down.click();
  assert.equal(await score.textContent(), "16 points", "optimistic");
  await page.locator(`${comment("c7")} > article .tl-vote-error`).waitFor();
  assert.equal(await score.textContent(), "17 points", "rolled back");
  assert.equal(await down.getAttribute("aria-pressed"), "false");
});

test("a reply appears at once as sending and is replaced by the server's version", async () => {
  await page.locator(`${comment("c9")} > article .tl-reply`).click();
  const box = page.locator(`${comment("c9")} > .tl-composer`);
  await box.locator("textarea").fill("Kurdistan is not a proxy.");
  await box.locator("input").fill("Reader");
  await box.locator("button[type=submit]").click();
  // The reader's reply leads its parent's replies.
  const mine = page.locator(`${comment("c9")} > ul > .tl-comment`).first();
  assert.match(await mine.locator(".tl-sending").textContent(), /Sending/);
  await page.locator(comment("srv-1")).waitFor();
  assert.deepEqual(await control("/control/requests"), [
    { method: "POST", target: "/api/comments", body: '{"parent":"c9","body":"Kurdistan is not a proxy.","author":"Reader"}', authorization: "Bearer t0ken", contentType: "application/json" },
  ]);
  assert.equal(await page.locator(`${comment("c9")} .tl-sending`).count(), 0);
});

test("a failed post keeps the text through a reload; Retry sends it again", async () => {
  await control("/control/mode?posts=fail");
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Please do not lose this.");
  await top.locator("button[type=submit]").click();
  const failed = page.locator(".tl-list > .tl-comment").first();
  await failed.locator(".tl-retry-post").waitFor();
  assert.match(await failed.textContent(), /Not sent: the server turned it down\. Please try again\./);
  assert.doesNotMatch(await failed.textContent(), /HTTP/);

  await control("/control/mode?posts=ok");
  await failed.locator(".tl-retry-post").click();
  await page.locator(comment("srv-2")).waitFor();
  const sent = await control("/control/requests");
  assert.equal(sent.length, 2);
  assert.equal(sent[0].body, sent[1].body, "the same comment, sent again");

  await control("/control/mode?posts=hang");
  await top.locator("textarea").fill("Typed while the server hangs.");
  await top.locator("button[type=submit]").click();
  await page.locator(".tl-list > .tl-comment .tl-sending").waitFor();
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=12");
  const unconfirmed = page.locator(".tl-list > .tl-comment", { hasText: "Typed while the server hangs." });
  assert.match(await unconfirmed.textContent(), /the page was closed before the server answered/, "kept across the reload");
  await unconfirmed.locator(".tl-edit-post").click();
  assert.equal(await top.locator("textarea").inputValue(), "Typed while the server hangs.", "Edit puts it back in the open composer at once");
  assert.equal(await unconfirmed.count(), 0);
});

test("text typed while a comment is sending is still there after the server takes the comment", async () => {
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("The first comment.");
  await top.locator("button[type=submit]").click();
  assert.equal(await top.locator("textarea").inputValue(), "", "the composer is free at once");
  await top.locator("textarea").fill("A second thought, typed while the first was sending.");
  await page.locator(comment("srv-1")).waitFor();
  assert.equal(await page.locator(".tl-thread > p[role=status]").textContent(), "Your comment was posted.", "said once the server has it");
  assert.equal(await top.locator("textarea").inputValue(), "A second thought, typed while the first was sending.");
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=12");
  assert.equal(await top.locator("textarea").inputValue(), "A second thought, typed while the first was sending.", "and after a reload");
});

test("a token from the host page's auth callback goes with each write", async () => {
  await page.evaluate(() => {
    const host = document.createElement("section");
    host.id = "api";
    document.body.append(host);
    let calls = 0;
    return window.Threadline.mount(host, {
      src: "/data/seed-thread.json",
      threadId: "api-mounted",
      voteUrl: "/api/vote?c={id}",
      auth: () => Promise.resolve(`fresh-${++calls}`),
    });
  });
  await page.waitForSelector("#api .tl-comment >> nth=12");
  await page.locator(`#api ${comment("c11")} > article .tl-up`).click();
  await waitFor(async () => (await control("/control/requests")).length === 1);
  const [sent] = await control("/control/requests");
  assert.equal(sent.authorization, "Bearer fresh-1");
  assert.equal(sent.target, "/api/vote?c=c11");
});

test("credentials: include sends the reader's cookies to a comment server on another origin, and only then", async () => {
  // Both servers are on localhost, on two ports: other origins, same site, so
  // the cookie's default SameSite=Lax lets it go where credentials allow.
  const pageOrigin = origin.replace("127.0.0.1", "localhost");
  const api = apiOrigin.replace("127.0.0.1", "localhost");
  await fetch(`${apiOrigin}/control/reset`, { method: "POST" });
  await context.addCookies([{ name: "session", value: "s3cret", url: api }]);
  await page.goto(`${pageOrigin}/article.html`);
  await page.waitForSelector(".tl-comment >> nth=12");
  await page.evaluate((api) => {
    for (const [id, credentials] of [["with", "include"], ["without", undefined]]) {
      const host = document.createElement("section");
      host.id = id;
      document.body.append(host);
      window.Threadline.mount(host, {
        src: "/data/seed-thread.json",
        threadId: `cookies-${id}`,
        voteUrl: `${api}/api/vote?c={id}`,
        credentials,
      });
    }
  }, api);
  await page.waitForSelector("#with .tl-comment >> nth=12");
  await page.waitForSelector("#without .tl-comment >> nth=12");
  const sent = async () => (await fetch(`${apiOrigin}/control/requests`)).json();
  await page.locator(`#with ${comment("c3")} > article .tl-up`).click();
  await waitFor(async () => (await sent()).length === 1);
  await page.locator(`#without ${comment("c3")} > article .tl-up`).click();
  await waitFor(async () => (await sent()).length === 2);
  const [withCookies, withoutCookies] = await sent();
  assert.equal(withCookies.cookie, "session=s3cret");
  assert.equal(withCookies.target, "/api/vote?c=c3");
  assert.equal(withoutCookies.cookie, undefined, "no cookies unless the site asks");
  assert.equal(await page.locator(`#with ${comment("c3")} > article .tl-score`).textContent(), "10 points");
  assert.equal(await page.locator("#with [role=alert]").count(), 0, "the cross-origin answer is accepted");
});

test("Report asks why, sends the reason with the token, and thanks the reader; a refused report says so and keeps the form", async () => {
  await control("/control/mode?reports=fail");
  const card = page.locator(`${comment("c4")} > article`);
  await card.locator(".tl-more-actions").click();
  await card.locator(".tl-report").click();
  assert.equal(await card.locator(".tl-report-form label").textContent(), "Why are you reporting this comment?");
  await card.locator(".tl-report-form select").selectOption("abuse");
  await card.locator(".tl-report-form button[type=submit]").click();
  await card.locator(".tl-report-outcome").waitFor();
  assert.equal(await card.locator(".tl-report-outcome").textContent(), "The report was not sent: the server turned it down. Please try again.");
  assert.equal(await card.locator(".tl-report-form select").inputValue(), "abuse", "the form and the reason stay");

  await control("/control/mode?reports=succeed");
  await card.locator(".tl-report-form button[type=submit]").click();
  await waitFor(async () => (await card.locator(".tl-report-outcome").textContent()).startsWith("Thank you"));
  assert.equal(await card.locator(".tl-report-form").count(), 0);
  const reports = (await control("/control/requests")).filter((r) => r.target.startsWith("/api/report"));
  assert.equal(reports.length, 2);
  assert.deepEqual(reports[1], {
    method: "POST", target: "/api/report?c=c4", body: '{"id":"c4","reason":"abuse"}', authorization: "Bearer t0ken", contentType: "application/json",
  });
});

test("the reader edits and deletes their own comment; a refused edit rolls back and keeps the new text", async () => {
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("My first take.");
  await top.locator("button[type=submit]").click();
  const mine = page.locator(comment("srv-1"));
  await mine.waitFor();
  assert.equal(await page.locator(".tl-edit-own").count(), 1, "Edit only on the reader's own comment");
  assert.equal(await mine.locator("> article .tl-more-actions").count(), 0, "no Report or Mute on it");

  await control("/control/mode?posts=fail");
  await mine.locator("> article .tl-edit-own").click();
  const box = mine.locator("> .tl-composer");
  assert.equal(await box.locator("textarea").inputValue(), "My first take.");
  assert.equal(await box.locator("label").first().textContent(), "Edit your comment");
  await box.locator("textarea").fill("My second, better take.");
  await box.locator("button[type=submit]").click();
  assert.match(await mine.locator("> article .tl-body").textContent(), /My second, better take\./, "shown at once");
  await mine.locator("> article [role=alert]").waitFor();
  assert.equal(await mine.locator("> article [role=alert]").textContent(), "Your edit was not saved: the server turned it down. Please try again.");
  assert.match(await mine.locator("> article .tl-body").textContent(), /My first take\./, "rolled back");
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=13");
  await mine.locator("> article .tl-edit-own").click();
  assert.equal(await box.locator("textarea").inputValue(), "My second, better take.", "the new text is kept, even across a reload");

  await control("/control/mode?posts=ok");
  await box.locator("button[type=submit]").click();
  await waitFor(async () => (await control("/control/requests")).filter((r) => r.method === "PUT").length === 2);
  const put = (await control("/control/requests")).filter((r) => r.method === "PUT").at(-1);
  assert.deepEqual(put, { method: "PUT", target: "/api/comment/srv-1", body: '{"id":"srv-1","body":"My second, better take."}', authorization: "Bearer t0ken", contentType: "application/json" });
  await waitFor(async () => (await mine.locator("> article .tl-sending").count()) === 0);
  assert.match(await mine.locator("> article").textContent(), /My second, better take\..*/);
  assert.equal(await mine.locator("> article .tl-edited").textContent(), "edited");

  await mine.locator("> article .tl-delete-own").click();
  assert.equal(await mine.locator("> article .tl-confirm > span").textContent(), "Delete your comment?");
  await mine.locator("> article .tl-delete-yes").click();
  await mine.waitFor({ state: "detached" });
  const deleted = (await control("/control/requests")).filter((r) => r.method === "DELETE");
  assert.deepEqual(deleted.map((r) => r.target), ["/api/comment/srv-1"]);
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=12");
  assert.equal(await page.locator(".tl-edit-own").count(), 0);
});

test("a comment the server turns down for good says the server's reason, with Edit and no Retry", async () => {
  await control("/control/mode?posts=reject");
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Hm.");
  await top.locator("button[type=submit]").click();
  const refused = page.locator(".tl-list > .tl-comment").first();
  await refused.locator(".tl-problem").waitFor();
  await waitFor(async () => (await refused.locator(".tl-problem").textContent()) !== "");
  assert.equal(await refused.locator(".tl-problem").textContent(), "Not sent: text is too short");
  assert.equal(await refused.locator(".tl-retry-post").count(), 0, "trying again cannot help");
  await refused.locator(".tl-edit-post").click();
  assert.equal(await top.locator("textarea").inputValue(), "Hm.", "the text goes back to be improved");
});
