//! The first page drawn a part per browser task, so no task holds a phone's
//! page long however big a comment's subtree: its items are drawn in the
//! order they stand on the page, so what is drawn never moves when the next
//! part comes below it.

use super::{list_change, LiveThread};
use crate::core::model::CommentId;
use crate::core::paging::ListKey;
use rustc_hash::FxHashMap as HashMap;

/// The first page's items in page order, and how many are drawn.
pub(super) struct Filling {
    /// The items, each with its list (see `Paging::drawn_in_order`).
    order: Vec<(Option<CommentId>, ListKey)>,
    /// Where each comment is in `order`.
    places: HashMap<CommentId, usize>,
    /// Where each list's "more replies" row is, by the list's comment.
    rows: HashMap<CommentId, usize>,
    /// How many items of `order` are drawn.
    drawn: usize,
}

impl LiveThread {
    /// Draws nothing of the first page until [`LiveThread::draw_more`]
    /// asks; comments that come later (live, or on request) are drawn at once.
    pub fn start_filling(&self) {
        let order = {
            let state = self.0.state.borrow();
            self.0.paging.borrow().drawn_in_order(
                &self.0.store.borrow(),
                &|id| state.is_collapsed(id),
                self.0.settings.max_depth,
            )
        };
        let (mut places, mut rows) = (HashMap::default(), HashMap::default());
        for (place, item) in order.iter().enumerate() {
            match item {
                (Some(id), _) => places.insert(id.clone(), place),
                (None, Some(list)) => rows.insert(list.clone(), place),
                (None, None) => None,
            };
        }
        *self.0.filling.borrow_mut() = Some(Filling {
            order,
            places,
            rows,
            drawn: 0,
        });
    }

    /// Draws the next `count` items of the first page (the lists they are
    /// in re-render); says whether any are left to draw.
    pub fn draw_more(&self, count: usize) -> bool {
        let (lists, left) = {
            let mut filling = self.0.filling.borrow_mut();
            let Some(fill) = filling.as_mut() else {
                return false;
            };
            let end = fill.order.len().min(fill.drawn.saturating_add(count));
            let mut lists: Vec<ListKey> = Vec::new();
            for (_, list) in &fill.order[fill.drawn..end] {
                if !lists.contains(list) {
                    lists.push(list.clone());
                }
            }
            fill.drawn = end;
            let left = end < fill.order.len();
            if !left {
                // The thread's rows under the list come with the last part.
                *filling = None;
                if !lists.contains(&None) {
                    lists.push(None);
                }
            }
            (lists, left)
        };
        self.notify(list_change(lists, false), Vec::new());
        left
    }

    /// Whether the first page is still being drawn.
    pub fn is_filling(&self) -> bool {
        self.0.filling.borrow().is_some()
    }

    /// Whether an item is drawn yet.
    pub fn is_drawn(&self, id: &str) -> bool {
        self.drawn_in(|fill| fill.places.get(id))
    }

    /// Whether the "more replies" row of a comment's replies is drawn yet.
    pub fn is_row_drawn(&self, id: &str) -> bool {
        self.drawn_in(|fill| fill.rows.get(id))
    }

    /// Whether the item `place` finds is drawn; one it does not find is.
    fn drawn_in(&self, place: impl Fn(&Filling) -> Option<&usize>) -> bool {
        match &*self.0.filling.borrow() {
            Some(fill) => place(fill).is_none_or(|place| *place < fill.drawn),
            None => true,
        }
    }
}
