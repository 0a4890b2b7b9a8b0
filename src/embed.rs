//! What the script-tag loader calls: `mount`, `count` and `onPanic`. The
//! loader gives each widget its own instance of this module, so one
//! widget's failure never reaches another.

use crate::components::{Widget, WidgetProps};
use crate::core::config::MountConfig;
use crate::core::words::{choose, Lang, Words};
use crate::effects;
use crate::format::Locale;
use crate::services::page::next_task;
use js_sys::Reflect;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::platform::spawn_local;
use yew::AppHandle;

/// A mounted widget, as the loader's handle sees it.
#[wasm_bindgen]
pub struct MountedWidget {
    app: Rc<RefCell<App>>,
    props: WidgetProps,
}

/// Where a widget's Yew app is: it starts a browser task after `mount`, so
/// compiling and running the runtime's first render is a task of its own.
enum App {
    /// Not started yet, with the props it will start with.
    Waiting(WidgetProps),
    /// Running.
    Running(AppHandle<Widget>),
    /// Destroyed, before or after it started.
    Gone,
}

#[wasm_bindgen]
impl MountedWidget {
    /// Loads the thread again (after the site knows it changed).
    pub fn refresh(&mut self) {
        self.props.generation += 1;
        match &mut *self.app.borrow_mut() {
            App::Waiting(props) => *props = self.props.clone(),
            App::Running(app) => app.update(self.props.clone()),
            App::Gone => {}
        }
    }

    /// Removes the widget and everything it holds.
    pub fn destroy(&mut self) {
        if let App::Running(app) = self.app.replace(App::Gone) {
            app.destroy();
        }
    }
}

/// Shows a thread in `host`. `settings` is the script tag's `dataset` or any
/// object with the same names (`src`, `threadId`, `preset`, `mapping`...; a
/// mapping may be JSON text or an object, and `auth` a function returning a
/// token or a promise of one). `number` is the widget's number on the page,
/// which keeps its element ids and permalinks (`#tl2-c-…`) its own. Events
/// for the page start from `host`. Throws a message naming the missing
/// setting instead of mounting a broken widget.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::Element,
    settings: JsValue,
    number: u32,
) -> Result<MountedWidget, JsValue> {
    let config = read_config(&settings)?;
    let lang = language(&config);
    let props = WidgetProps {
        lang,
        words: Some(words(lang, &config)),
        config: Rc::new(config),
        dom_prefix: format!("tl{number}-").into(),
        auth: Reflect::get(&settings, &JsValue::from_str("auth"))
            .ok()
            .and_then(|auth| auth.dyn_into::<js_sys::Function>().ok()),
        events: Some(host.clone()),
        generation: 0,
    };
    let app = Rc::new(RefCell::new(App::Waiting(props.clone())));
    let starting = app.clone();
    spawn_local(async move {
        next_task().await;
        let waiting = starting.replace(App::Gone);
        if let App::Waiting(props) = waiting {
            let running = yew::Renderer::<Widget>::with_root_and_props(host, props).render();
            starting.replace(App::Running(running));
        }
    });
    Ok(MountedWidget { app, props })
}

/// Calls `callback` with the message of a panic, just before this instance
/// stops for good, so the loader can show the widget's error state and offer
/// a fresh start.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(callback: js_sys::Function) {
    std::panic::set_hook(Box::new(move |info| {
        let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(&info.to_string()));
    }));
}

/// Counts the comments at `settings.src` (read with the same `preset` and
/// `mapping` settings as a widget), for comment-count links on index pages.
#[wasm_bindgen]
pub async fn count(settings: JsValue) -> Result<u32, JsValue> {
    let config = read_config(&settings)?;
    let count = effects::count(&config)
        .await
        .map_err(|error| JsValue::from_str(&error.detail()))?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// "1,200 comments" in the language the settings give (as a widget's),
/// worded as the widget's heading, for comment-count links.
#[wasm_bindgen(js_name = countLabel)]
pub fn count_label(settings: JsValue, count: u32) -> Result<String, JsValue> {
    let config = read_config(&settings)?;
    let lang = language(&config);
    let locale = Locale::of(lang, words(lang, &config));
    Ok(locale.count(&locale.words().comments, i64::from(count)))
}

thread_local! {
    /// Catalogues with a site's replacements, one per language and setting.
    static REPLACED: RefCell<Vec<(Lang, String, &'static Words)>> = const { RefCell::new(Vec::new()) };
}

/// The widget's texts: its language's, with the `strings` setting's
/// replacements; a setting that is not JSON, or names no text, is reported
/// in the console and the rest still applies.
fn words(lang: Lang, config: &MountConfig) -> &'static Words {
    let Some(strings) = &config.strings else {
        return lang.words();
    };
    REPLACED.with(|replaced| {
        if let Some((_, _, words)) = replaced
            .borrow()
            .iter()
            .find(|(l, s, _)| *l == lang && s == strings)
        {
            return *words;
        }
        let words = match lang.words().with_overrides(strings) {
            Ok((words, unknown)) => {
                if !unknown.is_empty() {
                    web_sys::console::warn_1(
                        &format!(
                            "Threadline: the strings setting names texts it does not have: {}",
                            unknown.join(", ")
                        )
                        .into(),
                    );
                }
                words
            }
            Err(problem) => {
                web_sys::console::warn_1(&format!("Threadline: {problem}").into());
                lang.words()
            }
        };
        replaced.borrow_mut().push((lang, strings.clone(), words));
        words
    })
}

/// The widget's language: `data-lang`, else the `lang` of the page around
/// it, else the browser's languages in the reader's order.
fn language(config: &MountConfig) -> Lang {
    let browser: Vec<String> = web_sys::window()
        .and_then(|window| Reflect::get(&window, &"navigator".into()).ok())
        .and_then(|navigator| Reflect::get(&navigator, &"languages".into()).ok())
        .map(|languages| {
            js_sys::Array::from(&languages)
                .iter()
                .filter_map(|tag| tag.as_string())
                .collect()
        })
        .unwrap_or_default();
    choose(
        [config.lang.as_deref(), config.page_lang.as_deref()]
            .into_iter()
            .flatten()
            .chain(browser.iter().map(String::as_str)),
    )
}

/// Reads settings from a script tag's `dataset` or any object with the same
/// names; objects (a mapping) are taken as their JSON.
fn read_config(settings: &JsValue) -> Result<MountConfig, JsValue> {
    MountConfig::read(|name| {
        let value = Reflect::get(settings, &JsValue::from_str(name)).ok()?;
        value.as_string().or_else(|| {
            value
                .is_object()
                .then(|| js_sys::JSON::stringify(&value).ok())
                .flatten()
                .map(String::from)
        })
    })
    .map_err(|message| JsValue::from_str(&message))
}
