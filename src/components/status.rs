//! The thread's polite status region: what it tells screen readers once
//! ("Your comment was posted."), without moving focus.

use super::topic::use_topic;
use crate::live_thread::{LiveThread, Topic};
use yew::prelude::*;

/// Props of [`Status`].
#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// The loaded thread.
    pub thread: LiveThread,
}

/// A visually hidden `role="status"`; only it re-renders when the thread
/// says something.
#[function_component]
pub fn Status(props: &StatusProps) -> Html {
    use_topic(&props.thread, Topic::Status);
    html! {
        <p class="tl-sr" role="status">{ props.thread.status() }</p>
    }
}
