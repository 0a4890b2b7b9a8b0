// A host page whose stylesheet attacks every element broadly, with
// !important: the thread still renders, is visible, and works.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { buildRelease, dist, launch, serve } from "./harness.mjs";

const HOSTILE = `
div, section, article, header, footer, ul, ol, li, p, span, button, a, time, h1, h2, form, textarea {
  display: none !important; position: absolute !important; left: -9999px !important;
  float: right !important; color: transparent !important; background: red !important;
  border: 10px solid lime !important; margin: 200px !important; padding: 99px !important;
  visibility: hidden !important; opacity: 0 !important; transform: rotate(90deg) !important;
}
* { box-sizing: content-box !important; list-style: square !important; }
button { pointer-events: none !important; }
threadline-widget { display: none; }`;

let site, browser;

before(async () => {
  buildRelease();
  site = await serve(
    { "/site/": dist },
    {
      "/hostile.css": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/css" });
        res.end(HOSTILE);
      },
      "/page.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<link rel="stylesheet" href="/hostile.css"></head><body><main id="story"></main>
<script src="/site/threadline.js" data-src="/site/data/seed-thread.json" data-target="#story"></script></body></html>`);
      },
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test("a hostile page stylesheet cannot hide, move or break the thread", async () => {
  const page = await browser.newPage();
  // The page hides its own <main>; the widget's host is inside it, so give
  // the widget a visible place, as a page that wants comments would.
  await page.goto(`${site.origin}/page.html`);
  await page.addStyleTag({ content: "main#story { display: block !important; position: static !important; left: 0 !important; visibility: visible !important; opacity: 1 !important; margin: 0 !important; padding: 0 !important; transform: none !important; }" });
  await page.waitForSelector(".tl-comment >> nth=12");
  const comment = page.locator('.tl-comment[id$="-c-c1"]');
  assert.ok(await comment.isVisible(), "comments are visible");
  const box = await comment.boundingBox();
  assert.ok(box.x >= 0 && box.width > 200, `laid out in place: ${JSON.stringify(box)}`);
  const style = await comment.locator(":scope > article .tl-body p").evaluate((p) => {
    const s = getComputedStyle(p);
    return { display: s.display, color: s.color, position: s.position };
  });
  assert.equal(style.display, "block");
  assert.equal(style.position, "static");
  const toggle = comment.locator(":scope > article .tl-toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", "buttons still work");
  const up = comment.locator(":scope > article .tl-up");
  await up.click();
  assert.equal(await up.getAttribute("aria-pressed"), "true");
});
