//! Markdown bodies (Reddit, Lemmy, GitHub, Discourse): CommonMark with
//! GitHub's tables, strikethrough and bare URLs, written for size. Blocks:
//! paragraphs, headings (shown as paragraphs), block quotes, bullet and
//! numbered lists, fenced and indented code, thematic breaks, GFM tables,
//! HTML blocks. Inline: emphasis and strong emphasis (CommonMark's
//! delimiter rules), `~~strikethrough~~`, code spans, links, images,
//! `<autolinks>`, bare URLs, backslash escapes, character references, hard
//! breaks, reference-style links, raw HTML. Raw HTML passes the allowlist
//! HTML bodies pass. It is kept over pulldown-cmark by measurement: in the
//! release wasm this reader costs 18 KB gzipped, pulldown-cmark 67 KB
//! (mostly its own entity table and inlined parsing code).

mod raw_html;
mod table;

use super::entities::{reference, Context};
use super::html::{html_events, skip_whitespace, HtmlEvent};
use super::rich::{
    bare_link, bare_url, bare_url_at, Align, Builder, Element, HtmlFilter, Node, RichOptions, Tag,
    MAX_DEPTH,
};
use super::url::{safe_image_url, safe_url};
use raw_html::{block_start, ends_block, inline_html, plain_tag, BlockEnd, Closers};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

/// Converts markdown to the safe tree: links keep only allowed schemes,
/// images appear only when the site turns them on.
pub fn from_markdown(markdown: &str, options: RichOptions) -> Vec<Node> {
    let (mut lines, seen) = split_lines(markdown);
    let expanded;
    let mut markdown = markdown;
    if seen.tab {
        expanded = expand_tabs(markdown);
        markdown = &expanded;
        lines = split_lines(markdown).0;
    }
    let mut blocks = Blocks {
        source: markdown,
        out: Builder::default(),
        options,
        dry: false,
        log: seen.reference.then(Vec::new),
        known: HashMap::new(),
        lazy_underlines: HashSet::new(),
        spare: Vec::new(),
        spare_lines: Vec::new(),
    };
    blocks.parse(&lines, 0, false);
    // Reference definitions may come after their uses: what the blocks
    // write is replayed once all are known.
    for op in blocks.log.take().unwrap_or_default() {
        blocks.write(op);
    }
    blocks.out.finish()
}

/// What the pass that splits the lines saw on the way.
struct Seen {
    /// A tab, which [`expand_tabs`] must turn into spaces first.
    tab: bool,
    /// A `]:`, as a reference definition needs (otherwise no pass looks
    /// for definitions).
    reference: bool,
}

/// The lines of the text, without their `\n` or `\r\n`, in one pass that
/// also looks for tabs and `]:`, a word at a time.
fn split_lines(markdown: &str) -> (Vec<&str>, Seen) {
    let bytes = markdown.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 32 + 1);
    let mut seen = Seen {
        tab: false,
        reference: false,
    };
    let mut start = 0;
    for at in memchr::memchr3_iter(b'\n', b'\t', b']', bytes) {
        match bytes[at] {
            b'\n' => {
                let end = if at > start && bytes[at - 1] == b'\r' {
                    at - 1
                } else {
                    at
                };
                lines.push(&markdown[start..end]);
                start = at + 1;
            }
            b'\t' => seen.tab = true,
            _ => seen.reference |= bytes.get(at + 1) == Some(&b':'),
        }
    }
    if start < bytes.len() || lines.is_empty() {
        let end = match bytes.last() {
            Some(b'\r') if bytes.len() > start => bytes.len() - 1,
            _ => bytes.len(),
        };
        lines.push(&markdown[start..end]);
    }
    (lines, seen)
}

/// What the blocks write into the tree: at once, or, when the text may
/// define references after using them, logged while the blocks are read
/// once and replayed when every definition is known. (Reading the blocks
/// twice instead took about 30% of such a text's time.)
enum Op<'s> {
    Start(Tag),
    /// A numbered list starting at this number.
    Numbered(u64),
    /// A table cell of this column's alignment.
    Cell(Tag, Align),
    End(Tag),
    /// A block the tree drops (a thematic break), which still ends a paragraph.
    Boundary,
    /// A code block's text.
    Code(String),
    /// An HTML block, through the allowlist.
    Html(String),
    /// Text for the inline parser: a paragraph's borrowed from the markdown.
    Inline(Cow<'s, str>),
}

struct Blocks<'s> {
    /// The whole markdown, which every line is a slice of.
    source: &'s str,
    out: Builder,
    options: RichOptions,
    /// Only finds where blocks start and end, writing nothing and not
    /// entering containers: how a list learns whether it is loose before
    /// writing its items, in one pass over each level.
    dry: bool,
    /// When the text may define references (it has a `]:`): what the
    /// blocks write, kept until every definition is known.
    log: Option<Vec<Op<'s>>>,
    /// The reference definitions of the text, by normalized label: all of
    /// them once the blocks are read.
    known: HashMap<String, String>,
    /// Lines (by address) that continue a quoted paragraph lazily and look
    /// like a setext underline: text, not a heading.
    lazy_underlines: HashSet<usize>,
    /// The last paragraph's pieces' allocation, for the next one's.
    spare: Vec<Piece<'static>>,
    /// The last `parse`'s allocation for a paragraph's lines, for the next
    /// one's (a list parses each item on its own).
    spare_lines: Vec<&'static str>,
}

impl<'s> Blocks<'s> {
    /// Parses lines (already out of their container) as blocks. In a tight
    /// list item, paragraphs are not wrapped in `<p>`. Returns whether a
    /// blank line stood between two of these blocks (what makes a list
    /// item loose).
    fn parse(&mut self, lines: &[&str], depth: usize, tight: bool) -> bool {
        let mut paragraph: Vec<&str> = recycle(std::mem::take(&mut self.spare_lines));
        let mut at = 0;
        let (mut started, mut gap, mut loose) = (false, false, false);
        while at < lines.len() {
            let line = lines[at];
            // Most lines of a comment go on or start a paragraph without
            // trying each block's start.
            let plain = starts_no_block(line);
            let trimmed = if plain { line } else { line.unindent() };
            if trimmed.is_empty() {
                self.paragraph(&mut paragraph, tight);
                gap = started;
                at += 1;
                continue;
            }
            // Every line that is not blank continues or starts a block.
            if paragraph.is_empty() || gap {
                loose |= gap;
                started = true;
                gap = false;
            }
            if plain {
                paragraph.push(line);
                at += 1;
                continue;
            }
            if depth >= MAX_DEPTH {
                paragraph.push(trimmed.trim_start_matches(['>', ' ', '\t']));
                at += 1;
                continue;
            }
            if columns(line) >= 4 {
                if paragraph.is_empty() {
                    at = self.indented_code(lines, at);
                } else {
                    paragraph.push(line);
                    at += 1;
                }
                continue;
            }
            if let Some(aligns) = paragraph
                .last()
                .and_then(|header| table::starts_table(header, trimmed))
            {
                let header = paragraph.pop().unwrap_or_default();
                self.paragraph(&mut paragraph, tight);
                at = self.table(lines, at + 1, header, &aligns);
                continue;
            }
            if !paragraph.is_empty()
                && setext_underline(trimmed)
                && !self.lazy_underlines.contains(&(line.as_ptr() as usize))
                && !definitions(&self.joined(&paragraph), |_, _| {}).is_blank()
            {
                // The paragraph was a heading: shown as a paragraph, like
                // `#` headings, also in a tight list.
                self.paragraph(&mut paragraph, false);
                at += 1;
                continue;
            }
            if let Some(fence) = fence(trimmed) {
                self.paragraph(&mut paragraph, tight);
                at = self.fenced_code(lines, at, fence);
                continue;
            }
            if let Some(end) = block_start(trimmed, !paragraph.is_empty()) {
                self.paragraph(&mut paragraph, tight);
                at = self.html_block(lines, at, end);
                continue;
            }
            if let Some(text) = heading(trimmed) {
                self.paragraph(&mut paragraph, tight);
                if !self.dry {
                    self.emit(Op::Start(Tag::P));
                    self.inline(text);
                    self.emit(Op::End(Tag::P));
                }
                at += 1;
                continue;
            }
            if thematic_break(trimmed) {
                self.paragraph(&mut paragraph, tight);
                if !self.dry {
                    self.emit(Op::Boundary);
                }
                at += 1;
                continue;
            }
            if quoted(trimmed) {
                self.paragraph(&mut paragraph, tight);
                at = self.quote(lines, at, depth);
                continue;
            }
            if let Some(marker) = list_marker(trimmed) {
                let interrupts =
                    !trimmed[marker.width..].is_blank() && (!marker.ordered || marker.one);
                if paragraph.is_empty() || interrupts {
                    self.paragraph(&mut paragraph, tight);
                    at = self.list(lines, at, depth);
                    continue;
                }
            }
            paragraph.push(line);
            at += 1;
        }
        self.paragraph(&mut paragraph, tight);
        self.spare_lines = recycle(paragraph);
        loose
    }

    /// Writes to the tree, or into the log while definitions may follow.
    /// Inlined, as `write` is, so that each call site keeps only its own
    /// write (the size-optimised build would otherwise make every write two
    /// calls and a `match`).
    #[inline(always)]
    fn emit(&mut self, op: Op<'s>) {
        match &mut self.log {
            Some(log) => log.push(op),
            None => self.write(op),
        }
    }

    /// Writes into the tree, reading inline text as it comes.
    #[inline(always)]
    fn write(&mut self, op: Op<'s>) {
        match op {
            Op::Start(tag) => self.out.start(tag, None),
            Op::Numbered(number) => self.out.start_numbered(number),
            Op::Cell(tag, align) => self.out.start_cell(tag, align),
            Op::End(tag) => self.out.end(tag),
            Op::Boundary => self.out.boundary(),
            Op::Code(text) => {
                self.out.start(Tag::Pre, None);
                self.out.start(Tag::Code, None);
                self.out.text(&text);
                self.out.end(Tag::Pre);
            }
            Op::Html(html) => {
                let mut filter = HtmlFilter::default();
                for event in html_events(&html) {
                    filter.write(&mut self.out, event);
                }
            }
            Op::Inline(text) => self.inline(&text),
        }
    }

    fn paragraph(&mut self, lines: &mut Vec<&str>, tight: bool) {
        if lines.is_empty() || self.dry {
            lines.clear();
            return;
        }
        let text = self.joined(lines);
        lines.clear();
        let known = &mut self.known;
        let mut found = |label: &str, raw: &str| {
            known
                .entry(normalize_label(label))
                .or_insert_with(|| unescape(raw));
        };
        // The text after the definitions, still borrowed where it was.
        let text = match text {
            Cow::Borrowed(text) => Cow::Borrowed(definitions(text, &mut found)),
            Cow::Owned(text) => Cow::Owned(definitions(&text, &mut found).to_owned()),
        };
        if text.is_blank() {
            return;
        }
        let text = match text {
            Cow::Borrowed(text) => Cow::Borrowed(text.trim_end()),
            Cow::Owned(mut text) => {
                text.truncate(text.trim_end().len());
                Cow::Owned(text)
            }
        };
        if !tight {
            self.emit(Op::Start(Tag::P));
        }
        match &mut self.log {
            Some(log) => log.push(Op::Inline(text)),
            None => self.inline(&text),
        }
        if !tight {
            self.emit(Op::End(Tag::P));
        }
    }

    /// A paragraph's lines, less their indentation, as one text: borrowed
    /// from the markdown when they lie there one after the other (most
    /// paragraphs), copied otherwise (quoted or indented lines).
    fn joined(&self, lines: &[&str]) -> Cow<'s, str> {
        let offset =
            |line: &str| (line.as_ptr() as usize).wrapping_sub(self.source.as_ptr() as usize);
        let first = lines[0].unindent();
        let last = lines[lines.len() - 1];
        let (start, end) = (offset(first), offset(last).wrapping_add(last.len()));
        let adjacent = lines.windows(2).all(|pair| {
            offset(pair[1]) == offset(pair[0]) + pair[0].len() + 1
                && !pair[1].starts_with([' ', '\t'])
        });
        match self
            .source
            .get(start..end)
            .filter(|_| adjacent && start <= end)
        {
            Some(text) => Cow::Borrowed(text),
            None => {
                let mut text = String::with_capacity(end.saturating_sub(start));
                for (at, line) in lines.iter().enumerate() {
                    if at > 0 {
                        text.push('\n');
                    }
                    text.push_str(line.unindent());
                }
                Cow::Owned(text)
            }
        }
    }

    fn code(&mut self, text: String) {
        if !self.dry {
            self.emit(Op::Code(text));
        }
    }

    fn indented_code(&mut self, lines: &[&str], start: usize) -> usize {
        let mut end = start;
        let mut at = start;
        while at < lines.len() && (lines[at].is_blank() || columns(lines[at]) >= 4) {
            at += 1;
            if !lines[at - 1].is_blank() {
                end = at;
            }
        }
        let text: String = lines[start..end]
            .iter()
            .map(|line| format!("{}\n", strip_columns(line, 4)))
            .collect();
        self.code(text);
        end
    }

    fn fenced_code(&mut self, lines: &[&str], start: usize, fence: (u8, usize)) -> usize {
        let indent = columns(lines[start]);
        let mut text = String::new();
        let mut at = start + 1;
        while at < lines.len() {
            let line = lines[at];
            at += 1;
            if closes_fence(line, fence) {
                break;
            }
            text.push_str(strip_columns(line, indent));
            text.push('\n');
        }
        self.code(text);
        at
    }

    /// Raw HTML lines, through the allowlist as HTML bodies are.
    fn html_block(&mut self, lines: &[&str], start: usize, end: BlockEnd) -> usize {
        let mut at = start;
        while let Some(line) = lines.get(at) {
            if end == BlockEnd::Blank && line.is_blank() {
                break;
            }
            at += 1;
            if ends_block(line, end) {
                break;
            }
        }
        if !self.dry {
            // Each line with its line ending, as the spec writes HTML blocks.
            let mut html = lines[start..at].join("\n");
            html.push('\n');
            self.emit(Op::Html(html));
        }
        at
    }

    /// A GFM table whose header and delimiter rows were read; its body rows
    /// start at `start`. Returns where the table ends.
    fn table(&mut self, lines: &[&str], start: usize, header: &str, aligns: &[Align]) -> usize {
        let mut end = start;
        while let Some(line) = lines.get(end) {
            let trimmed = line.unindent();
            if trimmed.is_empty() || interrupts_table(trimmed) {
                break;
            }
            end += 1;
        }
        if self.dry {
            return end;
        }
        self.emit(Op::Start(Tag::Table));
        self.emit(Op::Start(Tag::Thead));
        self.row(header, Tag::Th, aligns, &mut 0);
        self.emit(Op::End(Tag::Thead));
        if end > start {
            // Short rows get empty cells, but never more than the table has
            // bytes: 2,000 columns over 2,000 one-cell rows stay small.
            let mut padding: usize = lines[start..end].iter().map(|line| line.len()).sum();
            self.emit(Op::Start(Tag::Tbody));
            for line in &lines[start..end] {
                self.row(line, Tag::Td, aligns, &mut padding);
            }
            self.emit(Op::End(Tag::Tbody));
        }
        self.emit(Op::End(Tag::Table));
        end
    }

    /// One table row: as many cells as the header has, missing ones empty
    /// while `padding` lasts.
    fn row(&mut self, line: &str, tag: Tag, aligns: &[Align], padding: &mut usize) {
        let mut cells = table::cells(line).into_iter();
        self.emit(Op::Start(Tag::Tr));
        for align in aligns {
            let cell = match cells.next() {
                Some(cell) => cell,
                None if *padding > 0 => {
                    *padding -= 1;
                    Cow::Borrowed("")
                }
                None => break,
            };
            self.emit(Op::Cell(tag, *align));
            self.inline(&cell);
            self.emit(Op::End(tag));
        }
        self.emit(Op::End(Tag::Tr));
    }

    fn quote(&mut self, lines: &[&str], start: usize, depth: usize) -> usize {
        let mut inner: Vec<&str> = Vec::new();
        let mut at = start;
        // Whether the quote's content ends in a paragraph, which alone takes
        // lazy lines (indented code does not).
        let mut paragraph = false;
        while let Some(line) = lines.get(at) {
            let trimmed = line.unindent();
            if columns(line) < 4 && quoted(trimmed) {
                let rest = &trimmed[1..];
                let content = rest.strip_prefix(' ').unwrap_or(rest);
                let block = content.unindent();
                paragraph = !block.is_empty()
                    && (paragraph || columns(content) < 4)
                    && fence(block).is_none()
                    && heading(block).is_none()
                    && !thematic_break(block);
                inner.push(content);
            } else if paragraph && lazy(line, inner.last()) {
                if setext_underline(trimmed) {
                    // Paragraph text, not the underline of a heading.
                    self.lazy_underlines.insert(line.as_ptr() as usize);
                }
                inner.push(line);
            } else {
                break;
            }
            at += 1;
        }
        if !self.dry {
            self.emit(Op::Start(Tag::Blockquote));
            self.parse(&inner, depth + 1, false);
            self.emit(Op::End(Tag::Blockquote));
        }
        at
    }

    fn list(&mut self, lines: &[&str], start: usize, depth: usize) -> usize {
        let Some(first) = list_marker(lines[start].unindent()) else {
            return start;
        };
        // The items' lines one after another, and where each item's are.
        let mut all: Vec<&str> = Vec::new();
        let mut items: Vec<std::ops::Range<usize>> = Vec::new();
        let mut loose = false;
        let mut at = start;
        loop {
            let mut next = at;
            while lines.get(next).is_some_and(|line| line.is_blank()) {
                next += 1;
            }
            let Some(marker) = lines
                .get(next)
                .filter(|line| columns(line) < 4 && !thematic_break(line.unindent()))
                .and_then(|line| list_marker(line.unindent()))
                .filter(|marker| marker.ordered == first.ordered && marker.kind == first.kind)
            else {
                break;
            };
            // A blank line between two items makes the list loose.
            if !items.is_empty() && lines[next - 1].is_blank() {
                loose = true;
            }
            at = next;
            let line = lines[at];
            let after = &line.unindent()[marker.width..];
            let gap = columns(after);
            let (indent, first_line) = if after.is_blank() || gap > 4 {
                (
                    columns(line) + marker.width + 1,
                    after.get(1..).unwrap_or(""),
                )
            } else {
                (columns(line) + marker.width + gap, after.unindent())
            };
            let item = all.len();
            all.push(first_line);
            at += 1;
            // An item may start with one blank line, not two.
            let empty = first_line.is_blank() && lines.get(at).is_some_and(|line| line.is_blank());
            while let Some(line) = lines.get(at).filter(|_| !empty) {
                if line.is_blank() {
                    all.push("");
                } else if columns(line) >= indent {
                    all.push(strip_columns(line, indent));
                } else if lazy(line, all.last()) {
                    // As written: an indented lazy line stays paragraph text.
                    all.push(line);
                } else {
                    break;
                }
                at += 1;
            }
            while all.len() > item + 1 && all.last().is_some_and(|line| line.is_blank()) {
                all.pop();
            }
            items.push(item..all.len());
        }
        // Blank lines after the list belong to what holds it.
        while at > start + 1 && lines[at - 1].is_blank() {
            at -= 1;
        }
        if self.dry {
            return at;
        }
        // Only a blank line inside an item can make it loose: items without
        // one need no scan.
        let gapped = items
            .iter()
            .map(|item| &all[item.clone()])
            .filter(|item| item.iter().any(|line| line.is_blank()));
        for item in gapped {
            if loose {
                break;
            }
            let mut scan = Blocks {
                source: self.source,
                out: Builder::default(),
                options: self.options,
                dry: true,
                log: None,
                known: HashMap::new(),
                lazy_underlines: HashSet::new(),
                spare: Vec::new(),
                spare_lines: Vec::new(),
            };
            loose |= scan.parse(item, depth + 1, false);
        }
        let tag = if first.ordered { Tag::Ol } else { Tag::Ul };
        self.emit(if first.ordered {
            Op::Numbered(first.number)
        } else {
            Op::Start(tag)
        });
        for item in items {
            self.emit(Op::Start(Tag::Li));
            self.parse(&all[item], depth + 1, !loose);
            self.emit(Op::End(Tag::Li));
        }
        self.emit(Op::End(tag));
        at
    }

    /// An image where the site shows images; otherwise a link to it, so
    /// readers can still open it.
    fn image(&mut self, src: Option<String>, alt: String) {
        match src {
            Some(src) if self.options.images => self.out.void(Builder::image(src, alt)),
            Some(src) => {
                self.out.start(Tag::A, Some(src));
                self.out.text(if alt.is_blank() { "image" } else { &alt });
                self.out.end(Tag::A);
            }
            None => self.out.text(&alt),
        }
    }

    fn inline(&mut self, text: &str) {
        if let Some(log) = &mut self.log {
            log.push(Op::Inline(Cow::Owned(text.to_owned())));
            return;
        }
        // Plain text (a table cell, a line of prose) has nothing to parse.
        let url = bare_url(text, 0);
        if url.is_none() && !text.bytes().any(|b| SPECIAL[usize::from(b)]) {
            self.out.text(text);
            return;
        }
        let buffer = recycle(std::mem::take(&mut self.spare));
        let mut pieces = Inline::parse(text, url, &self.known, buffer);
        let mut links: usize = 0;
        let mut filter = HtmlFilter::default();
        let mut image: Option<(Option<String>, String)> = None;
        for piece in pieces.drain(..) {
            // An allowlisted element is never one whose contents hide.
            if filter.hiding() && !matches!(piece, Piece::Html(_)) {
                continue;
            }
            if let Some((src, alt)) = &mut image {
                match piece {
                    Piece::ImageEnd => {
                        let (src, alt) = (src.take(), std::mem::take(alt));
                        image = None;
                        self.image(src, alt);
                    }
                    Piece::Text(text) | Piece::Code(text) | Piece::Bare { text, .. } => {
                        alt.push_str(&text)
                    }
                    Piece::Autolink { text, .. } => alt.push_str(&text),
                    _ => {}
                }
                continue;
            }
            match piece {
                Piece::Bare { text, href } if links == 0 => {
                    if let Node::Element(link) = bare_link(&text, href) {
                        self.out.void(link);
                    }
                }
                Piece::Text(text) | Piece::Bare { text, .. } => self.out.text(&text),
                Piece::Code(code) => {
                    self.out.start(Tag::Code, None);
                    self.out.text(&code);
                    self.out.end(Tag::Code);
                }
                Piece::Break => self.out.void(Element::new(Tag::Br, None)),
                Piece::Delim(delim) => {
                    for tag in delim.ends.tags() {
                        self.out.end(tag);
                    }
                    if delim.count > 0 {
                        let literal = char::from(delim.byte).to_string().repeat(delim.count);
                        self.out.text(&literal);
                    }
                    for tag in delim.starts.tags().rev() {
                        self.out.start(tag, None);
                    }
                }
                Piece::Bracket { image, .. } => self.out.text(if image { "![" } else { "[" }),
                Piece::LinkStart(href) => {
                    links += 1;
                    let href = href.as_deref().and_then(safe_url).map(str::to_owned);
                    self.out.start(Tag::A, href);
                }
                Piece::Html(events) => {
                    for event in events {
                        filter.write(&mut self.out, event);
                    }
                }
                Piece::Tag { tag, end } => HtmlFilter::allowed(&mut self.out, tag, end, None),
                Piece::LinkEnd => {
                    links = links.saturating_sub(1);
                    self.out.end(Tag::A);
                }
                Piece::ImageStart(src) => {
                    let src = src.as_deref().and_then(safe_image_url).map(str::to_owned);
                    image = Some((src, String::new()));
                }
                Piece::ImageEnd => {}
                Piece::Autolink { href, text } => {
                    self.out.start(Tag::A, safe_url(&href).map(str::to_owned));
                    self.out.text(&text);
                    self.out.end(Tag::A);
                }
            }
        }
        self.spare = recycle(pieces);
    }
}

/// An empty buffer for another paragraph: collecting nothing in place
/// keeps the allocation (the same type but for its lifetime).
// `filter` could not change the lifetime; `filter_map` does, in place.
#[allow(clippy::unnecessary_filter_map)]
fn recycle<T, U>(buffer: Vec<T>) -> Vec<U> {
    buffer.into_iter().filter_map(|_| None).collect()
}

/// Tabs in the indentation and container markers at the start of lines
/// (`>\t\tcode`, `-\tfoo`) as spaces to the next multiple of 4 columns, so
/// that a tab split between a container and its content counts as
/// CommonMark counts it. Lines inside top-level fenced code keep their tabs,
/// as do tabs after the first other character.
fn expand_tabs(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut open_fence: Option<(u8, usize)> = None;
    for line in markdown.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match open_fence {
            Some(open) => {
                // The fence's lines, and its closer, as written.
                if closes_fence(bare, open) {
                    open_fence = None;
                }
                out.push_str(line);
                continue;
            }
            None if columns(bare) < 4 => open_fence = fence(bare.unindent()),
            None => {}
        }
        let mut column = 0;
        let mut rest = line;
        for (at, c) in line.char_indices() {
            match c {
                '\t' => {
                    let width = 4 - column % 4;
                    out.extend(std::iter::repeat_n(' ', width));
                    column += width;
                }
                ' ' | '>' | '-' | '*' | '+' | '.' | ')' | '0'..='9' => {
                    out.push(c);
                    column += 1;
                }
                _ => {
                    rest = &line[at..];
                    break;
                }
            }
            rest = &line[at + c.len_utf8()..];
        }
        out.push_str(rest);
    }
    out
}

/// CommonMark's whitespace for lines: spaces and tabs, never other Unicode
/// spaces (a line of U+3000 is text), read by bytes.
trait Indentation {
    /// Only spaces and tabs: a blank line.
    fn is_blank(&self) -> bool;
    /// Without its leading spaces and tabs.
    fn unindent(&self) -> &str;
}

impl Indentation for str {
    fn is_blank(&self) -> bool {
        self.bytes().all(|b| b == b' ' || b == b'\t')
    }

    fn unindent(&self) -> &str {
        let mut rest = self.as_bytes();
        while let [b' ' | b'\t', tail @ ..] = rest {
            rest = tail;
        }
        &self[self.len() - rest.len()..]
    }
}

/// Whether a line starts with a letter (or any non-ASCII character), which
/// no block marker or indentation does.
fn starts_no_block(line: &str) -> bool {
    line.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80)
}

/// Whether a line (without its indentation) starts with a quote marker.
fn quoted(trimmed: &str) -> bool {
    trimmed.as_bytes().first() == Some(&b'>')
}

/// Whether a line ends a table by starting another block.
fn interrupts_table(trimmed: &str) -> bool {
    quoted(trimmed)
        || fence(trimmed).is_some()
        || heading(trimmed).is_some()
        || thematic_break(trimmed)
        || block_start(trimmed, true).is_some()
        || list_marker(trimmed).is_some_and(|marker| !trimmed[marker.width..].is_blank())
}

/// Leading whitespace in columns (a tab reaches the next multiple of 4).
fn columns(line: &str) -> usize {
    let mut columns = 0;
    for byte in line.bytes() {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// The line without up to `count` columns of leading whitespace.
fn strip_columns(line: &str, count: usize) -> &str {
    let mut seen = 0;
    for (at, byte) in line.bytes().enumerate() {
        if seen >= count {
            return &line[at..];
        }
        match byte {
            b' ' => seen += 1,
            b'\t' => seen += 4 - seen % 4,
            _ => return &line[at..],
        }
    }
    ""
}

/// A line that continues the paragraph before it without its container's
/// marker (CommonMark's "lazy continuation").
fn lazy(line: &str, previous: Option<&&str>) -> bool {
    let trimmed = line.unindent();
    previous.is_some_and(|previous| !previous.is_blank() && fence(previous.unindent()).is_none())
        && !trimmed.is_empty()
        && (starts_no_block(trimmed)
            || columns(line) >= 4
            || (fence(trimmed).is_none()
                && heading(trimmed).is_none()
                && !thematic_break(trimmed)
                && !quoted(trimmed)
                && list_marker(trimmed).is_none()))
}

/// An opening code fence: its character and length.
fn fence(trimmed: &str) -> Option<(u8, usize)> {
    let byte = *trimmed
        .as_bytes()
        .first()
        .filter(|b| matches!(b, b'`' | b'~'))?;
    let run = trimmed.bytes().take_while(|b| *b == byte).count();
    (run >= 3 && !(byte == b'`' && trimmed[run..].contains('`'))).then_some((byte, run))
}

/// Whether `line` (without its line ending) closes a fenced code block
/// opened with `fence`: at least as long a run of the same character,
/// indented less than 4 columns, nothing after it.
fn closes_fence(line: &str, fence: (u8, usize)) -> bool {
    let trimmed = line.unindent();
    let run = trimmed.bytes().take_while(|b| *b == fence.0).count();
    columns(line) < 4 && run >= fence.1 && trimmed[run..].is_blank()
}

/// A setext heading's underline: `===` or `---` alone on its line.
fn setext_underline(trimmed: &str) -> bool {
    let line = trimmed.trim_end();
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// An ATX heading's text.
fn heading(trimmed: &str) -> Option<&str> {
    if !trimmed.starts_with('#') {
        return None;
    }
    let level = trimmed.bytes().take_while(|b| *b == b'#').count();
    let rest = &trimmed[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    Some(
        if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end()
        } else {
            rest
        },
    )
}

fn thematic_break(trimmed: &str) -> bool {
    let mut marks = trimmed.bytes().filter(|b| !matches!(b, b' ' | b'\t'));
    let Some(first) = marks.next().filter(|b| matches!(b, b'-' | b'*' | b'_')) else {
        return false;
    };
    let mut count = 1;
    for mark in marks {
        if mark != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

#[derive(Clone, Copy)]
struct Marker {
    ordered: bool,
    /// The bullet, or the `.` or `)` after the number.
    kind: u8,
    /// The marker's length in bytes.
    width: usize,
    /// A numbered list starting at 1 (only those may interrupt a paragraph).
    one: bool,
    /// The number of a numbered item.
    number: u64,
}

fn list_marker(trimmed: &str) -> Option<Marker> {
    let bytes = trimmed.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (marker, ordered) = match bytes.first()? {
        b'-' | b'*' | b'+' => (1, false),
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            (digits + 1, true)
        }
        _ => return None,
    };
    if !bytes.get(marker).is_none_or(|b| matches!(b, b' ' | b'\t')) {
        return None;
    }
    // At most 9 digits: no overflow.
    let number = bytes[..digits]
        .iter()
        .fold(0, |number, digit| number * 10 + u64::from(digit - b'0'));
    Some(Marker {
        ordered,
        kind: bytes[marker - 1],
        width: marker,
        one: ordered && number == 1,
        number,
    })
}

/// The emphasis elements a delimiter run opens or closes, in order, two bits
/// each without allocating: a run of 64 characters makes at most 32. No
/// code is 0, so the highest set bit tells how many there are. In 8 bytes,
/// a delimiter is less than half the size it was with a `u128` (16-byte
/// aligned in wasm) and a count, and the pieces of a paragraph move that
/// much less memory.
#[derive(Default, Clone, Copy)]
struct Emphases(u64);

impl Emphases {
    fn count(self) -> u32 {
        (u64::BITS - self.0.leading_zeros()).div_ceil(2)
    }

    fn push(&mut self, tag: Tag) {
        let code: u64 = match tag {
            Tag::Em => 1,
            Tag::Strong => 2,
            _ => 3,
        };
        // Past 32, the rest would nest deeper than any tree shows
        // (`MAX_DEPTH`): they stay text-less emphasis nobody can see.
        let count = self.count();
        if count < 32 {
            self.0 |= code << (2 * count);
        }
    }

    fn tags(self) -> impl DoubleEndedIterator<Item = Tag> {
        (0..self.count()).map(move |at| match (self.0 >> (2 * at)) & 3 {
            1 => Tag::Em,
            2 => Tag::Strong,
            _ => Tag::Del,
        })
    }
}

/// A run of `*`, `_` or `~` that may open or close emphasis.
struct Delim {
    byte: u8,
    /// Characters not used as emphasis yet.
    count: usize,
    /// The run's original length (for CommonMark's "rule of 3").
    length: usize,
    open: bool,
    close: bool,
    /// Elements this run opens, innermost first.
    starts: Emphases,
    /// Elements this run closes, innermost first.
    ends: Emphases,
}

/// Text borrows from the paragraph where it can: most of a comment is
/// plain runs between markup, copied once, into the tree.
enum Piece<'t> {
    Text(Cow<'t, str>),
    Code(Cow<'t, str>),
    Break,
    Delim(Delim),
    Bracket {
        image: bool,
        /// Where the bracket's text starts in the paragraph (after `[` or `![`).
        from: usize,
    },
    LinkStart(Option<String>),
    LinkEnd,
    ImageStart(Option<String>),
    ImageEnd,
    Autolink {
        href: String,
        text: String,
    },
    /// Raw HTML, tokenized: what the allowlist keeps of it is written.
    Html(Vec<HtmlEvent<'t>>),
    /// An allowlisted element's bare start or end tag in raw HTML.
    Tag {
        tag: Tag,
        end: bool,
    },
    /// A bare URL (GFM's autolink literal), read whole so that its `_`s
    /// and `*`s are never emphasis; a link unless inside one.
    Bare {
        href: String,
        text: Cow<'t, str>,
    },
}

/// The bytes where inline markdown may start: `\\`*_~![]<&` and line ends.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\\`*_~![]<&\n";
    let mut at = 0;
    while at < bytes.len() {
        table[bytes[at] as usize] = true;
        at += 1;
    }
    table
};

#[derive(Default)]
struct Inline<'r, 't> {
    /// The paragraph's text.
    source: &'t str,
    /// The reference definitions links may use.
    references: Option<&'r HashMap<String, String>>,
    pieces: Vec<Piece<'t>>,
    /// Unmatched `[` and `![`, by index into `pieces`.
    brackets: Vec<usize>,
    /// Below this many `brackets`, every `[` is inactive (inside a link).
    active_from: usize,
    /// Delimiter runs not processed for emphasis yet, by index into
    /// `pieces`, in order: each one is processed once, so emphasis stays
    /// linear however links nest.
    delims: Vec<usize>,
    /// Where each backtick run starts, by its length, for finding code
    /// spans' closers in one pass: filled once an opener finds no closer
    /// ahead, after which searching ahead would be quadratic.
    ticks: Option<HashMap<usize, VecDeque<usize>>>,
    /// Closers of raw HTML known to be missing.
    closers: Closers,
}

impl<'r, 't> Inline<'r, 't> {
    /// The pieces of a paragraph, into `pieces` (an empty buffer), given
    /// where its first bare URL starts.
    fn parse(
        text: &'t str,
        mut url: Option<usize>,
        references: &'r HashMap<String, String>,
        mut pieces: Vec<Piece<'t>>,
    ) -> Vec<Piece<'t>> {
        // About one piece for every 8 bytes of a comment: grown once or never.
        pieces.reserve(text.len() / 8 + 1);
        let mut inline = Inline {
            source: text,
            references: Some(references),
            pieces,
            ..Inline::default()
        };
        let bytes = text.as_bytes();
        let mut at = 0;
        // `url` is the next bare URL at or after `at`, found again only
        // once `at` has passed it (inside a code span or a link
        // destination) or it turned out to be inside brackets.
        while at < bytes.len() {
            if url.is_some_and(|start| start < at) {
                url = bare_url(text, at);
            }
            if url == Some(at) {
                if inline.brackets.is_empty() {
                    let (length, href) = bare_url_at(text, at);
                    inline.pieces.push(Piece::Bare {
                        href,
                        text: Cow::Borrowed(&text[at..at + length]),
                    });
                    at += length;
                } else {
                    // As GitHub: no bare URL inside a link's brackets.
                    url = bare_url(text, at + 1);
                }
                continue;
            }
            let next_url = url.unwrap_or(bytes.len());
            let special = bytes[at..next_url]
                .iter()
                .position(|b| SPECIAL[usize::from(*b)])
                .map_or(next_url, |offset| at + offset);
            if special > at {
                inline.text(&text[at..special]);
                at = special;
                continue;
            }
            at = inline.special(text, at);
        }
        inline.emphasis(0);
        inline.pieces
    }

    /// A run of the paragraph's text. One that goes on where the last run
    /// ends (the next line, a `<` that starts no tag) grows the last run in
    /// place: most text reaches the tree without an extra copy.
    fn text(&mut self, text: &'t str) {
        let source = self.source;
        let offset = |run: &str| (run.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
        match self.pieces.last_mut() {
            Some(Piece::Text(run)) => {
                if let Cow::Borrowed(last) = run {
                    let (start, next) = (offset(last), offset(text));
                    let joined = source.get(start..next.wrapping_add(text.len()));
                    if let Some(joined) = joined.filter(|_| start.wrapping_add(last.len()) == next)
                    {
                        *last = joined;
                        return;
                    }
                }
                run.to_mut().push_str(text)
            }
            _ => self.pieces.push(Piece::Text(Cow::Borrowed(text))),
        }
    }

    /// Handles the special character at `at`; returns where to go on.
    fn special(&mut self, text: &'t str, at: usize) -> usize {
        let bytes = text.as_bytes();
        let next = bytes.get(at + 1).copied();
        match bytes[at] {
            b'\\' if next.is_some_and(|b| b.is_ascii_punctuation()) => {
                self.text(&text[at + 1..at + 2]);
                at + 2
            }
            b'\\' if next == Some(b'\n') => {
                self.pieces.push(Piece::Break);
                at + 2
            }
            b'`' => self.code_span(text, at),
            byte @ (b'*' | b'_' | b'~') => self.delimiter(text, at, byte),
            b'!' if next == Some(b'[') => {
                self.brackets.push(self.pieces.len());
                self.pieces.push(Piece::Bracket {
                    image: true,
                    from: at + 2,
                });
                at + 2
            }
            b'[' => {
                self.brackets.push(self.pieces.len());
                self.pieces.push(Piece::Bracket {
                    image: false,
                    from: at + 1,
                });
                at + 1
            }
            b']' => self.close_bracket(text, at),
            b'<' => {
                if let Some((href, text, used)) = autolink(&text[at + 1..]) {
                    self.pieces.push(Piece::Autolink { href, text });
                    return at + 1 + used;
                }
                if let Some(length) = inline_html(text, at, &mut self.closers) {
                    let raw = &text[at..at + length];
                    if let Some((tag, end)) = plain_tag(raw) {
                        self.pieces.push(Piece::Tag { tag, end });
                        return at + length;
                    }
                    let mut events = html_events(raw);
                    // An open tag alone: the tokenizer would end a `<script>`
                    // at once, where in the paragraph its end tag comes later.
                    if !raw.ends_with("/>") {
                        events.truncate(1);
                    }
                    self.pieces.push(Piece::Html(events));
                    return at + length;
                }
                self.text(&text[at..at + 1]);
                at + 1
            }
            b'&' => match reference(&text[at + 1..], Context::Strict) {
                Some((character, used)) => {
                    match self.pieces.last_mut() {
                        Some(Piece::Text(last)) => character.push_to(last.to_mut()),
                        _ => self
                            .pieces
                            .push(Piece::Text(Cow::Owned(character.to_string()))),
                    }
                    at + 1 + used
                }
                None => {
                    self.text(&text[at..at + 1]);
                    at + 1
                }
            },
            b'\n' => {
                let hard = match self.pieces.last_mut() {
                    Some(Piece::Text(last)) => {
                        let hard = last.ends_with("  ");
                        let keep = last.trim_end_matches(' ').len();
                        match last {
                            Cow::Borrowed(run) => *run = &run[..keep],
                            Cow::Owned(run) => run.truncate(keep),
                        }
                        hard
                    }
                    _ => false,
                };
                if hard {
                    self.pieces.push(Piece::Break);
                } else {
                    self.text(&text[at..at + 1]);
                }
                at + 1
            }
            // Every special byte is ASCII.
            _ => {
                self.text(&text[at..at + 1]);
                at + 1
            }
        }
    }

    fn code_span(&mut self, text: &'t str, at: usize) -> usize {
        let run = text[at..].bytes().take_while(|b| *b == b'`').count();
        let found = match &mut self.ticks {
            // Until an opener finds no closer, searching ahead stays linear:
            // the parse goes on past the closer it found.
            None => {
                let found = closing_run(text, at + run, run);
                if found.is_none() {
                    self.ticks = Some(backtick_runs(text));
                }
                found
            }
            Some(ticks) => {
                // Openers come left to right, so what lies before this one is done with.
                let starts = ticks.entry(run).or_default();
                while starts.front().is_some_and(|&start| start < at + run) {
                    starts.pop_front();
                }
                starts.front().copied()
            }
        };
        let Some(found) = found else {
            self.text(&text[at..at + run]);
            return at + run;
        };
        let mut code = Cow::Borrowed(&text[at + run..found]);
        if code.contains('\n') {
            code = Cow::Owned(code.replace('\n', " "));
        }
        let strip = code.len() > 2 && code.starts_with(' ') && code.ends_with(' ');
        if strip && !code.trim().is_empty() {
            code = match code {
                Cow::Borrowed(code) => Cow::Borrowed(&code[1..code.len() - 1]),
                Cow::Owned(code) => Cow::Owned(code[1..code.len() - 1].to_owned()),
            };
        }
        self.pieces.push(Piece::Code(code));
        found + run
    }

    fn delimiter(&mut self, text: &'t str, at: usize, byte: u8) -> usize {
        let run = text[at..].bytes().take_while(|b| *b == byte).count();
        let before = text[..at].chars().next_back().unwrap_or(' ');
        let after = text[at + run..].chars().next().unwrap_or(' ');
        // ASCII punctuation, and (near enough to Unicode's P and S
        // categories) any other character that is not a letter, a digit
        // or a space: `£`, `€`, `«`.
        let punctuation = |c: char| {
            c.is_ascii_punctuation()
                || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
        };
        let left = !after.is_whitespace()
            && (!punctuation(after) || before.is_whitespace() || punctuation(before));
        let right = !before.is_whitespace()
            && (!punctuation(before) || after.is_whitespace() || punctuation(after));
        let (open, close) = match byte {
            b'_' => (
                left && (!right || punctuation(before)),
                right && (!left || punctuation(after)),
            ),
            b'~' if run > 2 => (false, false),
            _ => (left, right),
        };
        self.delims.push(self.pieces.len());
        self.pieces.push(Piece::Delim(Delim {
            byte,
            count: run,
            length: run,
            open,
            close,
            starts: Emphases::default(),
            ends: Emphases::default(),
        }));
        at + run
    }

    fn close_bracket(&mut self, text: &'t str, at: usize) -> usize {
        let Some(opener) = self.brackets.pop() else {
            self.text(&text[at..at + 1]);
            return at + 1;
        };
        self.active_from = self.active_from.min(self.brackets.len());
        let (image, from) = match self.pieces[opener] {
            Piece::Bracket { image, from } => (image, from),
            // A `[` made inactive by a link inside it: this `]` is text.
            _ => {
                self.text(&text[at..at + 1]);
                return at + 1;
            }
        };
        let found = destination(&text[at + 1..]).or_else(|| self.reference(text, from, at));
        let Some((destination, used)) = found else {
            self.pieces[opener] = Piece::Text(Cow::Borrowed(if image { "![" } else { "[" }));
            self.text(&text[at..at + 1]);
            return at + 1;
        };
        self.emphasis(opener + 1);
        if image {
            self.pieces[opener] = Piece::ImageStart(Some(destination));
            self.pieces.push(Piece::ImageEnd);
        } else {
            self.pieces[opener] = Piece::LinkStart(Some(destination));
            self.pieces.push(Piece::LinkEnd);
            // Links cannot hold links: earlier `[`s become text, staying on
            // the stack so that their `]` is text too. Each is visited once.
            for &index in &self.brackets[self.active_from..] {
                if matches!(self.pieces[index], Piece::Bracket { image: false, .. }) {
                    self.pieces[index] = Piece::Text(Cow::Borrowed("["));
                }
            }
            self.active_from = self.brackets.len();
        }
        at + 1 + used
    }

    /// A reference link's destination for the brackets `text[from..at]`
    /// closed at `at`: `[text][label]`, `[text][]` or `[text]`, and the bytes
    /// after `at` that it takes.
    fn reference(&self, text: &str, from: usize, at: usize) -> Option<(String, usize)> {
        let references = self.references?;
        if references.is_empty() {
            return None;
        }
        let after = &text[at + 1..];
        if let Some(inner) = after.strip_prefix('[') {
            let end = label_end(inner)?;
            if end <= 999 {
                let label = if inner[..end].trim().is_empty() {
                    &text[from..at]
                } else {
                    &inner[..end]
                };
                let found = plain_label(label)
                    .then(|| references.get(&normalize_label(label)))
                    .flatten();
                if let Some(found) = found {
                    return Some((found.clone(), end + 2));
                }
                if !inner[..end].trim().is_empty() {
                    return None;
                }
            }
        }
        let label = &text[from..at];
        plain_label(label)
            .then(|| references.get(&normalize_label(label)))
            .flatten()
            .map(|found| (found.clone(), 0))
    }

    /// CommonMark's "process emphasis" over the delimiters from piece
    /// `bottom` on; afterwards none of them can match anything outside. The
    /// delimiters form a linked list: a match unlinks everything between its
    /// opener and closer, so no search walks past the same run twice.
    fn emphasis(&mut self, bottom: usize) {
        let first = self.delims.partition_point(|&index| index < bottom);
        if first == self.delims.len() {
            return;
        }
        const NONE: usize = usize::MAX;
        // Each delimiter's piece, and the list positions before and after it.
        let count = self.delims.len() - first;
        let mut list: Vec<Link> = self
            .delims
            .drain(first..)
            .enumerate()
            .map(|(at, piece)| Link {
                piece,
                prev: at.wrapping_sub(1),
                next: if at + 1 == count { NONE } else { at + 1 },
            })
            .collect();
        let unlink = |list: &mut Vec<Link>, at: usize| {
            let (prev, next) = (list[at].prev, list[at].next);
            if prev != NONE {
                list[prev].next = next;
            }
            if next != NONE {
                list[next].prev = prev;
            }
        };
        // How far down the search for an opener goes, by delimiter, whether
        // the closer can open, and its length modulo 3 (a list position;
        // 0 is the bottom).
        let mut floors = [[[0usize; 3]; 2]; 3];
        let mut closer = if count == 0 { NONE } else { 0 };
        while closer != NONE {
            let Piece::Delim(delim) = &self.pieces[list[closer].piece] else {
                closer = list[closer].next;
                continue;
            };
            if !delim.close || delim.count == 0 {
                closer = list[closer].next;
                continue;
            }
            let (byte, count, length, can_open) =
                (delim.byte, delim.count, delim.length, delim.open);
            let kind = match byte {
                b'*' => 0,
                b'_' => 1,
                _ => 2,
            };
            let floor = &mut floors[kind][usize::from(can_open)][length % 3];
            let mut found = None;
            let mut candidate = list[closer].prev;
            while candidate != NONE && candidate >= *floor {
                if let Piece::Delim(opener) = &self.pieces[list[candidate].piece] {
                    let fits = opener.byte == byte
                        && opener.open
                        && opener.count > 0
                        && if byte == b'~' {
                            opener.count == count
                        } else {
                            let odd = (opener.close || can_open)
                                && (opener.length + length) % 3 == 0
                                && !(opener.length % 3 == 0 && length % 3 == 0);
                            !odd
                        };
                    if fits {
                        found = Some(candidate);
                        break;
                    }
                }
                candidate = list[candidate].prev;
            }
            let Some(opener) = found else {
                *floor = closer;
                let after = list[closer].next;
                if let Piece::Delim(delim) = &mut self.pieces[list[closer].piece] {
                    if !delim.open {
                        delim.close = false;
                        unlink(&mut list, closer);
                    }
                }
                closer = after;
                continue;
            };
            let opener_count = match &self.pieces[list[opener].piece] {
                Piece::Delim(delim) => delim.count,
                _ => 0,
            };
            let (used, tag) = match byte {
                b'~' => (count, Tag::Del),
                _ if count >= 2 && opener_count >= 2 => (2, Tag::Strong),
                _ => (1, Tag::Em),
            };
            // Runs between the two can no longer match anything.
            let mut between = list[opener].next;
            while between != closer && between != NONE {
                if let Piece::Delim(delim) = &mut self.pieces[list[between].piece] {
                    delim.open = false;
                    delim.close = false;
                }
                let after = list[between].next;
                unlink(&mut list, between);
                between = after;
            }
            if let Piece::Delim(delim) = &mut self.pieces[list[opener].piece] {
                delim.count -= used;
                delim.starts.push(tag);
                if delim.count == 0 {
                    unlink(&mut list, opener);
                }
            }
            if let Piece::Delim(delim) = &mut self.pieces[list[closer].piece] {
                delim.count -= used;
                delim.ends.push(tag);
                if delim.count == 0 {
                    let after = list[closer].next;
                    unlink(&mut list, closer);
                    closer = after;
                }
            }
        }
        for link in list {
            if let Piece::Delim(delim) = &mut self.pieces[link.piece] {
                delim.open = false;
                delim.close = false;
            }
        }
    }
}

/// A delimiter run in emphasis processing's linked list.
struct Link {
    /// Its index into the pieces.
    piece: usize,
    /// The run before it still in the list, or `usize::MAX`.
    prev: usize,
    /// The run after it still in the list, or `usize::MAX`.
    next: usize,
}

/// Where the next run of exactly `length` backticks from `from` starts.
fn closing_run(text: &str, from: usize, length: usize) -> Option<usize> {
    tick_runs(text, from)
        .find(|&(_, run)| run == length)
        .map(|(start, _)| start)
}

/// Where each maximal run of backticks starts, by its length.
fn backtick_runs(text: &str) -> HashMap<usize, VecDeque<usize>> {
    let mut runs: HashMap<usize, VecDeque<usize>> = HashMap::new();
    for (start, length) in tick_runs(text, 0) {
        runs.entry(length).or_default().push_back(start);
    }
    runs
}

/// The maximal runs of backticks from `from` on: where each starts, and
/// its length.
fn tick_runs(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = from;
    std::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(|&b| b == b'`')?;
        let length = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        at = start + length;
        Some((start, length))
    })
}

/// Where a label's closing `]` is in `inner` (the text after `[`): `None`
/// for an unescaped `[` first, or no `]`.
fn label_end(inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'[' => return None,
            b']' => return Some(end),
            _ => end += 1,
        }
    }
    None
}

/// Whether `label` can be a label: at most 999 bytes, no unescaped
/// bracket (so nested brackets are turned down at their first byte).
fn plain_label(label: &str) -> bool {
    label.len() <= 999 && !has_bracket(label)
}

/// Whether `text` holds a `[` or `]` that no backslash escapes.
fn has_bracket(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'[' | b']' => return true,
            _ => at += 1,
        }
    }
    false
}

/// A reference label as it is matched: case folded, inner white space as
/// one space. The folding covers Latin, Greek and Cyrillic by their code
/// point ranges: Rust's full `to_lowercase` tables cost 8 KB gzipped in the
/// wasm, for labels that are nearly always numbers.
fn normalize_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for (i, word) in label.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                _ => out.push(fold_case(c)),
            }
        }
    }
    out
}

/// Upper to lower case for the letters of Latin (ASCII, Latin-1, Latin
/// Extended-A), Greek and Cyrillic; other characters stay.
fn fold_case(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => {
            code + 32
        }
        0x400..=0x40f => code + 80,
        0x100..=0x137 | 0x14a..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Reads the link reference definitions (`[label]: destination "title"`)
/// at the start of a paragraph, handing each label and destination (as
/// written) to `found`; returns the paragraph's text after them. Titles are
/// read and dropped, like inline links' titles.
fn definitions<'t>(text: &'t str, mut found: impl FnMut(&'t str, &'t str)) -> &'t str {
    let mut rest = text;
    while let Some((label, raw, used)) = definition(rest) {
        found(label, raw);
        rest = &rest[used..];
    }
    rest
}

/// One definition at the start of `text`: its label, its destination (as
/// written), and the bytes it takes (up to and with its line break).
fn definition(text: &str) -> Option<(&str, &str, usize)> {
    let inner = text.strip_prefix('[')?;
    let end = label_end(inner).filter(|end| *end <= 999)?;
    let label = &inner[..end];
    if label.trim().is_empty() || inner.as_bytes().get(end + 1) != Some(&b':') {
        return None;
    }
    let mut at = end + 3; // `[`, label, `]`, `:`
    let skip_space = |at: &mut usize, newline: bool| {
        let mut newlines = 0;
        while let Some(&byte) = text.as_bytes().get(*at) {
            match byte {
                b' ' | b'\t' => *at += 1,
                b'\n' if newline && newlines == 0 => {
                    newlines += 1;
                    *at += 1;
                }
                _ => break,
            }
        }
    };
    skip_space(&mut at, true);
    let (raw, after) = raw_destination(text, at)?;
    if raw.is_empty() && !text[at..].starts_with('<') {
        return None;
    }
    at = after;
    let line_end = |at: usize| -> Option<usize> {
        let rest = &text[at..];
        let end = rest.find('\n').map_or(text.len(), |offset| at + offset + 1);
        text[at..end].trim().is_empty().then_some(end)
    };
    // A title, on this line or the next; without one, the line must end here.
    let mut title_at = at;
    skip_space(&mut title_at, true);
    if title_at > at {
        if let Some(&quote) = text
            .as_bytes()
            .get(title_at)
            .filter(|b| matches!(b, b'"' | b'\'' | b'('))
        {
            let close = if quote == b'(' { b')' } else { quote };
            let mut end = title_at + 1;
            while let Some(&byte) = text.as_bytes().get(end) {
                match byte {
                    b'\\' => end += 2,
                    _ if byte == close => break,
                    _ => end += 1,
                }
            }
            if end < text.len() && !text[title_at..end].contains("\n\n") {
                if let Some(done) = line_end(end + 1) {
                    return Some((label, raw, done));
                }
            }
        }
    }
    let done = line_end(at)?;
    Some((label, raw, done))
}

/// How far a link's `(destination "title")` may reach, so that text full of
/// `](` cannot make every bracket scan the rest of the comment.
const MAX_DESTINATION: usize = 2048;

/// A link destination as written from byte `start` of `text`, for inline
/// links and reference definitions alike: `<...>` up to an unescaped `>`
/// (a line break or another `<` first: none), or a run without spaces whose
/// parentheses balance, 32 levels deep at most (as cmark). Returns it and
/// where it ends.
fn raw_destination(text: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(start) == Some(&b'<') {
        let mut end = start + 1;
        loop {
            match bytes.get(end)? {
                b'\\' => end += 2,
                b'>' => break,
                b'\n' | b'<' => return None,
                _ => end += 1,
            }
        }
        return Some((&text[start + 1..end], end + 1));
    }
    let mut depth = 0usize;
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 1,
            b'(' if depth == 32 => return None,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            _ if byte.is_ascii_whitespace() || byte.is_ascii_control() => break,
            _ => {}
        }
        at += 1;
    }
    let at = at.min(text.len());
    Some((&text[start..at], at))
}

/// `(destination "title")` right after a link's `]`: the destination, with
/// escapes and references decoded, and the bytes used.
fn destination(text: &str) -> Option<(String, usize)> {
    let mut end = text.len().min(MAX_DESTINATION);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'(') {
        return None;
    }
    let start = skip_whitespace(bytes, 1);
    let (raw, mut at) = raw_destination(text, start)?;
    at = skip_whitespace(bytes, at);
    if let Some(&quote) = bytes.get(at).filter(|b| matches!(b, b'"' | b'\'' | b'(')) {
        let close = if quote == b'(' { b')' } else { quote };
        at += 1;
        while *bytes.get(at)? != close {
            at += if bytes[at] == b'\\' { 2 } else { 1 };
        }
        at = skip_whitespace(bytes, at + 1);
    }
    if bytes.get(at) != Some(&b')') {
        return None;
    }
    Some((unescape(raw), at + 1))
}

/// Backslash escapes and character references of a link destination.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.bytes().position(|b| b == b'\\' || b == b'&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let escaped = after.chars().next().filter(char::is_ascii_punctuation);
        match (
            &rest[at..at + 1],
            escaped,
            reference(after, Context::Strict),
        ) {
            ("\\", Some(character), _) => {
                out.push(character);
                rest = &after[1..];
            }
            ("&", _, Some((character, used))) => {
                character.push_to(&mut out);
                rest = &after[used..];
            }
            (mark, _, _) => {
                out.push_str(mark);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<scheme:...>` or `<name@host>` (text after the `<`): the link, the
/// text to show and the bytes used.
fn autolink(text: &str) -> Option<(String, String, usize)> {
    let end = text.find(['>', '<', ' ', '\n', '\t'])?;
    if text.as_bytes()[end] != b'>' {
        return None;
    }
    let inner = &text[..end];
    let scheme = inner.split_once(':').map(|(scheme, _)| scheme);
    let is_uri = scheme.is_some_and(|scheme| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    });
    let is_email = !is_uri
        && inner.split_once('@').is_some_and(|(local, host)| {
            !local.is_empty()
                && host.contains('.')
                && local
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b))
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
        });
    match (is_uri, is_email) {
        (true, _) => Some((inner.to_owned(), inner.to_owned(), end + 1)),
        (_, true) => Some((format!("mailto:{inner}"), inner.to_owned(), end + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rich::tests::show;

    fn md(markdown: &str) -> String {
        show(&from_markdown(markdown, RichOptions::default()))
    }

    #[test]
    fn emphasis_follows_commonmark_delimiter_rules() {
        assert_eq!(md("*a* **b** ***c*** _d_ __e__"), "<p><em>a</em> <strong>b</strong> <em><strong>c</strong></em> <em>d</em> <strong>e</strong></p>");
        assert_eq!(
            md("snake_case_name and 2*3*4 and * lone"),
            "<p>snake_case_name and 2<em>3</em>4 and * lone</p>"
        );
        assert_eq!(md("**bold *both* bold** ~~gone~~ ~one~ ~~~no~~~"), "<p><strong>bold <em>both</em> bold</strong> <del>gone</del> <del>one</del> ~~~no~~~</p>");
        assert_eq!(
            md("*unclosed **strong**"),
            "<p>*unclosed <strong>strong</strong></p>"
        );
        assert_eq!(
            md("\\*not\\* `*code*` ``a ` b``"),
            "<p>*not* <code>*code*</code> <code>a ` b</code></p>"
        );
    }

    #[test]
    fn links_images_and_autolinks() {
        assert_eq!(
            md("[a *b*](https://x.org/a_(b) \"t\") [c](<d e>) [no] [x](y z) <me@x.org> <b>"),
            "<p><a href=\"https://x.org/a_(b)\">a <em>b</em></a> <a href=\"d e\">c</a> [no] [x](y z) <a href=\"mailto:me@x.org\">me@x.org</a> <b></b></p>"
        );
        assert_eq!(
            md("[[inner](https://a.org)](https://b.org) see https://c.org/x."),
            "<p>[<a href=\"https://a.org\">inner</a>](<a href=\"https://b.org\">https://b.org</a>) see <a href=\"https://c.org/x\">https://c.org/x</a>.</p>"
        );
        assert_eq!(
            md("[bad](javascript:alert(1)) [e](java&#x73;cript:x)"),
            "<p><a>bad</a> <a>e</a></p>"
        );
    }

    #[test]
    fn labels_fold_case_in_latin_greek_and_cyrillic() {
        assert_eq!(
            normalize_label("  Ärger  ĀĞŁ ΣΩ ЖЁ Straße "),
            "ärger āğł σω жё strasse"
        );
        assert_eq!(normalize_label("ẞ"), normalize_label("SS"));
    }

    #[test]
    fn reference_links_as_reddit_and_hn_writers_use_them() {
        assert_eq!(
            md("See [the report][1] and [Ada]; [no such][2] stays.\n\n[1]: https://a.org/r \"Title\"\n[ADA]: <https://b.org/a b>"),
            "<p>See <a href=\"https://a.org/r\">the report</a> and <a href=\"https://b.org/a b\">Ada</a>; [no such][2] stays.</p>"
        );
        assert_eq!(
            md("[x]: javascript:alert(1)\n\n[x] [y][]\n\n[y]:\n  /next-line"),
            "<p><a>x</a> <a href=\"/next-line\">y</a></p>",
            "a definition's URL passes the same check as any link"
        );
        // What follows a definition on the next line stays as text: a
        // setext underline or an empty list item cannot start a block there
        // (CommonMark and pulldown-cmark agree; 30be83a dropped it).
        assert_eq!(md("  [ref]: /url\n==="), "<p>===</p>");
        assert_eq!(md("  [ref]: /url\n- "), "<p>-</p>");
        assert_eq!(md("[ref]: /url\n- \n---x"), "<p>-\n---x</p>");
    }

    #[test]
    fn bare_urls_keep_their_underscores_and_stars() {
        let wiki = "https://en.wikipedia.org/wiki/Rust_(programming_language)";
        assert_eq!(
            md(&format!("See {wiki}.")),
            format!("<p>See <a href=\"{wiki}\">{wiki}</a>.</p>")
        );
        assert_eq!(
            md("_see https://a.org/c_d_ and **www.b.org/*x*y**"),
            "<p><em>see <a href=\"https://a.org/c_d\">https://a.org/c_d</a></em> and <strong><a href=\"http://www.b.org/*x*y\">www.b.org/*x*y</a></strong></p>"
        );
        assert_eq!(
            md("`https://a.org/x_y` [https://b.org/a_b](https://c.org/d_e)"),
            "<p><code>https://a.org/x_y</code> <a href=\"https://c.org/d_e\">https://b.org/a_b</a></p>",
            "in code a URL is text; in a link's text it is not a second link"
        );
    }

    #[test]
    fn blocks() {
        assert_eq!(
            md("# Title #\ntext\nmore  \nhard\\\nend\n\n---\n```rust\nlet a = 1;\n\n<b>\n```\n\n    indented\n    code\n\n> quote\nlazy\n> > nested"),
            "<p>Title</p><p>text\nmore<br></br>hard<br></br>end</p><pre><code>let a = 1;\n\n<b>\n</code></pre><pre><code>indented\ncode\n</code></pre><blockquote><p>quote\nlazy</p><blockquote><p>nested</p></blockquote></blockquote>"
        );
    }

    #[test]
    fn lists_tight_loose_and_nested() {
        assert_eq!(
            md("- a\n- b\n  - c\n  - d\n- e\n\n1. one\n2. two\n\n* p\n\n* q\n\n  second"),
            "<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li><li>e</li></ul><ol><li>one</li><li>two</li></ol><ul><li><p>p</p></li><li><p>q</p><p>second</p></li></ul>"
        );
        assert_eq!(
            md("text\n2. not a list\n- but this is"),
            "<p>text\n2. not a list</p><ul><li>but this is</li></ul>"
        );
    }

    /// The GFM spec's table examples (198 to 205), with its expected output.
    #[test]
    fn only_spaces_and_tabs_indent_or_blank_a_line() {
        assert_eq!(
            md("a\n\u{a0}\nb"),
            "<p>a\n\u{a0}\nb</p>",
            "a no-break space is text"
        );
        assert_eq!(
            md("\u{3000}\u{3000}indented"),
            "<p>\u{3000}\u{3000}indented</p>"
        );
    }

    #[test]
    fn long_delimiter_runs_nest_without_limit_on_input() {
        let deep = format!("{}a{}", "*".repeat(300), "*".repeat(300));
        let html = md(&deep);
        assert!(html.contains('a') && !html.contains('*'), "{html}");
    }

    #[test]
    fn gfm_tables() {
        let cases = [
            (
                "| foo | bar |\n| --- | --- |\n| baz | bim |",
                "<table><thead><tr><th>foo</th><th>bar</th></tr></thead><tbody><tr><td>baz</td><td>bim</td></tr></tbody></table>",
            ),
            (
                "| abc | defghi |\n:-: | -----------:\nbar | baz",
                "<table><thead><tr><th align=\"Center\">abc</th><th align=\"Right\">defghi</th></tr></thead><tbody><tr><td align=\"Center\">bar</td><td align=\"Right\">baz</td></tr></tbody></table>",
            ),
            (
                "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |",
                "<table><thead><tr><th>f|oo</th></tr></thead><tbody><tr><td>b <code>|</code> az</td></tr><tr><td>b <strong>|</strong> im</td></tr></tbody></table>",
            ),
            (
                "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar",
                "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr></tbody></table><blockquote><p>bar</p></blockquote>",
            ),
            (
                "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar",
                "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr><tr><td>bar</td><td></td></tr></tbody></table><p>bar</p>",
            ),
            (
                "| abc | def |\n| --- |\n| bar |",
                "<p>| abc | def |\n| --- |\n| bar |</p>",
            ),
            (
                "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |",
                "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td></td></tr><tr><td>bar</td><td>baz</td></tr></tbody></table>",
            ),
            (
                "| abc | def |\n| --- | --- |",
                "<table><thead><tr><th>abc</th><th>def</th></tr></thead></table>",
            ),
        ];
        for (markdown, html) in cases {
            assert_eq!(md(markdown), html, "{markdown:?}");
        }
        assert_eq!(
            md("Scores:\na | b\n--|--\n[x](javascript:y) | <b>1</b>\n\n- in a list\n\n  | c |\n  |---|\n  | d |"),
            "<p>Scores:</p><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><a>x</a></td><td><b>1</b></td></tr></tbody></table><ul><li><p>in a list</p><table><thead><tr><th>c</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table></li></ul>",
            "a paragraph's last line can head a table; cells are inline markdown"
        );
        assert_eq!(
            md("Title\n---"),
            "<p>Title</p>",
            "no pipe: a setext heading"
        );
        let wide = format!(
            "{}\n{}\n{}",
            "|a".repeat(2000),
            "|-".repeat(2000),
            "b\n".repeat(2000)
        );
        let cells = md(&wide).matches("<td>").count();
        assert!(
            cells <= wide.len(),
            "{cells} cells from {} bytes",
            wide.len()
        );
    }

    /// The GFM spec's autolink-literal examples for `www.` and `http(s)://`
    /// (e-mail addresses are not linked: a comment may quote one without
    /// meaning it as a link).
    #[test]
    fn gfm_autolink_literals() {
        let link = |url: &str, text: &str| format!("<a href=\"{url}\">{text}</a>");
        let www = |rest: &str| link(&format!("http://www.{rest}"), &format!("www.{rest}"));
        let cases = [
            ("www.commonmark.org", www("commonmark.org")),
            (
                "Visit www.commonmark.org/help for more information.",
                format!("Visit {} for more information.", www("commonmark.org/help")),
            ),
            (
                "Visit www.commonmark.org.",
                format!("Visit {}.", www("commonmark.org")),
            ),
            (
                "Visit www.commonmark.org/a.b.",
                format!("Visit {}.", www("commonmark.org/a.b")),
            ),
            (
                "www.google.com/search?q=Markup+(business)",
                www("google.com/search?q=Markup+(business)"),
            ),
            (
                "www.google.com/search?q=Markup+(business)))",
                format!("{}))", www("google.com/search?q=Markup+(business)")),
            ),
            (
                "(www.google.com/search?q=Markup+(business))",
                format!("({})", www("google.com/search?q=Markup+(business)")),
            ),
            (
                "(www.google.com/search?q=Markup+(business)",
                format!("({}", www("google.com/search?q=Markup+(business)")),
            ),
            (
                "www.google.com/search?q=(business))+ok",
                www("google.com/search?q=(business))+ok"),
            ),
            (
                "www.google.com/search?q=commonmark&hl=en",
                www("google.com/search?q=commonmark&hl=en"),
            ),
            (
                "www.google.com/search?q=commonmark&hl;",
                format!("{}&hl;", www("google.com/search?q=commonmark")),
            ),
            (
                "www.commonmark.org/he<lp",
                format!("{}<lp", www("commonmark.org/he")),
            ),
            (
                "http://commonmark.org",
                link("http://commonmark.org", "http://commonmark.org"),
            ),
            (
                "(Visit https://encrypted.google.com/search?q=Markup+(business))",
                format!(
                    "(Visit {})",
                    link(
                        "https://encrypted.google.com/search?q=Markup+(business)",
                        "https://encrypted.google.com/search?q=Markup+(business)"
                    )
                ),
            ),
        ];
        for (markdown, html) in cases {
            assert_eq!(md(markdown), format!("<p>{html}</p>"), "{markdown}");
        }
    }

    #[test]
    fn tabs_count_as_columns_but_code_keeps_them() {
        assert_eq!(
            md(">\t\tcode\n\n-\titem\n\n```\n\tfenced\tcode\n```"),
            "<blockquote><pre><code>  code\n</code></pre></blockquote><ul><li>item</li></ul><pre><code>\tfenced\tcode\n</code></pre>"
        );
        assert_eq!(
            md("```\ncode\n```\n\n>\t\tafter the fence"),
            "<pre><code>code\n</code></pre><blockquote><pre><code>  after the fence\n</code></pre></blockquote>",
            "a closed fence ends the lines that keep their tabs"
        );
    }

    #[test]
    fn a_link_inside_brackets_makes_them_text() {
        assert_eq!(
            md("![[[foo](uri1)](uri2)](uri3) [a [b](c)](d)"),
            "<p><a href=\"uri3\">[foo](uri2)</a> [a <a href=\"c\">b</a>](d)</p>",
            "an image without images on is a link named by its text"
        );
    }

    #[test]
    fn raw_html_passes_the_same_allowlist_as_html_bodies() {
        assert_eq!(
            md("H<sub>2</sub>O, <kbd>Ctrl</kbd>, <span onclick=\"x()\" style=\"y\">z</span> <img src=x onerror=alert(1)> <a href=\"javascript:x\">a</a> <a href=\"https://a.org\">b</a>"),
            "<p>H<sub>2</sub>O, <kbd>Ctrl</kbd>, <span>z</span>  <a>a</a> <a href=\"https://a.org\">b</a></p>"
        );
        assert_eq!(
            md("<details>\n<summary>Spoiler</summary>\n\nIt was *the butler*.\n\n</details>\n\nafter"),
            "<details>\n<summary>Spoiler</summary>\n<p>It was <em>the butler</em>.</p></details><p>after</p>",
            "markdown inside a details block, as on GitHub"
        );
        assert_eq!(
            md("a <script>alert(1)</script> b <!-- hidden --> c\n\n<script>\nalert(2)\n</script>\n\n<style>p{}</style>\nd"),
            "<p>a  b  c</p><p>d</p>",
            "scripts, styles and comments show nothing"
        );
        assert_eq!(
            md("<div>\n*not emphasis*\n</div>\n\n`<b>` 1 < 2 <3 <a"),
            "<p>\n*not emphasis*\n</p><p><code><b></code> 1 < 2 <3 <a</p>",
            "inside an HTML block markdown is text; code spans and lone < stay text"
        );
    }
}
