//! New since the reader's last visit: which comments are newer than the
//! newest one the reader was shown last time, in reading order, and the
//! way from one to the next.

use super::model::CommentId;
use super::store::ThreadStore;
use std::collections::HashSet;

/// The comments posted after `last_seen` (milliseconds since the epoch,
/// the newest comment of the last visit): none on a first visit, and never
/// placeholders or deleted comments.
pub fn new_since(store: &ThreadStore, last_seen: Option<f64>) -> HashSet<CommentId> {
    let Some(last_seen) = last_seen else {
        return HashSet::new();
    };
    store
        .comments()
        .filter(|comment| {
            !comment.deleted
                && comment.more.is_none()
                && comment.created_ms.is_some_and(|ms| ms > last_seen)
        })
        .map(|comment| comment.id.clone())
        .collect()
}

/// The newest time in the thread: what the next visit compares against.
/// Times come from the server, so the reader's clock never matters.
pub fn newest(store: &ThreadStore) -> Option<f64> {
    store
        .comments()
        .filter_map(|comment| comment.created_ms)
        .reduce(f64::max)
}

/// The comments of `wanted` as a reader meets them: depth first, every
/// list in the store's order.
pub fn in_reading_order(store: &ThreadStore, wanted: &HashSet<CommentId>) -> Vec<CommentId> {
    let mut found = Vec::with_capacity(wanted.len());
    if wanted.is_empty() {
        return found;
    }
    let roots = store.roots();
    let mut stack: Vec<CommentId> = roots.iter().rev().cloned().collect();
    while let Some(id) = stack.pop() {
        if wanted.contains(&id) {
            found.push(id.clone());
        }
        stack.extend(store.children(&id).iter().rev().cloned());
    }
    found
}

/// The comment after `after` in `order`, back to the first after the last
/// (or when `after` is not there any more).
pub fn next_after(order: &[CommentId], after: Option<&str>) -> Option<CommentId> {
    let next = after
        .and_then(|after| order.iter().position(|id| &**id == after))
        .map_or(0, |at| at + 1);
    order.get(next).or_else(|| order.first()).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CommentInput, Timestamp};
    use crate::core::sort::Order;

    fn at(id: &str, parent: Option<&str>, seconds: f64) -> CommentInput {
        CommentInput {
            id: id.into(),
            parent: parent.map(str::to_owned),
            created: Some(Timestamp::Epoch(seconds)),
            ..CommentInput::default()
        }
    }

    fn thread() -> ThreadStore {
        ThreadStore::build(vec![
            at("a", None, 100.0),
            at("a1", Some("a"), 300.0),
            at("a2", Some("a"), 150.0),
            at("b", None, 250.0),
            CommentInput {
                deleted: true,
                ..at("gone", None, 400.0)
            },
            at("g1", Some("gone"), 90.0),
            CommentInput {
                more: Some(3),
                ..at("more", Some("b"), 500.0)
            },
        ])
    }

    fn names(ids: &[CommentId]) -> Vec<&str> {
        ids.iter().map(|id| &**id).collect()
    }

    #[test]
    fn a_first_visit_has_nothing_new() {
        assert!(new_since(&thread(), None).is_empty());
    }

    #[test]
    fn comments_after_the_last_visit_are_new_in_reading_order() {
        let store = thread();
        let new = new_since(&store, Some(200_000.0));
        let order = in_reading_order(&store, &new);
        assert_eq!(
            names(&order),
            ["a1", "b"],
            "no deleted comment or placeholder"
        );
        assert_eq!(newest(&store), Some(500_000.0));
    }

    #[test]
    fn reading_order_follows_the_sort() {
        let mut store = thread();
        store.sort(Order::New);
        let new = new_since(&store, Some(120_000.0));
        assert_eq!(names(&in_reading_order(&store, &new)), ["b", "a1", "a2"]);
    }

    #[test]
    fn next_walks_through_and_wraps_around() {
        let order: Vec<CommentId> = ["x", "y", "z"].map(CommentId::from).to_vec();
        assert_eq!(next_after(&order, None).as_deref(), Some("x"));
        assert_eq!(next_after(&order, Some("x")).as_deref(), Some("y"));
        assert_eq!(next_after(&order, Some("z")).as_deref(), Some("x"));
        assert_eq!(next_after(&order, Some("gone")).as_deref(), Some("x"));
        assert_eq!(next_after(&[], Some("x")), None);
    }
}
