//! The markdown both speed benches read, natively and in Chromium: the same
//! text, so the two sets of numbers compare.

/// About 1 MB of comment bodies, each parsed on its own as the widget
/// parses them: one to four short paragraphs with emphasis, links, bare
/// URLs, code, quotes, lists, a table or raw HTML, varied by a fixed seed.
pub fn comments() -> Vec<String> {
    let parts = [
        "I think the *real* problem is the **timeline**, not the budget.",
        "See https://en.wikipedia.org/wiki/Rust_(programming_language) and [the report](https://example.org/report.pdf).",
        "> Quoting the article: the line opens in `2027`.\n\nThat is wrong.",
        "- first point\n- second point with _emphasis_\n- third\n\n1. step one\n2. step two",
        "```\nlet x = compute();\n```",
        "Edit: typo. Also &amp; thanks to everyone ~~who~~ that replied.",
        "| Line | Fare |\n|---|--:|\n| 4 | 2.10 |\n| 9 | 1.80 |",
        "Water is H<sub>2</sub>O; press <kbd>n</kbd>.",
        "Long comment, word after word, the kind people write when they care about a thing and want to say so at length, with commas, and more commas.",
    ];
    bodies(&parts, "\n\n")
}

/// About 1 MB of HTML comment bodies as Hacker News, Isso or WordPress
/// serve them (unclosed `<p>`, links with attributes, entities, code),
/// varied by the same fixed seed.
pub fn html_bodies() -> Vec<String> {
    let parts = [
        "<p>I think the <i>real</i> problem is the <b>timeline</b>, not the budget.",
        "<p>See <a href=\"https://en.wikipedia.org/wiki/Rust_(programming_language)\" rel=\"nofollow\">https://en.wikipedia.org/wiki/Rust_(programming_language)</a> and the report.",
        "<p>&gt; Quoting the article: the line opens in <code>2027</code>.<p>That is wrong.",
        "<p>Edit: typo. Also &amp; thanks to everyone who replied &#x27;here&#x27;.",
        "<pre><code>let x = compute();\n</code></pre>",
        "<p>Long comment, word after word, the kind people write when they care about a thing and want to say so at length, with commas, and more commas.",
    ];
    bodies(&parts, "")
}

/// Bodies of one to four of `parts` each, joined by `between`, to about
/// 1 MB in all.
fn bodies(parts: &[&str], between: &str) -> Vec<String> {
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize
    };
    let (mut bodies, mut total) = (Vec::new(), 0);
    while total < 1 << 20 {
        let body = (0..1 + next() % 4)
            .map(|_| parts[next() % parts.len()])
            .collect::<Vec<_>>()
            .join(between);
        total += body.len();
        bodies.push(body);
    }
    bodies
}

/// Every example of the CommonMark spec's text, each on its own (as
/// comments are parsed).
pub fn spec_examples(spec: &str) -> Vec<String> {
    let fence = "`".repeat(32);
    spec.split(&format!("{fence} example\n"))
        .skip(1)
        .filter_map(|part| Some(part.split_once("\n.\n")?.0.replace('→', "\t")))
        .collect()
}

/// Inputs that make naive parsers quadratic.
pub fn hostile() -> Vec<String> {
    vec![
        "*a **a ".repeat(8000) + "b" + &" a** a*".repeat(8000),
        "[a](".repeat(16000),
        "`a``".repeat(16000),
        "- ".repeat(2000) + "a",
        "> ".repeat(2000) + "a",
        "<a b=\"".repeat(16000),
        "|a".repeat(8000) + "\n" + &"|-".repeat(8000),
    ]
}
