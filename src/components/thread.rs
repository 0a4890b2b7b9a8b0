//! The comment section: its heading, the first pages of top-level comments
//! (more as the reader scrolls near the end), or one comment's subtree in a
//! "continue this thread" view; permalinks open the way to their comment.

use super::comment::child;
use super::composer::Composer;
use super::heading::{go_to_next_new, Heading, NextNew};
use super::live::LiveBanner;
use super::sort::SortControl;
use super::status::Status;
use super::text::aria;
use super::topic::use_topic;
use crate::core::pace::fitting;
use crate::effects;
use crate::live_thread::{LiveThread, Topic};
use crate::services::events::emit;
use crate::services::page::{
    after_next_frame, after_render, bring_into_view, clock_ms, fragment, next_task,
    on_fragment_change, NearViewport,
};
use crate::services::storage::on_saved_elsewhere;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The most comments one task draws while the first page renders.
const MOST_PER_PART: usize = 64;

/// How long parts of the first page go on in tasks of their own before
/// the loop waits for the browser to paint them: about one frame.
const FRAME_MS: f64 = 16.0;

/// Props of [`ThreadView`].
#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    /// The loaded thread.
    pub thread: LiveThread,
    /// How many comments of the response could not be read.
    #[prop_or_default]
    pub skipped: usize,
    /// Renders the whole first page at once: for the prerender, which has
    /// no later browser tasks to spread it over.
    #[prop_or_default]
    pub at_once: bool,
}

/// Reveals the comment a permalink fragment names, and takes the reader
/// there: the first page is drawn at once.
fn follow(thread: &LiveThread, fragment: &str) {
    if let Some(id) = thread.comment_for_fragment(fragment) {
        thread.draw_more(usize::MAX);
        if let Some(dom_id) = thread.reveal(&id) {
            bring_into_view(thread.settings().events.clone(), dom_id, ":scope > article");
        }
    }
}

/// The thread's heading with its comment count, then the top-level comments
/// page by page; it re-renders only when the top-level view itself changes.
#[function_component]
pub fn ThreadView(props: &ThreadProps) -> Html {
    let thread = &props.thread;
    use_topic(thread, Topic::View(None));
    use_effect_with(thread.clone(), move |thread| {
        if let Some(fragment) = fragment() {
            follow(thread, &fragment);
        }
        let listener = {
            let thread = thread.clone();
            on_fragment_change(move |fragment| follow(&thread, &fragment))
        };
        let other_tabs = {
            let thread = thread.clone();
            let key = thread.settings().storage_key.clone();
            on_saved_elsewhere(key, move || thread.take_saved())
        };
        move || drop((listener, other_tabs))
    });
    let store = thread.store();
    let focus = thread.focus().filter(|id| store.comment(id).is_some());
    let roots = store.roots();
    let shown = thread.shown(&None);
    // The box for a new comment, drawn once the first page starts.
    let boxed = use_state(|| false);
    {
        // The first page comes a part per task, so no task holds a phone's
        // page long, and the reader sees the parts come: the frame (heading,
        // sort) first, then the box, each painted before the next, then as
        // many comments a task as the last part's pace fits in one, with a
        // paint about every frame. (Compiling the code that draws the box
        // and the code that draws a comment, both at their first use, is a
        // long task on a phone.)
        let events = thread.settings().events.clone();
        let boxed = boxed.setter();
        use_effect_with(thread.clone(), move |thread| {
            let weak = thread.downgrade();
            spawn_local(async move {
                if weak.upgrade().is_some_and(|thread| thread.is_filling()) {
                    after_next_frame().await;
                    boxed.set(true);
                    after_render().await;
                }
                let (mut part, mut parts, mut painted) = (1, 0, 0.0);
                while weak.upgrade().is_some_and(|thread| thread.is_filling()) {
                    // The box and then the first comment are painted on
                    // their own; later parts go on for about a frame.
                    if parts < 2 || clock_ms() - painted >= FRAME_MS {
                        after_next_frame().await;
                        painted = clock_ms();
                    } else {
                        next_task().await;
                    }
                    parts += 1;
                    let began = clock_ms();
                    let Some(thread) = weak.upgrade() else { return };
                    thread.draw_more(part);
                    drop(thread);
                    after_render().await;
                    part = fitting(part, clock_ms() - began, MOST_PER_PART);
                }
                // The loader takes a prerendered thread's place once this
                // one has drawn as much; a widget gone meanwhile says nothing.
                if weak.upgrade().is_some() {
                    emit(events.as_ref(), "rendered", &[]);
                }
            });
        });
    }
    let settled = !thread.is_filling();
    let rendered = roots
        .iter()
        .take(shown)
        .take_while(|id| thread.is_drawn(id))
        .count();
    let rest = if focus.is_some() {
        0
    } else {
        roots.len().saturating_sub(shown)
    };
    let locale = thread.locale();
    let words = locale.words();
    // A paged API's next page loads once every loaded comment is shown.
    let next_page = focus.is_none() && rest == 0 && thread.more_pages();
    let page_failure = use_state(|| None::<String>);
    let fetch_page = {
        let (thread, failure) = (thread.clone(), page_failure.clone());
        move || {
            let (thread, failure) = (thread.clone(), failure.clone());
            failure.set(None);
            spawn_local(async move {
                if let Err(error) = effects::next_page(&thread).await {
                    failure.set(Some(error.message(thread.words()).to_owned()));
                }
            });
        }
    };
    let sentinel = use_node_ref();
    {
        let (thread, sentinel, fetch_page) = (thread.clone(), sentinel.clone(), fetch_page.clone());
        let failed = page_failure.is_some();
        // The row appears once the first page has all come: watch it then.
        use_effect_with((shown, rest, next_page, failed, settled), move |_| {
            let watcher = sentinel.cast::<web_sys::Element>().and_then(|element| {
                NearViewport::watch(&element, move || match (rest, failed) {
                    (0, false) => fetch_page(),
                    // After a failure the reader asks again, with the button.
                    (0, true) => {}
                    _ => thread.show_more(None),
                })
            });
            move || drop(watcher)
        });
    }
    let show_more = {
        let (thread, first_new) = (thread.clone(), roots.get(shown).cloned());
        Callback::from(move |_: MouseEvent| {
            if rest == 0 {
                fetch_page();
                return;
            }
            // Focus moves to the first comment the click shows.
            thread.show_more(None);
            if let Some(first_new) = &first_new {
                bring_into_view(
                    thread.settings().events.clone(),
                    thread.dom_id("c", first_new),
                    ":scope > article",
                );
            }
        })
    };
    // Comments the server counts beyond those loaded: still to come while
    // it has pages, otherwise out of the widget's reach.
    let unloaded = thread.total().saturating_sub(store.len());
    let more_label = match (rest, thread.more_pages()) {
        (0, _) if thread.loading_page() => words.loading.to_owned(),
        (0, true) if unloaded == 0 => words.more_comments.to_owned(),
        (rest, true) => locale.count(&words.more_comments_left, (rest + unloaded) as i64),
        (rest, false) => locale.count(&words.more_comments_left, rest as i64),
    };
    let skip = {
        let (thread, end) = (thread.clone(), thread.dom_id("end", "comments"));
        Callback::from(move |_: MouseEvent| {
            bring_into_view(thread.settings().events.clone(), end.clone(), ":scope")
        })
    };
    let back = {
        let thread = thread.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(left) = thread.leave_focus() {
                let dom_id = thread.dom_id("c", &left);
                bring_into_view(
                    thread.settings().events.clone(),
                    dom_id,
                    ".tl-continue-thread",
                );
            }
        })
    };
    // The `n` key anywhere in the thread but a field: the next new comment.
    let onkeydown = {
        let thread = thread.clone();
        Callback::from(move |event: KeyboardEvent| {
            let typing = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|target| {
                    matches!(target.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                });
            let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
            if event.key() == "n" && plain && !typing {
                event.prevent_default();
                go_to_next_new(&thread);
            }
        })
    };
    let heading_id = thread.dom_id("heading", "comments");
    html! {
        <section class="tl-thread" aria-labelledby={heading_id.clone()} {onkeydown}>
            // Keyboard readers can pass a long thread in one step.
            <button type="button" class="tl-skip" onclick={skip}>{ words.skip }</button>
            <div class="tl-head">
                <Heading thread={thread.clone()} id={heading_id.clone()} />
                <NextNew thread={thread.clone()} />
                if store.len() > 1 {
                    <SortControl thread={thread.clone()} />
                }
            </div>
            <Status thread={thread.clone()} />
            if props.skipped > 0 {
                <p class="tl-skipped" role="note">
                    { locale.count(&words.not_shown, props.skipped as i64) }
                </p>
            }
            if let Some(focus) = focus {
                <p class="tl-focus-bar">
                    <button type="button" class="tl-back" onclick={back}>{ words.back }</button>
                </p>
                <ul class="tl-list tl-focused" role="list">
                    { child(thread, &focus, 0, None) }
                </ul>
            } else {
                // A permalink's thread, drawn at once, has the box at once.
                if settled || *boxed {
                    <Composer thread={thread.clone()} />
                    <LiveBanner thread={thread.clone()} />
                }
                if store.is_empty() {
                    <p class="tl-status">{ words.no_comments }</p>
                } else {
                    // The Feed pattern: each top-level comment an article
                    // with its place, the feed busy while the first page is
                    // drawn or a page loads; the "show more" row comes after it.
                    <ul class="tl-list" role="feed" aria-labelledby={heading_id.clone()} aria-busy={aria(thread.loading_top() || !settled)}>
                        {
                            for roots.iter().take(rendered).enumerate().map(|(at, id)| child(thread, id, 0, Some((at + 1, roots.len()))))
                        }
                    </ul>
                    if settled && (rest > 0 || next_page) {
                        <p class="tl-next-page" ref={sentinel}>
                            <button type="button" class="tl-more-comments" onclick={show_more}
                                disabled={thread.loading_page()} aria-busy={aria(thread.loading_page())}>
                                { more_label }
                            </button>
                            if let Some(message) = &*page_failure {
                                <span class="tl-more-error" role="alert">{ message }</span>
                            }
                        </p>
                    } else if settled && unloaded > 0 {
                        <p class="tl-not-loaded" role="note">{ locale.count(&words.not_loaded, unloaded as i64) }</p>
                    }
                }
            }
            <p class="tl-sr" id={thread.dom_id("end", "comments")} tabindex="-1">{ words.end }</p>
        </section>
    }
}
