//! The reader's edits and deletions of their own comments, as the page
//! shows them: at once, then kept or taken back when the server answers.

use super::LiveThread;
use crate::core::model::Comment;
use crate::core::state::{Change, OwnWrite, Settle};
use crate::core::store::{StoreChange, ThreadStore};
use std::rc::Rc;

impl LiveThread {
    /// Shows the reader's edit or deletion before the server has it,
    /// keeping the comment as it was in case the server refuses.
    pub(super) fn show_write(&self, store: &mut ThreadStore, write: &OwnWrite) -> StoreChange {
        let id = match write {
            OwnWrite::Edit { id, .. } | OwnWrite::Delete(id) => id,
        };
        let Some(before) = store.comment(id).cloned() else {
            return StoreChange::default();
        };
        self.0
            .originals
            .borrow_mut()
            .entry(id.clone())
            .or_insert_with(|| before.clone());
        let shown = match write {
            OwnWrite::Edit { body, .. } => Comment {
                body: body.as_str().into(),
                edited: true,
                ..(*before).clone()
            },
            OwnWrite::Delete(_) => Comment {
                deleted: true,
                ..(*before).clone()
            },
        };
        store.put(Rc::new(shown))
    }

    /// Keeps or takes back an edit or deletion once the server answered.
    pub(super) fn settle(&self, store: &mut ThreadStore, settle: Settle) -> StoreChange {
        let mut originals = self.0.originals.borrow_mut();
        match settle {
            Settle::Keep(id, version) => {
                originals.remove(&id);
                // The server's text (it may have cleaned it up); the rest as
                // shown, since an answer may carry only some fields.
                let shown = store.comment(&id).cloned();
                match (version, shown) {
                    (Some(version), Some(shown)) if version.id.as_str() == &*id => {
                        let fresh = Comment::from_input(&version);
                        store.put(Rc::new(Comment {
                            body: fresh.body,
                            format: fresh.format,
                            edited: true,
                            ..(*shown).clone()
                        }))
                    }
                    _ => StoreChange::default(),
                }
            }
            Settle::Gone(id) => {
                originals.remove(&id);
                if store.children(&id).is_empty() {
                    store.remove(&id)
                } else {
                    StoreChange::default()
                }
            }
            Settle::Restore(id) => match originals.remove(&id) {
                Some(before) => store.put(before),
                None => StoreChange::default(),
            },
        }
    }

    /// Whether the reader wrote this comment (and the server took it), so
    /// it offers Edit and Delete where the site takes them.
    pub fn is_mine(&self, id: &str) -> bool {
        self.0.state.borrow().is_mine(id)
    }

    /// Where an edit or deletion of the reader's comment stands.
    pub fn change(&self, id: &str) -> Option<Change> {
        self.0.state.borrow().change(id).cloned()
    }
}
