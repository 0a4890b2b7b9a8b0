//! The malformed-input corpus (`tests/malformed`, written by its `make.mjs`)
//! natively: every file through its own preset and through every other one,
//! into the store and through the rich-text converter. Nothing panics; each
//! file is either read (repaired, the rest counted as skipped) or refused
//! with a sentence for the reader and the detail for the developer.
//! (`tests/e2e/malformed.test.mjs` loads each one by the script tag.)
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use threadline::core::load::read_response_bytes;
use threadline::core::mapping::{Source, PRESETS};
use threadline::core::model::MAX_TIME_MS;
use threadline::core::rich::{to_nodes, RichOptions};
use threadline::core::store::ThreadStore;

/// Each file: its name, its preset, whether a reader must see its comments
/// (else an error with Retry), and its bytes.
fn corpus() -> Vec<(String, String, bool, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut files: Vec<(String, String, bool, Vec<u8>)> = std::fs::read_dir(&folder)
        .expect("the corpus folder")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry
                .file_name()
                .to_string_lossy()
                .strip_suffix(".json")?
                .to_owned();
            let mut parts = name.split("--");
            let (preset, outcome) = (parts.next()?.to_owned(), parts.next()?);
            let shown = outcome == "shown";
            Some((name, preset, shown, std::fs::read(entry.path()).ok()?))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 24, "the corpus is there: {}", files.len());
    files
}

/// Reads `body` through `preset` and renders what a widget would; returns
/// whether it was read.
fn read(name: &str, preset: &str, body: &[u8]) -> bool {
    let source = Source::configure(Some(preset), None).expect("a preset");
    match read_response_bytes(body, &source) {
        Ok(document) => {
            let store = ThreadStore::build(document.comments);
            for id in store.ids() {
                let comment = store.comment(id).expect("listed");
                let _ = to_nodes(&comment.body, comment.format, RichOptions { images: true });
                if let Some(ms) = comment.created_ms {
                    assert!(ms.abs() <= MAX_TIME_MS, "{name} via {preset}: {ms}");
                }
            }
            true
        }
        Err(error) => {
            let message = error.to_string();
            for technical in ["`", "JSON", "line", "HTTP", "expected", "Error", "invalid"] {
                assert!(
                    !message.contains(technical),
                    "{name} via {preset}: {message}"
                );
            }
            assert!(!error.detail().is_empty());
            false
        }
    }
}

#[test]
fn every_file_through_every_preset_is_read_or_refused_in_words() {
    for (name, own, shown, body) in corpus() {
        assert_eq!(read(&name, &own, &body), shown, "{name}");
        for (preset, _) in PRESETS.iter().chain([&("threadline", "")]) {
            read(&name, preset, &body);
        }
    }
}

#[test]
fn bad_fields_cost_only_their_field_or_their_comment() {
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/malformed/threadline--shown--bad-fields.json"),
    )
    .expect("the file");
    let document = read_response_bytes(body, &Source::Native).expect("read");
    assert_eq!(
        document.skipped, 7,
        "no id, 42, null, text, [], id true, id empty"
    );
    let ids: Vec<&str> = document.comments.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "score", "nullbody", "author", "format", "1e400", "huge", "deleted", "replies",
            "parent"
        ]
    );
    assert_eq!(document.id, None, "a thread id that is an object is no id");
}
