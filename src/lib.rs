//! Threadline: a comment-thread widget for news pages, compiled to WebAssembly.
//!
//! [`core`] holds everything that needs no browser (the model, the thread
//! store, parsing, the reader's state, text and time rules); [`services`] wraps
//! the network and storage; [`live_thread`] connects a loaded thread to the
//! views; [`effects`] makes its requests (load, more replies, writes);
//! [`components`] renders; [`embed`] is what the script-tag loader calls;
//! natively, `prerender` draws the same components to static HTML.

#![warn(missing_docs)]

#[cfg(feature = "count-allocations")]
pub mod allocations;
pub mod components;
pub mod core;
pub mod effects;
pub mod embed;
pub mod format;
pub mod live_thread;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod services;
