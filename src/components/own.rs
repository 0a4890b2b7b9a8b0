//! The reader's own comment, once the server took it: Edit and Delete
//! (where the site takes them), and how an edit or deletion stands.

use crate::core::model::CommentId;
use crate::core::state::{Change, ThreadAction};
use crate::live_thread::LiveThread;
use yew::prelude::*;

/// Props of [`OwnControls`].
#[derive(Properties, PartialEq)]
pub struct OwnProps {
    /// The thread.
    pub thread: LiveThread,
    /// The reader's comment.
    pub id: CommentId,
    /// Opens the edit box under the comment.
    pub on_edit: Callback<()>,
}

/// "Edit" and "Delete" (asking first), or "Saving…", or why an edit or
/// deletion failed with the way to try again.
#[function_component]
pub fn OwnControls(props: &OwnProps) -> Html {
    let OwnProps {
        thread,
        id,
        on_edit,
    } = props;
    let confirming = use_state(|| false);
    let words = thread.words();
    let settings = thread.settings();
    let dispatch = |action: ThreadAction| {
        let thread = thread.clone();
        Callback::from(move |_: MouseEvent| thread.dispatch(action.clone()))
    };
    let edit = on_edit.reform(|_: MouseEvent| ());
    let edit_button = settings
        .edit_endpoint
        .is_some()
        .then(|| html! { <button type="button" class="tl-edit-own" onclick={edit.clone()}>{ words.edit }</button> });
    match thread.change(id) {
        Some(Change::Saving) => html! { <span class="tl-sending">{ words.saving }</span> },
        Some(Change::Deleting) => html! { <span class="tl-sending">{ words.deleting }</span> },
        Some(Change::EditFailed(reason)) => html! {
            <>
                <span class="tl-problem" role="alert">{ reason }</span>
                <button type="button" class="tl-retry-edit" onclick={dispatch(ThreadAction::SaveEdit(id.clone()))}>{ words.retry }</button>
                { edit_button }
            </>
        },
        Some(Change::DeleteFailed(reason)) if !*confirming => html! {
            <>
                <span class="tl-problem" role="alert">{ reason }</span>
                { own_buttons(props, &confirming, edit_button) }
            </>
        },
        _ if *confirming => {
            let cancel = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(false))
            };
            let delete = {
                let (thread, id, confirming) = (thread.clone(), id.clone(), confirming.clone());
                Callback::from(move |_: MouseEvent| {
                    confirming.set(false);
                    thread.dispatch(ThreadAction::Delete(id.clone()));
                })
            };
            html! {
                <span class="tl-confirm" role="group" aria-label={words.delete_confirm}>
                    <span>{ words.delete_confirm }</span>
                    <button type="button" class="tl-delete-yes" onclick={delete}>{ words.delete }</button>
                    <button type="button" class="tl-delete-no" onclick={cancel}>{ words.cancel }</button>
                </span>
            }
        }
        _ => own_buttons(props, &confirming, edit_button),
    }
}

/// Edit and Delete.
fn own_buttons(props: &OwnProps, confirming: &UseStateHandle<bool>, edit: Option<Html>) -> Html {
    let words = props.thread.words();
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    html! {
        <>
            { edit }
            if props.thread.settings().delete_endpoint.is_some() {
                <button type="button" class="tl-delete-own" onclick={ask}>{ words.delete }</button>
            }
        </>
    }
}
