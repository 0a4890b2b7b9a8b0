// What drawing comments costs in wasm allocations and live bytes: the
// widget built with `--features count-allocations` (a counting allocator),
// loaded by its script tag on the synthetic threads of the large-thread
// benchmark. Counts are read when the thread is ready (read and stored) and
// when its first page has rendered; the difference is the drawing.
//
// Run: node tests/bench/allocations.mjs [sizes...]   (after .ci/setup.sh)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assetFolder, buildRelease, dist, launch, root, serve } from "../e2e/harness.mjs";
import { generate } from "./generate.mjs";
import { median } from "./table.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 10000];
const RUNS = 3;

buildRelease();
const target = join(root, "target/count-allocations");
execFileSync("cargo", ["build", "--quiet", "--release", "--lib", "--target", "wasm32-unknown-unknown", "--features", "count-allocations"], {
  cwd: root,
  env: { ...process.env, CARGO_TARGET_DIR: target },
  stdio: "inherit",
});
const out = mkdtempSync(join(tmpdir(), "threadline-allocations-"));
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, join(target, "wasm32-unknown-unknown/release/threadline.wasm")], { stdio: "inherit" });

// The release bundle with the counting build's glue and wasm, the loader
// given that wasm's SRI hash.
const folder = assetFolder();
const wasm = readFileSync(join(out, "threadline_bg.wasm"));
const hash = "sha384-" + createHash("sha384").update(wasm).digest("base64");
const loader = readFileSync(join(dist, "threadline.js"), "utf8").replace(/"wasm":"sha384-[^"]+"/, `"wasm":"${hash}"`);
const send = (type, body) => (req, res) => {
  res.writeHead(200, { "Content-Type": type });
  res.end(body);
};
const routes = {
  "/threadline/threadline.js": send("text/javascript", loader),
  [`/threadline/${folder}/threadline.js`]: send("text/javascript", readFileSync(join(out, "threadline.js"))),
  [`/threadline/${folder}/threadline_bg.wasm`]: send("application/wasm", wasm),
};
for (const n of SIZES) {
  routes[`/thread-${n}.json`] = send("application/json", JSON.stringify(generate(n)));
  routes[`/page-${n}.html`] = send(
    "text/html; charset=utf-8",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${n}</title></head><body><main id="thread"></main>
<script src="/threadline/threadline.js" data-src="/thread-${n}.json" data-target="#thread"></script></body></html>`,
  );
}
const { server, origin } = await serve({ "/threadline/": dist }, routes);
const browser = await launch();

// Runs in the page: keeps the widget's wasm exports, and reads the counts
// at the ready and rendered events.
function probe() {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((result) => {
      window.__exports = (result.instance || result).exports;
      return result;
    });
  };
  window.__counts = {};
  for (const name of ["ready", "rendered"]) {
    document.addEventListener(`threadline:${name}`, () => {
      const exports = window.__exports;
      const drawn = document.querySelector("threadline-widget").shadowRoot.querySelectorAll(".tl-comment").length;
      window.__counts[name] = { made: exports.allocation_count(), live: exports.live_bytes(), peak: exports.peak_bytes(), memory: exports.memory.buffer.byteLength, drawn };
    });
  }
}

console.log("| thread | comments drawn | allocations reading | allocations drawing | per comment drawn | live MB after drawing | live KB per comment drawn | most live at ready MB | most live MB | wasm memory MB |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const n of SIZES) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.addInitScript(probe);
    await tab.goto(`${origin}/page-${n}.html`);
    await tab.waitForFunction(() => window.__counts.rendered, null, { timeout: 60_000 });
    runs.push(await tab.evaluate(() => window.__counts));
    await context.close();
  }
  const mid = (pick) => median(runs.map(pick));
  const drawn = mid((r) => r.rendered.drawn);
  const drawing = mid((r) => r.rendered.made - r.ready.made);
  const liveDrawing = mid((r) => r.rendered.live - r.ready.live);
  console.log(
    `| ${n} | ${drawn} | ${mid((r) => r.ready.made)} | ${drawing} | ${Math.round(drawing / drawn)} | ${(mid((r) => r.rendered.live) / 1048576).toFixed(2)} | ${(liveDrawing / drawn / 1024).toFixed(1)} | ${(mid((r) => r.ready.peak) / 1048576).toFixed(2)} | ${(mid((r) => r.rendered.peak) / 1048576).toFixed(2)} | ${(mid((r) => r.rendered.memory) / 1048576).toFixed(2)} |`,
  );
}
await browser.close();
server.close();
rmSync(out, { recursive: true, force: true });
