//! How a reader's new comment goes to a site's server, and how its answer
//! is read back: built from the widget's settings, without a browser.

use super::mapping::{map_comment, native_mapping, Source};
use super::model::CommentInput;
use super::template::{fill, json_number, json_string};
use super::url::encode_component;
use super::votes::{WriteAccess, WriteRequest};

/// Where and how new comments are sent (`data-post-url` and friends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostEndpoint {
    /// The URL; `{parent}` becomes the parent's id ("" at top level).
    pub url: String,
    /// The JSON body template: `{parent}`, `{body}` and `{name}` become JSON
    /// values (a string, or null); `{parent:number}` is the parent's id as a
    /// number when it is one.
    pub body: String,
    /// Headers, token and cookies, shared with votes.
    pub access: WriteAccess,
    /// What a top-level comment answers on the server, where every comment
    /// is a reply (`data-post-root`: Mastodon's first status).
    pub root: Option<String>,
}

impl PostEndpoint {
    /// Reads the post settings; `None` when no post URL is set (comments
    /// then stay in the reader's browser).
    pub fn read(setting: impl Fn(&str) -> Option<String>) -> Result<Option<PostEndpoint>, String> {
        let Some(url) = setting("postUrl").filter(|url| !url.trim().is_empty()) else {
            return Ok(None);
        };
        let access = WriteAccess::read(&setting)?;
        Ok(Some(PostEndpoint {
            url,
            body: setting("postBody").unwrap_or_else(|| {
                r#"{"parent":{parent},"body":{body},"author":{name}}"#.to_owned()
            }),
            access,
            root: setting("postRoot"),
        }))
    }

    /// The request for one new comment.
    /// A `token` from the host page's auth callback wins over the configured one.
    pub fn request(
        &self,
        parent: Option<&str>,
        body: &str,
        name: Option<&str>,
        token: Option<&str>,
    ) -> WriteRequest {
        let parent = parent.or(self.root.as_deref());
        let json = |value: Option<&str>| value.map_or_else(|| "null".to_owned(), json_string);
        let (parent_json, body_json, name_json) = (json(parent), json(Some(body)), json(name));
        let parent_number = parent.map_or_else(|| "null".to_owned(), json_number);
        WriteRequest {
            url: fill(
                &self.url,
                &[("parent", &encode_component(parent.unwrap_or("")))],
            ),
            method: "POST".to_owned(),
            body: fill(
                &self.body,
                &[
                    ("parent", &parent_json),
                    ("parent:number", &parent_number),
                    ("body", &body_json),
                    ("name", &name_json),
                ],
            ),
            headers: self.access.headers(token),
        }
    }
}

/// Reads the server's answer to a post as a comment, through the same
/// mapping as the thread; `None` when it cannot be read (the server took
/// the comment, and a reload shows it).
pub fn read_posted(answer: &str, source: &Source) -> Option<CommentInput> {
    let value: serde_json::Value = serde_json::from_str(answer).ok()?;
    match source {
        Source::Native => map_comment(&value, native_mapping(), Some("threadline")),
        Source::Mapped(mapping, preset) => map_comment(&value, mapping, preset.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_exact_post_request_with_json_escaping() {
        let endpoint = PostEndpoint::read(|name| match name {
            "postUrl" => Some("/api/comments?reply_to={parent}".into()),
            "token" => Some("t".into()),
            _ => None,
        })
        .expect("valid")
        .expect("remote");
        let request = endpoint.request(Some("c 1"), "He said \"hi\"\nbye", None, None);
        assert_eq!(request.url, "/api/comments?reply_to=c%201");
        assert_eq!(
            request.body,
            r#"{"parent":"c 1","body":"He said \"hi\"\nbye","author":null}"#
        );
        assert_eq!(request.headers["Authorization"], "Bearer t");
        let top = endpoint.request(None, "x", Some("Ann"), Some("fresh"));
        assert_eq!(top.body, r#"{"parent":null,"body":"x","author":"Ann"}"#);
        assert_eq!(top.headers["Authorization"], "Bearer fresh");
        let braces = endpoint.request(None, "write {name} here", Some("Ann"), None);
        assert_eq!(
            braces.body, r#"{"parent":null,"body":"write {name} here","author":"Ann"}"#,
            "the reader's text is sent as written"
        );
    }

    #[test]
    fn a_numeric_parent_goes_as_a_number_where_the_server_wants_one() {
        let endpoint = PostEndpoint::read(|name| match name {
            "postUrl" => Some("/new?uri=%2Farticle".into()),
            "postBody" => {
                Some(r#"{"parent": {parent:number}, "text": {body}, "author": {name}}"#.into())
            }
            _ => None,
        })
        .expect("valid")
        .expect("remote");
        let reply = endpoint.request(Some("12"), "Yes.", None, None);
        assert_eq!(
            reply.body,
            r#"{"parent": 12, "text": "Yes.", "author": null}"#
        );
        let top = endpoint.request(None, "Top.", Some("Ann"), None);
        assert_eq!(
            top.body,
            r#"{"parent": null, "text": "Top.", "author": "Ann"}"#
        );
    }

    #[test]
    fn reads_the_servers_comment_through_the_mapping() {
        let native = read_posted(
            r#"{"id": 42, "body": "ok", "author": "Ann"}"#,
            &Source::Native,
        )
        .expect("a comment");
        assert_eq!((native.id.as_str(), &*native.body), ("42", "ok"));
        let Ok(mapped) = Source::configure(None, Some(r#"{"id": "key", "body": "text"}"#)) else {
            panic!()
        };
        assert_eq!(
            read_posted(r#"{"key": "k9", "text": "hi"}"#, &mapped).map(|c| c.id),
            Some("k9".to_owned())
        );
        assert!(read_posted("<html>", &mapped).is_none());
        assert!(read_posted(r#"{"nokey": 1}"#, &mapped).is_none());
    }
}
