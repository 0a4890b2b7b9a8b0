//! The article above the thread, when the data carries one.

use super::rich::render;
use crate::core::model::Timestamp;
use crate::core::model::{Article, ArticleBlock};
use crate::core::rich::from_text;
use crate::core::time::iso_string;
use crate::core::url::{safe_image_url, safe_url};
use crate::core::words::{Lang, Words};
use crate::format::Locale;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// The widget's language (for the date).
    #[prop_or_default]
    pub lang: Lang,
    /// The widget's texts.
    pub words: &'static Words,
}

/// Headline, date, byline and body of the article.
#[function_component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let article = &props.article;
    let published = article
        .published
        .clone()
        .and_then(|text| Timestamp::Iso(text).to_ms());
    // The first figure is likely on the first screen, often its largest
    // element: it loads at once; the others as the reader nears them.
    let first_figure = article
        .body
        .iter()
        .position(|block| matches!(block, ArticleBlock::Figure { .. }));
    html! {
        <article class="tl-article">
            <header>
                <h1 class="tl-article-title">{ &article.title }</h1>
                if published.is_some() || article.byline.is_some() {
                    <p class="tl-dateline">
                        if let Some(byline) = &article.byline {
                            <span class="tl-byline">{ byline }</span>
                        }
                        if let Some(ms) = published {
                            <time datetime={iso_string(ms)}>{ Locale::of(props.lang, props.words).long_date(ms) }</time>
                        }
                    </p>
                }
            </header>
            { for article.body.iter().enumerate().map(|(at, b)| block(b, Some(at) == first_figure)) }
        </article>
    }
}

fn block(block: &ArticleBlock, eager: bool) -> Html {
    match block {
        ArticleBlock::Paragraph { text } => render(&from_text(text), None),
        ArticleBlock::Figure {
            image,
            alt,
            caption,
            link,
            width,
            height,
        } => {
            // Both or neither: one alone would distort the image.
            let (width, height) = match (width, height) {
                (Some(w), Some(h)) => (Some(w.to_string()), Some(h.to_string())),
                _ => (None, None),
            };
            let loading = (!eager).then_some("lazy");
            let image = safe_image_url(image).map(|src| {
                html! { <img src={src.to_owned()} alt={alt.clone()} {width} {height} {loading} /> }
            });
            let link = link.as_deref().and_then(safe_url).map(str::to_owned);
            html! {
                <figure class="tl-figure">
                    if let Some(href) = link.clone() {
                        // The caption carries the same link for keyboards; the
                        // image's own link stays out of the Tab order but keeps
                        // its text alternative for screen readers.
                        if caption.is_empty() {
                            <a href={href}>{ image }</a>
                        } else {
                            <a href={href} tabindex="-1">{ image }</a>
                        }
                    } else {
                        { image }
                    }
                    if !caption.is_empty() {
                        <figcaption>
                            if let Some(href) = link {
                                <a href={href}>{ caption }</a>
                            } else {
                                { caption }
                            }
                        </figcaption>
                    }
                </figure>
            }
        }
    }
}
