//! The host page around the widget: its address fragment (permalinks), the
//! viewport (to render more as the reader scrolls near the end), and moving
//! the reader to a comment.

use gloo_events::EventListener;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};
use yew::platform::{spawn_local, time::sleep};

/// The page address's fragment without `#`, if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#')?;
    (!fragment.is_empty()).then(|| fragment.to_owned())
}

/// Calls `on_change` with the new fragment whenever the address's fragment
/// changes (a permalink clicked, the back button), until dropped.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        if let Some(fragment) = fragment() {
            on_change(fragment);
        }
    }))
}

/// Watches whether an element is within a screen or so of the viewport.
pub struct NearViewport {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearViewport {
    /// Calls `on_near` when `element` comes within 800 px of the viewport
    /// (at once if it already is).
    pub fn watch(element: &Element, on_near: impl Fn() + 'static) -> Option<NearViewport> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if near {
                on_near();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("800px");
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(element);
        Some(NearViewport {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Once the views have rendered, scrolls the element with this id (inside
/// `root`; ids from `LiveThread::dom_id` hold no quote or backslash) into view and moves keyboard focus to it, or to the element the
/// selector `then_focus` finds inside it.
pub fn bring_into_view(root: Option<Element>, dom_id: String, then_focus: &'static str) {
    let Some(root) = root else { return };
    spawn_local(async move {
        // The views render in the scheduler's next turns: a new comment may
        // take a few frames to appear.
        let mut found = None;
        for wait in [0, 16, 16, 32, 64, 128] {
            sleep(Duration::from_millis(wait)).await;
            found = root
                .query_selector(&format!("[id=\"{dom_id}\"]"))
                .ok()
                .flatten();
            if found.is_some() {
                break;
            }
        }
        let Some(element) = found else {
            return;
        };
        element.scroll_into_view();
        let target = element
            .query_selector(then_focus)
            .ok()
            .flatten()
            .unwrap_or(element);
        if let Ok(target) = target.dyn_into::<HtmlElement>() {
            if !target.has_attribute("tabindex") && target.tag_name() != "BUTTON" {
                let _ = target.set_attribute("tabindex", "-1");
            }
            let _ = target.focus();
        }
    });
}

/// Milliseconds on the page's clock, finer than a millisecond: for
/// timing parts of long work (see `core::pace`).
pub fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

/// Resolves once the renders asked for so far are done: Yew renders in
/// the microtask it queued, which runs before this one's.
pub async fn after_render() {
    let _ =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}

/// Resolves in the first task after the browser's next frame, so the
/// reader sees what was drawn before it: a page busy with many short tasks
/// may otherwise run several before it paints. A hidden page has no
/// frames, so there it is the next task.
pub async fn after_next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return drop(resolve.call0(&JsValue::UNDEFINED));
        };
        let hidden = window.document().is_none_or(|document| document.hidden());
        if hidden || window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    next_task().await;
}

/// Resolves in a later browser task, so work after it does not lengthen
/// the task that awaited it. A message to itself, not a zero timeout: the
/// browser holds back a timeout set from a timeout five deep by 4 ms, and
/// the first render takes a dozen such steps.
pub async fn next_task() {
    let message = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            return drop(resolve.call0(&JsValue::UNDEFINED));
        };
        let (port, sender) = (channel.port1(), channel.port2());
        // The handler holds the channel, so it lives until the message comes.
        let done = resolve.clone();
        let on_message = Closure::once_into_js(move || {
            drop(channel);
            let _ = done.call0(&JsValue::UNDEFINED);
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
        if sender.post_message(&JsValue::UNDEFINED).is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(message).await;
}
