//! Any text as an HTML body: never panics, and gives only safe links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use threadline::core::model::BodyFormat;
use threadline::core::rich::{to_nodes, Node, RichOptions, Tag};
use threadline::core::url::safe_url;

fuzz_target!(|text: &str| {
    let nodes = to_nodes(text, BodyFormat::Html, RichOptions::default());
    let mut stack: Vec<&Node> = nodes.iter().collect();
    while let Some(node) = stack.pop() {
        if let Node::Element(element) = node {
            assert!(element.tag != Tag::Img);
            if let Some(url) = &element.url {
                assert_eq!(safe_url(url), Some(url.as_str()));
            }
            stack.extend(&element.children);
        }
    }
});
