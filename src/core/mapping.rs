//! Reading any JSON API's comments: a declarative mapping (where the list is,
//! how the tree is shaped, which field holds what) and named presets for
//! real APIs. Never fails on one bad comment: it is skipped and counted.

use super::entities::{decode, Context};
use super::model::{BodyFormat, CommentInput, ThreadDocument, Timestamp};
use super::pages::{Count, Pages};
use super::path::{describe, JsonPath, PathMiss};
use super::template::fill;
use super::time::parse_iso8601_ms;
use super::url::encode_component;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Where and how to find the comments in a response.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    /// Path to the list of comments ("" when the response is the list).
    #[serde(default)]
    pub comments: JsonPath,
    /// How replies are attached to their parents.
    #[serde(default)]
    pub tree: Tree,
    /// The comment's id.
    pub id: Fields,
    /// The parent's id, for a flat list (top level when null, "", 0 or absent).
    #[serde(default)]
    pub parent: Fields,
    /// The author's display name.
    #[serde(default)]
    pub author: Fields,
    /// A link to the author's profile: paths, or a template.
    #[serde(default)]
    pub author_url: Link,
    /// The author's picture: paths, or a template.
    #[serde(default)]
    pub avatar: Link,
    /// A hash to draw an identicon from for authors without a picture
    /// (Isso's `hash`).
    #[serde(default)]
    pub avatar_hash: Fields,
    /// The text.
    #[serde(default)]
    pub body: Fields,
    /// How the text is written.
    #[serde(default)]
    pub format: BodyFormat,
    /// When it was posted: ISO 8601 (with or without zone) or epoch seconds or milliseconds.
    #[serde(default)]
    pub created: Fields,
    /// How `created` is written; `auto` tells them apart by type and size.
    #[serde(default)]
    pub time_format: TimeFormat,
    /// The net score.
    #[serde(default)]
    pub score: Fields,
    /// Up votes, when the API counts them apart; the score is up minus down.
    #[serde(default)]
    pub up: Fields,
    /// Down votes.
    #[serde(default)]
    pub down: Fields,
    /// Flags that mark a deleted or removed comment (any one true is
    /// enough), or tests of a value (`{"path": "mode", "equals": 4}`).
    #[serde(default)]
    pub deleted: Flags,
    /// Flags (or times) that mark a comment edited after it was posted.
    #[serde(default)]
    pub edited: Flags,
    /// Flags that mark a comment readers flagged (the same forms): it
    /// starts hidden behind a line the reader can open.
    #[serde(default)]
    pub flagged: Flags,
    /// What marks a placeholder for replies left out of the response.
    #[serde(default)]
    pub more: Option<MoreRule>,
    /// How many replies a comment has in all, when the API counts them
    /// (Discourse's `reply_count`, Isso's `total_replies`): those missing
    /// from the response become an "N more replies" row.
    #[serde(default)]
    pub reply_count: Fields,
    /// How "more replies" placeholders are filled in, if they can be.
    #[serde(default)]
    pub load_more: Option<LoadMore>,
    /// Whether a reply to a comment missing from the response is shown as
    /// such (`orphan`), or is simply a top-level comment (`top-level`, for
    /// APIs whose top-level comments name the post as their parent).
    #[serde(default)]
    pub missing_parent: MissingParent,
    /// How a paged API's next page is found, if it pages.
    #[serde(default)]
    pub pages: Option<Pages>,
    /// How many comments the whole thread holds, when the response says
    /// (a path, or a header like `{"header": "X-WP-Total"}`).
    #[serde(default)]
    pub total: Option<Count>,
}

/// How replies are attached to their parents.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Tree {
    /// Each comment names its parent in the `parent` field (or none: all top level).
    #[default]
    Flat,
    /// Each comment holds its replies as a list at this path.
    Nested(JsonPath),
    /// Each comment lists its replies' ids at this path (HN's `kids`).
    Kids(JsonPath),
    /// Each comment has a materialized path of ancestor ids, like Lemmy's
    /// `0.12.34` (the last id is the comment's own; `0` is the post).
    Path(JsonPath),
}

/// How a time field is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeFormat {
    /// ISO 8601 text, or a number in seconds (milliseconds when it is huge).
    #[default]
    Auto,
    /// ISO 8601, with or without a zone (none means UTC).
    Iso,
    /// Seconds since the Unix epoch.
    EpochSeconds,
    /// Milliseconds since the Unix epoch.
    EpochMillis,
}

/// What marks a placeholder for replies that are not in the response.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MoreRule {
    /// The field to test.
    pub when: JsonPath,
    /// The value it has on a placeholder.
    pub equals: Value,
    /// How many replies the placeholder stands for.
    #[serde(default)]
    pub count: Fields,
    /// The list of the ids it stands for, used to fetch them.
    #[serde(default)]
    pub ids: Option<JsonPath>,
}

/// How to fetch the replies a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoadMore {
    /// The URL to fetch, where `{ids}` becomes the placeholder's reply ids
    /// (comma-separated), `{id}` its own id and `{parent}` its parent's id.
    #[serde(default)]
    pub url: Option<String>,
    /// Where the comments are in that response; the main `comments` path if absent.
    #[serde(default)]
    pub comments: Option<JsonPath>,
    /// How that response's comments attach; the main `tree` if absent.
    #[serde(default)]
    pub tree: Option<Tree>,
}

/// What happens to a reply whose parent is not in the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingParent {
    /// Shown at top level, marked as a reply to a comment that is not loaded.
    #[default]
    Orphan,
    /// Shown at top level as an ordinary comment.
    TopLevel,
}

/// One path, or several tried in order: the first that holds a value wins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fields(Vec<JsonPath>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(JsonPath),
            Many(Vec<JsonPath>),
        }
        Ok(match OneOrMany::deserialize(deserializer)? {
            OneOrMany::One(path) => Fields(vec![path]),
            OneOrMany::Many(paths) => Fields(paths),
        })
    }
}

impl Fields {
    fn id_text(value: &Value) -> Option<String> {
        match value {
            Value::String(text) if !text.is_empty() => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    fn value<'v>(&self, item: &'v Value) -> Option<&'v Value> {
        self.0
            .iter()
            .filter_map(|path| path.get(item))
            .find(|value| match value {
                Value::Null => false,
                Value::String(text) => !text.trim().is_empty(),
                _ => true,
            })
    }

    fn text(&self, item: &Value) -> Option<String> {
        match self.value(item)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    fn number(&self, item: &Value) -> Option<f64> {
        match self.value(item)? {
            Value::Number(number) => number.as_f64(),
            Value::String(text) => text.trim().parse().ok().filter(|n: &f64| n.is_finite()),
            _ => None,
        }
    }
}

/// A URL the response gives whole (paths, as [`Fields`]) or in parts: a
/// template whose `{path}`s take the comment's values, then whose other
/// `{name}`s take the template's own values, as Discourse needs:
/// `{"template": "https://forum.example{avatar_template}", "size": 48}`
/// (its `avatar_template` holds `{size}`), or
/// `{"template": "https://forum.example/u/{username}"}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// Paths to the whole URL.
    Paths(Fields),
    /// A template.
    Template {
        /// The text with `{path}` placeholders.
        template: String,
        /// Values for placeholders the comment's values bring.
        values: Vec<(String, String)>,
    },
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Template {
                template: String,
                #[serde(flatten)]
                values: std::collections::BTreeMap<String, Value>,
            },
            Paths(Fields),
        }
        let value = Value::deserialize(deserializer)?;
        let form = Form::deserialize(&value).map_err(|_| {
            D::Error::custom(format!(
                "`authorUrl` and `avatar` take a path, a list of paths, or \
                 {{\"template\": \"https://…{{path}}…\"}} with values for its other placeholders, not {value}"
            ))
        })?;
        Ok(match form {
            Form::Paths(fields) => Link::Paths(fields),
            Form::Template { template, values } => Link::Template {
                template,
                values: values
                    .into_iter()
                    .map(|(name, value)| {
                        let text = match value {
                            Value::String(text) => text,
                            other => other.to_string(),
                        };
                        (name, text)
                    })
                    .collect(),
            },
        })
    }
}

impl Default for Link {
    fn default() -> Self {
        Link::Paths(Fields::default())
    }
}

impl Link {
    /// The URL for this comment, if its values are there.
    fn text(&self, item: &Value) -> Option<String> {
        match self {
            Link::Paths(fields) => fields.text(item),
            Link::Template { template, values } => {
                let mut out = String::with_capacity(template.len());
                let mut rest = template.as_str();
                while let Some((before, after)) = rest.split_once('{') {
                    let (path, tail) = after.split_once('}')?;
                    out.push_str(before);
                    if values.iter().any(|(name, _)| name == path) {
                        // The template's own value, filled in below.
                        out.push_str(&format!("{{{path}}}"));
                    } else {
                        out.push_str(&Fields(vec![JsonPath::new(path)]).text(item)?);
                    }
                    rest = tail;
                }
                out.push_str(rest);
                let pairs: Vec<(&str, &str)> = values
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str()))
                    .collect();
                Some(super::template::fill(&out, &pairs))
            }
        }
    }
}

/// What marks a comment deleted or edited: paths whose value is set (true,
/// a non-zero number, a non-empty string), or tests of a value, any one
/// enough: `"deleted"`, `["deleted", "removed"]`, `{"path": "mode",
/// "equals": 4}`, `{"path": "body", "in": ["[deleted]", "[removed]"]}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flags(Vec<Flag>);

/// One way a comment can be marked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
enum Flag {
    /// The value at this path is set.
    Set(JsonPath),
    /// The value at a path is one of some values.
    Test(Test),
}

/// A test of the value at `path`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Test {
    path: JsonPath,
    /// The value it must equal.
    #[serde(default)]
    equals: Option<Value>,
    /// Or the values it may be.
    #[serde(default, rename = "in")]
    one_of: Vec<Value>,
}

impl<'de> Deserialize<'de> for Flags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            // First: a test's fields could otherwise be read from a list.
            Many(Vec<Flag>),
            One(Flag),
        }
        // Read as JSON first, so a mistake is named in words, not as "no
        // variant matched".
        let value = Value::deserialize(deserializer)?;
        let form = OneOrMany::deserialize(&value).map_err(|_| {
            D::Error::custom(format!(
                "`deleted` and `edited` take a path, a list of paths, or tests like \
                 {{\"path\": \"mode\", \"equals\": 4}} or {{\"path\": \"body\", \"in\": [\"[deleted]\"]}}, not {value}"
            ))
        })?;
        Ok(match form {
            OneOrMany::One(flag) => Flags(vec![flag]),
            OneOrMany::Many(flags) => Flags(flags),
        })
    }
}

impl Flags {
    /// Whether any of the marks holds for this item.
    fn any(&self, item: &Value) -> bool {
        self.0.iter().any(|flag| match flag {
            Flag::Set(path) => path.get(item).is_some_and(|value| match value {
                Value::Bool(flag) => *flag,
                Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
                Value::String(text) => !text.is_empty(),
                _ => false,
            }),
            Flag::Test(test) => test.path.get(item).is_some_and(|value| {
                test.equals
                    .iter()
                    .chain(&test.one_of)
                    .any(|wanted| same(value, wanted))
            }),
        })
    }
}

/// JSON equality, with numbers compared by value (4 is 4.0).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => a == b,
    }
}

/// The named presets. Each is a mapping, plus any quirk handled in [`quirks`].
pub const PRESETS: &[(&str, &str)] = &[
    (
        "hn-algolia",
        r#"{"comments": "children", "tree": {"nested": "children"},
        "id": "id", "parent": "parent_id", "author": "author", "body": "text", "format": "html",
        "created": ["created_at", "created_at_i"], "score": "points", "missingParent": "top-level"}"#,
    ),
    (
        "hackerweb",
        r#"{"comments": "comments", "tree": {"nested": "comments"},
        "id": "id", "author": "user", "body": "content", "format": "html",
        "created": "time", "timeFormat": "epoch-seconds", "score": "points", "deleted": "deleted"}"#,
    ),
    (
        "reddit",
        r#"{"comments": "1.data.children", "tree": {"nested": "data.replies.data.children"},
        "id": "data.name", "parent": "data.parent_id", "author": "data.author", "body": "data.body",
        "format": "markdown", "created": "data.created_utc", "timeFormat": "epoch-seconds",
        "score": "data.score", "up": "data.ups", "down": "data.downs",
        "more": {"when": "kind", "equals": "more", "count": "data.count", "ids": "data.children"},
        "loadMore": {"comments": "json.data.things", "tree": "flat"},
        "missingParent": "top-level"}"#,
    ),
    (
        "wordpress",
        r#"{"id": "id", "parent": "parent", "author": "author_name",
        "authorUrl": "author_url", "avatar": ["author_avatar_urls.48", "author_avatar_urls.96"],
        "body": "content.rendered", "format": "html", "created": ["date_gmt", "date"], "timeFormat": "iso",
        "pages": {"next": "link"}, "total": {"header": "X-WP-Total"}}"#,
    ),
    (
        "mastodon",
        r#"{"comments": "descendants", "id": "id", "parent": "in_reply_to_id",
        "author": ["account.display_name", "account.acct"], "authorUrl": "account.url",
        "avatar": "account.avatar", "body": "content", "format": "html", "created": "created_at",
        "score": "favourites_count", "missingParent": "top-level"}"#,
    ),
    (
        "lemmy",
        r#"{"comments": "comments", "tree": {"path": "comment.path"}, "id": "comment.id",
        "author": ["creator.display_name", "creator.name"], "authorUrl": "creator.actor_id",
        "avatar": "creator.avatar", "body": "comment.content", "format": "markdown",
        "created": "comment.published", "score": "counts.score", "up": "counts.upvotes", "down": "counts.downvotes",
        "deleted": ["comment.deleted", "comment.removed"], "pages": {"next": "page"}}"#,
    ),
    (
        "discourse",
        r#"{"comments": "post_stream.posts", "id": "post_number", "parent": "reply_to_post_number",
        "author": ["name", "username"], "avatar": "avatar_template", "body": "cooked", "format": "html",
        "created": "created_at", "score": "like_count", "deleted": "deleted_at", "flagged": "hidden",
        "total": "posts_count", "replyCount": "reply_count",
        "pages": {"next": {"ids": {"path": "post_stream.stream", "url": "{base}/posts.json", "param": "post_ids[]"}}}}"#,
    ),
    (
        "github",
        r#"{"id": "id", "author": "user.login", "authorUrl": "user.html_url",
        "avatar": "user.avatar_url", "body": "body", "format": "markdown", "created": "created_at",
        "up": "reactions.+1", "down": "reactions.-1", "pages": {"next": "link"}}"#,
    ),
    (
        "remark42",
        r#"{"id": "id", "parent": "pid", "author": "user.name", "authorUrl": "user.profile",
        "avatar": "user.picture", "body": "text", "format": "html", "created": "time", "score": "score",
        "deleted": "delete"}"#,
    ),
    (
        "isso",
        r#"{"comments": "replies", "tree": {"nested": "replies"}, "id": "id", "parent": "parent",
        "author": "author", "authorUrl": "website", "avatarHash": "hash", "body": "text", "format": "html",
        "created": "created", "timeFormat": "epoch-seconds", "up": "likes", "down": "dislikes",
        "deleted": {"path": "mode", "equals": 4}, "edited": "modified", "replyCount": "total_replies",
        "total": "total_replies", "pages": {"next": "offset", "remaining": "hidden_replies"},
        "loadMore": {"url": "{src}&parent={parent}"}}"#,
    ),
];

/// Threadline's own format, read the way mapped APIs are (so one bad
/// comment is skipped, not fatal); `format`, `more` and `moreIds` are read
/// per comment in [`quirks`].
const NATIVE: &str = r#"{"comments": "comments", "tree": {"nested": "replies"},
    "id": "id", "parent": "parent", "author": "author", "authorUrl": "authorUrl", "avatar": "avatar",
    "body": "body", "created": "created", "score": "score", "deleted": "deleted",
    "flagged": "flagged"}"#;

/// The mapping that reads Threadline's own format. Read through a `Value`,
/// as every other mapping is: reading it from text would compile a second
/// copy of the mapping's reader (12 KB of wasm). Built once.
pub fn native_mapping() -> &'static Mapping {
    thread_local! {
        static NATIVE_MAPPING: &'static Mapping = Box::leak(Box::new(
            serde_json::from_str(NATIVE)
                .and_then(serde_json::from_value)
                .unwrap_or_default(),
        ));
    }
    NATIVE_MAPPING.with(|mapping| *mapping)
}

/// How to read a response: the native format, or a mapping with a preset's quirks.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Threadline's own format.
    Native,
    /// A mapping, and the preset it came from (for quirks), if any.
    Mapped(Box<Mapping>, Option<String>),
}

/// Why a mapping could not be set up: names the preset or the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError(pub String);

impl Source {
    /// Builds the source from a preset name and/or a mapping as JSON text.
    /// A mapping given with a preset extends it: its keys replace the preset's.
    pub fn configure(preset: Option<&str>, mapping: Option<&str>) -> Result<Source, MappingError> {
        let preset = preset.map(str::trim).filter(|name| !name.is_empty());
        let mut merged = match preset {
            None | Some("threadline") if mapping.is_none() => return Ok(Source::Native),
            None | Some("threadline") => serde_json::Map::new(),
            Some(name) => match PRESETS.iter().find(|(preset, _)| *preset == name) {
                Some((_, json)) => match serde_json::from_str::<Value>(json) {
                    Ok(Value::Object(map)) => map,
                    _ => return Err(MappingError(format!("the preset `{name}` is broken"))),
                },
                None => {
                    let names: Vec<&str> = PRESETS.iter().map(|(name, _)| *name).collect();
                    return Err(MappingError(format!(
                        "there is no preset `{name}`; the presets are threadline, {}",
                        names.join(", ")
                    )));
                }
            },
        };
        if let Some(text) = mapping {
            match serde_json::from_str::<Value>(text) {
                Ok(Value::Object(extra)) => merge(&mut merged, extra),
                Ok(_) => return Err(MappingError("the mapping must be a JSON object".into())),
                Err(error) => {
                    return Err(MappingError(format!(
                        "the mapping is not valid JSON ({error})"
                    )))
                }
            }
        }
        match serde_json::from_value::<Mapping>(Value::Object(merged.clone())) {
            Ok(mapping) => Ok(Source::Mapped(Box::new(mapping), preset.map(str::to_owned))),
            Err(error) => Err(MappingError(misfit(&merged, error))),
        }
    }
}

/// What does not fit in a mapping, named by its key: each key is read on
/// its own until one fails (only when the whole failed, so it costs
/// nothing otherwise, and far less code than tracking paths).
fn misfit(mapping: &serde_json::Map<String, Value>, error: serde_json::Error) -> String {
    let culprit = mapping.iter().find_map(|(key, value)| {
        let mut alone = serde_json::Map::new();
        alone.insert("id".to_owned(), Value::from("id"));
        alone.insert(key.clone(), value.clone());
        serde_json::from_value::<Mapping>(Value::Object(alone))
            .err()
            .map(|error| (key, error))
    });
    match culprit {
        Some((key, error)) => format!("the mapping's `{key}` does not fit: {error}"),
        None => format!("the mapping does not fit: {error}"),
    }
}

/// Lays `extra` over `base`; objects present in both are merged key by key.
fn merge(base: &mut serde_json::Map<String, Value>, extra: serde_json::Map<String, Value>) {
    for (key, value) in extra {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(inner)), Value::Object(more)) => merge(inner, more),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

impl Mapping {
    /// The URL template and mapping for filling in placeholders, when the
    /// site configured a URL. Its replies attach by their parent ids; those
    /// whose parent is unknown take the placeholder's place.
    pub fn load_more(&self) -> Option<(String, Mapping)> {
        let load_more = self.load_more.as_ref()?;
        let url = load_more.url.clone()?;
        let mut mapping = self.clone();
        if let Some(comments) = &load_more.comments {
            mapping.comments = comments.clone();
        }
        if let Some(tree) = &load_more.tree {
            mapping.tree = tree.clone();
        }
        mapping.missing_parent = MissingParent::Orphan;
        Some((url, mapping))
    }
}

/// Fills a load-more URL template for a placeholder.
pub fn fill_template(template: &str, id: &str, parent: Option<&str>, ids: &[String]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| encode_component(id)).collect();
    fill(
        template,
        &[
            ("ids", &ids.join(",")),
            ("id", &encode_component(id)),
            ("parent", &encode_component(parent.unwrap_or(""))),
        ],
    )
}

/// Reads a response's comment list one item at a time, as the parser
/// hands the items over (`list_stream`) or from a parsed list, then puts
/// the thread together. Fails only when the list itself is not there; a
/// comment without an id is skipped and counted.
pub struct ListReader<'m> {
    mapping: &'m Mapping,
    preset: Option<&'m str>,
    comments: Vec<CommentInput>,
    reply_counts: Vec<(String, u64)>,
    kids: Vec<(String, Vec<String>)>,
    skipped: usize,
    /// Whether the items came from the last to the first.
    backward: bool,
    /// How many items the list held (a paged API's offset grows by it).
    pub items: usize,
}

impl<'m> ListReader<'m> {
    /// A reader for a response through `mapping` and its preset's quirks.
    pub fn new(mapping: &'m Mapping, preset: Option<&'m str>) -> Self {
        ListReader {
            mapping,
            preset,
            comments: Vec::new(),
            reply_counts: Vec::new(),
            kids: Vec::new(),
            skipped: 0,
            backward: false,
            items: 0,
        }
    }

    /// Makes room for `items` comments at once: a list grown by doubling
    /// holds up to twice what it needs, and both copies while it grows.
    pub fn reserve(&mut self, items: usize) {
        self.comments.reserve_exact(items);
    }

    /// Reads an item that comes before every item read so far: a list
    /// read from its end (see `load::Reading`) is put back in order at
    /// [`ListReader::finish`].
    pub fn item_before(&mut self, item: &Value) {
        self.backward = true;
        let starts = (
            self.comments.len(),
            self.reply_counts.len(),
            self.kids.len(),
        );
        self.item(item);
        self.comments[starts.0..].reverse();
        self.reply_counts[starts.1..].reverse();
        self.kids[starts.2..].reverse();
    }

    /// Reads one item of the list, with the replies nested in it.
    pub fn item(&mut self, item: &Value) {
        self.items += 1;
        let mapping = self.mapping;
        let mut stack: Vec<(&Value, Option<String>)> = vec![(item, None)];
        while let Some((item, nesting_parent)) = stack.pop() {
            let Some(mut comment) = map_item(item, mapping) else {
                self.skipped += 1;
                continue;
            };
            quirks(self.preset, item, &mut comment);
            if let Some(replies) = count(mapping.reply_count.number(item)).filter(|n| *n > 0) {
                self.reply_counts.push((comment.id.clone(), replies));
            }
            match &mapping.tree {
                Tree::Flat => {}
                Tree::Nested(path) => {
                    if let Some(Value::Array(replies)) = path.get(item) {
                        stack.extend(
                            replies
                                .iter()
                                .rev()
                                .map(|reply| (reply, Some(comment.id.clone()))),
                        );
                    }
                    if nesting_parent.is_some() {
                        comment.parent = nesting_parent;
                    }
                }
                Tree::Kids(path) => {
                    if let Some(Value::Array(ids)) = path.get(item) {
                        let ids = ids.iter().filter_map(Fields::id_text).collect();
                        self.kids.push((comment.id.clone(), ids));
                    }
                }
                Tree::Path(path) => {
                    comment.parent = path.get(item).and_then(Value::as_str).and_then(|text| {
                        let mut ancestors = text.rsplit('.').skip(1);
                        ancestors.next().filter(|id| *id != "0").map(str::to_owned)
                    });
                }
            }
            self.comments.push(comment);
        }
    }

    /// Reads every item of the list in a parsed response (when the list
    /// was not read while parsing).
    pub fn list(&mut self, response: &Value) {
        if let Ok(Value::Array(items)) = self.mapping.comments.find(response) {
            items.iter().for_each(|item| self.item(item));
        }
    }

    /// The thread read, once every item has been: `response` is the rest
    /// of the response, which says whether the list was there at all.
    pub fn finish(self, response: &Value) -> Result<ThreadDocument, PathMiss> {
        let mapping = self.mapping;
        let list = mapping.comments.find(response)?;
        if !list.is_array() {
            return Err(PathMiss {
                path: mapping.comments.as_str().to_owned(),
                found: mapping.comments.as_str().to_owned(),
                there: describe(list),
                not_a_list: true,
            });
        }
        let (mut comments, mut reply_counts, mut kids) =
            (self.comments, self.reply_counts, self.kids);
        if self.backward {
            comments.reverse();
            reply_counts.reverse();
            kids.reverse();
        }
        if !kids.is_empty() {
            let parents: HashMap<String, String> = kids
                .into_iter()
                .flat_map(|(parent, ids)| ids.into_iter().map(move |id| (id, parent.clone())))
                .collect();
            for comment in &mut comments {
                comment.parent = parents.get(&comment.id).cloned();
            }
        }
        if mapping.missing_parent == MissingParent::TopLevel {
            let ids: HashSet<String> = comments.iter().map(|c| c.id.clone()).collect();
            for comment in &mut comments {
                if comment
                    .parent
                    .as_ref()
                    .is_some_and(|parent| !ids.contains(parent))
                {
                    comment.parent = None;
                }
            }
        }
        add_missing_replies(&mut comments, &reply_counts);
        Ok(ThreadDocument {
            id: None,
            article: None,
            comments,
            skipped: self.skipped,
        })
    }
}

/// A "more replies" placeholder (`<id>:more`) under each comment that has
/// more replies than the response holds, counting those missing; `loadMore`
/// fetches them with `{parent}`, the comment's id.
fn add_missing_replies(comments: &mut Vec<CommentInput>, reply_counts: &[(String, u64)]) {
    if reply_counts.is_empty() {
        return;
    }
    let mut present: HashMap<&str, u64> = HashMap::new();
    for parent in comments.iter().filter_map(|c| c.parent.as_deref()) {
        *present.entry(parent).or_default() += 1;
    }
    let placeholders: Vec<CommentInput> = reply_counts
        .iter()
        .filter_map(|(id, replies)| {
            let missing = replies.saturating_sub(present.get(id.as_str()).copied().unwrap_or(0));
            (missing > 0).then(|| CommentInput {
                id: format!("{id}:more"),
                parent: Some(id.clone()),
                more: Some(missing),
                ..CommentInput::default()
            })
        })
        .collect();
    comments.extend(placeholders);
}

/// Reads one comment (a server's answer to a post, say) through a mapping
/// and its preset's quirks.
pub fn map_comment(item: &Value, mapping: &Mapping, preset: Option<&str>) -> Option<CommentInput> {
    // Lemmy answers a write with the comment inside `comment_view`.
    let item = match preset {
        Some("lemmy") => item.get("comment_view").unwrap_or(item),
        _ => item,
    };
    let mut comment = map_item(item, mapping)?;
    quirks(preset, item, &mut comment);
    Some(comment)
}

fn map_item(item: &Value, mapping: &Mapping) -> Option<CommentInput> {
    if !item.is_object() {
        return None;
    }
    let id = mapping.id.value(item).and_then(Fields::id_text)?;
    let more_rule = mapping
        .more
        .as_ref()
        .filter(|rule| rule.when.get(item) == Some(&rule.equals));
    let more_ids: Vec<String> = more_rule
        .and_then(|rule| rule.ids.as_ref()?.get(item)?.as_array())
        .map(|ids| ids.iter().filter_map(Fields::id_text).collect())
        .unwrap_or_default();
    let more = more_rule.map(
        |rule| match rule.count.number(item).unwrap_or(0.0).max(0.0) as u64 {
            0 => more_ids.len() as u64,
            count => count,
        },
    );
    let parent = mapping
        .parent
        .value(item)
        .and_then(Fields::id_text)
        .filter(|parent| parent != "0");
    let score = match (
        mapping.score.number(item),
        mapping.up.number(item),
        mapping.down.number(item),
    ) {
        (Some(score), _, _) => Some(score),
        (None, None, None) => None,
        (None, up, down) => Some(up.unwrap_or(0.0) - down.unwrap_or(0.0)),
    };
    let created =
        mapping
            .created
            .value(item)
            .and_then(|value| match (value, mapping.time_format) {
                // Read now rather than kept as text: a thread's dates
                // would otherwise all be held twice until the store is
                // built (1.6 MB at 50,000 comments).
                (Value::String(text), TimeFormat::Auto | TimeFormat::Iso) => {
                    parse_iso8601_ms(text).map(Timestamp::Millis)
                }
                (Value::Number(n), TimeFormat::Auto) => n.as_f64().map(Timestamp::Epoch),
                (value, TimeFormat::EpochSeconds) => {
                    epoch(value).map(|s| Timestamp::Millis(s * 1000.0))
                }
                (value, TimeFormat::EpochMillis) => epoch(value).map(Timestamp::Millis),
                _ => None,
            });
    Some(CommentInput {
        id,
        parent,
        author: mapping.author.text(item),
        author_url: mapping.author_url.text(item),
        avatar: mapping.avatar.text(item),
        avatar_hash: mapping.avatar_hash.text(item),
        created,
        score: score.map(|score| score.round() as i64),
        up: count(mapping.up.number(item)),
        down: count(mapping.down.number(item)),
        body: mapping.body.text(item).unwrap_or_default().into(),
        format: mapping.format,
        deleted: mapping.deleted.any(item),
        edited: mapping.edited.any(item),
        flagged: mapping.flagged.any(item),
        more,
        more_ids,
        replies: Vec::new(),
    })
}

/// A vote count: a whole number, not negative.
fn count(number: Option<f64>) -> Option<u64> {
    number
        .filter(|n| n.is_finite())
        .map(|n| n.max(0.0).round() as u64)
}

fn epoch(value: &Value) -> Option<f64> {
    Fields::id_text(value)?.trim().parse().ok()
}

/// Small per-API rules that a mapping cannot say.
fn quirks(preset: Option<&str>, item: &Value, comment: &mut CommentInput) {
    match preset {
        Some("reddit") => {
            // Every "continue this thread" marker is named `t1__`: each one
            // is told apart by the comment it continues.
            if comment.id == "t1__" {
                if let Some(parent) = &comment.parent {
                    comment.id = format!("t1__{parent}");
                }
            }
            if &*comment.body == "[deleted]" || &*comment.body == "[removed]" {
                comment.deleted = true;
            }
            if comment.author.as_deref() == Some("[deleted]") {
                comment.author = None;
            }
            // Reddit escapes `&`, `<` and `>` in bodies (unless asked for
            // `raw_json=1`): markdown quotes arrive as `&gt; ...`, HTML as
            // `&lt;div ...`. Decoding once gives what the author wrote.
            let escaped = match comment.format {
                BodyFormat::Html => !comment.body.contains('<'),
                BodyFormat::Markdown => true,
                BodyFormat::Text => false,
            };
            if escaped {
                comment.body = decode(&comment.body, Context::Strict).into();
            }
        }
        Some("threadline") => {
            comment.format = match item.get("format").and_then(Value::as_str) {
                Some("markdown") => BodyFormat::Markdown,
                Some("html") => BodyFormat::Html,
                _ => BodyFormat::Text,
            };
            let ids = item.get("moreIds").and_then(Value::as_array);
            comment.more_ids = ids
                .map(|ids| ids.iter().filter_map(Fields::id_text).collect())
                .unwrap_or_default();
            comment.more = item
                .get("more")
                .and_then(Value::as_f64)
                .map(|count| count.max(0.0) as u64);
        }
        Some("hackerweb") => {
            // A dead comment (flagged) with its author and text is shown
            // as flagged; only one without them is gone.
            let dead = item.get("dead").and_then(Value::as_bool) == Some(true);
            if dead && (comment.author.is_none() || comment.body.trim().is_empty()) {
                comment.deleted = true;
            } else if dead {
                comment.flagged = true;
            }
        }
        Some("discourse") => {
            if let Some(avatar) = comment.avatar.take() {
                comment.avatar = Some(avatar.replace("{size}", "48"));
            }
            if comment.score.is_none() {
                comment.score = item
                    .get("actions_summary")
                    .and_then(Value::as_array)
                    .and_then(|actions| {
                        actions
                            .iter()
                            .find(|action| action.get("id") == Some(&Value::from(2)))
                    })
                    .and_then(|like| like.get("count"))
                    .and_then(Value::as_i64);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_mapping_extends_a_preset_deeply() {
        let source = Source::configure(
            Some("reddit"),
            Some(r#"{"loadMore": {"url": "/more?children={ids}"}, "author": "data.author_fullname"}"#),
        )
        .expect("valid");
        let Source::Mapped(mapping, _) = source else {
            panic!("mapped")
        };
        let (url, more) = mapping.load_more().expect("configured");
        assert_eq!(url, "/more?children={ids}");
        assert_eq!(
            more.comments,
            JsonPath::new("json.data.things"),
            "kept from the preset"
        );
        assert_eq!(more.tree, Tree::Flat);
        assert_eq!(
            mapping.author,
            Fields(vec![JsonPath::new("data.author_fullname")])
        );
    }

    fn mapped(mapping: &str, response: &str) -> Result<ThreadDocument, PathMiss> {
        let Ok(Source::Mapped(mapping, preset)) = Source::configure(None, Some(mapping)) else {
            panic!("a valid mapping")
        };
        let value: Value = serde_json::from_str(response).expect("JSON");
        let mut reader = ListReader::new(&mapping, preset.as_deref());
        reader.list(&value);
        reader.finish(&value)
    }

    fn parents(document: &ThreadDocument) -> Vec<(&str, Option<&str>)> {
        document
            .comments
            .iter()
            .map(|c| (c.id.as_str(), c.parent.as_deref()))
            .collect()
    }

    #[test]
    fn links_from_templates_as_discourse_needs() {
        let document = mapped(
            r#"{"comments": "posts", "id": "id", "author": "username",
                "avatar": {"template": "https://forum.example{avatar_template}", "size": 48},
                "authorUrl": {"template": "https://forum.example/u/{username}"}}"#,
            r#"{"posts": [{"id": 1, "username": "ann", "avatar_template": "/user_avatar/forum.example/ann/{size}/7_2.png"},
                {"id": 2, "username": "bo"}]}"#,
        )
        .expect("mapped");
        let ann = &document.comments[0];
        assert_eq!(
            ann.avatar.as_deref(),
            Some("https://forum.example/user_avatar/forum.example/ann/48/7_2.png")
        );
        assert_eq!(
            ann.author_url.as_deref(),
            Some("https://forum.example/u/ann")
        );
        assert_eq!(
            document.comments[1].avatar, None,
            "no avatar_template, no avatar"
        );
    }

    #[test]
    fn deleted_by_value_as_isso_and_reddit_say_it() {
        let document = mapped(
            r#"{"comments": "replies", "id": "id", "body": "text",
                "deleted": [{"path": "mode", "equals": 4}, {"path": "text", "in": ["[deleted]", "[removed]"]}],
                "edited": "modified"}"#,
            r#"{"replies": [{"id": 1, "mode": 4, "text": ""}, {"id": 2, "mode": 1, "text": "kept", "modified": 1505640000.5},
                {"id": 3, "mode": 1.0, "text": "[removed]"}, {"id": 4, "mode": "4", "text": "a string is not 4"}]}"#,
        )
        .expect("mapped");
        let deleted: Vec<bool> = document.comments.iter().map(|c| c.deleted).collect();
        assert_eq!(deleted, [true, false, true, false]);
        assert!(document.comments[1].edited && !document.comments[0].edited);
        let Err(error) =
            Source::configure(None, Some(r#"{"deleted": {"path": "mode", "equal": 4}}"#))
        else {
            panic!("a misspelt test is an error, not ignored");
        };
        assert!(
            error.0.contains("`deleted` and `edited` take"),
            "named in words: {}",
            error.0
        );
        let Err(error) = Source::configure(None, Some(r#"{"avatar": {"templat": "x"}}"#)) else {
            panic!("a misspelt template is an error");
        };
        assert!(
            error.0.contains("`authorUrl` and `avatar` take"),
            "{}",
            error.0
        );
    }

    #[test]
    fn attaches_replies_by_child_id_lists() {
        let document = mapped(
            r#"{"comments": "items", "tree": {"kids": "kids"}, "id": "id", "author": "by", "body": "text", "created": "time"}"#,
            r#"{"items": [{"id": 1, "kids": [2, 3], "time": 1505640000}, {"id": 2, "kids": [4]}, {"id": 3}, {"id": 4}]}"#,
        )
        .expect("mapped");
        assert_eq!(
            parents(&document),
            [
                ("1", None),
                ("2", Some("1")),
                ("3", Some("1")),
                ("4", Some("2"))
            ]
        );
        assert_eq!(
            document.comments[0]
                .created
                .as_ref()
                .and_then(Timestamp::to_ms),
            Some(1_505_640_000_000.0)
        );
    }

    #[test]
    fn reads_materialized_paths_and_explicit_time_units() {
        let document = mapped(
            r#"{"tree": {"path": "p"}, "id": "id", "created": "t", "timeFormat": "epoch-millis"}"#,
            r#"[{"id": 12, "p": "0.12", "t": 5000}, {"id": 34, "p": "0.12.34", "t": "6000"}]"#,
        )
        .expect("mapped");
        assert_eq!(parents(&document), [("12", None), ("34", Some("12"))]);
        assert_eq!(
            document.comments[1]
                .created
                .as_ref()
                .and_then(Timestamp::to_ms),
            Some(6000.0)
        );
    }

    #[test]
    fn replies_the_response_left_out_become_a_more_row() {
        // Isso, asked with `nested_limit=1`: the comment counts 3 replies
        // and holds 1.
        let isso = r#"{"replies": [
            {"id": 1, "total_replies": 3, "replies": [{"id": 2, "parent": 1}]},
            {"id": 3, "total_replies": 0, "replies": []}]}"#;
        let document = mapped(
            r#"{"comments": "replies", "tree": {"nested": "replies"}, "id": "id",
                "replyCount": "total_replies"}"#,
            isso,
        )
        .expect("mapped");
        assert_eq!(
            parents(&document),
            [
                ("1", None),
                ("2", Some("1")),
                ("3", None),
                ("1:more", Some("1"))
            ]
        );
        assert_eq!(document.comments[3].more, Some(2));
        // Flat (Discourse): counted against the replies listed anywhere.
        let discourse = r#"[{"n": 1, "reply_count": 2}, {"n": 2, "to": 1}, {"n": 3, "to": 1, "reply_count": "x"}]"#;
        let document = mapped(
            r#"{"id": "n", "parent": "to", "replyCount": "reply_count"}"#,
            discourse,
        )
        .expect("mapped");
        assert_eq!(document.comments.len(), 3, "both replies are there: no row");
    }

    #[test]
    fn a_mistaken_pages_key_is_named_with_what_it_takes() {
        let error = |mapping: &str| match Source::configure(None, Some(mapping)) {
            Err(MappingError(message)) => message,
            Ok(_) => panic!("{mapping} was taken"),
        };
        let message = error(r#"{"id": "id", "pages": {"next": "sideways"}}"#);
        assert!(
            message.contains("sideways") && message.contains("`link`"),
            "{message}"
        );
        assert!(message.contains("`pages`"), "the key is named: {message}");
        let message = error(r#"{"id": "id", "pages": {"next": "page", "every": 2}}"#);
        assert!(message.contains("every"), "{message}");
    }

    #[test]
    fn a_list_that_is_not_a_list_is_named() {
        let miss = mapped(
            r#"{"comments": "data", "id": "id"}"#,
            r#"{"data": {"a": 1}}"#,
        )
        .unwrap_err();
        assert_eq!(
            miss.to_string(),
            "no list at `data` in the response; `data` has one key, a"
        );
    }

    #[test]
    fn fills_load_more_templates_with_encoded_ids() {
        assert_eq!(
            fill_template(
                "/api?c={ids}&of={id}&p={parent}",
                "t1_x",
                None,
                &["a1".into(), "b 2".into()]
            ),
            "/api?c=a1,b%202&of=t1_x&p="
        );
    }
}
