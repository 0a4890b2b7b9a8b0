//! Moderation in the reader's hands: authors they muted, comments the site
//! starts folded for a low score (`data-collapse-below`), and reports sent
//! to the site's moderators (`data-report-url`).

use super::model::Comment;
use super::template::{fill, json_string};
use super::url::encode_component;
use super::votes::{WriteAccess, WriteRequest};
use std::collections::HashSet;

/// Why a comment shows as a one-line placeholder until the reader asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hidden {
    /// The reader muted its author.
    Muted(String),
    /// Its score is under the site's threshold.
    LowScore(i64),
}

/// Whether a comment starts hidden, and why: its author is muted, or its
/// score is under `collapse_below`. Deleted comments and placeholders are
/// already short.
pub fn hidden(
    comment: &Comment,
    muted: &HashSet<String>,
    collapse_below: Option<i64>,
) -> Option<Hidden> {
    if comment.deleted || comment.more.is_some() {
        return None;
    }
    if let Some(author) = comment.author.as_ref().filter(|a| muted.contains(*a)) {
        return Some(Hidden::Muted(author.clone()));
    }
    match (comment.score, collapse_below) {
        (Some(score), Some(below)) if score < below => Some(Hidden::LowScore(score)),
        _ => None,
    }
}

/// Why a reader reports a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Advertising or links for their own sake.
    Spam,
    /// Abuse, harassment or hate.
    Abuse,
    /// Not about the article.
    OffTopic,
    /// Anything else.
    Other,
}

impl Reason {
    /// Every reason, in the order the picker lists them.
    pub const ALL: [Reason; 4] = [Reason::Spam, Reason::Abuse, Reason::OffTopic, Reason::Other];

    /// The name sent to the server as `{reason}`.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Spam => "spam",
            Reason::Abuse => "abuse",
            Reason::OffTopic => "off-topic",
            Reason::Other => "other",
        }
    }

    /// The reason a name stands for.
    pub fn parse(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|reason| reason.name() == name)
    }
}

/// Where and how reports go (`data-report-url`, `data-report-method`,
/// `data-report-body`, with the headers, token and cookies of every write).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportEndpoint {
    /// The URL; `{id}` becomes the comment id and `{reason}` the reason.
    pub url: String,
    /// The HTTP method; POST unless set.
    pub method: String,
    /// The JSON body template, with `{id}` and `{reason}`.
    pub body: String,
    /// Headers, token and cookies.
    pub access: WriteAccess,
}

impl ReportEndpoint {
    /// Reads the report settings; `None` when no report URL is set (the
    /// widget then offers no Report).
    pub fn read(setting: impl Fn(&str) -> Option<String>) -> Result<Option<Self>, String> {
        let Some(url) = setting("reportUrl").filter(|url| !url.trim().is_empty()) else {
            return Ok(None);
        };
        Ok(Some(ReportEndpoint {
            url,
            method: setting("reportMethod")
                .unwrap_or_else(|| "POST".to_owned())
                .to_ascii_uppercase(),
            body: setting("reportBody")
                .unwrap_or_else(|| r#"{"id":"{id}","reason":"{reason}"}"#.to_owned()),
            access: WriteAccess::read(&setting)?,
        }))
    }

    /// The request for one report, the id escaped for where it goes.
    pub fn request(&self, id: &str, reason: Reason, token: Option<&str>) -> WriteRequest {
        let json_id = json_string(id);
        WriteRequest {
            url: fill(
                &self.url,
                &[("id", &encode_component(id)), ("reason", reason.name())],
            ),
            method: self.method.clone(),
            body: fill(
                &self.body,
                &[
                    ("id", &json_id[1..json_id.len() - 1]),
                    ("reason", reason.name()),
                ],
            ),
            headers: self.access.headers(token),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::CommentInput;

    fn comment(author: &str, score: i64) -> Comment {
        Comment::from_input(&CommentInput {
            id: "c".into(),
            author: Some(author.into()),
            score: Some(score),
            ..CommentInput::default()
        })
    }

    #[test]
    fn muted_authors_and_low_scores_start_hidden() {
        let muted: HashSet<String> = ["Troll".to_owned()].into();
        assert_eq!(
            hidden(&comment("Troll", 50), &muted, Some(-3)),
            Some(Hidden::Muted("Troll".into()))
        );
        assert_eq!(
            hidden(&comment("Ann", -4), &muted, Some(-3)),
            Some(Hidden::LowScore(-4))
        );
        assert_eq!(hidden(&comment("Ann", -3), &muted, Some(-3)), None);
        assert_eq!(hidden(&comment("Ann", -40), &muted, None), None);
        let gone = Comment {
            deleted: true,
            ..comment("Troll", -9)
        };
        assert_eq!(hidden(&gone, &muted, Some(0)), None);
    }

    #[test]
    fn builds_the_report_request() {
        let settings = [
            ("reportUrl", "/api/comments/{id}/flag"),
            ("token", "secret"),
        ];
        let endpoint = ReportEndpoint::read(|name| {
            settings
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
        .expect("valid")
        .expect("configured");
        let request = endpoint.request("c/1\"", Reason::OffTopic, None);
        assert_eq!(request.url, "/api/comments/c%2F1%22/flag");
        assert_eq!(request.method, "POST");
        assert_eq!(request.body, r#"{"id":"c/1\"","reason":"off-topic"}"#);
        assert_eq!(request.headers["Authorization"], "Bearer secret");
        assert_eq!(ReportEndpoint::read(|_| None), Ok(None));
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.name()), Some(reason));
        }
    }
}
