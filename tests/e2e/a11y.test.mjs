// Accessibility with axe-core (every WCAG 2.0, 2.1 and 2.2 A and AA rule;
// axe reads into the widget's open shadow root): the seed page in light and
// dark pages, on desktop and phone, in English, German and Arabic, as loaded
// and after a reader's actions; a 1,000-comment thread; and pages whose
// colours disagree with the reader's system. Every run must find nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildRelease, dist, launch, root, serve } from "./harness.mjs";

const AXE = join(root, "tests/e2e/node_modules/axe-core/axe.min.js");
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BACKGROUNDS = { light: "#ffffff; color: #1f2328", dark: "#111418; color: #e6e8eb" };
let site, browser;

/** A thread of `size` comments, a third of them at top level. */
function thread(size) {
  const comments = Array.from({ length: size }, (_, i) => ({
    id: `g${i}`,
    parent: i % 3 === 0 ? null : `g${i - (i % 3)}`,
    author: i % 5 === 0 ? null : `Reader ${i}`,
    score: (i * 7) % 50,
    created: 1700000000 + i * 60,
    body: `Comment number ${i}, with a [link](https://example.org/${i}).`,
  }));
  return JSON.stringify({ id: "generated", comments });
}

before(async () => {
  buildRelease();
  const big = thread(1000);
  site = await serve(
    { "/site/": dist },
    {
      "/page.html": (req, res) => {
        const query = new URL(req.url, site.origin).searchParams;
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accessibility</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 1rem; font-family: sans-serif; background: ${BACKGROUNDS[query.get("page")]}; }</style>
</head><body><main>
<div id="comments"></div>
<script src="/site/threadline.js" data-src="${query.get("src")}" data-lang="${query.get("lang")}"
  data-thread-id="${query.get("lang")}-${query.get("page")}" data-target="#comments"></script>
</main></body></html>`);
      },
      "/api/big.json": (req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(big);
      },
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/**
 * What axe finds on the page, one line per violation. Comments off screen
 * skip rendering (`content-visibility: auto`), where axe measures no real
 * geometry and reports their buttons as obscured; they are rendered for the
 * measurement, so every target is measured as a reader meets it.
 */
async function violations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ path: AXE });
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = ".threadline .tl-list > .tl-comment { content-visibility: visible; }";
      document.querySelector("threadline-widget").shadowRoot.append(style);
    });
  }
  const found = await page.evaluate(
    (rules) => window.axe.run(document, { runOnly: { type: "tag", values: rules } }).then((result) => result.violations),
    RULES,
  );
  return found.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(" ")}: ${node.failureSummary.split("\n").slice(1).join(" ")}`),
  );
}

async function open(context, query) {
  const page = await context.newPage();
  await page.goto(`${site.origin}/page.html?${new URLSearchParams(query)}`);
  await page.locator("#comments .tl-comment").nth(5).waitFor({ timeout: 20000 });
  return page;
}

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`the seed thread on ${size}: light and dark, English, German and Arabic, loaded and after actions`, async () => {
    const problems = [];
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      for (const lang of ["en", "de", "ar"]) {
        const page = await open(context, { src: "/site/data/seed-thread.json", page: scheme, lang });
        const check = async (state) => {
          for (const line of await violations(page)) problems.push(`${scheme} ${lang} ${state}: ${line}`);
        };
        await check("loaded");
        await page.locator("#comments .tl-reply").first().click();
        await page.locator("#comments .tl-comment .tl-composer textarea").first().waitFor();
        await check("reply open");
        await page.locator("#comments .tl-thread > .tl-composer textarea").focus();
        await page.locator("#comments .tl-thread > .tl-composer .tl-send").click();
        await page.locator("#comments .tl-thread > .tl-composer .tl-problem").waitFor();
        await check("error shown");
        await page.locator("#comments .tl-up").first().click();
        await page.locator('#comments .tl-up[aria-pressed="true"]').first().waitFor();
        await check("after a vote");
        await page.close();
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}

test("a 1,000-comment thread in light and dark, and pages whose colours disagree with the system", async () => {
  const problems = [];
  for (const [page, system] of [
    ["light", "light"],
    ["dark", "dark"],
    ["light", "dark"],
    ["dark", "light"],
  ]) {
    const context = await browser.newContext({ viewport: SIZES.desktop, colorScheme: system });
    const tab = await open(context, { src: "/api/big.json", page, lang: "en" });
    for (const line of await violations(tab)) problems.push(`${page} page, ${system} system: ${line}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
