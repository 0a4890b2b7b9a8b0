//! Numbers, plurals, dates and times in the widget's language, through the
//! browser's Intl: one [`Locale`] per language, made once and shared. Each
//! Intl formatter is made when first needed, or ahead of time, each in a
//! browser task of its own, by [`Locale::prepare_article`] and
//! [`Locale::prepare_thread`] before the article and the comments render:
//! making all five in the first render took 80 ms of one task on a
//! throttled phone. Plurals and digit grouping need no browser data and
//! come from [`crate::core::numbers`].
//!
//! Natively (the prerender, `threadline-render`) there is no Intl: dates
//! are written as ISO dates ("2017-09-16"), which every language reads, and
//! the widget writes them in words when it takes the markup over.

use crate::core::numbers;
use crate::core::time::{iso_string, relative_time};
use crate::core::words::{Forms, Lang, Words};
use crate::services::page::next_task;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

thread_local! {
    static LOCALES: RefCell<Vec<Rc<Locale>>> = const { RefCell::new(Vec::new()) };
}

/// A language's words (with a site's replacements) and the browser's
/// formatters for it.
pub struct Locale {
    lang: Lang,
    words: &'static Words,
    numbers: OnceCell<Function>,
    relative: OnceCell<Intl::RelativeTimeFormat>,
    full_date_time: OnceCell<Function>,
    long_date: OnceCell<Function>,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.lang == other.lang && std::ptr::eq(self.words, other.words)
    }
}

/// "Saturday, 16 September 2017 at 10:00".
const FULL_DATE_TIME: &[(&str, &str)] = &[("dateStyle", "full"), ("timeStyle", "short")];
/// "16 September 2017".
const LONG_DATE: &[(&str, &str)] = &[("dateStyle", "long")];

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

impl Locale {
    /// The shared locale of a language, speaking `words` (its own
    /// catalogue, or one with a site's replacements).
    pub fn of(lang: Lang, words: &'static Words) -> Rc<Locale> {
        LOCALES.with(|locales| {
            let same =
                |locale: &&Rc<Locale>| locale.lang == lang && std::ptr::eq(locale.words, words);
            if let Some(found) = locales.borrow().iter().find(same) {
                return found.clone();
            }
            let locale = Rc::new(Locale {
                lang,
                words,
                numbers: OnceCell::new(),
                relative: OnceCell::new(),
                full_date_time: OnceCell::new(),
                long_date: OnceCell::new(),
            });
            locales.borrow_mut().push(locale.clone());
            locale
        })
    }

    /// Makes the formatters the article needs (its long date) in a browser
    /// task of their own, so the article's render does not make them.
    pub async fn prepare_article(lang: Lang, words: &'static Words) {
        next_task().await;
        let locale = Locale::of(lang, words);
        let _ = locale.date(&locale.long_date, LONG_DATE);
    }

    /// Makes the formatters the comments need one browser task at a time
    /// (`Intl.RelativeTimeFormat` alone took 60 ms on a throttled phone), so
    /// the thread's first render finds them made.
    pub async fn prepare_thread(lang: Lang, words: &'static Words) {
        let locale = Locale::of(lang, words);
        let steps: [fn(&Locale); 3] = [
            // Arabic's digits depend on the browser's data.
            |l| {
                if l.lang == Lang::Ar {
                    let _ = l.numbers();
                }
            },
            |l| {
                let _ = l.relative_format();
            },
            |l| {
                let _ = l.date(&l.full_date_time, FULL_DATE_TIME);
            },
        ];
        for step in steps {
            next_task().await;
            step(&locale);
        }
    }

    fn tags(&self) -> Array {
        Array::of1(&self.lang.code().into())
    }

    fn numbers(&self) -> &Function {
        self.numbers
            .get_or_init(|| Intl::NumberFormat::new(&self.tags(), &Object::new()).format())
    }

    fn relative_format(&self) -> &Intl::RelativeTimeFormat {
        self.relative.get_or_init(|| {
            Intl::RelativeTimeFormat::new(&self.tags(), &options(&[("numeric", "auto")]))
        })
    }

    fn date<'a>(&self, cell: &'a OnceCell<Function>, pairs: &[(&str, &str)]) -> &'a Function {
        cell.get_or_init(|| Intl::DateTimeFormat::new(&self.tags(), &options(pairs)).format())
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Its words.
    pub fn words(&self) -> &'static Words {
        self.words
    }

    /// A number as the language writes it: "1,200", "1.200", "١٬٢٠٠".
    /// The widget asks the browser only for Arabic, whose digits depend on
    /// the browser's data.
    pub fn number(&self, n: i64) -> String {
        if BROWSER && self.lang == Lang::Ar {
            return call(self.numbers(), &JsValue::from_f64(n as f64));
        }
        numbers::grouped(self.lang, n)
    }

    /// A counted phrase in its plural form: "1,200 comments", "3 комментария".
    pub fn count(&self, forms: &Forms, n: i64) -> String {
        forms.fill(numbers::plural(self.lang, n), &self.number(n))
    }

    /// "3 hours ago", "yesterday", "8 years ago"; natively the ISO date.
    pub fn relative(&self, ms: f64) -> String {
        if !BROWSER {
            return iso_date(ms);
        }
        let (value, unit) = relative_time(ms, Date::now());
        String::from(self.relative_format().format(value as f64, unit.as_str()))
    }

    /// The full date and time: "Saturday, 16 September 2017 at 10:00";
    /// natively "2017-09-16 10:00 UTC".
    pub fn full_date_time(&self, ms: f64) -> String {
        if !BROWSER {
            let iso = iso_string(ms);
            return match (iso.get(..10), iso.get(11..16)) {
                (Some(date), Some(time)) => format!("{date} {time} UTC"),
                _ => iso,
            };
        }
        call(
            self.date(&self.full_date_time, FULL_DATE_TIME),
            &Date::new(&ms.into()),
        )
    }

    /// The date alone: "16 September 2017"; natively "2017-09-16".
    pub fn long_date(&self, ms: f64) -> String {
        if !BROWSER {
            return iso_date(ms);
        }
        call(
            self.date(&self.long_date, LONG_DATE),
            &Date::new(&ms.into()),
        )
    }
}

/// Whether the browser's Intl is there: in the widget, not in the prerender.
const BROWSER: bool = cfg!(target_arch = "wasm32");

/// "2017-09-16", for the prerender.
fn iso_date(ms: f64) -> String {
    let iso = iso_string(ms);
    iso.get(..iso.len().saturating_sub(14))
        .unwrap_or_default()
        .to_owned()
}
