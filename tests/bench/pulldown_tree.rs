//! pulldown-cmark's events built into Threadline's tree (elements and text,
//! links through `safe_url`), so that both readers are timed producing the
//! same output the views render, nesting at most 24 deep like it. A
//! reference for the benches only.

use pulldown_cmark::{Event, Options, Parser, Tag as Start};
use threadline::core::rich::{Align, Element, Node, Tag};
use threadline::core::url::safe_url;

fn element(tag: Tag, url: Option<String>) -> Element {
    Element {
        tag,
        url,
        alt: String::new(),
        start: None,
        align: Align::None,
        children: Vec::new(),
    }
}

/// Markdown to the tree through pulldown-cmark (tables and strikethrough on).
pub fn from_markdown(markdown: &str) -> Vec<Node> {
    let mut open: Vec<Element> = vec![element(Tag::Span, None)];
    // Deeper elements keep only their text, as in Threadline's tree (whose
    // drop would otherwise recurse past the browser's stack).
    let mut ignored = 0;
    let push = |open: &mut Vec<Element>, node: Node| {
        if let Some(parent) = open.last_mut() {
            parent.children.push(node);
        }
    };
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(start) => {
                let (tag, url) = match start {
                    Start::Paragraph | Start::Heading { .. } => (Tag::P, None),
                    Start::BlockQuote(_) => (Tag::Blockquote, None),
                    Start::CodeBlock(_) => (Tag::Pre, None),
                    Start::List(Some(_)) => (Tag::Ol, None),
                    Start::List(None) => (Tag::Ul, None),
                    Start::Item => (Tag::Li, None),
                    Start::Emphasis => (Tag::Em, None),
                    Start::Strong => (Tag::Strong, None),
                    Start::Strikethrough => (Tag::Del, None),
                    Start::Link { dest_url, .. } | Start::Image { dest_url, .. } => {
                        (Tag::A, safe_url(&dest_url).map(str::to_owned))
                    }
                    Start::Table(_) => (Tag::Table, None),
                    Start::TableHead => (Tag::Thead, None),
                    Start::TableRow => (Tag::Tr, None),
                    Start::TableCell => (Tag::Td, None),
                    _ => (Tag::Span, None),
                };
                if open.len() > 24 {
                    ignored += 1;
                } else {
                    open.push(element(tag, url));
                }
            }
            Event::End(_) if ignored > 0 => ignored -= 1,
            Event::End(_) if open.len() > 1 => {
                if let Some(done) = open.pop() {
                    push(&mut open, Node::Element(done));
                }
            }
            Event::Code(code) => {
                let mut element = element(Tag::Code, None);
                element.children.push(Node::Text(code.into_string()));
                push(&mut open, Node::Element(element));
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push(&mut open, Node::Text(text.into_string()))
            }
            Event::SoftBreak => push(&mut open, Node::Text("\n".to_owned())),
            Event::HardBreak => push(&mut open, Node::Element(element(Tag::Br, None))),
            _ => {}
        }
    }
    open.pop().map(|root| root.children).unwrap_or_default()
}
