//! Markdown speed in Chromium: the corpus of `cargo bench --bench markdown`
//! through the same code compiled to wasm with the release profile (size
//! optimised, as the widget ships), Threadline against pulldown-cmark. Run
//! `cargo bench --target wasm32-unknown-unknown --bench markdown-browser`
//! (headless Chromium through wasm-bindgen-test-runner, as the component
//! tests); it prints MB/s, best of several runs, and asserts nothing.
#![cfg(target_arch = "wasm32")]

mod corpus;
mod pulldown_tree;

use pulldown_cmark::{html, Options, Parser};
use threadline::core::markdown::from_markdown;
use threadline::core::rich::RichOptions;
use wasm_bindgen_test::{
    console_log, wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion, Instant,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The spec, installed by `npm ci --prefix tests/e2e` (the test setup).
const SPEC: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/e2e/node_modules/commonmark-spec/spec.txt"
));

fn best(mut work: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

#[wasm_bindgen_bench]
fn markdown_in_chromium(_: &mut Criterion) {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let corpora = [
        ("comment bodies (1 MB)", corpus::comments()),
        ("CommonMark spec examples", corpus::spec_examples(SPEC)),
        ("hostile inputs", corpus::hostile()),
    ];
    console_log!(
        "{:<28} {:>11} {:>11} {:>11} {:>11} {:>9} {:>9}",
        "corpus (MB/s)",
        "Threadline",
        "pd events",
        "pd HTML",
        "pd tree",
        "/events",
        "/tree"
    );
    for (name, texts) in corpora {
        let megabytes = corpus::megabytes(&texts);
        let ours = megabytes
            / best(|| {
                for text in &texts {
                    std::hint::black_box(from_markdown(text, RichOptions { images: true }));
                }
            });
        let events = megabytes
            / best(|| {
                for text in &texts {
                    std::hint::black_box(Parser::new_ext(text, options).count());
                }
            });
        let html = megabytes
            / best(|| {
                for text in &texts {
                    let mut out = String::with_capacity(text.len() * 3 / 2);
                    html::push_html(&mut out, Parser::new_ext(text, options));
                    std::hint::black_box(out);
                }
            });
        let tree = megabytes
            / best(|| {
                for text in &texts {
                    std::hint::black_box(pulldown_tree::from_markdown(text));
                }
            });
        console_log!(
            "{name:<28} {ours:>11.1} {events:>11.1} {html:>11.1} {tree:>11.1} {:>9.2} {:>9.2}",
            ours / events,
            ours / tree
        );
    }
}
