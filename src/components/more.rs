//! A row for replies the response left out: a button that fetches them when
//! the site configured how, plain text otherwise.

use super::text::aria;
use crate::core::model::CommentId;
use crate::effects;
use crate::live_thread::LiveThread;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Props of [`MoreRow`].
#[derive(Properties, PartialEq)]
pub struct MoreRowProps {
    /// The thread.
    pub thread: LiveThread,
    /// The placeholder's id.
    pub id: CommentId,
    /// How many replies it stands for.
    pub hidden: u64,
    /// In the thread's feed (top level): its position and the feed's size.
    #[prop_or_default]
    pub place: Option<(usize, usize)>,
}

/// "12 more replies", which loads them in place when it can.
#[function_component]
pub fn MoreRow(props: &MoreRowProps) -> Html {
    let loading = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let locale = props.thread.locale();
    let words = locale.words();
    let label = match props.hidden {
        0 => words.continue_here.to_owned(),
        hidden => locale.count(&words.more_replies, hidden as i64),
    };
    let onclick = {
        let (thread, id) = (props.thread.clone(), props.id.clone());
        let (loading, failure) = (loading.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let (thread, id) = (thread.clone(), id.clone());
            let (loading, failure) = (loading.clone(), failure.clone());
            loading.set(true);
            failure.set(None);
            spawn_local(async move {
                if let Err(error) = effects::load_more(&thread, &id).await {
                    web_sys::console::warn_1(
                        &format!("Threadline could not load more replies: {}", error.detail())
                            .into(),
                    );
                    failure.set(Some(error.message(thread.words()).to_owned()));
                }
                loading.set(false);
            });
        })
    };
    html! {
        <li class="tl-more" role={props.place.map(|_| "article")}
            aria-posinset={props.place.map(|(position, _)| position.to_string())}
            aria-setsize={props.place.map(|(_, size)| size.to_string())}
            aria-label={props.place.map(|_| label.clone())}>
            if props.thread.can_load_more() {
                <button type="button" class="tl-load-more" {onclick} disabled={*loading} aria-busy={aria(*loading)}>
                    { if *loading { words.loading.to_owned() } else { label } }
                </button>
                if let Some(message) = &*failure {
                    <span class="tl-more-error" role="alert">{ message }</span>
                }
            } else {
                { label }
            }
        </li>
    }
}
