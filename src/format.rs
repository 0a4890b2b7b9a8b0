//! Numbers, plurals, dates and times in the widget's language: one
//! [`Locale`] per language, made once and shared. All of it comes from the
//! core ([`crate::core::numbers`], [`crate::core::calendar`]), which the
//! prerender shares, not from the browser's Intl, whose first formatter of
//! each kind held a throttled phone's page 60–75 ms; the browser gives only
//! the time and the reader's time zone.
//!
//! Natively (the prerender, `threadline-render`) there is no browser: times
//! are in UTC, and a comment's time is its date in words ("September 16,
//! 2017") until the widget takes the markup over and says how long ago.

use crate::core::calendar::{self, Moment};
use crate::core::numbers;
use crate::core::time::relative_time;
use crate::core::words::{Forms, Lang, Words};
use js_sys::Date;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static LOCALES: RefCell<Vec<Rc<Locale>>> = const { RefCell::new(Vec::new()) };
}

/// A language and its words (with a site's replacements).
pub struct Locale {
    lang: Lang,
    words: &'static Words,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.lang == other.lang && std::ptr::eq(self.words, other.words)
    }
}

/// Whether the browser is there: in the widget, not in the prerender.
const BROWSER: bool = cfg!(target_arch = "wasm32");

/// `ms` on the reader's clock (in UTC natively).
fn moment(ms: f64) -> Option<Moment> {
    let offset = if BROWSER {
        Date::new(&ms.into()).get_timezone_offset()
    } else {
        0.0
    };
    Moment::at(ms, offset)
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
            let locale = Rc::new(Locale { lang, words });
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

    /// A number as the language writes it: "1,200", "1.200", "1 200".
    pub fn number(&self, n: i64) -> String {
        numbers::grouped(self.lang, n)
    }

    /// A counted phrase in its plural form: "1,200 comments", "3 комментария".
    pub fn count(&self, forms: &Forms, n: i64) -> String {
        forms.fill(numbers::plural(self.lang, n), &self.number(n))
    }

    /// "3 hours ago", "yesterday", "8 years ago"; natively the date.
    pub fn relative(&self, ms: f64) -> String {
        if !BROWSER {
            return self.long_date(ms);
        }
        let (value, unit) = relative_time(ms, Date::now());
        calendar::ago(self.lang, value, unit)
    }

    /// The full date and time: "Saturday, September 16, 2017 at 10:05 AM";
    /// natively with "UTC" after it.
    pub fn full_date_time(&self, ms: f64) -> String {
        let Some(moment) = moment(ms) else {
            return String::new();
        };
        let full = calendar::full_date_time(self.lang, moment);
        if BROWSER {
            full
        } else {
            full + " UTC"
        }
    }

    /// The date alone: "September 16, 2017".
    pub fn long_date(&self, ms: f64) -> String {
        moment(ms).map_or_else(String::new, |moment| calendar::long_date(self.lang, moment))
    }
}
