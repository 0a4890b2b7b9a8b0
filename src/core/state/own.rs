//! The reader's own comments, once the server took them: editing and
//! deleting, shown at once and rolled back if the server refuses, with the
//! edited text kept as a draft until the server has it.

use super::{check_draft, Outcome, ThreadState};
use crate::core::model::{CommentId, CommentInput};

/// Where the draft of an edit is kept, apart from reply drafts (whose key
/// is the parent's id): no comment id starts with a control character.
pub fn edit_key(id: &str) -> String {
    format!("\u{1}edit:{id}")
}

/// Where an edit or deletion of the reader's comment stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The edit is on its way.
    Saving,
    /// The deletion is on its way.
    Deleting,
    /// The server refused or did not answer; the reader's text is kept.
    EditFailed(String),
    /// The deletion did not happen; the comment is back.
    DeleteFailed(String),
}

/// An edit or deletion to show now and send.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnWrite {
    /// The comment's new text.
    Edit {
        /// The comment.
        id: CommentId,
        /// Its new text.
        body: String,
    },
    /// Delete the comment.
    Delete(CommentId),
}

/// What to do with a comment once the server answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Settle {
    /// Keep what is shown, or the server's version if it sent one.
    Keep(CommentId, Option<Box<CommentInput>>),
    /// The server took a deletion: take the comment off (or leave
    /// "[deleted]" above its replies).
    Gone(CommentId),
    /// Put back the comment as it was before the edit or deletion.
    Restore(CommentId),
}

impl ThreadState {
    /// Whether the reader wrote this comment and the server took it.
    pub fn is_mine(&self, id: &str) -> bool {
        self.mine.contains(id)
    }

    /// Where an edit or deletion of this comment stands, if one is under way
    /// or failed.
    pub fn change(&self, id: &str) -> Option<&Change> {
        self.changes.get(id)
    }

    pub(super) fn save_edit(&mut self, id: CommentId) -> Outcome {
        let body = self.drafts.get(&edit_key(&id)).cloned().unwrap_or_default();
        if !self.mine.contains(&id) || check_draft(&body, usize::MAX).is_err() {
            return Outcome::default();
        }
        self.changes.insert(id.clone(), Change::Saving);
        Outcome {
            changed: vec![id.clone()],
            write: Some(OwnWrite::Edit {
                id,
                body: body.trim().to_owned(),
            }),
            ..Outcome::default()
        }
    }

    pub(super) fn edit_answered(
        &mut self,
        id: CommentId,
        result: Result<Option<Box<CommentInput>>, String>,
    ) -> Outcome {
        let key = edit_key(&id);
        match result {
            Ok(version) => {
                // The server has the text: the draft goes.
                self.changes.remove(&id);
                self.drafts.remove(&key);
                Outcome {
                    changed: vec![id.clone()],
                    drafts: vec![key],
                    settle: Some(Settle::Keep(id, version)),
                    ..Outcome::default()
                }
            }
            Err(reason) => {
                self.changes.insert(id.clone(), Change::EditFailed(reason));
                Outcome {
                    changed: vec![id.clone()],
                    settle: Some(Settle::Restore(id)),
                    ..Outcome::default()
                }
            }
        }
    }

    pub(super) fn delete(&mut self, id: CommentId) -> Outcome {
        if !self.mine.contains(&id) {
            return Outcome::default();
        }
        self.changes.insert(id.clone(), Change::Deleting);
        Outcome {
            changed: vec![id.clone()],
            write: Some(OwnWrite::Delete(id)),
            ..Outcome::default()
        }
    }

    pub(super) fn delete_answered(&mut self, id: CommentId, result: Result<(), String>) -> Outcome {
        let settle = match result {
            Ok(()) => {
                self.changes.remove(&id);
                self.mine.remove(&id);
                Settle::Gone(id.clone())
            }
            Err(reason) => {
                self.changes
                    .insert(id.clone(), Change::DeleteFailed(reason));
                Settle::Restore(id.clone())
            }
        };
        Outcome {
            changed: vec![id],
            settle: Some(settle),
            ..Outcome::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::ThreadAction;

    /// A state in which the server took the reader's comment `srv-1`.
    fn with_mine() -> ThreadState {
        let mut state = ThreadState::default().start(true, true);
        state.apply(ThreadAction::EditDraft {
            parent: None,
            text: "first".into(),
        });
        let outcome = state.apply(ThreadAction::Submit {
            parent: None,
            name: None,
            now_ms: 1.0,
        });
        let local_id = outcome.post.expect("sent").local_id;
        state.apply(ThreadAction::PostAnswered {
            local_id,
            result: Ok(Box::new(CommentInput {
                id: "srv-1".into(),
                body: "first".into(),
                ..CommentInput::default()
            })),
        });
        state
    }

    fn draft_edit(state: &mut ThreadState, text: &str) {
        state.apply(ThreadAction::EditDraft {
            parent: Some(edit_key("srv-1").into()),
            text: text.into(),
        });
    }

    #[test]
    fn only_the_readers_confirmed_comments_are_theirs_and_survive_a_reload() {
        let state = with_mine();
        assert!(state.is_mine("srv-1"));
        assert!(!state.is_mine("c1"));
        let saved = serde_json::to_string(&state).expect("saves");
        let reloaded: ThreadState = serde_json::from_str(&saved).expect("loads");
        assert!(reloaded.start(true, true).is_mine("srv-1"));
        let mut other = ThreadState::default();
        assert_eq!(
            other.apply(ThreadAction::Delete("c1".into())),
            Outcome::default(),
            "no one else's comment"
        );
    }

    #[test]
    fn an_edit_shows_at_once_and_keeps_its_text_until_the_server_has_it() {
        let mut state = with_mine();
        draft_edit(&mut state, "  second thoughts ");
        let outcome = state.apply(ThreadAction::SaveEdit("srv-1".into()));
        assert_eq!(
            outcome.write,
            Some(OwnWrite::Edit {
                id: "srv-1".into(),
                body: "second thoughts".into()
            })
        );
        assert_eq!(state.change("srv-1"), Some(&Change::Saving));

        let failed = state.apply(ThreadAction::EditAnswered {
            id: "srv-1".into(),
            result: Err("the server did not answer.".into()),
        });
        assert_eq!(failed.settle, Some(Settle::Restore("srv-1".into())));
        assert_eq!(
            state.draft(Some(&edit_key("srv-1"))),
            "  second thoughts ",
            "nothing typed is lost"
        );
        assert!(matches!(state.change("srv-1"), Some(Change::EditFailed(_))));

        state.apply(ThreadAction::SaveEdit("srv-1".into()));
        let done = state.apply(ThreadAction::EditAnswered {
            id: "srv-1".into(),
            result: Ok(None),
        });
        assert_eq!(done.settle, Some(Settle::Keep("srv-1".into(), None)));
        assert_eq!(state.draft(Some(&edit_key("srv-1"))), "");
        assert_eq!(state.change("srv-1"), None);
    }

    #[test]
    fn an_empty_edit_is_not_sent() {
        let mut state = with_mine();
        draft_edit(&mut state, "   ");
        assert_eq!(
            state.apply(ThreadAction::SaveEdit("srv-1".into())).write,
            None
        );
    }

    #[test]
    fn a_refused_deletion_puts_the_comment_back() {
        let mut state = with_mine();
        let outcome = state.apply(ThreadAction::Delete("srv-1".into()));
        assert_eq!(outcome.write, Some(OwnWrite::Delete("srv-1".into())));
        let refused = state.apply(ThreadAction::DeleteAnswered {
            id: "srv-1".into(),
            result: Err("the server turned it down.".into()),
        });
        assert_eq!(refused.settle, Some(Settle::Restore("srv-1".into())));
        assert!(state.is_mine("srv-1"));

        state.apply(ThreadAction::Delete("srv-1".into()));
        let done = state.apply(ThreadAction::DeleteAnswered {
            id: "srv-1".into(),
            result: Ok(()),
        });
        assert_eq!(done.settle, Some(Settle::Gone("srv-1".into())));
        assert!(!state.is_mine("srv-1"));
    }
}
