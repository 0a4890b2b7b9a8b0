//! What the reader changed in a thread (for now, which comments are folded),
//! as a pure reducer that says exactly which comments an action touched.

use super::model::CommentId;
use std::collections::BTreeSet;

/// Something the reader did to the thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadAction {
    /// Fold or unfold the replies under a comment.
    ToggleCollapsed(CommentId),
}

/// The reader's own state for one thread, which outlives a page load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadState {
    collapsed: BTreeSet<CommentId>,
}

impl ThreadState {
    /// Restores the state saved by [`ThreadState::to_saved`]. Anything
    /// unreadable (another version, a hand-edited value) gives a fresh state.
    pub fn from_saved(saved: Option<&str>) -> Self {
        let collapsed = saved
            .and_then(|text| serde_json::from_str::<Vec<String>>(text).ok())
            .unwrap_or_default()
            .into_iter()
            .map(CommentId::from)
            .collect();
        ThreadState { collapsed }
    }

    /// The state as a string for storage: the folded ids, sorted.
    pub fn to_saved(&self) -> String {
        let ids: Vec<&str> = self.collapsed.iter().map(|id| &**id).collect();
        serde_json::to_string(&ids).unwrap_or_else(|_| "[]".to_owned())
    }

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
        assert_eq!(state.apply(ThreadAction::ToggleCollapsed("a".into())), vec![CommentId::from("a")]);
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
        let saved = state.to_saved();
        assert_eq!(saved, r#"["a","b"]"#);
        assert_eq!(ThreadState::from_saved(Some(&saved)), state);
    }

    #[test]
    fn unreadable_storage_gives_a_fresh_state() {
        for saved in [None, Some(""), Some("{"), Some("{\"a\":1}"), Some("[1,2]")] {
            assert_eq!(ThreadState::from_saved(saved), ThreadState::default());
        }
    }
}
