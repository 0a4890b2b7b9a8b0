//! The reader's saved state, in localStorage.
//!
//! Storage can be missing or refused (privacy modes, sandboxed frames, a full
//! quota). Then nothing is remembered, and nothing fails: gloo-storage is
//! only used after checking that the browser lets us have storage, because it
//! throws when it cannot get it.

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

/// Natively (the prerender) there is no storage: nothing is remembered.
fn available() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .is_some()
}

/// Reads a saved value; `None` when there is none, storage is unavailable,
/// or what is there does not parse.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    if !available() {
        return None;
    }
    LocalStorage::get(key).ok()
}

/// Saves a value, best effort: a refused write is logged, not fatal.
pub fn save<T: Serialize>(key: &str, value: &T) {
    if !available() {
        return;
    }
    if let Err(error) = LocalStorage::set(key, value) {
        web_sys::console::warn_1(&format!("Threadline could not save {key}: {error}").into());
    }
}

/// Calls `on_change` when another tab of this browser saves `key`, until
/// dropped.
pub fn on_saved_elsewhere(key: String, on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let changed = event
            .dyn_ref::<web_sys::StorageEvent>()
            .and_then(web_sys::StorageEvent::key);
        if changed.as_deref() == Some(key.as_str()) {
            on_change();
        }
    }))
}
