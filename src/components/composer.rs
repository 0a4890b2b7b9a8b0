//! Writing a comment: a text area whose draft is saved as the reader types,
//! an optional name, a length counter and a preview of the formatted text.
//! A reply box takes focus when it opens; Escape or Cancel closes it, and
//! Ctrl+Enter (Cmd+Enter) sends. After sending, focus goes to the comment.

use super::rich::render;
use super::text::aria;
use super::topic::use_topic;
use crate::core::model::CommentId;
use crate::core::rich::{to_nodes, RichOptions};
use crate::core::state::{check_draft, edit_key, DraftProblem, ThreadAction};
use crate::format::Locale;
use crate::live_thread::{LiveThread, Topic};
use crate::services::page::bring_into_view;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// The thread.
    pub thread: LiveThread,
    /// The comment replied to; `None` for a new top-level comment.
    #[prop_or_default]
    pub parent: Option<CommentId>,
    /// Called after a comment is sent, to close a reply box.
    #[prop_or_default]
    pub on_sent: Callback<()>,
    /// For a reply box: closes it (Escape, Cancel), giving focus back.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// The reader's own comment this box edits, if it edits one.
    #[prop_or_default]
    pub editing: Option<CommentId>,
}

/// A comment form. Only this form re-renders as the reader types.
#[function_component]
pub fn Composer(props: &ComposerProps) -> Html {
    let ComposerProps {
        thread,
        on_sent,
        on_cancel,
        editing,
        ..
    } = props;
    // An edit's draft has a key of its own; a reply's is its parent's id.
    let parent = &match editing {
        Some(id) => Some(CommentId::from(edit_key(id))),
        None => props.parent.clone(),
    };
    // The draft lives in the thread's state, so text put back there (Edit
    // on a failed comment, another tab) shows here at once.
    let key = parent.as_deref().unwrap_or("").to_owned();
    use_topic(thread, Topic::Draft(key));
    let text = thread.draft(parent.as_deref());
    let name = use_state(|| thread.remembered_name());
    let problem = use_state(|| None::<DraftProblem>);
    let locale = thread.locale();
    let words = locale.words();
    let settings = thread.settings();
    let max = settings.max_length;
    let field_id = thread.dom_id("composer", parent.as_deref().unwrap_or(""));
    let area = use_node_ref();
    // The top-level composer stays one line until the reader goes to it
    // (or has a draft): it does not push the thread down a phone screen.
    let open = use_state(|| parent.is_some() || !text.is_empty());
    let on_focus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    {
        // A reply box opens for typing.
        let (area, reply) = (area.clone(), parent.is_some());
        use_effect_with((), move |()| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>().filter(|_| reply) {
                let _ = area.focus();
            }
        });
    }

    let on_input = {
        let (problem, thread, parent) = (problem.clone(), thread.clone(), parent.clone());
        Callback::from(move |event: InputEvent| {
            let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            problem.set(None);
            thread.dispatch(ThreadAction::EditDraft {
                parent: parent.clone(),
                text: area.value(),
            });
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                name.set(input.value());
            }
        })
    };
    let send = {
        let (name, problem) = (name.clone(), problem.clone());
        let (thread, parent, on_sent) = (thread.clone(), parent.clone(), on_sent.clone());
        let editing = editing.clone();
        Callback::from(move |()| {
            // The draft as it is now (typed, or put back from another tab).
            let text = thread.draft(parent.as_deref());
            if let Err(found) = check_draft(&text, max) {
                problem.set(Some(found));
                return;
            }
            if let Some(id) = &editing {
                thread.dispatch(ThreadAction::SaveEdit(id.clone()));
                on_sent.emit(());
                return;
            }
            let given = name.trim().to_owned();
            thread.remember_name(&given);
            let posted = thread.apply(ThreadAction::Submit {
                parent: parent.clone(),
                name: (!given.is_empty()).then_some(given),
                now_ms: js_sys::Date::now(),
            });
            on_sent.emit(());
            if posted.is_some() && thread.settings().post_endpoint.is_none() {
                // Kept here at once; with a server, "posted" comes with its answer.
                thread.say(thread.words().kept_here);
            }
            if let Some(id) = posted {
                bring_into_view(
                    thread.settings().events.clone(),
                    thread.dom_id("c", &id),
                    ":scope > article",
                );
            }
        })
    };
    let on_submit = {
        let send = send.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            send.emit(());
        })
    };
    let on_key = {
        let on_cancel = on_cancel.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => {
                if let Some(cancel) = &on_cancel {
                    event.prevent_default();
                    cancel.emit(());
                }
            }
            "Enter" if event.ctrl_key() || event.meta_key() => {
                event.prevent_default();
                send.emit(());
            }
            _ => {}
        })
    };

    let length = text.trim().chars().count();
    // As the server will show it: plain text, or markdown as Isso renders it.
    let preview = to_nodes(&text, settings.input_format, RichOptions::default());
    let label = match (editing, parent) {
        (Some(_), _) => words.your_edit,
        (None, Some(_)) => words.your_reply,
        (None, None) => words.your_comment,
    };
    let closed = !*open && text.is_empty();
    html! {
        <form class={classes!("tl-composer", closed.then_some("tl-closed"))} onsubmit={on_submit} novalidate=true>
            <label for={field_id.clone()}>{ label }</label>
            <textarea id={field_id.clone()} ref={area} rows={if closed { "1" } else { "4" }} value={text.clone()}
                placeholder={closed.then_some(words.add_comment)} oninput={on_input} onkeydown={on_key} onfocus={on_focus}
                aria-invalid={aria(problem.is_some())} aria-describedby={(!closed).then(|| format!("{field_id}-count"))} />
            if !closed {
                <p class="tl-counter" id={format!("{field_id}-count")}>
                    { format!("{length} / {max}") }
                </p>
                // Spoken only near the limit, not at every keystroke.
                <p class="tl-sr" role="status">
                    if length + max / 10 >= max {
                        { near_limit(&locale, length, max) }
                    }
                </p>
                if settings.name_field && editing.is_none() {
                    <label for={format!("{field_id}-name")}>{ words.name_optional }</label>
                    <input id={format!("{field_id}-name")} type="text" autocomplete="nickname" value={(*name).clone()} oninput={on_name} />
                }
                if let Some(found) = *problem {
                    <p class="tl-problem" role="alert">
                        {
                            match found {
                                DraftProblem::Empty => words.write_something.to_owned(),
                                DraftProblem::TooLong(over) => locale.count(&words.too_long, over as i64),
                            }
                        }
                    </p>
                }
                if !preview.is_empty() {
                    <div class="tl-preview" aria-label={words.preview} dir="auto">{ render(&preview, None) }</div>
                }
                <button type="submit" class="tl-send">
                    { match (editing, parent) { (Some(_), _) => words.save_edit, (None, Some(_)) => words.send_reply, (None, None) => words.post_comment } }
                </button>
                if let Some(cancel) = on_cancel {
                    <button type="button" class="tl-cancel" onclick={cancel.reform(|_: MouseEvent| ())}>{ words.cancel }</button>
                }
            }
        </form>
    }
}

/// What a screen reader hears near the length limit.
fn near_limit(locale: &Locale, length: usize, max: usize) -> String {
    let words = locale.words();
    if length > max {
        locale.count(&words.characters_over, (length - max) as i64)
    } else {
        locale.count(&words.characters_left, (max - length) as i64)
    }
}
