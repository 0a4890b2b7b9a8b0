//! Dates and times in the reader's own language, through the browser's Intl.

use crate::core::model::MAX_TIME_MS;
use crate::core::time::relative_time;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

thread_local! {
    static RELATIVE: Intl::RelativeTimeFormat =
        Intl::RelativeTimeFormat::new(&Array::new(), &options(&[("numeric", "auto")]));
    static FULL_DATE_TIME: Function =
        Intl::DateTimeFormat::new(&Array::new(), &options(&[("dateStyle", "full"), ("timeStyle", "short")])).format();
    static LONG_DATE: Function =
        Intl::DateTimeFormat::new(&Array::new(), &options(&[("dateStyle", "long")])).format();
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn call(format: &Function, ms: f64) -> String {
    format
        .call1(&JsValue::UNDEFINED, &Date::new(&ms.into()))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// "3 hours ago", "yesterday", "8 years ago", in the reader's language.
pub fn relative(ms: f64) -> String {
    let (value, unit) = relative_time(ms, Date::now());
    RELATIVE.with(|format| String::from(format.format(value as f64, unit.as_str())))
}

/// The full date and time, for a tooltip: "Saturday, 16 September 2017 at 10:00".
pub fn full_date_time(ms: f64) -> String {
    FULL_DATE_TIME.with(|format| call(format, ms))
}

/// The date alone: "16 September 2017".
pub fn long_date(ms: f64) -> String {
    LONG_DATE.with(|format| call(format, ms))
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
