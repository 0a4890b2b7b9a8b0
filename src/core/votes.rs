//! How a vote goes to a site's server, and what every write shares (headers,
//! token, cookies): built from the widget's settings, without a browser, so
//! the exact request is testable.

use super::html::{html_events, HtmlEvent};
use super::path::JsonPath;
use super::template::{fill, json_string};
use super::url::encode_component;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What every write request carries: `data-vote-headers`, `data-token`,
/// `data-credentials`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WriteAccess {
    /// Extra request headers.
    pub headers: BTreeMap<String, String>,
    /// A bearer token for `Authorization`, if the site gives one.
    pub token: Option<String>,
    /// Whether cookies go with the request (`data-credentials="include"`).
    pub with_cookies: bool,
}

impl WriteAccess {
    /// Reads the shared settings; says what is wrong with bad headers.
    pub fn read(setting: impl Fn(&str) -> Option<String>) -> Result<WriteAccess, String> {
        let headers = match setting("voteHeaders") {
            Some(json) => serde_json::from_str(&json).map_err(|error| {
                format!("data-vote-headers must be a JSON object of strings ({error})")
            })?,
            None => BTreeMap::new(),
        };
        Ok(WriteAccess {
            headers,
            token: setting("token").filter(|token| !token.is_empty()),
            with_cookies: setting("credentials").as_deref() == Some("include"),
        })
    }

    /// The headers of a JSON request; a `token` from the host page's auth
    /// callback wins over the configured one.
    pub fn headers(&self, token: Option<&str>) -> BTreeMap<String, String> {
        let mut headers = self.headers.clone();
        headers
            .entry("Content-Type".to_owned())
            .or_insert_with(|| "application/json".to_owned());
        if let Some(token) = token.or(self.token.as_deref()) {
            headers.insert("Authorization".to_owned(), format!("Bearer {token}"));
        }
        headers
    }
}

/// The reason a server gave for turning a write down, if a reader can read
/// it: a `message`, `error`, `detail` or `reason` string in a JSON answer
/// (Django, Rails, most APIs), the first paragraph of a framework's HTML
/// error page (Werkzeug's, which Isso answers with: "text is too short"),
/// or a short line of plain text. Long bodies give nothing.
pub fn server_reason(body: &str) -> Option<String> {
    let body = body.trim();
    if body.starts_with('<') {
        let paragraph = body.split_once("<p>")?.1.split_once("</p>")?.0;
        let text: String = html_events(paragraph)
            .into_iter()
            .filter_map(|event| match event {
                HtmlEvent::Text(text) => Some(text),
                _ => None,
            })
            .collect();
        let text = text.trim();
        return (!text.is_empty() && text.chars().count() <= 300).then(|| text.to_owned());
    }
    let reason = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(value) => ["message", "error", "detail", "reason", "errors"]
            .iter()
            .find_map(|key| match &value[*key] {
                serde_json::Value::String(text) => Some(text.trim().to_owned()),
                // Discourse: `{"errors": ["Body is too short…"]}`.
                serde_json::Value::Array(list) => {
                    list.first()?.as_str().map(|text| text.trim().to_owned())
                }
                serde_json::Value::Object(inner) => inner
                    .get("message")
                    .and_then(|message| message.as_str())
                    .map(|text| text.trim().to_owned()),
                _ => None,
            })?,
        Err(_) if !body.starts_with('<') && !body.contains('\n') => body.to_owned(),
        Err(_) => return None,
    };
    (!reason.is_empty() && reason.chars().count() <= 300).then_some(reason)
}

/// Where votes go: one URL for every vote, or one per direction (Isso's
/// `/id/{id}/like` and `/id/{id}/dislike`), where a server may have no way
/// to take a vote back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteUrl {
    /// `{id}` and `{value}` (1, 0 or -1) are filled in.
    One(String),
    /// A URL per direction; `clear: None` when a vote cannot be taken back.
    Each {
        /// For an up vote.
        up: String,
        /// For a down vote; `None` where the server has none (Mastodon's
        /// favourites), whose buttons are up only.
        down: Option<String>,
        /// For taking a vote back, if the server can.
        clear: Option<String>,
    },
}

/// `data-vote-counts`: where the counts are in a vote's answer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UpDown {
    up: String,
    down: String,
}

/// A key that must be there, even as null.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

/// `data-vote-url` as an object.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EachUrl {
    up: String,
    /// Required, null where the server has no down vote.
    #[serde(default, deserialize_with = "present")]
    down: Option<Option<String>>,
    #[serde(default)]
    clear: Option<String>,
}

/// Where and how votes are sent (`data-vote-url` and friends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteEndpoint {
    /// Where votes go.
    pub url: VoteUrl,
    /// The HTTP method; POST unless set.
    pub method: String,
    /// The JSON body template, with `{id}` and `{value}`.
    pub body: String,
    /// Where, in a successful answer, a server says it refused the vote
    /// all the same (`data-vote-refused`: Isso's `message`).
    pub refused: Option<JsonPath>,
    /// Where, in a successful answer, the comment's new up and down
    /// counts are (`data-vote-counts`: Isso's `likes` and `dislikes`).
    pub counts: Option<(JsonPath, JsonPath)>,
    /// Headers, token and cookies.
    pub access: WriteAccess,
}

/// A vote or a new comment, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteRequest {
    /// The filled-in URL.
    pub url: String,
    /// The method.
    pub method: String,
    /// The JSON body.
    pub body: String,
    /// All headers, content type and authorization included.
    pub headers: BTreeMap<String, String>,
}

impl VoteEndpoint {
    /// Reads the vote settings; `None` when no vote URL is set (votes then
    /// stay in the reader's browser). Says what is wrong with bad headers.
    pub fn read(setting: impl Fn(&str) -> Option<String>) -> Result<Option<VoteEndpoint>, String> {
        let Some(url) = setting("voteUrl").filter(|url| !url.trim().is_empty()) else {
            return Ok(None);
        };
        let access = WriteAccess::read(&setting)?;
        let url = if url.trim_start().starts_with('{') {
            let each: EachUrl = serde_json::from_str(&url).map_err(|error| {
                format!(
                    "data-vote-url as an object needs an \"up\" URL, a \"down\" one (null where the server has none) and \"clear\" (null when the server cannot take a vote back): {error}"
                )
            })?;
            VoteUrl::Each {
                up: each.up,
                down: each.down.ok_or_else(|| {
                    "data-vote-url as an object needs \"down\": a URL, or null where the server has no down vote"
                        .to_owned()
                })?,
                clear: each.clear,
            }
        } else {
            VoteUrl::One(url)
        };
        let counts = match setting("voteCounts") {
            Some(json) => {
                let counts: UpDown = serde_json::from_str(&json).map_err(|error| {
                    format!("data-vote-counts needs the paths of \"up\" and \"down\" in the answer: {error}")
                })?;
                Some((JsonPath::new(&counts.up), JsonPath::new(&counts.down)))
            }
            None => None,
        };
        Ok(Some(VoteEndpoint {
            url,
            counts,
            refused: setting("voteRefused").map(|path| JsonPath::new(&path)),
            method: setting("voteMethod")
                .unwrap_or_else(|| "POST".to_owned())
                .to_ascii_uppercase(),
            body: setting("voteBody")
                .unwrap_or_else(|| r#"{"id":"{id}","vote":{value}}"#.to_owned()),
            access,
        }))
    }

    /// The request for one vote. The id is escaped for where it goes: URL
    /// encoded in the URL, JSON escaped in the body.
    pub fn request(&self, id: &str, value: i8, token: Option<&str>) -> WriteRequest {
        let url = match (&self.url, value) {
            (VoteUrl::One(url), _) => url,
            (VoteUrl::Each { up, .. }, 1..) => up,
            (
                VoteUrl::Each {
                    down: Some(down), ..
                },
                ..=-1,
            ) => down,
            // Never asked for without a clear URL (see `takes_back`), nor a
            // down vote without a down URL (the buttons are up only).
            (VoteUrl::Each { clear, up, .. }, _) => clear.as_ref().unwrap_or(up),
        };
        let value = value.to_string();
        let json_id = json_string(id);
        let url_id = encode_component(id);
        WriteRequest {
            url: fill(url, &[("id", &url_id), ("value", &value)]),
            method: self.method.clone(),
            // The template quotes `{id}` itself: the escaped id goes inside.
            body: fill(
                &self.body,
                &[("id", &json_id[1..json_id.len() - 1]), ("value", &value)],
            ),
            headers: self.access.headers(token),
        }
    }

    /// Whether the server can take a vote back (a second click on the
    /// same button).
    pub fn takes_back(&self) -> bool {
        !matches!(self.url, VoteUrl::Each { clear: None, .. })
    }

    /// Whether the server takes down votes (a thread then shows up
    /// buttons only when it does not).
    pub fn has_down(&self) -> bool {
        !matches!(self.url, VoteUrl::Each { down: None, .. })
    }

    /// The comment's up and down counts in a successful answer, if the
    /// site said where they are and they are there.
    pub fn counts(&self, answer: &str) -> Option<(u64, u64)> {
        let (up, down) = self.counts.as_ref()?;
        let answer: serde_json::Value = serde_json::from_str(answer).ok()?;
        Some((up.get(&answer)?.as_u64()?, down.get(&answer)?.as_u64()?))
    }

    /// The server's refusal in a successful answer, if it sent one.
    pub fn refusal(&self, answer: &str) -> Option<String> {
        let answer: serde_json::Value = serde_json::from_str(answer).ok()?;
        match self.refused.as_ref()?.get(&answer)? {
            serde_json::Value::String(text) if !text.trim().is_empty() => {
                Some(text.trim().to_owned())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Option<VoteEndpoint>, String> {
        VoteEndpoint::read(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn no_url_means_votes_stay_local() {
        assert_eq!(read(&[("token", "t")]), Ok(None));
    }

    #[test]
    fn builds_the_exact_request() {
        let endpoint = read(&[
            ("voteUrl", "/api/comments/{id}/vote"),
            ("voteHeaders", r#"{"X-Site": "gazette"}"#),
            ("token", "secret"),
        ])
        .expect("valid")
        .expect("remote");
        let request = endpoint.request("c\"1/2", -1, None);
        assert_eq!(request.url, "/api/comments/c%221%2F2/vote");
        assert_eq!(request.method, "POST");
        assert_eq!(request.body, r#"{"id":"c\"1/2","vote":-1}"#);
        let quoted = endpoint.request("end\"", 1, None).body;
        assert_eq!(
            quoted, r#"{"id":"end\"","vote":1}"#,
            "an id ending in a quote"
        );
        assert!(serde_json::from_str::<serde_json::Value>(&quoted).is_ok());
        assert_eq!(request.headers["Authorization"], "Bearer secret");
        assert_eq!(request.headers["X-Site"], "gazette");
        assert_eq!(request.headers["Content-Type"], "application/json");
        assert_eq!(
            endpoint.request("a", 1, Some("fresh")).headers["Authorization"],
            "Bearer fresh"
        );
    }

    #[test]
    fn a_servers_reason_is_read_from_json_or_a_short_line() {
        assert_eq!(
            server_reason(r#"{"message": "text is too short"}"#).as_deref(),
            Some("text is too short")
        );
        assert_eq!(
            server_reason(r#"{"error": {"code": 7, "message": "Spam detected."}}"#).as_deref(),
            Some("Spam detected.")
        );
        assert_eq!(
            server_reason(r#"{"errors": ["Body is too short (minimum is 20 characters)"], "error_type": "invalid_parameters"}"#).as_deref(),
            Some("Body is too short (minimum is 20 characters)"),
            "Discourse"
        );
        assert_eq!(
            server_reason("Comments are closed.\n").as_deref(),
            Some("Comments are closed.")
        );
        assert_eq!(server_reason("<html><body>403</body></html>"), None);
        assert_eq!(
            server_reason("<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>text is too short (minimum length: 3)</p>\n").as_deref(),
            Some("text is too short (minimum length: 3)"),
            "Isso's (Werkzeug's) error page"
        );
        assert_eq!(server_reason(r#"{"ok": false}"#), None);
        assert_eq!(server_reason(&"x".repeat(400)), None);
        assert_eq!(server_reason("line one\nline two"), None);
    }

    #[test]
    fn a_url_per_direction_as_isso_has_and_a_refusal_in_a_200() {
        let endpoint = read(&[
            (
                "voteUrl",
                r#"{"up": "/isso/id/{id}/like", "down": "/isso/id/{id}/dislike", "clear": null}"#,
            ),
            ("voteBody", ""),
            ("voteRefused", "message"),
            ("voteCounts", r#"{"up": "likes", "down": "dislikes"}"#),
        ])
        .expect("valid")
        .expect("remote");
        assert_eq!(endpoint.request("7", 1, None).url, "/isso/id/7/like");
        assert_eq!(endpoint.request("7", -1, None).url, "/isso/id/7/dislike");
        assert!(!endpoint.takes_back());
        assert_eq!(endpoint.refusal(r#"{"likes": 3, "dislikes": 0}"#), None);
        assert_eq!(
            endpoint.counts(r#"{"likes": 3, "dislikes": 1}"#),
            Some((3, 1))
        );
        assert_eq!(endpoint.counts(r#"{"ok": true}"#), None);
        assert_eq!(
            endpoint
                .refusal(r#"{"likes": 3, "dislikes": 0, "message": "Denied: you already voted."}"#)
                .as_deref(),
            Some("Denied: you already voted.")
        );
        assert!(read(&[("voteUrl", "/v/{id}")])
            .expect("valid")
            .expect("remote")
            .takes_back());
        assert!(read(&[("voteUrl", r#"{"up": "/u"}"#)])
            .unwrap_err()
            .contains("\"down\": a URL, or null"));
        let favourites = read(&[(
            "voteUrl",
            r#"{"up": "/f/{id}", "down": null, "clear": "/u/{id}"}"#,
        )])
        .expect("valid")
        .expect("remote");
        assert!(!favourites.has_down());
        assert_eq!(favourites.request("7", 0, None).url, "/u/7");
    }

    #[test]
    fn bad_headers_are_named() {
        assert!(read(&[("voteUrl", "/v"), ("voteHeaders", "[1]")])
            .unwrap_err()
            .contains("data-vote-headers"));
    }
}
