// The widget's main-thread tasks while the seed thread loads and renders,
// from a Chromium trace: how long each is, and how much of it V8 spends
// compiling the wasm's functions as they are first called (it compiles
// them lazily, so a first render pays for the code it runs).
//
// The page is Lighthouse's "comments only" one (bash .ci/lighthouse):
// the seed article in HTML, the widget for its comments, served with
// brotli on loopback, on a phone-sized viewport. Lighthouse multiplies
// such unthrottled tasks by 4 and calls one over 50 ms long, so a task
// here over 12.5 ms is one Lighthouse would count.
//
// A task counts as the widget's when it compiles wasm functions, or when
// the widget's loader or glue runs for most of it.
//
// With a number of comments, the page's thread is the large-thread
// benchmark's synthetic one of that size instead of the seed's comments.
//
// Run: node tests/bench/tasks.mjs [runs] [cpu slowdown] [comments]
//      (defaults 5, 1 and the seed thread's)
import { buildRelease, dist, launch, serve } from "../e2e/harness.mjs";
import { generate } from "./generate.mjs";
import { answer, articlePage, commentsTag, seedThread } from "./seed-page.mjs";
import { median } from "./table.mjs";

const RUNS = Number(process.argv[2]) || 5;
const SLOWDOWN = Number(process.argv[3]) || 1;
const COMMENTS = Number(process.argv[4]) || 0;
/** Tasks shorter than this (ms) are not listed. */
const SHORTEST = 4;

buildRelease();
const { article, comments } = seedThread();
const { server, origin } = await serve(
  { "/": dist },
  {
    "/data/comments-only.json": answer("application/json", JSON.stringify(COMMENTS ? generate(COMMENTS) : comments)),
    "/comments.html": answer("text/html; charset=utf-8", articlePage(article, commentsTag())),
  },
  { brotli: true },
);
const browser = await launch();

/** One traced load: the widget's tasks, in order. */
async function trace() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8.wasm,disabled-by-default-v8.wasm.detailed",
    transferMode: "ReportEvents",
  });
  await tab.addInitScript(() => document.addEventListener("threadline:rendered", () => (window.rendered = true)));
  await tab.goto(`${origin}/comments.html`);
  await tab.waitForFunction(() => window.rendered);
  await tab.waitForTimeout(1000);
  await cdp.send("Tracing.end");
  await complete;
  await context.close();
  // The page's main thread: where the loader runs.
  const main = events.find((event) => event.name === "EvaluateScript" && /threadline/.test(event.args?.data?.url || ""))?.tid;
  const inside = (task) => (event) => event.tid === main && event.ts >= task.ts && event.ts <= task.ts + task.dur;
  const ms = (us) => us / 1000;
  return events
    .filter((event) => event.tid === main && event.name === "RunTask" && ms(event.dur) >= SHORTEST)
    .map((task) => {
      const within = events.filter(inside(task));
      const compiles = within.filter((event) => event.name === "wasm.CompileLazy");
      // Nested compiles (a function compiled while compiling) count once.
      const outer = compiles.filter((c) => !compiles.some((o) => o !== c && o.ts <= c.ts && o.ts + o.dur >= c.ts + c.dur));
      // The widget's script in the task (its loader, glue and wasm): a
      // page's own parsing task that runs the loader counts only if the
      // loader is most of it, as Lighthouse attributes a task to a URL.
      const calls = within.filter((event) => /^(EvaluateScript|FunctionCall)$/.test(event.name) && /threadline/.test(event.args?.data?.url || ""));
      const script = calls
        .filter((c) => !calls.some((o) => o !== c && o.ts <= c.ts && o.ts + o.dur >= c.ts + c.dur))
        .reduce((sum, c) => sum + c.dur, 0);
      // Named for its longest call: the loader's function, or the glue's.
      const top = calls.sort((a, b) => b.dur - a.dur)[0]?.args.data;
      const name = top && `${/threadline-[^/]*\//.test(top.url) ? "glue" : "loader"} ${top.functionName || "(script)"}`;
      return { widget: compiles.length > 0 || script > task.dur / 2, name, ms: ms(task.dur), compile: ms(outer.reduce((sum, c) => sum + c.dur, 0)), functions: compiles.length };
    })
    .filter((task) => task.widget);
}

const longest = [];
/** A task Lighthouse's 4× slower CPU makes longer than 50 ms. */
const long = (task) => (task.ms * 4) / SLOWDOWN > 50;
let runsWithLong = 0;
for (let run = 1; run <= RUNS; run++) {
  const tasks = await trace();
  longest.push(Math.max(...tasks.map((task) => task.ms)));
  if (tasks.some(long)) runsWithLong++;
  console.log(
    `run ${run}: ${tasks.map((task) => `${task.ms.toFixed(1)} ${task.name || "wasm"}${task.functions ? ` (${task.compile.toFixed(1)} compiling ${task.functions})` : ""}`).join(", ")}`,
  );
}
await browser.close();
server.close();
console.log(`\nThe widget's tasks of ${SHORTEST} ms or more, in ms (CPU slowdown ${SLOWDOWN}), with the time V8 spent compiling wasm functions first called in each.`);
console.log(`Longest task: median ${median(longest).toFixed(1)} ms, most ${Math.max(...longest).toFixed(1)} ms over ${RUNS} runs.`);
console.log(`Runs with a task over 50 ms at 4× CPU: ${runsWithLong} of ${RUNS}.`);
