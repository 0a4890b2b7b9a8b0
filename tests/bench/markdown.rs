//! Markdown speed against pulldown-cmark, natively: `cargo bench --bench
//! markdown`. Threadline turns the text into the safe tree a comment
//! renders from; pulldown-cmark is measured twice: its event stream alone
//! (all of it consumed, no output built) and written out as HTML (the
//! least output a renderer needs). The MB/s of each is printed, best of
//! several runs, for comment-like bodies, the CommonMark spec examples, and
//! hostile input (`corpus.rs`; `markdown-browser` reads the same in
//! Chromium).

mod corpus;
mod pulldown_tree;

use pulldown_cmark::{html, Options, Parser};
use std::time::Instant;
use threadline::core::markdown::from_markdown;
use threadline::core::rich::RichOptions;

/// The spec examples, if `npm ci --prefix tests/e2e` put the spec there.
fn spec_examples() -> Vec<String> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/node_modules/commonmark-spec/spec.txt"
    );
    std::fs::read_to_string(file)
        .map(|spec| corpus::spec_examples(&spec))
        .unwrap_or_default()
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
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for text in texts {
        std::hint::black_box(Parser::new_ext(text, options).count());
    }
}

fn pulldown_html(texts: &[String]) {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for text in texts {
        let mut out = String::with_capacity(text.len() * 3 / 2);
        html::push_html(&mut out, Parser::new_ext(text, options));
        std::hint::black_box(out);
    }
}

fn main() {
    let corpora: [(&str, Vec<String>); 3] = [
        ("comment bodies (1 MB)", corpus::comments()),
        ("CommonMark spec examples", spec_examples()),
        ("hostile inputs", corpus::hostile()),
    ];
    println!(
        "{:<28} {:>11} {:>11} {:>11} {:>11} {:>9} {:>9}",
        "corpus (MB/s)", "Threadline", "pd events", "pd HTML", "pd tree", "/events", "/tree"
    );
    for (name, texts) in corpora {
        if texts.is_empty() {
            println!("{name:<28} (not installed: npm ci --prefix tests/e2e)");
            continue;
        }
        let megabytes = corpus::megabytes(&texts);
        let ours = megabytes / best(5, || threadline(&texts));
        let events = megabytes / best(5, || pulldown(&texts));
        let html = megabytes / best(5, || pulldown_html(&texts));
        let tree = megabytes
            / best(5, || {
                for text in &texts {
                    std::hint::black_box(pulldown_tree::from_markdown(text));
                }
            });
        println!(
            "{name:<28} {ours:>11.1} {events:>11.1} {html:>11.1} {tree:>11.1} {:>9.2} {:>9.2}",
            ours / events,
            ours / tree
        );
    }
}
