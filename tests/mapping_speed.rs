//! Mapping speed in headless Chromium, printed, never asserted:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test mapping_speed -- --include-ignored`
#![cfg(target_arch = "wasm32")]

#[path = "bench/synthetic.rs"]
mod synthetic;

use threadline::core::load::read_response;
use threadline::core::mapping::Source;
use threadline::core::store::ThreadStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore = "a benchmark: run it with --include-ignored"]
fn reddit_preset_10k_comments() {
    let now = || js_sys::Date::now();
    let body = synthetic::reddit_response(10_000);
    let megabytes = body.len() as f64 / 1e6;
    let source = Source::configure(Some("reddit"), None).expect("the reddit preset");
    let (mut read, mut build) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let start = now();
        let document = read_response(&body, &source).expect("the synthetic response reads");
        let mapped = now();
        let store = ThreadStore::build(document.comments);
        let built = now();
        assert_eq!(store.len(), 10_000);
        read = read.min(mapped - start);
        build = build.min(built - mapped);
    }
    console_log!(
        "reddit preset, 10,000 comments, {megabytes:.2} MB, best of 5 (wasm in Chromium): parse + map {read:.1} ms = {:.1} MB/s; store build {build:.1} ms; total {:.1} MB/s",
        megabytes / (read / 1e3),
        megabytes / ((read + build) / 1e3)
    );
}
