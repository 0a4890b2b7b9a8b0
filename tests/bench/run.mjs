// The large-thread benchmark: Threadline's release bundle (by its script tag)
// against two hand-written pages on the same synthetic threads, in the same
// headless Chromium, runs interleaved: the baseline (baseline.js), which
// draws the whole thread at once, and the floor (floor.js), which draws and
// pages exactly like Threadline (checked element by element first). Prints
// tables of milliseconds and bytes with Threadline's ratios to each.
//
// Run: bash .ci/bench   (or: node tests/bench/run.mjs [sizes...] after setup)
import { assetFolder, buildRelease, dist, launch, serve } from "../e2e/harness.mjs";
import { describe, generate } from "./generate.mjs";
import { mb, median, memory, ms, printTable } from "./table.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 10000, 50000];
const REPEATS = Number(process.env.BENCH_REPEATS || 3);

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem}
ul{list-style:none;margin:0;padding:0}.b-replies{padding-left:1.25rem;border-left:2px solid #ddd}
.b-card{padding:.5rem 0}.b-meta{color:#666;font-size:.9em}.b-meta>*+*{margin-left:.5em}
.b-body p{margin:.25em 0;overflow-wrap:anywhere}.b-actions button{margin-right:.5em}`;

// BENCH_KINDS=floor,threadline leaves the slow baseline out; BENCH_CHECK_ONLY=1
// only checks that the floor draws what Threadline draws (an e2e test does).
const KINDS = (process.env.BENCH_KINDS || "baseline,floor,threadline").split(",");
const CHECK_ONLY = Boolean(process.env.BENCH_CHECK_ONLY);

function page(kind, n) {
  const data = `data-src="/data/thread-${n}.json" data-target="#thread"`;
  const tag = {
    threadline: `<script src="/threadline/threadline.js" ${data}></script>`,
    floor: `<script src="/bench/floor.js" ${data} data-css="/threadline/${assetFolder()}/threadline.css"></script>`,
    baseline: `<script src="/bench/baseline.js" ${data}></script>`,
  }[kind];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${kind} ${n}</title>
<style>${style}</style></head><body><main id="thread"></main>${tag}</body></html>`;
}

// Runs in the page before anything else: marks when the first comment is
// painted, when the first screen is full (the list reaches the bottom of
// the window, or the renderer has drawn all it draws first), and when the
// whole thread is available (the renderer says it has drawn its first
// page: Threadline's "rendered", not its "ready", which comes as soon as
// the data is read, before any of it is drawn).
function probe() {
  const marks = (window.__marks = {});
  let ready = false;
  const onReady = () => (ready = true);
  document.addEventListener("threadline:rendered", onReady);
  document.addEventListener("baseline:ready", onReady);
  document.addEventListener("floor:ready", onReady);
  const scope = () => {
    const host = document.querySelector("threadline-widget, floor-widget");
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

// In the page: the widget's elements as lines of depth, tag and sorted
// attributes, and the text between them.
function shape() {
  const host = document.querySelector("threadline-widget, floor-widget");
  const lines = [];
  const walk = (node, depth) => {
    let text = "";
    const flush = () => text && lines.push(`${depth} ${JSON.stringify(text)}`);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        flush();
        text = "";
        const attributes = [...child.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
        lines.push(`${depth} <${child.localName} ${attributes.join(" ")}>`);
        walk(child, depth + 1);
      }
    }
    flush();
  };
  walk(host.shadowRoot.querySelector(".threadline").parentNode, 0);
  return lines;
}

// In the page: scrolls the thread's "show more" row into view and waits
// until the number of top-level comments has changed and held for a second.
async function scrollOnce() {
  const root = document.querySelector("threadline-widget, floor-widget").shadowRoot;
  const count = () => root.querySelectorAll(".tl-list > li").length;
  const before = count();
  root.querySelector(".tl-list + .tl-next-page").scrollIntoView();
  let last = before;
  let since = performance.now();
  while (last === before || performance.now() - since < 1000) {
    await new Promise((done) => setTimeout(done, 50));
    if (count() !== last) [last, since] = [count(), performance.now()];
  }
  return { before, after: last };
}

async function open(browser, origin, kind, n, throttle = 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  if (throttle > 1) await (await context.newCDPSession(tab)).send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await tab.addInitScript(probe);
  await tab.addInitScript(`window.__clickToPaint = ${clickToPaint}`);
  await tab.goto(`${origin}/${kind}-${n}.html`);
  await tab.waitForFunction(() => window.__marks.whole, null, { timeout: 120000 * throttle, polling: 100 });
  await tab.waitForTimeout(300);
  return { context, tab, marks: await tab.evaluate(() => window.__marks) };
}

/**
 * Checks that the floor draws what Threadline draws: the first screen, then
 * the page one scroll adds. Exits on the first element that differs.
 */
async function check(browser, origin, n) {
  const seen = {};
  for (const kind of ["threadline", "floor"]) {
    const { context, tab } = await open(browser, origin, kind, n);
    // Threadline's row under the thread comes once its first page has all come.
    const row = () => document.querySelector("threadline-widget, floor-widget").shadowRoot.querySelector(".tl-list + .tl-next-page");
    await tab.waitForFunction(row, null, { timeout: 60000, polling: 50 });
    const first = await tab.evaluate(shape);
    const scrolled = await tab.evaluate(scrollOnce);
    seen[kind] = { first, scrolled, after: await tab.evaluate(shape) };
    await context.close();
  }
  const { threadline: ours, floor } = seen;
  for (const step of ["first", "after"]) {
    const at = ours[step].findIndex((line, k) => line !== floor[step][k]);
    if (at >= 0 || ours[step].length !== floor[step].length) {
      const k = at >= 0 ? at : Math.min(ours[step].length, floor[step].length);
      console.error(`The floor draws differently at ${n} comments (${step}), line ${k}:`);
      console.error(`  Threadline: ${ours[step][k]}\n  floor:      ${floor[step][k]}`);
      process.exit(1);
    }
  }
  const comments = (lines) => lines.filter((line) => line.includes("<li ") && line.includes('class="tl-comment"')).length;
  console.error(
    `  same elements: ${ours.first.length} lines, ${comments(ours.first)} comments; ` +
      `one scroll: ${ours.scrolled.before} → ${ours.scrolled.after} top-level, ${comments(ours.after)} comments`,
  );
}

async function measure(browser, origin, kind, n) {
  const { context, tab, marks } = await open(browser, origin, kind, n);
  const tl = kind !== "baseline";
  const first = tl ? ".tl-comment" : ".b-comment";
  const vote = await tab.evaluate(
    ({ selector, times }) => {
      const root = document.querySelector("threadline-widget, floor-widget")?.shadowRoot || document;
      const find = () => root.querySelector(selector);
      return window.__clickToPaint(find, () => find().getAttribute("aria-pressed"), times);
    },
    { selector: `${first} .${tl ? "tl" : "b"}-up`, times: 9 },
  );
  const c0 = tl ? "#tl1-c-c0" : "#c-c0";
  const fold = await tab.evaluate(
    ({ c0, tl }) => {
      const root = document.querySelector("threadline-widget, floor-widget")?.shadowRoot || document;
      const toggle = () => root.querySelector(`${c0} > article .${tl ? "tl" : "b"}-toggle`);
      const open = () => {
        const list = root.querySelector(`${c0} > ul.${tl ? "tl" : "b"}-replies`);
        return Boolean(list && !list.hidden);
      };
      return window.__clickToPaint(toggle, open, 10);
    },
    { c0, tl },
  );
  const used = await memory(context, tab, origin, kind === "threadline");
  await context.close();
  // The CPU 4× slower, as Lighthouse's phone; not for the baseline, whose
  // 50,000-comment page then takes a minute.
  let slow = null;
  if (kind !== "baseline") {
    const opened = await open(browser, origin, kind, n, 4);
    slow = opened.marks.screen;
    await opened.context.close();
  }
  return {
    first: marks.first,
    slow,
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
  for (const kind of ["baseline", "floor", "threadline"]) {
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
  await check(browser, origin, n);
  if (CHECK_ONLY) continue;
  const runs = Object.fromEntries(KINDS.map((kind) => [kind, []]));
  for (let r = 0; r < REPEATS; r++) {
    for (const kind of KINDS) runs[kind].push(await measure(browser, origin, kind, n));
  }
  for (const kind of KINDS) {
    const summary = {};
    for (const key of Object.keys(runs[kind][0])) summary[key] = median(runs[kind].map((run) => run[key]));
    rows.push({ n, kind, ...summary, subtree: thread.subtreeOfC0 });
    console.error(`  ${kind}: ${JSON.stringify(summary)}; first screen per run: ${runs[kind].map((run) => Math.round(run.screen))}`);
  }
}
await browser.close();
server.close();
if (CHECK_ONLY) process.exit(0);

const metrics = [
  ["first comment painted (ms)", "first", ms],
  ["first screen complete (ms)", "screen", ms],
  ["the same, CPU 4× slower (ms)", "slow", ms],
  ["whole thread available (ms)", "whole", ms],
  ["comments in the DOM then", "rendered", String],
  ["vote to paint (ms)", "vote", ms],
  ["collapse c0 subtree (ms)", "collapse", ms],
  ["expand c0 subtree (ms)", "expand", ms],
  ["JS heap + wasm memory (MB)", "memory", mb],
];
const value = (n, kind, key) => rows.find((row) => row.n === n && row.kind === kind)[key];
for (const other of KINDS.filter((kind) => kind !== "threadline")) printTable(SIZES, other, metrics, value);
console.log(`\nsubtree under c0: ${SIZES.map((n) => `${n}: ${rows.find((r) => r.n === n).subtree}`).join(", ")} descendants; ${REPEATS} runs each, medians.`);
