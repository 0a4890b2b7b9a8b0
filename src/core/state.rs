//! What the reader does to a thread (folding, voting), as a pure reducer
//! that says exactly which comments an action touched and which request, if
//! any, must go to the server.

use super::model::CommentId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A vote direction a reader can click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The up button.
    Up,
    /// The down button.
    Down,
}

impl Direction {
    fn value(self) -> i8 {
        match self {
            Direction::Up => 1,
            Direction::Down => -1,
        }
    }
}

/// Something the reader did, or a server's answer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadAction {
    /// Fold or unfold the replies under a comment.
    ToggleCollapsed(CommentId),
    /// Click a vote button: the same direction again takes the vote back.
    Vote(CommentId, Direction),
    /// The server answered the vote request for this comment and value.
    VoteAnswered {
        /// The comment voted on.
        id: CommentId,
        /// The vote that was sent: 1, 0 or -1.
        sent: i8,
        /// Whether the server took it; the error says why not.
        result: Result<(), String>,
    },
}

/// What the shell must do after an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Comments whose view changed; only these re-render.
    pub changed: Vec<CommentId>,
    /// A vote to send now: the comment and the value (1, 0 or -1).
    pub send: Option<(CommentId, i8)>,
}

/// Where a comment's vote stands with the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct VoteSync {
    /// The vote saved when the page loaded, which the data's score counts
    /// when votes go to a server.
    at_load: i8,
    /// What the server last accepted (or what was saved at load).
    confirmed: i8,
    /// The value of the request in flight, if one is.
    in_flight: Option<i8>,
    /// Why the last vote failed, until the next click.
    error: Option<String>,
}

/// The reader's own state for one thread. What outlives a page load (folded
/// ids and own votes) is saved as JSON; the server sync state is not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreadState {
    collapsed: BTreeSet<CommentId>,
    votes: BTreeMap<CommentId, i8>,
    #[serde(skip)]
    remote: bool,
    #[serde(skip)]
    sync: HashMap<CommentId, VoteSync>,
}

impl ThreadState {
    /// Prepares restored state for use. With `remote`, votes go to a server,
    /// whose scores already count the votes saved here; without, votes stay
    /// in this browser and scores come from the data plus the reader's vote.
    pub fn start(mut self, remote: bool) -> Self {
        self.remote = remote;
        self.sync = self
            .votes
            .iter()
            .map(|(id, vote)| {
                let sync = VoteSync {
                    at_load: *vote,
                    confirmed: *vote,
                    ..VoteSync::default()
                };
                (id.clone(), sync)
            })
            .collect();
        self
    }

    /// Whether the replies under this comment are folded.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
    }

    /// The reader's vote on this comment: 1, 0 or -1.
    pub fn vote(&self, id: &str) -> i8 {
        self.votes.get(id).copied().unwrap_or(0)
    }

    /// The score to show, given the score in the data.
    pub fn score(&self, id: &str, data_score: i64) -> i64 {
        let counted_by_server = match (self.remote, self.sync.get(id)) {
            (true, Some(sync)) => sync.at_load,
            _ => 0,
        };
        data_score + i64::from(self.vote(id)) - i64::from(counted_by_server)
    }

    /// Why the last vote on this comment failed, if it did.
    pub fn vote_error(&self, id: &str) -> Option<&str> {
        self.sync.get(id).and_then(|sync| sync.error.as_deref())
    }

    /// Whether a vote on this comment is on its way to the server.
    pub fn is_sending(&self, id: &str) -> bool {
        self.sync
            .get(id)
            .is_some_and(|sync| sync.in_flight.is_some())
    }

    /// Applies an action: what changed, and what to send.
    pub fn apply(&mut self, action: ThreadAction) -> Outcome {
        match action {
            ThreadAction::ToggleCollapsed(id) => {
                if !self.collapsed.remove(&id) {
                    self.collapsed.insert(id.clone());
                }
                Outcome {
                    changed: vec![id],
                    send: None,
                }
            }
            ThreadAction::Vote(id, direction) => {
                let value = if self.vote(&id) == direction.value() {
                    0
                } else {
                    direction.value()
                };
                self.set_vote(&id, value);
                let sync = self.sync.entry(id.clone()).or_default();
                sync.error = None;
                let send = (self.remote && sync.in_flight.is_none() && sync.confirmed != value)
                    .then(|| {
                        sync.in_flight = Some(value);
                        (id.clone(), value)
                    });
                Outcome {
                    changed: vec![id],
                    send,
                }
            }
            ThreadAction::VoteAnswered { id, sent, result } => {
                let wanted = self.vote(&id);
                let sync = self.sync.entry(id.clone()).or_default();
                sync.in_flight = None;
                let send = match result {
                    Ok(()) => {
                        sync.confirmed = sent;
                        (wanted != sent).then(|| {
                            sync.in_flight = Some(wanted);
                            (id.clone(), wanted)
                        })
                    }
                    Err(error) => {
                        let confirmed = sync.confirmed;
                        sync.error = Some(error);
                        self.set_vote(&id, confirmed);
                        None
                    }
                };
                Outcome {
                    changed: vec![id],
                    send,
                }
            }
        }
    }

    fn set_vote(&mut self, id: &CommentId, value: i8) {
        if value == 0 {
            self.votes.remove(id);
        } else {
            self.votes.insert(id.clone(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> CommentId {
        CommentId::from(text)
    }

    fn vote(state: &mut ThreadState, direction: Direction) -> Outcome {
        state.apply(ThreadAction::Vote(id("a"), direction))
    }

    fn answer(state: &mut ThreadState, sent: i8, result: Result<(), String>) -> Outcome {
        state.apply(ThreadAction::VoteAnswered {
            id: id("a"),
            sent,
            result,
        })
    }

    #[test]
    fn toggling_folds_and_unfolds_one_comment() {
        let mut state = ThreadState::default();
        let outcome = state.apply(ThreadAction::ToggleCollapsed(id("a")));
        assert_eq!(
            outcome,
            Outcome {
                changed: vec![id("a")],
                send: None
            }
        );
        assert!(state.is_collapsed("a"));
        assert!(!state.is_collapsed("b"));
        state.apply(ThreadAction::ToggleCollapsed(id("a")));
        assert!(!state.is_collapsed("a"));
    }

    #[test]
    fn local_votes_toggle_switch_and_show_at_once() {
        let mut state = ThreadState::default().start(false);
        assert_eq!(
            vote(&mut state, Direction::Up),
            Outcome {
                changed: vec![id("a")],
                send: None
            }
        );
        assert_eq!((state.vote("a"), state.score("a", 10)), (1, 11));
        vote(&mut state, Direction::Down);
        assert_eq!((state.vote("a"), state.score("a", 10)), (-1, 9));
        vote(&mut state, Direction::Down);
        assert_eq!(
            (state.vote("a"), state.score("a", 10)),
            (0, 10),
            "clicking again takes it back"
        );
    }

    #[test]
    fn survives_a_round_trip_through_storage_without_double_counting() {
        let mut state = ThreadState::default().start(false);
        state.apply(ThreadAction::ToggleCollapsed(id("b")));
        vote(&mut state, Direction::Up);
        let saved = serde_json::to_string(&state).expect("serializable");
        assert_eq!(saved, r#"{"collapsed":["b"],"votes":{"a":1}}"#);
        let local = serde_json::from_str::<ThreadState>(&saved)
            .expect("readable")
            .start(false);
        assert_eq!(
            (local.vote("a"), local.score("a", 10)),
            (1, 11),
            "local scores add the saved vote"
        );
        let remote = serde_json::from_str::<ThreadState>(&saved)
            .expect("readable")
            .start(true);
        assert_eq!(
            remote.score("a", 11),
            11,
            "the server's score already counts it"
        );
        let mut remote = remote;
        remote.apply(ThreadAction::Vote(id("a"), Direction::Down));
        assert_eq!(remote.score("a", 11), 9);
        remote.apply(ThreadAction::VoteAnswered {
            id: id("a"),
            sent: -1,
            result: Ok(()),
        });
        assert_eq!(remote.score("a", 11), 9, "still 9 once the server agrees");
        assert_eq!(
            serde_json::from_str::<ThreadState>("{}").ok(),
            Some(ThreadState::default())
        );
    }

    #[test]
    fn rapid_clicks_keep_one_request_in_flight_and_settle_on_the_last() {
        let mut state = ThreadState::default().start(true);
        assert_eq!(vote(&mut state, Direction::Up).send, Some((id("a"), 1)));
        assert_eq!(
            vote(&mut state, Direction::Up).send,
            None,
            "in flight: no second request"
        );
        assert_eq!(vote(&mut state, Direction::Down).send, None);
        assert!(state.is_sending("a"));
        assert_eq!(
            state.score("a", 5),
            4,
            "the display follows the clicks at once"
        );
        let outcome = answer(&mut state, 1, Ok(()));
        assert_eq!(
            outcome.send,
            Some((id("a"), -1)),
            "then the final state is sent"
        );
        assert_eq!(answer(&mut state, -1, Ok(())).send, None);
        assert!(!state.is_sending("a"));
        assert_eq!(state.vote("a"), -1);
    }

    #[test]
    fn a_click_back_to_the_confirmed_vote_sends_nothing_more() {
        let mut state = ThreadState::default().start(true);
        vote(&mut state, Direction::Up);
        vote(&mut state, Direction::Up);
        assert_eq!(answer(&mut state, 1, Ok(())).send, Some((id("a"), 0)));
        assert_eq!(answer(&mut state, 0, Ok(())).send, None);
        assert_eq!(state.vote("a"), 0);
    }

    #[test]
    fn a_failed_vote_rolls_back_with_a_message() {
        let mut state = ThreadState::default().start(true);
        vote(&mut state, Direction::Up);
        answer(&mut state, 1, Ok(()));
        vote(&mut state, Direction::Down);
        let outcome = answer(&mut state, -1, Err("HTTP 500".into()));
        assert_eq!(
            outcome,
            Outcome {
                changed: vec![id("a")],
                send: None
            }
        );
        assert_eq!(state.vote("a"), 1, "back to what the server has");
        assert_eq!(state.vote_error("a"), Some("HTTP 500"));
        vote(&mut state, Direction::Up);
        assert_eq!(
            state.vote_error("a"),
            None,
            "the next click clears the message"
        );
    }
}
