//! Moderation in the reader's hands: authors they muted, comments the site
//! starts folded for a low score (`data-collapse-below`), and reports sent
//! to the site's moderators (`data-report-url`, an [`Endpoint`]).
//!
//! [`Endpoint`]: super::endpoint::Endpoint

use super::model::Comment;
use std::collections::HashSet;

/// Why a comment shows as a one-line placeholder until the reader asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hidden {
    /// The reader muted its author.
    Muted(String),
    /// Its score is under the site's threshold.
    LowScore(i64),
    /// Readers flagged it.
    Flagged,
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
    if comment.flagged {
        return Some(Hidden::Flagged);
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
        let flagged = Comment {
            flagged: true,
            ..comment("Ann", 10)
        };
        assert_eq!(hidden(&flagged, &muted, None), Some(Hidden::Flagged));
        let both = Comment {
            flagged: true,
            ..comment("Troll", 10)
        };
        assert_eq!(
            hidden(&both, &muted, None),
            Some(Hidden::Muted("Troll".into())),
            "the reader's own choice says more"
        );
    }

    #[test]
    fn reasons_have_names() {
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.name()), Some(reason));
        }
        assert_eq!(Reason::parse("boring"), None);
    }
}
