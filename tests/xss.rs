//! The XSS corpus (`tests/xss/payloads.txt`) through every body format:
//! only allowlisted elements come out, links keep only safe schemes, and
//! images never appear unless a site turns them on. (`tests/e2e/xss.test.mjs`
//! runs it through the whole widget in Chromium.)
#![cfg(not(target_arch = "wasm32"))]

use threadline::core::model::BodyFormat;
use threadline::core::rich::{to_nodes, Node, RichOptions, Tag};
use threadline::core::url::safe_url;

fn payloads() -> Vec<&'static str> {
    include_str!("xss/payloads.txt")
        .lines()
        .filter(|line| !line.starts_with("# ") && !line.is_empty())
        .collect()
}

fn check(nodes: &[Node], images: bool, payload: &str) {
    let mut stack: Vec<&Node> = nodes.iter().collect();
    while let Some(node) = stack.pop() {
        let Node::Element(element) = node else {
            continue;
        };
        assert!(
            element.tag != Tag::Img || images,
            "an image from {payload:?}"
        );
        if let Some(url) = &element.url {
            assert!(
                matches!(element.tag, Tag::A | Tag::Img),
                "a URL on {:?}",
                element.tag
            );
            assert_eq!(
                safe_url(url),
                Some(url.as_str()),
                "{url:?} from {payload:?}"
            );
            let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
            assert!(
                matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto"))
                    || url.starts_with(['/', '#', '?'])
                    || !url
                        .split(['/', '?', '#'])
                        .next()
                        .unwrap_or("")
                        .contains(':'),
                "{url:?} from {payload:?}"
            );
        }
        stack.extend(&element.children);
    }
}

#[test]
fn the_corpus_has_at_least_100_payloads() {
    assert!(payloads().len() >= 100, "{}", payloads().len());
}

#[test]
fn every_payload_in_every_format_gives_only_safe_nodes() {
    for payload in payloads() {
        for format in [BodyFormat::Text, BodyFormat::Markdown, BodyFormat::Html] {
            for images in [false, true] {
                let nodes = to_nodes(payload, format, RichOptions { images });
                check(&nodes, images, payload);
            }
        }
    }
}

#[test]
fn the_whole_corpus_as_one_body_is_safe_too() {
    let all = payloads().join("\n");
    for format in [BodyFormat::Text, BodyFormat::Markdown, BodyFormat::Html] {
        let nodes = to_nodes(&all, format, RichOptions::default());
        check(&nodes, false, "the whole corpus");
    }
}
