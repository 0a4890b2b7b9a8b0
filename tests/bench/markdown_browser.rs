//! Markdown speed in Chromium: the corpus of `cargo bench --bench markdown`
//! through the same code compiled to wasm with the release profile (size
//! optimised, as the widget ships), Threadline against pulldown-cmark. Run
//! `cargo bench --target wasm32-unknown-unknown --bench markdown-browser`
//! (headless Chromium through wasm-bindgen-test-runner, as the component
//! tests); it prints MB/s, best of 8 runs (the readers taking turns), and
//! asserts nothing.
#![cfg(target_arch = "wasm32")]

mod corpus;
mod readers;

use wasm_bindgen_test::{
    console_log, wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion, Instant,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The spec, installed by `npm ci --prefix tests/e2e` (the test setup).
const SPEC: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/e2e/node_modules/commonmark-spec/spec.txt"
));

/// How long one run takes, in seconds. Chromium first runs wasm through
/// its baseline compiler and swaps in optimised code for hot functions as
/// it goes, so the row takes the best of 8 rounds: the first time the
/// compiler, not the readers.
fn time(work: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    work();
    start.elapsed().as_secs_f64()
}

#[wasm_bindgen_bench]
fn markdown_in_chromium(_: &mut Criterion) {
    let corpora = [
        ("comment bodies (1 MB)", corpus::comments()),
        ("CommonMark spec examples", corpus::spec_examples(SPEC)),
        ("hostile inputs", corpus::hostile()),
    ];
    console_log!("{}", readers::HEADER);
    for (name, texts) in corpora {
        console_log!("{}", readers::row(name, &texts, 8, time));
    }
    console_log!("{}", readers::html_row(&corpus::html_bodies(), 8, time));
}
