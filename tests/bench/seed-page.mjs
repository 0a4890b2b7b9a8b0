// The seed article as a news site would serve it, for the page-cost scripts
// (`lighthouse.mjs`, `tasks.mjs`): the article in HTML with the widget's
// markup and classes, and the thread's comments alone, for a widget that
// shows only those under it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dist } from "../e2e/harness.mjs";

/** Escapes text for HTML. */
export const escape = (text) => text.replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`);

/** The built bundle's seed thread: its article, and the rest of it (the comments). */
export function seedThread() {
  const { article, ...comments } = JSON.parse(readFileSync(join(dist, "data/seed-thread.json"), "utf8"));
  return { article, comments };
}

/** The seed article as a site would print it, with `widget` (markup) after it. */
export function articlePage(article, widget = "") {
  const date = new Date(article.published).toLocaleDateString("en", { dateStyle: "long" });
  const blocks = article.body.map((block) =>
    block.type === "figure"
      ? `<figure class="tl-figure"><a href="data/${block.link}"><img src="data/${block.image}" alt="${escape(block.alt)}" width="${block.width}" height="${block.height}"></a><figcaption>${escape(block.caption)}</figcaption></figure>`
      : `<p>${escape(block.text)}</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.title)}</title><link rel="stylesheet" href="page.css"></head>
<body><header class="masthead">The Seed Gazette</header>
<main class="page"><article class="tl-article"><header><h1 class="tl-article-title">${escape(article.title)}</h1>
<p class="tl-dateline"><time datetime="${article.published}">${date}</time></p></header>
${blocks.join("\n")}</article>${widget ? `<section id="comments"></section>${widget}` : ""}</main></body></html>`;
}

/** The script tag of a widget showing `comments.json`'s comments under the article. */
export const commentsTag = (attributes = "") =>
  `<script src="threadline.js" data-src="data/comments-only.json" data-target="#comments" ${attributes}></script>`;

/** A server route that answers `body` as `type`. */
export const answer = (type, body) => (req, res) => {
  res.writeHead(200, { "Content-Type": type });
  res.end(body);
};
