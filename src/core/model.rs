//! The comment model and Threadline's native JSON format.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::rc::Rc;

/// A comment id. Ids are strings (some APIs use numbers beyond 2^53) and are
/// shared cheaply between the store and the views.
pub type CommentId = Rc<str>;

/// One response of a Threadline endpoint in the native format: an optional
/// article and the comments, nested or flat.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadDocument {
    /// A stable id for the thread; it keys what the reader's browser remembers.
    pub id: Option<String>,
    /// The article the comments belong to, when the host page does not render it.
    pub article: Option<Article>,
    /// The comments, as a flat list with `parent` ids, nested `replies`, or both.
    pub comments: Vec<CommentInput>,
    /// How many comments of the response could not be read (mapped APIs only).
    pub skipped: usize,
}

/// The article shown above the thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// When it was published, as ISO 8601.
    pub published: Option<String>,
    /// Who wrote it, when known.
    pub byline: Option<String>,
    /// Paragraphs and figures, in reading order.
    pub body: Vec<ArticleBlock>,
}

/// A block of the article body.
#[derive(Debug, Clone, PartialEq)]
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
        alt: String,
        /// The caption under the image.
        caption: String,
        /// Where the image links to, usually the full-size version.
        link: Option<String>,
        /// The image's width and height in pixels, when known: the page
        /// keeps its space while it loads, so nothing below moves.
        width: Option<u32>,
        /// See `width`.
        height: Option<u32>,
    },
}

impl ArticleBlock {
    /// Reads one block: `{"type": "paragraph", "text": …}` or
    /// `{"type": "figure", "image": …, "alt", "caption", "link", "width",
    /// "height"}`. A block of another type, or with a field of the wrong
    /// type, is `None` (left out, the rest of the article kept). Read by
    /// hand: serde's internally tagged enums buffer every block and cost
    /// 9 KB of wasm.
    pub fn read(block: &Value) -> Option<ArticleBlock> {
        // A field that may be missing or null; present, it must be `read`'s kind.
        fn optional<'a, T>(
            block: &'a Value,
            key: &str,
            read: impl Fn(&'a Value) -> Option<T>,
        ) -> Option<Option<T>> {
            match block.get(key) {
                None | Some(Value::Null) => Some(None),
                Some(value) => read(value).map(Some),
            }
        }
        let text = |key: &str| optional(block, key, |value| value.as_str().map(str::to_owned));
        // A text that may be missing (then empty) but not null.
        let text_or_empty = |key: &str| {
            block.get(key).map_or(Some(String::new()), |value| {
                value.as_str().map(str::to_owned)
            })
        };
        let pixels = |key: &str| {
            optional(block, key, |value| {
                value.as_u64().and_then(|n| u32::try_from(n).ok())
            })
        };
        match block.get("type")?.as_str()? {
            "paragraph" => Some(ArticleBlock::Paragraph {
                text: text("text")??,
            }),
            "figure" => Some(ArticleBlock::Figure {
                image: text("image")??,
                alt: text_or_empty("alt")?,
                caption: text_or_empty("caption")?,
                link: text("link")?,
                width: pixels("width")?,
                height: pixels("height")?,
            }),
            _ => None,
        }
    }
}

/// A comment as it arrives: its fields plus, optionally, nested replies.
/// Mappings of other APIs produce this too, flat, with `parent` set.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// A link to the author's profile.
    #[serde(default)]
    pub author_url: Option<String>,
    /// The author's picture.
    #[serde(default)]
    pub avatar: Option<String>,
    /// A hash to draw an identicon from when there is no picture (Isso's).
    #[serde(default)]
    pub avatar_hash: Option<String>,
    /// When it was posted.
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// The net score, when the site has votes.
    #[serde(default)]
    pub score: Option<i64>,
    /// Up votes, when the site counts them apart (for the Best and
    /// Controversial orders).
    #[serde(default)]
    pub up: Option<u64>,
    /// Down votes, when the site counts them apart.
    #[serde(default)]
    pub down: Option<u64>,
    /// The text. Blank lines separate paragraphs.
    #[serde(default)]
    pub body: Rc<str>,
    /// How `body` is written.
    #[serde(default)]
    pub format: BodyFormat,
    /// True for a deleted or removed comment: it is kept as a "[deleted]"
    /// placeholder while it has replies, and dropped otherwise.
    #[serde(default)]
    pub deleted: bool,
    /// True for a comment edited after it was posted (shown "edited").
    #[serde(default)]
    pub edited: bool,
    /// True for a comment readers flagged (Hacker News' dead, Discourse's
    /// hidden): shown as a line the reader can open.
    #[serde(default)]
    pub flagged: bool,
    /// For a placeholder that stands for replies not in the response: how many.
    #[serde(default)]
    pub more: Option<u64>,
    /// For such a placeholder: the ids of the replies it stands for, if known.
    #[serde(default)]
    pub more_ids: Vec<String>,
    /// Replies nested inside this comment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<CommentInput>,
}

/// How a comment body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

/// A point in time as an API gives it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Timestamp {
    /// ISO 8601 text; without a zone it is UTC.
    Iso(String),
    /// A number: seconds since the epoch, or a finer unit when it is too
    /// large to be seconds (see [`Timestamp::to_ms`]).
    Epoch(f64),
    /// Milliseconds since the epoch, as a mapping that knows the unit gives it.
    #[serde(skip)]
    Millis(f64),
}

/// The furthest time from 1970 a browser's `Date` can hold (±100,000,000
/// days): a time beyond it is no time, not an exception while rendering.
pub const MAX_TIME_MS: f64 = 8.64e15;

impl Timestamp {
    /// Milliseconds since the Unix epoch, if the value is a time a browser
    /// can show. An epoch number is read by its size: seconds, or
    /// milliseconds, microseconds or nanoseconds when it is too large to be
    /// seconds (after the year 5138).
    pub fn to_ms(&self) -> Option<f64> {
        let ms = match self {
            Timestamp::Iso(text) => super::time::parse_iso8601_ms(text)?,
            Timestamp::Epoch(n) if n.abs() >= 1e17 => n / 1e6,
            Timestamp::Epoch(n) if n.abs() >= 1e14 => n / 1e3,
            Timestamp::Epoch(n) if n.abs() >= 1e11 => *n,
            Timestamp::Epoch(n) => n * 1000.0,
            Timestamp::Millis(ms) => *ms,
        };
        (ms.abs() <= MAX_TIME_MS).then_some(ms)
    }
}

/// A comment in the store: what a view shows, without its replies.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The comment's id.
    pub id: CommentId,
    /// The author's name, `None` when the comment was posted anonymously.
    pub author: Option<String>,
    /// A link to the author's profile.
    pub author_url: Option<String>,
    /// The author's picture.
    pub avatar: Option<String>,
    /// A hash to draw an identicon from when there is no picture.
    pub avatar_hash: Option<String>,
    /// When it was posted, in milliseconds since the Unix epoch, if known and valid.
    pub created_ms: Option<f64>,
    /// The net score, if the site has votes.
    pub score: Option<i64>,
    /// Up and down votes, when the site counts them apart.
    pub votes: Option<(u64, u64)>,
    /// The text as received.
    pub body: Rc<str>,
    /// How the text is written.
    pub format: BodyFormat,
    /// A deleted comment kept as a placeholder for its replies.
    pub deleted: bool,
    /// Edited after it was posted.
    pub edited: bool,
    /// Flagged by readers: it starts hidden behind a line saying so.
    pub flagged: bool,
    /// A placeholder for this many replies that the response left out.
    pub more: Option<u64>,
    /// The ids of the replies a placeholder stands for, if the API gave them.
    pub more_ids: Vec<String>,
}

fn non_blank(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

impl Comment {
    /// Takes a comment's own fields out of its input form.
    pub fn from_input(input: &CommentInput) -> Self {
        Comment {
            id: Rc::from(input.id.as_str()),
            author: non_blank(&input.author),
            author_url: non_blank(&input.author_url),
            avatar: non_blank(&input.avatar),
            avatar_hash: non_blank(&input.avatar_hash),
            created_ms: input.created.as_ref().and_then(Timestamp::to_ms),
            score: input
                .score
                .or_else(|| Some(input.up? as i64 - input.down.unwrap_or(0) as i64)),
            votes: input
                .up
                .or(input.down)
                .map(|_| (input.up.unwrap_or(0), input.down.unwrap_or(0))),
            body: input.body.clone(),
            format: input.format,
            deleted: input.deleted,
            edited: input.edited,
            flagged: input.flagged,
            more: input.more,
            more_ids: input.more_ids.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_blocks_are_read_field_by_field_and_a_wrong_one_is_left_out() {
        let read = |json: &str| ArticleBlock::read(&serde_json::from_str(json).expect("JSON"));
        assert_eq!(
            read(r#"{"text": "Hi", "type": "paragraph", "extra": 1}"#),
            Some(ArticleBlock::Paragraph { text: "Hi".into() })
        );
        assert_eq!(
            read(r#"{"type": "figure", "image": "a.jpg", "link": null, "width": 640}"#),
            Some(ArticleBlock::Figure {
                image: "a.jpg".into(),
                alt: String::new(),
                caption: String::new(),
                link: None,
                width: Some(640),
                height: None,
            })
        );
        for broken in [
            r#"{"type": "paragraph"}"#,
            r#"{"type": "paragraph", "text": null}"#,
            r#"{"type": "Paragraph", "text": "Hi"}"#,
            r#"{"text": "Hi"}"#,
            r#"{"type": "video"}"#,
            r#"{"type": "figure"}"#,
            r#"{"type": "figure", "image": "a.jpg", "alt": null}"#,
            r#"{"type": "figure", "image": "a.jpg", "caption": 3}"#,
            r#"{"type": "figure", "image": "a.jpg", "link": 3}"#,
            r#"{"type": "figure", "image": "a.jpg", "width": 64.5}"#,
            r#"{"type": "figure", "image": "a.jpg", "height": -1}"#,
            r#"{"type": "figure", "image": "a.jpg", "width": 4294967296}"#,
            "3",
        ] {
            assert_eq!(read(broken), None, "{broken}");
        }
    }

    #[test]
    fn times_a_browser_cannot_hold_are_no_time() {
        let ns = Timestamp::Epoch(1_577_836_800_000_000_000.0);
        assert_eq!(
            ns.to_ms(),
            Some(1_577_836_800_000.0),
            "nanoseconds read by size"
        );
        assert_eq!(
            Timestamp::Epoch(1_577_836_800_000_000.0).to_ms(),
            Some(1_577_836_800_000.0)
        );
        assert_eq!(
            Timestamp::Epoch(1_577_836_800.0).to_ms(),
            Some(1_577_836_800_000.0)
        );
        assert_eq!(
            Timestamp::Millis(1e20 * 1000.0).to_ms(),
            None,
            "Reddit's created_utc 1e20"
        );
        assert_eq!(Timestamp::Epoch(1e30).to_ms(), None);
        assert_eq!(Timestamp::Epoch(f64::INFINITY).to_ms(), None);
        assert_eq!(Timestamp::Epoch(f64::NAN).to_ms(), None);
        assert_eq!(Timestamp::Millis(-MAX_TIME_MS).to_ms(), Some(-MAX_TIME_MS));
        assert_eq!(
            Timestamp::Iso("275760-09-13T00:00:01Z".into()).to_ms(),
            None
        );
    }
}
