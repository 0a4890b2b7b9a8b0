//! What a reader can do about a comment beyond replying: the "More" menu
//! (Report, with a reason; Mute or Unmute its author) and the one-line
//! stand-in of a comment hidden for its author or its score.

use super::text::aria;
use crate::core::model::CommentId;
use crate::core::moderation::{Hidden, Reason};
use crate::core::words::{fill, Words};
use crate::effects;
use crate::live_thread::LiveThread;
use crate::services::page::bring_into_view;
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Props of [`HiddenCard`].
#[derive(Properties, PartialEq)]
pub struct HiddenProps {
    /// The thread.
    pub thread: LiveThread,
    /// The hidden comment.
    pub id: CommentId,
    /// Why it is hidden.
    pub hidden: Hidden,
}

/// "You muted Ann. [Show]" or "Hidden for a low score: -5 points. [Show]";
/// Show opens this comment, on this page.
#[function_component]
pub fn HiddenCard(props: &HiddenProps) -> Html {
    let thread = &props.thread;
    let locale = thread.locale();
    let words = locale.words();
    let note = match &props.hidden {
        Hidden::Muted(name) => fill(words.muted_note, "{name}", name),
        Hidden::LowScore(score) => fill(
            words.low_score_note,
            "{points}",
            &locale.count(&words.points, *score),
        ),
        Hidden::Flagged => words.flagged_note.to_owned(),
    };
    let show = {
        let (thread, id) = (thread.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            thread.unmask(&id);
            bring_into_view(
                thread.settings().events.clone(),
                thread.dom_id("c", &id),
                ":scope > article",
            );
        })
    };
    html! {
        <article class="tl-card tl-hidden" aria-label={note.clone()} tabindex="-1">
            <p class="tl-hidden-note">
                <span dir="auto">{ note }</span>
                <button type="button" class="tl-unmask" onclick={show}>{ words.show }</button>
            </p>
        </article>
    }
}

/// What the menu shows now.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Closed,
    Open,
    Reporting,
    Sending,
}

/// A comment's "More" menu: what it shows, how the last report went, and
/// its reason picker. Kept by the comment, not by a component of its own:
/// every comment has a closed menu, and a component cost each one about
/// 70 allocations and 1.4 KB of memory.
#[derive(Clone)]
pub struct MoreMenu {
    step: UseStateHandle<Step>,
    outcome: UseStateHandle<Option<Result<(), String>>>,
    reason: NodeRef,
}

impl MoreMenu {
    /// Opens the menu, or closes it from any step: what "More" does when
    /// pressed (through the comment's footer, which listens for all its
    /// buttons).
    pub fn toggle(&self) {
        self.step.set(if *self.step == Step::Closed {
            Step::Open
        } else {
            Step::Closed
        })
    }
}

/// The state of a comment's "More" menu, closed at first.
#[hook]
pub fn use_more_menu() -> MoreMenu {
    MoreMenu {
        step: use_state(|| Step::Closed),
        outcome: use_state(|| None),
        reason: use_node_ref(),
    }
}

/// "More": Report (when the site takes reports) and Mute/Unmute the
/// author (`None` for anonymous comments, who cannot be muted). The
/// "More" button itself is pressed through its footer's listener
/// ([`MoreMenu::toggle`]).
pub fn more_menu(
    thread: &LiveThread,
    id: &CommentId,
    author: Option<&str>,
    menu: &MoreMenu,
) -> Html {
    let MoreMenu {
        step,
        outcome,
        reason,
    } = menu.clone();
    let words = thread.words();
    let can_report = thread.settings().report_endpoint.is_some();
    if !can_report && author.is_none() {
        return html! {};
    }
    let menu_id = thread.dom_id("menu", id);
    // What only an open menu needs is made when it opens: every comment
    // has a closed one.
    let panel = match *step {
        Step::Closed => Html::default(),
        Step::Open => {
            let start_report = {
                let (step, outcome) = (step.clone(), outcome.clone());
                Callback::from(move |_: MouseEvent| {
                    outcome.set(None);
                    step.set(Step::Reporting);
                })
            };
            html! {
                <span class="tl-menu" id={menu_id.clone()}>
                    if can_report {
                        <button type="button" class="tl-report" onclick={start_report}>{ words.report }</button>
                    }
                    { mute_button(thread, id, author, step.clone()) }
                </span>
            }
        }
        Step::Reporting | Step::Sending => {
            let cancel = {
                let step = step.clone();
                Callback::from(move |_: MouseEvent| step.set(Step::Closed))
            };
            let send = {
                let (thread, id, step, outcome, reason) = (
                    thread.clone(),
                    id.clone(),
                    step.clone(),
                    outcome.clone(),
                    reason.clone(),
                );
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let chosen = reason
                        .cast::<HtmlSelectElement>()
                        .and_then(|select| Reason::parse(&select.value()))
                        .unwrap_or(Reason::Other);
                    step.set(Step::Sending);
                    let (thread, id, step, outcome) =
                        (thread.clone(), id.clone(), step.clone(), outcome.clone());
                    spawn_local(async move {
                        let result = effects::send_report(&thread, &id, chosen).await;
                        step.set(if result.is_ok() {
                            Step::Closed
                        } else {
                            Step::Reporting
                        });
                        outcome.set(Some(result));
                    });
                })
            };
            html! {
                <form class="tl-report-form" id={menu_id.clone()} onsubmit={send}>
                    { report_fields(words, &thread.dom_id("reason", id), reason) }
                    <button type="submit" disabled={*step == Step::Sending}>{ words.send_report }</button>
                    <button type="button" onclick={cancel}>{ words.cancel }</button>
                </form>
            }
        }
    };
    html! {
        <>
            <button type="button" class="tl-more-actions" aria-expanded={aria(*step != Step::Closed)}
                aria-controls={menu_id}>{ words.more_actions }</button>
            { panel }
            if let Some(result) = &*outcome {
                <span class="tl-report-outcome" role="status">
                    { match result { Ok(()) => words.reported.to_owned(), Err(why) => why.clone() } }
                </span>
            }
        </>
    }
}

/// Mute (or Unmute) the comment's author, for an open menu; nothing for
/// anonymous comments.
fn mute_button(
    thread: &LiveThread,
    id: &CommentId,
    author: Option<&str>,
    step: UseStateHandle<Step>,
) -> Html {
    let Some(author) = author.map(str::to_owned) else {
        return Html::default();
    };
    let words = thread.words();
    let muted = thread.is_muted(&author);
    let label = fill(
        if muted { words.unmute } else { words.mute },
        "{name}",
        &author,
    );
    let onclick = {
        let (thread, id) = (thread.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Closed);
            thread.set_muted(&author, !muted);
            // The comment becomes one line: focus goes to its Show.
            bring_into_view(
                thread.settings().events.clone(),
                thread.dom_id("c", &id),
                ":scope > article .tl-unmask",
            );
        })
    };
    html! { <button type="button" class="tl-mute" {onclick}>{ label }</button> }
}

/// "Why are you reporting this comment?" and its reasons, in a real select.
fn report_fields(words: &Words, id: &str, reason: NodeRef) -> Html {
    let label = |choice: Reason| match choice {
        Reason::Spam => words.reason_spam,
        Reason::Abuse => words.reason_abuse,
        Reason::OffTopic => words.reason_off_topic,
        Reason::Other => words.reason_other,
    };
    html! {
        <>
            <label for={id.to_owned()}>{ words.report_why }</label>
            <select id={id.to_owned()} ref={reason}>
                { for Reason::ALL.into_iter().map(|choice| html! {
                    <option value={choice.name()}>{ label(choice) }</option>
                }) }
            </select>
        </>
    }
}
