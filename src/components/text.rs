//! Small pieces of markup for the comments.

use crate::core::time::iso_string;
use crate::format::Locale;
use yew::prelude::*;

/// A `<time>` showing how long ago, with the full date on hover and for
/// screen readers.
pub fn relative_time(locale: &Locale, ms: f64) -> Html {
    let full = locale.full_date_time(ms);
    html! {
        <time class="tl-time" datetime={iso_string(ms)} title={full.clone()}>
            { locale.relative(ms) }
            <span class="tl-sr">{ format!(" ({full})") }</span>
        </time>
    }
}
