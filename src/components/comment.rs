//! One comment and, while expanded, its replies: a recursive node keyed by
//! id that re-renders only when its own comment changes.

use super::text::{plain_text, relative_time};
use crate::core::model::{Comment, CommentId};
use crate::core::state::ThreadAction;
use crate::core::text::count;
use crate::live_thread::LiveThread;
use std::cell::Cell;
use std::rc::Rc;
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
}

/// A comment with its header, text, fold button and (while unfolded) replies.
#[function_component]
pub fn CommentNode(props: &CommentNodeProps) -> Html {
    RENDERS.with(|renders| renders.set(renders.get() + 1));
    let CommentNodeProps {
        thread,
        id,
        comment,
    } = props;

    let update = use_force_update();
    use_effect_with((thread.clone(), id.clone()), move |(thread, id)| {
        let subscription =
            thread.subscribe(id.clone(), Callback::from(move |()| update.force_update()));
        move || drop(subscription)
    });
    let toggle = use_callback(
        (thread.clone(), id.clone()),
        |_: MouseEvent, (thread, id)| thread.dispatch(ThreadAction::ToggleCollapsed(id.clone())),
    );

    let replies = thread.store().children(id);
    let collapsed = thread.is_collapsed(id);
    let replies_id = thread.dom_id("replies", id);
    let author = comment.author.as_deref();
    html! {
        <li class="tl-comment" id={thread.dom_id("c", id)}>
            <article class="tl-card" aria-label={format!("Comment by {}", author.unwrap_or("an anonymous reader"))}>
                <header class="tl-meta">
                    if let Some(name) = author {
                        <span class="tl-author">{ name }</span>
                    } else {
                        <span class="tl-author tl-anonymous">{ "Anonymous" }</span>
                    }
                    if let Some(ms) = comment.created_ms {
                        { relative_time(ms) }
                    }
                    if let Some(score) = comment.score {
                        <span class="tl-score">{ count(score, "point", "points") }</span>
                    }
                </header>
                <div class="tl-body">
                    if comment.body.trim().is_empty() {
                        <p class="tl-empty">{ "This comment has no text." }</p>
                    } else {
                        { plain_text(&comment.body) }
                    }
                </div>
                if !replies.is_empty() {
                    <footer class="tl-actions">
                        <button
                            type="button"
                            class="tl-toggle"
                            aria-expanded={(!collapsed).to_string()}
                            aria-controls={(!collapsed).then(|| replies_id.clone())}
                            onclick={toggle}
                        >
                            { if collapsed { "Show " } else { "Hide " } }
                            { count(thread.store().descendant_count(id) as i64, "reply", "replies") }
                        </button>
                    </footer>
                }
            </article>
            if !replies.is_empty() && !collapsed {
                <ul class="tl-replies" id={replies_id}>
                    { for replies.iter().filter_map(|reply| thread.comment(reply).map(|comment| html! {
                        <CommentNode key={&**reply} thread={thread.clone()} id={reply.clone()} {comment} />
                    })) }
                </ul>
            }
        </li>
    }
}
