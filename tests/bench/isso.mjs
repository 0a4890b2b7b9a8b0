// Threadline against Isso's own client, on the same real Isso 0.14.0 and
// the same threads (13, 1,000 and 5,000 comments of the large-thread
// generator, nested one level as Isso nests), in the same headless
// Chromium, runs interleaved. Isso's server renders every comment's
// markdown on each GET, which dominates both; so besides the times from
// navigation, each client's own share is printed: from the thread's
// response arriving to its comments painted.
//
// Run: bash .ci/bench isso   (or: node tests/bench/isso.mjs [sizes...] after setup)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { assetFolder, buildRelease, dist, ISSO_HOME, launch, serve, startIsso } from "../e2e/harness.mjs";
import { generate } from "./generate.mjs";
import { mb, median, memory, ms, printTable } from "./table.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [13, 1000, 5000];
const REPEATS = Number(process.env.BENCH_REPEATS || 3);

function page(kind, n, isso) {
  const widget =
    kind === "threadline"
      ? `<div id="thread"></div><script src="/threadline/threadline.js" data-preset="isso" data-src="${isso}/?uri=%2Ft${n}" data-target="#thread"></script>`
      : `<script data-isso="${isso}/" data-isso-max-comments-nested="inf" data-isso-reveal-on-click="inf" src="${isso}/js/embed.min.js"></script><section id="isso-thread" data-isso-id="/t${n}"></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${kind} ${n}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem}</style></head>
<body><main>${widget}</main></body></html>`;
}

// Runs in the page first: when the first comment is painted, when every
// comment Isso's client draws is (Threadline: when the whole thread is in
// its store, the `threadline:ready` event; it renders a page at a time).
function probe(total) {
  const marks = (window.__marks = {});
  let ready = false;
  document.addEventListener("threadline:ready", () => (ready = true));
  const mark = (name) => setTimeout(() => (marks[name] ??= performance.now()));
  const tick = () => {
    const host = document.querySelector("threadline-widget");
    const root = host ? host.shadowRoot : document;
    const comments = root ? root.querySelectorAll(".tl-comment, .isso-comment[data-hash]").length : 0;
    if (comments && !marks.first) mark("first");
    if (!marks.all && (ready || comments >= total)) mark("all");
    if (!marks.all) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measure(browser, origin, isso, kind, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.addInitScript(probe, n);
  await tab.goto(`${origin}/${kind}-${n}.html`);
  await tab.waitForFunction(() => window.__marks.all, null, { timeout: 120000, polling: 100 });
  await tab.waitForTimeout(300);
  const result = await tab.evaluate((isso) => {
    const thread = performance
      .getEntriesByType("resource")
      .find((entry) => entry.name.startsWith(`${isso}/?uri=`));
    return { ...window.__marks, arrived: thread ? thread.responseEnd : null };
  }, isso);
  const used = await memory(context, tab, origin, kind === "threadline");
  await context.close();
  return {
    first: result.first,
    all: result.all,
    ownFirst: result.first - result.arrived,
    ownAll: result.all - result.arrived,
    memory: used.memory,
  };
}

/** Seeds `/t<n>` threads straight into Isso's database, in one transaction. */
function seed(database) {
  const threads = SIZES.map((n) => {
    const { comments } = generate(n);
    const index = new Map(comments.map((c, at) => [c.id, at]));
    // Isso nests one level: a reply belongs to its top-level ancestor.
    const top = (c) => (c.parent ? top(comments[index.get(c.parent)]) : c);
    const rows = comments.map((c) => ({
      parent: c.parent ? index.get(top(c).id) + 1 : null,
      created: Date.parse(c.created) / 1000,
      author: c.author,
      text: c.body,
    }));
    return { uri: `/t${n}`, rows };
  });
  const file = join(dirname(database), "threads.json");
  writeFileSync(file, JSON.stringify(threads));
  const script = `
import json, sqlite3, sys
from isso.utils import Bloomfilter
threads = json.load(open(sys.argv[2]))
db = sqlite3.connect(sys.argv[1])
for thread in threads:
    tid = db.execute("INSERT INTO threads (uri, title) VALUES (?, ?)", (thread["uri"], thread["uri"])).lastrowid
    first = None
    for row in thread["rows"]:
        parent = None if row["parent"] is None else first + row["parent"] - 1
        cursor = db.execute(
            "INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification)"
            " VALUES (?, ?, ?, NULL, 1, '10.0.0.0', ?, ?, NULL, NULL, 0, 0, ?, 0)",
            (tid, parent, row["created"], row["text"], row["author"], memoryview(Bloomfilter(iterable=["10.0.0.0"]).array)))
        first = first or cursor.lastrowid
db.commit()
`;
  execFileSync(join(ISSO_HOME, "bin/python"), ["-c", script, database, file], { stdio: "inherit" });
}

buildRelease();
const routes = {};
let issoOrigin = "";
for (const n of SIZES) {
  for (const kind of ["threadline", "isso"]) {
    routes[`/${kind}-${n}.html`] = (req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page(kind, n, issoOrigin));
    };
  }
}
const site = await serve({ "/threadline/": dist }, routes);
const isso = await startIsso(site.origin);
issoOrigin = isso.origin;
seed(isso.database);
const browser = await launch();

const results = new Map();
for (const n of SIZES) {
  const runs = { threadline: [], isso: [] };
  // Interleaved: Isso's server and the machine warm up for both alike.
  for (let r = 0; r < REPEATS; r++) {
    for (const kind of ["isso", "threadline"]) runs[kind].push(await measure(browser, site.origin, isso.origin, kind, n));
  }
  for (const kind of ["isso", "threadline"]) {
    const summary = {};
    for (const key of Object.keys(runs[kind][0])) summary[key] = median(runs[kind].map((run) => run[key]));
    results.set(`${kind}-${n}`, summary);
    console.error(`${n} ${kind}: ${JSON.stringify(summary)}`);
  }
}
const issoClient = gzipSync(Buffer.from(await (await fetch(`${isso.origin}/js/embed.min.js`)).arrayBuffer()), { level: 9 }).length;
const folder = assetFolder();
const ours = ["threadline.js", `${folder}/threadline.js`, `${folder}/threadline_bg.wasm`, `${folder}/threadline.css`]
  .map((file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length)
  .reduce((a, b) => a + b, 0);
await browser.close();
isso.stop();
site.server.close();

const metrics = [
  ["first comment painted, from navigation (ms)", "first", ms],
  ["all comments (Isso: painted; Threadline: in its store) (ms)", "all", ms],
  ["client's own share: response → first comment painted (ms)", "ownFirst", ms],
  ["client's own share: response → all comments (ms)", "ownAll", ms],
  ["JS heap + wasm memory (MB)", "memory", mb],
];
printTable(SIZES, "isso", metrics, (n, kind, key) => results.get(`${kind}-${n}`)[key]);
console.log(`| client download, gzipped (bytes) | ${SIZES.map(() => `${issoClient} | ${ours} | ${(ours / issoClient).toFixed(2)}`).join(" | ")} |`);
console.log(`\n${REPEATS} runs each, interleaved, medians. Isso's client: max-comments-nested and reveal-on-click "inf", so it draws every comment.`);
