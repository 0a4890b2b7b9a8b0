//! The prerender: a thread's article and first screen of comments as static
//! HTML, drawn natively by Yew's server-side rendering with the widget's own
//! components. A site puts the markup where the widget goes; the reader (and
//! a search engine) sees the article and the comments before any script
//! runs, and the widget takes the markup over once it has drawn the same.

use crate::components::{frame, shown};
use crate::core::config::MountConfig;
use crate::core::words::{choose, Lang, Words};
use crate::effects::{prerender, LoadedThread};
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Reply levels before "continue this thread" when the settings name none:
/// the widget's own depth at desktop widths.
pub const DEFAULT_DEPTH: usize = 8;

/// The widget's stylesheet, inlined in the prerendered shadow root: a
/// stylesheet link there would not hold the first paint, and the page
/// would paint unstyled and then move.
const STYLESHEET: &str = include_str!("../www/threadline.css");

#[derive(Properties)]
struct Props {
    loaded: Rc<LoadedThread>,
    lang: Lang,
    words: &'static Words,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

#[function_component]
fn Prerendered(props: &Props) -> Html {
    frame(
        props.lang,
        shown(&props.loaded, (props.lang, props.words), true, true),
    )
}

/// The markup for the element the widget mounts into (its `data-target`):
/// a `<threadline-widget>` with a declarative shadow root holding the
/// widget's stylesheet and its first screen. `body` is the thread's
/// response; `setting` gives the widget's settings by their dataset names
/// (`src`, `preset`, `mapping`, `lang`, `maxDepth`...), the same the
/// script tag gives. Says what is wrong when the response cannot be read.
pub fn render(body: &[u8], setting: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let config = MountConfig::read(setting)?;
    let lang = choose(config.lang.as_deref());
    let words = match &config.strings {
        Some(strings) => lang.words().with_overrides(strings)?.0,
        None => lang.words(),
    };
    let depth = config.max_depth.unwrap_or(DEFAULT_DEPTH);
    let loaded = prerender(&config, body, (lang, words), ("tl1-".to_owned(), depth))
        .map_err(|error| error.detail())?;
    let props = Props {
        loaded: Rc::new(loaded),
        lang,
        words,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| error.to_string())?;
    let html = runtime.block_on(
        tokio::task::LocalSet::new().run_until(
            LocalServerRenderer::<Prerendered>::with_props(props)
                .hydratable(false)
                .render(),
        ),
    );
    Ok(format!(
        "<threadline-widget data-prerendered data-max-depth=\"{depth}\">\
         <template shadowrootmode=\"open\"><style>{STYLESHEET}</style>{html}</template>\
         </threadline-widget>\n"
    ))
}
