//! The thread's heading: "13 comments", kept right as comments arrive at
//! any depth, without re-rendering the thread around it.

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
    html! {
        <h2 class="tl-count" id={props.id.clone()}>{ locale.count(&locale.words().comments, total) }</h2>
    }
}
