//! Markdown speed against pulldown-cmark, natively: `cargo bench --bench
//! markdown`. Threadline turns the text into the safe tree a comment
//! renders from; pulldown-cmark is measured twice: its event stream alone
//! (all of it consumed, no output built) and written out as HTML (the
//! least output a renderer needs). The MB/s of each is printed, best of
//! 5 runs (the readers taking turns), for comment-like bodies, the
//! CommonMark spec examples, and hostile input (`corpus.rs`;
//! `markdown-browser` reads the same in Chromium).

mod corpus;
mod readers;

use std::time::Instant;

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

/// How long one run takes, in seconds.
fn time(work: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    work();
    start.elapsed().as_secs_f64()
}

fn main() {
    let corpora: [(&str, Vec<String>); 3] = [
        ("comment bodies (1 MB)", corpus::comments()),
        ("CommonMark spec examples", spec_examples()),
        ("hostile inputs", corpus::hostile()),
    ];
    println!("{}", readers::HEADER);
    for (name, texts) in corpora {
        if texts.is_empty() {
            println!("{name:<28} (not installed: npm ci --prefix tests/e2e)");
            continue;
        }
        println!("{}", readers::row(name, &texts, 5, time));
    }
    println!("{}", readers::html_row(&corpus::html_bodies(), 5, time));
}
