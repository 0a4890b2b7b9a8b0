//! The thread's heading: "13 comments · 4 new", kept right as comments
//! arrive at any depth, without re-rendering the thread around it.

use super::topic::use_topic;
use crate::live_thread::{LiveThread, Topic};
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
    let total = props.thread.store().len() as i64;
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
