//! The comment section: its heading and the top-level comments.

use super::comment::child;
use super::composer::Composer;
use crate::core::text::count;
use crate::live_thread::LiveThread;
use yew::prelude::*;

/// Props of [`ThreadView`].
#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    /// The loaded thread.
    pub thread: LiveThread,
    /// How many comments of the response could not be read.
    #[prop_or_default]
    pub skipped: usize,
}

/// The thread's heading with its comment count, then every top-level comment;
/// it re-renders only when the top-level list itself changes.
#[function_component]
pub fn ThreadView(props: &ThreadProps) -> Html {
    let thread = &props.thread;
    let update = use_force_update();
    use_effect_with(thread.clone(), move |thread| {
        let subscription = thread.subscribe(None, Callback::from(move |()| update.force_update()));
        move || drop(subscription)
    });
    let store = thread.store();
    let heading_id = thread.dom_id("heading", "comments");
    html! {
        <section class="tl-thread" aria-labelledby={heading_id.clone()}>
            <h2 class="tl-count" id={heading_id}>{ count(store.len() as i64, "comment", "comments") }</h2>
            if props.skipped > 0 {
                <p class="tl-skipped" role="note">
                    { format!("{} could not be shown.", count(props.skipped as i64, "comment", "comments")) }
                </p>
            }
            <Composer thread={thread.clone()} />
            if store.is_empty() {
                <p class="tl-status">{ "No comments yet." }</p>
            } else {
                <ul class="tl-list">
                    { for store.roots().iter().map(|id| child(thread, id)) }
                </ul>
            }
        </section>
    }
}
