//! The server's pages of a paged API: where the next one is, whether it is
//! loading, and how many comments the server says the thread holds.

use super::{LiveThread, Topic};
use crate::core::mapping::Source;
use crate::core::model::CommentInput;
use crate::core::pages::{PageCursor, Pages, Prefetch};

/// How to ask a paged API for its next page, and what it said so far.
#[derive(Debug, Clone)]
pub struct ServerPages {
    /// The mapping's `pages`.
    pub pages: Pages,
    /// How to read a page.
    pub source: Source,
    /// Where the pages stand.
    pub cursor: PageCursor,
    /// The next page's URL; `None` once the last has come.
    pub next: Option<String>,
}

impl LiveThread {
    /// Starts paging: the first page is in the store.
    pub fn set_pages(&self, pages: ServerPages) {
        *self.0.pages.borrow_mut() = Some(pages);
    }

    /// Whether the server has pages not loaded yet.
    pub fn more_pages(&self) -> bool {
        self.0
            .pages
            .borrow()
            .as_ref()
            .is_some_and(|pages| pages.next.is_some())
    }

    /// Whether the next page is on its way.
    pub fn loading_page(&self) -> bool {
        self.0.page_loading.get()
    }

    /// Whether every page loads at once (`"prefetch": "all"`).
    pub fn prefetches_all(&self) -> bool {
        self.0
            .pages
            .borrow()
            .as_ref()
            .is_some_and(|pages| pages.pages.prefetch == Prefetch::All)
    }

    /// Takes the server's count of the thread's comments.
    pub fn set_total(&self, total: Option<u64>) {
        if total.is_some() {
            self.0.server_total.set(total);
        }
    }

    /// How many comments the thread holds: the server's count when it
    /// gave one, else those loaded.
    pub fn total(&self) -> usize {
        let loaded = self.0.store.borrow().len();
        let server = self.0.server_total.get().map_or(0, |total| total as usize);
        loaded.max(server)
    }

    /// What fetching the next page needs (a copy: the fetch awaits), and
    /// the feed turns busy; `None` when there is none or it is loading.
    pub fn begin_page(&self) -> Option<ServerPages> {
        if self.0.page_loading.get() {
            return None;
        }
        let pages = self
            .0
            .pages
            .borrow()
            .clone()
            .filter(|pages| pages.next.is_some())?;
        self.0.page_loading.set(true);
        self.busy_top(1);
        Some(pages)
    }

    /// Takes in the next page (nothing when its fetch failed, and the same
    /// page is asked for next time): its comments join the thread, and the
    /// heading and the feed follow.
    pub fn end_page(&self, loaded: Option<(ServerPages, Vec<CommentInput>, Option<u64>)>) {
        self.0.page_loading.set(false);
        self.busy_top(-1);
        let Some((pages, comments, total)) = loaded else {
            return;
        };
        self.set_total(total);
        let last = pages.next.is_none();
        *self.0.pages.borrow_mut() = Some(pages);
        let change = self.0.store.borrow_mut().append_page(comments, last);
        // The heading's total and the feed's "more" row change even when
        // no comment could be shown yet.
        self.notify(change, vec![Topic::Count, Topic::View(None)]);
    }
}
