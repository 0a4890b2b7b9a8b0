import { dist, launch, serve, buildRelease } from "./harness.mjs";
import { generate } from "../bench/generate.mjs";
buildRelease();
const body = JSON.stringify(generate(10000));
const { server, origin } = await serve({ "/threadline/": dist }, {
  "/data/t.json": (q, r) => { r.writeHead(200, {"Content-Type":"application/json"}); r.end(body); },
  "/p.html": (q, r) => { r.writeHead(200, {"Content-Type":"text/html"}); r.end(`<!doctype html><main id="thread"></main><script src="/threadline/threadline.js" data-src="/data/t.json" data-target="#thread"></script>`); },
});
const b = await launch(); const p = await b.newPage();
p.on("console", m => console.log("console", m.text().slice(0,300)));
await p.goto(origin + "/p.html"); await p.waitForTimeout(4000);
console.log(await p.evaluate(() => { const r=document.querySelector("threadline-widget").shadowRoot; return [r.querySelectorAll(".tl-list > .tl-comment").length, r.querySelectorAll("#tl1-c-c0 .tl-comment").length, r.querySelectorAll(".tl-comment").length, document.documentElement.scrollHeight]; }));
console.log(await p.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, `${origin}/threadline/pkg/threadline.js`));
await b.close(); server.close();
