//! Comments that arrive while the reader reads (polling or a stream):
//! changes show in place, new comments wait for the reader.

use super::{LiveThread, Topic};
use crate::core::live;
use crate::core::model::{CommentId, CommentInput};
use crate::core::store::StoreChange;
use crate::core::visits;
use std::collections::HashSet;

impl LiveThread {
    /// Takes in a newer copy of the thread, or streamed comments: changes
    /// to shown comments show in place at once; new comments wait, counted
    /// in a banner, so nothing moves under the reader's eyes.
    pub fn take_live(&self, incoming: &[CommentInput]) {
        let update = {
            let held: HashSet<String> = self.0.held.borrow().iter().map(|c| c.id.clone()).collect();
            live::compare(&self.0.store.borrow(), incoming, &held)
        };
        let mut change = StoreChange::default();
        {
            let mut store = self.0.store.borrow_mut();
            for input in &update.changed {
                let edit = store.update(input);
                change.comments.extend(edit.comments);
                change.roots |= edit.roots;
            }
        }
        let mut topics = Vec::new();
        if !update.added.is_empty() {
            self.0.held.borrow_mut().extend(update.added);
            topics.push(Topic::Live);
        }
        self.notify(change, topics);
    }

    /// How many comments arrived live and wait for the reader.
    pub fn held_count(&self) -> usize {
        self.0.held.borrow().len()
    }

    /// Puts the comments that arrived live in their places, marked new;
    /// only the lists they join re-render. Returns the first of them in
    /// reading order, where the reader goes next.
    pub fn show_held(&self) -> Option<CommentId> {
        let held = std::mem::take(&mut *self.0.held.borrow_mut());
        let mut change = StoreChange::default();
        let mut added = HashSet::new();
        {
            let mut store = self.0.store.borrow_mut();
            for input in &held {
                let edit = store.add(input.parent.as_deref(), input, false);
                change.comments.extend(edit.comments);
                change.roots |= edit.roots;
                if store.comment(&input.id).is_some() {
                    added.insert(CommentId::from(input.id.as_str()));
                }
            }
        }
        let first = visits::in_reading_order(&self.0.store.borrow(), &added)
            .into_iter()
            .next();
        self.0.new.borrow_mut().extend(added);
        change.comments.sort();
        change.comments.dedup();
        self.notify(change, vec![Topic::Live]);
        first
    }
}
