//! Numbers, plurals, dates and times in the widget's language, through the
//! browser's Intl: one [`Locale`] per language, made once and shared.

use crate::core::model::MAX_TIME_MS;
use crate::core::time::relative_time;
use crate::core::words::{Forms, Lang, Plural, Words};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use std::cell::RefCell;
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
    plurals: Intl::PluralRules,
    numbers: Function,
    relative: Intl::RelativeTimeFormat,
    full_date_time: Function,
    long_date: Function,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.lang == other.lang && std::ptr::eq(self.words, other.words)
    }
}

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
            let tags = Array::of1(&lang.code().into());
            let date =
                |pairs: &[(&str, &str)]| Intl::DateTimeFormat::new(&tags, &options(pairs)).format();
            let locale = Rc::new(Locale {
                lang,
                words,
                plurals: Intl::PluralRules::new(&tags, &Object::new()),
                numbers: Intl::NumberFormat::new(&tags, &Object::new()).format(),
                relative: Intl::RelativeTimeFormat::new(&tags, &options(&[("numeric", "auto")])),
                full_date_time: date(&[("dateStyle", "full"), ("timeStyle", "short")]),
                long_date: date(&[("dateStyle", "long")]),
            });
            locales.borrow_mut().push(locale.clone());
            locale
        })
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
    pub fn number(&self, n: i64) -> String {
        call(&self.numbers, &JsValue::from_f64(n as f64))
    }

    /// A counted phrase in its plural form: "1,200 comments", "3 комментария".
    pub fn count(&self, forms: &Forms, n: i64) -> String {
        let category = self.plurals.select(n as f64);
        forms.fill(Plural::from_name(&String::from(category)), &self.number(n))
    }

    /// "3 hours ago", "yesterday", "8 years ago".
    pub fn relative(&self, ms: f64) -> String {
        let (value, unit) = relative_time(ms, Date::now());
        String::from(self.relative.format(value as f64, unit.as_str()))
    }

    /// The full date and time: "Saturday, 16 September 2017 at 10:00".
    pub fn full_date_time(&self, ms: f64) -> String {
        call(&self.full_date_time, &Date::new(&ms.into()))
    }

    /// The date alone: "16 September 2017".
    pub fn long_date(&self, ms: f64) -> String {
        call(&self.long_date, &Date::new(&ms.into()))
    }
}

/// The machine-readable form for `<time datetime>`; empty for a time a
/// `Date` cannot hold (whose `toISOString` would throw).
pub fn iso(ms: f64) -> String {
    if ms.abs() <= MAX_TIME_MS {
        String::from(Date::new(&ms.into()).to_iso_string())
    } else {
        String::new()
    }
}
