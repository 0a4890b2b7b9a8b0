// Writes the malformed-input corpus in this folder: one response per file,
// named <preset>--<outcome>--<what>.json ("threadline" is the native format;
// the outcome, "shown" or "refused", is what a reader must get). Each is a
// way an endpoint has sent, or could send, something broken. Threadline must
// render each one repaired (with a note) or show a clear error with Retry,
// never panic or throw: tests/malformed.rs runs them natively through every
// preset, tests/e2e/malformed.test.mjs through the script tag in Chromium.
//
//   node tests/malformed/make.mjs
import { readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here)) if (file.endsWith(".json")) unlinkSync(join(here, file));
const write = (name, body) => writeFileSync(join(here, `${name}.json`), body);
const json = (name, value) => write(name, JSON.stringify(value));
const thread = (...comments) => ({ id: "malformed", comments });

// Times: nanoseconds, far future, not a number, before the epoch.
write("threadline--shown--time-out-of-range", `{"comments": [
  {"id": "ns", "body": "nanoseconds", "created": 1577836800000000000},
  {"id": "far", "body": "beyond what a Date holds", "created": 1e300, "replies": [{"id": "child", "body": "reply"}]},
  {"id": "neg", "body": "before 1970", "created": -1e20},
  {"id": "text", "body": "not a date", "created": "yesterday-ish"},
  {"id": "iso", "body": "ISO beyond range", "created": "999999-01-01T00:00:00Z"}]}`);
json("reddit--shown--created-utc-1e20", [
  { kind: "Listing", data: { children: [] } },
  { kind: "Listing", data: { children: [{ kind: "t1", data: { name: "t1_a", id: "a", parent_id: "t3_x", author: "ada", body: "far future", created_utc: 1e20, score: 1, replies: "" } }] } },
]);
// Bytes: a byte-order mark, bytes that are not UTF-8.
write("threadline--shown--byte-order-mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(thread({ id: "a", body: "after a BOM" })))]));
write("threadline--shown--invalid-utf8", Buffer.concat([Buffer.from('{"comments": [{"id": "a", "body": "caf'), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from(' au lait"}]}')]));
// Fields of the wrong type, one per comment.
write("threadline--shown--bad-fields", `{"id": {"not": "a string"}, "comments": [
  {"id": "score", "score": 1.5, "body": "a fractional score"},
  {"id": "nullbody", "body": null},
  {"id": "author", "author": 7, "body": "a numeric author"},
  {"id": "format", "format": "rtf", "body": "an unknown format"},
  {"id": 1e400, "body": "an id no double holds"},
  {"id": "huge", "score": -1e400, "more": 1e300, "body": "numbers beyond a double"},
  {"id": "deleted", "deleted": "yes", "body": "a string flag"},
  {"id": "replies", "replies": "none", "body": "replies that are not a list"},
  {"id": "parent", "parent": {"id": 1}, "body": "a parent that is an object"},
  {"body": "no id"}, 42, null, "text", [], {"id": true}, {"id": ""}]}`);
json("threadline--shown--score-limits", thread({ id: "max", score: 9223372036854775807, body: "the largest score" }, { id: "min", score: -9223372036854775808, body: "the smallest" }));
// Ids that clash once made into element ids, or break JSON when quoted.
json("threadline--shown--ids", thread(
  { id: "a.b", body: "dot" }, { id: "a_b", body: "underscore" }, { id: 'end"', body: "quote" },
  { id: "a b", body: "space" }, { id: "</script>", body: "markup" }, { id: "ü", body: "non-ASCII" }, { id: "a.b", body: "a duplicate" },
));
json("threadline--shown--tree-repairs", thread(
  { id: "x", parent: "y", body: "a cycle" }, { id: "y", parent: "x", body: "the other half" },
  { id: "self", parent: "self", body: "its own parent" }, { id: "orphan", parent: "gone", body: "a missing parent" },
));
let deep = { id: "d0", body: "deep" };
for (let i = 1; i < 200; i++) deep = { id: `d${i}`, body: "deep", replies: [deep] };
json("threadline--refused--nesting-too-deep", thread(deep));
// The deepest nesting still read (one level more is refused): reading it
// must fit in the widget's 256 KB wasm stack (.cargo/config.toml).
const nest = (levels, leaf, wrap) => {
  let node = leaf;
  for (let i = 1; i < levels; i++) node = wrap(node, i);
  return node;
};
json("threadline--shown--nesting-deepest-read", thread(
  nest(63, { id: "e0", body: "deepest" }, (node, i) => ({ id: `e${i}`, body: "deep", replies: [node] })),
));
json("hackerweb--shown--nesting-deepest-read", { id: 1, comments: [
  nest(62, { id: 100, user: "u", time: 1.7e9, content: "<p>deepest", comments: [] },
    (node, i) => ({ id: 100 + i, user: "u", time: 1.7e9, content: "<p>deep", comments: [node] })),
] });
// Reddit's "continue this thread" markers, all named t1__.
const marker = (parent) => ({ kind: "more", data: { count: 0, name: "t1__", id: "_", parent_id: parent, depth: 10, children: [] } });
json("reddit--shown--continue-markers", [
  { kind: "Listing", data: { children: [] } },
  { kind: "Listing", data: { children: [
    { kind: "t1", data: { name: "t1_a", id: "a", parent_id: "t3_x", author: "ada", body: "one", created_utc: 1.7e9, score: 3, replies: { kind: "Listing", data: { children: [marker("t1_a")] } } } },
    { kind: "t1", data: { name: "t1_b", id: "b", parent_id: "t3_x", author: "[deleted]", body: "[deleted]", created_utc: 1.7e9, score: 1, replies: { kind: "Listing", data: { children: [marker("t1_b")] } } } },
  ] } },
]);
json("hackerweb--shown--dead-with-text", { id: 1, comments: [
  { id: 2, user: "pat", time: 1.7e9, content: "<p>Flagged, but still here.", dead: true, comments: [{ id: 3, user: "sam", time: 1.7e9, content: "a reply", comments: [] }] },
  { id: 4, time: 1.7e9, content: "", dead: true, comments: [] },
] });
// URLs: mailto: as an image, script schemes everywhere.
json("threadline--shown--urls", {
  article: { title: "An article", body: [{ type: "figure", image: "mailto:desk@example.com", alt: "map", link: "javascript:alert(1)" }, { type: "video" }, 7] },
  comments: [{ id: "a", avatar: "mailto:a@example.com", authorUrl: "javascript:alert(1)", author: "Ann", body: "![x](mailto:a@b.c) [y](javascript:alert(1))", format: "markdown" }],
});
json("threadline--shown--empty-bodies", thread(
  { id: "p", body: "<p></p>", format: "html" }, { id: "div", body: "<div> <span>\n</span></div>", format: "html" },
  { id: "md", body: "   ", format: "markdown" }, { id: "none" },
));
// Text that makes naive parsers quadratic.
json("threadline--shown--pathological-markdown", thread(
  { id: "em", body: "*a **a ".repeat(6000) + "b" + " a** a*".repeat(6000), format: "markdown" },
  { id: "ticks", body: "`a``".repeat(10000), format: "markdown" },
  { id: "links", body: "[a](".repeat(10000), format: "markdown" },
  { id: "html", body: "<b><i>".repeat(8000) + "x" + "<".repeat(8000), format: "html" },
));
// Not a thread at all.
write("threadline--refused--not-json", "<html><body>502 Bad Gateway</body></html>");
write("threadline--refused--truncated", '{"comments": [{"id": "a", "body": "cut sh');
write("threadline--refused--empty", "");
write("threadline--refused--null", "null");
write("threadline--refused--array", "[1, 2, 3]");
json("threadline--refused--comments-not-a-list", { comments: { a: 1 } });
json("threadline--refused--no-comments", { threads: [] });
json("reddit--refused--wrong-shape", { kind: "Listing", data: { children: "none" } });
json("mastodon--refused--descendants-null", { ancestors: [], descendants: null });
json("lemmy--shown--paths-broken", { comments: [{ comment: { id: 1, path: 5, content: 7 }, creator: null, counts: { score: "many" } }, { comment: { id: 2, path: "0..2" } }] });
