//! What the reader does to a thread (folding, voting), as a pure reducer
//! that says exactly which comments an action touched and which request, if
//! any, must go to the server.

mod own;

pub use own::{edit_key, Change, OwnWrite, Settle};

use super::model::{CommentId, CommentInput, Timestamp};
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
#[derive(Debug, Clone, PartialEq)]
pub enum ThreadAction {
    /// Fold or unfold the replies under a comment.
    ToggleCollapsed(CommentId),
    /// Unfold these comments, the way to a comment asked for by a link.
    Unfold(Vec<CommentId>),
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
    /// The server's answer to a vote gave the comment's counts, which now
    /// include `sent`: the score shown is theirs plus what the reader
    /// changed since.
    VoteCounted {
        /// The comment voted on.
        id: CommentId,
        /// The vote the counts include.
        sent: i8,
    },
    /// The reader typed in a composer: the draft is saved as it is.
    EditDraft {
        /// The comment replied to; `None` for a new top-level comment.
        parent: Option<CommentId>,
        /// The text so far.
        text: String,
    },
    /// The reader sends the draft for `parent` (checked with [`check_draft`]).
    Submit {
        /// The comment replied to; `None` for a new top-level comment.
        parent: Option<CommentId>,
        /// The name given, if any.
        name: Option<String>,
        /// The time now, in milliseconds since the epoch.
        now_ms: f64,
    },
    /// The server answered a post: its own version of the comment, or why not.
    PostAnswered {
        /// The local id the comment has until then.
        local_id: CommentId,
        /// The server's comment, or the reason it failed.
        result: Result<Box<CommentInput>, String>,
    },
    /// The server turned the comment down for good (a 4xx): trying again
    /// would not help; the reason is the server's, and Edit stays.
    PostRefused {
        /// The local id of the comment.
        local_id: CommentId,
        /// The sentence the reader sees, with the server's reason.
        reason: String,
    },
    /// Send a failed comment again.
    Retry(CommentId),
    /// Take a failed comment back into its composer.
    Edit(CommentId),
    /// Save the reader's edit of their comment (the draft under
    /// [`edit_key`]): shown at once, sent to the server.
    SaveEdit(CommentId),
    /// The server answered an edit: its version of the comment, if it
    /// sent one, or why not.
    EditAnswered {
        /// The comment edited.
        id: CommentId,
        /// The server's version (or nothing to read), or the reason.
        result: Result<Option<Box<CommentInput>>, String>,
    },
    /// Delete the reader's comment: shown deleted at once, sent.
    Delete(CommentId),
    /// The server answered a deletion.
    DeleteAnswered {
        /// The comment deleted.
        id: CommentId,
        /// Whether the server took it; the error says why not.
        result: Result<(), String>,
    },
}

/// A comment to send to the server. Kept in the saved state until the
/// server has it, so a reload or a closed tab never loses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// Its id until the server gives one.
    pub local_id: CommentId,
    /// The comment replied to, if any.
    pub parent: Option<CommentId>,
    /// The text.
    pub body: String,
    /// The name given, if any.
    pub name: Option<String>,
    /// When the reader sent it, in milliseconds since the epoch.
    #[serde(default)]
    pub created_ms: f64,
}

impl Post {
    fn input(&self) -> CommentInput {
        CommentInput {
            id: self.local_id.to_string(),
            parent: self.parent.as_ref().map(|p| p.to_string()),
            author: self.name.clone(),
            created: Some(Timestamp::Epoch(self.created_ms)),
            body: self.body.as_str().into(),
            ..CommentInput::default()
        }
    }
}

/// Where a reader's comment stands with the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostStatus {
    /// On its way.
    Sending,
    /// Lost or failed on the server's side; the text is kept, this says
    /// why, and Retry may work.
    Failed(String),
    /// Turned down by the server for good, with its reason; the text is
    /// kept for Edit.
    Refused(String),
    /// Sent before the page was closed: its answer never came, so the
    /// reader decides (after a reload).
    Unconfirmed,
}

/// Why a draft cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    /// Nothing but spaces.
    Empty,
    /// This many characters over the limit.
    TooLong(usize),
}

/// The longest comment a reader may send, unless the site sets another.
pub const DEFAULT_MAX_LENGTH: usize = 5000;

/// Whether a draft can be sent: not empty, not too long.
pub fn check_draft(text: &str, max_length: usize) -> Result<(), DraftProblem> {
    let length = text.trim().chars().count();
    if length == 0 {
        Err(DraftProblem::Empty)
    } else if length > max_length {
        Err(DraftProblem::TooLong(length - max_length))
    } else {
        Ok(())
    }
}

/// What the shell must do after an action.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Comments whose view changed; only these re-render.
    pub changed: Vec<CommentId>,
    /// A vote to send now: the comment and the value (1, 0 or -1).
    pub send: Option<(CommentId, i8)>,
    /// A new comment to show now, under its parent.
    pub add: Option<(Option<CommentId>, CommentInput)>,
    /// A comment to send to the server.
    pub post: Option<Post>,
    /// A comment to replace (its local id) with the server's version.
    pub replace: Option<(CommentId, CommentInput)>,
    /// A comment to take off the thread (back into its composer).
    pub remove: Option<CommentId>,
    /// Composers whose draft changed (`""`: the top-level one).
    pub drafts: Vec<String>,
    /// An edit or deletion of the reader's comment to show now and send.
    pub write: Option<OwnWrite>,
    /// What to do with a comment once the server answered its edit or
    /// deletion: keep the new version, or put the old one back.
    pub settle: Option<Settle>,
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

/// The reader's own state for one thread. What outlives a page load (folds,
/// votes, drafts, comments kept in the browser or not yet confirmed by the
/// server) is saved as JSON, entry by entry: several tabs of one thread
/// each keep what they changed (see [`ThreadState::sync`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreadState {
    collapsed: BTreeSet<CommentId>,
    votes: BTreeMap<CommentId, i8>,
    drafts: BTreeMap<String, String>,
    posted: Vec<CommentInput>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    unsent: BTreeMap<CommentId, Post>,
    /// The reader's comments the server took (its ids): theirs to edit
    /// and delete.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    mine: BTreeSet<CommentId>,
    #[serde(skip)]
    changes: HashMap<CommentId, Change>,
    /// Votes cannot be taken back (the server has no way to).
    #[serde(skip)]
    final_votes: bool,
    #[serde(skip)]
    remote: bool,
    #[serde(skip)]
    posting: bool,
    #[serde(skip)]
    status: HashMap<CommentId, PostStatus>,
    #[serde(skip)]
    sync: HashMap<CommentId, VoteSync>,
    #[serde(skip)]
    touched: Touched,
}

/// The entries this tab changed since it last saved: the only ones it may
/// write over what another tab saved.
#[derive(Debug, Clone, Default, PartialEq)]
struct Touched {
    collapsed: BTreeSet<CommentId>,
    votes: BTreeSet<CommentId>,
    drafts: BTreeSet<String>,
    unsent: BTreeSet<CommentId>,
    mine: BTreeSet<CommentId>,
}

/// A saved set with this tab's changes to the `touched` entries on top.
fn merge(
    mut saved: BTreeSet<CommentId>,
    here: &BTreeSet<CommentId>,
    touched: &BTreeSet<CommentId>,
) -> BTreeSet<CommentId> {
    for id in touched {
        if here.contains(id) {
            saved.insert(id.clone());
        } else {
            saved.remove(id);
        }
    }
    saved
}

/// What another tab changed, for the views: comments to re-render and
/// comments to add.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synced {
    /// Comments whose fold or vote changed.
    pub changed: Vec<CommentId>,
    /// Comments another tab kept in this browser, new to this one.
    pub added: Vec<CommentInput>,
    /// Composers whose draft changed (`""`: the top-level one).
    pub drafts: Vec<String>,
}

impl ThreadState {
    /// Prepares restored state for use. With `remote`, votes go to a server,
    /// whose scores already count the votes saved here; without, votes stay
    /// in this browser and scores come from the data plus the reader's vote.
    pub fn start(mut self, remote: bool, posting: bool) -> Self {
        self.remote = remote;
        self.posting = posting;
        self.status = self
            .unsent
            .keys()
            .map(|id| (id.clone(), PostStatus::Unconfirmed))
            .collect();
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

    /// The reader's own comments to show again after a reload: those kept
    /// in this browser, and those the server never confirmed.
    pub fn restored(&self) -> Vec<CommentInput> {
        let unsent = self.unsent.values().map(Post::input);
        self.posted.iter().cloned().chain(unsent).collect()
    }

    /// For a server that cannot take a vote back: a vote, once given, stays.
    pub fn with_final_votes(mut self) -> Self {
        self.final_votes = true;
        self
    }

    /// Whether a vote, once given, stays.
    pub fn votes_are_final(&self) -> bool {
        self.final_votes
    }

    /// Takes in what another tab saved: this tab's own changes since its
    /// last save win, entry by entry; everything else comes from `saved`.
    /// Call it before each save (so nothing another tab saved is written
    /// over) and when another tab saves. Says what the views must show.
    pub fn sync(&mut self, saved: ThreadState) -> Synced {
        let touched = std::mem::take(&mut self.touched);
        let mut synced = Synced::default();
        let collapsed = merge(saved.collapsed, &self.collapsed, &touched.collapsed);
        synced
            .changed
            .extend(collapsed.symmetric_difference(&self.collapsed).cloned());
        self.collapsed = collapsed;

        let mut votes = saved.votes;
        for id in &touched.votes {
            match self.votes.get(id) {
                Some(vote) => votes.insert(id.clone(), *vote),
                None => votes.remove(id),
            };
        }
        for id in self.votes.keys().chain(votes.keys()) {
            if self.votes.get(id) != votes.get(id) && !synced.changed.contains(id) {
                synced.changed.push(id.clone());
            }
        }
        self.votes = votes;

        let mut drafts = saved.drafts;
        for key in &touched.drafts {
            match self.drafts.get(key) {
                Some(text) => drafts.insert(key.clone(), text.clone()),
                None => drafts.remove(key),
            };
        }
        for key in self.drafts.keys().chain(drafts.keys()) {
            if self.drafts.get(key) != drafts.get(key) && !synced.drafts.contains(key) {
                synced.drafts.push(key.clone());
            }
        }
        self.drafts = drafts;

        for input in saved.posted {
            if !self.posted.iter().any(|own| own.id == input.id) {
                synced.added.push(input.clone());
                self.posted.push(input);
            }
        }

        self.mine = merge(saved.mine, &self.mine, &touched.mine);

        let mut unsent = saved.unsent;
        for id in &touched.unsent {
            match self.unsent.get(id) {
                Some(post) => unsent.insert(id.clone(), post.clone()),
                None => unsent.remove(id),
            };
        }
        self.unsent = unsent;
        synced
    }

    /// The saved draft for a composer.
    pub fn draft(&self, parent: Option<&str>) -> String {
        self.drafts
            .get(parent.unwrap_or(""))
            .cloned()
            .unwrap_or_default()
    }

    /// Where a reader's comment stands with the server, if it is one.
    pub fn post_status(&self, id: &str) -> Option<&PostStatus> {
        self.status.get(id)
    }

    /// Whether this is the reader's comment kept only in this browser (the
    /// site takes no posts): no one else sees it, and no one can vote on it.
    pub fn is_kept_here(&self, id: &str) -> bool {
        !self.posting && self.posted.iter().any(|comment| comment.id == id)
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
        data_score
            .saturating_add(i64::from(self.vote(id)))
            .saturating_sub(i64::from(counted_by_server))
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
        self.touch(&action);
        match action {
            ThreadAction::ToggleCollapsed(id) => {
                if !self.collapsed.remove(&id) {
                    self.collapsed.insert(id.clone());
                }
                Outcome {
                    changed: vec![id],
                    ..Outcome::default()
                }
            }
            ThreadAction::Unfold(ids) => Outcome {
                changed: ids
                    .into_iter()
                    .filter(|id| self.collapsed.remove(id))
                    .collect(),
                ..Outcome::default()
            },
            ThreadAction::EditDraft { parent, text } => {
                let key = parent.as_deref().unwrap_or("").to_owned();
                if text.is_empty() {
                    self.drafts.remove(&key);
                } else {
                    self.drafts.insert(key.clone(), text);
                }
                Outcome {
                    drafts: vec![key],
                    ..Outcome::default()
                }
            }
            ThreadAction::Submit {
                parent,
                name,
                now_ms,
            } => self.submit(parent, name, now_ms),
            ThreadAction::PostAnswered { local_id, result } => match result {
                Ok(comment) => {
                    if self.unsent.remove(&local_id).is_none() {
                        return Outcome::default();
                    }
                    self.status.remove(&local_id);
                    self.mine.insert(CommentId::from(comment.id.as_str()));
                    self.touched
                        .mine
                        .insert(CommentId::from(comment.id.as_str()));
                    Outcome {
                        replace: Some((local_id, *comment)),
                        ..Outcome::default()
                    }
                }
                Err(error) if self.unsent.contains_key(&local_id) => {
                    self.status
                        .insert(local_id.clone(), PostStatus::Failed(error));
                    Outcome {
                        changed: vec![local_id],
                        ..Outcome::default()
                    }
                }
                Err(_) => Outcome::default(),
            },
            ThreadAction::PostRefused { local_id, reason } => {
                if !self.unsent.contains_key(&local_id) {
                    return Outcome::default();
                }
                self.status
                    .insert(local_id.clone(), PostStatus::Refused(reason));
                Outcome {
                    changed: vec![local_id],
                    ..Outcome::default()
                }
            }
            ThreadAction::Retry(local_id) => match self.unsent.get(&local_id) {
                Some(post) => {
                    self.status.insert(local_id.clone(), PostStatus::Sending);
                    Outcome {
                        changed: vec![local_id],
                        post: Some(post.clone()),
                        ..Outcome::default()
                    }
                }
                None => Outcome::default(),
            },
            ThreadAction::Edit(local_id) => match self.unsent.remove(&local_id) {
                Some(post) => {
                    self.status.remove(&local_id);
                    // What the reader typed since sending stays, after it.
                    let key = post.parent.as_deref().unwrap_or("").to_owned();
                    let text = match self.drafts.remove(&key) {
                        Some(later) if !later.trim().is_empty() => {
                            format!("{}\n\n{later}", post.body)
                        }
                        _ => post.body,
                    };
                    self.drafts.insert(key.clone(), text);
                    Outcome {
                        remove: Some(local_id),
                        drafts: vec![key],
                        ..Outcome::default()
                    }
                }
                None => Outcome::default(),
            },
            ThreadAction::Vote(id, direction) => {
                let value = if self.vote(&id) != direction.value() {
                    direction.value()
                } else if self.final_votes {
                    // The server cannot take a vote back: a second click does nothing.
                    return Outcome::default();
                } else {
                    0
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
                    ..Outcome::default()
                }
            }
            ThreadAction::SaveEdit(id) => self.save_edit(id),
            ThreadAction::EditAnswered { id, result } => self.edit_answered(id, result),
            ThreadAction::Delete(id) => self.delete(id),
            ThreadAction::DeleteAnswered { id, result } => self.delete_answered(id, result),
            ThreadAction::VoteCounted { id, sent } => {
                self.sync.entry(id.clone()).or_default().at_load = sent;
                Outcome {
                    changed: vec![id],
                    ..Outcome::default()
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
                    ..Outcome::default()
                }
            }
        }
    }

    fn submit(&mut self, parent: Option<CommentId>, name: Option<String>, now_ms: f64) -> Outcome {
        let key = parent.as_deref().unwrap_or("").to_owned();
        let body = self.drafts.get(&key).cloned().unwrap_or_default();
        if check_draft(&body, usize::MAX).is_err() {
            return Outcome::default();
        }
        // Unique across tabs too: each tab's clock reading and a random-free
        // counter rarely meet, and a clash is checked against all we know.
        let mut counter = self.unsent.len() + self.posted.len();
        let local_id = loop {
            counter += 1;
            let id = format!("local-{}-{counter}", now_ms as u64);
            if !self.unsent.contains_key(id.as_str()) && !self.posted.iter().any(|c| c.id == id) {
                break CommentId::from(id);
            }
        };
        // The text now lives in the comment (kept until the server has it),
        // so the composer starts empty.
        self.drafts.remove(&key);
        self.touched.drafts.insert(key.clone());
        let post = Post {
            local_id: local_id.clone(),
            parent: parent.clone(),
            body: body.trim().into(),
            name,
            created_ms: now_ms,
        };
        let add = Some((parent, post.input()));
        if !self.posting {
            self.posted.push(post.input());
            return Outcome {
                add,
                drafts: vec![key],
                ..Outcome::default()
            };
        }
        self.touched.unsent.insert(local_id.clone());
        self.unsent.insert(local_id.clone(), post.clone());
        self.status.insert(local_id, PostStatus::Sending);
        Outcome {
            add,
            post: Some(post),
            drafts: vec![key],
            ..Outcome::default()
        }
    }

    /// Notes which saved entries an action changes.
    fn touch(&mut self, action: &ThreadAction) {
        let touched = &mut self.touched;
        match action {
            ThreadAction::ToggleCollapsed(id) => {
                touched.collapsed.insert(id.clone());
            }
            ThreadAction::Unfold(ids) => touched.collapsed.extend(ids.iter().cloned()),
            ThreadAction::VoteCounted { .. } => {}
            ThreadAction::Vote(id, _) | ThreadAction::VoteAnswered { id, .. } => {
                touched.votes.insert(id.clone());
            }
            ThreadAction::EditDraft { parent, .. } => {
                touched
                    .drafts
                    .insert(parent.as_deref().unwrap_or("").to_owned());
            }
            ThreadAction::PostAnswered { local_id, .. }
            | ThreadAction::PostRefused { local_id, .. }
            | ThreadAction::Retry(local_id) => {
                touched.unsent.insert(local_id.clone());
            }
            ThreadAction::Edit(local_id) => {
                touched.unsent.insert(local_id.clone());
                if let Some(post) = self.unsent.get(local_id) {
                    touched
                        .drafts
                        .insert(post.parent.as_deref().unwrap_or("").to_owned());
                }
            }
            ThreadAction::SaveEdit(id) | ThreadAction::EditAnswered { id, .. } => {
                touched.drafts.insert(edit_key(id));
            }
            ThreadAction::Delete(id) | ThreadAction::DeleteAnswered { id, .. } => {
                touched.mine.insert(id.clone());
            }
            ThreadAction::Submit { .. } => {}
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

    #[test]
    fn scores_at_the_ends_of_the_range_do_not_wrap() {
        let mut state = ThreadState::default().start(false, false);
        state.apply(ThreadAction::Vote("c".into(), Direction::Up));
        assert_eq!(state.score("c", i64::MAX), i64::MAX);
        state.apply(ThreadAction::Vote("c".into(), Direction::Down));
        assert_eq!(state.score("c", i64::MIN), i64::MIN);
    }

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
                ..Outcome::default()
            }
        );
        assert!(state.is_collapsed("a"));
        assert!(!state.is_collapsed("b"));
        state.apply(ThreadAction::ToggleCollapsed(id("a")));
        assert!(!state.is_collapsed("a"));
    }

    #[test]
    fn unfolding_the_way_to_a_comment_changes_only_what_was_folded() {
        let mut state = ThreadState::default();
        state.apply(ThreadAction::ToggleCollapsed(id("b")));
        let outcome = state.apply(ThreadAction::Unfold(vec![id("a"), id("b")]));
        assert_eq!(outcome.changed, vec![id("b")]);
        assert!(!state.is_collapsed("b"));
    }

    #[test]
    fn local_votes_toggle_switch_and_show_at_once() {
        let mut state = ThreadState::default().start(false, false);
        assert_eq!(
            vote(&mut state, Direction::Up),
            Outcome {
                changed: vec![id("a")],
                ..Outcome::default()
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
        let mut state = ThreadState::default().start(false, false);
        state.apply(ThreadAction::ToggleCollapsed(id("b")));
        vote(&mut state, Direction::Up);
        let saved = serde_json::to_string(&state).expect("serializable");
        assert_eq!(
            saved,
            r#"{"collapsed":["b"],"votes":{"a":1},"drafts":{},"posted":[]}"#
        );
        let local = serde_json::from_str::<ThreadState>(&saved)
            .expect("readable")
            .start(false, false);
        assert_eq!(
            (local.vote("a"), local.score("a", 10)),
            (1, 11),
            "local scores add the saved vote"
        );
        let remote = serde_json::from_str::<ThreadState>(&saved)
            .expect("readable")
            .start(true, false);
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
        let mut state = ThreadState::default().start(true, false);
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
        let mut state = ThreadState::default().start(true, false);
        vote(&mut state, Direction::Up);
        vote(&mut state, Direction::Up);
        assert_eq!(answer(&mut state, 1, Ok(())).send, Some((id("a"), 0)));
        assert_eq!(answer(&mut state, 0, Ok(())).send, None);
        assert_eq!(state.vote("a"), 0);
    }

    fn draft(state: &mut ThreadState, parent: Option<&str>, text: &str) {
        let parent = parent.map(id);
        state.apply(ThreadAction::EditDraft {
            parent,
            text: text.into(),
        });
    }

    fn submit(state: &mut ThreadState, parent: Option<&str>) -> Outcome {
        let parent = parent.map(id);
        state.apply(ThreadAction::Submit {
            parent,
            name: Some("Ann".into()),
            now_ms: 1.6e12,
        })
    }

    #[test]
    fn drafts_are_kept_per_parent_and_survive_storage() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, Some("a"), "half a reply");
        draft(&mut state, None, "a new comment");
        let saved = serde_json::to_string(&state).expect("serializable");
        let restored = serde_json::from_str::<ThreadState>(&saved)
            .expect("readable")
            .start(false, true);
        assert_eq!(restored.draft(Some("a")), "half a reply");
        assert_eq!(restored.draft(None), "a new comment");
        assert_eq!(restored.draft(Some("b")), "");
    }

    #[test]
    fn local_only_posts_are_final_and_kept() {
        let mut state = ThreadState::default().start(false, false);
        draft(&mut state, Some("a"), "  hello  ");
        let outcome = submit(&mut state, Some("a"));
        let (parent, input) = outcome.add.expect("shown at once");
        assert_eq!(parent, Some(id("a")));
        assert_eq!(
            (&*input.body, input.author.as_deref()),
            ("hello", Some("Ann"))
        );
        assert_eq!(outcome.post, None);
        assert_eq!(state.draft(Some("a")), "", "cleared once kept");
        let saved = serde_json::to_string(&state).expect("serializable");
        let restored = serde_json::from_str::<ThreadState>(&saved).expect("readable");
        assert_eq!(restored.restored().len(), 1);
        assert_eq!(restored.restored()[0].parent.as_deref(), Some("a"));
    }

    #[test]
    fn an_empty_draft_is_not_sent() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, None, "   ");
        assert_eq!(submit(&mut state, None), Outcome::default());
        assert_eq!(check_draft(" \n ", 10), Err(DraftProblem::Empty));
        assert_eq!(
            check_draft("twelve chars", 10),
            Err(DraftProblem::TooLong(2))
        );
        assert_eq!(check_draft("ok", 10), Ok(()));
    }

    #[test]
    fn counts_from_the_server_are_shown_plus_only_what_the_reader_changed_since() {
        let mut state = ThreadState::default().start(true, false);
        state.apply(ThreadAction::Vote("a".into(), Direction::Up));
        state.apply(ThreadAction::VoteAnswered {
            id: "a".into(),
            sent: 1,
            result: Ok(()),
        });
        // The server says 5 up, 1 down: the reader's vote is one of them.
        state.apply(ThreadAction::VoteCounted {
            id: "a".into(),
            sent: 1,
        });
        assert_eq!(state.score("a", 4), 4, "not 5: the vote is counted once");
        state.apply(ThreadAction::Vote("a".into(), Direction::Up));
        assert_eq!(state.score("a", 4), 3, "taken back since");
    }

    #[test]
    fn where_the_server_cannot_take_a_vote_back_a_second_click_does_nothing() {
        let mut state = ThreadState::default().start(true, false).with_final_votes();
        let up = state.apply(ThreadAction::Vote("a".into(), Direction::Up));
        assert_eq!(up.send, Some(("a".into(), 1)));
        assert_eq!(
            state.apply(ThreadAction::Vote("a".into(), Direction::Up)),
            Outcome::default()
        );
        assert_eq!(state.vote("a"), 1);
    }

    #[test]
    fn a_post_refused_for_good_keeps_its_text_and_the_servers_reason() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, None, "ok");
        let local_id = submit(&mut state, None).post.expect("sent").local_id;
        let refused = state.apply(ThreadAction::PostRefused {
            local_id: local_id.clone(),
            reason: "Not sent: text is too short".into(),
        });
        assert_eq!(refused.changed, std::slice::from_ref(&local_id));
        assert_eq!(
            state.post_status(&local_id),
            Some(&PostStatus::Refused("Not sent: text is too short".into()))
        );
        assert_eq!(state.restored()[0].body.as_ref(), "ok", "the text is kept");
    }

    #[test]
    fn a_post_shows_at_once_fails_keeps_its_text_and_retries() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, Some("a"), "my reply");
        let outcome = submit(&mut state, Some("a"));
        let post = outcome.post.expect("sent");
        assert!(outcome.add.is_some());
        assert_eq!(
            state.post_status(&post.local_id),
            Some(&PostStatus::Sending)
        );

        let failed = state.apply(ThreadAction::PostAnswered {
            local_id: post.local_id.clone(),
            result: Err("HTTP 500".into()),
        });
        assert_eq!(failed.changed, std::slice::from_ref(&post.local_id));
        assert_eq!(
            state.post_status(&post.local_id),
            Some(&PostStatus::Failed("HTTP 500".into()))
        );
        assert_eq!(state.draft(Some("a")), "", "the composer is free again");
        let reloaded: ThreadState =
            serde_json::from_str(&serde_json::to_string(&state).expect("saved")).expect("read");
        let reloaded = reloaded.start(false, true);
        assert_eq!(
            reloaded.restored()[0].body.as_ref(),
            "my reply",
            "kept across a reload"
        );
        assert_eq!(
            reloaded.post_status(&post.local_id),
            Some(&PostStatus::Unconfirmed)
        );

        let retried = state.apply(ThreadAction::Retry(post.local_id.clone()));
        assert_eq!(
            retried.post.as_ref().map(|p| p.body.as_str()),
            Some("my reply")
        );
        let server = CommentInput {
            id: "srv-1".into(),
            body: "my reply".into(),
            ..CommentInput::default()
        };
        let done = state.apply(ThreadAction::PostAnswered {
            local_id: post.local_id.clone(),
            result: Ok(Box::new(server.clone())),
        });
        assert_eq!(done.replace, Some((post.local_id.clone(), server)));
        assert_eq!(state.post_status(&post.local_id), None);
        assert!(
            state.restored().is_empty(),
            "the server keeps it, not the browser"
        );
    }

    #[test]
    fn text_typed_while_a_comment_is_sending_outlives_its_success() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, None, "first");
        let post = submit(&mut state, None).post.expect("sent");
        draft(
            &mut state,
            None,
            "second, typed while the first was sending",
        );
        state.apply(ThreadAction::PostAnswered {
            local_id: post.local_id,
            result: Ok(Box::new(CommentInput {
                id: "srv".into(),
                ..CommentInput::default()
            })),
        });
        assert_eq!(
            state.draft(None),
            "second, typed while the first was sending"
        );
    }

    #[test]
    fn edit_keeps_text_typed_after_sending_too() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, None, "first try");
        let post = submit(&mut state, None).post.expect("sent");
        draft(&mut state, None, "an afterthought");
        let outcome = state.apply(ThreadAction::Edit(post.local_id));
        assert_eq!(outcome.drafts, [""], "the composer shows it at once");
        assert_eq!(state.draft(None), "first try\n\nan afterthought");
    }

    #[test]
    fn two_tabs_keep_each_others_votes_folds_and_comments() {
        let mut saved = ThreadState::default();
        let mut a = ThreadState::default().start(false, false);
        let mut b = ThreadState::default().start(false, false);
        let save = |tab: &mut ThreadState, saved: &mut ThreadState| {
            let synced = tab.sync(saved.clone());
            *saved =
                serde_json::from_str(&serde_json::to_string(tab).expect("saved")).expect("read");
            synced
        };
        a.apply(ThreadAction::Vote(id("c1"), Direction::Up));
        save(&mut a, &mut saved);
        b.apply(ThreadAction::Vote(id("c4"), Direction::Down));
        save(&mut b, &mut saved);
        draft(&mut b, None, "from tab B");
        save(&mut b, &mut saved);
        submit(&mut b, None);
        save(&mut b, &mut saved);
        a.apply(ThreadAction::Vote(id("c5"), Direction::Up));
        let synced = save(&mut a, &mut saved);
        assert_eq!(synced.changed, [id("c4")], "tab A shows B's vote");
        assert_eq!(synced.added.len(), 1, "and B's comment");
        let reloaded: ThreadState = saved.clone().start(false, false);
        assert_eq!(
            (
                reloaded.vote("c1"),
                reloaded.vote("c4"),
                reloaded.vote("c5")
            ),
            (1, -1, 1)
        );
        assert_eq!(reloaded.restored()[0].body.as_ref(), "from tab B");
        // B takes A's vote in when A saves (the storage event).
        let synced = b.sync(saved.clone());
        assert_eq!(synced.changed, [id("c5")], "c1 came in when B last saved");
        a.apply(ThreadAction::Vote(id("c1"), Direction::Up));
        save(&mut a, &mut saved);
        assert_eq!(saved.vote("c1"), 0, "taking a vote back is kept too");
        assert_eq!(saved.vote("c4"), -1);
    }

    #[test]
    fn edit_takes_a_failed_comment_back_into_its_draft() {
        let mut state = ThreadState::default().start(false, true);
        draft(&mut state, None, "first try");
        let post = submit(&mut state, None).post.expect("sent");
        draft(&mut state, None, "");
        state.apply(ThreadAction::PostAnswered {
            local_id: post.local_id.clone(),
            result: Err("offline".into()),
        });
        let outcome = state.apply(ThreadAction::Edit(post.local_id.clone()));
        assert_eq!(outcome.remove, Some(post.local_id));
        assert_eq!(state.draft(None), "first try");
    }

    #[test]
    fn a_failed_vote_rolls_back_with_a_message() {
        let mut state = ThreadState::default().start(true, false);
        vote(&mut state, Direction::Up);
        answer(&mut state, 1, Ok(()));
        vote(&mut state, Direction::Down);
        let outcome = answer(&mut state, -1, Err("HTTP 500".into()));
        assert_eq!(
            outcome,
            Outcome {
                changed: vec![id("a")],
                ..Outcome::default()
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
