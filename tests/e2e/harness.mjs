// Shared by the end-to-end tests and the screenshot script: builds the
// release bundle, serves it on loopback, and starts Debian's Chromium.
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { readFile } from "node:fs/promises";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";

export const root = resolve(import.meta.dirname, "../..");
export const dist = join(root, "dist");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Builds dist/ with trunk, as a host site would deploy it. */
export function buildRelease() {
  execFileSync("trunk", ["build", "--release", "--offline"], { cwd: root, stdio: "inherit" });
  if (!existsSync(join(dist, "threadline.js"))) throw new Error("trunk build wrote no dist/threadline.js");
}

/** The versioned folder of glue, wasm and CSS that www/cdn.mjs wrote in dist/. */
export function assetFolder() {
  const folder = readdirSync(dist).find((name) => name.startsWith("threadline-"));
  if (!folder) throw new Error("dist/ has no threadline-<version>/ folder");
  return folder;
}

/**
 * Starts an HTTP server on a free loopback port. `routes` maps a path to a
 * handler (req, res); otherwise files are served from `mounts`, a map of URL
 * prefix to folder, and /favicon.ico is an empty answer. Every answer allows
 * any origin, like a CDN; with `brotli`, answers are compressed as a CDN's
 * are (for page-cost measurements).
 */
export async function serve(mounts, routes = {}, { brotli = false } = {}) {
  const server = createServer(async (req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cache-Control", "no-store");
    if (brotli && /\bbr\b/.test(req.headers["accept-encoding"] || "")) compress(res);
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (routes[path]) return routes[path](req, res);
    if (path === "/favicon.ico") {
      // Pages here have no icon; a 404 would show up as a console error.
      res.writeHead(204);
      return res.end();
    }
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path.slice(prefix.length)));
      if (!file.startsWith(folder)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" });
        return res.end(body);
      } catch {
        break;
      }
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Answers compressed with brotli, as CDNs serve text (PNG and JPEG stay as they are). */
function compress(res) {
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  let on = false;
  res.writeHead = (status, headers = {}) => {
    on = status === 200 && !/^image\/(png|jpeg)/.test(headers["Content-Type"] || "");
    return writeHead(status, on ? { ...headers, "Content-Encoding": "br" } : headers);
  };
  res.end = (body) => end(on && body ? brotliOf(body) : body);
}

/** Answers compressed so far (a benchmark serves the same ones run after run). */
const compressed = new Map();

/**
 * A body compressed as a CDN would: up to 1 MB at the highest quality, as
 * files are compressed once ahead of time; larger answers (a 50,000-comment
 * thread, which takes minutes at that quality) at the quality servers use
 * on the fly. Answers given as text are compressed once.
 */
function brotliOf(body) {
  const quality = Buffer.byteLength(body) > 1 << 20 ? 5 : 11;
  const pack = () => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
  if (typeof body !== "string") return pack();
  if (!compressed.has(body)) compressed.set(body, pack());
  return compressed.get(body);
}

/**
 * Builds and starts an instance of the Rust test server (tests/server),
 * serving dist/; resolves to the process and its origin.
 */
export function startTestServer() {
  execFileSync("cargo", ["build", "--quiet", "--example", "test-server"], { cwd: root, stdio: "inherit" });
  const child = spawn(`${root}/target/debug/examples/test-server`, [dist], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const found = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (found) resolve([child, found[1]]);
    });
    child.on("exit", () => reject(new Error("the test server stopped")));
  });
}

/** The Isso 0.14.0 that .ci/setup.sh installs from PyPI. */
export const ISSO_HOME = join(homedir(), ".cache/threadline-tools/isso");

/** A loopback port nothing listens on now. */
function freePort() {
  return new Promise((done) => {
    const probe = createTcpServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts a real Isso on loopback with a fresh SQLite database, taking
 * comments from pages at `siteOrigin`; it trusts loopback as its proxy, so
 * callers can seed comments as other readers (`X-Forwarded-For`). Resolves
 * to its origin, its config file and database, and `stop()`.
 */
export async function startIsso(siteOrigin) {
  const origin = `http://127.0.0.1:${await freePort()}`;
  const dir = mkdtempSync(join(tmpdir(), "threadline-isso-"));
  const config = join(dir, "isso.cfg");
  const database = join(dir, "comments.db");
  writeFileSync(
    config,
    `[general]\ndbpath = ${database}\nhost = ${siteOrigin}/\n[server]\nlisten = ${origin}/\ntrusted-proxies = 127.0.0.1\n[guard]\nenabled = false\n[moderation]\nenabled = false\n`,
  );
  const child = spawn(join(ISSO_HOME, "bin/isso"), ["-c", config, "run"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  for (let i = 0; ; i++) {
    const up = await fetch(`${origin}/?uri=%2Fnone`).then(() => true, () => false);
    if (up) break;
    if (i > 100) throw new Error(`Isso did not start: ${log}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return { origin, config, database, stop };
}

/** A route handler that keeps each request's body in `bodies` (a CSP report endpoint). */
export function collect(bodies) {
  return (req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(204);
      res.end();
    });
  };
}

/** Resolves once `check()` holds, trying 100 times `every` ms apart. */
export async function waitFor(check, every = 50) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  throw new Error("timed out waiting");
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Resolves once no widget on the page is still adding top-level comments:
 * the first page comes a few comments a frame, and a feed is `aria-busy`
 * until it is all drawn (or while a page loads).
 */
export async function settled(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("threadline-widget")].every((widget) => !widget.shadowRoot?.querySelector('[role=feed][aria-busy="true"]')),
  );
}

/**
 * Scrolls every widget on the page until all its top-level comments are
 * rendered: Threadline renders the next page as the reader nears the end.
 */
export async function renderAllPages(page) {
  const next = page.locator(".tl-thread > .tl-next-page");
  for (let guard = 0; guard < 1000 && (await settled(page), await next.count()); guard++) {
    // The row can be replaced by the page it loads between count() and the
    // scroll; the next round finds the new one.
    await next
      .first()
      .scrollIntoViewIfNeeded({ timeout: 2000 })
      .catch(() => {});
    await page.waitForTimeout(20);
  }
}
