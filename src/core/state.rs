//! What the reader changed in a thread (for now, which comments are folded),
//! as a pure reducer that says exactly which comments an action touched.

use super::model::CommentId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Something the reader did to the thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadAction {
    /// Fold or unfold the replies under a comment.
    ToggleCollapsed(CommentId),
}

/// The reader's own state for one thread, which outlives a page load: it is
/// saved as JSON (the folded ids, sorted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreadState {
    collapsed: BTreeSet<CommentId>,
}

impl ThreadState {
    /// Whether the replies under this comment are folded.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
    }

    /// Applies an action and returns the comments whose view changed, so only
    /// those re-render.
    pub fn apply(&mut self, action: ThreadAction) -> Vec<CommentId> {
        match action {
            ThreadAction::ToggleCollapsed(id) => {
                if !self.collapsed.remove(&id) {
                    self.collapsed.insert(id.clone());
                }
                vec![id]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_folds_and_unfolds_one_comment() {
        let mut state = ThreadState::default();
        assert_eq!(
            state.apply(ThreadAction::ToggleCollapsed("a".into())),
            vec![CommentId::from("a")]
        );
        assert!(state.is_collapsed("a"));
        assert!(!state.is_collapsed("b"));
        state.apply(ThreadAction::ToggleCollapsed("a".into()));
        assert!(!state.is_collapsed("a"));
    }

    #[test]
    fn survives_a_round_trip_through_storage() {
        let mut state = ThreadState::default();
        state.apply(ThreadAction::ToggleCollapsed("b".into()));
        state.apply(ThreadAction::ToggleCollapsed("a".into()));
        let saved = serde_json::to_string(&state).expect("serializable");
        assert_eq!(saved, r#"{"collapsed":["a","b"]}"#);
        assert_eq!(
            serde_json::from_str::<ThreadState>(&saved).ok(),
            Some(state)
        );
        assert_eq!(
            serde_json::from_str::<ThreadState>("{}").ok(),
            Some(ThreadState::default())
        );
    }
}
