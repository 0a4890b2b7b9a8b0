// The XSS corpus, loaded by the script tag into a page served with a strict
// Content-Security-Policy: nothing runs, nothing outside the allowlist
// appears, and payloads that were text are still readable as text.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildRelease, collect, dist, launch, renderAllPages, root, serve } from "./harness.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Violations are counted twice: by the page's event listener, and by the
// browser's own reports to the server (which also see inside shadow roots).
const CSP = `${POLICY}; report-uri /csp-report`;
const reports = [];
const BODY_TAGS = ["p", "br", "a", "em", "strong", "i", "b", "u", "code", "pre", "blockquote", "ul", "ol", "li", "del", "s", "sub", "sup", "span", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "kbd"];
// The widget's own structure around the bodies.
const WIDGET_TAGS = [...BODY_TAGS, "div", "section", "article", "header", "footer", "h1", "h2", "button", "time", "figure", "figcaption", "img", "form", "label", "textarea", "input", "select", "option"];

let site, browser;
const payloads = (await readFile(join(root, "tests/xss/payloads.txt"), "utf8"))
  .split("\n")
  .filter((line) => line && !line.startsWith("# "));

function hostileThread() {
  const comments = [];
  payloads.forEach((payload, i) => {
    for (const format of ["text", "markdown", "html"]) {
      comments.push({
        id: `${format}-${i}`,
        author: payload,
        authorUrl: i % 2 ? payload : "javascript:__xss()",
        avatar: i % 2 ? "javascript:__xss()" : payload,
        body: payload,
        format,
      });
    }
  });
  return {
    id: "xss",
    article: {
      title: payloads[0],
      byline: payloads[1],
      published: payloads[2],
      body: [
        ...payloads.slice(0, 20).map((text) => ({ type: "paragraph", text })),
        { type: "figure", image: "javascript:__xss()", alt: payloads[3], caption: payloads[4], link: "javascript:__xss()" },
        { type: "figure", image: "data:image/svg+xml,<svg onload=__xss()>", caption: "x", link: "vbscript:msgbox(1)" },
      ],
    },
    comments,
  };
}

const strict = (type, body) => (req, res) => {
  res.writeHead(200, { "Content-Type": type, "Content-Security-Policy": CSP });
  res.end(body);
};

before(async () => {
  buildRelease();
  site = await serve(
    { "/site/": dist },
    {
      "/csp-report": collect(reports),
      "/xss.json": strict("application/json", JSON.stringify(hostileThread())),
      "/sentinel.js": strict(
        "text/javascript",
        `window.__xssCount = 0; window.__xss = () => { window.__xssCount += 1; };
         window.__violations = [];
         document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`,
      ),
      "/hostile.html": strict(
        "text/html; charset=utf-8",
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS</title>
<script src="/sentinel.js"></script></head><body>
<script src="/site/threadline.js" data-src="/xss.json"></script></body></html>`,
      ),
      "/site/embed-demo-strict.html": async (req, res) =>
        strict("text/html; charset=utf-8", (await readFile(join(dist, "embed-demo.html"), "utf8")).replace(
          "<head>",
          '<head><script src="/sentinel.js"></script>',
        ))(req, res),
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test(`${payloads.length} payloads in bodies (3 formats), names, links, avatars and the article run nothing`, async () => {
  const page = await browser.newPage();
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${site.origin}/hostile.html`);
  await page.waitForSelector(".tl-comment");
  await renderAllPages(page);
  await page.waitForSelector(`.tl-comment >> nth=${payloads.length * 3 - 1}`, { timeout: 30_000 });
  // Give anything that would fire (onload, onerror, autofocus, timers) the chance to.
  await page.mouse.move(200, 200);
  await page.keyboard.press("Tab");
  await page.waitForTimeout(1500);

  const report = await page.evaluate(
    ({ bodyTags, widgetTags }) => {
      const widget = document.querySelector("threadline-widget").shadowRoot.querySelector(".threadline");
      const all = [...widget.querySelectorAll("*")];
      const strange = all.filter((e) => !widgetTags.includes(e.localName)).map((e) => e.localName);
      const strangeInBodies = [...widget.querySelectorAll(".tl-body *")]
        .filter((e) => !bodyTags.includes(e.localName))
        .map((e) => e.localName);
      const badAttributes = all.flatMap((e) =>
        e.getAttributeNames().filter((name) => name.startsWith("on") || name === "style" || name === "srcdoc" || name === "formaction"),
      );
      const urls = all.flatMap((e) => ["href", "src"].map((name) => e.getAttribute(name)).filter((v) => v !== null));
      const badUrls = urls.filter((url) => {
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\u0000-\u001f]/g, ""));
        return scheme && !["http", "https", "mailto"].includes(scheme[1].toLowerCase());
      });
      return {
        count: window.__xssCount,
        violations: window.__violations,
        strange,
        strangeInBodies,
        badAttributes,
        badUrls,
        frames: window.frames.length,
      };
    },
    { bodyTags: BODY_TAGS, widgetTags: WIDGET_TAGS },
  );
  assert.equal(report.count, 0, "the sentinel never ran");
  assert.equal(dialogs, 0, "no dialog opened");
  assert.deepEqual(report.violations, [], "no CSP violation event");
  assert.deepEqual(reports, [], "no CSP violation report");
  assert.deepEqual(report.strange, [], "only the widget's own and allowlisted elements");
  assert.deepEqual(report.strangeInBodies, [], "bodies hold only allowlisted elements");
  assert.deepEqual(report.badAttributes, []);
  assert.deepEqual(report.badUrls, []);
  assert.equal(report.frames, 0);
  assert.deepEqual(errors, []);
});

test("payloads that were text stay readable as text", async () => {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/hostile.html`);
  await page.waitForSelector(".tl-comment");
  await renderAllPages(page);
  await page.waitForSelector(`.tl-comment >> nth=${payloads.length * 3 - 1}`, { timeout: 30_000 });
  const squash = (text) => text.replace(/\s+/g, " ").trim();
  const shown = await page.evaluate(() =>
    [...document.querySelector("threadline-widget").shadowRoot.querySelectorAll('.tl-comment[id*="-c-text-"]')].map((li) => ({
      id: li.id.replace(/^.*-c-text-/, ""),
      body: li.querySelector(":scope > article .tl-body").textContent,
      author: li.querySelector(":scope > article .tl-author").textContent,
    })),
  );
  assert.equal(shown.length, payloads.length);
  for (const { id, body, author } of shown) {
    const payload = payloads[Number(id)];
    assert.equal(squash(body), squash(payload), `text body ${id}`);
    assert.equal(squash(author), squash(payload), `author name ${id}`);
  }
  assert.equal(squash(await page.locator(".tl-article-title").textContent()), squash(payloads[0]));
});

test("the demo page works under the strict CSP with no violation", async () => {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/site/embed-demo-strict.html`);
  await page.waitForSelector(".tl-comment >> nth=12");
  await page.locator(".tl-toggle").first().click();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(reports, [], "no CSP violation report");
  assert.equal(await page.locator(".tl-figure img").evaluate((img) => img.complete && img.naturalWidth > 0), true);
});
