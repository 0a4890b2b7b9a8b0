//! The comment model and Threadline's native JSON format.

use serde::{Deserialize, Deserializer};
use std::rc::Rc;

/// A comment id. Ids are strings (some APIs use numbers beyond 2^53) and are
/// shared cheaply between the store and the views.
pub type CommentId = Rc<str>;

/// One response of a Threadline endpoint in the native format: an optional
/// article and the comments, nested or flat.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ThreadDocument {
    /// A stable id for the thread; it keys what the reader's browser remembers.
    #[serde(default, deserialize_with = "optional_id")]
    pub id: Option<String>,
    /// The article the comments belong to, when the host page does not render it.
    #[serde(default)]
    pub article: Option<Article>,
    /// The comments, as a flat list with `parent` ids, nested `replies`, or both.
    pub comments: Vec<CommentInput>,
}

/// The article shown above the thread.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// When it was published, as ISO 8601.
    #[serde(default)]
    pub published: Option<String>,
    /// Who wrote it, when known.
    #[serde(default)]
    pub byline: Option<String>,
    /// Paragraphs and figures, in reading order.
    #[serde(default)]
    pub body: Vec<ArticleBlock>,
}

/// A block of the article body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ArticleBlock {
    /// A paragraph of plain text.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// An image with a caption, optionally linking to a larger version.
    Figure {
        /// The image URL.
        image: String,
        /// The image's text alternative.
        #[serde(default)]
        alt: String,
        /// The caption under the image.
        #[serde(default)]
        caption: String,
        /// Where the image links to, usually the full-size version.
        #[serde(default)]
        link: Option<String>,
    },
}

/// A comment as it arrives: its fields plus, optionally, nested replies.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CommentInput {
    /// The comment's id, a string or a number.
    #[serde(deserialize_with = "required_id")]
    pub id: String,
    /// The id of the comment this one answers; absent or null at top level.
    #[serde(default, deserialize_with = "optional_id")]
    pub parent: Option<String>,
    /// The author's display name; absent, null or blank for anonymous comments.
    #[serde(default)]
    pub author: Option<String>,
    /// When it was posted, as ISO 8601.
    #[serde(default)]
    pub created: Option<String>,
    /// The net score, when the site has votes.
    #[serde(default)]
    pub score: Option<i64>,
    /// The text. Blank lines separate paragraphs.
    #[serde(default)]
    pub body: String,
    /// Replies nested inside this comment.
    #[serde(default)]
    pub replies: Vec<CommentInput>,
}

/// A comment in the store: what a view shows, without its replies.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The comment's id.
    pub id: CommentId,
    /// The author's name, `None` when the comment was posted anonymously.
    pub author: Option<String>,
    /// When it was posted, in milliseconds since the Unix epoch, if known and valid.
    pub created_ms: Option<f64>,
    /// The net score, if the site has votes.
    pub score: Option<i64>,
    /// The text as received.
    pub body: String,
}

impl Comment {
    /// Takes a comment's own fields out of its input form.
    pub fn from_input(input: &CommentInput) -> Self {
        Comment {
            id: Rc::from(input.id.as_str()),
            author: input
                .author
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
            created_ms: input
                .created
                .as_deref()
                .and_then(super::time::parse_iso8601_ms),
            score: input.score,
            body: input.body.clone(),
        }
    }
}

/// An id in JSON: a string or an integer.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Number(serde_json::Number),
}

impl RawId {
    fn into_string(self) -> String {
        match self {
            RawId::Text(text) => text,
            RawId::Number(number) => number.to_string(),
        }
    }
}

fn required_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    RawId::deserialize(deserializer)
        .map(RawId::into_string)
        .map_err(|_| serde::de::Error::custom("expected the id as a string or a number"))
}

fn optional_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<RawId>::deserialize(deserializer)
        .map(|id| id.map(RawId::into_string))
        .map_err(|_| serde::de::Error::custom("expected an id as a string, a number or null"))
}
