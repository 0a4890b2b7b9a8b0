//! Thin typed wrappers over the browser's network and storage, kept out of views.

pub mod events;
pub mod http;
pub mod page;
pub mod storage;
