// Prints what a page downloads to show a thread, gzipped and brotli'd (as
// CDNs serve it, at their usual top levels), and (when twiggy
// is installed: `cargo install twiggy`) what the largest crates add to the
// wasm before wasm-bindgen and wasm-opt. Run: node tests/e2e/size.mjs
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { assetFolder, buildRelease, dist, root } from "./harness.mjs";

buildRelease();
const folder = assetFolder();
const files = ["threadline.js", `${folder}/threadline.js`, `${folder}/threadline_bg.wasm`, `${folder}/threadline.css`];
const total = { gzip: 0, brotli: 0 };
console.log(`${"file".padEnd(34)}  raw bytes   gzipped    brotli`);
for (const file of files) {
  const body = readFileSync(join(dist, file));
  const gzipped = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total.gzip += gzipped;
  total.brotli += brotli;
  console.log(`${file.padEnd(34)} ${String(body.length).padStart(10)} ${String(gzipped).padStart(9)} ${String(brotli).padStart(9)}`);
}
console.log(`${"total".padEnd(34)} ${"".padStart(10)} ${String(total.gzip).padStart(9)} ${String(total.brotli).padStart(9)}`);

try {
  const csv = execFileSync("twiggy", ["top", "-n", "100000", "-f", "csv", join(root, "target/wasm32-unknown-unknown/release/threadline.wasm")], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const sizes = new Map();
  for (const line of csv.split("\n").slice(1)) {
    const match = /^"?(.*?)"?,(\d+),/.exec(line);
    if (!match || match[1].includes("section") || match[1].startsWith("export") || match[1].includes("__wbindgen_describe")) continue;
    const crate = (/^<?&?(?:mut )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(match[1]) || [null, match[1].slice(0, 24)])[1];
    sizes.set(crate, (sizes.get(crate) || 0) + Number(match[2]));
  }
  console.log("\nlargest contributors to the wasm before wasm-bindgen/wasm-opt (bytes of code and data, uncompressed):");
  for (const [crate, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${crate.padEnd(30)} ${String(bytes).padStart(9)}`);
  }
} catch {
  console.log("\n(install twiggy with `cargo install twiggy` for the per-crate breakdown)");
}
