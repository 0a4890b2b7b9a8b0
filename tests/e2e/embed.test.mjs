// The release bundle, loaded into real pages by its one script tag, in
// headless Chromium: what a reader of a news site would see and do.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { assetFolder, buildRelease, dist, launch, root, serve, settled } from "./harness.mjs";
import { generate } from "../bench/generate.mjs";

let site, cdn, browser, context, page, consoleErrors, flakyCalls, moreRequests, liveVersion, liveRequests;

before(async () => {
  buildRelease();
  const seed = await readFile(join(dist, "data/seed-thread.json"));
  const json = (body) => (req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(body);
  };
  // The CDN: the bundle under a versioned path on another origin.
  // /tampered/ is the same bundle with one byte of the wasm changed.
  const folder = assetFolder();
  const wasm = await readFile(join(dist, folder, "threadline_bg.wasm"));
  cdn = await serve(
    { "/assets/threadline/v1/": dist, "/tampered/": dist },
    {
      [`/tampered/${folder}/threadline_bg.wasm`]: (req, res) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.writeHead(200, { "Content-Type": "application/wasm" });
        res.end(Buffer.concat([wasm, Buffer.from([0])]));
      },
    },
  );
  // The news site: its own pages and API, plus the bundle under a sub-path.
  site = await serve(
    {
      "/site/": dist,
      "/api/images/": join(dist, "data/images"),
      "/fixtures/": join(root, "tests/data"),
    },
    {
      "/article.html": (req, res) => {
        const query = new URL(req.url, site.origin).searchParams;
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(hostPage(query.get("api"), query.get("attrs") || "", query.get("block") || ""));
      },
      "/sri.html": (req, res) => {
        const query = new URL(req.url, site.origin).searchParams;
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title></head><body>
<div id="comments"></div>
<script src="${cdn.origin}${query.get("cdn")}threadline.js" integrity="${query.get("hash")}" crossorigin="anonymous"
  data-src="/api/seed.json" data-target="#comments"></script>
</body></html>`);
      },
      // Two widgets; the second one's thread makes the browser's own Date
      // throw inside it (as Date.toISOString did for an out-of-range time,
      // when the widget still asked it).
      "/isolation.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
<script>
const original = Date.prototype.getTimezoneOffset;
Date.prototype.getTimezoneOffset = function () {
  if (this.getTime() === 1234567890000) throw new RangeError("Invalid time value");
  return original.call(this);
};
</script></head><body>
<div id="first"></div><div id="second"></div>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/seed.json" data-target="#first"></script>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/trap.json" data-target="#second"></script>
</body></html>`);
      },
      // An Austrian page with a count link and its comments, and an Arabic
      // widget in it chosen by data-lang.
      "/languages.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="de-AT"><head><meta charset="utf-8"><title>Sprachen</title></head><body>
<a id="count" href="#de" data-threadline-count data-src="/api/seed.json">Kommentare</a>
<div id="de"></div><div id="ar"></div>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/seed.json" data-target="#de"
  data-strings='{"skip": "Zu den Artikeln springen", "points": {"one": "{n} Stimme", "other": "{n} Stimmen"}}'></script>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/seed.json" data-target="#ar" data-lang="ar" data-thread-id="ar"></script>
</body></html>`);
      },
      // A light page whose own toggle makes it dark, as news sites do.
      "/themed.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed</title>
<style>body { background: #fff; color: #222; } body.dark { background: #111418; color: #eee; }</style></head><body>
<div id="comments"></div>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/seed.json" data-target="#comments"></script>
</body></html>`);
      },
      "/api/trap.json": json(
        JSON.stringify({ comments: [{ id: "t1", body: "A comment whose time the browser refuses.", created: 1234567890 }] }),
      ),
      "/front.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Front page</title>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js"></script></head><body><ul>
<li><a id="seed" href="/a1" data-threadline-count data-src="/api/seed.json">Comments</a></li>
<li><a id="reddit" href="/a2" data-threadline-count data-src="/fixtures/reddit-comments.json" data-preset="reddit">Comments</a></li>
<li><a id="broken" href="/a3" data-threadline-count data-src="/api/invalid.json">Comments</a></li>
</ul></body></html>`);
      },
      "/lazy.html": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lazy</title></head><body>
<h1>A long article</h1><div style="height: 5000px">...</div><div id="comments"></div>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="/api/seed.json" data-target="#comments" data-lazy></script>
</body></html>`);
      },
      "/api/custom.json": json(
        JSON.stringify({
          result: {
            posts: [
              { key: 7, who: { nick: "Ada" }, html: "<p>First &amp; foremost</p><p>Second</p>", at: 1505640000, votes: { up: 5, down: 2 } },
              { key: 8, replyTo: 7, who: { nick: "Bob" }, html: "Agreed", at: "2017-09-17T10:00:00Z" },
              { nokey: true },
            ],
          },
        }),
      ),
      "/api/seed.json": json(seed),
      "/api/large.json": json(JSON.stringify(generate(1000))),
      // The seed as its server has it now: version 1 has c7 edited and a
      // new reply to c3. It answers 304 to the ETag of the current version.
      "/api/live.json": (req, res) => {
        const etag = `"v${liveVersion}"`;
        liveRequests.push(req.headers["if-none-match"] ?? null);
        if (req.headers["if-none-match"] === etag) {
          res.writeHead(304, { ETag: etag });
          return res.end();
        }
        const thread = JSON.parse(seed);
        if (liveVersion > 0) {
          thread.comments.find((c) => c.id === "c7").body = "Edited on the server.";
          thread.comments.find((c) => c.id === "c3").replies = [{ id: "c14", author: "Late Reader", body: "Arrived while you read.", created: "2017-09-18T09:00:00Z" }];
        }
        res.writeHead(200, { "Content-Type": "application/json", ETag: etag });
        res.end(JSON.stringify(thread));
      },
      // A Server-Sent Events stream that sends one comment, then stays open.
      "/api/events": (req, res) => {
        res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        res.write(": open\n\n");
        setTimeout(() => {
          res.write(`data: ${JSON.stringify({ id: "c15", parent: "c1", author: "Streamer", body: "Straight from the stream." })}\n\n`);
        }, 500);
      },
      // The same thread (same id) as it stood at 14:00, before c10 to c13.
      "/api/seed-at-two.json": (req, res) => {
        const thread = JSON.parse(seed);
        const early = (list) =>
          list
            .filter((c) => c.created < "2017-09-17T14:00")
            .map((c) => ({ ...c, replies: early(c.replies || []) }));
        thread.comments = early(thread.comments);
        json(JSON.stringify(thread))(req, res);
      },
      "/api/fail.json": (req, res) => {
        res.writeHead(500, "Internal Server Error", { "Content-Type": "text/plain" });
        res.end("boom");
      },
      "/api/invalid.json": json("<html>this is not JSON</html>"),
      "/api/missing-comments.json": json('{"threads": []}'),
      "/api/morechildren": async (req, res) => {
        moreRequests.push(req.url);
        json(await readFile(join(root, "tests/data/reddit-morechildren.json")))(req, res);
      },
      "/api/flaky.json": (req, res) => {
        flakyCalls += 1;
        if (flakyCalls === 1) {
          res.writeHead(503, "Service Unavailable");
          return res.end();
        }
        json(seed)(req, res);
      },
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
  cdn?.server.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  consoleErrors = [];
  flakyCalls = 0;
  moreRequests = [];
  liveVersion = 0;
  liveRequests = [];

  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("response", (response) => response.status() >= 400 && consoleErrors.push(`${response.status()} ${response.url()}`));
});

/**
 * A news page on the site that loads Threadline from the CDN, cross-origin,
 * with extra tag attributes and a JSON mapping block if given.
 */
function hostPage(api, attrs, block) {
  const config = block.startsWith("config:");
  const mapping = block ? `<script type="application/json"${config ? " data-threadline-config" : ""}>${config ? block.slice(7) : block}</script>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>The host's own article</h1>
<script>window.__before = Object.getOwnPropertyNames(window);</script>
<div id="comments"></div>
<script src="${cdn.origin}/assets/threadline/v1/threadline.js" data-src="${api.startsWith("/") ? api : `/api/${api}`}" data-target="#comments" ${attrs}></script>
${mapping}
</body></html>`;
}

const article = (api, attrs = "", block = "") =>
  `${site.origin}/article.html?${new URLSearchParams({ api, attrs, block })}`;

const comment = (id) => `.tl-comment[id$="-c-${id}"]`;

async function seedThreadShown() {
  await page.waitForSelector(".tl-comment >> nth=12");
  assert.equal(await page.locator(".tl-comment").count(), 13);
}

test("the thread downloads while the wasm does, once", async () => {
  const asked = [];
  page.on("request", (request) => asked.push(new URL(request.url()).pathname.split("/").pop()));
  await page.goto(`${site.origin}/site/embed-demo.html`);
  await seedThreadShown();
  const thread = asked.indexOf("seed-thread.json");
  assert.ok(thread >= 0 && thread < asked.indexOf("threadline_bg.wasm"), asked.join(", "));
  assert.equal(asked.filter((name) => name === "seed-thread.json").length, 1, "the widget's fetch took the preload");
});

test("the embed demo page shows the seed article and its 13 nested comments", async () => {
  await page.goto(`${site.origin}/site/embed-demo.html`);
  await seedThreadShown();
  assert.equal(
    await page.locator(".tl-article-title").textContent(),
    "Popular Mobilization Units Launches Large-Scale Anti-ISIS Operation Near Syrian Border",
  );
  assert.equal(await page.locator(".tl-figure figcaption a").textContent(), "Click to see the full-size map");
  const figure = page.locator(".tl-figure img");
  assert.deepEqual(
    [await figure.getAttribute("width"), await figure.getAttribute("height")],
    ["800", "450"],
    "its space is kept while it loads",
  );
  assert.equal(await page.locator(".tl-list > .tl-comment").count(), 7);
  const parentOf = (id) =>
    page.locator(comment(id)).evaluate((li) => li.parentElement.closest(".tl-comment")?.id.replace(/^.*-c-/, "") ?? null);
  assert.equal(await parentOf("c1"), null);
  assert.equal(await parentOf("c2"), "c1");
  assert.equal(await parentOf("c5"), "c4");
  assert.equal(await parentOf("c6"), "c5");
  assert.equal(await parentOf("c8"), "c7");
  assert.equal(await parentOf("c10"), "c9");
  assert.equal(await parentOf("c13"), "c12");
  assert.match(await page.locator(comment("c11")).textContent(), /İTS A NORMAL OPERATİON/);
  assert.deepEqual(consoleErrors, []);
});

test("folding a comment hides its replies and survives a reload", async () => {
  await page.goto(`${site.origin}/site/embed-demo.html`);
  await seedThreadShown();
  const toggle = page.locator(`${comment("c4")} > article .tl-toggle`);
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await toggle.textContent(), "Show 2 replies");
  assert.equal(await page.locator(".tl-comment").count(), 11);

  await page.reload();
  await page.waitForSelector(comment("c4"));
  await page.waitForSelector(".tl-comment >> nth=10");
  assert.equal(await page.locator(`${comment("c4")} > article .tl-toggle`).getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator(".tl-comment").count(), 11);
  assert.deepEqual(consoleErrors, []);
});

test("loaded cross-origin from a CDN path, it mounts where told and defines one global", async () => {
  await page.goto(`${site.origin}/article.html?api=seed.json`);
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  const added = await page.evaluate(() =>
    Object.getOwnPropertyNames(window).filter((name) => name !== "__before" && !window.__before.includes(name)),
  );
  assert.deepEqual(added, ["Threadline"]);
  assert.equal(await page.locator("h1").count(), 2, "the host's heading and the article's");
  assert.deepEqual(consoleErrors, []);
});

test("the script tag's SRI hash from integrity.json holds, and a tampered wasm is refused", async () => {
  const hashes = JSON.parse(await readFile(join(dist, assetFolder(), "integrity.json"), "utf8"));
  const hash = encodeURIComponent(hashes["threadline.js"]);
  await page.goto(`${site.origin}/sri.html?cdn=/assets/threadline/v1/&hash=${hash}`);
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  assert.deepEqual(consoleErrors, []);

  await page.goto(`${site.origin}/sri.html?cdn=/tampered/&hash=${hash}`);
  await page.waitForFunction(() => document.querySelector("threadline-widget"));
  await page.waitForTimeout(1500);
  assert.equal(await page.locator("#comments .tl-comment").count(), 0, "nothing from a tampered bundle runs");
  assert.ok(
    consoleErrors.some((error) => /integrity/i.test(error)),
    `the browser names the integrity failure: ${consoleErrors.join(" | ")}`,
  );
});

test("comment-count links on an index page show each article's count through its mapping", async () => {
  await page.goto(`${site.origin}/front.html`);
  await page.waitForFunction(() => document.querySelector("#reddit").textContent !== "Comments");
  await page.waitForFunction(() => document.querySelector("#seed").textContent !== "Comments");
  assert.equal(await page.locator("#seed").textContent(), "13 comments");
  assert.equal(await page.locator("#reddit").textContent(), "55 comments");
  assert.equal(await page.locator("#broken").textContent(), "Comments", "a failed count keeps the link's own text");
  assert.equal(await page.locator("threadline-widget").count(), 0, "no widget on the index page");
  assert.deepEqual(consoleErrors, []);
});

test("a widget that fails shows its own error and Retry; the other widget on the page works on", async () => {
  const events = [];
  await page.exposeFunction("recordError", (detail) => events.push(detail));
  await page.addInitScript(() =>
    document.addEventListener("threadline:error", (event) => window.recordError(event.detail.message)),
  );
  await page.goto(`${site.origin}/isolation.html`);
  const alert = page.locator("#second [role=alert]");
  await alert.waitFor();
  assert.equal(await alert.locator("p").textContent(), "Something went wrong while showing the comments. Please try again.");
  assert.equal(await alert.locator("button").textContent(), "Retry");
  await page.waitForSelector("#first .tl-comment >> nth=12");
  const up = page.locator(`#first ${comment("c3")} > article .tl-up`);
  await up.click();
  await page.waitForFunction(
    () => document.querySelector("#first threadline-widget").shadowRoot.querySelector('[id$="-c-c3"] > article .tl-up').getAttribute("aria-pressed") === "true",
  );
  await page.locator(`#first ${comment("c3")} > article .tl-reply`).click();
  assert.equal(await page.locator(`#first ${comment("c3")} > .tl-composer`).count(), 1, "the first widget still answers clicks");
  assert.deepEqual(events, ["Something went wrong while showing the comments. Please try again."]);
  assert.ok(consoleErrors.some((line) => /stopped working: RangeError: Invalid time value/.test(line)), consoleErrors.join("\n"));
});

test("a trap deep in the wasm, whose stack names no widget, stops the page's only widget with its message and Retry", async () => {
  // What a stack overflow or running out of memory throws: ten wasm frames
  // and no glue, so the stack cannot say which widget it was.
  const trap = () =>
    setTimeout(() => {
      const error = new WebAssembly.RuntimeError("memory access out of bounds");
      const frame = `\n    at ${location.origin}/site/threadline/threadline_bg.wasm:wasm-function[1]:0x1`;
      Object.defineProperty(error, "stack", { value: `RuntimeError: memory access out of bounds${frame.repeat(10)}` });
      throw error;
    });
  await page.goto(`${site.origin}/article.html?api=seed.json`);
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  await page.evaluate(trap);
  const alert = page.locator("#comments [role=alert]");
  await alert.waitFor();
  assert.equal(await alert.locator("p").textContent(), "Something went wrong while showing the comments. Please try again.");
  await alert.locator("button").click();
  await page.waitForSelector("#comments .tl-comment >> nth=12");

  // With two widgets the trap could be either's: both stay as they are.
  await page.goto(`${site.origin}/site/two-widgets.html`);
  await page.waitForSelector("#second .tl-comment >> nth=1");
  await page.evaluate(trap);
  await page.waitForTimeout(500);
  assert.equal(await page.locator("[role=alert]").count(), 0);
  assert.equal(await page.locator("#first .tl-comment").count(), 3);
});

test("two widgets on one page load and fold independently", async () => {
  await page.goto(`${site.origin}/site/two-widgets.html`);
  await page.waitForSelector("#first .tl-comment >> nth=2");
  await page.waitForSelector("#second .tl-comment >> nth=1");
  assert.equal(await page.locator("#first .tl-count").textContent(), "3 comments");
  assert.equal(await page.locator("#second .tl-count").textContent(), "2 comments");
  await page.locator("#first .tl-toggle").first().click();
  assert.equal(await page.locator("#first .tl-comment").count(), 1);
  assert.equal(await page.locator("#second .tl-comment").count(), 2);
  const ids = await page.locator("[id]").evaluateAll((all) => all.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, "element ids are unique across widgets");
  assert.deepEqual(consoleErrors, []);
});

test("an HTTP 500 tells the reader in a sentence, the console the status, and offers Retry", async () => {
  await page.goto(`${site.origin}/article.html?api=fail.json`);
  const alert = page.locator("#comments [role=alert]");
  await alert.waitFor();
  assert.equal(
    await alert.locator("p").textContent(),
    "The comment server could not send the comments just now. Please try again in a moment.",
  );
  assert.ok(consoleErrors.some((line) => /fail\.json: HTTP 500 Internal Server Error/.test(line)), consoleErrors.join("\n"));
  assert.equal(await alert.locator("button").textContent(), "Retry");
});

test("invalid JSON, or JSON of the wrong shape: a sentence for the reader, the detail in the console", async () => {
  await page.goto(`${site.origin}/article.html?api=invalid.json`);
  const alert = page.locator("#comments [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /^The comments arrived in a form that cannot be shown\./);
  assert.ok(consoleErrors.some((line) => /not valid JSON: expected value at line 1 column 1/.test(line)), consoleErrors.join("\n"));

  await page.goto(`${site.origin}/article.html?api=missing-comments.json`);
  await page.locator("#comments [role=alert]").waitFor();
  assert.doesNotMatch(await page.locator("#comments [role=alert]").textContent(), /`|JSON|line/);
  assert.ok(consoleErrors.some((line) => /no `comments` in the response; its top-level has one key, threads/.test(line)), consoleErrors.join("\n"));
});

test("Retry loads the thread once the server recovers", async () => {
  await page.goto(`${site.origin}/article.html?api=flaky.json`);
  const alert = page.locator("#comments [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not send the comments just now/);
  await alert.locator("button").click();
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  assert.equal(await page.locator("#comments [role=alert]").count(), 0);
});

test("scrolling to the end shows exactly one more page of comments each time, also after a Show more replies click", async () => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(article("large.json"));
  // The thread's own row, which comes once the first page has all come
  // (reply lists have rows of that class too).
  await page.waitForSelector("#comments .tl-thread > .tl-next-page");
  const shown = () => page.locator("#comments .tl-list > .tl-comment").count();
  const toTheEnd = async (expected) => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction((expected) => {
      const root = document.querySelector("#comments threadline-widget").shadowRoot;
      return root.querySelectorAll(".tl-list > .tl-comment").length >= expected;
    }, expected);
    // Time for a second page to come, if one wrongly would.
    await page.waitForTimeout(800);
    assert.equal(await shown(), expected);
  };
  assert.equal(await shown(), 10);
  await toTheEnd(20);
  await toTheEnd(30);
  const replies = page.locator("#comments .tl-more-replies").first();
  await replies.click();
  await page.waitForTimeout(300);
  assert.equal(await shown(), 30, "more replies shows no more top-level comments");
  await toTheEnd(40);
  await toTheEnd(50);
});

test("a big thread's first page comes from the top down, a few comments a frame, and nothing drawn moves", async () => {
  await page.setViewportSize({ width: 1000, height: 800 });
  // At every frame: the comments and "more replies" rows drawn, in page
  // order, with where they are.
  await page.addInitScript(() => {
    window.frames_ = [];
    window.busy_ = [];
    const tick = () => {
      const root = document.querySelector("#comments threadline-widget")?.shadowRoot;
      const items = root ? [...root.querySelectorAll(".tl-comment, .tl-next-page")] : [];
      const name = (item) => (item.id || `more of ${item.closest(".tl-comment")?.id || "the thread"}`);
      if (items.length) {
        window.frames_.push(items.map((item) => [name(item), item.getBoundingClientRect().top + scrollY]));
        window.busy_.push(root.querySelector("[role=feed]").getAttribute("aria-busy"));
      }
      if (!root?.querySelector(".tl-thread > .tl-next-page")) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(article("large.json"));
  await page.waitForSelector("#comments .tl-thread > .tl-next-page");
  const frames = await page.evaluate(() => window.frames_);
  const last = frames.at(-1);
  const order = `${last.map(([id]) => id).join(" ")} `;
  assert.equal(last.filter(([id]) => !id.startsWith("more of")).length, 163, "the 1,000-comment thread's first page");
  for (const frame of frames) {
    assert.ok(order.startsWith(`${frame.map(([id]) => id).join(" ")} `), "comments and rows come only below those drawn");
  }
  const busy = await page.evaluate(() => window.busy_);
  assert.deepEqual(busy.slice(0, -1), Array(busy.length - 1).fill("true"), "a screen reader hears the feed is busy while it fills");
  assert.equal(busy.at(-1), "false", "and not once it is drawn");
  const sizes = frames.map((frame) => frame.length);
  assert.ok(sizes[0] <= 4, `the first frame has the first comment without its 200 replies: ${sizes.join(", ")}`);
  assert.ok(new Set(sizes).size >= 4, `drawn over several frames: ${sizes.join(", ")}`);
  // Where each comment stood when it was first drawn in the window.
  const at = new Map(last);
  for (const frame of frames) {
    for (const [id, top] of frame.filter(([, top]) => top < 800)) {
      assert.equal(top, at.get(id), `${id} stays where it was drawn`);
    }
  }
});

test("data-preset reads a Mastodon context, cross-origin", async () => {
  await page.goto(article("/fixtures/mastodon-context.json", 'data-preset="mastodon" data-link-target="_blank"'));
  await page.waitForSelector("#comments .tl-count");
  assert.equal(await page.locator("#comments .tl-count").textContent(), "59 comments");
  await settled(page);
  const top = page.locator("#comments .tl-list > .tl-comment");
  // Scrolling near the end renders the next pages, until all 43 are there.
  // The page may load the next one by itself at any moment, so each step
  // counts and scrolls in one go inside the page.
  for (let pages = 0; pages < 10; pages++) {
    const shown = await page.evaluate(() => {
      const root = document.querySelectorAll("#comments threadline-widget")[0].shadowRoot;
      const next = root.querySelector(".tl-thread > .tl-next-page");
      next?.scrollIntoView();
      return next ? root.querySelectorAll(".tl-list > .tl-comment").length : -1;
    });
    if (shown < 0) break;
    await page.waitForFunction((shown) => {
      const root = document.querySelectorAll("#comments threadline-widget")[0].shadowRoot;
      return root.querySelectorAll(".tl-list > .tl-comment").length > shown || !root.querySelector(".tl-thread > .tl-next-page");
    }, shown);
  }
  assert.equal(await top.count(), 43);
  assert.equal(await page.locator("#comments .tl-body script").count(), 0);
  const links = await page
    .locator("#comments .tl-body a")
    .evaluateAll((all) => all.map((a) => [a.getAttribute("href"), a.rel, a.getAttributeNames().sort().join(" "), a.target]));
  assert.ok(links.length > 0, "mentions and hashtags stay links");
  for (const [href, rel, names, target] of links) {
    assert.match(href, /^https:\/\//);
    assert.equal(rel, "nofollow ugc noopener noreferrer");
    assert.equal(names, "href rel target");
    assert.equal(target, "_blank", "links open where the site said");
  }
  const avatars = await page.locator("#comments img.tl-avatar").count();
  assert.ok(avatars > 0, "avatars shown");
});

test("a JSON mapping block next to the tag maps a site's own API", async () => {
  const mapping = JSON.stringify({
    comments: "result.posts",
    id: "key",
    parent: "replyTo",
    author: "who.nick",
    body: "html",
    format: "html",
    created: "at",
    up: "votes.up",
    down: "votes.down",
  });
  await page.goto(article("custom.json", "", mapping));
  await page.waitForSelector("#comments .tl-comment >> nth=1");
  assert.equal(await page.locator("#comments .tl-count").textContent(), "2 comments");
  assert.equal(await page.locator("#comments .tl-skipped").textContent(), "1 comment could not be shown.");
  const ada = page.locator(`#comments ${comment("7")}`);
  assert.match(await ada.locator(":scope > article .tl-author").textContent(), /Ada/);
  assert.match(await ada.locator(":scope > article .tl-score").textContent(), /3 points/);
  assert.deepEqual(await ada.locator(":scope > article .tl-body p").allTextContents(), ["First & foremost", "Second"]);
  assert.equal(await page.locator(`#comments ${comment("8")}`).evaluate((li) => li.parentElement.closest(".tl-comment").id.replace(/^.*-c-/, "")), "7");
});

test("a mapping that does not fit says which path found nothing and what is there", async () => {
  await page.goto(article("/fixtures/reddit-morechildren.json", 'data-preset="reddit"'));
  const alert = page.locator("#comments [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /arrived in a form that cannot be shown/);
  assert.ok(consoleErrors.some((line) => /no `1\.data\.children` in the response; its top-level has one key, json/.test(line)));

  await page.goto(article("seed.json", 'data-preset="disqus"'));
  await page.locator("#comments [role=alert]").waitFor();
  assert.match(await page.locator("#comments [role=alert]").textContent(), /not set up correctly, so they cannot be shown\. Please let the site know\./);
  assert.ok(consoleErrors.some((line) => /there is no preset `disqus`/.test(line)));

  await page.goto(article("seed.json", `data-vote-url="/v" data-vote-headers="[1]"`));
  await page.locator("#comments [role=alert]").waitFor();
  assert.match(await page.locator("#comments [role=alert]").textContent(), /not set up correctly/);
  assert.ok(consoleErrors.some((line) => /data-vote-headers must be a JSON object/.test(line)), consoleErrors.join("\n"));
});

test("a Reddit 'more' row loads its replies in place through the load-more template", async () => {
  const mapping = JSON.stringify({ loadMore: { url: "/api/morechildren?link_id=t3_tram42&children={ids}" } });
  // A permalink opens the way to the comment, then its other replies are asked for.
  await page.goto(article("/fixtures/reddit-comments.json", 'data-preset="reddit"', mapping) + "#tl1-c-t1_r15");
  const parent = page.locator(`#comments ${comment("t1_r15")}`);
  await parent.waitFor();
  await page.waitForFunction(() => {
    const active = document.querySelector("#comments threadline-widget").shadowRoot.activeElement;
    return active && active.closest(".tl-comment").id.endsWith("-c-t1_r15");
  });
  const box = await parent.locator(":scope > article").boundingBox();
  assert.ok(box.y > -1 && box.y < page.viewportSize().height, `the permalinked comment is on screen (y = ${box.y})`);
  const next = parent.locator(":scope > ul > .tl-next-page button");
  while (await next.count()) await next.click();
  const more = parent.locator(":scope > ul > .tl-more button");
  await more.waitFor();
  assert.equal(await more.textContent(), "3 more replies");
  const before = await page.locator("#comments .tl-comment").count();
  await more.click();
  await page.locator(`#comments ${comment("t1_k1")}`).waitFor();
  assert.equal(moreRequests.length, 1);
  const query = new URL(moreRequests[0], site.origin).searchParams;
  assert.equal(query.get("link_id"), "t3_tram42");
  assert.equal(query.get("children"), "m1,m2,m3");
  assert.equal(await parent.locator(":scope > ul > .tl-more").count(), 0, "the row is replaced");
  assert.equal(
    await page.locator(`#comments ${comment("t1_k1")}`).evaluate((li) => li.parentElement.closest(".tl-comment").id.replace(/^.*-c-/, "")),
    "t1_r15",
    "replies whose parent is not loaded take the row's place",
  );
  assert.equal(await page.locator("#comments .tl-comment").count(), before + 6);
  assert.deepEqual(consoleErrors, []);
});

test("a local vote shows at once, survives a reload and is not counted twice", async () => {
  await page.goto(`${site.origin}/site/embed-demo.html`);
  await seedThreadShown();
  const up = page.locator(`${comment("c1")} > article .tl-up`);
  const score = page.locator(`${comment("c1")} > article .tl-score`);
  assert.equal(await score.textContent(), "14 points");
  await up.click();
  assert.equal(await score.textContent(), "15 points");
  assert.equal(await up.getAttribute("aria-pressed"), "true");
  await page.reload();
  await seedThreadShown();
  assert.equal(await score.textContent(), "15 points");
  assert.equal(await up.getAttribute("aria-pressed"), "true");
  await up.click();
  assert.equal(await score.textContent(), "14 points", "clicking again takes the vote back");
  assert.deepEqual(consoleErrors, []);
});

test("two tabs of one thread keep each other's votes and comments, live and after a reload", async () => {
  const tabA = page;
  const tabB = await context.newPage();
  await tabA.goto(`${site.origin}/site/embed-demo.html`);
  await tabB.goto(`${site.origin}/site/embed-demo.html`);
  for (const tab of [tabA, tabB]) await tab.waitForSelector(".tl-comment >> nth=12");
  const pressed = (tab, id, which) => tab.locator(`${comment(id)} > article .tl-${which}`).getAttribute("aria-pressed");
  await tabA.locator(`${comment("c1")} > article .tl-up`).click();
  await tabB.locator(`${comment("c4")} > article .tl-down`).click();
  const top = tabB.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Posted from the second tab.");
  await top.locator("button[type=submit]").click();
  await tabA.locator(`${comment("c5")} > article .tl-up`).click();
  // Tab A shows what tab B did without a reload (the storage event).
  await tabA.waitForFunction(() =>
    document.querySelector("threadline-widget").shadowRoot.textContent.includes("Posted from the second tab."),
  );
  assert.equal(await pressed(tabA, "c4", "down"), "true");
  assert.equal(await pressed(tabB, "c5", "up"), "true");
  for (const tab of [tabA, tabB]) {
    await tab.reload();
    await tab.waitForSelector(".tl-comment >> nth=13");
    assert.equal(await pressed(tab, "c1", "up"), "true");
    assert.equal(await pressed(tab, "c4", "down"), "true");
    assert.equal(await pressed(tab, "c5", "up"), "true");
    assert.equal(await tab.locator(".tl-comment", { hasText: "Posted from the second tab." }).count(), 1);
  }
  await tabB.close();
});

test("local-only: a draft survives a reload, an empty comment is refused, a reply is kept", async () => {
  await page.goto(`${site.origin}/site/embed-demo.html`);
  await seedThreadShown();
  const top = page.locator(".tl-thread > .tl-composer");
  assert.equal(await top.locator("button[type=submit]").count(), 0, "one line until the reader goes to it");
  await top.locator("textarea").focus();
  await top.locator("button[type=submit]").click();
  assert.equal(await top.locator("[role=alert]").textContent(), "Write something before sending.");
  await top.locator("textarea").fill("A draft I do not want to lose");
  await page.reload();
  await seedThreadShown();
  assert.equal(await top.locator("textarea").inputValue(), "A draft I do not want to lose");

  await page.locator(`${comment("c3")} > article .tl-reply`).click();
  const box = page.locator(`${comment("c3")} > .tl-composer`);
  await box.locator("textarea").fill("Replying to Trustin: see https://example.com/dawn");
  await box.locator("input").fill("Demo Reader");
  assert.match(await box.locator(".tl-preview a").getAttribute("href"), /example\.com\/dawn/);
  await box.locator("button[type=submit]").click();
  const reply = page.locator(`${comment("c3")} > ul > .tl-comment`);
  await reply.waitFor();
  assert.match(await reply.textContent(), /Demo Reader/);
  assert.equal(await page.locator(".tl-count").textContent(), "14 comments", "the heading counts the nested reply at once");
  await page.reload();
  await page.waitForSelector(".tl-comment >> nth=13");
  assert.equal(await page.locator(".tl-count").textContent(), "14 comments");
  assert.match(await page.locator(`${comment("c3")} > ul > .tl-comment`).textContent(), /Replying to Trustin/);
  assert.equal(await page.locator(`${comment("c3")} > .tl-composer`).count(), 0);
  assert.equal(await page.locator(".tl-thread > .tl-composer textarea").inputValue(), "A draft I do not want to lose");
  assert.deepEqual(consoleErrors, []);
});

test("data-theme forces dark or light, and the mount handle switches it at run time", async () => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(article("seed.json", 'data-theme="dark"'));
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  const accent = () => page.locator("#comments .tl-toggle").first().evaluate((b) => getComputedStyle(b).color);
  assert.equal(await accent(), "rgb(140, 184, 255)", "dark accent on a light system");
  await page.evaluate(async () => {
    const handle = await window.Threadline.mount(document.body, { src: "/api/seed.json", threadId: "themed", theme: "auto" });
    window.__handle = handle;
  });
  await page.locator("threadline-widget").last().locator(".tl-comment").nth(12).waitFor();
  const second = () =>
    page.evaluate(() => getComputedStyle([...document.querySelectorAll("threadline-widget")].at(-1).shadowRoot.querySelector(".tl-toggle")).color);
  assert.equal(await second(), "rgb(26, 95, 180)", "auto follows the light system");
  await page.evaluate(() => window.__handle.setTheme("dark"));
  assert.equal(await second(), "rgb(140, 184, 255)", "switched at run time");
});

test("the widget speaks the page's language, or data-lang's, with the direction it reads in", async () => {
  await page.goto(`${site.origin}/languages.html`);
  await page.waitForSelector("#de .tl-comment >> nth=12");
  await page.waitForSelector("#ar .tl-comment >> nth=12");
  const widget = (id) =>
    page.evaluate((id) => {
      const root = document.querySelector(`#${id} threadline-widget`).shadowRoot.querySelector(".threadline");
      return {
        lang: root.getAttribute("lang"),
        dir: root.getAttribute("dir"),
        heading: root.querySelector(".tl-count").textContent,
        reply: root.querySelector(".tl-reply").textContent,
        bodyDir: root.querySelector(".tl-body").getAttribute("dir"),
        skip: root.querySelector(".tl-skip").textContent,
        score: root.querySelector(".tl-score").textContent,
      };
    }, id);
  assert.deepEqual(await widget("de"), {
    lang: "de",
    dir: "ltr",
    heading: "13 Kommentare",
    reply: "Antworten",
    bodyDir: "auto",
    skip: "Zu den Artikeln springen",
    score: "14 Stimmen",
  }, "German from the page's lang, with the site's own words from data-strings");
  assert.deepEqual(await widget("ar"), {
    lang: "ar",
    dir: "rtl",
    heading: "13 تعليقًا",
    reply: "ردّ",
    bodyDir: "auto",
    skip: "تخطّي التعليقات",
    score: "14 نقطة",
  });
  await page.waitForFunction(() => document.querySelector("#count").textContent !== "Kommentare");
  assert.equal(await page.locator("#count").textContent(), "13 Kommentare", "the count link says what the heading says");
});

test("auto matches the page's own background over the reader's system, and follows the site's dark mode", async () => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${site.origin}/themed.html`);
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  const look = () =>
    page.evaluate(() => {
      const host = document.querySelector("threadline-widget");
      const style = (selector, property) => getComputedStyle(host.shadowRoot.querySelector(selector))[property];
      return {
        theme: host.getAttribute("data-theme"),
        muted: style(".tl-permalink", "color"),
        author: style(".tl-meta > .tl-author", "color"),
        field: style(".tl-composer textarea", "borderTopColor"),
      };
    });
  assert.deepEqual(
    await look(),
    { theme: "light", muted: "rgb(94, 102, 112)", author: "rgb(34, 34, 34)", field: "rgb(140, 149, 159)" },
    "a light page on a dark system: light colours, the author in the page's text colour, fields edged at 3:1",
  );
  await page.evaluate(() => document.body.classList.add("dark"));
  await page.waitForFunction(() => document.querySelector("threadline-widget").getAttribute("data-theme") === "dark");
  assert.deepEqual(await look(), { theme: "dark", muted: "rgb(163, 171, 181)", author: "rgb(238, 238, 238)", field: "rgb(125, 133, 144)" });
  await page.emulateMedia({ colorScheme: "light" });
});

test("the widget inherits the page's font and colour unless data-inherit is off, given any of three ways", async () => {
  await page.emulateMedia({ colorScheme: "light" });
  const look = async (widget) => {
    await page.addStyleTag({ content: "body { font-family: Georgia, serif; color: rgb(120, 10, 10); }" });
    return page.evaluate((widget) => {
      const p = [...document.querySelectorAll("threadline-widget")][widget].shadowRoot.querySelector(".tl-body p");
      const style = getComputedStyle(p);
      return [style.fontFamily.split(",")[0], style.color];
    }, widget);
  };
  await page.goto(article("seed.json"));
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  assert.deepEqual(await look(0), ["Georgia", "rgb(120, 10, 10)"], "inherited by default");
  const own = ["system-ui", "rgb(31, 35, 40)"];
  await page.goto(article("seed.json", 'data-inherit="off"'));
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  assert.deepEqual(await look(0), own, "data-inherit attribute");
  await page.goto(article("seed.json", "", 'config:{"inherit": "off"}'));
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  assert.deepEqual(await look(0), own, "data-threadline-config block");
  await page.evaluate(() => window.Threadline.mount(document.body, { src: "/api/seed.json", threadId: "own", inherit: "off" }));
  await page.waitForFunction(() => document.querySelectorAll("threadline-widget")[1]?.shadowRoot.querySelector(".tl-body p"));
  assert.deepEqual(await look(1), own, "Threadline.mount settings");
});

test("data-lazy loads nothing, its stylesheet included, until the reader scrolls near the comments, and keeps its space meanwhile", async () => {
  const wasm = [];
  const css = [];
  page.on("request", (request) => request.url().endsWith(".wasm") && wasm.push(request.url()));
  page.on("request", (request) => request.url().endsWith(".css") && css.push(request.url()));
  await page.goto(`${site.origin}/lazy.html`);
  await page.waitForTimeout(800);
  assert.deepEqual(wasm, [], "no wasm fetched for an unseen widget");
  assert.deepEqual(css, [], "nor its stylesheet");
  assert.equal(await page.locator(".tl-comment").count(), 0);
  const reserved = await page.evaluate(() => document.querySelector("threadline-widget").getBoundingClientRect().height);
  assert.equal(reserved, 320, "20rem kept for it");
  await page.locator("#comments").scrollIntoViewIfNeeded();
  await page.waitForSelector(".tl-comment >> nth=12");
  assert.equal(wasm.length, 1);
});

test("the host element hears ready, vote, reply and error events; the handle refreshes and destroys", async () => {
  await page.goto(article("seed.json"));
  await page.evaluate(() => {
    window.__events = [];
    for (const name of ["ready", "vote", "reply", "error"]) {
      document.querySelector("#comments").addEventListener(`threadline:${name}`, (event) => window.__events.push([name, event.detail]));
    }
  });
  await page.waitForSelector("#comments .tl-comment >> nth=12");
  await page.locator(`#comments ${comment("c3")} > article .tl-up`).click();
  const top = page.locator("#comments .tl-thread > .tl-composer");
  await top.locator("textarea").fill("Hello");
  await top.locator("button[type=submit]").click();
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.filter(([name]) => name !== "ready"), [
    ["vote", { id: "c3", value: 1 }],
    ["reply", { parent: null }],
  ]);

  const mounted = await page.evaluate(async () => {
    const host = document.createElement("section");
    document.body.append(host);
    const seen = [];
    host.addEventListener("threadline:ready", (event) => seen.push(event.detail.comments));
    host.addEventListener("threadline:error", (event) => seen.push(`${event.detail.message} | ${event.detail.detail}`));
    const handle = await window.Threadline.mount(host, { src: "/api/flaky.json", threadId: "handle" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    handle.refresh();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const before = document.querySelectorAll("threadline-widget").length;
    handle.destroy();
    return { seen, before, after: document.querySelectorAll("threadline-widget").length };
  });
  assert.equal(mounted.seen.length, 2);
  assert.match(mounted.seen[0], /just now\. .* \| HTTP 503/, "an error event with the reader's message and the detail, then after refresh()...");
  assert.equal(mounted.seen[1], 13, "...a ready event with the count");
  assert.equal(mounted.after, mounted.before - 1, "destroy() removes the widget");

  // The widget starts a task after its handle is there: destroyed at once,
  // before it has started, it leaves nothing behind and says nothing.
  const early = await page.evaluate(async () => {
    const host = document.createElement("section");
    document.body.append(host);
    let heard = 0;
    for (const name of ["ready", "error", "rendered"]) host.addEventListener(`threadline:${name}`, () => heard++);
    const handle = await window.Threadline.mount(host, { src: "/api/seed.json", threadId: "early" });
    handle.destroy();
    await new Promise((resolve) => setTimeout(resolve, 800));
    return { heard, widgets: host.querySelectorAll("threadline-widget").length };
  });
  assert.deepEqual(early, { heard: 0, widgets: 0 });
});

test("settings can come from a JSON config block next to the tag", async () => {
  const config = JSON.stringify({ preset: "mastodon", maxLength: 10, linkTarget: "_blank" });
  await page.goto(article("/fixtures/mastodon-context.json", "", `config:${config}`));
  await page.waitForSelector("#comments .tl-count");
  assert.equal(await page.locator("#comments .tl-count").textContent(), "59 comments");
  await page.locator("#comments .tl-thread > .tl-composer textarea").focus();
  assert.equal(await page.locator("#comments .tl-thread > .tl-composer .tl-counter").textContent(), "0 / 10");
  assert.equal(await page.locator("#comments .tl-body a").first().getAttribute("target"), "_blank");
});

test("data-sort opens the thread in an order; the reader's choice is remembered; their new comment leads", async () => {
  const tops = () => page.locator(".tl-list > .tl-comment").evaluateAll((items) => items.map((li) => li.id.replace(/^.*-c-/, "")));
  await page.goto(article("seed.json", 'data-sort="top"'));
  await seedThreadShown();
  const select = page.locator(".tl-sort select");
  assert.equal(await page.locator(".tl-sort label").textContent(), "Sort by");
  assert.equal(await select.inputValue(), "top");
  assert.deepEqual(await tops(), ["c7", "c1", "c3", "c11", "c12", "c9", "c4"]);

  await select.selectOption("new");
  assert.deepEqual(await tops(), ["c12", "c11", "c9", "c7", "c4", "c3", "c1"]);
  await page.reload();
  await seedThreadShown();
  assert.equal(await select.inputValue(), "new", "the reader's choice beats data-sort after a reload");
  assert.deepEqual(await tops(), ["c12", "c11", "c9", "c7", "c4", "c3", "c1"]);

  const composer = page.locator(".tl-thread > .tl-composer");
  await composer.locator("textarea").focus();
  await composer.locator("textarea").fill("My first comment here");
  await composer.locator("button[type=submit]").click();
  await page.waitForSelector(".tl-comment >> nth=13");
  const mine = (await tops())[0];
  assert.match(await page.locator(comment(mine)).textContent(), /My first comment here/, "the new comment is where the reader is");
  await select.selectOption("old");
  assert.equal((await tops())[0], mine, "and stays there in any order until the next load");
  assert.deepEqual((await tops()).slice(1), ["c1", "c3", "c4", "c7", "c9", "c11", "c12"]);
  assert.deepEqual(consoleErrors, []);
});

test("comments since the last visit are marked new, counted, and walked with Next or n", async () => {
  await page.goto(article("seed-at-two.json"));
  await page.waitForSelector(".tl-comment >> nth=8");
  assert.equal(await page.locator(".tl-comment").count(), 9);
  assert.equal(await page.locator(".tl-new").count(), 0, "a first visit has nothing new");
  assert.equal(await page.locator(".tl-next-new").count(), 0);

  await page.goto(article("seed.json"));
  await seedThreadShown();
  assert.equal(await page.locator(".tl-count").textContent(), "13 comments · 4 new");
  const marked = await page.locator(".tl-new").evaluateAll((badges) => badges.map((b) => b.closest(".tl-comment").id.replace(/^.*-c-/, "")));
  assert.deepEqual(marked, ["c10", "c11", "c12", "c13"]);
  const at = () => page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.closest(".tl-comment")?.id.replace(/^.*-c-/, "") ?? null;
  });
  await page.locator(".tl-next-new").click();
  await page.waitForFunction(() => document.querySelector("threadline-widget").shadowRoot.activeElement?.closest(".tl-comment"));
  assert.equal(await at(), "c10");
  await page.keyboard.press("n");
  await page.waitForTimeout(200);
  assert.equal(await at(), "c11", "n goes on to the next new comment");

  await page.reload();
  await seedThreadShown();
  assert.equal(await page.locator(".tl-new").count(), 0, "seen now");
  assert.deepEqual(consoleErrors, []);
});

test("data-live polls with the server's ETag; an edit shows in place, a new comment waits behind a banner", async () => {
  await page.goto(article("live.json", 'data-live="5"'));
  await seedThreadShown();
  for (let i = 0; i < 150 && liveRequests.length < 3; i++) await page.waitForTimeout(100);
  assert.deepEqual(liveRequests.slice(0, 3), [null, null, '"v0"'], "the load, the first check, then a conditional one (answered 304)");
  liveVersion = 1;
  const banner = page.locator(".tl-show-live");
  await banner.waitFor({ timeout: 15_000 });
  assert.equal(await banner.textContent(), "1 new comment: show");
  assert.match(await page.locator(`${comment("c7")} > article .tl-body`).textContent(), /Edited on the server\./, "the edit is in place at once");
  assert.equal(await page.locator(comment("c14")).count(), 0, "the new comment waits");
  await banner.click();
  await page.locator(comment("c14")).waitFor();
  assert.match(await page.locator(`${comment("c14")} > article`).textContent(), /New/);
  assert.equal(await page.locator(".tl-count").textContent(), "14 comments · 1 new");
  assert.equal(await banner.count(), 0);
  assert.deepEqual(consoleErrors, []);
});

test("data-live-url takes comments from a Server-Sent Events stream", async () => {
  await page.goto(article("seed.json", 'data-live-url="/api/events"'));
  await seedThreadShown();
  const banner = page.locator(".tl-show-live");
  await banner.waitFor({ timeout: 10_000 });
  assert.equal(await banner.textContent(), "1 new comment: show");
  await banner.click();
  const streamed = page.locator(`${comment("c1")} > ul > ${comment("c15")}`);
  await streamed.waitFor();
  assert.match(await streamed.textContent(), /Straight from the stream\./);
  assert.deepEqual(consoleErrors, []);
});

test("data-collapse-below starts low scores as one line; Mute hides an author on every thread until Unmute", async () => {
  await page.goto(article("seed.json", 'data-collapse-below="0"'));
  await seedThreadShown();
  const note = (id) => page.locator(`${comment(id)} > .tl-hidden .tl-hidden-note span`);
  assert.equal(await note("c4").textContent(), "Hidden for a low score: -6 points.");
  await page.locator(`${comment("c4")} > .tl-hidden .tl-unmask`).click();
  await page.locator(`${comment("c4")} > article.tl-card:not(.tl-hidden)`).waitFor();
  assert.match(await page.locator(`${comment("c4")} > article`).textContent(), /MD Ranix/);

  await page.locator(`${comment("c3")} > article .tl-more-actions`).click();
  await page.locator(`${comment("c3")} > article .tl-mute`).click();
  assert.equal(await note("c3").textContent(), "You muted Trustin Judeau.");
  await page.goto(article("seed-at-two.json"));
  await page.waitForSelector(".tl-comment >> nth=8");
  assert.equal(await note("c3").textContent(), "You muted Trustin Judeau.", "on the site's other threads too");
  await page.locator(`${comment("c3")} > .tl-hidden .tl-unmask`).click();
  await page.locator(`${comment("c3")} > article .tl-more-actions`).click();
  await page.locator(`${comment("c3")} > article .tl-mute`).click();
  assert.equal(await page.locator(".tl-hidden").count(), 0, "Unmute shows them again");
  assert.deepEqual(consoleErrors, []);
});

test("data-live asks nothing while the tab is hidden, and again once it is shown", async () => {
  await page.goto(article("live.json", 'data-live="5"'));
  await seedThreadShown();
  await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => true }));
  await page.waitForTimeout(11_000);
  assert.equal(liveRequests.length, 1, "only the load");
  await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => false }));
  for (let i = 0; i < 30 && liveRequests.length < 2; i++) await page.waitForTimeout(100);
  assert.equal(liveRequests.length, 2, "the check it held back, as soon as the tab shows");
});

test("data-input-format makes the preview show what the server will: markdown, through the allowlist", async () => {
  await page.goto(article("seed.json", 'data-input-format="markdown"'));
  await seedThreadShown();
  const top = page.locator(".tl-thread > .tl-composer");
  await top.locator("textarea").fill("Some *emphasis* and <script>alert(1)</script>");
  assert.equal(await top.locator(".tl-preview em").textContent(), "emphasis");
  assert.equal(await top.locator(".tl-preview script").count(), 0);
  await page.goto(article("seed.json"));
  await seedThreadShown();
  await top.locator("textarea").fill("Some *emphasis*");
  assert.equal(await top.locator(".tl-preview em").count(), 0, "plain text by default");
  assert.deepEqual(consoleErrors, []);
});
