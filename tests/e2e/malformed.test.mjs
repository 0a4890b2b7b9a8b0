// The malformed-input corpus (tests/malformed) through the script tag in
// Chromium: each response is loaded by one tag on a page of its own. No
// uncaught exception, ever; a "shown" file shows its comments (repaired, with
// a note for what was skipped), a "refused" one a sentence and Retry.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildRelease, dist, launch, root, serve, settled } from "./harness.mjs";

const folder = join(root, "tests/malformed");
const files = readdirSync(folder).filter((file) => file.endsWith(".json")).sort();
let site, browser;

before(async () => {
  buildRelease();
  site = await serve(
    { "/site/": dist, "/malformed/": folder },
    {
      "/case.html": (req, res) => {
        const query = new URL(req.url, site.origin).searchParams;
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Case</title></head><body>
<div id="comments"></div>
<script src="/site/threadline.js" data-src="/malformed/${query.get("file")}" data-preset="${query.get("preset")}" data-target="#comments"></script>
</body></html>`);
      },
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test(`each of the ${files.length} malformed responses is shown repaired or refused in words, never thrown`, async () => {
  assert.ok(files.length >= 24);
  const context = await browser.newContext();
  for (const file of files) {
    const [preset, outcome] = file.split("--");
    const page = await context.newPage();
    const thrown = [];
    page.on("pageerror", (error) => thrown.push(String(error)));
    await page.goto(`${site.origin}/case.html?${new URLSearchParams({ file, preset })}`);
    const settled = page.locator("#comments .tl-count, #comments [role=alert]").first();
    await settled.waitFor({ timeout: 20000 });
    assert.deepEqual(thrown, [], `${file}: no uncaught exception`);
    const alert = page.locator("#comments [role=alert]");
    if (outcome === "shown") {
      assert.equal(await alert.count(), 0, `${file}: shown, not refused`);
      assert.match(await page.locator("#comments .tl-count").textContent(), /^\d+ comments?$/, file);
    } else {
      const message = await alert.locator("p").textContent();
      assert.doesNotMatch(message, /`|JSON|line \d|HTTP|Error|expected/, `${file}: ${message}`);
      assert.equal(await alert.locator("button").textContent(), "Retry", file);
    }
    await page.close();
  }
  await context.close();
});

test("repairs are visible: skipped comments are counted, times out of range are left out, blank bodies say so", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const show = async (file, preset = "threadline") => {
    await page.goto(`${site.origin}/case.html?${new URLSearchParams({ file, preset })}`);
    await page.locator("#comments .tl-count").waitFor();
    await settled(page);
  };
  await show("threadline--shown--bad-fields.json");
  assert.equal(await page.locator("#comments .tl-skipped").textContent(), "7 comments could not be shown.");
  assert.equal(await page.locator('#comments [id$="-c-1e400"] .tl-body').textContent(), "an id no double holds");

  await show("threadline--shown--time-out-of-range.json");
  const times = await page.locator("#comments time").evaluateAll((all) => all.map((time) => time.getAttribute("datetime")));
  assert.deepEqual(
    times,
    ["2020-01-01T00:00:00.000Z", "-001199-02-15T14:13:20.000Z"],
    "nanoseconds read by their size; times a Date cannot hold are left out",
  );

  await show("threadline--shown--empty-bodies.json");
  assert.deepEqual(
    await page.locator("#comments .tl-body").allTextContents(),
    Array(4).fill("This comment has no text."),
  );

  await show("threadline--shown--ids.json");
  const ids = await page.locator("#comments .tl-comment").evaluateAll((all) => all.map((li) => li.id));
  assert.equal(new Set(ids).size, 6, `six distinct element ids for six distinct comment ids: ${ids}`);

  await show("threadline--shown--urls.json");
  assert.equal(await page.locator("#comments img").count(), 0, "a mailto: address is never an image");
  await context.close();
});
