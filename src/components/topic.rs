//! The one way a view listens to its part of a thread.

use crate::live_thread::{LiveThread, Topic};
use yew::prelude::*;

/// Re-renders the calling view whenever `topic` changes. The subscription
/// starts in an effect, after the view is on the page; Yew may let the
/// browser run events between the two (it yields every 16 ms), so a change
/// made in that gap is caught up on at once instead of being missed.
#[hook]
pub fn use_topic(thread: &LiveThread, topic: Topic) {
    let update = use_force_update();
    let rendered = thread.version(&topic);
    use_effect_with((thread.clone(), topic), move |(thread, topic)| {
        let on_change = update.clone();
        let subscription = thread.subscribe(
            topic.clone(),
            Callback::from(move |()| on_change.force_update()),
        );
        if thread.version(topic) != rendered {
            update.force_update();
        }
        move || drop(subscription)
    });
}
