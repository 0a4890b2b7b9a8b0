// Writes the test data in this folder: one response per comment API, in that
// API's real field layout (taken from its documentation and from captured
// responses), with invented people and text. Deterministic, so the files it
// writes are committed and the tests never depend on ../shared.
//
//   node tests/data/make.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const write = (name, value) => writeFileSync(join(here, name), JSON.stringify(value, null, 1) + "\n");

const names = ["ada", "brook", "chidi", "dagny", "emeka", "farah", "gus", "hana", "ilse", "jonas", "kofi", "lior", "mei", "nils"];
const words = "the council vote on the tram line was closer than the story says and the figures in the third paragraph come from last year not this one".split(" ");
const sentence = (n) => {
  const text = Array.from({ length: 6 + (n % 9) }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(" ");
  return text[0].toUpperCase() + text.slice(1) + ".";
};
const T0 = 1700000000; // 2023-11-14T22:13:20Z

// --- Reddit: /comments/<id>.json ------------------------------------------
// Two listings: the post, then comments nested through `replies` ("" when
// empty); `more` stubs hide the rest; bodies are markdown with &, <, > escaped.
const listing = (children) => ({ kind: "Listing", data: { modhash: null, children, after: null, before: null } });
const t1 = (id, parent, n, replies = [], extra = {}) => ({
  kind: "t1",
  data: {
    id, name: `t1_${id}`, parent_id: parent, link_id: "t3_tram42", author: names[n % names.length],
    body: n % 5 === 0 ? `&gt; ${sentence(n + 1)}\n\n${sentence(n)}` : sentence(n),
    body_html: `&lt;div class="md"&gt;&lt;p&gt;${sentence(n)}&lt;/p&gt;&lt;/div&gt;`,
    created_utc: T0 + n * 60, score: 40 - n, ups: 40 - n, downs: 0, edited: false,
    replies: replies.length ? listing(replies) : "", ...extra,
  },
});
const more = (id, parent, count, children) => ({ kind: "more", data: { count, name: `t1_${id}`, id, parent_id: parent, children } });
let n = 0;
const top = [];
for (let i = 1; i <= 24; i++) {
  const id = `r${i}`;
  const replies = [];
  if (i === 3) {
    // A deleted comment with replies stays as a placeholder.
    replies.push(t1(`r3a`, "t1_r3", ++n), t1(`r3b`, "t1_r3", ++n));
    top.push(t1(id, "t3_tram42", ++n, replies, { author: "[deleted]", body: "[deleted]" }));
    continue;
  }
  if (i === 15) {
    // Beyond the first page: 7 replies, then a row for 3 more.
    for (let r = 1; r <= 7; r++) replies.push(t1(`r15x${r}`, "t1_r15", ++n));
    replies.push(more("m1", "t1_r15", 0, ["m1", "m2", "m3"]));
  }
  if (i === 1) {
    // A chain 10 deep.
    let chain = [];
    for (let d = 10; d >= 1; d--) chain = [t1(`r1d${d}`, d === 1 ? "t1_r1" : `t1_r1d${d - 1}`, ++n, chain)];
    replies.push(...chain);
  }
  if (i % 4 === 2) replies.push(t1(`${id}a`, `t1_${id}`, ++n), t1(`${id}b`, `t1_${id}`, ++n));
  top.push(t1(id, "t3_tram42", ++n, replies));
}
top.push(more("x481", "t3_tram42", 481, ["x481", "x482", "x483"]));
// Reddit's "continue this thread" markers, at the depth cut-off: every one is
// named t1__. The one under r7 is a deleted comment's only reply.
const marker = (parent) => more("_", parent, 0, []);
top[5].data.replies.data.children[0].data.replies = listing([marker("t1_r6a")]);
top[6].data.replies = listing([marker("t1_r7")]);
Object.assign(top[6].data, { author: "[deleted]", body: "[deleted]" });
top[9].data.replies.data.children[1].data.replies = listing([marker("t1_r10b")]);
const post = { kind: "t3", data: { id: "tram42", name: "t3_tram42", title: "The tram line vote", author: "desk", num_comments: 600, created_utc: T0 } };
write("reddit-comments.json", [listing([post]), listing(top)]);

// /api/morechildren: a flat list, re-attached by parent_id; two whose
// parents are not loaded take the row's place.
write("reddit-morechildren.json", {
  json: {
    errors: [],
    data: {
      things: [
        t1("k1", "t1_gone1", 101), t1("k2", "t1_k1", 102), t1("k3", "t1_k1", 103),
        t1("k4", "t1_gone2", 104), t1("k5", "t1_k4", 105), t1("k6", "t1_k5", 106),
      ],
    },
  },
});

// --- Mastodon: /api/v1/statuses/:id/context ---------------------------------
// Ids are strings beyond 2^53; the root status is not among `descendants`;
// `content` is HTML with mention and hashtag links.
const ROOT = "109300000000000001";
const statusId = (i) => String(109300000000001000n + BigInt(i));
const descendants = [];
for (let i = 1; i <= 59; i++) {
  const reply = i > 43;
  const who = names[i % names.length];
  descendants.push({
    id: statusId(i),
    created_at: new Date((T0 + i * 97) * 1000).toISOString(),
    in_reply_to_id: reply ? statusId(i - 40) : ROOT,
    in_reply_to_account_id: "109200000000000001",
    sensitive: false, spoiler_text: "", visibility: "public", language: "en",
    uri: `https://social.example/users/${who}/statuses/${statusId(i)}`,
    url: `https://social.example/@${who}/${statusId(i)}`,
    replies_count: 0, reblogs_count: i % 3, favourites_count: (i * 7) % 23, edited_at: null,
    content: `<p><span class="h-card" translate="no"><a href="https://social.example/@desk" class="u-url mention">@<span>desk</span></a></span> ${sentence(i)} <a href="https://social.example/tags/trams" class="mention hashtag" rel="tag">#<span>trams</span></a></p>`,
    reblog: null,
    account: {
      id: `10920000000000${1000 + i}`, username: who, acct: i % 4 ? who : `${who}@other.example`,
      display_name: i % 6 ? `${who[0].toUpperCase()}${who.slice(1)} 🚋` : "",
      url: `https://social.example/@${who}`, avatar: `https://files.social.example/avatars/${who}.png`,
    },
    media_attachments: [], mentions: [], tags: [], emojis: [],
  });
}
write("mastodon-context.json", { ancestors: [], descendants });

// --- Lemmy: /api/v3/post?id= plus /api/v3/comment/list ---------------------
// The tree comes from `comment.path` ("0.a.b"); a page of comments may miss
// the parents of some (orphans).
const lemmy = (id, path, n, extra = {}) => ({
  comment: { id, creator_id: 500 + n, post_id: 77, content: `${sentence(n)}\n`, removed: false, deleted: false, published: new Date((T0 + n * 300) * 1000).toISOString(), ap_id: `https://lemmy.example/comment/${id}`, local: true, path, distinguished: false, language_id: 37, ...extra },
  creator: { id: 500 + n, name: names[n % names.length], display_name: n % 2 ? null : `${names[n % names.length]} (display)`, actor_id: `https://lemmy.example/u/${names[n % names.length]}`, avatar: null, local: true, banned: false },
  post: { id: 77, name: "The tram line vote" },
  counts: { comment_id: id, score: 10 - n, upvotes: 12 - n, downvotes: 2, child_count: 0, published: new Date((T0 + n * 300) * 1000).toISOString() },
  subscribed: "NotSubscribed", saved: false, creator_blocked: false, my_vote: null,
});
write("lemmy-post.json", {
  post_view: { post: { id: 77, name: "The tram line vote", body: "Discuss." }, counts: { comments: 217 } },
  comments: [
    lemmy(200, "0.200", 1),
    // A reply written as Lemmy users write: a table, a folded section, a key.
    lemmy(201, "0.200.201", 2, { content: "Fares compared:\n\n| Line | Fare | Minutes |\n|:--|:-:|--:|\n| 4 | €2.10 | 18 |\n| 9 | €1.80 | 25 |\n\n<details><summary>Sources</summary>\n\nThe city's *fare table*.\n\n</details>\n\nPress <kbd>n</kbd> for the next one.\n" }), lemmy(310, "0.900.310", 3), lemmy(320, "0.901.320", 4),
    lemmy(330, "0.902.330", 5), lemmy(340, "0.903.904.340", 6), lemmy(341, "0.200.341", 7, { deleted: true, content: "" }),
  ],
});

// --- Hacker News through Algolia: items/<id> --------------------------------
// Nested `children`; `text` is HTML with entities and unclosed <p>.
const hn = (id, n, children = []) => ({ id, author: names[n % names.length], text: `${sentence(n)}<p>${sentence(n + 1)}`, type: "comment", created_at: new Date((T0 + n * 45) * 1000).toISOString(), created_at_i: T0 + n * 45, points: null, parent_id: 0, children });
const hnTree = [
  { ...hn(9001, 1), text: `I don&#x27;t agree, see <a href="https:&#x2F;&#x2F;example.org&#x2F;tram&#x2F;" rel="nofollow">https:&#x2F;&#x2F;example.org&#x2F;tram&#x2F;</a>` },
  hn(9002, 2, [hn(9003, 3)]),
  hn(9004, 4, [hn(9005, 5, [hn(9006, 6)])]),
];
const setParents = (items, parent) => items.forEach((item) => { item.parent_id = parent; setParents(item.children, item.id); });
setParents(hnTree, 9000);
write("hn-algolia-item.json", { id: 9000, title: "The tram line vote", author: "desk", points: 120, url: "https://news.example/tram", text: null, type: "story", created_at_i: T0, children: hnTree });

// --- Hacker News through hackerweb: /item/<id> ------------------------------
// Nested `comments`; deleted and dead comments have no `user`.
const hw = (id, n, comments = [], extra = {}) => ({ id, level: 0, user: names[n % names.length], time: T0 + n * 50, time_ago: "2 years ago", content: `<p>${sentence(n)}`, comments, ...extra });
write("hackerweb-item.json", {
  id: 8000, title: "The tram line vote", points: 88, user: "desk", time: T0, type: "link", comments_count: 6,
  comments: [
    hw(8001, 1, [hw(8002, 2)]),
    { id: 8003, level: 0, time: T0 + 300, time_ago: "2 years ago", content: "[deleted]", deleted: true, comments: [hw(8004, 4)] },
    hw(8005, 5, [], { dead: true, user: undefined, content: "" }),
    hw(8006, 6),
    // Flagged dead, but its author and text are still there to read.
    hw(8007, 7, [hw(8008, 8)], { dead: true }),
  ],
});

// --- WordPress: /wp/v2/comments?post=<id> -----------------------------------
// Flat, newest first (so a reply comes before its parent); `parent` 0 is the
// top level; `date_gmt` has no zone and is UTC.
const wp = (id, parent, n) => ({
  id, post: 60, parent, author: 0, author_name: names[n % names.length], author_url: n % 2 ? `https://blog.example/${names[n % names.length]}` : "",
  date: new Date((T0 + n * 3600) * 1000 + 3600e3).toISOString().slice(0, 19), date_gmt: new Date((T0 + n * 3600) * 1000).toISOString().slice(0, 19),
  content: { rendered: `<p>${sentence(n)}</p>\n` }, link: `https://blog.example/tram/#comment-${id}`, status: "approved", type: "comment",
  author_avatar_urls: { 24: `https://secure.gravatar.example/avatar/${n}?s=24`, 48: `https://secure.gravatar.example/avatar/${n}?s=48`, 96: `https://secure.gravatar.example/avatar/${n}?s=96` },
});
write("wordpress-comments.json", [wp(13, 11, 3), wp(12, 0, 2), wp(11, 0, 1)]);

// --- Discourse: /t/<id>.json -------------------------------------------------
// `reply_to_post_number` points at `post_number`, not `id`; times carry offsets;
// likes may come only in `actions_summary`.
const post_ = (id, number, replyTo, n, extra = {}) => ({
  id, name: n % 2 ? `${names[n]} Person` : null, username: names[n % names.length], avatar_template: `/user_avatar/forum.example/${names[n % names.length]}/{size}/4_2.png`,
  created_at: `2023-11-1${n}T09:0${n}:00.000-05:00`, cooked: `<p>${sentence(n)}</p>`, post_number: number, post_type: 1, reply_to_post_number: replyTo,
  reply_count: 0, like_count: n === 3 ? undefined : n, actions_summary: n === 3 ? [{ id: 2, count: 9 }] : [], moderator: n === 4, hidden: false, deleted_at: null, ...extra,
});
write("discourse-topic.json", {
  id: 555, title: "The tram line vote", posts_count: 4,
  post_stream: { posts: [post_(9101, 1, null, 1), post_(9102, 2, 1, 2), post_(9103, 3, null, 3), post_(9104, 4, 2, 4)], stream: [9101, 9102, 9103, 9104] },
});

// --- GitHub: /repos/<o>/<r>/issues/<n>/comments -----------------------------
// Flat; markdown bodies with CRLF; reactions as counts.
const gh = (id, n) => ({
  id, node_id: `IC_${id}`, html_url: `https://github.example/o/r/issues/1#issuecomment-${id}`,
  user: { login: names[n], id: 700 + n, avatar_url: `https://avatars.github.example/u/${700 + n}?v=4`, html_url: `https://github.example/${names[n]}`, type: "User" },
  created_at: new Date((T0 + n * 86400) * 1000).toISOString().replace(/\.000Z$/, "Z"), updated_at: new Date((T0 + n * 86400) * 1000).toISOString().replace(/\.000Z$/, "Z"),
  author_association: "NONE", body: `${sentence(n)}\r\n\r\n- one\r\n- two`, reactions: { url: "", total_count: n + 1, "+1": n + 1, "-1": n % 2, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 },
});
write("github-comments.json", [gh(4001, 1), gh(4002, 2), gh(4003, 3)]);

// --- Remark42: /api/v1/find?format=plain (a bare array) ---------------------
// `pid` "" is the top level; HTML `text`; non-Latin text and emoji.
const rk = (id, pid, n, text) => ({
  id, pid, text, orig: text, user: { name: names[n], id: `github_${names[n]}`, picture: `https://remark.example/pic/${n}.png`, profile: `https://remark.example/u/${n}`, admin: false },
  locator: { site: "news", url: "https://news.example/tram" }, score: n - 1, vote: 0, time: new Date((T0 + n * 600) * 1000).toISOString(), delete: false,
});
write("remark42-find.json", [
  rk("a1", "", 1, "<p>Трамвай нужен городу 🚋</p>"),
  rk("a2", "a1", 2, `<p>${sentence(2)}</p>`),
  { ...rk("a3", "", 3, ""), delete: true },
  rk("a4", "a3", 4, `<p>${sentence(4)} <a href="https://example.org/">source</a></p>`),
]);
