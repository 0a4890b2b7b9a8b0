//! Any response bytes (not only UTF-8) through the native format and every
//! preset, then into the store: an error or a thread, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use threadline::core::load::read_response_bytes;
use threadline::core::mapping::{Source, PRESETS};
use threadline::core::store::ThreadStore;

fuzz_target!(|bytes: &[u8]| {
    let presets = std::iter::once("threadline").chain(PRESETS.iter().map(|(name, _)| *name));
    for preset in presets {
        let Ok(source) = Source::configure(Some(preset), None) else { continue };
        if let Ok(document) = read_response_bytes(bytes, &source) {
            let store = ThreadStore::build(document.comments);
            for root in store.roots().iter() {
                let _ = store.descendant_count(root);
            }
        }
    }
});
