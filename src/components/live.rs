//! The banner over comments that arrived while the reader was reading:
//! "3 new comments: show". Nothing moves until the reader asks.

use super::topic::use_topic;
use crate::live_thread::{LiveThread, Topic};
use crate::services::page::bring_into_view;
use yew::prelude::*;

/// Props of [`LiveBanner`].
#[derive(Properties, PartialEq)]
pub struct LiveProps {
    /// The thread.
    pub thread: LiveThread,
}

/// A polite live region that holds a button while comments wait; pressing
/// it puts them in place (marked new) and takes the reader to the first.
#[function_component]
pub fn LiveBanner(props: &LiveProps) -> Html {
    let thread = &props.thread;
    use_topic(thread, Topic::Live);
    let held = thread.held_count();
    let show = {
        let thread = thread.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(first) = thread.show_held() {
                if let Some(dom_id) = thread.reveal(&first) {
                    bring_into_view(thread.settings().events.clone(), dom_id, ":scope > article");
                }
            }
        })
    };
    let locale = thread.locale();
    html! {
        <div class="tl-live" role="status">
            if held > 0 {
                <button type="button" class="tl-show-live" onclick={show}>
                    { locale.count(&locale.words().live_banner, held as i64) }
                </button>
            }
        </div>
    }
}
