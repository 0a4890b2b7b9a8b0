//! A small HTML tokenizer for comment bodies. It follows the browsers'
//! tokenizing rules where they decide what is markup and what is text (tags,
//! attributes and their quotes, comments, declarations, raw text inside
//! `script`, `style` and their kind, character references) and skips what
//! comment bodies never need (doctype details, foreign content). Safety does
//! not rest on it: whatever it returns is filtered by the allowlist and
//! rendered node by node, never as markup. (The browser's DOMParser would
//! cost no wasm, but parsing there makes the page report a CSP violation for
//! every inline handler and style in a comment; html5gum, a full WHATWG
//! tokenizer, and pulldown-cmark together cost 124 KB gzipped.)

use super::entities::{decode, Context};
use std::borrow::Cow;

/// One step through tokenized HTML: [`html_events`] reports what it meets,
/// and `rich::from_html_events` keeps what the allowlist allows. Names and
/// text borrow from the HTML unless they had to change (upper case,
/// character references): most tags and text cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlEvent<'a> {
    /// An element starts; `href` is its raw attribute, if any.
    Start {
        /// The element's local name, lowercase.
        name: Cow<'a, str>,
        /// Its `href` attribute, references decoded, otherwise unchecked.
        href: Option<String>,
    },
    /// The element of this name ends.
    End(Cow<'a, str>),
    /// A text node, references decoded.
    Text(Cow<'a, str>),
}

impl HtmlEvent<'_> {
    /// The same event, owning its text.
    fn into_owned(self) -> HtmlEvent<'static> {
        match self {
            HtmlEvent::Start { name, href } => HtmlEvent::Start {
                name: Cow::Owned(name.into_owned()),
                href,
            },
            HtmlEvent::End(name) => HtmlEvent::End(Cow::Owned(name.into_owned())),
            HtmlEvent::Text(text) => HtmlEvent::Text(Cow::Owned(text.into_owned())),
        }
    }
}

/// Elements whose contents are raw text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// Tokenizes HTML into events, decoding character references once.
pub fn html_events(html: &str) -> Vec<HtmlEvent<'_>> {
    if html.contains('\r') {
        let normalized = html.replace("\r\n", "\n").replace('\r', "\n");
        return tokenize(&normalized)
            .into_iter()
            .map(HtmlEvent::into_owned)
            .collect();
    }
    tokenize(html)
}

/// Tokenizes HTML whose lines end in `\n` alone.
fn tokenize(html: &str) -> Vec<HtmlEvent<'_>> {
    let mut tokens = Tokens::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        tokens.text(&rest[..open]);
        let after = &rest[open + 1..];
        rest = match after.as_bytes().first() {
            Some(b'!') => declaration(&after[1..]),
            Some(b'?') => past(after, ">"),
            Some(b'/') => match after.as_bytes().get(1) {
                Some(byte) if byte.is_ascii_alphabetic() => match tag(&after[1..]) {
                    Some((tag, tail)) => {
                        tokens.events.push(HtmlEvent::End(tag.name));
                        tail
                    }
                    None => "",
                },
                Some(b'>') => &after[2..],
                Some(_) => past(after, ">"),
                None => {
                    tokens.text("</");
                    ""
                }
            },
            Some(byte) if byte.is_ascii_alphabetic() => match tag(after) {
                Some((tag, tail)) => tokens.start(tag, tail),
                None => "",
            },
            _ => {
                tokens.text("<");
                after
            }
        };
    }
    tokens.text(rest);
    tokens.events
}

#[derive(Default)]
struct Tokens<'a> {
    events: Vec<HtmlEvent<'a>>,
}

impl<'a> Tokens<'a> {
    fn text(&mut self, text: &'a str) {
        if text.is_empty() {
            return;
        }
        let text = decode(text, Context::Text);
        match self.events.last_mut() {
            Some(HtmlEvent::Text(last)) => last.to_mut().push_str(&text),
            _ => self.events.push(HtmlEvent::Text(text)),
        }
    }

    /// Reports a start tag, and for raw-text elements their text and end;
    /// returns what follows.
    fn start(&mut self, tag: Tag<'a>, tail: &'a str) -> &'a str {
        let raw = RAW_TEXT.contains(&tag.name.as_ref());
        let name = tag.name.clone();
        self.events.push(HtmlEvent::Start {
            name: tag.name,
            href: tag.href,
        });
        if raw {
            let (text, after) = raw_text(tail, &name);
            if !text.is_empty() {
                self.events.push(HtmlEvent::Text(Cow::Borrowed(text)));
            }
            self.events.push(HtmlEvent::End(name));
            after
        } else {
            if tag.self_closing {
                self.events.push(HtmlEvent::End(name));
            }
            tail
        }
    }
}

/// A start or end tag as read.
struct Tag<'a> {
    name: Cow<'a, str>,
    href: Option<String>,
    self_closing: bool,
}

/// Reads a tag from its name to its `>`; `None` when the text ends inside
/// it (browsers drop such a tag).
fn tag(text: &str) -> Option<(Tag<'_>, &str)> {
    let bytes = text.as_bytes();
    let stops = |byte: u8| byte.is_ascii_whitespace() || byte == b'/' || byte == b'>';
    let name_end = bytes.iter().position(|b| stops(*b)).unwrap_or(bytes.len());
    let name = &text[..name_end];
    let mut tag = Tag {
        name: if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        },
        href: None,
        self_closing: false,
    };
    let mut at = name_end;
    loop {
        at = skip_whitespace(bytes, at);
        match *bytes.get(at)? {
            b'>' => return Some((tag, &text[at + 1..])),
            b'/' => {
                at += 1;
                tag.self_closing = bytes.get(at) == Some(&b'>');
                continue;
            }
            _ => {}
        }
        let name_start = at;
        at += 1;
        while bytes.get(at).is_some_and(|b| !stops(*b) && *b != b'=') {
            at += 1;
        }
        let name = &text[name_start..at];
        at = skip_whitespace(bytes, at);
        let mut value = None;
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            at = skip_whitespace(bytes, at);
            let (raw, next) = match *bytes.get(at)? {
                quote @ (b'"' | b'\'') => {
                    let len = bytes[at + 1..].iter().position(|b| *b == quote)?;
                    (&text[at + 1..at + 1 + len], at + len + 2)
                }
                _ => {
                    let len = bytes[at..]
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || *b == b'>')
                        .unwrap_or(bytes.len() - at);
                    (&text[at..at + len], at + len)
                }
            };
            value = Some(raw);
            at = next;
        }
        if tag.href.is_none() && name.eq_ignore_ascii_case("href") {
            tag.href = Some(decode(value.unwrap_or(""), Context::Attribute).into_owned());
        }
    }
}

/// The first position from `at` that is not ASCII whitespace.
pub(super) fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Splits raw text at the end tag of `name` (any case); returns the text and
/// what follows the end tag. Without an end tag, the text runs to the end.
fn raw_text<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("</").map(|at| at + from) {
        let candidate = &bytes[at + 2..];
        let closes = candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && candidate
                .get(name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
        if closes {
            let tail = tag(&text[at + 2..]).map_or("", |(_, tail)| tail);
            return (&text[..at], tail);
        }
        from = at + 2;
    }
    (text, "")
}

/// Skips `<!-- comments -->`, `<!DOCTYPE ...>` and `<![CDATA[...]>` (text
/// after `<!`); returns what follows.
fn declaration(text: &str) -> &str {
    match text.strip_prefix("--") {
        Some(comment) if comment.starts_with('>') => &comment[1..],
        Some(comment) if comment.starts_with("->") => &comment[2..],
        Some(comment) => {
            let end = [("-->", 3), ("--!>", 4)]
                .iter()
                .filter_map(|(close, len)| comment.find(close).map(|at| at + len))
                .min();
            end.map_or("", |end| &comment[end..])
        }
        None => past(text, ">"),
    }
}

/// What follows the first `close` in `text`, or nothing.
fn past<'a>(text: &'a str, close: &str) -> &'a str {
    text.find(close).map_or("", |at| &text[at + close.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use HtmlEvent::{End, Start, Text};

    fn start<'a>(name: &'a str, href: Option<&str>) -> HtmlEvent<'a> {
        Start {
            name: name.into(),
            href: href.map(str::to_owned),
        }
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            html_events(
                r#"a<P Class=x>b &amp; c</p ><A title='x > y' HREF="https:&#x2F;&#x2F;x.org?a=1&copy=2">l</a><br/>"#
            ),
            vec![
                Text("a".into()),
                start("p", None),
                Text("b & c".into()),
                End("p".into()),
                start("a", Some("https://x.org?a=1&copy=2")),
                Text("l".into()),
                End("a".into()),
                start("br", None),
                End("br".into()),
            ]
        );
        assert_eq!(
            html_events("<a href=x.html target=_blank>u</a><a href>e</a><a href=one href=two>"),
            vec![
                start("a", Some("x.html")),
                Text("u".into()),
                End("a".into()),
                start("a", Some("")),
                Text("e".into()),
                End("a".into()),
                start("a", Some("one")),
            ]
        );
    }

    #[test]
    fn comments_declarations_and_stray_brackets() {
        assert_eq!(
            html_events("<!DOCTYPE html>1 < 2 <!-- <b>hidden</b> -->3<!-->4<?php x ?>5</>6</ 7>8<"),
            vec![Text("1 < 2 34568<".into())]
        );
        assert_eq!(
            html_events("x<!-- never closed <b>"),
            vec![Text("x".into())]
        );
        assert_eq!(
            html_events("x<b title='never closed>y"),
            vec![Text("x".into())]
        );
    }

    #[test]
    fn raw_text_elements_hold_no_markup() {
        assert_eq!(
            html_events("<script>if (a</b) document.write('<p>')</script >x<STYLE>p{}</Style>"),
            vec![
                start("script", None),
                Text("if (a</b) document.write('<p>')".into()),
                End("script".into()),
                Text("x".into()),
                start("style", None),
                Text("p{}".into()),
                End("style".into()),
            ]
        );
        assert_eq!(
            html_events("<textarea></textarea/><b>"),
            vec![
                start("textarea", None),
                End("textarea".into()),
                start("b", None),
            ]
        );
    }

    #[test]
    fn line_endings_are_normalized() {
        assert_eq!(html_events("a\r\nb\rc"), vec![Text("a\nb\nc".into())]);
    }
}
