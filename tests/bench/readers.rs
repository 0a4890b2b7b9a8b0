//! What the markdown benches time, natively and in Chromium, and the table
//! they print: Threadline's reader, and pulldown-cmark three ways (its
//! events alone, written out as HTML, and built into Threadline's tree, so
//! both readers are timed producing the output the views render).

use pulldown_cmark::{html, Event, Options, Parser, Tag as Start, TagEnd};
use threadline::core::html::{html_events, HtmlEvent};
use threadline::core::markdown::from_markdown;
use threadline::core::model::BodyFormat;
use threadline::core::rich::{from_html_events, to_nodes, Element, Node, RichOptions, Tag};
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
/// A run reads a small corpus several times over, at least 1 MB in all:
/// Chromium's clock counts tenths of a millisecond, and the spec examples
/// alone read in about one.
fn rates<const N: usize>(
    texts: &[String],
    rounds: usize,
    time: impl Fn(&mut dyn FnMut()) -> f64,
    readers: [fn(&str); N],
) -> [f64; N] {
    let bytes: usize = texts.iter().map(String::len).sum();
    let passes = (1_usize << 20).div_ceil(bytes.max(1));
    let megabytes = (bytes * passes) as f64 / 1e6;
    let mut best = [f64::MAX; N];
    for _ in 0..rounds {
        for (read, best) in readers.iter().zip(&mut best) {
            let seconds = time(&mut || {
                for _ in 0..passes {
                    for text in texts {
                        read(text);
                    }
                }
            });
            *best = best.min(seconds);
        }
    }
    best.map(|seconds| megabytes / seconds)
}

/// Markdown to Threadline's tree through pulldown-cmark, as Threadline's
/// reader builds it: elements and merged text, links through `safe_url`,
/// nesting at most 24 deep. Raw HTML goes through Threadline's allowlist
/// as Threadline's own reader sends it: an HTML block whole, and inline
/// tags one by one, opening and closing the allowlisted elements
/// (`H<sub>2</sub>O`). It differs where pulldown-cmark has no such option
/// (bare URLs stay text) and in what `Element` holds beyond its tag and URL
/// (column alignment, a list's start number).
fn pulldown_tree(markdown: &str) -> Vec<Node> {
    let mut tree = Tree {
        open: vec![Element::new(Tag::Span, None)],
        depths: Vec::new(),
        ignored: 0,
    };
    let mut head = false;
    let mut block = String::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Start(Start::HtmlBlock) => {}
            Event::Html(html) => block.push_str(&html),
            Event::End(TagEnd::HtmlBlock) => {
                for node in from_html_events(html_events(&block)) {
                    tree.push(node);
                }
                block.clear();
            }
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
                    Start::TableCell if head => (Tag::Th, None),
                    Start::TableCell => (Tag::Td, None),
                    _ => (Tag::Span, None),
                };
                if tag == Tag::Tr && tree.top() == Some(Tag::Table) {
                    tree.open.push(Element::new(Tag::Tbody, None));
                }
                head |= tag == Tag::Thead;
                // Inside the element just opened, closed with it.
                let inner = match tag {
                    Tag::Pre => Some(Tag::Code),
                    Tag::Thead => Some(Tag::Tr),
                    _ => None,
                };
                if tree.start(tag, url) {
                    if let Some(inner) = inner {
                        tree.open.push(Element::new(inner, None));
                    }
                }
            }
            Event::End(end) => {
                head &= end != TagEnd::TableHead;
                tree.end();
            }
            Event::InlineHtml(html) => {
                for event in html_events(&html) {
                    tree.html(event);
                }
            }
            Event::Code(code) => {
                tree.start(Tag::Code, None);
                tree.text(&code);
                tree.end();
            }
            Event::Text(text) => tree.text(&text),
            Event::SoftBreak => tree.text("\n"),
            Event::HardBreak => tree.push(Node::Element(Element::new(Tag::Br, None))),
            _ => {}
        }
    }
    while tree.open.len() > 1 {
        tree.close();
    }
    tree.open
        .pop()
        .map(|root| root.children)
        .unwrap_or_default()
}

/// The tree [`pulldown_tree`] builds, open elements last.
struct Tree {
    open: Vec<Element>,
    /// Where each open markdown element sits in `open`: what raw HTML or
    /// the element itself opened above it closes with it.
    depths: Vec<usize>,
    /// Markdown elements past the depth limit, which keep only their text
    /// (a deeper tree's drop would recurse past the browser's stack).
    ignored: usize,
}

impl Tree {
    fn top(&self) -> Option<Tag> {
        self.open.last().map(|element| element.tag)
    }

    fn push(&mut self, node: Node) {
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(node);
        }
    }

    /// Text, merged into the text before it as Threadline's tree merges it.
    fn text(&mut self, text: &str) {
        if let Some(parent) = self.open.last_mut() {
            match parent.children.last_mut() {
                Some(Node::Text(last)) => last.push_str(text),
                _ => parent.children.push(Node::Text(text.to_owned())),
            }
        }
    }

    /// A markdown element starts; false when it is past the depth limit
    /// and keeps only its text.
    fn start(&mut self, tag: Tag, url: Option<String>) -> bool {
        if self.open.len() > 24 {
            self.ignored += 1;
            return false;
        }
        self.depths.push(self.open.len());
        self.open.push(Element::new(tag, url));
        true
    }

    /// The innermost open markdown element ends, with what it holds open.
    fn end(&mut self) {
        if self.ignored > 0 {
            self.ignored -= 1;
            return;
        }
        let depth = self.depths.pop().unwrap_or(0);
        while self.open.len() > depth.max(1) {
            self.close();
        }
    }

    fn close(&mut self) {
        if let Some(done) = self.open.pop() {
            self.push(Node::Element(done));
        }
    }

    /// One event of inline raw HTML: an allowlisted element opens or
    /// closes, text stays text.
    fn html(&mut self, event: HtmlEvent<'_>) {
        let depth = self.depths.last().map_or(1, |depth| depth + 1);
        match event {
            HtmlEvent::Start { name, href } => {
                if let Some(tag) = Tag::from_html(&name).filter(|_| self.open.len() <= 24) {
                    let href = href.filter(|_| tag == Tag::A);
                    let url = href.as_deref().and_then(safe_url).map(str::to_owned);
                    if tag == Tag::Br {
                        self.push(Node::Element(Element::new(tag, None)));
                    } else {
                        self.open.push(Element::new(tag, url));
                    }
                }
            }
            HtmlEvent::End(name) => {
                if self.open.len() > depth && self.top() == Tag::from_html(&name) {
                    self.close();
                }
            }
            HtmlEvent::Text(text) => self.text(&text),
        }
    }
}
