//! The widget's root: loads the thread and shows it, a loading state, or an
//! error with a Retry button.

use super::article::ArticleView;
use super::thread::ThreadView;
use crate::core::config::MountConfig;
use crate::core::load::LoadError;
use crate::core::words::{Lang, Words};
use crate::effects::{self, LoadedThread};
use crate::services::events::emit;
use crate::services::page::next_task;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Props of [`Widget`].
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// Where the comments come from, and the thread's name.
    pub config: Rc<MountConfig>,
    /// Prefix for element ids, unique per widget on the page.
    pub dom_prefix: AttrValue,
    /// The host page's callback that gives a token for each write.
    #[prop_or_default]
    pub auth: Option<js_sys::Function>,
    /// The element events for the host page start from.
    #[prop_or_default]
    pub events: Option<web_sys::Element>,
    /// Bumped by the embed handle's `refresh()` to load the thread again.
    #[prop_or_default]
    pub generation: u32,
    /// The language the widget speaks (and sets as its `lang` and `dir`).
    #[prop_or_default]
    pub lang: Lang,
    /// Its texts, with the site's replacements; the language's own without.
    #[prop_or_default]
    pub words: Option<&'static Words>,
}

enum Phase {
    Loading,
    Failed(LoadError),
    Ready(LoadedThread),
}

/// One Threadline on the page.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let words = props.words.unwrap_or_else(|| props.lang.words());
    let phase = use_state(|| Phase::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let phase = phase.setter();
        let prefix = props.dom_prefix.to_string();
        let (auth, events, lang) = (props.auth.clone(), props.events.clone(), props.lang);
        let deps = (props.config.clone(), *attempt, props.generation);
        use_effect_with(deps, move |(config, _, _)| {
            phase.set(Phase::Loading);
            let config = config.clone();
            spawn_local(async move {
                let loaded =
                    effects::load(&config, (lang, words), prefix, auth, events.clone()).await;
                phase.set(match loaded {
                    Ok(loaded) => {
                        let count = JsValue::from(loaded.thread.store().len() as u32);
                        emit(events.as_ref(), "ready", &[("comments", count)]);
                        Phase::Ready(loaded)
                    }
                    Err(error) => {
                        let detail = error.detail();
                        web_sys::console::error_1(
                            &format!("Threadline could not show {}: {detail}", config.src).into(),
                        );
                        emit(
                            events.as_ref(),
                            "error",
                            &[
                                ("message", JsValue::from(error.message(words))),
                                ("detail", JsValue::from(detail)),
                            ],
                        );
                        Phase::Failed(error)
                    }
                });
            });
        });
    }
    // The comments render in a browser task after the one the thread is
    // ready in (where the article renders, if there is one): the article
    // paints first, and neither task holds a phone's page long (the
    // comments' first render compiles the code that draws them).
    let thread_shown = use_state(|| false);
    {
        let thread_shown = thread_shown.clone();
        let ready = matches!(&*phase, Phase::Ready(_));
        use_effect_with(ready, move |ready| {
            if *ready && !*thread_shown {
                spawn_local(async move {
                    next_task().await;
                    thread_shown.set(true);
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };

    frame(
        props.lang,
        match &*phase {
            Phase::Loading => loading_line(words),
            Phase::Failed(error) => html! {
                <div class="tl-error" role="alert">
                    <p>{ error.message(words) }</p>
                    <button type="button" class="tl-retry" onclick={retry}>{ words.retry }</button>
                </div>
            },
            Phase::Ready(loaded) => shown(loaded, (props.lang, words), *thread_shown, false),
        },
    )
}

/// The widget's root element, in its language and direction.
pub fn frame(lang: Lang, content: Html) -> Html {
    html! {
        <div class="threadline" lang={lang.code()} dir={if lang.right_to_left() { "rtl" } else { "ltr" }}>
            { content }
        </div>
    }
}

/// "Loading comments…", until the comments are drawn.
fn loading_line(words: &Words) -> Html {
    html! {
        <p class="tl-status" role="status">{ words.loading_comments }</p>
    }
}

/// A loaded thread: its article, if it has one, then the comments once
/// `thread_shown` (the loading line until then, where there is no article;
/// all of the first page at once with `at_once`, for the prerender).
pub fn shown(
    loaded: &LoadedThread,
    (lang, words): (Lang, &'static Words),
    thread_shown: bool,
    at_once: bool,
) -> Html {
    html! {
        <>
            if let Some(article) = loaded.article.clone() {
                <ArticleView {article} {lang} {words} />
            }
            // Meanwhile the status line stays, where it is still at the
            // top: under an article it would have moved.
            if thread_shown {
                <ThreadView thread={loaded.thread.clone()} skipped={loaded.skipped} {at_once} />
            } else if loaded.article.is_none() {
                { loading_line(words) }
            }
        </>
    }
}
