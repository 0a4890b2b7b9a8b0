//! The thread's heading, "13 comments · 4 new", and "Next new comment":
//! kept right as comments arrive at any depth, without re-rendering the
//! thread around them.

use super::topic::use_topic;
use crate::live_thread::{LiveThread, Topic};
use crate::services::page::bring_into_view;
use yew::prelude::*;

/// Props of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// The loaded thread.
    pub thread: LiveThread,
    /// The heading's element id, which labels the comment section.
    pub id: AttrValue,
}

/// The comment count as the section's heading; it alone re-renders when a
/// reply lands deep in the thread.
#[function_component]
pub fn Heading(props: &HeadingProps) -> Html {
    use_topic(&props.thread, Topic::Count);
    let total = props.thread.total() as i64;
    let locale = props.thread.locale();
    let new = props.thread.new_count() as i64;
    html! {
        <h2 class="tl-count" id={props.id.clone()}>
            { locale.count(&locale.words().comments, total) }
            if new > 0 {
                { " " }
                <span class="tl-new-count"><span aria-hidden="true">{ "· " }</span>{ locale.count(&locale.words().new_comments, new) }</span>
            }
        </h2>
    }
}

/// Props of [`NextNew`].
#[derive(Properties, PartialEq)]
pub struct NextNewProps {
    /// The loaded thread.
    pub thread: LiveThread,
}

/// "Next new comment" (also the `n` key), while the thread has new ones.
#[function_component]
pub fn NextNew(props: &NextNewProps) -> Html {
    use_topic(&props.thread, Topic::Count);
    if props.thread.new_count() == 0 {
        return html! {};
    }
    let onclick = {
        let thread = props.thread.clone();
        Callback::from(move |_: MouseEvent| go_to_next_new(&thread))
    };
    html! {
        <button type="button" class="tl-next-new" aria-keyshortcuts="n" {onclick}>
            { props.thread.words().next_new }
        </button>
    }
}

/// Opens the way to the next new comment and moves focus there.
pub fn go_to_next_new(thread: &LiveThread) {
    if let Some(dom_id) = thread.next_new() {
        bring_into_view(thread.settings().events.clone(), dom_id, ":scope > article");
    }
}
