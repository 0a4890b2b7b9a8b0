//! The reading tools on a live thread: the order lists are kept in, what
//! is new since the last visit, and the comments the reader hides (muted
//! authors, low scores).

use super::{list_change, LiveThread, MUTED_KEY, ORDER_KEY};
use crate::core::model::CommentId;
use crate::core::moderation::{self, Hidden};
use crate::core::paging::ListKey;
use crate::core::sort::Order;
use crate::core::visits;
use crate::services::storage;

impl LiveThread {
    /// The order the lists are in.
    pub fn order(&self) -> Order {
        self.0.store.borrow().order()
    }

    /// Whether the thread counts up and down votes apart (which the
    /// Controversial order needs).
    pub fn counts_votes(&self) -> bool {
        self.0.store.borrow().counts_votes()
    }

    /// Puts every list in the reader's chosen order and remembers the
    /// choice for the site; only lists whose order changed re-render, and
    /// their comments move without rendering again.
    pub fn set_order(&self, order: Order) {
        storage::save(ORDER_KEY, &order);
        let change = self.0.store.borrow_mut().sort(order);
        self.notify(change, Vec::new());
    }

    /// Whether this comment was posted since the reader's last visit.
    pub fn is_new(&self, id: &str) -> bool {
        self.0.new.borrow().contains(id)
    }

    /// How many comments were posted since the reader's last visit.
    pub fn new_count(&self) -> usize {
        self.0.new.borrow().len()
    }

    /// Opens the way to the next new comment in reading order (after the
    /// one this last went to; back to the first after the last) and
    /// returns its element id.
    pub fn next_new(&self) -> Option<String> {
        let next = {
            let order = visits::in_reading_order(&self.0.store.borrow(), &self.0.new.borrow());
            visits::next_after(&order, self.0.walked.borrow().as_deref())?
        };
        self.0.walked.replace(Some(next.clone()));
        self.reveal(&next)
    }

    /// Why this comment shows only as a line the reader can open, if it
    /// does: its author is muted, or its score is low.
    pub fn hidden(&self, id: &str) -> Option<Hidden> {
        if self.0.unmasked.borrow().contains(id) {
            return None;
        }
        let comment = self.comment(id)?;
        moderation::hidden(
            &comment,
            &self.0.muted.borrow(),
            self.0.settings.collapse_below,
        )
    }

    /// Shows one hidden comment on this page.
    pub fn unmask(&self, id: &CommentId) {
        self.0.unmasked.borrow_mut().insert(id.clone());
        self.notify(list_change(vec![Some(id.clone())], false), Vec::new());
    }

    /// Whether the reader muted this author.
    pub fn is_muted(&self, author: &str) -> bool {
        self.0.muted.borrow().contains(author)
    }

    /// Mutes (or unmutes) an author on every thread of the site: their
    /// comments re-render as one line with "Show", or in full again.
    pub fn set_muted(&self, author: &str, muted: bool) {
        {
            let mut set = self.0.muted.borrow_mut();
            if muted {
                set.insert(author.to_owned());
            } else {
                set.remove(author);
            }
            storage::save(MUTED_KEY, &*set);
        }
        let theirs: Vec<ListKey> = {
            let store = self.0.store.borrow();
            let mut unmasked = self.0.unmasked.borrow_mut();
            store
                .comments()
                .filter(|comment| comment.author.as_deref() == Some(author))
                .inspect(|comment| {
                    unmasked.remove(&comment.id);
                })
                .map(|comment| Some(comment.id.clone()))
                .collect()
        };
        self.notify(list_change(theirs, false), Vec::new());
    }
}
