//! Counts the widget's heap allocations, for `node tests/bench/allocations.mjs`:
//! what rendering comments costs in allocations and live bytes. Only in a
//! build with `--features count-allocations`, never in the release.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use wasm_bindgen::prelude::wasm_bindgen;

/// The system allocator, counting as it goes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static MADE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// Counts `size` more bytes live, and keeps the most ever live.
fn grow(size: usize) {
    let live = LIVE.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        MADE.fetch_add(1, Relaxed);
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(pointer, layout)
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        MADE.fetch_add(1, Relaxed);
        // Counted as the change in size: a block that shrinks or grows in
        // place is never held twice.
        match size.checked_sub(layout.size()) {
            Some(more) => grow(more),
            None => _ = LIVE.fetch_sub(layout.size() - size, Relaxed),
        }
        System.realloc(pointer, layout, size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations (and reallocations) the instance has made.
#[wasm_bindgen]
pub fn allocation_count() -> f64 {
    MADE.load(Relaxed) as f64
}

/// How many bytes the instance has allocated and not yet freed.
#[wasm_bindgen]
pub fn live_bytes() -> f64 {
    LIVE.load(Relaxed) as f64
}

/// The most bytes the instance has had allocated at once: what the wasm
/// memory, which never shrinks, had to grow to hold.
#[wasm_bindgen]
pub fn peak_bytes() -> f64 {
    PEAK.load(Relaxed) as f64
}
