//! The CommonMark 0.31.2 spec examples (npm `commonmark-spec`, installed by
//! `.ci/setup.sh` into `tests/e2e/node_modules`, not copied here) through
//! Threadline's markdown reader, compared as HTML after one normalisation.
//!
//! The documented choices are applied here, in one place, to every example:
//! - raw HTML goes through the allowlist HTML bodies go through: where an
//!   example has raw HTML, both the spec's HTML and Threadline's are
//!   compared as that allowlist shows them (`<div>` and `<h1>` separate
//!   paragraphs, `<sub>` stays, attributes but a safe `href` go, scripts
//!   show nothing);
//! - bare URLs become links, as on GitHub (examples whose expected text
//!   holds one are left out);
//! - links and images keep only the URLs `safe_url` allows (http, https,
//!   mailto, relative, never empty);
//! - headings show as paragraphs and thematic breaks as nothing;
//! - link titles and code-block language classes are dropped.
//!
//! The test fails when an example that passed starts failing, and when one
//! listed as failing starts passing (then take it off the list).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use threadline::core::html::html_events;
use threadline::core::markdown::from_markdown;
use threadline::core::rich::{from_html_events, Node, RichOptions, Tag};
use threadline::core::url::safe_url;

/// Examples in the supported sections that Threadline gets wrong today,
/// by number: none.
const KNOWN_FAILURES: &[usize] = &[];

struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

fn examples() -> Vec<Example> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e/node_modules/commonmark-spec/spec.txt");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|error| {
        panic!(
            "{}: {error}. Install the spec with `npm ci --prefix tests/e2e` (bash .ci/test does).",
            file.display()
        )
    });
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let (mut section, mut lines) = (String::new(), text.lines());
    while let Some(line) = lines.next() {
        if line == "<!-- END TESTS -->" {
            break;
        }
        if let Some(title) = line
            .strip_prefix('#')
            .map(|rest| rest.trim_start_matches('#'))
        {
            section = title.trim().to_owned();
        } else if line == format!("{fence} example") {
            let (mut markdown, mut html, mut in_html) = (String::new(), String::new(), false);
            for line in lines.by_ref() {
                if line == fence {
                    break;
                }
                if line == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let target = if in_html { &mut html } else { &mut markdown };
                target.push_str(line);
                target.push('\n');
            }
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown: markdown.replace('→', "\t"),
                html: html.replace('→', "\t"),
            });
        }
    }
    assert_eq!(examples.len(), 652, "every example of the spec was found");
    examples
}

/// Whether an example has raw HTML: a section of it, or a tag in its
/// markdown that the spec's HTML passes on as written (`<url>` in a link
/// destination is not one).
fn has_raw_html(example: &Example) -> bool {
    const SECTIONS: [&str; 2] = ["HTML blocks", "Raw HTML"];
    let markdown = &example.markdown;
    SECTIONS.contains(&example.section.as_str())
        || markdown.match_indices('<').any(|(at, _)| {
            let rest = &markdown[at + 1..];
            if rest.starts_with("!--") || rest.starts_with('?') || rest.starts_with("![CDATA[") {
                return true;
            }
            let name = rest.trim_start_matches('/');
            let length = name
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .count();
            let slash = rest.len() - name.len();
            length > 0
                && name.as_bytes()[0].is_ascii_alphabetic()
                && name[length..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
                && example
                    .html
                    .contains(&markdown[at..at + 1 + slash + length])
        })
}

/// Whether an example is outside what Threadline renders by design: a bare
/// URL in the expected text, outside tags and links, which Threadline links.
fn unsupported(example: &Example) -> bool {
    let mut text = String::new();
    let mut depth = 0;
    for part in example.html.split('<').skip(1) {
        let (tag, after) = part.split_once('>').unwrap_or((part, ""));
        if tag.starts_with("a ") {
            depth += 1;
        } else if tag == "/a" {
            depth -= 1;
        }
        if depth == 0 {
            text.push_str(after);
            text.push(' ');
        }
    }
    ["http://", "https://", "www."]
        .iter()
        .any(|start| text.contains(start))
}

/// HTML as the allowlist for HTML bodies shows it.
fn allowlisted(html: &str) -> String {
    let mut out = String::new();
    render(&from_html_events(html_events(html)), &mut out);
    out
}

/// Escapes text as the spec's HTML does.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Percent-encodes a URL as cmark does (houdini's href escaping).
fn href(url: &str) -> String {
    let mut out = String::new();
    for byte in url.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.+!*'(),%#@?=;:/,+&$~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    escape(&out)
}

fn render(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(&escape(text)),
            Node::Element(element) => match (element.tag, &element.url) {
                (Tag::Br, _) => out.push_str("<br />"),
                (Tag::Img, url) => {
                    let src = url.as_deref().map(href).unwrap_or_default();
                    out.push_str(&format!(
                        "<img src=\"{src}\" alt=\"{}\" />",
                        escape(&element.alt)
                    ));
                }
                (tag, url) => {
                    out.push('<');
                    out.push_str(tag.name());
                    if let (Tag::A, Some(url)) = (tag, url) {
                        out.push_str(&format!(" href=\"{}\"", href(url)));
                    }
                    if let Some(number) = element.start {
                        out.push_str(&format!(" start=\"{number}\""));
                    }
                    out.push('>');
                    render(&element.children, out);
                    out.push_str(&format!("</{}>", tag.name()));
                }
            },
        }
    }
}

/// The expected HTML with the documented choices applied.
fn expected(html: &str) -> String {
    let mut html = html.to_owned();
    for level in 1..=6 {
        html = html
            .replace(&format!("<h{level}>"), "<p>")
            .replace(&format!("</h{level}>"), "</p>");
    }
    html = html.replace("<hr />", "");
    // URLs safe_url refuses (other schemes, empty) are no URL.
    for attribute in [" href=\"", " src=\""] {
        let mut from = 0;
        while let Some(at) = html[from..].find(attribute).map(|at| from + at) {
            let start = at + attribute.len();
            let end = html[start..].find('"').map_or(html.len(), |e| start + e);
            let url = decode(&html[start..end]);
            if safe_url(&url).is_none() {
                let keep = if attribute == " src=\"" {
                    " src=\"\""
                } else {
                    ""
                };
                html.replace_range(at..end + 1, keep);
                from = at + keep.len();
            } else {
                from = end;
            }
        }
    }
    // Titles and language classes.
    for attribute in [" title=\"", " class=\""] {
        while let Some(at) = html.find(attribute) {
            let end = html[at + attribute.len()..]
                .find('"')
                .map_or(html.len(), |e| at + attribute.len() + e + 1);
            html.replace_range(at..end, "");
        }
    }
    html
}

/// A URL as written in the spec's HTML: percent escapes and `&amp;` undone.
fn decode(url: &str) -> String {
    let url = url.replace("&amp;", "&").replace("&quot;", "\"");
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[at], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Both sides the same way: no line breaks next to tags (outside `<pre>`,
/// where they are the code's own), and `<p></p>` from empty headings gone.
fn normalize(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let (outside, pre) = match rest.find("<pre>") {
            Some(at) => {
                let end = rest[at..].find("</pre>").map_or(rest.len(), |e| at + e + 6);
                (&rest[..at], &rest[at..end])
            }
            None => (rest, ""),
        };
        let mut cleaned = outside.to_owned();
        while cleaned.contains(">\n") || cleaned.contains("\n<") {
            cleaned = cleaned.replace(">\n", ">").replace("\n<", "<");
        }
        while cleaned.contains("<p></p>") {
            cleaned = cleaned.replace("<p></p>", "");
        }
        if out.ends_with("</pre>") {
            cleaned = cleaned.trim_start_matches('\n').to_owned();
        }
        out.push_str(cleaned.trim_end_matches('\n'));
        out.push_str(pre);
        rest = &rest[outside.len() + pre.len()..];
    }
    out.trim().to_owned()
}

#[test]
fn commonmark_spec_examples_in_the_supported_sections() {
    let examples = examples();
    let supported: Vec<&Example> = examples
        .iter()
        .filter(|example| !unsupported(example))
        .collect();
    let mut failing = Vec::new();
    for example in &supported {
        let mut actual = String::new();
        render(
            &from_markdown(&example.markdown, RichOptions { images: true }),
            &mut actual,
        );
        let mut wanted = expected(&example.html);
        if has_raw_html(example) {
            wanted = allowlisted(&wanted);
        }
        if normalize(&actual) != normalize(&wanted) {
            failing.push(example.number);
            if std::env::var_os("SPEC_VERBOSE").is_some() {
                println!(
                    "#{} {}\n{:?}\nexpected {}\nactual   {}\n",
                    example.number,
                    example.section,
                    example.markdown,
                    normalize(&wanted),
                    normalize(&actual)
                );
            }
        }
    }
    let passed = supported.len() - failing.len();
    println!(
        "CommonMark 0.31.2: {passed} of {} supported examples pass ({:.1}%); {} of 652 are outside the documented choices",
        supported.len(),
        100.0 * passed as f64 / supported.len() as f64,
        652 - supported.len()
    );
    let mut known = KNOWN_FAILURES.to_vec();
    known.sort_unstable();
    assert_eq!(
        failing, known,
        "failing examples (SPEC_VERBOSE=1 shows them)"
    );
}
