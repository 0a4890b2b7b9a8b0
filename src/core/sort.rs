//! The orders a reader can read a thread in, at every level: the site's
//! own, Best (the Wilson score interval), Top, New, Old and Controversial.

use super::model::Comment;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// An order of comments, chosen by the site (`data-sort`) or the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// As the site's API listed them (its own ranking, or oldest first):
    /// the default when the site sets no `data-sort`.
    #[default]
    Site,
    /// Most liked for how many voted: the lower bound of the Wilson score
    /// interval at 95% on up and down votes; with only a net score, by
    /// score. Ties, and threads without votes, read oldest first.
    Best,
    /// Highest net score first.
    Top,
    /// Newest first.
    New,
    /// Oldest first.
    Old,
    /// Most votes, most evenly split (Reddit's rule); only when the site
    /// counts up and down votes apart.
    Controversial,
}

impl Order {
    /// Every order, as the sort control lists them.
    pub const ALL: [Order; 6] = [
        Order::Site,
        Order::Best,
        Order::Top,
        Order::New,
        Order::Old,
        Order::Controversial,
    ];

    /// The order a `data-sort` value or a saved choice names.
    pub fn parse(name: &str) -> Option<Order> {
        Order::ALL
            .into_iter()
            .find(|order| order.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The name in `data-sort` and in the control's values.
    pub fn name(self) -> &'static str {
        match self {
            Order::Site => "site",
            Order::Best => "best",
            Order::Top => "top",
            Order::New => "new",
            Order::Old => "old",
            Order::Controversial => "controversial",
        }
    }

    /// Whether `a` comes before `b`, as `Ord::cmp` says it (siblings that
    /// compare equal keep the order the site listed them in). Placeholders
    /// for replies not loaded stay last, where "more" reads right.
    pub fn compare(self, a: &Comment, b: &Comment) -> Ordering {
        let placeholder = a.more.is_some().cmp(&b.more.is_some());
        let older = older_first(a, b);
        let by = match self {
            Order::Site => Ordering::Equal,
            Order::Best => best(b).total_cmp(&best(a)).then(older),
            Order::Top => score(b).cmp(&score(a)).then(older),
            Order::New => older_first(b, a),
            Order::Old => older,
            Order::Controversial => controversy(b)
                .total_cmp(&controversy(a))
                .then(score(b).cmp(&score(a)))
                .then(older),
        };
        placeholder.then(by)
    }
}

/// The lower bound of the Wilson score interval at 95% confidence for
/// `up` of `up + down` votes: how sure one can be that readers like it.
pub fn wilson(up: u64, down: u64) -> f64 {
    let n = (up + down) as f64;
    if n == 0.0 {
        return 0.0;
    }
    let z = 1.96_f64;
    let p = up as f64 / n;
    (p + z * z / (2.0 * n) - z * ((p * (1.0 - p) + z * z / (4.0 * n)) / n).sqrt())
        / (1.0 + z * z / n)
}

/// Reddit's controversy: many votes, evenly split, rank highest.
pub fn controversy(comment: &Comment) -> f64 {
    match comment.votes {
        Some((up, down)) if up > 0 && down > 0 => {
            let balance = up.min(down) as f64 / up.max(down) as f64;
            ((up + down) as f64).powf(balance)
        }
        _ => 0.0,
    }
}

/// Best's key: the Wilson bound when votes are counted apart, else the
/// net score (a larger scale than Wilson's 0 to 1, so a comment with a
/// net score of 2 and no counts still ranks above one with a bound of 0.9:
/// a thread mixes the two only when its API does).
fn best(comment: &Comment) -> f64 {
    match comment.votes {
        Some((up, down)) => wilson(up, down),
        None => score(comment) as f64,
    }
}

fn score(comment: &Comment) -> i64 {
    comment.score.unwrap_or(0)
}

/// Older first; comments without a time after those with one.
fn older_first(a: &Comment, b: &Comment) -> Ordering {
    match (a.created_ms, b.created_ms) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::CommentInput;

    fn comment(id: &str, up: u64, down: u64, created: f64) -> Comment {
        Comment::from_input(&CommentInput {
            id: id.into(),
            up: Some(up),
            down: Some(down),
            created: Some(crate::core::model::Timestamp::Epoch(created)),
            ..CommentInput::default()
        })
    }

    fn sorted(order: Order, mut comments: Vec<Comment>) -> Vec<String> {
        comments.sort_by(|a, b| order.compare(a, b));
        comments.iter().map(|c| c.id.to_string()).collect()
    }

    #[test]
    fn wilson_matches_hand_computed_bounds() {
        // p = 1, n = 1: (1 + 1.9208 - 1.96 * sqrt(0.9604)) / 4.8416
        assert!((wilson(1, 0) - 0.206_543).abs() < 1e-6);
        // p = 0.5, n = 10: (0.5 + 0.19208 - 1.96 * sqrt((0.25 + 0.09604) / 10)) / 1.38416
        assert!((wilson(5, 5) - 0.236_590).abs() < 1e-6);
        // p = 0.9, n = 100
        assert!((wilson(90, 10) - 0.825_633).abs() < 1e-6);
        assert_eq!(wilson(0, 0), 0.0);
        assert_eq!(wilson(0, 7), 0.0);
    }

    #[test]
    fn best_trusts_many_votes_over_few() {
        // One up vote of one is 100% but proves little; 90 of 100 proves more.
        let comments = vec![
            comment("one-of-one", 1, 0, 1.0),
            comment("ninety-of-hundred", 90, 10, 2.0),
            comment("split", 50, 50, 3.0),
        ];
        assert_eq!(
            sorted(Order::Best, comments),
            ["ninety-of-hundred", "split", "one-of-one"]
        );
    }

    #[test]
    fn best_with_only_a_net_score_goes_by_score_then_time() {
        let with_score = |id: &str, score: i64, created: f64| {
            Comment::from_input(&CommentInput {
                id: id.into(),
                score: Some(score),
                created: Some(crate::core::model::Timestamp::Epoch(created)),
                ..CommentInput::default()
            })
        };
        let comments = vec![
            with_score("late-3", 3, 30.0),
            with_score("early-3", 3, 10.0),
            with_score("top", 9, 20.0),
            with_score("low", -2, 5.0),
        ];
        assert_eq!(
            sorted(Order::Best, comments),
            ["top", "early-3", "late-3", "low"]
        );
    }

    #[test]
    fn top_new_old_and_controversial() {
        let comments = || {
            vec![
                comment("a", 10, 0, 100.0),
                comment("b", 30, 28, 300.0),
                comment("c", 4, 1, 200.0),
            ]
        };
        assert_eq!(sorted(Order::Top, comments()), ["a", "c", "b"]);
        assert_eq!(sorted(Order::New, comments()), ["b", "c", "a"]);
        assert_eq!(sorted(Order::Old, comments()), ["a", "c", "b"]);
        // b: 58^(28/30) ≈ 44.3; c: 5^(1/4) ≈ 1.5; a has no down votes.
        assert!((controversy(&comments()[1]) - 58f64.powf(28.0 / 30.0)).abs() < 1e-9);
        assert_eq!(sorted(Order::Controversial, comments()), ["b", "c", "a"]);
    }

    #[test]
    fn without_votes_or_times_the_listed_order_stays() {
        let plain = |id: &str| {
            Comment::from_input(&CommentInput {
                id: id.into(),
                ..CommentInput::default()
            })
        };
        for order in Order::ALL {
            let comments = vec![plain("1"), plain("2"), plain("3")];
            assert_eq!(sorted(order, comments), ["1", "2", "3"], "{order:?}");
        }
    }

    #[test]
    fn placeholders_stay_last() {
        let more = Comment::from_input(&CommentInput {
            id: "more".into(),
            more: Some(4),
            ..CommentInput::default()
        });
        let comments = vec![more, comment("x", 0, 9, 1.0)];
        assert_eq!(sorted(Order::New, comments), ["x", "more"]);
    }

    #[test]
    fn names_round_trip() {
        for order in Order::ALL {
            assert_eq!(Order::parse(order.name()), Some(order));
        }
        assert_eq!(Order::parse(" NEW "), Some(Order::New));
        assert_eq!(Order::parse("hot"), None);
    }
}
