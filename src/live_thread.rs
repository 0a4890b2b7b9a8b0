//! A loaded thread in the page: the store, the reader's state behind the
//! pure reducer, and a subscription per comment (and one for the top-level
//! list), so a change re-renders exactly the views it touched. The reading
//! tools, live arrivals and the reader's own edits are in its submodules.

mod arrivals;
mod filling;
mod own;
mod pages;
mod reading;

pub use pages::ServerPages;

use crate::core::config::VoteButtons;
use crate::core::endpoint::Endpoint;
use crate::core::mapping::{fill_template, Source};
use crate::core::model::{BodyFormat, Comment, CommentId, CommentInput};
use crate::core::paging::{ListKey, Paging};
use crate::core::posts::PostEndpoint;
use crate::core::rich::RichOptions;
use crate::core::sort::Order;
use crate::core::state::{Direction, PostStatus};
use crate::core::state::{Synced, ThreadAction, ThreadState};
use crate::core::store::{StoreChange, ThreadStore};
use crate::core::url::encode_component;
use crate::core::visits;
use crate::core::votes::VoteEndpoint;
use crate::core::words::{Lang, Words};
use crate::effects;
use crate::format::Locale;
use crate::services::events::emit;
use crate::services::storage;
use std::cell::{Cell, Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;
use yew::{AttrValue, Callback};

/// Where the reader's name is remembered, for every thread.
const NAME_KEY: &str = "threadline:v1:name";

/// Where the authors the reader muted are remembered, for every thread of
/// the site.
const MUTED_KEY: &str = "threadline:v1:muted";

/// Where the reader's choice of order is remembered, for every thread of
/// the site.
pub const ORDER_KEY: &str = "threadline:v1:order";

/// What a view listens to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Topic {
    /// One comment's view, or (`None`) the list of top-level comments.
    View(ListKey),
    /// How many comments the thread holds (the heading's count).
    Count,
    /// The draft of one composer (`""`: the top-level one).
    Draft(String),
    /// What the thread last told screen readers.
    Status,
    /// How many comments arrived live and wait for the reader.
    Live,
}

/// How one widget's thread is stored, named and shown.
#[derive(Debug, Clone, Default)]
pub struct ThreadSettings {
    /// Where the reader's state for this thread is saved.
    pub storage_key: String,
    /// Keeps element ids unique when a page has several widgets.
    pub dom_prefix: String,
    /// The URL template and source that fill in "more replies" placeholders.
    pub load_more: Option<(String, Source)>,
    /// What bodies may contain beyond the defaults.
    pub rich: RichOptions,
    /// Where links in comments open (`_blank`...), if the site says.
    pub link_target: Option<AttrValue>,
    /// Which vote buttons to show.
    pub vote_buttons: VoteButtons,
    /// Whether scores are hidden.
    pub hide_scores: bool,
    /// Where votes go; `None` keeps them in this browser.
    pub vote_endpoint: Option<VoteEndpoint>,
    /// Where new comments go; `None` keeps them in this browser.
    pub post_endpoint: Option<PostEndpoint>,
    /// How to read the server's answer to a post.
    pub source: Option<Source>,
    /// The longest comment a reader may send.
    pub max_length: usize,
    /// Whether the composer asks for a name.
    pub name_field: bool,
    /// The host page's callback that gives a fresh token for each write.
    pub auth: Option<js_sys::Function>,
    /// The element events for the host page start from.
    pub events: Option<web_sys::Element>,
    /// How deep replies nest before "continue this thread" (0: no limit).
    pub max_depth: usize,
    /// The widget's language.
    pub lang: Lang,
    /// Its catalogue with the site's replacements, if the site gave any.
    pub words: Option<&'static Words>,
    /// The order the thread opens in: the reader's last choice, else the
    /// site's `data-sort`.
    pub order: Order,
    /// The newest comment's time at the reader's last visit (milliseconds),
    /// if they came before: newer comments are marked new.
    pub last_seen: Option<f64>,
    /// Comments scoring under this start hidden (`data-collapse-below`).
    pub collapse_below: Option<i64>,
    /// Where reports go; `None`: no Report.
    pub report_endpoint: Option<Endpoint>,
    /// Where the reader's edits go; `None`: no Edit on their comments.
    pub edit_endpoint: Option<Endpoint>,
    /// Where the reader's deletions go; `None`: no Delete.
    pub delete_endpoint: Option<Endpoint>,
    /// How the server reads a new comment's text, which the preview follows.
    pub input_format: BodyFormat,
}

/// A view's callback, by its subscription token.
type Listener = (u64, Callback<()>);

struct Inner {
    store: RefCell<ThreadStore>,
    state: RefCell<ThreadState>,
    paging: RefCell<Paging>,
    settings: ThreadSettings,
    /// The views listening to each topic (a heading and a button may share
    /// one), by subscription token.
    subscribers: RefCell<HashMap<Topic, Vec<Listener>>>,
    /// How many times each topic has changed, for views that start
    /// listening after they rendered (see `use_topic`).
    versions: RefCell<HashMap<Topic, u64>>,
    /// The comment count the heading last heard of.
    counted: Cell<usize>,
    /// What the thread last told screen readers ("Your comment was posted.").
    status: RefCell<String>,
    /// Top-level "more" rows loading now (the feed is `aria-busy` meanwhile).
    loading_top: Cell<usize>,
    next_token: Cell<u64>,
    /// Comments posted since the reader's last visit.
    new: RefCell<HashSet<CommentId>>,
    /// Comments that arrived live, held back until the reader asks for
    /// them (parents before replies).
    held: RefCell<Vec<CommentInput>>,
    /// The new comment "Next new comment" went to last.
    walked: RefCell<Option<CommentId>>,
    /// Authors whose comments the reader hid.
    muted: RefCell<HashSet<String>>,
    /// Hidden comments the reader chose to see on this page.
    unmasked: RefCell<HashSet<CommentId>>,
    /// The reader's comments as they were before an edit or deletion the
    /// server has not answered yet.
    originals: RefCell<HashMap<CommentId, Rc<Comment>>>,
    /// A paged API's next pages, if it pages.
    pages: RefCell<Option<ServerPages>>,
    /// Whether the next page is being fetched.
    page_loading: Cell<bool>,
    /// How many comments the server says the thread holds.
    server_total: Cell<Option<u64>>,
    /// The first page, while it is drawn a part at a time.
    filling: RefCell<Option<filling::Filling>>,
}

/// A shared handle on one widget's thread; cheap to clone, and equal only to
/// itself, so passing it down never re-renders anything.
#[derive(Clone)]
pub struct LiveThread(Rc<Inner>);

impl PartialEq for LiveThread {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A [`LiveThread`] that may be gone.
pub struct WeakThread(Weak<Inner>);

impl WeakThread {
    /// The thread, while a widget still shows it.
    pub fn upgrade(&self) -> Option<LiveThread> {
        self.0.upgrade().map(LiveThread)
    }
}

/// Unsubscribes a view when dropped.
pub struct Subscription {
    thread: LiveThread,
    id: Topic,
    token: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut subscribers = self.thread.0.subscribers.borrow_mut();
        if let Some(listening) = subscribers.get_mut(&self.id) {
            listening.retain(|(token, _)| *token != self.token);
            if listening.is_empty() {
                subscribers.remove(&self.id);
            }
        }
    }
}

impl LiveThread {
    /// Wraps a built store, restoring the reader's saved state for it.
    /// Comments the reader wrote in local-only mode come back in place.
    pub fn new(mut store: ThreadStore, settings: ThreadSettings) -> Self {
        let mut state = storage::load::<ThreadState>(&settings.storage_key)
            .unwrap_or_default()
            .start(
                settings.vote_endpoint.is_some(),
                settings.post_endpoint.is_some(),
            );
        if settings
            .vote_endpoint
            .as_ref()
            .is_some_and(|endpoint| !endpoint.takes_back())
        {
            state = state.with_final_votes();
        }
        // Before the reader's own comments come back: those are never new.
        let new = visits::new_since(&store, settings.last_seen);
        for input in state.restored() {
            store.add(input.parent.as_deref(), &input, false);
        }
        store.sort(settings.order);
        LiveThread(Rc::new(Inner {
            counted: Cell::new(store.len()),
            store: RefCell::new(store),
            state: RefCell::new(state),
            paging: RefCell::default(),
            settings,
            subscribers: RefCell::default(),
            versions: RefCell::default(),
            status: RefCell::default(),
            loading_top: Cell::default(),
            next_token: Cell::new(0),
            new: RefCell::new(new),
            held: RefCell::default(),
            walked: RefCell::default(),
            muted: RefCell::new(storage::load(MUTED_KEY).unwrap_or_default()),
            unmasked: RefCell::default(),
            originals: RefCell::default(),
            pages: RefCell::default(),
            page_loading: Cell::default(),
            server_total: Cell::default(),
            filling: RefCell::default(),
        }))
    }

    /// How this thread is shown.
    pub fn settings(&self) -> &ThreadSettings {
        &self.0.settings
    }

    /// The widget's language: its words and the browser's formatters.
    pub fn locale(&self) -> Rc<Locale> {
        Locale::of(self.0.settings.lang, self.words())
    }

    /// Every text the reader sees, in the widget's language.
    pub fn words(&self) -> &'static Words {
        self.0
            .settings
            .words
            .unwrap_or_else(|| self.0.settings.lang.words())
    }

    /// The comments.
    pub fn store(&self) -> Ref<'_, ThreadStore> {
        self.0.store.borrow()
    }

    /// The comment with this id.
    pub fn comment(&self, id: &str) -> Option<Rc<Comment>> {
        self.0.store.borrow().comment(id).cloned()
    }

    /// Whether "more replies" placeholders can be fetched and filled in.
    pub fn can_load_more(&self) -> bool {
        self.0.settings.load_more.is_some()
    }

    /// What fetching the replies a placeholder stands for needs: the URL,
    /// how to read the answer, and whether the top-level list is the one
    /// growing (its feed is `aria-busy` until [`end_more`](Self::end_more)).
    /// `None` when the site gave no "more" URL or the placeholder is gone.
    pub fn begin_more(&self, placeholder: &str) -> Option<(String, Source, bool)> {
        let (template, source) = self.0.settings.load_more.as_ref()?;
        let (url, top) = {
            let store = self.0.store.borrow();
            let stub = store.comment(placeholder)?;
            let url = fill_template(
                template,
                placeholder,
                store.parent(placeholder),
                &stub.more_ids,
            );
            (url, store.parent(placeholder).is_none())
        };
        if top {
            self.busy_top(1);
        }
        Some((url, source.clone(), top))
    }

    /// Puts the fetched replies in the placeholder's place (nothing when the
    /// fetch failed); only the views that changed re-render.
    pub fn end_more(&self, placeholder: &CommentId, top: bool, loaded: Option<Vec<CommentInput>>) {
        if top {
            self.busy_top(-1);
        }
        if let Some(comments) = loaded {
            let change = self
                .0
                .store
                .borrow_mut()
                .replace_placeholder(placeholder, comments);
            self.notify(change, Vec::new());
        }
    }

    fn busy_top(&self, by: isize) {
        let now = self.0.loading_top.get().saturating_add_signed(by);
        self.0.loading_top.set(now);
        self.notify(list_change(vec![None], false), Vec::new());
    }

    /// Whether comments are being added to the top-level list (its feed is
    /// `aria-busy` meanwhile).
    pub fn loading_top(&self) -> bool {
        self.0.loading_top.get() > 0
    }

    /// How many items of a list render now (`None`: the top-level list).
    pub fn shown(&self, list: &ListKey) -> usize {
        self.0.paging.borrow().shown(list)
    }

    /// Renders the next page of a list.
    pub fn show_more(&self, list: ListKey) {
        self.0.paging.borrow_mut().show_more(list.clone());
        self.notify(list_change(vec![list], false), Vec::new());
    }

    /// The comment shown on its own by "continue this thread", if any.
    pub fn focus(&self) -> Option<CommentId> {
        self.0.paging.borrow().focus().cloned()
    }

    /// Shows one comment's subtree on its own ("continue this thread").
    pub fn continue_thread(&self, id: &CommentId) {
        // The view of its own is drawn whole.
        self.draw_more(usize::MAX);
        self.0.paging.borrow_mut().set_focus(Some(id.clone()));
        self.notify(list_change(Vec::new(), true), Vec::new());
    }

    /// Leaves the "continue this thread" view for the view it was opened
    /// from; returns the comment it showed, so the reader can be put back
    /// at the same place.
    pub fn leave_focus(&self) -> Option<CommentId> {
        let focus = self.focus()?;
        let parent = self.store().parent(&focus).map(CommentId::from);
        match parent {
            Some(parent) => {
                self.reveal(&parent);
            }
            None => {
                self.0.paging.borrow_mut().set_focus(None);
                self.notify(list_change(Vec::new(), true), Vec::new());
            }
        }
        Some(focus)
    }

    /// Opens the way to a comment (the view, pages and folds that lead to
    /// it) and returns its element id; `None` if the thread has no such
    /// comment.
    pub fn reveal(&self, id: &str) -> Option<String> {
        let revealed = self.0.paging.borrow_mut().reveal(
            &self.0.store.borrow(),
            id,
            self.0.settings.max_depth,
        )?;
        self.dispatch(ThreadAction::Unfold(revealed.unfold));
        self.notify(
            list_change(revealed.lists, revealed.focus_changed),
            Vec::new(),
        );
        Some(self.dom_id("c", id))
    }

    /// The comment a permalink fragment (`tl1-c-…`) names in this widget.
    pub fn comment_for_fragment(&self, fragment: &str) -> Option<CommentId> {
        if !fragment.starts_with(&self.0.settings.dom_prefix) {
            return None;
        }
        let store = self.store();
        let found = store
            .ids()
            .find(|id| self.dom_id("c", id) == fragment)
            .cloned();
        found
    }

    /// A handle that does not keep the thread alive: effects that outlive
    /// the widget (polling, a stream) stop once it is gone.
    pub fn downgrade(&self) -> WeakThread {
        WeakThread(Rc::downgrade(&self.0))
    }

    /// Whether the reader folded the replies under this comment.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.0.state.borrow().is_collapsed(id)
    }

    /// A page-unique element id for a part of a comment: the comment id is
    /// percent-encoded, so different ids never share an element id, and the
    /// element id is also the permalink's fragment as the address bar keeps it.
    pub fn dom_id(&self, part: &str, id: &str) -> String {
        format!(
            "{}{part}-{}",
            self.0.settings.dom_prefix,
            encode_component(id)
        )
    }

    /// Applies a reader's action, saves the new state (keeping what other
    /// tabs saved), and re-renders the views it changed.
    pub fn dispatch(&self, action: ThreadAction) {
        self.apply(action);
    }

    /// Applies an action as [`dispatch`](Self::dispatch) does, and returns
    /// the id of the comment it posted, if it posted one (the composer
    /// moves focus there).
    pub fn apply(&self, action: ThreadAction) -> Option<CommentId> {
        self.announce(&action);
        let outcome = self.0.state.borrow_mut().apply(action);
        let posted = outcome
            .add
            .as_ref()
            .map(|(_, comment)| CommentId::from(comment.id.as_str()));
        let mut change = StoreChange {
            comments: outcome.changed,
            roots: false,
        };
        {
            let mut store = self.0.store.borrow_mut();
            let edits = [
                outcome
                    .add
                    .map(|(parent, input)| store.add(parent.as_deref(), &input, true)),
                outcome
                    .replace
                    .map(|(old, input)| store.replace(&old, &input)),
                outcome.remove.map(|id| store.remove(&id)),
                outcome
                    .write
                    .as_ref()
                    .map(|write| self.show_write(&mut store, write)),
                outcome.settle.map(|settle| self.settle(&mut store, settle)),
            ];
            for edit in edits.into_iter().flatten() {
                change.comments.extend(edit.comments);
                change.roots |= edit.roots;
            }
        }
        let mut drafts = outcome.drafts;
        let synced = self.save();
        drafts.extend(synced.drafts.iter().cloned());
        self.show_synced(synced, change, drafts);
        if let Some(post) = outcome.post {
            effects::send_post(self, post);
        }
        if let Some((id, value)) = outcome.send {
            effects::send_vote(self, id, value);
        }
        if let Some(write) = outcome.write {
            effects::send_own(self, write);
        }
        posted
    }

    /// Takes in what another tab of this thread saved (on the `storage`
    /// event) and shows it.
    pub fn take_saved(&self) {
        let saved = storage::load::<ThreadState>(&self.0.settings.storage_key).unwrap_or_default();
        let synced = self.0.state.borrow_mut().sync(saved);
        let drafts = synced.drafts.clone();
        self.show_synced(synced, StoreChange::default(), drafts);
    }

    /// Saves the reader's state over what is saved now, entry by entry, and
    /// returns what other tabs had changed meanwhile.
    fn save(&self) -> Synced {
        let key = &self.0.settings.storage_key;
        let saved = storage::load::<ThreadState>(key).unwrap_or_default();
        let synced = self.0.state.borrow_mut().sync(saved);
        storage::save(key, &*self.0.state.borrow());
        synced
    }

    /// Re-renders what an action and another tab's changes touched.
    fn show_synced(&self, synced: Synced, mut change: StoreChange, drafts: Vec<String>) {
        change.comments.extend(synced.changed);
        {
            let mut store = self.0.store.borrow_mut();
            for input in &synced.added {
                let edit = store.add(input.parent.as_deref(), input, false);
                change.comments.extend(edit.comments);
                change.roots |= edit.roots;
            }
        }
        self.notify(change, drafts.into_iter().map(Topic::Draft).collect());
    }

    /// Tells the host page what the reader did.
    fn announce(&self, action: &ThreadAction) {
        let events = self.0.settings.events.as_ref();
        match action {
            ThreadAction::Vote(id, direction) => {
                let was = self.vote(id);
                let value = match direction {
                    Direction::Up if was != 1 => 1,
                    Direction::Down if was != -1 => -1,
                    _ => 0,
                };
                emit(
                    events,
                    "vote",
                    &[
                        ("id", JsValue::from_str(id)),
                        ("value", JsValue::from(value)),
                    ],
                );
            }
            ThreadAction::Submit { parent, .. } => {
                let parent = parent.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                emit(events, "reply", &[("parent", parent)]);
            }
            _ => {}
        }
    }

    /// The saved draft for a composer (`None`: a new top-level comment).
    pub fn draft(&self, parent: Option<&str>) -> String {
        self.0.state.borrow().draft(parent)
    }

    /// Whether this is the reader's comment kept only in this browser.
    pub fn is_kept_here(&self, id: &str) -> bool {
        self.0.state.borrow().is_kept_here(id)
    }

    /// Where a reader's comment stands with the server, if it is one.
    pub fn post_status(&self, id: &str) -> Option<PostStatus> {
        self.0.state.borrow().post_status(id).cloned()
    }

    /// The name the reader gave last time, remembered across threads.
    pub fn remembered_name(&self) -> String {
        storage::load::<String>(NAME_KEY).unwrap_or_default()
    }

    /// Remembers the reader's name for the next comment.
    pub fn remember_name(&self, name: &str) {
        storage::save(NAME_KEY, &name);
    }

    /// Shows the server's counts for a comment after a vote (`sent`, which
    /// they include): other readers' votes since the page loaded show too.
    pub fn counted(&self, id: &CommentId, sent: i8, up: u64, down: u64) {
        let shown = self.comment(id);
        if let Some(shown) = shown {
            // Its parent's list hands the comment's view the new version.
            let change = self.0.store.borrow_mut().put(Rc::new(Comment {
                score: Some(up as i64 - down as i64),
                votes: Some((up, down)),
                ..(*shown).clone()
            }));
            self.notify(change, Vec::new());
        }
        self.dispatch(ThreadAction::VoteCounted {
            id: id.clone(),
            sent,
        });
    }

    /// Whether a vote, once given, stays (the server cannot take it back).
    pub fn votes_are_final(&self) -> bool {
        self.0.state.borrow().votes_are_final()
    }

    /// The reader's vote on a comment: 1, 0 or -1.
    pub fn vote(&self, id: &str) -> i8 {
        self.0.state.borrow().vote(id)
    }

    /// The score to show for a comment whose data says `data_score`.
    pub fn score(&self, id: &str, data_score: i64) -> i64 {
        self.0.state.borrow().score(id, data_score)
    }

    /// Why the reader's last vote on this comment failed, if it did.
    pub fn vote_error(&self, id: &str) -> Option<String> {
        self.0.state.borrow().vote_error(id).map(str::to_owned)
    }

    fn notify(&self, change: StoreChange, mut keys: Vec<Topic>) {
        keys.extend(change.comments.into_iter().map(|id| Topic::View(Some(id))));
        if change.roots {
            keys.push(Topic::View(None));
        }
        let count = self.0.store.borrow().len();
        if self.0.counted.replace(count) != count {
            keys.push(Topic::Count);
        }
        {
            let mut versions = self.0.versions.borrow_mut();
            for key in &keys {
                *versions.entry(key.clone()).or_default() += 1;
            }
        }
        let callbacks: Vec<Callback<()>> = {
            let subscribers = self.0.subscribers.borrow();
            keys.iter()
                .filter_map(|key| subscribers.get(key))
                .flatten()
                .map(|(_, callback)| callback.clone())
                .collect()
        };
        for callback in callbacks {
            callback.emit(());
        }
    }

    /// Tells screen readers something politely, through the thread's status
    /// region (`components::status`).
    pub fn say(&self, text: &str) {
        self.0.status.replace(text.to_owned());
        self.notify(StoreChange::default(), vec![Topic::Status]);
    }

    /// What the thread last told screen readers.
    pub fn status(&self) -> String {
        self.0.status.borrow().clone()
    }

    /// How many times `topic` has changed so far.
    pub fn version(&self, topic: &Topic) -> u64 {
        self.0.versions.borrow().get(topic).copied().unwrap_or(0)
    }

    /// Calls `on_change` whenever what `id` names changes, until the
    /// subscription is dropped.
    pub fn subscribe(&self, id: Topic, on_change: Callback<()>) -> Subscription {
        let token = self.0.next_token.get() + 1;
        self.0.next_token.set(token);
        self.0
            .subscribers
            .borrow_mut()
            .entry(id.clone())
            .or_default()
            .push((token, on_change));
        Subscription {
            thread: self.clone(),
            id,
            token,
        }
    }
}

/// The change that re-renders these lists (and, with `roots`, the
/// top-level view).
fn list_change(lists: Vec<ListKey>, roots: bool) -> StoreChange {
    let mut change = StoreChange {
        comments: Vec::new(),
        roots,
    };
    for list in lists {
        match list {
            Some(id) => change.comments.push(id),
            None => change.roots = true,
        }
    }
    change
}
