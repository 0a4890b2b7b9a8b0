//! Rich-text speed on hostile input, natively: `cargo bench --bench rich`.
//! Prints MB/s for each pathological pattern at 64 KB and at 1 MB, through
//! the same conversion a comment body gets (markdown and HTML). Linear time
//! shows as the same MB/s at both sizes; the target is 5 MB/s or more.

use std::time::Instant;
use threadline::core::model::BodyFormat;
use threadline::core::rich::{to_nodes, RichOptions};

/// Patterns known to make naive parsers quadratic, as (name, format, the
/// text repeated before the middle, the middle, the text repeated after).
const PATTERNS: &[(&str, BodyFormat, &str, &str, &str)] = &[
    (
        "nested emphasis",
        BodyFormat::Markdown,
        "*a **a ",
        "b",
        " a** a*",
    ),
    (
        "openers never closed",
        BodyFormat::Markdown,
        "*a _b ",
        "",
        "",
    ),
    (
        "closers never opened",
        BodyFormat::Markdown,
        "a* b_ ",
        "",
        "",
    ),
    ("brackets", BodyFormat::Markdown, "[", "a", "]"),
    ("links never closed", BodyFormat::Markdown, "[a](", "", ""),
    (
        "links in brackets",
        BodyFormat::Markdown,
        "[[a](b) ",
        "",
        "](c)",
    ),
    (
        "tabs in containers",
        BodyFormat::Markdown,
        ">\t-\t",
        "a",
        "",
    ),
    ("image brackets", BodyFormat::Markdown, "![", "a", "](b)"),
    (
        "references",
        BodyFormat::Markdown,
        "[a]: /u\n\n[a][] [a] [[x",
        "",
        "]]",
    ),
    (
        "nested references",
        BodyFormat::Markdown,
        "[",
        "a]: /u\n\n[a",
        "][]",
    ),
    ("backticks", BodyFormat::Markdown, "`a``", "", ""),
    ("backtick runs", BodyFormat::Markdown, "``````````a", "", ""),
    ("quotes", BodyFormat::Markdown, "> ", "a", ""),
    ("list nesting", BodyFormat::Markdown, "- ", "a", ""),
    ("autolinks", BodyFormat::Markdown, "<http://a", "", ""),
    (
        "bare URLs",
        BodyFormat::Markdown,
        "https://a.org/b_c*d ",
        "",
        "",
    ),
    (
        "URLs in brackets",
        BodyFormat::Markdown,
        "[www.a.org/(_",
        "",
        "",
    ),
    (
        "URL parentheses",
        BodyFormat::Text,
        "https://a.org/",
        "(",
        ")",
    ),
    (
        "entities",
        BodyFormat::Markdown,
        "&amp;&#123;&#x1F600;&bogus;",
        "",
        "",
    ),
    (
        "markdown comments",
        BodyFormat::Markdown,
        "a <!-- b <? c <![CDATA[ <!D ",
        "",
        "",
    ),
    (
        "markdown attributes",
        BodyFormat::Markdown,
        "<a b=\"c <a d='e ",
        "",
        "",
    ),
    (
        "markdown open tags",
        BodyFormat::Markdown,
        "<sub><b>",
        "x",
        "</b></sub>",
    ),
    (
        "markdown scripts",
        BodyFormat::Markdown,
        "<script>",
        "x",
        "",
    ),
    (
        "html blocks",
        BodyFormat::Markdown,
        "<div>\n",
        "",
        "</div>\n",
    ),
    ("table columns", BodyFormat::Markdown, "|a", "\n", "|-"),
    (
        "table rows",
        BodyFormat::Markdown,
        "",
        "a|b\n-|-\n",
        "*a|`b\n",
    ),
    ("html runs of <", BodyFormat::Html, "<", "", ""),
    (
        "html open tags",
        BodyFormat::Html,
        "<b><i>",
        "x",
        "</i></b>",
    ),
    ("html unclosed tags", BodyFormat::Html, "<span>", "", ""),
    (
        "html entities",
        BodyFormat::Html,
        "&amp;&#123;&#x1F600;&bogus;&",
        "",
        "",
    ),
    ("html comments", BodyFormat::Html, "<!--", "", ""),
    (
        "html attributes",
        BodyFormat::Html,
        "<a href='x' title=\"",
        "",
        "",
    ),
];

fn build(before: &str, middle: &str, after: &str, size: usize) -> String {
    let unit = before.len() + after.len();
    let count = size / unit.max(1);
    let mut text = String::with_capacity(size + middle.len());
    for _ in 0..count {
        text.push_str(before);
    }
    text.push_str(middle);
    for _ in 0..count {
        text.push_str(after);
    }
    text
}

fn main() {
    println!("{:<22} {:>12} {:>12}", "pattern", "64 KB MB/s", "1 MB MB/s");
    let mut slowest = f64::MAX;
    for (name, format, before, middle, after) in PATTERNS {
        let mut speeds = Vec::new();
        for size in [64 << 10, 1 << 20] {
            let text = build(before, middle, after, size);
            let runs = if size < 1 << 20 { 5 } else { 2 };
            let mut best = f64::MAX;
            for _ in 0..runs {
                let start = Instant::now();
                let nodes = to_nodes(&text, *format, RichOptions { images: true });
                best = best.min(start.elapsed().as_secs_f64());
                drop(nodes);
            }
            let speed = text.len() as f64 / 1e6 / best;
            slowest = slowest.min(speed);
            speeds.push(speed);
        }
        println!("{name:<22} {:>12.1} {:>12.1}", speeds[0], speeds[1]);
    }
    println!("slowest: {slowest:.1} MB/s (target: at least 5)");
}
