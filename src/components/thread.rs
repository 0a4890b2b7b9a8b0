//! The comment section: its heading and the top-level comments.

use super::comment::CommentNode;
use crate::core::text::count;
use crate::live_thread::LiveThread;
use yew::prelude::*;

/// Props of [`ThreadView`].
#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    /// The loaded thread.
    pub thread: LiveThread,
}

/// The thread's heading with its comment count, then every top-level comment.
#[function_component]
pub fn ThreadView(props: &ThreadProps) -> Html {
    let thread = &props.thread;
    let store = thread.store();
    let heading_id = thread.dom_id("heading", "comments");
    html! {
        <section class="tl-thread" aria-labelledby={heading_id.clone()}>
            <h2 class="tl-count" id={heading_id}>{ count(store.len() as i64, "comment", "comments") }</h2>
            if store.is_empty() {
                <p class="tl-status">{ "No comments yet." }</p>
            } else {
                <ul class="tl-list">
                    { for store.roots().iter().filter_map(|id| thread.comment(id).map(|comment| html! {
                        <CommentNode key={&**id} thread={thread.clone()} id={id.clone()} {comment} />
                    })) }
                </ul>
            }
        </section>
    }
}
