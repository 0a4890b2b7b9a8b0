//! Following a thread while the reader reads: polling `data-src` every
//! `data-live` seconds (conditional requests, backing off on errors, and
//! not at all while the tab is hidden), and a Server-Sent Events stream at
//! `data-live-url` whose events are comments. What arrives goes to
//! [`LiveThread::take_live`]; both stop once the widget is gone.

use crate::core::live::{Backoff, Validators};
use crate::core::load::read_response_bytes;
use crate::core::mapping::Source;
use crate::core::posts::read_posted;
use crate::live_thread::{LiveThread, WeakThread};
use crate::services::http::{self, Fresh};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};
use yew::platform::{spawn_local, time::sleep};

/// Asks `url` for a newer copy of the thread every `seconds`.
pub fn poll(thread: &LiveThread, url: String, seconds: u32, source: Source) {
    let weak = thread.downgrade();
    spawn_local(async move {
        let mut backoff = Backoff::every(seconds);
        let mut validators = Validators::default();
        loop {
            sleep(Duration::from_millis(backoff.delay_ms().into())).await;
            // While the tab is hidden, no requests: look again each second.
            while page_hidden() {
                sleep(Duration::from_secs(1)).await;
            }
            let Some(thread) = weak.upgrade() else {
                return;
            };
            let fresh = http::fetch_fresh(&url, &validators)
                .await
                .and_then(|fresh| match fresh {
                    Fresh::Unchanged => Ok(None),
                    Fresh::Changed(body, next) => {
                        validators = next;
                        read_response_bytes(body, &source).map(Some)
                    }
                });
            match fresh {
                Ok(document) => {
                    backoff.succeeded();
                    if let Some(document) = document {
                        thread.take_live(&document.comments);
                    }
                }
                Err(error) => {
                    backoff.failed();
                    web_sys::console::warn_1(
                        &format!(
                            "Threadline could not check {url} for new comments: {}; next try in {} s",
                            error.detail(),
                            backoff.delay_ms() / 1000
                        )
                        .into(),
                    );
                }
            }
        }
    });
}

/// Takes comments from a Server-Sent Events stream: each event's data is
/// one comment, read with the thread's mapping (as a post's answer is).
pub fn stream(thread: &LiveThread, url: &str, source: Source) {
    let Ok(events) = EventSource::new(url) else {
        web_sys::console::warn_1(&format!("Threadline cannot open the stream {url}").into());
        return;
    };
    let weak: WeakThread = thread.downgrade();
    let closer = events.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(thread) = weak.upgrade() else {
            closer.close();
            return;
        };
        let data = event.data().as_string().unwrap_or_default();
        match read_posted(&data, &source) {
            Some(comment) => thread.take_live(&[comment]),
            None => web_sys::console::warn_1(
                &format!("Threadline skipped a stream event that is not a comment: {data:.200}")
                    .into(),
            ),
        }
    });
    events.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The stream lives as long as the page or the widget: the handler
    // closes it once the widget is gone.
    on_message.forget();
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}
