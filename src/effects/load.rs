//! The first load of a thread: fetch, read with the preset and mapping,
//! build the store, and wrap it for the views.

use crate::core::config::MountConfig;
use crate::core::load::{read_body, LoadError};
use crate::core::mapping::Source;
use crate::core::model::{Article, ArticleBlock, ThreadDocument};
use crate::core::pages::PageCursor;
use crate::core::rich::RichOptions;
use crate::core::sort::Order;
use crate::core::store::{Building, ThreadStore};
use crate::core::template::fill;
use crate::core::url::join;
use crate::core::visits;
use crate::core::words::{Lang, Words};
use crate::live_thread::{LiveThread, ServerPages, ThreadSettings, ORDER_KEY};
use crate::services::page::next_task;
use crate::services::storage;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::AttrValue;

/// How many comments go into the store per task while a thread is built
/// (taken in, or filled in); the steps between take a task each.
const BUILD_PART: usize = 5_000;

/// What a successful load gives the widget.
pub struct LoadedThread {
    /// The article, if the data carries one.
    pub article: Option<Rc<Article>>,
    /// The thread, ready to render.
    pub thread: LiveThread,
    /// How many comments of the response could not be read.
    pub skipped: usize,
}

/// What the first fetch gives: the document, how to read more, the
/// thread's total if the server says, and a paged API's next pages.
type FirstPage = (ThreadDocument, Source, Option<u64>, Option<ServerPages>);

/// Fetches and reads the response at `config.src` (or the first page of a
/// paged API) with its preset and mapping.
async fn fetch_document(config: &MountConfig) -> Result<FirstPage, LoadError> {
    let source = Source::configure(config.preset.as_deref(), config.mapping.as_deref())
        .map_err(|error| LoadError::Setup(error.0))?;
    let paged = match &source {
        Source::Mapped(mapping, _) => mapping.pages.clone(),
        Source::Native => None,
    };
    let Some(pages) = paged else {
        let (document, total) = super::pages::fetch(&config.src, &source, None).await?;
        return Ok((document, source, total, None));
    };
    pages.check(&config.src).map_err(LoadError::Setup)?;
    let (cursor, url) = PageCursor::start(&config.src, &pages);
    let mut server = ServerPages {
        pages,
        source: source.clone(),
        cursor,
        next: None,
    };
    let (document, total) = super::pages::fetch(&url, &source, Some(&mut server)).await?;
    Ok((document, source, total, Some(server)))
}

/// How many comments the thread at `config.src` holds, counted as the
/// widget's heading counts them (repairs and placeholders included), or
/// as the server counts them when it says.
pub async fn count(config: &MountConfig) -> Result<usize, LoadError> {
    let (document, _, total, _) = fetch_document(config).await?;
    let loaded = ThreadStore::build(document.comments).len();
    Ok(loaded.max(total.map_or(0, |total| total as usize)))
}

/// Fetches, parses and builds a thread; repairs in the data are reported on
/// the console for the site's developers.
pub async fn load(
    config: &MountConfig,
    (lang, words): (Lang, &'static Words),
    dom_prefix: String,
    auth: Option<js_sys::Function>,
    events: Option<web_sys::Element>,
) -> Result<LoadedThread, LoadError> {
    // The widget's first render ("Loading comments…") took this task;
    // reading the settings and the response take the next.
    next_task().await;
    let (document, source, total, pages) = fetch_document(config).await?;
    // The response's last part was read in this task; the store, the
    // reader's state and the first render take a task each, so no one
    // task holds the page long.
    next_task().await;
    let store = match &pages {
        // A reply whose parent is on a later page waits for it.
        Some(ServerPages { next: Some(_), .. }) => {
            let mut store = ThreadStore::default();
            store.append_page(document.comments, false);
            store
        }
        _ => {
            let mut building = Building::new(document.comments);
            while !building.take(BUILD_PART) {
                next_task().await;
            }
            building.finish()
        }
    };
    next_task().await;
    let report = store.report();
    if !report.is_clean() {
        web_sys::console::warn_1(
            &format!(
                "Threadline repaired {}: orphans (shown at top level) {:?}, duplicate ids (first kept) {:?}, cycles (broken) {:?}",
                config.src, report.orphans, report.duplicates, report.cycles
            )
            .into(),
        );
    }
    let depth = config
        .max_depth
        .unwrap_or_else(|| max_depth(events.as_ref()));
    let (article, thread) = assemble(
        config,
        document.article,
        document.id,
        store,
        Some(source.clone()),
        (lang, words),
        (dom_prefix, depth),
        auth,
        events,
    );
    thread.set_total(total);
    if let Some(pages) = pages {
        thread.set_pages(pages);
        if thread.prefetches_all() {
            spawn_local(super::pages::all_pages(thread.clone()));
        }
    }
    if let Some(seconds) = config.live {
        super::live::poll(&thread, config.src.clone(), seconds, source.clone());
    }
    if let Some(url) = &config.live_url {
        super::live::stream(&thread, url, source);
    }
    // The first page is drawn a part per task, the first render (the
    // thread's frame) in a task of its own.
    thread.start_filling();
    next_task().await;
    Ok(LoadedThread {
        article,
        thread,
        skipped: document.skipped,
    })
}

/// Reads a thread's response (`body`, with `config`'s preset and mapping)
/// and builds it as the widget would, for the prerender: no requests, no
/// storage, and replies nested `depth` levels before "continue this thread".
pub fn prerender(
    config: &MountConfig,
    body: &[u8],
    (lang, words): (Lang, &'static Words),
    (dom_prefix, depth): (String, usize),
) -> Result<LoadedThread, LoadError> {
    let source = Source::configure(config.preset.as_deref(), config.mapping.as_deref())
        .map_err(|error| LoadError::Setup(error.0))?;
    let document = read_body(body, &source)?.document;
    let store = ThreadStore::build(document.comments);
    let (article, thread) = assemble(
        config,
        document.article,
        document.id,
        store,
        Some(source),
        (lang, words),
        (dom_prefix, depth),
        None,
        None,
    );
    Ok(LoadedThread {
        article,
        thread,
        skipped: document.skipped,
    })
}

/// Wraps a built store for the views, with the reader's saved state and
/// `config`'s settings.
#[allow(clippy::too_many_arguments)]
fn assemble(
    config: &MountConfig,
    article: Option<Article>,
    id: Option<String>,
    store: ThreadStore,
    source: Option<Source>,
    (lang, words): (Lang, &'static Words),
    (dom_prefix, depth): (String, usize),
    auth: Option<js_sys::Function>,
    events: Option<web_sys::Element>,
) -> (Option<Rc<Article>>, LiveThread) {
    let storage_key = config.storage_key(id.as_deref());
    // What the last visit saw; this visit's newest comment for the next.
    let seen_key = format!("{storage_key}:seen");
    let last_seen = storage::load::<f64>(&seen_key);
    if let Some(newest) = visits::newest(&store) {
        storage::save(&seen_key, &newest.max(last_seen.unwrap_or(f64::MIN)));
    }
    let load_more = match &source {
        Some(source) => match source {
            // `{src}` in the URL is the thread's own URL (Isso's, asked again
            // with `&parent={parent}`).
            Source::Mapped(mapping, preset) => mapping.load_more().map(|(url, more)| {
                let url = fill(&url, &[("src", &config.src)]);
                (url, Source::Mapped(Box::new(more), preset.clone()))
            }),
            Source::Native => None,
        },
        None => None,
    };
    let article = article.map(|mut article| {
        resolve_links(&mut article, &config.src);
        Rc::new(article)
    });
    let thread = LiveThread::new(
        store,
        ThreadSettings {
            storage_key,
            dom_prefix,
            load_more,
            rich: RichOptions {
                images: config.images,
            },
            link_target: config.link_target.clone().map(AttrValue::from),
            vote_buttons: config.vote_buttons,
            hide_scores: config.hide_scores,
            vote_endpoint: config.vote_endpoint.clone(),
            post_endpoint: config.post_endpoint.clone(),
            source,
            max_length: config.max_length,
            name_field: config.name_field,
            max_depth: depth,
            lang,
            words: Some(words),
            order: storage::load::<Order>(ORDER_KEY)
                .or(config.sort)
                .unwrap_or_default(),
            last_seen,
            collapse_below: config.collapse_below,
            report_endpoint: config.report_endpoint.clone(),
            edit_endpoint: config.edit_endpoint.clone(),
            delete_endpoint: config.delete_endpoint.clone(),
            input_format: config.input_format,
            auth,
            events,
        },
    );
    (article, thread)
}

/// How deep replies nest before "continue this thread": fewer levels when
/// the widget is phone-narrow, where indentation is capped.
fn max_depth(widget: Option<&web_sys::Element>) -> usize {
    let width = widget
        .map(|element| f64::from(element.client_width()))
        .filter(|width| *width > 0.0)
        .or_else(|| web_sys::window()?.inner_width().ok()?.as_f64())
        .unwrap_or(1024.0);
    if width < 480.0 {
        4
    } else {
        8
    }
}

/// Makes the article's relative image and link URLs relative to the JSON
/// they came in, as a browser does for a document, not to the host page;
/// the prerender keeps them relative when the data's URL is.
fn resolve_links(article: &mut Article, data_url: &str) {
    let page_base = cfg!(target_arch = "wasm32")
        .then(web_sys::window)
        .flatten()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|page| web_sys::Url::new_with_base(data_url, &page).ok());
    let resolve = |url: &mut String| match &page_base {
        Some(base) => {
            if let Ok(absolute) = web_sys::Url::new_with_base(url, &base.href()) {
                *url = absolute.href();
            }
        }
        None if !cfg!(target_arch = "wasm32") => *url = join(data_url, url),
        None => {}
    };
    for block in &mut article.body {
        if let ArticleBlock::Figure { image, link, .. } = block {
            resolve(image);
            if let Some(link) = link {
                resolve(link);
            }
        }
    }
}
