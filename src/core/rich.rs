//! Rich text: a comment body in plain text, markdown or HTML becomes one tree
//! of allowlisted elements and text. Views render that tree node by node;
//! no markup from an endpoint ever reaches the page as markup.

use super::html::{html_events, HtmlEvent};
use super::markdown::from_markdown;
use super::model::BodyFormat;
use super::text::paragraphs;
use super::url::safe_url;

/// Deeper nesting than this is flattened into its text, so rendering and
/// dropping a tree never recurse far.
pub(super) const MAX_DEPTH: usize = 24;

/// The only elements a comment body can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `p`
    P,
    /// `br`
    Br,
    /// `a`, with a checked `href`
    A,
    /// `em`
    Em,
    /// `strong`
    Strong,
    /// `i`
    I,
    /// `b`
    B,
    /// `u`
    U,
    /// `code`
    Code,
    /// `pre`
    Pre,
    /// `blockquote`
    Blockquote,
    /// `ul`
    Ul,
    /// `ol`
    Ol,
    /// `li`
    Li,
    /// `del`
    Del,
    /// `s`
    S,
    /// `sub`
    Sub,
    /// `sup`
    Sup,
    /// `span`
    Span,
    /// `img`, only from markdown and only when the site turns images on
    Img,
    /// `table`, from GFM tables and HTML
    Table,
    /// `thead`
    Thead,
    /// `tbody`
    Tbody,
    /// `tr`
    Tr,
    /// `th`
    Th,
    /// `td`
    Td,
    /// `details`, GitHub's folded sections
    Details,
    /// `summary`, the visible line of a `details`
    Summary,
    /// `kbd`, a key to press
    Kbd,
}

impl Tag {
    /// The element name.
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Br => "br",
            Tag::A => "a",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::I => "i",
            Tag::B => "b",
            Tag::U => "u",
            Tag::Code => "code",
            Tag::Pre => "pre",
            Tag::Blockquote => "blockquote",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Del => "del",
            Tag::S => "s",
            Tag::Sub => "sub",
            Tag::Sup => "sup",
            Tag::Span => "span",
            Tag::Img => "img",
            Tag::Table => "table",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tr => "tr",
            Tag::Th => "th",
            Tag::Td => "td",
            Tag::Details => "details",
            Tag::Summary => "summary",
            Tag::Kbd => "kbd",
        }
    }

    /// The allowlisted HTML element of this name (`img` is not one): public
    /// so that a reader built on another markdown parser (the benches')
    /// keeps the same elements of raw HTML.
    pub fn from_html(name: &str) -> Option<Tag> {
        Some(match name {
            "p" => Tag::P,
            "br" => Tag::Br,
            "a" => Tag::A,
            "em" => Tag::Em,
            "strong" => Tag::Strong,
            "i" => Tag::I,
            "b" => Tag::B,
            "u" => Tag::U,
            "code" => Tag::Code,
            "pre" => Tag::Pre,
            "blockquote" => Tag::Blockquote,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "del" => Tag::Del,
            "s" | "strike" => Tag::S,
            "sub" => Tag::Sub,
            "sup" => Tag::Sup,
            "span" => Tag::Span,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tr" => Tag::Tr,
            "th" => Tag::Th,
            "td" => Tag::Td,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "kbd" => Tag::Kbd,
            _ => return None,
        })
    }

    fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tr
                | Tag::Th
                | Tag::Td
                | Tag::Details
                | Tag::Summary
        )
    }
}

/// A node of a rendered body.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Text, shown as text.
    Text(String),
    /// An allowlisted element.
    Element(Element),
}

/// An allowlisted element with its only possible attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Which element.
    pub tag: Tag,
    /// For `a`: the link (http, https, mailto or relative). For `img`: the source.
    pub url: Option<String>,
    /// For `img`: its text alternative.
    pub alt: String,
    /// For `ol`: the number of its first item, when it is not 1.
    pub start: Option<u64>,
    /// For `th` and `td`: the column's alignment in a markdown table.
    pub align: Align,
    /// The contents.
    pub children: Vec<Node>,
}

impl Element {
    /// An element without contents, alternative text, start or alignment.
    pub fn new(tag: Tag, url: Option<String>) -> Element {
        Element {
            tag,
            url,
            alt: String::new(),
            start: None,
            align: Align::None,
            children: Vec::new(),
        }
    }
}

/// How a markdown table aligns a column (`:--`, `:-:`, `--:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// As the page's table style has it.
    #[default]
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// What a site allows in bodies beyond the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RichOptions {
    /// Show markdown images (off by default: they load from anywhere).
    pub images: bool,
}

/// Converts a body to the safe tree, according to its format.
pub fn to_nodes(body: &str, format: BodyFormat, options: RichOptions) -> Vec<Node> {
    match format {
        BodyFormat::Text => from_text(body),
        BodyFormat::Markdown => from_markdown(body, options),
        BodyFormat::Html => from_html_events(html_events(body)),
    }
}

/// Whether a body shows nothing a reader can see: no text but whitespace,
/// no image (`<p></p>`, `<div> </div>`). Such a comment says it has no text.
pub fn is_blank(nodes: &[Node]) -> bool {
    let mut stack: Vec<&Node> = nodes.iter().collect();
    while let Some(node) = stack.pop() {
        match node {
            Node::Text(text) if !text.trim().is_empty() => return false,
            Node::Text(_) => {}
            Node::Element(element) if element.tag == Tag::Img => return false,
            Node::Element(element) => stack.extend(&element.children),
        }
    }
    true
}

/// Builds a tree with HTML's forgiving rules: a paragraph or list item
/// closes the one before it, blocks close an open paragraph, end tags close
/// back to their element or are ignored, and loose inline content at the
/// top level is gathered into paragraphs.
#[derive(Default)]
pub(super) struct Builder {
    open: Vec<Element>,
    done: Vec<Node>,
    loose: Vec<Node>,
    ignored_depth: usize,
}

impl Builder {
    fn append(&mut self, node: Node) {
        match self.open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => match &node {
                Node::Element(element) if element.tag.is_block() => {
                    self.flush();
                    self.done.push(node);
                }
                _ => self.loose.push(node),
            },
        }
    }

    /// Ends the current run of loose top-level content as a paragraph.
    fn flush(&mut self) {
        let loose = std::mem::take(&mut self.loose);
        let blank = loose
            .iter()
            .all(|node| matches!(node, Node::Text(text) if text.trim().is_empty()));
        if !blank {
            self.done.push(Node::Element(Element {
                children: loose,
                ..Element::new(Tag::P, None)
            }));
        }
    }

    pub(super) fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Node::Text(last)) = self
            .open
            .last_mut()
            .map_or(self.loose.last_mut(), |e| e.children.last_mut())
        {
            last.push_str(text);
            return;
        }
        self.append(Node::Text(text.to_owned()));
    }

    /// An image, which only markdown can give.
    pub(super) fn image(src: String, alt: String) -> Element {
        Element {
            alt,
            ..Element::new(Tag::Img, Some(src))
        }
    }

    pub(super) fn void(&mut self, element: Element) {
        self.append(Node::Element(element));
    }

    fn is_open(&self, tag: Tag) -> bool {
        self.open.iter().any(|element| element.tag == tag)
    }

    /// Starts a numbered list whose first item is `number`.
    pub(super) fn start_numbered(&mut self, number: u64) {
        self.start(Tag::Ol, None);
        if let (0, Some(list)) = (self.ignored_depth, self.open.last_mut()) {
            list.start = (number != 1).then_some(number);
        }
    }

    /// Starts a table cell aligned as its column.
    pub(super) fn start_cell(&mut self, tag: Tag, align: Align) {
        self.start(tag, None);
        if let (0, Some(cell)) = (self.ignored_depth, self.open.last_mut()) {
            cell.align = align;
        }
    }

    pub(super) fn start(&mut self, tag: Tag, url: Option<String>) {
        if tag.is_block() && self.is_open(Tag::P) {
            self.end(Tag::P);
        }
        // An item, a row or a cell ends the one before it, as in HTML.
        let closes: &[Tag] = match tag {
            Tag::Li => &[Tag::Li],
            Tag::Tr => &[Tag::Tr, Tag::Th, Tag::Td],
            Tag::Th | Tag::Td => &[Tag::Th, Tag::Td],
            _ => &[],
        };
        while self.open.last().is_some_and(|e| closes.contains(&e.tag)) {
            let last = self.open.last().map(|e| e.tag).unwrap_or(tag);
            self.end(last);
        }
        if self.open.len() >= MAX_DEPTH {
            self.ignored_depth += 1;
            return;
        }
        if self.open.is_empty() && tag.is_block() {
            self.flush();
        }
        self.open.push(Element::new(tag, url));
    }

    pub(super) fn end(&mut self, tag: Tag) {
        if self.ignored_depth > 0 && !self.is_open(tag) {
            self.ignored_depth -= 1;
            return;
        }
        let Some(at) = self.open.iter().rposition(|element| element.tag == tag) else {
            return;
        };
        while self.open.len() > at {
            if let Some(element) = self.open.pop() {
                self.append(Node::Element(element));
            }
        }
    }

    /// A block the allowlist drops (a heading, a div): its text stays, and it
    /// still separates paragraphs.
    pub(super) fn boundary(&mut self) {
        if self.is_open(Tag::P) {
            self.end(Tag::P);
        } else if self.open.is_empty() {
            self.flush();
        }
    }

    pub(super) fn finish(mut self) -> Vec<Node> {
        while let Some(element) = self.open.pop() {
            let node = Node::Element(element);
            match self.open.last_mut() {
                Some(parent) => parent.children.push(node),
                None => self.append(node),
            }
        }
        self.flush();
        self.done
    }
}

/// Elements whose contents are not text a reader should see.
const HIDDEN_CONTENT: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "embed", "noembed", "noframes",
    "textarea", "title", "xmp", "select", "option", "svg", "math", "head",
];

/// Elements that separate paragraphs though the allowlist drops them.
const BOUNDARIES: &[&str] = &[
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
];

/// Keeps what the allowlist allows of a walk through parsed HTML. Only
/// `href` survives, on links, when its scheme is allowed; elements not
/// allowed keep only their text, except those whose contents readers never
/// see (scripts, styles, frames, SVG...), which are dropped whole.
pub fn from_html_events<'a>(events: impl IntoIterator<Item = HtmlEvent<'a>>) -> Vec<Node> {
    let mut builder = Builder::default();
    let mut filter = HtmlFilter::default();
    for event in events {
        filter.write(&mut builder, event);
    }
    builder.finish()
}

/// The allowlist applied to HTML one event at a time, into a tree that may
/// hold other content too: markdown's raw HTML goes through it.
#[derive(Default)]
pub(super) struct HtmlFilter {
    /// The element whose contents are being dropped, and how deep inside
    /// others of its name the walk is.
    hidden: Option<(String, usize)>,
}

impl HtmlFilter {
    /// Whether content here is inside an element readers never see.
    pub(super) fn hiding(&self) -> bool {
        self.hidden.is_some()
    }

    /// Writes what the allowlist keeps of one event.
    pub(super) fn write(&mut self, builder: &mut Builder, event: HtmlEvent<'_>) {
        if let Some((name, depth)) = &mut self.hidden {
            match &event {
                HtmlEvent::Start { name: inner, .. } if inner == name => *depth += 1,
                HtmlEvent::End(inner) if inner == name && *depth == 0 => self.hidden = None,
                HtmlEvent::End(inner) if inner == name => *depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            HtmlEvent::Start { name, href } => {
                if HIDDEN_CONTENT.contains(&name.as_ref()) {
                    self.hidden = Some((name.into_owned(), 0));
                    return;
                }
                match Tag::from_html(&name) {
                    Some(allowed) => {
                        let url = href
                            .filter(|_| allowed == Tag::A)
                            .and_then(|href| safe_url(&href).map(str::to_owned));
                        Self::allowed(builder, allowed, false, url);
                    }
                    None if BOUNDARIES.contains(&name.as_ref()) => builder.boundary(),
                    None => {}
                }
            }
            HtmlEvent::End(name) => match Tag::from_html(&name) {
                Some(allowed) => Self::allowed(builder, allowed, true, None),
                None if BOUNDARIES.contains(&name.as_ref()) => builder.boundary(),
                None => {}
            },
            HtmlEvent::Text(text) => builder.text(&text),
        }
    }

    /// Writes an allowlisted element's start or end tag: `<br>` is void,
    /// `</br>` nothing.
    pub(super) fn allowed(builder: &mut Builder, tag: Tag, end: bool, url: Option<String>) {
        match (tag, end) {
            (Tag::Br, false) => builder.void(Element::new(Tag::Br, None)),
            (Tag::Br, true) => {}
            (_, false) => builder.start(tag, url),
            (_, true) => builder.end(tag),
        }
    }
}

/// Plain text: paragraphs at blank lines, line breaks kept, and bare
/// http(s) URLs turned into links.
pub fn from_text(text: &str) -> Vec<Node> {
    paragraphs(text)
        .into_iter()
        .map(|lines| {
            let mut children = Vec::new();
            for (i, line) in lines.into_iter().enumerate() {
                if i > 0 {
                    children.push(Node::Element(Element::new(Tag::Br, None)));
                }
                linkify(line, &mut children);
            }
            Node::Element(Element {
                children,
                ..Element::new(Tag::P, None)
            })
        })
        .collect()
}

/// Splits a line into text and links at bare URLs (see [`bare_url`]).
pub(super) fn linkify(line: &str, out: &mut Vec<Node>) {
    let mut done = 0;
    while let Some(start) = bare_url(line, done) {
        let (length, href) = bare_url_at(line, start);
        if start > done {
            out.push(Node::Text(line[done..start].to_owned()));
        }
        out.push(bare_link(&line[start..start + length], href));
        done = start + length;
    }
    if done < line.len() {
        out.push(Node::Text(line[done..].to_owned()));
    }
}

/// The link for a bare URL `text` pointing at `href`.
pub(super) fn bare_link(text: &str, href: String) -> Node {
    Node::Element(Element {
        children: vec![Node::Text(text.to_owned())],
        ..Element::new(Tag::A, Some(href))
    })
}

/// Where the first bare URL in `text` from byte `from` on starts, by GFM's
/// autolink-literal rules: a word that starts with `http://`, `https://` or
/// `www.` and a letter or digit. [`bare_url_at`] says how far it runs.
pub(super) fn bare_url(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Only at a `:` or a `.`, which prose has far fewer of than letters:
    // the scheme or `www` is read back from there.
    let mut at = from;
    while let Some(offset) = memchr::memchr2(b':', b'.', bytes.get(at..)?) {
        let mark = at + offset;
        at = mark + 1;
        let before = |prefix: &str| {
            mark.checked_sub(prefix.len())
                .filter(|start| *start >= from)
                .filter(|start| bytes[*start..mark].eq_ignore_ascii_case(prefix.as_bytes()))
        };
        let start = if bytes[mark] == b'.' {
            before("www")
        } else if bytes.get(mark + 1..mark + 3) == Some(b"//") {
            before("https").or_else(|| before("http"))
        } else {
            None
        };
        let Some(start) = start else {
            continue;
        };
        let starts_word = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '/' | '.' | '-' | '_' | '@'));
        // A host that starts with a letter or digit keeps the URL at least
        // that long, whatever trailing punctuation goes.
        let skip = if bytes[mark] == b'.' { 1 } else { 3 };
        if starts_word && text[mark + skip..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some(start);
        }
    }
    None
}

/// The bare URL that starts at `start`: its length and its link (`www.`
/// gets `http://`). It runs to a space or `<`, less trailing punctuation,
/// less closing parentheses that match no opening one, less a trailing
/// entity-like `&name;`; underscores and balanced parentheses stay:
/// `https://en.wikipedia.org/wiki/Rust_(programming_language)`.
pub(super) fn bare_url_at(text: &str, start: usize) -> (usize, String) {
    let tail = &text[start..];
    let length = url_length(tail);
    let href = if tail
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("www."))
    {
        format!("http://{}", &tail[..length])
    } else {
        tail[..length].to_owned()
    };
    (length, href)
}

/// Where a URL's run of characters ends: at a space, a control character
/// or `<`. By bytes, decoding only non-ASCII characters.
fn url_end(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte < 0x80 {
            if byte <= b' ' || byte == 0x7f || byte == b'<' {
                return at;
            }
            at += 1;
            continue;
        }
        let c = tail[at..].chars().next().unwrap_or(' ');
        if c.is_whitespace() || c.is_control() {
            return at;
        }
        at += c.len_utf8();
    }
    at
}

/// How much of `tail` (which starts a URL) belongs to it.
fn url_length(tail: &str) -> usize {
    let mut end = url_end(tail);
    let (open, mut close) = tail[..end]
        .bytes()
        .fold((0, 0), |(open, close), b| match b {
            b'(' => (open + 1, close),
            b')' => (open, close + 1),
            _ => (open, close),
        });
    loop {
        let url = &tail[..end];
        let Some(last) = url.chars().next_back() else {
            return 0;
        };
        if matches!(
            last,
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '"' | '\'' | ']'
        ) {
            end -= 1;
        } else if last == ')' && open < close {
            end -= 1;
            close -= 1;
        } else if last == ';' {
            let name = url[..end - 1]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            if name > 0 && url[..end - 1 - name].ends_with('&') {
                end -= name + 2;
            } else {
                return end;
            }
        } else {
            return end;
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The links a line of plain text gets: (shown text, href).
    fn links(line: &str) -> Vec<(String, String)> {
        let mut nodes = Vec::new();
        linkify(line, &mut nodes);
        nodes
            .into_iter()
            .filter_map(|node| match node {
                Node::Element(link) => Some((text_of(&link.children), link.url?)),
                Node::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn bare_urls_follow_gfm_autolink_literals() {
        let one = |line: &str| {
            links(line)
                .into_iter()
                .map(|(text, _)| text)
                .collect::<Vec<_>>()
        };
        // GFM spec, "Autolinks (extension)".
        assert_eq!(
            links("www.commonmark.org"),
            [(
                "www.commonmark.org".into(),
                "http://www.commonmark.org".into()
            )]
        );
        assert_eq!(
            one("Visit www.commonmark.org/help for more information."),
            ["www.commonmark.org/help"]
        );
        assert_eq!(one("Visit www.commonmark.org."), ["www.commonmark.org"]);
        assert_eq!(
            one("Visit www.commonmark.org/a.b."),
            ["www.commonmark.org/a.b"]
        );
        assert_eq!(
            one("www.google.com/search?q=Markup+(business)"),
            ["www.google.com/search?q=Markup+(business)"]
        );
        assert_eq!(
            one("www.google.com/search?q=Markup+(business)))"),
            ["www.google.com/search?q=Markup+(business)"]
        );
        assert_eq!(
            one("(www.google.com/search?q=Markup+(business))"),
            ["www.google.com/search?q=Markup+(business)"]
        );
        assert_eq!(
            one("(www.google.com/search?q=Markup+(business)"),
            ["www.google.com/search?q=Markup+(business)"]
        );
        assert_eq!(
            one("www.google.com/search?q=(business))+ok"),
            ["www.google.com/search?q=(business))+ok"]
        );
        assert_eq!(
            one("www.google.com/search?q=commonmark&hl=en"),
            ["www.google.com/search?q=commonmark&hl=en"]
        );
        assert_eq!(
            one("www.google.com/search?q=commonmark&hl;"),
            ["www.google.com/search?q=commonmark"]
        );
        assert_eq!(one("www.commonmark.org/he<lp"), ["www.commonmark.org/he"]);
        assert_eq!(one("http://commonmark.org"), ["http://commonmark.org"]);
        assert_eq!(
            one("(Visit https://encrypted.google.com/search?q=Markup+(business))"),
            ["https://encrypted.google.com/search?q=Markup+(business)"]
        );
        // What readers paste.
        assert_eq!(
            one("See https://en.wikipedia.org/wiki/Rust_(programming_language)."),
            ["https://en.wikipedia.org/wiki/Rust_(programming_language)"]
        );
        assert_eq!(
            one("https://www.reddit.com/r/rust/comments/abc123/some_title_here/"),
            ["https://www.reddit.com/r/rust/comments/abc123/some_title_here/"]
        );
        assert!(one("not_www.example.com nor xhttp://a.b nor http://").is_empty());
    }

    #[test]
    fn bodies_with_nothing_to_see_are_blank() {
        for (body, format) in [
            ("<p></p>", BodyFormat::Html),
            ("<div> <span>\n</span></div><br>", BodyFormat::Html),
            ("", BodyFormat::Markdown),
            ("  \n ", BodyFormat::Text),
        ] {
            assert!(
                is_blank(&to_nodes(body, format, RichOptions::default())),
                "{body:?}"
            );
        }
        assert!(!is_blank(&to_nodes(
            "<p><b>x</b></p>",
            BodyFormat::Html,
            RichOptions::default()
        )));
        let image = to_nodes(
            "![](a.png)",
            BodyFormat::Markdown,
            RichOptions { images: true },
        );
        assert!(!is_blank(&image));
    }

    /// All the text of a tree.
    fn text_of(nodes: &[Node]) -> String {
        let mut text = String::new();
        let mut stack: Vec<&Node> = nodes.iter().rev().collect();
        while let Some(node) = stack.pop() {
            match node {
                Node::Text(part) => text.push_str(part),
                Node::Element(element) => {
                    if element.tag == Tag::Img {
                        text.push_str(&element.alt);
                    }
                    stack.extend(element.children.iter().rev());
                }
            }
        }
        text
    }

    /// A compact rendering for assertions: `<p>text<a href="u">x</a></p>`.
    pub(in crate::core) fn show(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|node| match node {
                Node::Text(text) => text.clone(),
                Node::Element(e) => {
                    let url = match (e.tag, &e.url) {
                        (Tag::A, Some(url)) => format!(" href=\"{url}\""),
                        (Tag::Img, Some(url)) => format!(" src=\"{url}\" alt=\"{}\"", e.alt),
                        _ if e.align != Align::None => format!(" align=\"{:?}\"", e.align),
                        _ => String::new(),
                    };
                    format!(
                        "<{}{url}>{}</{}>",
                        e.tag.name(),
                        show(&e.children),
                        e.tag.name()
                    )
                }
            })
            .collect()
    }

    /// Events as a browser's parse of simple markup would give them:
    /// `<b>` starts, `</b>` ends, `<a href=u>` starts a link, the rest is text.
    fn events(markup: &str) -> Vec<HtmlEvent<'_>> {
        let mut events = Vec::new();
        let mut rest = markup;
        while let Some(open) = rest.find('<') {
            if open > 0 {
                events.push(HtmlEvent::Text(rest[..open].into()));
            }
            let close = rest[open..].find('>').map_or(rest.len(), |at| open + at);
            let tag = &rest[open + 1..close];
            events.push(match tag.strip_prefix('/') {
                Some(name) => HtmlEvent::End(name.into()),
                None => {
                    let (name, href) = tag.split_once(" href=").unwrap_or((tag, ""));
                    let href = (!href.is_empty()).then(|| href.to_owned());
                    HtmlEvent::Start {
                        name: name.into(),
                        href,
                    }
                }
            });
            rest = &rest[(close + 1).min(rest.len())..];
        }
        if !rest.is_empty() {
            events.push(HtmlEvent::Text(rest.into()));
        }
        events
    }

    #[test]
    fn loose_text_and_paragraphs_become_paragraphs() {
        let parsed = "Aw man. I don't have<p>anything & profound.</p><p>See <a href=https://xkcd.com/799/>xkcd</a></p>";
        assert_eq!(
            show(&from_html_events(events(parsed))),
            "<p>Aw man. I don't have</p><p>anything & profound.</p><p>See <a href=\"https://xkcd.com/799/\">xkcd</a></p>"
        );
    }

    #[test]
    fn html_keeps_only_the_allowlist_and_its_text() {
        let parsed = "<div>One <b>two</b><script>alert(1)</script><img></img><svg><script>x</script><svg>y</svg>z</svg></div><h2>Head</h2><ul><li>a</li><li>b</li></ul><a href=javascript:alert(1)>bad</a> <a href=mailto:a@b.c>mail</a><span href=https://x.org>s</span>";
        assert_eq!(
            show(&from_html_events(events(parsed))),
            "<p>One <b>two</b></p><p>Head</p><ul><li>a</li><li>b</li></ul><p><a>bad</a> <a href=\"mailto:a@b.c\">mail</a><span>s</span></p>"
        );
    }

    #[test]
    fn hn_unclosed_paragraphs_and_entities_from_real_html() {
        let hn = "Aw man. I don&#x27;t have<p>anything &amp;amp; profound.<p>See <a href=\"https:&#x2F;&#x2F;xkcd.com&#x2F;799&#x2F;\" rel=\"nofollow\">xkcd</a>";
        assert_eq!(
            show(&to_nodes(hn, BodyFormat::Html, RichOptions::default())),
            "<p>Aw man. I don't have</p><p>anything &amp; profound.</p><p>See <a href=\"https://xkcd.com/799/\">xkcd</a></p>"
        );
        let hostile = r#"<div onclick="x()">One <b style="color:red">two</b><script>alert(1)</script><img src=x onerror=alert(1)/></div><h2>Head</h2><ul><li>a<li>b</ul><a href="java&#x09;script:alert(1)">bad</a>"#;
        assert_eq!(
            show(&to_nodes(hostile, BodyFormat::Html, RichOptions::default())),
            "<p>One <b>two</b></p><p>Head</p><ul><li>a</li><li>b</li></ul><p><a>bad</a></p>"
        );
    }

    #[test]
    fn stray_and_unbalanced_events_never_fail() {
        let parsed = "</p></li>text<li>item<p>para<pre>code</b></ul>";
        assert_eq!(
            text_of(&from_html_events(events(parsed))),
            "textitemparacode"
        );
    }

    #[test]
    fn markdown_subset_with_allowlisted_raw_html() {
        let md = "Some *em* **strong** `code` ~~gone~~ <b>raw</b>\n\n> quote\n\n1. one\n2. two\n\n[link](https://x.org) [bad](javascript:alert(1)) <https://auto.link>\n\n![map](https://x.org/m.png)";
        assert_eq!(
            show(&from_markdown(md, RichOptions::default())),
            "<p>Some <em>em</em> <strong>strong</strong> <code>code</code> <del>gone</del> <b>raw</b></p>\
             <blockquote><p>quote</p></blockquote><ol><li>one</li><li>two</li></ol>\
             <p><a href=\"https://x.org\">link</a> <a>bad</a> <a href=\"https://auto.link\">https://auto.link</a></p><p><a href=\"https://x.org/m.png\">map</a></p>"
        );
        assert_eq!(
            show(&from_markdown(
                "![map](https://x.org/m.png)",
                RichOptions { images: true }
            )),
            "<p><img src=\"https://x.org/m.png\" alt=\"map\"></img></p>"
        );
    }

    #[test]
    fn plain_text_links_bare_urls() {
        assert_eq!(
            show(&from_text("See https://example.com/a?b=1. Or (http://x.org)\nnext line\n\nhttps:// alone, xhttp://no")),
            "<p>See <a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a>. Or (<a href=\"http://x.org\">http://x.org</a>)<br></br>next line</p><p>https:// alone, xhttp://no</p>"
        );
    }

    #[test]
    fn a_url_ends_at_a_control_character() {
        // Found by the markdown fuzz target: the link kept NULs that safe_url trims.
        assert_eq!(
            show(&from_text("see http://\0\0\0x http://a\0b")),
            "<p>see http://\0\0\0x <a href=\"http://a\">http://a</a>\0b</p>",
            "and a scheme with no host after it is no link"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let html = "<b>".repeat(10_000) + "deep" + &"</b>".repeat(10_000);
        let nodes = from_html_events(events(&html));
        assert_eq!(text_of(&nodes), "deep");
        let markdown = ">".repeat(5_000) + " deep";
        assert_eq!(
            text_of(&from_markdown(&markdown, RichOptions::default())),
            "deep"
        );
    }
}
