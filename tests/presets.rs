//! Every preset, on the project's own responses in `tests/data` (each API's
//! real field layout, invented content; `node tests/data/make.mjs` writes
//! them): the counts, parents, authors, times and scores a reader sees.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::read;
use threadline::core::load::{read_response, LoadError};
use threadline::core::mapping::Source;

fn data(name: &str) -> String {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()))
}

#[test]
fn reddit_nested_listing_with_more_rows_and_deleted_placeholders() {
    let thread = read("reddit", &data("reddit-comments.json"));
    assert_eq!(
        thread.store.len(),
        55,
        "every t1 comment; `more` rows are not comments"
    );
    assert_eq!(thread.skipped, 0);
    assert_eq!(
        thread.store.roots().len(),
        24 + 1,
        "24 top-level comments and one 'more' row"
    );
    assert_eq!(thread.comment("t1_x481").more, Some(481));
    let deleted = thread.comment("t1_r3");
    assert!(
        deleted.deleted,
        "kept as a [deleted] placeholder above its replies"
    );
    assert_eq!(deleted.author, None);
    assert_eq!(thread.store.children("t1_r3").len(), 2);
    let first = thread.comment("t1_r1");
    assert_eq!(first.author.as_deref(), Some("lior"));
    assert_eq!(thread.iso("t1_r1"), "2023-11-14T22:24:20Z");
    assert_eq!(
        thread.parent_of("t1_r1d10").as_deref(),
        Some("t1_r1d9"),
        "10 deep"
    );
    let stub = thread.comment("t1_m1");
    assert_eq!(
        stub.more,
        Some(3),
        "a count of 0 means: as many as the ids listed"
    );
    assert_eq!(stub.more_ids, ["m1", "m2", "m3"]);
    assert_eq!(thread.parent_of("t1_m1").as_deref(), Some("t1_r15"));
    assert!(
        thread.store.report().is_clean(),
        "t3_ parents are the post; no duplicates"
    );
}

#[test]
fn reddit_continue_markers_are_each_kept_under_their_comment() {
    let thread = read("reddit", &data("reddit-comments.json"));
    for parent in ["t1_r6a", "t1_r7", "t1_r10b"] {
        let children = thread.store.children(parent);
        assert_eq!(children.len(), 1, "{parent}");
        let marker = thread.comment(&children[0]);
        assert_eq!(
            marker.more,
            Some(0),
            "a 'continue this thread' row under {parent}"
        );
    }
    assert!(
        thread.comment("t1_r7").deleted,
        "a deleted comment whose only reply is a marker stays"
    );
}

#[test]
fn reddit_markdown_bodies_are_unescaped_once() {
    use threadline::core::rich::{to_nodes, Node, RichOptions, Tag};
    let thread = read("reddit", &data("reddit-comments.json"));
    let quoting = thread.comment("t1_r1d6");
    assert!(quoting.body.starts_with("> "), "{}", quoting.body);
    let nodes = to_nodes(&quoting.body, quoting.format, RichOptions::default());
    assert!(
        matches!(&nodes[0], Node::Element(e) if e.tag == Tag::Blockquote),
        "{nodes:?}"
    );
}

#[test]
fn hackerweb_nested_comments_with_deleted_and_dead_nodes() {
    let thread = read("hackerweb", &data("hackerweb-item.json"));
    assert_eq!(
        thread.store.len(),
        7,
        "the dead comment without text drops out"
    );
    assert_eq!(thread.store.roots().len(), 4);
    let dead = thread.comment("8007");
    assert!(!dead.deleted, "a dead comment with its text is shown");
    assert!(dead.flagged, "as flagged: it starts hidden behind a line");
    assert_eq!(dead.author.as_deref(), Some("hana"));
    assert_eq!(thread.store.children("8007").len(), 1);
    assert!(
        thread.comment("8003").deleted,
        "a deleted comment with a reply stays"
    );
    assert_eq!(thread.store.children("8003").len(), 1);
    assert_eq!(thread.comment("8001").author.as_deref(), Some("brook"));
    assert_eq!(thread.iso("8001"), "2023-11-14T22:14:10Z");
}

#[test]
fn hn_algolia_nested_children() {
    let thread = read("hn-algolia", &data("hn-algolia-item.json"));
    assert_eq!(thread.store.len(), 6);
    assert_eq!(thread.parent_of("9006").as_deref(), Some("9005"));
    assert_eq!(thread.parent_of("9001"), None);
    assert_eq!(thread.comment("9003").author.as_deref(), Some("dagny"));
    assert!(thread.store.report().is_clean());
}

#[test]
fn wordpress_flat_newest_first_reply_before_parent() {
    let thread = read("wordpress", &data("wordpress-comments.json"));
    assert_eq!(thread.store.len(), 3);
    assert_eq!(thread.parent_of("13").as_deref(), Some("11"));
    assert_eq!(thread.parent_of("12"), None);
    assert_eq!(thread.comment("13").author.as_deref(), Some("dagny"));
    assert_eq!(
        thread.iso("13"),
        "2023-11-15T01:13:20Z",
        "date_gmt has no zone and is UTC"
    );
    assert!(thread
        .comment("13")
        .avatar
        .as_deref()
        .is_some_and(|url| url.ends_with("s=48")));
}

#[test]
fn mastodon_context_with_ids_beyond_2_pow_53() {
    let thread = read("mastodon", &data("mastodon-context.json"));
    assert_eq!(thread.store.len(), 59);
    assert_eq!(
        thread.store.roots().len(),
        43,
        "replies to the status itself are top level"
    );
    let reply = thread.comment("109300000000001044");
    assert_eq!(reply.author.as_deref(), Some("Chidi 🚋"));
    assert_eq!(reply.score, Some(44 * 7 % 23));
    assert_eq!(
        thread.parent_of("109300000000001044").as_deref(),
        Some("109300000000001004")
    );
    assert_eq!(
        thread.comment("109300000000001012").author.as_deref(),
        Some("mei@other.example"),
        "no display name"
    );
    assert_eq!(thread.iso("109300000000001001"), "2023-11-14T22:14:57Z");
    assert!(thread.store.report().orphans.is_empty());
}

#[test]
fn lemmy_materialized_paths_with_parents_not_in_the_page() {
    let thread = read("lemmy", &data("lemmy-post.json"));
    assert_eq!(
        thread.store.len(),
        6,
        "the deleted comment without replies drops out"
    );
    assert_eq!(thread.parent_of("201").as_deref(), Some("200"));
    assert!(!thread.store.is_orphan("200"), "a real top-level comment");
    for id in ["310", "320", "330", "340"] {
        assert!(
            thread.store.is_orphan(id),
            "{id} answers a comment not loaded"
        );
    }
    assert_eq!(
        thread.comment("201").author.as_deref(),
        Some("chidi (display)")
    );
    assert_eq!(
        thread.comment("310").author.as_deref(),
        Some("dagny"),
        "no display name"
    );
    assert_eq!(thread.comment("201").score, Some(8));
    assert_eq!(thread.iso("201"), "2023-11-14T22:23:20Z");
}

#[test]
fn discourse_replies_by_post_number_with_offsets() {
    let thread = read("discourse", &data("discourse-topic.json"));
    assert_eq!(thread.store.len(), 4);
    assert_eq!(thread.parent_of("4").as_deref(), Some("2"));
    assert_eq!(thread.parent_of("3"), None);
    assert_eq!(thread.comment("3").author.as_deref(), Some("dagny Person"));
    assert_eq!(
        thread.comment("2").author.as_deref(),
        Some("chidi"),
        "no name: the user name"
    );
    assert_eq!(
        thread.comment("3").score,
        Some(9),
        "likes from actions_summary"
    );
    assert_eq!(
        thread.iso("3"),
        "2023-11-13T14:03:00Z",
        "-05:00 offset applied"
    );
    assert_eq!(
        thread.comment("1").avatar.as_deref(),
        Some("/user_avatar/forum.example/brook/48/4_2.png")
    );
}

#[test]
fn github_flat_issue_comments() {
    let thread = read("github", &data("github-comments.json"));
    assert_eq!(thread.store.roots().len(), 3);
    assert_eq!(thread.comment("4002").author.as_deref(), Some("chidi"));
    assert_eq!(
        thread.comment("4002").score,
        Some(3),
        "+1 minus -1 reactions"
    );
    assert_eq!(thread.iso("4003"), "2023-11-17T22:13:20Z");
}

#[test]
fn remark42_bare_array_with_empty_pid_at_top() {
    let thread = read("remark42", &data("remark42-find.json"));
    assert_eq!(thread.store.len(), 4);
    assert_eq!(thread.store.roots().len(), 2);
    assert_eq!(thread.parent_of("a2").as_deref(), Some("a1"));
    assert!(thread.comment("a3").deleted);
    assert_eq!(thread.comment("a1").author.as_deref(), Some("brook"));
    assert_eq!(thread.comment("a2").score, Some(1));
    assert!(thread.store.report().is_clean());
}

#[test]
fn a_path_that_finds_nothing_names_the_path_and_the_keys_there() {
    let source =
        Source::configure(Some("reddit"), Some(r#"{"comments": "data.children"}"#)).expect("valid");
    let error = read_response(&data("reddit-morechildren.json"), &source).unwrap_err();
    assert!(matches!(error, LoadError::NotFound(_)));
    let source = Source::configure(Some("reddit"), None).expect("valid");
    let error =
        read_response(r#"{"kind": "Listing", "data": {"children": []}}"#, &source).unwrap_err();
    assert_eq!(
        error.detail(),
        "no `1.data.children` in the response; its top-level keys are data, kind"
    );
}

#[test]
fn comments_of_the_wrong_shape_are_skipped_and_counted() {
    let source = Source::configure(
        None,
        Some(r#"{"comments": "items", "id": "id", "parent": "parent", "body": "text"}"#),
    )
    .expect("valid");
    let document = read_response(
        r#"{"items": [{"id": 1, "text": "ok"}, {"text": "no id"}, 42, null, {"id": {"x": 1}}, {"id": "2", "parent": 1}]}"#,
        &source,
    )
    .expect("the list is there");
    assert_eq!(document.skipped, 4);
    assert_eq!(document.comments.len(), 2);
    assert_eq!(document.comments[1].parent.as_deref(), Some("1"));
}

#[test]
fn unknown_presets_and_bad_mappings_are_named() {
    let error = Source::configure(Some("disqus"), None).unwrap_err();
    assert!(error
        .0
        .contains("there is no preset `disqus`; the presets are threadline, hn-algolia"));
    let error = Source::configure(Some("reddit"), Some(r#"{"autor": "x"}"#)).unwrap_err();
    assert!(error.0.contains("unknown field `autor`"), "{}", error.0);
    assert_eq!(
        Source::configure(Some("threadline"), None),
        Ok(Source::Native)
    );
}

#[test]
fn isso_as_a_real_isso_0_14_answers_with_a_deleted_comment_above_its_reply() {
    // Recorded from Isso 0.14.0 (PyPI): three comments posted through its
    // API, then the first deleted, which Isso keeps as mode 4.
    let thread = read("isso", &data("isso-thread.json"));
    assert_eq!(thread.store.len(), 3);
    let deleted = thread.comment("1");
    assert!(deleted.deleted, "mode 4 is deleted");
    assert_eq!(thread.store.children("1").len(), 1);
    assert_eq!(thread.parent_of("2").as_deref(), Some("1"));
    let bold = thread.comment("3");
    assert_eq!(bold.author.as_deref(), Some("Bo"));
    assert_eq!(
        &*bold.body,
        "<p>Second top-level, <strong>bold</strong>.</p>"
    );
    assert_eq!(bold.score, Some(0));
    assert_eq!(
        bold.votes,
        Some((0, 0)),
        "likes and dislikes, for Best and Controversial"
    );
    assert_eq!(thread.iso("3"), "2026-12-05T15:17:38Z");
    assert!(bold.avatar_hash.is_some(), "Isso's hash draws an identicon");
}

#[test]
fn presets_of_paged_apis_say_how_they_page_and_count() {
    use threadline::core::pages::{Count, Next};
    let mapping = |preset: &str| match Source::configure(Some(preset), None) {
        Ok(Source::Mapped(mapping, _)) => mapping,
        other => panic!("{preset}: {other:?}"),
    };
    let next = |preset: &str| mapping(preset).pages.map(|pages| pages.next);
    assert_eq!(next("wordpress"), Some(Next::Link));
    assert_eq!(next("github"), Some(Next::Link));
    assert_eq!(next("lemmy"), Some(Next::Page));
    assert_eq!(next("isso"), Some(Next::Offset), "with `limit` in data-src");
    assert_eq!(next("mastodon"), None, "one response holds the thread");
    assert!(
        matches!(next("discourse"), Some(Next::Ids(_))),
        "post_stream.stream, 20 at a time"
    );
    let isso: serde_json::Value = serde_json::from_str(&data("isso-thread.json")).expect("JSON");
    let total = mapping("isso").total.expect("Isso counts every comment");
    assert_eq!(total.read(&isso, &|_| None), Some(3));
    assert_eq!(
        mapping("wordpress").total,
        Some(Count::Header {
            header: "X-WP-Total".to_owned()
        })
    );
    let topic: serde_json::Value =
        serde_json::from_str(&data("discourse-topic.json")).expect("JSON");
    let total = mapping("discourse")
        .total
        .expect("Discourse counts its posts");
    assert_eq!(total.read(&topic, &|_| None), Some(4));
}
