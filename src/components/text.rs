//! Small pieces of markup shared by the article and the comments.

use crate::core::text::paragraphs;
use crate::format;
use yew::prelude::*;

/// Plain text as paragraphs, with single line breaks kept.
pub fn plain_text(text: &str) -> Html {
    paragraphs(text)
        .into_iter()
        .map(|lines| {
            let last = lines.len() - 1;
            html! {
                <p>
                    { for lines.into_iter().enumerate().map(|(i, line)| html! {
                        <>{ line }if i < last { <br /> }</>
                    }) }
                </p>
            }
        })
        .collect()
}

/// A `<time>` showing how long ago, with the full date on hover.
pub fn relative_time(ms: f64) -> Html {
    html! {
        <time class="tl-time" datetime={format::iso(ms)} title={format::full_date_time(ms)}>
            { format::relative(ms) }
        </time>
    }
}
