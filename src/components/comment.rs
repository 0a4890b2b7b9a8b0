//! One comment and, while expanded, its replies: a recursive node keyed by
//! id that re-renders only when its own comment changes.

use super::composer::Composer;
use super::moderation::{more_menu, use_more_menu, HiddenCard};
use super::more::MoreRow;
use super::own::OwnControls;
use super::rich::render;
use super::text::{aria, relative_time};
use super::topic::use_topic;
use crate::core::config::VoteButtons;
use crate::core::identicon::Identicon;
use crate::core::model::{Comment, CommentId};
use crate::core::rich::{is_blank, to_nodes};
use crate::core::state::{edit_key, Direction, PostStatus, ThreadAction};
use crate::core::url::{safe_image_url, safe_url};
use crate::core::words::{fill, Words};
use crate::live_thread::{LiveThread, Topic};
use crate::services::page::bring_into_view;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static RENDERS: Cell<usize> = const { Cell::new(0) };
}

/// How many times any comment node has rendered in this page; tests and
/// benchmarks read it to prove that an action re-renders only what changed.
pub fn comment_renders() -> usize {
    RENDERS.with(Cell::get)
}

/// Props of [`CommentNode`].
#[derive(Properties, PartialEq)]
pub struct CommentNodeProps {
    /// The thread the comment belongs to.
    pub thread: LiveThread,
    /// The comment's id.
    pub id: CommentId,
    /// The comment itself.
    pub comment: Rc<Comment>,
    /// How deep it is in the view (top level: 0).
    pub depth: usize,
    /// In the thread's feed (top level): its position and the feed's size.
    #[prop_or_default]
    pub place: Option<(usize, usize)>,
}

/// The list item for one child of a thread or a comment, `depth` levels
/// deep: a comment node, or a row for replies the response left out. Items
/// of the thread's feed have a `place` (position, size).
pub fn child(
    thread: &LiveThread,
    id: &CommentId,
    depth: usize,
    place: Option<(usize, usize)>,
) -> Html {
    let Some(comment) = thread.comment(id) else {
        return html! {};
    };
    match comment.more {
        Some(hidden) => html! {
            <MoreRow key={&**id} thread={thread.clone()} id={id.clone()} {hidden} {place} />
        },
        None => html! {
            <CommentNode key={&**id} thread={thread.clone()} id={id.clone()} {comment} {depth} {place} />
        },
    }
}

/// A comment with its header, text, fold button and (while unfolded) the
/// first page of its replies; at the view's depth limit, a link to continue
/// the thread on its own instead.
#[function_component]
pub fn CommentNode(props: &CommentNodeProps) -> Html {
    RENDERS.with(|renders| renders.set(renders.get() + 1));
    let CommentNodeProps {
        thread,
        id,
        comment,
        depth,
        place,
    } = props;

    use_topic(thread, Topic::View(Some(id.clone())));
    // Read again at each render (a comment re-renders only when it
    // changes, and reading a body takes microseconds) rather than kept:
    // the rendered elements already hold the text once.
    let nodes = to_nodes(&comment.body, comment.format, thread.settings().rich);

    let replying = use_state(|| false);
    let editing = use_state(|| false);
    let reply_button = use_node_ref();
    let menu = use_more_menu();
    // One listener for the footer's buttons (vote, reply, fold, More),
    // told apart by their class: a listener costs Yew about 250 bytes of
    // registry per element, and every drawn comment has four or five.
    let on_actions = {
        let (thread, id, replying, menu) =
            (thread.clone(), id.clone(), replying.clone(), menu.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(button) = pressed(&event) else {
                return;
            };
            match button.class_name().as_str() {
                "tl-up" => thread.dispatch(ThreadAction::Vote(id.clone(), Direction::Up)),
                "tl-down" => thread.dispatch(ThreadAction::Vote(id.clone(), Direction::Down)),
                "tl-reply" => replying.set(!*replying),
                "tl-toggle" => thread.dispatch(ThreadAction::ToggleCollapsed(id.clone())),
                "tl-more-actions" => menu.toggle(),
                // Buttons with listeners of their own (own comments' Edit
                // and Delete, the open menu's actions).
                _ => {}
            }
        })
    };
    // Handlers only some comments show (a failed post, own comments, more
    // replies, a thread cut at its depth, an open box) are made where they
    // are shown: every comment would otherwise pay for them.
    let on_thread = |action: fn(&LiveThread, &CommentId)| {
        let (thread, id) = (thread.clone(), id.clone());
        Callback::from(move |_: MouseEvent| action(&thread, &id))
    };
    let settings = thread.settings();
    let status = thread.post_status(id);
    let kept_here = thread.is_kept_here(id);
    let voting = settings.vote_buttons != VoteButtons::Off
        && !comment.deleted
        && status.is_none()
        && !kept_here;
    let replies = thread.store().children(id);
    let collapsed = thread.is_collapsed(id);
    let replies_id = thread.dom_id("replies", id);
    let limit = settings.max_depth;
    let continues = limit > 0 && *depth >= limit;
    let shown = thread.shown(&Some(id.clone()));
    // While the first page is drawn a part at a time, its replies so far.
    let drawn = replies
        .iter()
        .take(shown)
        .take_while(|reply| thread.is_drawn(reply))
        .count();
    let locale = thread.locale();
    let words = locale.words();
    // Strings used twice are made once and shared (a clone is a count).
    let label = match (comment.deleted, comment.author.as_deref()) {
        (true, _) => AttrValue::Static(words.deleted_comment),
        (false, Some(name)) => fill(words.comment_by, "{name}", name).into(),
        (false, None) => AttrValue::Static(words.comment_by_anonymous),
    };
    let dom_id = AttrValue::from(thread.dom_id("c", id));
    let descendants = thread.store().descendant_count(id) as i64;
    html! {
        // An item of the thread's feed (top level) is an article, placed.
        <li class="tl-comment" id={dom_id.clone()} role={place.map(|_| "article")}
            aria-posinset={place.map(|(position, _)| position.to_string())}
            aria-setsize={place.map(|(_, size)| size.to_string())}
            aria-label={place.map(|_| label.clone())}>
            if let Some(hidden) = thread.hidden(id) {
                <HiddenCard thread={thread.clone()} id={id.clone()} {hidden} />
            } else {
            <article class="tl-card" aria-label={label.clone()}>
                <header class="tl-meta">
                    { byline(comment, words) }
                    if comment.edited && !comment.deleted {
                        <span class="tl-edited">{ words.edited }</span>
                    }
                    if thread.is_new(id) {
                        <span class="tl-new">{ words.new_badge }</span>
                    }
                    if let Some(ms) = comment.created_ms {
                        <a class="tl-permalink" href={format!("#{dom_id}")}>{ relative_time(&locale, ms) }</a>
                    }
                    if let (Some(score), false, VoteButtons::Off, false) = (comment.score, comment.deleted, settings.vote_buttons, settings.hide_scores) {
                        <span class="tl-score">{ locale.count(&words.points, score) }</span>
                    }
                    if thread.store().is_orphan(id) {
                        <span class="tl-orphan">{ words.orphan }</span>
                    }
                </header>
                if kept_here {
                    <p class="tl-kept-here">{ words.kept_here }</p>
                }
                // A comment's own direction: Hebrew in an English thread, English in an Arabic one.
                <div class="tl-body" dir="auto">
                    if comment.deleted {
                        <p class="tl-empty">{ words.deleted_body }</p>
                    } else if is_blank(&nodes) {
                        <p class="tl-empty">{ words.empty_body }</p>
                    } else {
                        { render(&nodes, thread.settings().link_target.as_ref()) }
                    }
                </div>
                if let Some(status) = status {
                    <footer class="tl-actions tl-post-status" role="status">
                        if let PostStatus::Sending = status {
                            <span class="tl-sending">{ words.sending }</span>
                        } else {
                            <span class="tl-problem">
                                {
                                    match &status {
                                        PostStatus::Failed(reason) | PostStatus::Refused(reason) => reason.as_str(),
                                        _ => words.not_confirmed,
                                    }
                                }
                            </span>
                            // Trying again cannot change a server's "no".
                            if !matches!(status, PostStatus::Refused(_)) {
                                <button type="button" class="tl-retry-post" onclick={on_thread(|thread, id| thread.dispatch(ThreadAction::Retry(id.clone())))}>{ words.retry }</button>
                            }
                            <button type="button" class="tl-edit-post" onclick={on_thread(|thread, id| thread.dispatch(ThreadAction::Edit(id.clone())))}>{ words.edit }</button>
                        }
                    </footer>
                } else if !comment.deleted || !replies.is_empty() {
                    <footer class="tl-actions" onclick={on_actions}>
                        if voting {
                            { vote_controls(thread, comment, &label) }
                        }
                        if !comment.deleted {
                            <button type="button" class="tl-reply" ref={reply_button.clone()} aria-expanded={aria(*replying)}>
                                { words.reply }
                            </button>
                        }
                        if thread.is_mine(id) && !comment.deleted {
                            <OwnControls thread={thread.clone()} id={id.clone()} on_edit={open_edit(thread, id, comment, &editing)} />
                        }
                        if !comment.deleted && !kept_here && !thread.is_mine(id) {
                            { more_menu(thread, id, comment.author.as_deref(), &menu) }
                        }
                        if !replies.is_empty() {
                            <button
                                type="button"
                                class="tl-toggle"
                                aria-expanded={aria(!collapsed)}
                                aria-controls={(!collapsed).then(|| replies_id.clone())}
                            >
                                if collapsed {
                                    { locale.count(&words.show_replies, descendants) }
                                } else {
                                    { locale.count(&words.hide_replies, descendants) }
                                }
                            </button>
                        }
                    </footer>
                }
            </article>
            }
            if *editing && !comment.deleted {
                <Composer thread={thread.clone()} editing={Some(id.clone())} on_sent={closer(&editing)} on_cancel={Some(closer(&editing))} />
            }
            if *replying {
                <Composer thread={thread.clone()} parent={Some(id.clone())} on_sent={closer(&replying)} on_cancel={Some(cancel_reply(&replying, &reply_button))} />
            }
            if !replies.is_empty() && !collapsed {
                if continues {
                    <p class="tl-continue" id={replies_id}>
                        <button type="button" class="tl-continue-thread" onclick={on_thread(continue_thread)}>
                            { locale.count(&words.continue_thread, descendants) }
                        </button>
                    </p>
                } else {
                    <ul class="tl-replies" id={replies_id} role="list">
                        {
                            // One fully keyed list: a mixed one re-renders every comment in it.
                            for replies.iter().take(drawn).map(|reply| child(thread, reply, depth + 1, None)).chain(
                                (replies.len() > shown && drawn == shown && thread.is_row_drawn(id)).then(|| html! {
                                    <li class="tl-next-page" key="tl-next-page">
                                        <button type="button" class="tl-more-replies" onclick={on_thread(show_more)}>
                                            { locale.count(&words.more_replies_left, (replies.len() - shown) as i64) }
                                        </button>
                                    </li>
                                })
                            )
                        }
                    </ul>
                }
            }
        </li>
    }
}

/// The button a click in a footer pressed, if it pressed one.
fn pressed(event: &MouseEvent) -> Option<web_sys::Element> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("button")
        .ok()?
}

/// Opens the box to edit one's own comment, with its text or the edit kept
/// from before.
fn open_edit(
    thread: &LiveThread,
    id: &CommentId,
    comment: &Rc<Comment>,
    editing: &UseStateHandle<bool>,
) -> Callback<()> {
    let (thread, id, comment, editing) =
        (thread.clone(), id.clone(), comment.clone(), editing.clone());
    Callback::from(move |()| {
        let key = edit_key(&id);
        if thread.draft(Some(&key)).is_empty() {
            thread.dispatch(ThreadAction::EditDraft {
                parent: Some(key.into()),
                text: comment.body.to_string(),
            });
        }
        editing.set(true);
    })
}

/// Closes a box (sent, or cancelled when editing).
fn closer(open: &UseStateHandle<bool>) -> Callback<()> {
    let open = open.clone();
    Callback::from(move |()| open.set(false))
}

/// Cancels a reply: the box closes and focus goes back to Reply.
fn cancel_reply(replying: &UseStateHandle<bool>, reply_button: &NodeRef) -> Callback<()> {
    let (replying, reply_button) = (replying.clone(), reply_button.clone());
    Callback::from(move |()| {
        replying.set(false);
        if let Some(button) = reply_button.cast::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    })
}

/// Shows the next replies; focus moves to the first one it shows.
fn show_more(thread: &LiveThread, id: &CommentId) {
    let first_new = thread
        .store()
        .children(id)
        .get(thread.shown(&Some(id.clone())))
        .cloned();
    thread.show_more(Some(id.clone()));
    if let Some(first_new) = first_new {
        bring_into_view(
            thread.settings().events.clone(),
            thread.dom_id("c", &first_new),
            ":scope > article",
        );
    }
}

/// Continues a thread cut at its depth, from this comment.
fn continue_thread(thread: &LiveThread, id: &CommentId) {
    thread.continue_thread(id);
    bring_into_view(
        thread.settings().events.clone(),
        thread.dom_id("c", id),
        ":scope > article",
    );
}

fn byline(comment: &Comment, words: &Words) -> Html {
    if comment.deleted {
        return html! { <span class="tl-author tl-anonymous">{ words.deleted_author }</span> };
    }
    let picture = comment.avatar.as_deref().and_then(safe_image_url).map(|src| {
        html! {
            <img class="tl-avatar" src={src.to_owned()} alt="" width="24" height="24" loading="lazy" referrerpolicy="no-referrer" />
        }
    });
    let avatar = picture.or_else(|| comment.avatar_hash.as_deref().map(identicon));
    let Some(name) = comment.author.as_deref() else {
        return html! { <span class="tl-author tl-anonymous">{ avatar }{ words.anonymous }</span> };
    };
    match comment.author_url.as_deref().and_then(safe_url) {
        Some(href) => html! {
            <a class="tl-author" dir="auto" href={href.to_owned()} rel="nofollow ugc noopener noreferrer">{ avatar }{ name }</a>
        },
        None => html! { <span class="tl-author" dir="auto">{ avatar }{ name }</span> },
    }
}

/// Up and down buttons with the score between them; the reader's own vote is
/// pressed, and a failed vote says so politely.
fn vote_controls(thread: &LiveThread, comment: &Comment, label: &str) -> Html {
    let settings = thread.settings();
    let locale = thread.locale();
    let words = locale.words();
    let vote = thread.vote(&comment.id);
    // Where the server cannot take a vote back, a given vote says so.
    let final_note = (vote != 0 && thread.votes_are_final()).then_some(words.vote_final);
    let score = comment
        .score
        .filter(|_| !settings.hide_scores)
        .map(|score| thread.score(&comment.id, score));
    html! {
        <span class="tl-vote" role="group" aria-label={words.vote}>
            <button type="button" class="tl-up" aria-pressed={aria(vote == 1)} aria-label={fill(words.upvote, "{label}", label)}
                aria-disabled={final_note.map(|_| "true")} title={final_note}>
                { "▲" }
            </button>
            if let Some(score) = score {
                // Spoken when a vote changes it (only the voted comment re-renders).
                <span class="tl-score" aria-live="polite">{ locale.count(&words.points, score) }</span>
            }
            if settings.vote_buttons == VoteButtons::UpDown {
                <button type="button" class="tl-down" aria-pressed={aria(vote == -1)} aria-label={fill(words.downvote, "{label}", label)}
                    aria-disabled={final_note.map(|_| "true")} title={final_note}>
                    { "▼" }
                </button>
            }
            if let Some(error) = thread.vote_error(&comment.id) {
                <span class="tl-vote-error" role="status">{ error }</span>
            } else if let Some(note) = final_note {
                <span class="tl-sr">{ note }</span>
            }
        </span>
    }
}

/// A commenter's identicon, drawn from the hash their API gives; colours
/// are SVG attributes, which a strict `style-src` allows.
fn identicon(hash: &str) -> Html {
    let icon = Identicon::new(hash);
    let ink = format!("hsl({} 55% 42%)", icon.hue);
    html! {
        <svg class="tl-avatar tl-identicon" viewBox="0 0 5 5" width="24" height="24" aria-hidden="true">
            <rect width="5" height="5" fill={format!("hsl({} 40% 92%)", icon.hue)} />
            { for icon.squares().map(|(x, y)| html! {
                <rect x={x.to_string()} y={y.to_string()} width="1" height="1" fill={ink.clone()} />
            }) }
        </svg>
    }
}
