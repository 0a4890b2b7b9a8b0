//! Small pieces of markup for the comments.

use crate::format;
use yew::prelude::*;

/// A `<time>` showing how long ago, with the full date on hover.
pub fn relative_time(ms: f64) -> Html {
    html! {
        <time class="tl-time" datetime={format::iso(ms)} title={format::full_date_time(ms)}>
            { format::relative(ms) }
        </time>
    }
}
