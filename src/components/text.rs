//! Small pieces of markup for the comments.

use crate::core::time::iso_string;
use crate::format::Locale;
use yew::prelude::*;

/// An ARIA state's value ("true" or "false"), without making a string
/// for each of the many buttons that carry one.
pub fn aria(flag: bool) -> &'static str {
    if flag {
        "true"
    } else {
        "false"
    }
}

/// A `<time>` showing how long ago, with the full date on hover and for
/// screen readers.
pub fn relative_time(locale: &Locale, ms: f64) -> Html {
    let full = AttrValue::from(locale.full_date_time(ms));
    html! {
        <time class="tl-time" datetime={iso_string(ms)} title={full.clone()}>
            { locale.relative(ms) }
            <span class="tl-sr">{ format!(" ({full})") }</span>
        </time>
    }
}
