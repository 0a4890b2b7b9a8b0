// Trunk's post-build hook: lays the bundle out for a CDN. The loader keeps
// its stable name (threadline.js); the glue, wasm and stylesheet move into a
// folder named for the crate's version (threadline-<version>/), the loader
// is pointed there and given the wasm's and stylesheet's SRI hashes, and
// threadline-<version>/integrity.json lists every file's hash, including the
// loader's, for the page's <script integrity> attribute.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const cargo = readFileSync(join(dirname(import.meta.dirname), "Cargo.toml"), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const folder = `threadline-${version}`;
const sri = (file) => "sha384-" + createHash("sha384").update(readFileSync(join(staging, file))).digest("base64");

mkdirSync(join(staging, folder), { recursive: true });
renameSync(join(staging, "pkg/threadline.js"), join(staging, folder, "threadline.js"));
renameSync(join(staging, "pkg/threadline_bg.wasm"), join(staging, folder, "threadline_bg.wasm"));
renameSync(join(staging, "threadline.css"), join(staging, folder, "threadline.css"));
if (readdirSync(join(staging, "pkg")).length === 0) rmdirSync(join(staging, "pkg"));

const integrity = {
  [`${folder}/threadline.js`]: sri(`${folder}/threadline.js`),
  [`${folder}/threadline_bg.wasm`]: sri(`${folder}/threadline_bg.wasm`),
  [`${folder}/threadline.css`]: sri(`${folder}/threadline.css`),
};
const loaderPath = join(staging, "threadline.js");
const loader = readFileSync(loaderPath, "utf8");
const release = loader
  .replace('var assets = "pkg/";', `var assets = "${folder}/";`)
  .replace(
    "var integrity = {};",
    `var integrity = ${JSON.stringify({
      wasm: integrity[`${folder}/threadline_bg.wasm`],
      css: integrity[`${folder}/threadline.css`],
    })};`,
  );
if (release === loader) throw new Error("cdn.mjs: the loader's asset and integrity lines were not found");
writeFileSync(loaderPath, release);
integrity["threadline.js"] = sri("threadline.js");
writeFileSync(join(staging, folder, "integrity.json"), JSON.stringify(integrity, null, 2) + "\n");
console.log(`threadline.js integrity: ${integrity["threadline.js"]}`);
