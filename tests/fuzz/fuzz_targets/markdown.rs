//! Any text as a markdown body: never panics, and gives only safe links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use threadline::core::model::BodyFormat;
use threadline::core::rich::{to_nodes, Node, RichOptions};
use threadline::core::url::safe_url;

fn check(nodes: &[Node]) {
    let mut stack: Vec<&Node> = nodes.iter().collect();
    while let Some(node) = stack.pop() {
        if let Node::Element(element) = node {
            if let Some(url) = &element.url {
                assert_eq!(safe_url(url), Some(url.as_str()));
            }
            stack.extend(&element.children);
        }
    }
}

fuzz_target!(|text: &str| {
    check(&to_nodes(text, BodyFormat::Markdown, RichOptions { images: true }));
    check(&to_nodes(text, BodyFormat::Text, RichOptions::default()));
});
