//! Where raw HTML starts and ends inside markdown, by CommonMark's rules
//! (sections "Raw HTML" and "HTML blocks"). Only the extent is found here:
//! what is inside goes through the same tokenizer and allowlist as HTML
//! bodies, so `<sub>`, `<details>` or `<kbd>` show as GitHub and Reddit
//! show them, and a `<script>` shows nothing.

use crate::core::rich::Tag;

/// A bare start or end tag of an allowlisted element, `<sub>` or `</kbd>`
/// (most raw HTML in comments): its element, and whether it ends, read
/// without the tokenizer.
pub(super) fn plain_tag(raw: &str) -> Option<(Tag, bool)> {
    let inner = raw.strip_prefix('<')?.strip_suffix('>')?;
    let (name, end) = match inner.strip_prefix('/') {
        Some(name) => (name, true),
        None => (inner, false),
    };
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    Tag::from_html(name).map(|tag| (tag, end))
}

/// Searches that found no closer, so later ones from further on fail at
/// once: `<!--` repeated without `-->` stays linear.
#[derive(Default)]
pub(super) struct Closers {
    /// For each closer, the earliest position known to have none after it.
    none_after: [Option<usize>; 5],
}

impl Closers {
    /// Where `needle` (one of [`CLOSERS`]) ends, searching `text` from `from`.
    fn find(&mut self, text: &str, from: usize, needle: usize) -> Option<usize> {
        if self.none_after[needle].is_some_and(|known| from >= known) {
            return None;
        }
        let closer = CLOSERS[needle];
        match text.get(from..).and_then(|rest| rest.find(closer)) {
            Some(at) => Some(from + at + closer.len()),
            None => {
                self.none_after[needle] = Some(from);
                None
            }
        }
    }
}

/// What ends a comment, a processing instruction, CDATA, a declaration, and
/// a double-quoted attribute value (the one that may run far).
const CLOSERS: [&str; 5] = ["-->", "?>", "]]>", ">", "\""];

/// The length of the raw HTML (open tag, closing tag, comment, processing
/// instruction, declaration or CDATA) starting at the `<` at `at`.
pub(super) fn inline_html(text: &str, at: usize, closers: &mut Closers) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = match *bytes.get(at + 1)? {
        b'/' => {
            let name = tag_name(&bytes[at + 2..])?;
            let after = whitespace(bytes, at + 2 + name);
            (bytes.get(after) == Some(&b'>')).then_some(after + 1)?
        }
        b'!' if text[at + 2..].starts_with("--") => {
            let body = &text[at + 4..];
            if body.starts_with('>') {
                at + 5
            } else if body.starts_with("->") {
                at + 6
            } else {
                closers.find(text, at + 4, 0)?
            }
        }
        b'!' if text[at + 2..].starts_with("[CDATA[") => closers.find(text, at + 9, 2)?,
        b'!' if bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
            closers.find(text, at + 2, 3)?
        }
        b'?' => closers.find(text, at + 2, 1)?,
        _ => open_tag(text, at, closers)?,
    };
    Some(end - at)
}

/// An open tag with its attributes: where it ends.
fn open_tag(text: &str, at: usize, closers: &mut Closers) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = at + 1 + tag_name(&bytes[at + 1..])?;
    loop {
        let after = whitespace(bytes, end);
        match bytes.get(after)? {
            b'>' => return Some(after + 1),
            b'/' => return (bytes.get(after + 1) == Some(&b'>')).then_some(after + 2),
            _ if after == end => return None,
            _ => {}
        }
        end = attribute(text, after, closers)?;
    }
}

/// An attribute (name, and maybe `=` and a value) at `at`: where it ends.
fn attribute(text: &str, at: usize, closers: &mut Closers) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.get(at)?;
    if !(first.is_ascii_alphabetic() || first == b'_' || first == b':') {
        return None;
    }
    let name_end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
            .count();
    let equals = whitespace(bytes, name_end);
    if bytes.get(equals) != Some(&b'=') {
        return Some(name_end);
    }
    let value = whitespace(bytes, equals + 1);
    match *bytes.get(value)? {
        b'"' => closers.find(text, value + 1, 4),
        b'\'' => text[value + 1..].find('\'').map(|end| value + 2 + end),
        _ => {
            let length = bytes[value..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && !b"\"'=<>`".contains(b))
                .count();
            (length > 0).then_some(value + length)
        }
    }
}

/// The length of a tag name at the start of `bytes`: a letter, then
/// letters, digits and `-`.
fn tag_name(bytes: &[u8]) -> Option<usize> {
    bytes.first().filter(|b| b.is_ascii_alphabetic())?;
    Some(
        bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count(),
    )
}

/// Past spaces, tabs and at most one line ending.
fn whitespace(bytes: &[u8], mut at: usize) -> usize {
    let mut newline = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b' ' | b'\t' => {}
            b'\n' if !newline => newline = true,
            _ => break,
        }
        at += 1;
    }
    at
}

/// Elements that start an HTML block (condition 6) whatever follows.
const BLOCK_NAMES: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Elements whose HTML block (condition 1) runs to their end tag.
const RAW_BLOCKS: [&str; 4] = ["pre", "script", "style", "textarea"];

/// How an HTML block ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum BlockEnd {
    /// With the line that holds this text (any case for end tags).
    Contains(&'static str),
    /// Before the next blank line.
    Blank,
}

/// Whether a line (indented less than 4 columns, `trimmed` of that indent)
/// starts an HTML block, and how that block ends. Only conditions 1 to 6
/// may interrupt a paragraph.
pub(super) fn block_start(trimmed: &str, interrupting: bool) -> Option<BlockEnd> {
    if trimmed.as_bytes().first() != Some(&b'<') {
        return None;
    }
    let rest = &trimmed[1..];
    let bytes = rest.as_bytes();
    if rest.starts_with("!--") {
        return Some(BlockEnd::Contains("-->"));
    }
    if rest.starts_with('?') {
        return Some(BlockEnd::Contains("?>"));
    }
    if rest.starts_with("![CDATA[") {
        return Some(BlockEnd::Contains("]]>"));
    }
    if rest.starts_with('!') && bytes.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return Some(BlockEnd::Contains(">"));
    }
    let closing = rest.starts_with('/');
    let name_at = usize::from(closing);
    let length = tag_name(&bytes[name_at..])?;
    let name = rest[name_at..name_at + length].to_ascii_lowercase();
    let after = &rest[name_at + length..];
    let ends_name = after.is_empty() || after.starts_with([' ', '\t', '>']);
    if !closing && ends_name {
        if let Some(raw) = RAW_BLOCKS.iter().find(|raw| **raw == name) {
            return Some(BlockEnd::Contains(match *raw {
                "pre" => "</pre>",
                "script" => "</script>",
                "style" => "</style>",
                _ => "</textarea>",
            }));
        }
    }
    if BLOCK_NAMES.contains(&name.as_str()) && (ends_name || after.starts_with("/>")) {
        return Some(BlockEnd::Blank);
    }
    if interrupting || RAW_BLOCKS.contains(&name.as_str()) {
        return None;
    }
    // Condition 7: one whole tag alone on its line.
    let mut closers = Closers::default();
    let line = trimmed.trim_end();
    let end = inline_html(line, 0, &mut closers)?;
    let whole = matches!(
        line.as_bytes().get(1),
        Some(b'/') | Some(b'a'..=b'z') | Some(b'A'..=b'Z')
    );
    (whole && end == line.len()).then_some(BlockEnd::Blank)
}

/// Whether this line ends a block that ends at `end` (for `Contains`).
pub(super) fn ends_block(line: &str, end: BlockEnd) -> bool {
    match end {
        BlockEnd::Contains(needle) if needle.starts_with("</") => {
            line.to_ascii_lowercase().contains(needle)
        }
        BlockEnd::Contains(needle) => line.contains(needle),
        BlockEnd::Blank => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> Option<&str> {
        inline_html(text, 0, &mut Closers::default()).map(|length| &text[..length])
    }

    #[test]
    fn inline_html_by_commonmark_rules() {
        assert_eq!(html("<a href=\"x\">y"), Some("<a href=\"x\">"));
        assert_eq!(html("<sub>2</sub>"), Some("<sub>"));
        assert_eq!(html("</sub> x"), Some("</sub>"));
        assert_eq!(html("<br/>"), Some("<br/>"));
        assert_eq!(html("<a b='c' d=e f>"), Some("<a b='c' d=e f>"));
        assert_eq!(html("<!-- x -->y"), Some("<!-- x -->"));
        assert_eq!(html("<?php x ?>"), Some("<?php x ?>"));
        assert_eq!(html("<![CDATA[x]]>"), Some("<![CDATA[x]]>"));
        assert_eq!(html("<!DOCTYPE html>"), Some("<!DOCTYPE html>"));
        for text in [
            "<33>",
            "<__>",
            "<a h*#ref=\"hi\">",
            "<a href=\"hi'>",
            "< a>",
            "<a/ >",
            "</a href>",
            "<a b=>",
        ] {
            assert_eq!(html(text), None, "{text}");
        }
    }

    #[test]
    fn a_missing_closer_is_searched_once() {
        let mut closers = Closers::default();
        let text = "<!-- x ".repeat(3);
        assert_eq!(inline_html(&text, 0, &mut closers), None);
        assert_eq!(closers.none_after[0], Some(4));
        assert_eq!(inline_html(&text, 7, &mut closers), None);
    }

    #[test]
    fn html_blocks_start_and_end() {
        assert_eq!(block_start("<div>", true), Some(BlockEnd::Blank));
        assert_eq!(block_start("<details open>", true), Some(BlockEnd::Blank));
        assert_eq!(
            block_start("<script>", true),
            Some(BlockEnd::Contains("</script>"))
        );
        assert_eq!(
            block_start("<!-- note", true),
            Some(BlockEnd::Contains("-->"))
        );
        assert_eq!(block_start("<sub>x</sub>", false), None);
        assert_eq!(block_start("<sub>", false), Some(BlockEnd::Blank));
        assert_eq!(block_start("<sub>", true), None);
        assert_eq!(block_start("<divx>", true), None);
        assert!(ends_block("x </SCRIPT>", BlockEnd::Contains("</script>")));
    }
}
