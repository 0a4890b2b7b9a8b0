//! What the markdown benches time, natively and in Chromium, and the table
//! they print: Threadline's reader, and pulldown-cmark three ways (its
//! events alone, written out as HTML, and built into Threadline's tree, so
//! both readers are timed producing the output the views render).

use pulldown_cmark::{html, Event, Options, Parser, Tag as Start};
use threadline::core::markdown::from_markdown;
use threadline::core::model::BodyFormat;
use threadline::core::rich::{to_nodes, Element, Node, RichOptions, Tag};
use threadline::core::url::safe_url;

const OPTIONS: Options = Options::ENABLE_STRIKETHROUGH.union(Options::ENABLE_TABLES);

/// The table's heading.
pub const HEADER: &str = "corpus (MB/s)                 Threadline   pd events     pd HTML     pd tree   /events     /tree";

/// One row of the table: each reader's MB/s on `texts` (see [`rates`]).
pub fn row(
    name: &str,
    texts: &[String],
    rounds: usize,
    time: impl Fn(&mut dyn FnMut()) -> f64,
) -> String {
    let readers: [fn(&str); 4] = [
        |text| {
            drop(std::hint::black_box(from_markdown(
                text,
                RichOptions { images: true },
            )))
        },
        |text| {
            std::hint::black_box(Parser::new_ext(text, OPTIONS).count());
        },
        |text| {
            let mut out = String::with_capacity(text.len() * 3 / 2);
            html::push_html(&mut out, Parser::new_ext(text, OPTIONS));
            std::hint::black_box(out);
        },
        |text| drop(std::hint::black_box(pulldown_tree(text))),
    ];
    let [ours, events, html, tree] = rates(texts, rounds, time, readers);
    format!(
        "{name:<28} {ours:>11.1} {events:>11.1} {html:>11.1} {tree:>11.1} {:>9.2} {:>9.2}",
        ours / events,
        ours / tree
    )
}

/// The line for HTML bodies, which only Threadline reads here.
pub fn html_row(texts: &[String], rounds: usize, time: impl Fn(&mut dyn FnMut()) -> f64) -> String {
    let [rate] = rates(
        texts,
        rounds,
        time,
        [|text| {
            drop(std::hint::black_box(to_nodes(
                text,
                BodyFormat::Html,
                RichOptions { images: true },
            )))
        }],
    );
    format!("{:<28} {rate:>11.1}", "HTML bodies (1 MB)")
}

/// Each reader's MB/s over `texts`. `time` times one run of a reader over
/// them (in seconds); the readers take turns for `rounds` rounds and each
/// keeps its best. Taking turns matters in Chromium, which compiles hot
/// wasm functions again, optimised, in the background: a reader timed
/// alone first would be timed while its optimised code was still being
/// compiled (38 against 48 MB/s for Threadline on the comment bodies).
fn rates<const N: usize>(
    texts: &[String],
    rounds: usize,
    time: impl Fn(&mut dyn FnMut()) -> f64,
    readers: [fn(&str); N],
) -> [f64; N] {
    let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let mut best = [f64::MAX; N];
    for _ in 0..rounds {
        for (read, best) in readers.iter().zip(&mut best) {
            let seconds = time(&mut || {
                for text in texts {
                    read(text);
                }
            });
            *best = best.min(seconds);
        }
    }
    best.map(|seconds| megabytes / seconds)
}

/// Markdown to Threadline's tree through pulldown-cmark (elements and text,
/// links through `safe_url`, nesting at most 24 deep like Threadline's).
fn pulldown_tree(markdown: &str) -> Vec<Node> {
    let element = Element::new;
    let mut open: Vec<Element> = vec![element(Tag::Span, None)];
    // Deeper elements keep only their text, as in Threadline's tree (whose
    // drop would otherwise recurse past the browser's stack).
    let mut ignored = 0;
    let push = |open: &mut Vec<Element>, node: Node| {
        if let Some(parent) = open.last_mut() {
            parent.children.push(node);
        }
    };
    for event in Parser::new_ext(markdown, OPTIONS) {
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
