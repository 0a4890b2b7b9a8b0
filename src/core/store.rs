//! The normalized thread store: every comment once, by id, with a children
//! index, roots in display order and descendant counts. Building it never
//! recurses, so depth is unlimited, and it repairs bad data instead of failing.

use super::model::{Comment, CommentId, CommentInput};
use super::sort::Order;
// Ids come from the site's API and are hashed a dozen times each while the
// store is built: Fx hashing halves that time against std's SipHash.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

/// What the store had to repair while building; each list names the ids involved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreReport {
    /// Comments whose parent is not in the data; they are shown at top level.
    pub orphans: Vec<CommentId>,
    /// Ids that appeared more than once; the first occurrence was kept.
    pub duplicates: Vec<CommentId>,
    /// Comments whose parent chain looped back on itself; each was cut loose
    /// from its parent and shown at top level, which breaks the loop.
    pub cycles: Vec<CommentId>,
}

impl StoreReport {
    /// True when the data needed no repair.
    pub fn is_clean(&self) -> bool {
        self.orphans.is_empty() && self.duplicates.is_empty() && self.cycles.is_empty()
    }
}

/// Which views a change to the store touched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreChange {
    /// Comments whose replies or reply counts changed.
    pub comments: Vec<CommentId>,
    /// Whether the list of top-level comments changed.
    pub roots: bool,
}

/// A thread of comments, normalized for rendering.
#[derive(Debug, Default, PartialEq)]
pub struct ThreadStore {
    /// Every comment by id, with its place in the thread: one map, so each
    /// id is hashed and kept once.
    nodes: HashMap<CommentId, Node>,
    roots: Rc<[CommentId]>,
    placeholders: usize,
    orphans: HashSet<CommentId>,
    report: StoreReport,
    /// The order every list is kept in.
    order: Order,
    /// The next place in the order the site listed comments (comments
    /// added later come after), which settles ties in every order.
    next_listed: usize,
    /// The reader's comments written since the page loaded, oldest first:
    /// they lead their lists, newest first, whatever the order.
    pinned: Vec<CommentId>,
    /// Comments of a paged thread whose parent is on a page not loaded yet.
    waiting: Vec<CommentInput>,
}

/// One comment of a [`ThreadStore`] and its place in the thread.
#[derive(Debug, PartialEq)]
struct Node {
    /// The comment itself.
    comment: Rc<Comment>,
    /// The comment it replies to; `None` at top level.
    parent: Option<CommentId>,
    /// Its direct replies in display order, if it has any.
    children: Option<Rc<[CommentId]>>,
    /// How many comments are below it, at every depth (placeholders for
    /// missing replies excluded).
    descendants: usize,
    /// Its place in the order the site listed the comments.
    listed: usize,
}

impl Node {
    fn new(comment: Rc<Comment>, parent: Option<CommentId>, listed: usize) -> Node {
        Node {
            comment,
            parent,
            children: None,
            descendants: 0,
            listed,
        }
    }
}

impl ThreadStore {
    /// Builds the store from comments given flat (with `parent` ids), nested
    /// (with `replies`), or mixed. A nested reply's parent is the comment it
    /// is nested in. Siblings keep the order in which they were listed, so a
    /// reply listed before its parent still lands under it.
    pub fn build(inputs: Vec<CommentInput>) -> ThreadStore {
        Building::new(inputs).finish()
    }

    /// Puts every list in `order`; returns the lists whose order changed,
    /// so only those re-render (their comments move, keyed, unrendered).
    pub fn sort(&mut self, order: Order) -> StoreChange {
        // Every list is kept in the store's order (a built store is in the
        // site's): the same order again has nothing to move.
        if order == self.order {
            return StoreChange::default();
        }
        self.order = order;
        let mut change = StoreChange::default();
        let roots = self.sorted(self.roots.to_vec());
        if roots != self.roots {
            self.roots = roots;
            change.roots = true;
        }
        let parents: Vec<CommentId> = self
            .nodes
            .iter()
            .filter(|(_, node)| node.children.is_some())
            .map(|(id, _)| id.clone())
            .collect();
        for parent in parents {
            let list = self.sorted(self.children(&parent).to_vec());
            if list != self.children(&parent) {
                self.set_children(&parent, list);
                change.comments.push(parent);
            }
        }
        change
    }

    /// The order lists are kept in.
    pub fn order(&self) -> Order {
        self.order
    }

    /// Whether any comment counts up and down votes apart.
    pub fn counts_votes(&self) -> bool {
        self.nodes.values().any(|node| node.comment.votes.is_some())
    }

    /// A list in the store's order: the reader's new comments first, then
    /// by the order, then as the site listed them.
    fn sorted(&self, list: Vec<CommentId>) -> Rc<[CommentId]> {
        // Each comment's keys are looked up once, not at every comparison.
        let mut keyed: Vec<(usize, Option<&Rc<Comment>>, usize, CommentId)> = list
            .into_iter()
            .map(|id| {
                let pin = self
                    .pinned
                    .iter()
                    .rposition(|pinned| *pinned == id)
                    .map_or(usize::MAX, |at| self.pinned.len() - at);
                let node = self.nodes.get(&id);
                let listed = node.map_or(usize::MAX, |node| node.listed);
                (pin, node.map(|node| &node.comment), listed, id)
            })
            .collect();
        keyed.sort_by(|(pin_a, a, listed_a, _), (pin_b, b, listed_b, _)| {
            let by_order = match (a, b) {
                (Some(a), Some(b)) => self.order.compare(a, b),
                _ => std::cmp::Ordering::Equal,
            };
            pin_a.cmp(pin_b).then(by_order).then(listed_a.cmp(listed_b))
        });
        keyed.into_iter().map(|(.., id)| id).collect()
    }

    /// Gives a comment its list of replies (none when `list` is empty).
    fn set_children(&mut self, parent: &str, list: Rc<[CommentId]>) {
        if let Some(node) = self.nodes.get_mut(parent) {
            node.children = (!list.is_empty()).then_some(list);
        }
    }

    /// Replaces a "more replies" placeholder with the replies it stood for,
    /// fetched later. They attach by their parent ids; those whose parent is
    /// unknown take the placeholder's place. Ids already in the thread are
    /// skipped, as duplicates. Returns what changed, so only that re-renders.
    pub fn replace_placeholder(
        &mut self,
        placeholder: &str,
        inputs: Vec<CommentInput>,
    ) -> StoreChange {
        let Some(stub) = self.nodes.remove(placeholder) else {
            return StoreChange::default();
        };
        let stub_id = &stub.comment.id;
        let home = stub.parent;
        let without = |list: &[CommentId]| -> Vec<CommentId> {
            list.iter().filter(|id| *id != stub_id).cloned().collect()
        };
        match &home {
            Some(parent) => {
                let list = without(&self.children(parent));
                self.set_children(parent, Rc::from(list));
            }
            None => self.roots = Rc::from(without(&self.roots)),
        }
        self.attach(inputs, home.clone(), vec![home], false)
    }

    /// Adds the next page of a paged thread. Its comments attach by their
    /// parent ids; a reply whose parent has not come yet waits for a later
    /// page (newest-first APIs list replies before their parents), and on
    /// the `last` page goes to the top level, marked as a reply to a
    /// comment that is not there. Ids already in the thread are skipped.
    pub fn append_page(&mut self, inputs: Vec<CommentInput>, last: bool) -> StoreChange {
        let mut flat = std::mem::take(&mut self.waiting);
        flat.extend(Taken::new(inputs).map(|(mut input, nesting)| {
            if let Some(parent) = nesting {
                input.parent = Some(parent.to_string());
            }
            input
        }));
        if !last {
            // What reaches the thread: comments whose parent is in it or
            // none, then their replies, and so on.
            let mut replies: HashMap<&str, Vec<usize>> = HashMap::default();
            let mut ready = vec![false; flat.len()];
            let mut queue = Vec::new();
            for (at, input) in flat.iter().enumerate() {
                match input.parent.as_deref() {
                    Some(parent) if !self.nodes.contains_key(parent) => {
                        replies.entry(parent).or_default().push(at)
                    }
                    _ => queue.push(at),
                }
            }
            while let Some(at) = queue.pop() {
                if !std::mem::replace(&mut ready[at], true) {
                    queue.extend(replies.get(flat[at].id.as_str()).into_iter().flatten());
                }
            }
            let mut ready = ready.into_iter();
            let (now, later): (Vec<_>, Vec<_>) =
                flat.into_iter().partition(|_| ready.next().unwrap_or(true));
            self.waiting = later;
            flat = now;
        }
        self.attach(flat, None, Vec::new(), true)
    }

    /// Puts fetched comments in the thread: by their parent ids, or at
    /// `home` when their parent is unknown (as orphans, if `orphans`).
    /// `touched` are lists that changed already.
    fn attach(
        &mut self,
        inputs: Vec<CommentInput>,
        home: Option<CommentId>,
        mut touched: Vec<Option<CommentId>>,
        orphans: bool,
    ) -> StoreChange {
        let reported = self.report.orphans.len();
        let mut batch = Batch::read(
            inputs,
            &self.nodes,
            home.as_ref(),
            orphans,
            &mut self.report,
        );
        self.orphans
            .extend(self.report.orphans[reported..].iter().cloned());
        batch.break_cycles(&mut self.report);
        let kept = batch.drop_deleted_leaves();

        let mut roots = self.roots.to_vec();
        let mut lists: HashMap<CommentId, Vec<CommentId>> = HashMap::default();
        for (at, comment) in batch.comments.iter().enumerate() {
            if !kept[at] {
                continue;
            }
            let id = comment.id.clone();
            let parent = match &batch.parents[at] {
                Parent::Root => None,
                Parent::Batch(parent) => Some(batch.comments[*parent].id.clone()),
                Parent::Store(parent) => {
                    touched.push(Some(parent.clone()));
                    Some(parent.clone())
                }
            };
            match &parent {
                Some(parent) => lists
                    .entry(parent.clone())
                    .or_insert_with(|| self.children(parent).to_vec())
                    .push(id.clone()),
                None => {
                    roots.push(id.clone());
                    touched.push(None);
                }
            }
            let node = Node::new(comment.clone(), parent, self.next_listed);
            self.nodes.insert(id, node);
            self.next_listed += 1;
        }
        for (parent, list) in lists {
            let list = self.sorted(list);
            self.set_children(&parent, list);
        }
        self.roots = self.sorted(roots);
        self.placeholders = placeholders_in(&self.nodes);
        self.count_descendants();

        let mut change = StoreChange::default();
        let mut seen = HashSet::default();
        for start in touched {
            let Some(mut current) = start else {
                change.roots = true;
                continue;
            };
            while seen.insert(current.clone()) {
                change.comments.push(current.clone());
                match self
                    .nodes
                    .get(&current)
                    .and_then(|node| node.parent.clone())
                {
                    Some(parent) => current = parent,
                    None => break,
                }
            }
        }
        change
    }

    /// Counts each comment's descendants (placeholders for missing replies
    /// excluded) by visiting the tree in reverse pre-order, so every child
    /// is counted before its parent.
    fn count_descendants(&mut self) {
        let mut preorder = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<CommentId> = self.roots.iter().rev().cloned().collect();
        while let Some(id) = stack.pop() {
            stack.extend(self.children(&id).iter().rev().cloned());
            preorder.push(id);
        }
        for id in preorder.into_iter().rev() {
            let below = self
                .children(&id)
                .iter()
                .filter_map(|child| self.nodes.get(child))
                .map(|child| usize::from(child.comment.more.is_none()) + child.descendants)
                .sum();
            if let Some(node) = self.nodes.get_mut(&id) {
                node.descendants = below;
            }
        }
    }

    /// Adds a reader's comment. One written now leads its parent's replies
    /// (or the thread), where the reader is, until the next load; one
    /// restored from an earlier visit takes its place in the order. Only
    /// the parent's list changes on screen: reply counts of the ancestors
    /// are updated, but an expanded comment does not show them.
    pub fn add(&mut self, parent: Option<&str>, input: &CommentInput, now: bool) -> StoreChange {
        let comment = Comment::from_input(input);
        let id = comment.id.clone();
        if self.nodes.contains_key(&id) {
            return StoreChange::default();
        }
        let parent = parent
            .and_then(|parent| self.nodes.get(parent))
            .map(|node| node.comment.id.clone());
        let node = Node::new(Rc::new(comment), parent.clone(), self.next_listed);
        self.nodes.insert(id.clone(), node);
        self.next_listed += 1;
        if now {
            self.pinned.push(id.clone());
        }
        match &parent {
            Some(parent) => {
                let mut list = self.children(parent).to_vec();
                list.push(id.clone());
                let list = self.sorted(list);
                self.set_children(parent, list);
                let mut current = Some(parent.clone());
                while let Some(ancestor) = current {
                    current = self.nodes.get_mut(&ancestor).and_then(|node| {
                        node.descendants += 1;
                        node.parent.clone()
                    });
                }
            }
            None => {
                let mut roots = self.roots.to_vec();
                roots.push(id.clone());
                self.roots = self.sorted(roots);
            }
        }
        StoreChange {
            roots: parent.is_none(),
            comments: parent.into_iter().collect(),
        }
    }

    /// Puts `input` in the place of the comment `old` (a reader's comment
    /// once the server has answered with its own version and id).
    pub fn replace(&mut self, old: &str, input: &CommentInput) -> StoreChange {
        let comment = Comment::from_input(input);
        let new = comment.id.clone();
        let Some(node) = self.nodes.remove(old) else {
            return StoreChange::default();
        };
        let old = node.comment.id.clone();
        let parent = node.parent.clone();
        let replies = node.children.clone();
        self.nodes.insert(
            new.clone(),
            Node {
                comment: Rc::new(comment),
                ..node
            },
        );
        for pinned in self.pinned.iter_mut().filter(|pinned| **pinned == old) {
            *pinned = new.clone();
        }
        let swap = |list: &[CommentId]| -> Rc<[CommentId]> {
            list.iter()
                .map(|id| if *id == old { new.clone() } else { id.clone() })
                .collect()
        };
        match &parent {
            Some(parent) => {
                let list = swap(&self.children(parent));
                self.set_children(parent, list);
            }
            None => self.roots = swap(&self.roots),
        }
        for child in replies.iter().flat_map(|list| list.iter()) {
            if let Some(node) = self.nodes.get_mut(child) {
                node.parent = Some(new.clone());
            }
        }
        StoreChange {
            roots: parent.is_none(),
            comments: parent.into_iter().collect(),
        }
    }

    /// Takes a reader's unsent comment (which has no replies) off the thread.
    pub fn remove(&mut self, id: &str) -> StoreChange {
        let Some(node) = self.nodes.remove(id) else {
            return StoreChange::default();
        };
        let removed = node.comment.id.clone();
        self.pinned.retain(|pinned| *pinned != removed);
        let without = |list: &[CommentId]| -> Rc<[CommentId]> {
            list.iter().filter(|c| **c != removed).cloned().collect()
        };
        let parent = node.parent;
        match &parent {
            Some(parent) => {
                let list = without(&self.children(parent));
                self.set_children(parent, list);
                let mut current = Some(parent.clone());
                while let Some(ancestor) = current {
                    current = self.nodes.get_mut(&ancestor).and_then(|node| {
                        node.descendants = node.descendants.saturating_sub(1);
                        node.parent.clone()
                    });
                }
            }
            None => self.roots = without(&self.roots),
        }
        StoreChange {
            roots: parent.is_none(),
            comments: parent.into_iter().collect(),
        }
    }

    /// Puts a newer version of a comment (edited, re-scored or deleted on
    /// the server) in its place; its parent's list re-renders, which hands
    /// the comment's view the new version.
    pub fn update(&mut self, input: &CommentInput) -> StoreChange {
        self.put(Rc::new(Comment::from_input(input)))
    }

    /// Puts a version of a comment the store holds in its place (an edit
    /// shown before the server has it, or the version from before).
    pub fn put(&mut self, comment: Rc<Comment>) -> StoreChange {
        // A comment keeps its place and id; its replies stay under it.
        let Some(node) = self.nodes.get_mut(&comment.id) else {
            return StoreChange::default();
        };
        node.comment = comment;
        let parent = node.parent.clone();
        StoreChange {
            roots: parent.is_none(),
            comments: parent.into_iter().collect(),
        }
    }

    /// The comment with this id.
    pub fn comment(&self, id: &str) -> Option<&Rc<Comment>> {
        self.nodes.get(id).map(|node| &node.comment)
    }

    /// The id of the comment this one replies to; `None` at top level.
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.nodes.get(id)?.parent.as_deref()
    }

    /// The top-level comments, in display order.
    pub fn roots(&self) -> Rc<[CommentId]> {
        self.roots.clone()
    }

    /// The direct replies to a comment, in display order.
    pub fn children(&self, id: &str) -> Rc<[CommentId]> {
        self.nodes
            .get(id)
            .and_then(|node| node.children.clone())
            .unwrap_or_else(|| Rc::from([]))
    }

    /// How many comments are below this one, at every depth.
    pub fn descendant_count(&self, id: &str) -> usize {
        self.nodes.get(id).map_or(0, |node| node.descendants)
    }

    /// Every comment's id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &CommentId> {
        self.nodes.keys()
    }

    /// Every comment, in no particular order: for a look at each without
    /// looking each up by id (50,000 lookups took 70 ms at 4× CPU).
    pub fn comments(&self) -> impl Iterator<Item = &Rc<Comment>> {
        self.nodes.values().map(|node| &node.comment)
    }

    /// How many comments the thread holds, placeholders for missing replies excluded.
    pub fn len(&self) -> usize {
        self.nodes.len() - self.placeholders
    }

    /// True when this comment answers one that is not in the data.
    pub fn is_orphan(&self, id: &str) -> bool {
        self.orphans.contains(id)
    }

    /// True when the thread has no comments.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// What had to be repaired while building.
    pub fn report(&self) -> &StoreReport {
        &self.report
    }
}

/// How many of `nodes` stand for replies a response left out.
fn placeholders_in(nodes: &HashMap<CommentId, Node>) -> usize {
    nodes
        .values()
        .filter(|node| node.comment.more.is_some())
        .count()
}

/// Lists every comment with the comment it is nested in, depth first and in
/// document order, without recursion.
pub(super) fn flatten(inputs: &[CommentInput]) -> Vec<(&CommentInput, Option<&CommentInput>)> {
    let mut flat = Vec::with_capacity(inputs.len());
    let mut stack: Vec<(&CommentInput, Option<&CommentInput>)> =
        inputs.iter().rev().map(|input| (input, None)).collect();
    while let Some((input, parent)) = stack.pop() {
        flat.push((input, parent));
        stack.extend(input.replies.iter().rev().map(|reply| (reply, Some(input))));
    }
    flat
}

/// The id a comment of a [`Batch`] names as its parent.
enum Name {
    /// The `parent` field.
    Given(String),
    /// The comment it was nested in.
    Nested(CommentId),
}

impl Name {
    fn as_str(&self) -> &str {
        match self {
            Name::Given(id) => id,
            Name::Nested(id) => id,
        }
    }
}

/// Takes comments out of their list one by one, each with the id of the
/// comment it was nested in, depth first and in document order, as
/// [`flatten`] lists them. The list's memory is given back as it empties,
/// so a thread's comments and what is built from them are not held in
/// full at once.
#[derive(Default)]
struct Taken {
    /// The top level still to come, the next last.
    rest: Vec<CommentInput>,
    /// Replies still to come under the comment being taken, the next last.
    nested: Vec<(CommentInput, CommentId)>,
}

impl Taken {
    fn new(mut inputs: Vec<CommentInput>) -> Taken {
        inputs.reverse();
        Taken {
            rest: inputs,
            nested: Vec::new(),
        }
    }

    /// Whether every comment has been taken.
    fn is_empty(&self) -> bool {
        self.rest.is_empty() && self.nested.is_empty()
    }
}

impl Iterator for Taken {
    type Item = (CommentInput, Option<CommentId>);

    fn next(&mut self) -> Option<Self::Item> {
        let (mut input, parent) = match self.nested.pop() {
            Some((input, parent)) => (input, Some(parent)),
            None => {
                let input = self.rest.pop()?;
                // Halving keeps the copies linear; dlmalloc shrinks the
                // block in place and reuses the end for what is built.
                if self.rest.len() < self.rest.capacity() / 2 {
                    self.rest.shrink_to_fit();
                }
                (input, None)
            }
        };
        if !input.replies.is_empty() {
            let id = CommentId::from(input.id.as_str());
            let replies = std::mem::take(&mut input.replies);
            self.nested
                .extend(replies.into_iter().rev().map(|reply| (reply, id.clone())));
        }
        Some((input, parent))
    }
}

/// Comments on their way into a [`Batch`], taken a part at a time.
#[derive(Default)]
struct Reading {
    taken: Taken,
    /// Where a comment goes when it names no parent (the top level if
    /// `None`).
    home: Option<CommentId>,
    /// Where each id taken so far is in `comments`.
    at: HashMap<CommentId, usize>,
    comments: Vec<Rc<Comment>>,
    /// Where each comment goes, as far as known when it was taken.
    parents: Vec<Parent>,
    /// The comments whose parent was not taken before them (a reply listed
    /// before its parent, or one whose parent is not in the batch), with
    /// the id each names: placed once every comment is taken.
    pending: Vec<(usize, Name)>,
}

impl Reading {
    fn new(inputs: Vec<CommentInput>, home: Option<CommentId>) -> Reading {
        Reading {
            at: HashMap::with_capacity_and_hasher(inputs.len(), Default::default()),
            comments: Vec::with_capacity(inputs.len()),
            parents: Vec::with_capacity(inputs.len()),
            taken: Taken::new(inputs),
            home,
            pending: Vec::new(),
        }
    }

    /// Where a comment goes when it names no parent.
    fn home(home: &Option<CommentId>) -> Parent {
        home.as_ref()
            .map_or(Parent::Root, |home| Parent::Store(home.clone()))
    }

    /// Takes up to `count` more comments; ids in `store` or taken already
    /// are skipped, as duplicates. Returns whether all are taken.
    fn take(
        &mut self,
        count: usize,
        store: &HashMap<CommentId, Node>,
        report: &mut StoreReport,
    ) -> bool {
        for (input, nesting_parent) in self.taken.by_ref().take(count) {
            let id = input.id.as_str();
            if store.contains_key(id) || self.at.contains_key(id) {
                report.duplicates.push(CommentId::from(id));
                continue;
            }
            let position = self.comments.len();
            let comment = Rc::new(Comment::from_input(&input));
            self.at.insert(comment.id.clone(), position);
            self.comments.push(comment);
            let name = match nesting_parent {
                Some(parent) => Name::Nested(parent),
                None => match input.parent {
                    Some(parent) => Name::Given(parent),
                    None => {
                        self.parents.push(Self::home(&self.home));
                        continue;
                    }
                },
            };
            // Most parents come before their replies: placed at once, and
            // their name not kept.
            match self.at.get(name.as_str()) {
                Some(&parent) => self.parents.push(Parent::Batch(parent)),
                None => {
                    self.parents.push(Parent::Root);
                    self.pending.push((position, name));
                }
            }
        }
        self.taken.is_empty()
    }

    /// The batch of the comments taken: each placed under the parent it
    /// names, in the batch or in `store`, or else at home, reported as an
    /// orphan if it named one and `orphans`.
    fn into_batch(
        mut self,
        store: &HashMap<CommentId, Node>,
        orphans: bool,
        report: &mut StoreReport,
    ) -> Batch {
        for (position, name) in std::mem::take(&mut self.pending) {
            let name = name.as_str();
            self.parents[position] = if let Some(&parent) = self.at.get(name) {
                Parent::Batch(parent)
            } else if let Some((parent, _)) = store.get_key_value(name) {
                Parent::Store(parent.clone())
            } else {
                if orphans {
                    report.orphans.push(self.comments[position].id.clone());
                }
                Self::home(&self.home)
            };
        }
        Batch {
            comments: self.comments,
            parents: self.parents,
        }
    }
}

/// A whole thread's store being built a part at a time, so that no one
/// task holds the page for long: built at once, 50,000 comments took a
/// task of about 470 ms with the CPU 4× slower.
pub struct Building {
    stage: Stage,
    report: StoreReport,
}

/// How far a [`Building`] has come.
enum Stage {
    /// Taking the comments in.
    Reading(Reading),
    /// Every comment taken; those whose parent came after them not placed
    /// yet.
    Read(Reading),
    /// Every comment placed under its parent.
    Placed(Batch),
    /// Its cycles broken, and which comments stay (deleted leaves go).
    Repaired(Batch, Vec<bool>),
    /// The thread's lists and counts made; its nodes filled a part at a time.
    Filling(Filling),
}

impl Building {
    /// Starts building the store of these comments (flat, nested or mixed,
    /// as [`ThreadStore::build`] takes them).
    pub fn new(inputs: Vec<CommentInput>) -> Building {
        Building {
            stage: Stage::Reading(Reading::new(inputs, None)),
            report: StoreReport::default(),
        }
    }

    /// Does the next part of the work: up to `count` comments taken in or
    /// filled in, or one of the steps between. Returns whether the store
    /// is done.
    pub fn take(&mut self, count: usize) -> bool {
        let report = &mut self.report;
        let none = &HashMap::default();
        let stage = std::mem::replace(&mut self.stage, Stage::Reading(Reading::default()));
        self.stage = match stage {
            Stage::Reading(mut reading) => match reading.take(count, none, report) {
                true => Stage::Read(reading),
                false => Stage::Reading(reading),
            },
            Stage::Read(reading) => Stage::Placed(reading.into_batch(none, true, report)),
            Stage::Placed(mut batch) => {
                batch.break_cycles(report);
                let kept = batch.drop_deleted_leaves();
                Stage::Repaired(batch, kept)
            }
            Stage::Repaired(batch, kept) => Stage::Filling(Filling::new(batch, kept)),
            Stage::Filling(mut filling) => {
                filling.fill(count);
                Stage::Filling(filling)
            }
        };
        matches!(&self.stage, Stage::Filling(filling) if filling.is_full())
    }

    /// The store, with what is left of the work done at once.
    pub fn finish(mut self) -> ThreadStore {
        while !self.take(usize::MAX) {}
        match self.stage {
            Stage::Filling(filling) => filling.into_store(self.report),
            // Never: `take` says the store is done only once it is filled.
            _ => ThreadStore::default(),
        }
    }
}

/// A thread's lists and counts by position, and its nodes filled from them
/// a part at a time.
struct Filling {
    batch: Batch,
    /// Which comments stay (deleted leaves go).
    kept: Vec<bool>,
    /// The top level, by position, in listing order.
    roots: Vec<usize>,
    /// Every comment's replies, by position, one comment's after another's
    /// in listing order: the replies of the comment at `at` are
    /// `replies[starts[at]..starts[at + 1]]` (one list for all, where a
    /// list each took an allocation per comment with replies).
    replies: Vec<usize>,
    starts: Vec<usize>,
    /// How many comments are below each.
    below: Vec<usize>,
    nodes: HashMap<CommentId, Node>,
    /// The position to fill next.
    next: usize,
    /// How many comments are filled in.
    listed: usize,
}

impl Filling {
    /// Makes the lists and counts of a repaired batch, of which `kept`
    /// stay.
    fn new(batch: Batch, kept: Vec<bool>) -> Filling {
        let comments = &batch.comments;
        let count = comments.len();
        // The lists by position; listing order is kept within each.
        let mut roots = Vec::new();
        let mut starts = vec![0; count + 1];
        for at in (0..count).filter(|at| kept[*at]) {
            match batch.parents[at] {
                Parent::Batch(parent) => starts[parent + 1] += 1,
                _ => roots.push(at),
            }
        }
        for at in 0..count {
            starts[at + 1] += starts[at];
        }
        let mut replies = vec![0; starts[count]];
        let mut next = starts.clone();
        for at in (0..count).filter(|at| kept[*at]) {
            if let Parent::Batch(parent) = batch.parents[at] {
                replies[next[parent]] = at;
                next[parent] += 1;
            }
        }
        let children = |at: usize| &replies[starts[at]..starts[at + 1]];
        // Descendants, each child counted before its parent: the tree in
        // reverse pre-order (placeholders for missing replies excluded).
        let mut preorder = Vec::with_capacity(count);
        let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
        while let Some(at) = stack.pop() {
            preorder.push(at);
            stack.extend(children(at).iter().rev());
        }
        let mut below = vec![0; count];
        for &at in preorder.iter().rev() {
            below[at] = children(at)
                .iter()
                .map(|&child| usize::from(comments[child].more.is_none()) + below[child])
                .sum();
        }
        Filling {
            nodes: HashMap::default(),
            batch,
            kept,
            roots,
            replies,
            starts,
            below,
            next: 0,
            listed: 0,
        }
    }

    /// The ids of the comments at these positions.
    fn ids(&self, list: &[usize]) -> Rc<[CommentId]> {
        list.iter()
            .map(|&at| self.batch.comments[at].id.clone())
            .collect()
    }

    /// Fills in up to `count` more nodes.
    fn fill(&mut self, count: usize) {
        if self.next == 0 {
            self.nodes.reserve(self.kept.len());
        }
        let end = self.next.saturating_add(count).min(self.kept.len());
        for at in self.next..end {
            if !self.kept[at] {
                continue;
            }
            let comment = &self.batch.comments[at];
            let parent = match self.batch.parents[at] {
                Parent::Batch(parent) => Some(self.batch.comments[parent].id.clone()),
                _ => None,
            };
            let children = &self.replies[self.starts[at]..self.starts[at + 1]];
            let node = Node {
                comment: comment.clone(),
                parent,
                children: (!children.is_empty()).then(|| self.ids(children)),
                descendants: self.below[at],
                listed: self.listed,
            };
            self.nodes.insert(comment.id.clone(), node);
            self.listed += 1;
        }
        self.next = end;
    }

    /// Whether every node is filled in.
    fn is_full(&self) -> bool {
        self.next == self.kept.len()
    }

    /// The store of the filled nodes.
    fn into_store(self, report: StoreReport) -> ThreadStore {
        ThreadStore {
            placeholders: placeholders_in(&self.nodes),
            roots: self.ids(&self.roots),
            nodes: self.nodes,
            orphans: report.orphans.iter().cloned().collect(),
            report,
            order: Order::default(),
            next_listed: self.listed,
            pinned: Vec::new(),
            waiting: Vec::new(),
        }
    }
}

/// New comments on their way into the store, in the order they were
/// listed: the repairs (duplicates, orphans, cycles, deleted leaves) work
/// on them by position, each id looked up once.
struct Batch {
    comments: Vec<Rc<Comment>>,
    /// Where each comment goes.
    parents: Vec<Parent>,
}

/// Where a comment of a [`Batch`] goes.
enum Parent {
    /// The top level.
    Root,
    /// Under the batch's comment at this position.
    Batch(usize),
    /// Under a comment the store already holds.
    Store(CommentId),
}

impl Batch {
    /// Reads comments given flat, nested or mixed. Ids in `store` or
    /// earlier in the batch are skipped, as duplicates. A comment whose
    /// parent is in neither (or that names none) goes to `home`, the top
    /// level if `None`; one that named a parent is reported as an orphan
    /// if `orphans`.
    fn read(
        inputs: Vec<CommentInput>,
        store: &HashMap<CommentId, Node>,
        home: Option<&CommentId>,
        orphans: bool,
        report: &mut StoreReport,
    ) -> Batch {
        let mut reading = Reading::new(inputs, home.cloned());
        reading.take(usize::MAX, store, report);
        reading.into_batch(store, orphans, report)
    }

    /// Follows parent links from every comment; where a chain comes back to
    /// a comment already on it, the earliest-listed comment of that loop
    /// goes to the top level. Each comment is walked once, so this is
    /// linear. (Comments already in the store never lead back here.)
    fn break_cycles(&mut self, report: &mut StoreReport) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnPath,
            Done,
        }
        let mut marks = vec![Mark::New; self.comments.len()];
        let mut path: Vec<usize> = Vec::new();
        for start in 0..self.comments.len() {
            let mut current = Some(start);
            while let Some(at) = current {
                match marks[at] {
                    Mark::Done => break,
                    Mark::OnPath => {
                        let loop_start = path.iter().position(|p| *p == at).unwrap_or(0);
                        if let Some(&first) = path[loop_start..].iter().min() {
                            report.cycles.push(self.comments[first].id.clone());
                            self.parents[first] = Parent::Root;
                        }
                        break;
                    }
                    Mark::New => {
                        marks[at] = Mark::OnPath;
                        path.push(at);
                        current = match self.parents[at] {
                            Parent::Batch(parent) => Some(parent),
                            _ => None,
                        };
                    }
                }
            }
            for at in path.drain(..) {
                marks[at] = Mark::Done;
            }
        }
    }

    /// Which comments stay: deleted ones that no remaining comment of the
    /// batch replies to go, repeatedly, so a deleted comment survives only
    /// as a placeholder above real replies.
    fn drop_deleted_leaves(&self) -> Vec<bool> {
        let mut replies = vec![0_usize; self.comments.len()];
        for parent in &self.parents {
            if let Parent::Batch(parent) = parent {
                replies[*parent] += 1;
            }
        }
        let mut kept = vec![true; self.comments.len()];
        let mut queue: Vec<usize> = (0..self.comments.len())
            .filter(|at| self.comments[*at].deleted && replies[*at] == 0)
            .collect();
        while let Some(at) = queue.pop() {
            kept[at] = false;
            if let Parent::Batch(parent) = self.parents[at] {
                replies[parent] -= 1;
                if replies[parent] == 0 && self.comments[parent].deleted {
                    queue.push(parent);
                }
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(id: &str, parent: Option<&str>) -> CommentInput {
        CommentInput {
            id: id.into(),
            parent: parent.map(Into::into),
            body: format!("body of {id}").into(),
            ..CommentInput::default()
        }
    }

    fn nested(id: &str, replies: Vec<CommentInput>) -> CommentInput {
        CommentInput {
            replies,
            ..flat(id, None)
        }
    }

    fn ids(list: &[CommentId]) -> Vec<&str> {
        list.iter().map(|id| &**id).collect()
    }

    #[test]
    fn builds_from_parent_ids_keeping_sibling_order() {
        let store = ThreadStore::build(vec![
            flat("a", None),
            flat("b", None),
            flat("a1", Some("a")),
            flat("a2", Some("a")),
            flat("a1x", Some("a1")),
        ]);
        assert_eq!(ids(&store.roots()), ["a", "b"]);
        assert_eq!(ids(&store.children("a")), ["a1", "a2"]);
        assert_eq!(ids(&store.children("a1")), ["a1x"]);
        assert_eq!(store.descendant_count("a"), 3);
        assert_eq!(store.descendant_count("b"), 0);
        assert_eq!(store.len(), 5);
        assert!(store.report().is_clean());
    }

    #[test]
    fn builds_from_nested_replies() {
        let store = ThreadStore::build(vec![
            nested(
                "a",
                vec![nested("a1", vec![flat("a1x", None)]), flat("a2", None)],
            ),
            flat("b", None),
        ]);
        assert_eq!(ids(&store.roots()), ["a", "b"]);
        assert_eq!(ids(&store.children("a")), ["a1", "a2"]);
        assert_eq!(ids(&store.children("a1")), ["a1x"]);
        assert_eq!(store.descendant_count("a"), 3);
        assert_eq!(store.comment("a1x").map(|c| &*c.body), Some("body of a1x"));
    }

    #[test]
    fn taking_comments_lists_them_as_flattening_does() {
        // Enough top-level comments for the list to be halved several
        // times, nested ones between them, and a reply naming another
        // parent than the comment it is nested in (the nesting wins).
        let mut inputs: Vec<CommentInput> = (0..100)
            .map(|n| flat(&format!("t{n}"), (n % 7 == 3).then_some("t0")))
            .collect();
        inputs[10] = nested(
            "n",
            vec![
                nested("n1", vec![flat("n1x", Some("t5")), flat("n1y", None)]),
                flat("n2", None),
            ],
        );
        inputs[90] = nested("m", vec![nested("m1", vec![flat("m1x", None)])]);
        let expected: Vec<(String, Option<String>)> = flatten(&inputs)
            .into_iter()
            .map(|(input, nesting)| (input.id.clone(), nesting.map(|parent| parent.id.clone())))
            .collect();
        let taken: Vec<(String, Option<String>)> = Taken::new(inputs)
            .map(|(input, nesting)| (input.id, nesting.map(|parent| parent.to_string())))
            .collect();
        assert_eq!(taken, expected);
        assert_eq!(taken.len(), 106);
    }

    #[test]
    fn building_a_part_at_a_time_gives_the_store_built_at_once() {
        // Every repair at once: a reply before its parent, nested replies,
        // a duplicate across parts, an orphan, a cycle, a deleted leaf, and
        // replies still to take when the top level is all taken.
        let thread = || {
            vec![
                flat("early", Some("a")),
                nested(
                    "a",
                    vec![flat("a1", None), nested("a2", vec![flat("a2x", None)])],
                ),
                flat("b", None),
                flat("a1", Some("b")),
                flat("lost", Some("nowhere")),
                flat("x", Some("y")),
                flat("y", Some("x")),
                CommentInput {
                    deleted: true,
                    ..flat("gone", Some("b"))
                },
                flat("c", None),
                nested("d", vec![flat("d1", None), flat("d2", None)]),
            ]
        };
        let whole = ThreadStore::build(thread());
        assert!(!whole.report().is_clean());
        for part in [1, 2, 3, 5] {
            let mut building = Building::new(thread());
            let mut parts = 1;
            while !building.take(part) {
                parts += 1;
            }
            assert!(parts > 1, "{part} a part took one part");
            assert_eq!(building.finish(), whole, "{part} a part");
        }
    }

    #[test]
    fn attaches_a_reply_listed_before_its_parent() {
        let store = ThreadStore::build(vec![flat("reply", Some("top")), flat("top", None)]);
        assert_eq!(ids(&store.roots()), ["top"]);
        assert_eq!(ids(&store.children("top")), ["reply"]);
        assert!(store.report().is_clean());
    }

    #[test]
    fn shows_orphans_at_top_level_and_reports_them() {
        let store = ThreadStore::build(vec![flat("a", None), flat("lost", Some("gone"))]);
        assert_eq!(ids(&store.roots()), ["a", "lost"]);
        assert_eq!(ids(&store.report().orphans), ["lost"]);
        assert!(store.is_orphan("lost"));
        assert!(!store.is_orphan("a"));
    }

    #[test]
    fn keeps_the_first_of_duplicate_ids() {
        let mut second = flat("a", None);
        second.body = "second".into();
        let store = ThreadStore::build(vec![flat("a", None), second, flat("b", Some("a"))]);
        assert_eq!(store.len(), 2);
        assert_eq!(store.comment("a").map(|c| &*c.body), Some("body of a"));
        assert_eq!(ids(&store.report().duplicates), ["a"]);
        assert_eq!(ids(&store.roots()), ["a"]);
    }

    #[test]
    fn breaks_cycles_at_the_earliest_listed_comment() {
        let store = ThreadStore::build(vec![
            flat("x", Some("z")),
            flat("y", Some("x")),
            flat("z", Some("y")),
            flat("self", Some("self")),
            flat("tail", Some("y")),
        ]);
        assert_eq!(ids(&store.roots()), ["x", "self"]);
        assert_eq!(ids(&store.children("x")), ["y"]);
        assert_eq!(ids(&store.children("y")), ["z", "tail"]);
        assert_eq!(store.descendant_count("x"), 3);
        assert_eq!(ids(&store.report().cycles), ["x", "self"]);
        assert!(store.report().orphans.is_empty());
    }

    #[test]
    fn handles_a_chain_far_deeper_than_any_stack() {
        let depth = 200_000;
        let mut inputs = vec![flat("0", None)];
        inputs.extend((1..depth).map(|i| flat(&i.to_string(), Some(&(i - 1).to_string()))));
        let store = ThreadStore::build(inputs.clone());
        assert_eq!(ids(&store.roots()), ["0"]);
        assert_eq!(store.descendant_count("0"), depth - 1);
        assert_eq!(store.descendant_count("100000"), depth - 100_001);
    }

    #[test]
    fn keeps_deleted_comments_only_above_replies() {
        let deleted = |id: &str, parent: Option<&str>| CommentInput {
            deleted: true,
            ..flat(id, parent)
        };
        let store = ThreadStore::build(vec![
            deleted("gone", None),
            deleted("kept", None),
            deleted("kept-child", Some("kept")),
            flat("reply", Some("kept-child")),
            deleted("chain", None),
            deleted("chain-child", Some("chain")),
        ]);
        assert_eq!(ids(&store.roots()), ["kept"]);
        assert_eq!(ids(&store.children("kept-child")), ["reply"]);
        assert_eq!(store.len(), 3);
    }

    #[test]
    fn placeholders_for_missing_replies_are_not_counted_as_comments() {
        let more = CommentInput {
            more: Some(40),
            ..flat("more", Some("a"))
        };
        let store = ThreadStore::build(vec![flat("a", None), flat("b", Some("a")), more]);
        assert_eq!(store.len(), 2);
        assert_eq!(store.descendant_count("a"), 1);
        assert_eq!(ids(&store.children("a")), ["b", "more"]);
    }

    #[test]
    fn pages_attach_replies_to_parents_from_any_page() {
        // Newest first, as WordPress and GitHub list by default: replies
        // come a page before their parents.
        let store = ThreadStore::build(vec![flat("c5", None), flat("r4", Some("c3"))]);
        assert_eq!(
            ids(&store.roots()),
            ["c5", "r4"],
            "built whole, the reply stands alone"
        );
        let mut store = ThreadStore::build(vec![flat("c5", None)]);
        let change =
            store.append_page(vec![flat("r4", Some("c3")), flat("r4b", Some("r4"))], false);
        assert_eq!(
            change,
            StoreChange::default(),
            "nothing to show until c3 comes"
        );
        assert_eq!(store.len(), 1);
        let change = store.append_page(
            vec![
                nested("c3", vec![flat("c3a", None)]),
                flat("r2", Some("gone")),
            ],
            false,
        );
        assert_eq!(ids(&store.roots()), ["c5", "c3"]);
        // In the site's order: r4 was listed first (it is newer).
        assert_eq!(ids(&store.children("c3")), ["r4", "c3a"]);
        assert_eq!(ids(&store.children("r4")), ["r4b"]);
        assert_eq!(store.descendant_count("c3"), 3);
        assert!(change.roots);
        // The last page: what still has no parent shows at the top level,
        // marked as an orphan; a repeated comment is skipped.
        let change = store.append_page(vec![flat("c1", None), flat("c5", None)], true);
        assert_eq!(ids(&store.roots()), ["c5", "c3", "r2", "c1"]);
        assert!(store.is_orphan("r2"));
        assert!(change.roots);
        assert_eq!(store.len(), 7);
        assert_eq!(ids(&store.report().duplicates), ["c5"]);
    }

    #[test]
    fn fills_a_placeholder_with_the_replies_it_stood_for() {
        let more = |id: &str, parent: Option<&str>| CommentInput {
            more: Some(3),
            ..flat(id, parent)
        };
        let mut store = ThreadStore::build(vec![
            flat("a", None),
            flat("a1", Some("a")),
            flat("a1x", Some("a1")),
            more("more-a1", Some("a1")),
            more("more-top", None),
        ]);
        assert_eq!(store.descendant_count("a"), 2);

        let change = store.replace_placeholder(
            "more-a1",
            vec![
                flat("n1", Some("a1")),
                flat("n2", Some("n1")),
                flat("n3", Some("unknown")),
                flat("a", Some("a1")),
            ],
        );
        assert_eq!(ids(&store.children("a1")), ["a1x", "n1", "n3"]);
        assert_eq!(ids(&store.children("n1")), ["n2"]);
        assert_eq!(store.descendant_count("a"), 5);
        assert_eq!(
            ids(&change.comments),
            ["a1", "a"],
            "the parent and its ancestors, whose counts changed"
        );
        assert!(!change.roots);
        assert!(store.comment("more-a1").is_none());
        assert_eq!(ids(&store.report().duplicates), ["a"]);

        let change = store.replace_placeholder(
            "more-top",
            vec![flat("t1", None), flat("t2", Some("t3_post"))],
        );
        assert!(change.roots);
        assert_eq!(ids(&store.roots()), ["a", "t1", "t2"]);
        assert_eq!(store.len(), 8);
        assert_eq!(
            store.replace_placeholder("gone", vec![]),
            StoreChange::default()
        );
    }

    #[test]
    fn adds_and_replaces_a_readers_comment_in_place() {
        let mut store = ThreadStore::build(vec![
            flat("a", None),
            flat("a1", Some("a")),
            flat("b", None),
        ]);
        let change = store.add(Some("a1"), &flat("local-1", None), true);
        assert_eq!(
            change,
            StoreChange {
                comments: vec![CommentId::from("a1")],
                roots: false
            }
        );
        assert_eq!(ids(&store.children("a1")), ["local-1"]);
        assert_eq!(store.descendant_count("a"), 2);
        let change = store.replace("local-1", &flat("srv-9", None));
        assert_eq!(change.comments, [CommentId::from("a1")]);
        assert_eq!(ids(&store.children("a1")), ["srv-9"]);
        assert_eq!(store.parent("srv-9"), Some("a1"));
        assert!(store.comment("local-1").is_none());

        let change = store.remove("srv-9");
        assert_eq!(change.comments, [CommentId::from("a1")]);
        assert!(store.children("a1").is_empty());
        assert_eq!(store.descendant_count("a"), 1);

        let change = store.add(None, &flat("local-2", None), true);
        assert!(change.roots && change.comments.is_empty());
        assert_eq!(ids(&store.roots()), ["local-2", "a", "b"]);
        assert_eq!(store.len(), 4);
        // One restored from an earlier visit takes its place in the order.
        store.add(None, &flat("local-0", None), false);
        assert_eq!(ids(&store.roots()), ["local-2", "a", "b", "local-0"]);
    }

    fn timed(id: &str, parent: Option<&str>, score: i64, created: f64) -> CommentInput {
        CommentInput {
            score: Some(score),
            created: Some(crate::core::model::Timestamp::Epoch(created)),
            ..flat(id, parent)
        }
    }

    #[test]
    fn sorts_every_level_and_reports_only_the_lists_that_moved() {
        let mut store = ThreadStore::build(vec![
            timed("old", None, 1, 10.0),
            timed("new", None, 5, 30.0),
            timed("mid", None, 9, 20.0),
            timed("r-old", Some("mid"), 3, 21.0),
            timed("r-new", Some("mid"), 0, 22.0),
            timed("only", Some("old"), 0, 11.0),
        ]);
        let change = store.sort(Order::New);
        assert_eq!(ids(&store.roots()), ["new", "mid", "old"]);
        assert_eq!(ids(&store.children("mid")), ["r-new", "r-old"]);
        assert!(change.roots);
        assert_eq!(
            change.comments,
            [CommentId::from("mid")],
            "one-reply lists never move"
        );
        store.sort(Order::Top);
        assert_eq!(ids(&store.roots()), ["mid", "new", "old"]);
        assert_eq!(ids(&store.children("mid")), ["r-old", "r-new"]);
        assert_eq!(store.sort(Order::Top), StoreChange::default());
    }

    #[test]
    fn the_readers_new_comments_lead_their_lists_in_every_order() {
        let mut store = ThreadStore::build(vec![
            timed("a", None, 50, 10.0),
            timed("b", None, 40, 20.0),
            timed("a1", Some("a"), 9, 11.0),
        ]);
        store.sort(Order::Top);
        store.add(None, &timed("mine-1", None, 0, 30.0), true);
        store.add(None, &timed("mine-2", None, 0, 31.0), true);
        store.add(Some("a"), &timed("reply", Some("a"), 0, 32.0), true);
        assert_eq!(ids(&store.roots()), ["mine-2", "mine-1", "a", "b"]);
        assert_eq!(ids(&store.children("a")), ["reply", "a1"]);
        store.sort(Order::Old);
        assert_eq!(ids(&store.roots()), ["mine-2", "mine-1", "a", "b"]);
        // The server's version keeps the reader's place.
        store.replace("mine-1", &timed("srv-1", None, 0, 30.0));
        store.sort(Order::Best);
        assert_eq!(ids(&store.roots()), ["mine-2", "srv-1", "a", "b"]);
    }

    #[test]
    fn fetched_replies_take_their_place_in_the_order() {
        let mut store = ThreadStore::build(vec![
            timed("a", None, 0, 1.0),
            timed("a1", Some("a"), 2, 2.0),
            CommentInput {
                more: Some(2),
                ..flat("more-a", Some("a"))
            },
        ]);
        store.sort(Order::Top);
        store.replace_placeholder(
            "more-a",
            vec![
                timed("a2", Some("a"), 7, 3.0),
                timed("a3", Some("a"), 1, 4.0),
            ],
        );
        assert_eq!(ids(&store.children("a")), ["a2", "a1", "a3"]);
    }

    #[test]
    fn treats_blank_author_as_anonymous() {
        let mut input = flat("a", None);
        input.author = Some("  ".into());
        let store = ThreadStore::build(vec![input]);
        assert_eq!(store.comment("a").and_then(|c| c.author.clone()), None);
    }
}
