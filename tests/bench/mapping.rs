//! Mapping speed, natively: `cargo bench --bench mapping`. Prints MB/s for a
//! Reddit-shaped response of 10,000 comments (about 5 MB) read through the
//! `reddit` preset: JSON parsing, mapping, and building the thread store.

#[path = "synthetic.rs"]
mod synthetic;

use std::time::Instant;
use threadline::core::load::read_response;
use threadline::core::mapping::Source;
use threadline::core::store::ThreadStore;

fn main() {
    let body = synthetic::reddit_response(10_000);
    let megabytes = body.len() as f64 / 1e6;
    let source = Source::configure(Some("reddit"), None).expect("the reddit preset");
    let runs = 10;
    let (mut read, mut build) = (f64::MAX, f64::MAX);
    for _ in 0..runs {
        let start = Instant::now();
        let document = read_response(&body, &source).expect("the synthetic response reads");
        let mapped = Instant::now();
        let store = ThreadStore::build(document.comments);
        let built = Instant::now();
        assert_eq!(store.len(), 10_000);
        read = read.min((mapped - start).as_secs_f64());
        build = build.min((built - mapped).as_secs_f64());
    }
    println!(
        "reddit preset, 10,000 comments, {megabytes:.2} MB, best of {runs} runs (native, release):"
    );
    println!(
        "  parse + map : {:7.1} ms  {:6.1} MB/s",
        read * 1e3,
        megabytes / read
    );
    println!("  store build : {:7.1} ms", build * 1e3);
    println!(
        "  total       : {:7.1} ms  {:6.1} MB/s",
        (read + build) * 1e3,
        megabytes / (read + build)
    );
}
