//! What part of a big thread is rendered: the first page of each list (more
//! come on request or as the reader scrolls), and, for replies nested deeper
//! than the screen allows, a "continue this thread" view that shows one
//! comment's subtree on its own. Revealing a comment (a permalink) opens
//! exactly the pages, folds and view that lead to it.

use super::model::CommentId;
use super::store::ThreadStore;
use std::collections::HashMap;

/// How many top-level comments render at first; the next pages follow as the
/// reader scrolls near the end, or asks.
pub const ROOT_PAGE: usize = 10;
/// How many replies of one comment render at first, and per "show more".
pub const REPLY_PAGE: usize = 5;

/// A list of comments: a comment's replies, or (`None`) the top level.
pub type ListKey = Option<CommentId>;

/// The rendered part of a thread.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Paging {
    shown: HashMap<ListKey, usize>,
    focus: Option<CommentId>,
}

/// What revealing a comment changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Revealed {
    /// The comments that must be unfolded on the way, outermost first.
    pub unfold: Vec<CommentId>,
    /// The lists whose rendered length grew.
    pub lists: Vec<ListKey>,
    /// Whether the "continue this thread" view changed.
    pub focus_changed: bool,
}

impl Paging {
    /// The items the rendered part of the thread draws, each with the list
    /// it is in, in the order they stand on the page: comments (and rows
    /// for replies left out), and (`None`) a list's "more replies" row,
    /// which stands under the list's replies and theirs. Drawn in this
    /// order, a part at a time, what is drawn never moves when the next
    /// part comes. Replies of folded comments, and of comments `max_depth`
    /// levels deep (0: no limit), which continue the thread on its own,
    /// are not drawn.
    pub fn drawn_in_order(
        &self,
        store: &ThreadStore,
        folded: &dyn Fn(&str) -> bool,
        max_depth: usize,
    ) -> Vec<(Option<CommentId>, ListKey)> {
        let mut order = Vec::new();
        let roots = store.roots();
        // Items to draw, the next on top, each with its depth.
        let mut stack: Vec<(Option<CommentId>, ListKey, usize)> = roots
            .iter()
            .take(self.shown(&None))
            .rev()
            .map(|id| (Some(id.clone()), None, 0))
            .collect();
        while let Some((item, list, depth)) = stack.pop() {
            if let Some(id) = &item {
                let opens = store.comment(id).is_some_and(|c| c.more.is_none())
                    && !folded(id)
                    && (max_depth == 0 || depth < max_depth);
                if opens {
                    let key = Some(id.clone());
                    let replies = store.children(id);
                    let shown = self.shown(&key);
                    if replies.len() > shown {
                        stack.push((None, key.clone(), depth + 1));
                    }
                    stack.extend(
                        replies
                            .iter()
                            .take(shown)
                            .rev()
                            .map(|reply| (Some(reply.clone()), key.clone(), depth + 1)),
                    );
                }
            }
            order.push((item, list));
        }
        order
    }

    /// How many items of a list render now.
    pub fn shown(&self, list: &ListKey) -> usize {
        self.shown.get(list).copied().unwrap_or(page(list))
    }

    /// Renders the next page of a list.
    pub fn show_more(&mut self, list: ListKey) {
        let next = self.shown(&list) + page(&list);
        self.shown.insert(list, next);
    }

    /// The comment whose subtree is shown on its own, if any.
    pub fn focus(&self) -> Option<&CommentId> {
        self.focus.as_ref()
    }

    /// Shows one comment's subtree on its own (`None`: the whole thread).
    pub fn set_focus(&mut self, focus: Option<CommentId>) {
        self.focus = focus;
    }

    /// Opens the way to a comment: the view whose depth reaches it (views
    /// start every `max_depth` levels, as "continue this thread" links do),
    /// each list long enough to hold the next step, and the folds on the way
    /// (which the caller applies to the reader's state). `None` when the
    /// thread has no such comment.
    pub fn reveal(&mut self, store: &ThreadStore, id: &str, max_depth: usize) -> Option<Revealed> {
        let mut path: Vec<CommentId> = vec![store.comment(id)?.id.clone()];
        // The store has broken every cycle; the bound only guards the loop.
        while let Some(parent) = path.last().and_then(|last| store.parent(last)) {
            if path.len() > store.len() {
                break;
            }
            path.push(store.comment(parent)?.id.clone());
        }
        path.reverse();
        let depth = path.len() - 1;
        // No limit (0): one view, the whole thread.
        let start = depth
            .checked_div(max_depth)
            .map_or(0, |views| views * max_depth);
        let focus = (start > 0).then(|| path[start].clone());
        let mut revealed = Revealed {
            focus_changed: focus != self.focus,
            ..Revealed::default()
        };
        self.focus = focus;
        if start == 0 {
            self.include(
                None,
                store.roots().iter().position(|r| *r == path[0]),
                &mut revealed,
            );
        }
        for pair in path[start..].windows(2) {
            let position = store.children(&pair[0]).iter().position(|c| *c == pair[1]);
            self.include(Some(pair[0].clone()), position, &mut revealed);
            revealed.unfold.push(pair[0].clone());
        }
        Some(revealed)
    }

    fn include(&mut self, list: ListKey, position: Option<usize>, revealed: &mut Revealed) {
        if let Some(position) = position {
            if self.shown(&list) <= position {
                self.shown.insert(list.clone(), position + 1);
                revealed.lists.push(list);
            }
        }
    }
}

/// A list's page size: the top level's, or a comment's replies'.
fn page(list: &ListKey) -> usize {
    match list {
        None => ROOT_PAGE,
        Some(_) => REPLY_PAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::CommentInput;

    fn thread() -> ThreadStore {
        // 30 top-level comments t0..t29; t25 has a chain of replies d1..d9.
        let mut inputs: Vec<CommentInput> = (0..30)
            .map(|i| CommentInput {
                id: format!("t{i}"),
                body: "x".into(),
                ..CommentInput::default()
            })
            .collect();
        let mut parent = "t25".to_owned();
        for depth in 1..10 {
            let id = format!("d{depth}");
            inputs.push(CommentInput {
                id: id.clone(),
                parent: Some(parent),
                body: "x".into(),
                ..CommentInput::default()
            });
            parent = id;
        }
        ThreadStore::build(inputs)
    }

    fn key(id: &str) -> ListKey {
        Some(id.into())
    }

    #[test]
    fn what_is_drawn_comes_in_page_order() {
        // t0 has replies a0..a6 (a page of five shows); a1 has b0; t1 has a
        // folded reply list; t2 a chain three deep.
        let mut inputs: Vec<CommentInput> = ["t0", "t1", "t2"]
            .iter()
            .map(|id| CommentInput {
                id: (*id).into(),
                ..CommentInput::default()
            })
            .collect();
        let reply = |id: &str, parent: &str| CommentInput {
            id: id.into(),
            parent: Some(parent.into()),
            ..CommentInput::default()
        };
        inputs.extend((0..7).map(|i| reply(&format!("a{i}"), "t0")));
        inputs.extend([reply("b0", "a1"), reply("f0", "t1")]);
        inputs.extend([reply("c1", "t2"), reply("c2", "c1"), reply("c3", "c2")]);
        let store = ThreadStore::build(inputs);
        let order = |max_depth| {
            Paging::default()
                .drawn_in_order(&store, &|id| id == "t1", max_depth)
                .into_iter()
                .map(|(item, list)| {
                    let list = list.unwrap_or_default();
                    item.map_or(format!("more<{list}"), |id| format!("{id}<{list}"))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            order(0),
            "t0< a0<t0 a1<t0 b0<a1 a2<t0 a3<t0 a4<t0 more<t0 t1< t2< c1<t2 c2<c1 c3<c2",
            "t0's row for its two replies left out stands under its shown replies and theirs"
        );
        assert_eq!(
            order(2),
            "t0< a0<t0 a1<t0 b0<a1 a2<t0 a3<t0 a4<t0 more<t0 t1< t2< c1<t2 c2<c1",
            "c2, two levels deep, continues the thread instead"
        );
        let mut paging = Paging::default();
        paging.show_more(key("t0"));
        let all = paging.drawn_in_order(&store, &|_| false, 0);
        assert_eq!(
            all.len(),
            15,
            "every comment, the second page of t0's replies too, and no row"
        );
    }

    #[test]
    fn lists_start_with_one_page_and_grow_by_pages() {
        let mut paging = Paging::default();
        assert_eq!(paging.shown(&None), ROOT_PAGE);
        assert_eq!(paging.shown(&key("a")), REPLY_PAGE);
        paging.show_more(None);
        paging.show_more(key("a"));
        assert_eq!(paging.shown(&None), 2 * ROOT_PAGE);
        assert_eq!(paging.shown(&key("a")), 2 * REPLY_PAGE);
        assert_eq!(paging.shown(&key("b")), REPLY_PAGE);
    }

    #[test]
    fn revealing_a_shallow_comment_grows_the_top_level_list_and_unfolds_its_ancestors() {
        let store = thread();
        let mut paging = Paging::default();
        let revealed = paging.reveal(&store, "d2", 4).expect("d2 exists");
        assert_eq!(paging.shown(&None), 26, "t25 is the 26th top-level comment");
        assert_eq!(paging.focus(), None);
        assert_eq!(revealed.unfold, vec![CommentId::from("t25"), "d1".into()]);
        assert_eq!(revealed.lists, vec![None]);
        assert!(!revealed.focus_changed);
        let again = paging.reveal(&store, "d2", 4).expect("d2 exists");
        assert!(again.lists.is_empty(), "nothing more to open");
    }

    #[test]
    fn a_deep_comment_opens_the_continue_view_that_reaches_it() {
        let store = thread();
        let mut paging = Paging::default();
        // d9 is at depth 9: views start at depths 0, 4, 8, so d8 is the focus.
        let revealed = paging.reveal(&store, "d9", 4).expect("d9 exists");
        assert_eq!(paging.focus().map(|id| &**id), Some("d8"));
        assert!(revealed.focus_changed);
        assert_eq!(revealed.unfold, vec![CommentId::from("d8")]);
        assert_eq!(
            paging.shown(&None),
            ROOT_PAGE,
            "the top level is not in this view"
        );
        // d7 (depth 7) is in the view that starts at d4.
        paging.reveal(&store, "d7", 4).expect("d7 exists");
        assert_eq!(paging.focus().map(|id| &**id), Some("d4"));
    }

    #[test]
    fn without_a_depth_limit_every_comment_is_in_the_whole_thread() {
        let store = thread();
        let mut paging = Paging::default();
        let revealed = paging.reveal(&store, "d9", 0).expect("d9 exists");
        assert_eq!(paging.focus(), None, "no 'continue this thread' view");
        assert!(!revealed.focus_changed);
        assert_eq!(revealed.unfold.len(), 9, "every fold on the way opens");
    }

    #[test]
    fn an_unknown_comment_reveals_nothing() {
        let mut paging = Paging::default();
        assert_eq!(paging.reveal(&thread(), "nope", 4), None);
        assert_eq!(paging, Paging::default());
    }

    #[test]
    fn a_long_reply_list_grows_to_hold_the_revealed_reply() {
        let mut inputs = vec![CommentInput {
            id: "p".into(),
            body: "x".into(),
            ..CommentInput::default()
        }];
        inputs.extend((0..40).map(|i| CommentInput {
            id: format!("r{i}"),
            parent: Some("p".into()),
            body: "x".into(),
            ..CommentInput::default()
        }));
        let store = ThreadStore::build(inputs);
        let mut paging = Paging::default();
        let revealed = paging.reveal(&store, "r33", 8).expect("r33 exists");
        assert_eq!(paging.shown(&key("p")), 34);
        assert_eq!(revealed.lists, vec![key("p")]);
    }
}
