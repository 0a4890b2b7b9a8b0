//! Live updates, without a browser: what a newer copy of the thread (or a
//! streamed comment) brings, how often to ask again, and the validators
//! that let a server answer "nothing changed".

use super::model::{Comment, CommentInput};
use super::store::{flatten, ThreadStore};
use std::collections::HashSet;

/// What arrived that the page does not show yet.
#[derive(Debug, Default, PartialEq)]
pub struct Update {
    /// Comments the thread does not have: held back until the reader asks,
    /// parents before replies, each with its `parent` set and no nested
    /// replies.
    pub added: Vec<CommentInput>,
    /// Comments the thread has, changed on the server (text, score,
    /// author or deletion): shown in place at once.
    pub changed: Vec<CommentInput>,
}

/// Sorts `incoming` comments (flat or nested) into new and changed ones;
/// those in `held` (already waiting for the reader) and placeholders for
/// replies not loaded are left out.
pub fn compare(store: &ThreadStore, incoming: &[CommentInput], held: &HashSet<String>) -> Update {
    let mut update = Update::default();
    let mut seen = HashSet::new();
    for (input, nesting_parent) in flatten(incoming) {
        if input.more.is_some() || !seen.insert(input.id.as_str()) {
            continue;
        }
        let flat = || CommentInput {
            parent: nesting_parent
                .map(|parent| parent.id.clone())
                .or_else(|| input.parent.clone()),
            replies: Vec::new(),
            ..input.clone()
        };
        match store.comment(&input.id) {
            Some(shown) if differs(shown, &Comment::from_input(input)) => {
                update.changed.push(flat())
            }
            Some(_) => {}
            None if held.contains(&input.id) || input.deleted => {}
            None => update.added.push(flat()),
        }
    }
    update
}

/// Whether a reader would see a difference.
fn differs(shown: &Comment, fresh: &Comment) -> bool {
    shown.body != fresh.body
        || shown.format != fresh.format
        || shown.score != fresh.score
        || shown.deleted != fresh.deleted
        || shown.author != fresh.author
        || shown.edited != fresh.edited
}

/// How long to wait before asking again: the site's interval while all is
/// well, doubling after each failure up to ten minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    every_ms: u32,
    failures: u32,
}

/// The longest wait between two tries after failures.
const MAX_WAIT_MS: u32 = 600_000;

impl Backoff {
    /// Asks every `seconds` (at least 5: a reader cannot take in more).
    pub fn every(seconds: u32) -> Backoff {
        Backoff {
            every_ms: seconds.max(5).saturating_mul(1000),
            failures: 0,
        }
    }

    /// The wait before the next try.
    pub fn delay_ms(&self) -> u32 {
        self.every_ms
            .saturating_mul(1 << self.failures.min(16))
            .min(MAX_WAIT_MS.max(self.every_ms))
    }

    /// A try failed: wait longer.
    pub fn failed(&mut self) {
        self.failures = self.failures.saturating_add(1);
    }

    /// A try worked: back to the site's interval.
    pub fn succeeded(&mut self) {
        self.failures = 0;
    }
}

/// What the server said identifies this version of the thread, sent back
/// so that it can answer 304 when nothing changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

impl Validators {
    /// The conditional request headers these allow.
    pub fn headers(&self) -> Vec<(&'static str, &str)> {
        let mut headers = Vec::new();
        if let Some(etag) = &self.etag {
            headers.push(("If-None-Match", etag.as_str()));
        }
        if let Some(date) = &self.last_modified {
            headers.push(("If-Modified-Since", date.as_str()));
        }
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str, parent: Option<&str>, body: &str) -> CommentInput {
        CommentInput {
            id: id.into(),
            parent: parent.map(str::to_owned),
            body: body.into(),
            ..CommentInput::default()
        }
    }

    #[test]
    fn new_comments_wait_and_changed_ones_show_in_place() {
        let store = ThreadStore::build(vec![input("a", None, "hello"), input("b", None, "hi")]);
        let incoming = [
            CommentInput {
                replies: vec![input("a1", None, "a reply")],
                ..input("a", None, "hello (edited)")
            },
            input("b", None, "hi"),
            input("c", None, "new at the top"),
            CommentInput {
                deleted: true,
                ..input("d", None, "")
            },
            CommentInput {
                more: Some(4),
                ..input("m", Some("b"), "")
            },
        ];
        let update = compare(&store, &incoming, &HashSet::new());
        let ids =
            |list: &[CommentInput]| -> Vec<String> { list.iter().map(|c| c.id.clone()).collect() };
        assert_eq!(ids(&update.changed), ["a"]);
        assert_eq!(
            ids(&update.added),
            ["a1", "c"],
            "no deleted newcomer, no placeholder"
        );
        assert_eq!(
            update.added[0].parent.as_deref(),
            Some("a"),
            "nested replies know their parent"
        );
        assert!(update.changed[0].replies.is_empty());

        let held: HashSet<String> = ["c".to_owned()].into();
        assert_eq!(
            ids(&compare(&store, &incoming, &held).added),
            ["a1"],
            "held ones are not counted twice"
        );
    }

    #[test]
    fn a_deletion_on_the_server_is_a_change() {
        let store = ThreadStore::build(vec![input("a", None, "x"), input("a1", Some("a"), "y")]);
        let gone = CommentInput {
            deleted: true,
            ..input("a", None, "")
        };
        assert_eq!(compare(&store, &[gone], &HashSet::new()).changed.len(), 1);
    }

    #[test]
    fn backoff_doubles_on_failure_up_to_ten_minutes_and_resets() {
        let mut backoff = Backoff::every(30);
        assert_eq!(backoff.delay_ms(), 30_000);
        backoff.failed();
        assert_eq!(backoff.delay_ms(), 60_000);
        for _ in 0..40 {
            backoff.failed();
        }
        assert_eq!(backoff.delay_ms(), 600_000);
        backoff.succeeded();
        assert_eq!(backoff.delay_ms(), 30_000);
        assert_eq!(
            Backoff::every(1).delay_ms(),
            5_000,
            "never more often than every 5 s"
        );
        assert_eq!(
            Backoff::every(3600).delay_ms(),
            3_600_000,
            "a long interval is kept"
        );
    }

    #[test]
    fn validators_become_conditional_headers() {
        let validators = Validators {
            etag: Some("\"v2\"".into()),
            last_modified: Some("Sat, 05 Dec 2026 10:00:00 GMT".into()),
        };
        assert_eq!(
            validators.headers(),
            [
                ("If-None-Match", "\"v2\""),
                ("If-Modified-Since", "Sat, 05 Dec 2026 10:00:00 GMT")
            ]
        );
        assert!(Validators::default().headers().is_empty());
    }
}
