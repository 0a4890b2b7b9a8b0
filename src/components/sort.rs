//! The order control above the thread: a real `<select>`, so every
//! keyboard, screen reader and phone knows how to use it.

use crate::core::sort::Order;
use crate::core::words::Words;
use crate::live_thread::LiveThread;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`SortControl`].
#[derive(Properties, PartialEq)]
pub struct SortProps {
    /// The loaded thread.
    pub thread: LiveThread,
}

/// "Sort by: Site order / Best / Top / Newest / Oldest / Controversial"; Controversial
/// only when the site counts up and down votes apart.
#[function_component]
pub fn SortControl(props: &SortProps) -> Html {
    let thread = &props.thread;
    let order = use_state(|| thread.order());
    let onchange = {
        let (thread, order) = (thread.clone(), order.clone());
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| Order::parse(&select.value()));
            if let Some(chosen) = chosen {
                thread.set_order(chosen);
                order.set(chosen);
            }
        })
    };
    let words = thread.words();
    let id = thread.dom_id("sort", "comments");
    let offered = Order::ALL
        .into_iter()
        .filter(|choice| *choice != Order::Controversial || thread.counts_votes());
    html! {
        <p class="tl-sort">
            <label for={id.clone()}>{ words.sort_by }</label>
            <select {id} {onchange}>
                { for offered.map(|choice| html! {
                    <option value={choice.name()} selected={choice == *order}>{ label(words, choice) }</option>
                }) }
            </select>
        </p>
    }
}

/// An order's name in the reader's language.
fn label(words: &Words, order: Order) -> &'static str {
    match order {
        Order::Site => words.order_site,
        Order::Best => words.order_best,
        Order::Top => words.order_top,
        Order::New => words.order_new,
        Order::Old => words.order_old,
        Order::Controversial => words.order_controversial,
    }
}
