//! Markdown speed against pulldown-cmark, natively: `cargo bench --bench
//! markdown`. Both turn the same text into their output (Threadline: the
//! safe tree a comment renders from; pulldown-cmark: its event stream, all
//! of it consumed) and the MB/s of each is printed, best of several runs, for
//! comment-like bodies, the CommonMark spec examples, and hostile input.

use pulldown_cmark::{Options, Parser};
use std::time::Instant;
use threadline::core::markdown::from_markdown;
use threadline::core::rich::RichOptions;

/// About 1 MB of what comments are made of: short paragraphs with emphasis,
/// links, bare URLs, code, quotes and lists, varied by a fixed seed.
fn comments() -> String {
    let parts = [
        "I think the *real* problem is the **timeline**, not the budget.",
        "See https://en.wikipedia.org/wiki/Rust_(programming_language) and [the report](https://example.org/report.pdf).",
        "> Quoting the article: the line opens in `2027`.\n\nThat is wrong.",
        "- first point\n- second point with _emphasis_\n- third\n\n1. step one\n2. step two",
        "```\nlet x = compute();\n```",
        "Edit: typo. Also &amp; thanks to everyone ~~who~~ that replied.",
        "Long comment, word after word, the kind people write when they care about a thing and want to say so at length, with commas, and more commas.",
    ];
    let mut seed: u64 = 7;
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        text.push_str(parts[(seed >> 33) as usize % parts.len()]);
        text.push_str("\n\n");
    }
    text
}

/// Every example of the CommonMark spec, if `npm ci --prefix tests/e2e` put
/// it there, each parsed on its own (as comments are).
fn spec_examples() -> Vec<String> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/node_modules/commonmark-spec/spec.txt"
    );
    let Ok(text) = std::fs::read_to_string(file) else {
        return Vec::new();
    };
    let fence = "`".repeat(32);
    text.split(&format!("{fence} example\n"))
        .skip(1)
        .filter_map(|part| Some(part.split_once("\n.\n")?.0.replace('→', "\t")))
        .collect()
}

fn best(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn threadline(texts: &[String]) {
    for text in texts {
        std::hint::black_box(from_markdown(text, RichOptions { images: true }));
    }
}

fn pulldown(texts: &[String]) {
    let options = Options::ENABLE_STRIKETHROUGH;
    for text in texts {
        std::hint::black_box(Parser::new_ext(text, options).count());
    }
}

fn main() {
    let hostile = [
        "*a **a ".repeat(8000) + "b" + &" a** a*".repeat(8000),
        "[a](".repeat(16000),
        "`a``".repeat(16000),
        "- ".repeat(2000) + "a",
        "> ".repeat(2000) + "a",
    ];
    let corpora: [(&str, Vec<String>); 3] = [
        ("comment-like bodies (1 MB)", vec![comments()]),
        ("CommonMark spec examples", spec_examples()),
        ("hostile inputs", hostile.to_vec()),
    ];
    println!(
        "{:<30} {:>14} {:>16} {:>7}",
        "corpus", "Threadline MB/s", "pulldown-cmark MB/s", "ratio"
    );
    for (name, texts) in corpora {
        if texts.is_empty() {
            println!("{name:<30} (not installed: npm ci --prefix tests/e2e)");
            continue;
        }
        let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let ours = megabytes / best(5, || threadline(&texts));
        let theirs = megabytes / best(5, || pulldown(&texts));
        println!(
            "{name:<30} {ours:>14.1} {theirs:>16.1} {:>7.2}",
            ours / theirs
        );
    }
}
