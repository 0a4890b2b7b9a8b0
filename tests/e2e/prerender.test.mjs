// The prerender (`threadline-render`) in a page, in headless Chromium: the
// article and the first comments are there, styled, before any script runs;
// the widget takes that markup over in place, with nothing on the page
// moving; a failed load keeps the prerendered comments readable.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { assetFolder, buildRelease, collect, dist, launch, root, serve, waitFor } from "./harness.mjs";

let site, browser, page, errors, fragment, policy;
const reports = [];

/** The seed thread prerendered as a site's build step would, for `/api/seed.json`. */
function prerender() {
  return execFileSync(
    "cargo",
    ["run", "--quiet", "--bin", "threadline-render", "--", "www/data/seed-thread.json", "--src", "/api/seed.json"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}

before(async () => {
  buildRelease();
  fragment = prerender();
  const seed = await readFile(join(dist, "data/seed-thread.json"));
  // A strict policy allows the inline stylesheet by its hash, which is
  // threadline.css's own integrity hash: the prerender inlines the file as is.
  const integrity = JSON.parse(await readFile(join(dist, assetFolder(), "integrity.json"), "utf8"));
  const css = integrity[`${assetFolder()}/threadline.css`];
  policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' '${css}'; report-uri /csp-report`;
  const page = (api, headers = {}) => (req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...headers });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Prerendered</title>
<link rel="stylesheet" href="/page.css"></head>
<body><main><div id="story">${fragment}</div><p id="below">The page goes on below the comments.</p></main>
<script src="/site/threadline.js" data-src="${api}" data-target="#story"></script>
</body></html>`);
  };
  site = await serve(
    { "/site/": dist, "/api/images/": join(dist, "data/images") },
    {
      "/prerendered.html": page("/api/seed.json"),
      "/down.html": page("/api/down.json"),
      "/strict.html": page("/api/seed.json", { "Content-Security-Policy": policy }),
      "/page.css": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/css" });
        res.end("body { margin: 0; font: 16px/1.5 serif; } main { max-width: 40rem; margin: auto; }");
      },
      "/csp-report": collect(reports),
      "/api/seed.json": (req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(seed);
      },
      "/api/down.json": (req, res) => {
        res.writeHead(503, { "Content-Type": "text/plain" });
        res.end("down for maintenance");
      },
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  // Every layout shift the reader did not cause, as CLS counts them.
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
});

/** Holds the wasm back until the returned function is called. */
async function holdWasm() {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route("**/threadline_bg.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** What the reader sees: the widget's texts and where things are. */
function look() {
  return page.evaluate(() => {
    const shadow = document.querySelector("threadline-widget").shadowRoot;
    const visible = (selector) => [...shadow.querySelectorAll(selector)].filter((element) => element.offsetParent !== null);
    const top = (element) => element && Math.round(element.getBoundingClientRect().top + scrollY);
    return {
      widgets: visible(".threadline").length,
      title: visible(".tl-article-title")[0]?.textContent,
      heading: visible(".tl-count")[0]?.textContent,
      comments: visible(".tl-comment").length,
      time: visible(".tl-comment .tl-time")[0]?.firstChild?.textContent,
      styled: getComputedStyle(visible(".tl-skip")[0]).position === "absolute",
      error: visible(".tl-error p")[0]?.textContent,
      lastComment: top(visible("#tl1-c-c13")[0]),
      below: top(document.querySelector("#below")),
    };
  });
}

test("the prerendered article and comments show, styled, before the wasm arrives, and the widget takes them over in place", async () => {
  const release = await holdWasm();
  await page.goto(`${site.origin}/prerendered.html`);
  const prerendered = await look();
  assert.equal(prerendered.widgets, 1);
  assert.equal(prerendered.title, "Popular Mobilization Units Launches Large-Scale Anti-ISIS Operation Near Syrian Border");
  assert.equal(prerendered.heading, "13 comments");
  assert.equal(prerendered.comments, 13);
  assert.equal(prerendered.time, "September 17, 2017");
  assert.ok(prerendered.styled, "the inline stylesheet styles the first paint");
  // Where the last comment is in the first layout after the takeover, before
  // the browser has drawn a frame of it.
  await page.evaluate(() => {
    const host = document.querySelector("threadline-widget");
    host.addEventListener("threadline:rendered", () => {
      const last = [...host.shadowRoot.querySelectorAll("#tl1-c-c13")].find((element) => element.offsetParent !== null);
      window.__takenOver = last && Math.round(last.getBoundingClientRect().top + scrollY);
    });
  });
  release();
  // Taken over: the widget's own markup, its times in words.
  await waitFor(async () => /ago$/.test((await look()).time || ""));
  const live = await look();
  assert.equal(live.widgets, 1);
  // The prerendered markup is gone, not merely hidden.
  assert.equal(await page.evaluate(() => document.querySelector("threadline-widget").shadowRoot.querySelectorAll(".threadline").length), 1);
  assert.equal(live.heading, "13 comments");
  assert.equal(live.comments, 13);
  assert.equal(await page.evaluate(() => window.__takenOver), prerendered.lastComment, "the comments stay where they were");
  assert.equal(live.lastComment, prerendered.lastComment, "and stay there");
  assert.equal(live.below, prerendered.below, "the page below does not move");
  const shifts = await page.evaluate(() => window.__shifts);
  assert.ok(shifts <= 0.01, `layout shift ${shifts}`);
  // And it works: a vote counts.
  const up = page.locator("#tl1-c-c1 > article .tl-up");
  await up.click();
  await waitFor(async () => (await up.getAttribute("aria-pressed")) === "true");
  assert.deepEqual(errors, []);
});

test("a reader who scrolled into the prerendered comments keeps their place when the widget takes over", async () => {
  const release = await holdWasm();
  await page.goto(`${site.origin}/prerendered.html`);
  // Where the seventh comment is on the screen: those above it were drawn
  // on the way down, those below it were not.
  const place = () =>
    page.evaluate(() => {
      const shadow = document.querySelector("threadline-widget").shadowRoot;
      const seventh = [...shadow.querySelectorAll("#tl1-c-c7")].find((element) => element.offsetParent !== null);
      return Math.round(seventh.getBoundingClientRect().top);
    });
  await page.evaluate(() => {
    const shadow = document.querySelector("threadline-widget").shadowRoot;
    shadow.querySelector("#tl1-c-c7").scrollIntoView();
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const before = await place();
  await page.evaluate(() => {
    const host = document.querySelector("threadline-widget");
    host.addEventListener("threadline:rendered", () => {
      const seventh = [...host.shadowRoot.querySelectorAll("#tl1-c-c7")].find((element) => element.offsetParent !== null);
      window.__takenOver = Math.round(seventh.getBoundingClientRect().top);
    });
  });
  release();
  await waitFor(async () => (await page.evaluate(() => window.__takenOver)) !== undefined);
  assert.equal(await page.evaluate(() => window.__takenOver), before, "the comment read stays where it was");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await place(), before, "and stays there");
  assert.deepEqual(errors, []);
});

test("when the thread cannot load, the prerendered comments stay readable under the message and Retry", async () => {
  await page.goto(`${site.origin}/down.html`);
  await waitFor(async () => Boolean((await look()).error));
  const shown = await look();
  assert.match(shown.error, /could not|couldn't|cannot/i);
  assert.equal(shown.widgets, 2);
  assert.equal(shown.comments, 13);
  assert.equal(shown.time, "September 17, 2017");
  assert.equal(await page.locator("threadline-widget .tl-retry").count(), 1);
  assert.deepEqual(errors, []);
});

test("under a strict Content-Security-Policy, the inline stylesheet is allowed by threadline.css's integrity hash", async () => {
  const release = await holdWasm();
  await page.goto(`${site.origin}/strict.html`);
  assert.ok((await look()).styled, "the prerendered markup is styled");
  release();
  await waitFor(async () => /ago$/.test((await look()).time || ""));
  assert.ok((await look()).styled);
  await page.waitForTimeout(200);
  assert.deepEqual(reports, []);
  assert.deepEqual(errors, []);
});
