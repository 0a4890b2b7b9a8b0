// The large-thread benchmark: Threadline's release bundle (by its script tag)
// against the hand-written baseline (baseline.js), on the same synthetic
// threads, in the same headless Chromium, in the same run. Prints a table of
// milliseconds and bytes, and Threadline/baseline ratios.
//
// Run: bash .ci/bench   (or: node tests/bench/run.mjs [sizes...] after setup)
import { buildRelease, dist, launch, serve } from "../e2e/harness.mjs";
import { describe, generate } from "./generate.mjs";
import { mb, median, memory, ms, printTable } from "./table.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 10000, 50000];
const REPEATS = Number(process.env.BENCH_REPEATS || 3);

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem}
ul{list-style:none;margin:0;padding:0}.b-replies{padding-left:1.25rem;border-left:2px solid #ddd}
.b-card{padding:.5rem 0}.b-meta{color:#666;font-size:.9em}.b-meta>*+*{margin-left:.5em}
.b-body p{margin:.25em 0;overflow-wrap:anywhere}.b-actions button{margin-right:.5em}`;

function page(kind, n) {
  const tag =
    kind === "threadline"
      ? `<script src="/threadline/threadline.js" data-src="/data/thread-${n}.json" data-target="#thread"></script>`
      : `<script src="/bench/baseline.js" data-src="/data/thread-${n}.json" data-target="#thread"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${kind} ${n}</title>
<style>${style}</style></head><body><main id="thread"></main>${tag}</body></html>`;
}

// Runs in the page before anything else: marks when the first comment is
// painted, when the first screen is full, and when the whole thread is
// available (the renderer's ready event, then its list in the page).
function probe() {
  const marks = (window.__marks = {});
  let ready = false;
  const onReady = () => (ready = true);
  document.addEventListener("threadline:ready", onReady);
  document.addEventListener("baseline:ready", onReady);
  const scope = () => {
    const host = document.querySelector("threadline-widget");
    return host ? host.shadowRoot : document;
  };
  // A task queued from a frame callback runs after that frame is painted.
  const mark = (name) => setTimeout(() => (marks[name] ??= performance.now()));
  const tick = () => {
    const root = scope();
    const list = root && root.querySelector(".tl-list, .b-list");
    if (list) {
      if (!marks.first && list.querySelector(".tl-comment, .b-comment")) mark("first");
      if (!marks.screen && (ready || list.getBoundingClientRect().bottom >= innerHeight)) mark("screen");
      if (!marks.whole && ready) {
        mark("whole");
        marks.rendered = root.querySelectorAll(".tl-comment, .b-comment").length;
      }
    }
    if (!marks.whole) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// In the page: from a click to the frame that shows its effect, `times`
// times over; `find` gives the button, `state` what the click changes.
function clickToPaint(find, state, times) {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  return (async () => {
    const results = [];
    for (let k = 0; k < times; k++) {
      await frame();
      const before = state();
      const start = performance.now();
      find().click();
      await new Promise((done) => {
        const check = () => (state() !== before ? setTimeout(done) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      results.push(performance.now() - start);
    }
    return results;
  })();
}

async function measure(browser, origin, kind, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.addInitScript(probe);
  await tab.addInitScript(`window.__clickToPaint = ${clickToPaint}`);
  await tab.goto(`${origin}/${kind}-${n}.html`);
  await tab.waitForFunction(() => window.__marks.whole, null, { timeout: 120000, polling: 100 });
  await tab.waitForTimeout(300);
  const marks = await tab.evaluate(() => window.__marks);
  const tl = kind === "threadline";
  const first = tl ? ".tl-comment" : ".b-comment";
  const vote = await tab.evaluate(
    ({ selector, times }) => {
      const root = document.querySelector("threadline-widget")?.shadowRoot || document;
      const find = () => root.querySelector(selector);
      return window.__clickToPaint(find, () => find().getAttribute("aria-pressed"), times);
    },
    { selector: `${first} .${tl ? "tl" : "b"}-up`, times: 9 },
  );
  const c0 = tl ? "#tl1-c-c0" : "#c-c0";
  const fold = await tab.evaluate(
    ({ c0, tl }) => {
      const root = document.querySelector("threadline-widget")?.shadowRoot || document;
      const toggle = () => root.querySelector(`${c0} > article .${tl ? "tl" : "b"}-toggle`);
      const open = () => {
        const list = root.querySelector(`${c0} > ul.${tl ? "tl" : "b"}-replies`);
        return Boolean(list && !list.hidden);
      };
      return window.__clickToPaint(toggle, open, 10);
    },
    { c0, tl },
  );
  const used = await memory(context, tab, origin, tl);
  await context.close();
  return {
    first: marks.first,
    screen: marks.screen,
    whole: marks.whole,
    rendered: marks.rendered,
    vote: median(vote),
    collapse: median(fold.filter((_, k) => k % 2 === 0)),
    expand: median(fold.filter((_, k) => k % 2 === 1)),
    ...used,
  };
}

buildRelease();
const threads = new Map(SIZES.map((n) => [n, JSON.stringify(generate(n))]));
const routes = {};
for (const n of SIZES) {
  routes[`/data/thread-${n}.json`] = (req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(threads.get(n));
  };
  for (const kind of ["threadline", "baseline"]) {
    routes[`/${kind}-${n}.html`] = (req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page(kind, n));
    };
  }
}
const { server, origin } = await serve({ "/threadline/": dist, "/bench/": import.meta.dirname }, routes);
const browser = await launch();

const rows = [];
for (const n of SIZES) {
  const thread = describe(JSON.parse(threads.get(n)));
  console.error(`thread ${n}: ${JSON.stringify(thread)}, ${(threads.get(n).length / 1e6).toFixed(1)} MB`);
  for (const kind of ["baseline", "threadline"]) {
    const runs = [];
    for (let r = 0; r < REPEATS; r++) runs.push(await measure(browser, origin, kind, n));
    const summary = {};
    for (const key of Object.keys(runs[0])) summary[key] = median(runs.map((run) => run[key]));
    rows.push({ n, kind, ...summary, subtree: thread.subtreeOfC0 });
    console.error(`  ${kind}: ${JSON.stringify(summary)}`);
  }
}
await browser.close();
server.close();

const metrics = [
  ["first comment painted (ms)", "first", ms],
  ["first screen complete (ms)", "screen", ms],
  ["whole thread available (ms)", "whole", ms],
  ["comments in the DOM then", "rendered", String],
  ["vote to paint (ms)", "vote", ms],
  ["collapse c0 subtree (ms)", "collapse", ms],
  ["expand c0 subtree (ms)", "expand", ms],
  ["JS heap + wasm memory (MB)", "memory", mb],
];
printTable(SIZES, "baseline", metrics, (n, kind, key) => rows.find((row) => row.n === n && row.kind === kind)[key]);
console.log(`\nsubtree under c0: ${SIZES.map((n) => `${n}: ${rows.find((r) => r.n === n).subtree}`).join(", ")} descendants; ${REPEATS} runs each, medians.`);
