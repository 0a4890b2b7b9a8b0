//! Renders a body's safe tree as Yew nodes: element by element from the
//! allowlist, text as text. Nothing here can produce markup from a string.

use crate::core::rich::{Align, Node, Tag};
use yew::prelude::*;

/// What links rel to, always: no ranking credit, no opener, no referrer.
const LINK_REL: &str = "nofollow ugc noopener noreferrer";

/// Renders nodes; links open in `link_target` when the site set one.
pub fn render(nodes: &[Node], link_target: Option<&AttrValue>) -> Html {
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(text) => html! { { text } },
            Node::Element(element) => {
                let children = render(&element.children, link_target);
                match element.tag {
                    Tag::Br => html! { <br /> },
                    Tag::Img => html! {
                        <img src={element.url.clone()} alt={element.alt.clone()} loading="lazy" referrerpolicy="no-referrer" />
                    },
                    Tag::A => html! {
                        <a href={element.url.clone()} rel={LINK_REL} target={link_target.cloned()}>{ children }</a>
                    },
                    Tag::Ol => html! {
                        <ol start={element.start.map(|number| number.to_string())}>{ children }</ol>
                    },
                    tag @ (Tag::Th | Tag::Td) => {
                        let class = match element.align {
                            Align::None => None,
                            Align::Left => Some("tl-left"),
                            Align::Center => Some("tl-center"),
                            Align::Right => Some("tl-right"),
                        };
                        html! { <@{tag.name()} class={class}>{ children }</@> }
                    }
                    tag => html! { <@{tag.name()}>{ children }</@> },
                }
            }
        })
        .collect()
}
