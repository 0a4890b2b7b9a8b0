//! Real responses of ten comment APIs, captured by others (`../shared/fixtures`,
//! see its README for sources and licenses), each read through its preset:
//! the counts, parents, authors, times and scores a reader of the original
//! site sees. An extra suite: it runs when `../shared/fixtures` is beside the
//! repository, and each test passes as skipped (saying so) when it is not.
//! The project's own data in `tests/data` covers every preset either way.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use support::Read;
use threadline::core::load::read_response;
use threadline::core::mapping::Source;

/// The captured response, or `None` (and a line saying the test is
/// skipped) when `../shared/fixtures` is not there.
fn fixture(path: &str) -> Option<String> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(path);
    if !file.exists() {
        eprintln!("skipped: {} is not there", file.display());
        return None;
    }
    Some(
        std::fs::read_to_string(&file)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display())),
    )
}

fn read(preset: &str, path: &str) -> Option<Read> {
    Some(support::read(preset, &fixture(path)?))
}

#[test]
fn reddit_nested_listing_with_more_stubs_and_deleted_comments() {
    let Some(thread) = read("reddit", "reddit/redditkit_comments.json") else {
        return;
    };
    assert_eq!(
        thread.store.len(),
        199,
        "every deleted comment here has replies, so all stay"
    );
    assert!(
        thread.comment("t1_ca72fbo").deleted,
        "kept as a [deleted] placeholder"
    );
    assert_eq!(thread.comment("t1_ca72fbo").author, None);
    assert_eq!(thread.skipped, 0);
    let first = thread.comment("t1_ca70z2e");
    assert_eq!(first.author.as_deref(), Some("KennyLog-in"));
    assert_eq!(first.score, Some(1227 - 213));
    assert_eq!(thread.iso("t1_ca70z2e"), "2013-05-27T20:38:37Z");
    assert_eq!(thread.parent_of("t1_ca70z2e"), None);
    assert_eq!(
        thread.store.roots().len(),
        38 + 1,
        "38 top-level comments and one 'more' row"
    );
    assert_eq!(
        thread.comment("t1_ca71bs3").more,
        Some(481),
        "the top-level stub hides 481 comments"
    );
    assert!(
        thread.store.report().orphans.is_empty(),
        "t3_ parents are the post, not missing comments"
    );
}

#[test]
fn reddit_second_listing_keeps_deleted_placeholders_above_replies() {
    let Some(thread) = read("reddit", "reddit/reddift_comments.json") else {
        return;
    };
    assert_eq!(
        thread.comment("t1_cq21eh6").author.as_deref(),
        Some("joemtz")
    );
    assert_eq!(thread.comment("t1_cq21eh6").score, Some(1));
    assert_eq!(thread.iso("t1_cq21eh6"), "2015-04-05T16:45:14Z");
    let stub = thread.comment("t1_cpddp7v");
    assert_eq!(
        stub.more,
        Some(3),
        "a count of 0 means: as many as the ids listed"
    );
    assert_eq!(stub.more_ids, ["cpddp7v", "cp8jvj8", "cp8cv4b"]);
    assert_eq!(
        thread.parent_of("t1_cpddp7v").as_deref(),
        Some("t1_cp88kh5")
    );
}

#[test]
fn hackerweb_nested_comments_with_deleted_and_dead_nodes() {
    let Some(thread) = read(
        "hackerweb",
        "hn-hackerweb/hacker-news-android_10846540.json",
    ) else {
        return;
    };
    let paul = thread.comment("10847160");
    assert_eq!(paul.author.as_deref(), Some("paul"));
    assert_eq!(thread.iso("10847160"), "2016-01-05T23:52:55Z");
    assert_eq!(
        thread.store.len(),
        212,
        "229 nodes; deleted ones and dead ones without text drop out, unless they have replies"
    );
    assert_eq!(thread.store.roots().len(), 57);
    assert!(
        thread.comment("10846786").deleted,
        "a deleted comment with 2 replies stays as a placeholder"
    );
    assert_eq!(thread.store.children("10846786").len(), 2);
}

#[test]
fn hn_algolia_nested_children() {
    let Some(thread) = read(
        "hn-algolia",
        "hn-algolia/medium-research-mcp_hn-item_TRIMMED.json",
    ) else {
        return;
    };
    assert_eq!(thread.store.len(), 5);
    assert_eq!(thread.parent_of("16582191").as_deref(), Some("16582170"));
    assert_eq!(thread.parent_of("16582228").as_deref(), Some("16582194"));
    assert_eq!(thread.parent_of("16582152"), None);
    assert_eq!(
        thread.comment("16582152").author.as_deref(),
        Some("klinskyc")
    );
    assert!(thread.store.report().orphans.is_empty());
}

#[test]
fn wordpress_flat_newest_first_reply_before_parent() {
    let Some(thread) = read("wordpress", "wordpress/frontity_post-60-comments.json") else {
        return;
    };
    assert_eq!(thread.store.len(), 3);
    assert_eq!(thread.parent_of("129").as_deref(), Some("124"));
    assert_eq!(thread.parent_of("124"), None);
    assert_eq!(thread.parent_of("5"), None);
    assert_eq!(
        thread.comment("129").author.as_deref(),
        Some("David Arenas")
    );
    assert_eq!(
        thread.iso("129"),
        "2019-02-08T15:28:33Z",
        "date_gmt has no zone and is UTC"
    );
    assert!(thread
        .comment("129")
        .avatar
        .as_deref()
        .is_some_and(|url| url.contains("gravatar")));
}

#[test]
fn mastodon_context_with_ids_beyond_2_pow_53() {
    let Some(thread) = read("mastodon", "mastodon/rtoot_get_context_default.json") else {
        return;
    };
    assert_eq!(thread.store.len(), 59);
    assert_eq!(
        thread.store.roots().len(),
        43,
        "replies to the status itself are top level"
    );
    let first = thread.comment("109294767623508949");
    assert_eq!(first.author.as_deref(), Some("Austin Kocher, PhD 🌎"));
    assert_eq!(first.score, Some(23));
    assert_eq!(thread.iso("109294767623508949"), "2022-11-06T03:36:44Z");
    assert!(thread.store.report().orphans.is_empty());
}

#[test]
fn lemmy_materialized_paths_with_parents_not_in_the_page() {
    let Some(thread) = read("lemmy", "lemmy/medium-research-mcp_lemmy-detail.json") else {
        return;
    };
    assert_eq!(thread.store.len(), 5);
    assert_eq!(thread.store.roots().len(), 5);
    assert!(
        !thread.store.is_orphan("24672620"),
        "a real top-level comment"
    );
    for id in ["24672634", "24672605", "24672589", "24672566"] {
        assert!(
            thread.store.is_orphan(id),
            "{id} answers a comment not loaded"
        );
    }
    assert_eq!(
        thread.comment("24672634").author.as_deref(),
        Some("Tollana1234567")
    );
    assert_eq!(thread.comment("24672634").score, Some(1));
    assert_eq!(thread.iso("24672634"), "2026-07-02T06:15:35Z");
}

#[test]
fn discourse_replies_by_post_number_with_offsets() {
    let Some(thread) = read("discourse", "discourse/discourse_api_topic.json") else {
        return;
    };
    assert_eq!(thread.store.len(), 4);
    assert_eq!(thread.parent_of("14").as_deref(), Some("1"));
    assert_eq!(thread.parent_of("3"), None);
    assert_eq!(thread.comment("3").author.as_deref(), Some("Adam Davis"));
    assert_eq!(
        thread.comment("3").score,
        Some(5),
        "likes from actions_summary"
    );
    assert_eq!(
        thread.iso("3"),
        "2013-02-04T20:29:00Z",
        "-05:00 offset applied"
    );
}

#[test]
fn github_flat_issue_comments() {
    let Some(thread) = read(
        "github",
        "github-issue-comments/github-to-sqlite_issue-comments.json",
    ) else {
        return;
    };
    assert_eq!(thread.store.len(), 3);
    assert_eq!(thread.store.roots().len(), 3);
    assert_eq!(
        thread.comment("531516956").author.as_deref(),
        Some("simonw")
    );
    assert_eq!(thread.iso("531517083"), "2019-09-14T21:58:42Z");
}

#[test]
fn remark42_bare_array_with_empty_pid_at_top() {
    let Some(thread) = read("remark42", "remark42/remark42_tree_bench.json") else {
        return;
    };
    assert_eq!(thread.store.len(), 58);
    assert_eq!(thread.store.roots().len(), 27);
    assert_eq!(
        thread.comment("3665991835").author.as_deref(),
        Some("sultan99")
    );
    assert_eq!(thread.comment("3665991835").score, Some(-1));
    assert!(thread.store.report().is_clean());
}

#[test]
fn reddit_markdown_quotes_arrive_escaped_and_show_as_quotes() {
    use threadline::core::rich::{to_nodes, Node, RichOptions, Tag};
    let source = Source::configure(Some("reddit"), None).expect("a known preset");
    let Some(json) = fixture("reddit/reddift_comments.json") else {
        return;
    };
    let document = read_response(&json, &source).expect("reads");
    let quoting = document
        .comments
        .iter()
        .flat_map(|c| std::iter::once(c).chain(c.replies.iter()))
        .find(|c| c.id == "t1_coobibw")
        .expect("the comment that quotes");
    assert!(
        quoting.body.starts_with("> My app relies"),
        "{}",
        quoting.body
    );
    let nodes = to_nodes(&quoting.body, quoting.format, RichOptions::default());
    assert!(
        matches!(&nodes[0], Node::Element(e) if e.tag == Tag::Blockquote),
        "{nodes:?}"
    );
}

#[test]
fn reddit_body_html_is_unescaped_once_then_parsed() {
    use threadline::core::rich::{to_nodes, Node, RichOptions, Tag};
    let source = Source::configure(
        Some("reddit"),
        Some(r#"{"body": "data.body_html", "format": "html"}"#),
    )
    .expect("valid");
    let Some(json) = fixture("reddit/reddift_comments.json") else {
        return;
    };
    let document = read_response(&json, &source).expect("reads");
    let first = document
        .comments
        .iter()
        .find(|c| c.id == "t1_cq21eh6")
        .expect("the first comment");
    assert!(
        first.body.starts_with("<div class=\"md\">"),
        "{}",
        first.body
    );
    let nodes = to_nodes(&first.body, first.format, RichOptions::default());
    assert!(
        matches!(&nodes[0], Node::Element(e) if e.tag == Tag::P),
        "{nodes:?}"
    );
    let text = format!("{nodes:?}");
    assert!(!text.contains("&lt;") && !text.contains("<p>"), "{text}");
}
