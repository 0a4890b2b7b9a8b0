// What Threadline costs a news page, by Lighthouse (mobile preset: a slow
// 4G network and a 4x slower CPU, simulated), on the seed article served
// with brotli as a CDN would:
//   - the article as static HTML, no widget (the floor);
//   - the seed page: the widget draws the article and the comments;
//   - the article in HTML, the widget only for the comments;
//   - the same with data-lazy (nothing but the loader until the reader
//     scrolls near the comments);
//   - the seed page prerendered by threadline-render, the widget taking
//     its markup over.
// Prints a Markdown table of medians.
//
// Run: bash .ci/lighthouse [runs]   (installs Lighthouse 12.2.3 on first use)
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRelease, dist, root, serve } from "../e2e/harness.mjs";
import { answer, articlePage, commentsTag, escape, seedThread } from "./seed-page.mjs";
import { median, ms } from "./table.mjs";

const RUNS = Number(process.argv[2]) || 3;
const LIGHTHOUSE = process.env.LIGHTHOUSE || "lighthouse";

// Built first: the pages below are made from the bundle's seed data.
buildRelease();
const { article, comments } = seedThread();
const page = (widget) => articlePage(article, widget);

/** The seed page with the widget's markup prerendered in place. */
function prerendered() {
  const fragment = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--bin", "threadline-render", "--", "www/data/seed-thread.json", "--src", "data/seed-thread.json"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.title)}</title><link rel="stylesheet" href="page.css"></head>
<body><header class="masthead">The Seed Gazette</header>
<main class="page" id="story">${fragment}</main>
<script src="threadline.js" data-src="data/seed-thread.json" data-target="#story" defer></script></body></html>`;
}

const PAGES = [
  ["the article as static HTML", "/static.html", page("")],
  ["the widget draws the article and the comments (the seed page)", "/index.html", null],
  ["the article in HTML, the widget only for the comments", "/comments.html", page(commentsTag())],
  ["the same with `data-lazy`", "/lazy.html", page(commentsTag("data-lazy"))],
  ["the seed page prerendered, the widget taking it over", "/prerendered.html", prerendered()],
];

const routes = { "/data/comments-only.json": answer("application/json", JSON.stringify(comments)) };
for (const [, path, body] of PAGES) if (body) routes[path] = answer("text/html; charset=utf-8", body);
const { server, origin } = await serve({ "/": dist }, routes, { brotli: true });

const out = mkdtempSync(join(tmpdir(), "threadline-lighthouse-"));
const flags = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";
// Asynchronously: the server answering Lighthouse runs in this process.
async function lighthouse(url, file) {
  await promisify(execFile)(
    LIGHTHOUSE,
    [url, "--only-categories=performance", "--chrome-path=/usr/bin/chromium", `--chrome-flags=${flags}`, "--output=json", `--output-path=${file}`, "--quiet"],
    { timeout: 300_000 },
  );
  const { categories, audits } = JSON.parse(readFileSync(file, "utf8"));
  // The widget's own long tasks (its loader, glue and wasm), not the browser's.
  const tasks = (audits["long-tasks"]?.details?.items ?? []).filter((task) => /threadline/.test(task.url || ""));
  return {
    score: Math.round(categories.performance.score * 100),
    fcp: audits["first-contentful-paint"].numericValue,
    lcp: audits["largest-contentful-paint"].numericValue,
    tbt: audits["total-blocking-time"].numericValue,
    cls: audits["cumulative-layout-shift"].numericValue,
    longest: Math.max(0, ...tasks.map((task) => task.duration)),
    // Each as "duration@start script" (the loader, or the glue in its
    // versioned folder), to tell which of the widget's tasks it was.
    tasks: tasks.map((task) => `${Math.round(task.duration)}@${Math.round(task.startTime)} ${task.url.replace(/^[a-z]+:\/\/[^/]+\//, "")}`),
  };
}

const rows = [];
try {
  for (const [label, path] of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await lighthouse(origin + path, join(out, `${run}.json`)));
    const mid = (key) => median(runs.map((r) => r[key]));
    rows.push(`| ${label} | ${mid("score")} | ${ms(mid("fcp"))} | ${ms(mid("lcp"))} | ${ms(mid("tbt"))} | ${mid("cls").toFixed(3)} | ${ms(mid("longest"))} |`);
    console.log(`${label}: ${JSON.stringify(runs)}`);
  }
} finally {
  server.close();
  rmSync(out, { recursive: true, force: true });
}
console.log(`\nLighthouse 12.2.3, mobile preset, medians of ${RUNS} runs; served with brotli from 127.0.0.1.\n`);
console.log("| page | performance | FCP (ms) | LCP (ms) | TBT (ms) | CLS | the widget's longest task (ms) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
