//! Component tests in headless Chromium (wasm-bindgen-test): what a reader
//! sees and can do, and that folding re-renders only the folded comment.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use threadline::components::{comment_renders, ThreadProps, ThreadView, Widget, WidgetProps};
use threadline::core::config::MountConfig;
use threadline::core::load::{parse_document, read_response};
use threadline::core::mapping::Source;
use threadline::core::model::ThreadDocument;
use threadline::core::state::ThreadAction;
use threadline::core::store::ThreadStore;
use threadline::core::words::Lang;
use threadline::live_thread::{LiveThread, ThreadSettings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/data/seed-thread.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn host() -> Element {
    let host = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    host
}

/// Lets Yew's scheduler and pending promises run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer fired");
}

async fn until(host: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Ok(Some(found)) = host.query_selector(selector) {
            return found;
        }
        settle(20).await;
    }
    panic!("nothing matched {selector}: {}", host.inner_html());
}

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| {
            list.item(i)
                .and_then(|node| node.dyn_into::<Element>().ok())
        })
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Clears what a previous run saved under this thread key.
fn forget(key: &str) {
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|storage| storage.remove_item(key));
}

/// Shows a thread in a new element, as the widget does once it has loaded,
/// and waits until `ready` is there.
async fn show(
    document: &ThreadDocument,
    settings: ThreadSettings,
    ready: &str,
) -> (Element, LiveThread) {
    show_in(host(), document, settings, ready).await
}

/// [`show`] in a given element (the one focus and events start from).
async fn show_in(
    host: Element,
    document: &ThreadDocument,
    settings: ThreadSettings,
    ready: &str,
) -> (Element, LiveThread) {
    let thread = LiveThread::new(ThreadStore::build(document.comments.clone()), settings);
    let props = ThreadProps {
        thread: thread.clone(),
        skipped: document.skipped,
        at_once: false,
    };
    yew::Renderer::<ThreadView>::with_root_and_props(host.clone(), props).render();
    until(&host, ready).await;
    settle(60).await;
    (host, thread)
}

/// The seed thread in its own element, which focus and events start from.
async fn seed_in_page(settings: ThreadSettings) -> (Element, LiveThread) {
    let document = parse_document(SEED).expect("the seed parses");
    let host = host();
    let settings = ThreadSettings {
        events: Some(host.clone()),
        ..settings
    };
    show_in(host, &document, settings, ".tl-comment").await
}

/// Settings for a test thread whose storage key and id prefix are `key`.
fn settings(key: &str) -> ThreadSettings {
    ThreadSettings {
        storage_key: key.into(),
        dom_prefix: format!("{key}-"),
        ..ThreadSettings::default()
    }
}

async fn render_seed(key: &str) -> Element {
    forget(key);
    render_seed_keeping_storage(key).await
}

async fn render_seed_keeping_storage(key: &str) -> Element {
    let document = parse_document(SEED).expect("the seed parses");
    show(&document, settings(key), ".tl-comment").await.0
}

/// A flat thread of 1,000 comments, a third of them at top level.
fn thousand(prefix: &str) -> ThreadDocument {
    let comments: Vec<String> = (0..1000)
        .map(|i| {
            let parent = if i % 3 == 0 {
                "null".to_owned()
            } else {
                format!("\"{prefix}{}\"", i / 3 * 3)
            };
            format!(r#"{{"id":"{prefix}{i}","parent":{parent},"score":{i},"body":"comment {i}"}}"#)
        })
        .collect();
    parse_document(&format!(r#"{{"comments":[{}]}}"#, comments.join(","))).expect("valid")
}

fn comment(host: &Element, id: &str, key: &str) -> Element {
    host.query_selector(&format!("#{key}-c-{id}"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("comment {id} is shown"))
}

fn toggle_of(comment: &Element) -> HtmlElement {
    comment
        .query_selector(":scope > article .tl-toggle")
        .ok()
        .flatten()
        .and_then(|button| button.dyn_into::<HtmlElement>().ok())
        .expect("a fold button")
}

#[wasm_bindgen_test]
async fn shows_the_seed_thread_with_its_nesting() {
    let host = render_seed("t-nesting").await;
    assert_eq!(text(&until(&host, ".tl-count").await), "13 comments");
    assert_eq!(all(&host, ".tl-comment").len(), 13);
    assert_eq!(all(&host, ".tl-list > .tl-comment").len(), 7);
    let nested = |id: &str, parent: &str| {
        comment(&host, id, "t-nesting")
            .parent_element()
            .and_then(|list| list.closest(".tl-comment").ok().flatten())
            .map(|li| li.id())
            == Some(format!("t-nesting-c-{parent}"))
    };
    assert!(nested("c2", "c1"));
    assert!(nested("c5", "c4"));
    assert!(nested("c6", "c5"));
    assert!(nested("c8", "c7"));
    assert!(nested("c10", "c9"));
    assert!(nested("c13", "c12"));
}

#[wasm_bindgen_test]
async fn shows_anonymous_and_empty_comments_and_keeps_text_unchanged() {
    let host = render_seed("t-text").await;
    let anonymous = comment(&host, "c2", "t-text");
    assert_eq!(
        text(
            &anonymous
                .query_selector(".tl-author")
                .ok()
                .flatten()
                .expect("author")
        ),
        "Anonymous"
    );
    let empty = comment(&host, "c10", "t-text");
    assert!(text(&empty).contains("General Surena"));
    assert!(text(&empty).contains("This comment has no text."));
    let turkish = comment(&host, "c11", "t-text");
    assert!(
        text(&turkish).contains("syrian people… İTS A NORMAL OPERATİON. USA İS ABNORMAL HERE..")
    );
    let paragraphs = all(
        &comment(&host, "c7", "t-text"),
        ":scope > article .tl-body p",
    );
    assert_eq!(paragraphs.len(), 3);
    assert!(text(&paragraphs[0]).contains("it’s hands full"));
    let time = comment(&host, "c1", "t-text")
        .query_selector("time")
        .ok()
        .flatten()
        .expect("a time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2017-09-17T10:42:00.000Z")
    );
    assert!(time
        .get_attribute("title")
        .unwrap_or_default()
        .contains("2017"));
    assert!(text(&time).contains("ago"));
    assert!(text(&comment(&host, "c4", "t-text")).contains("-6 points"));
}

#[wasm_bindgen_test]
async fn folding_hides_all_descendants_and_rerenders_one_comment() {
    let host = render_seed("t-fold").await;
    let ranix = comment(&host, "c4", "t-fold");
    let button = toggle_of(&ranix);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(button.tag_name(), "BUTTON");

    let before = comment_renders();
    button.click();
    settle(30).await;
    assert_eq!(
        comment_renders() - before,
        1,
        "only the folded comment re-renders"
    );
    let button = toggle_of(&ranix);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(text(&button), "Show 2 replies");
    assert!(host.query_selector("#t-fold-c-c5").ok().flatten().is_none());
    assert!(host.query_selector("#t-fold-c-c6").ok().flatten().is_none());
    assert_eq!(all(&host, ".tl-comment").len(), 11);

    let before = comment_renders();
    button.click();
    settle(30).await;
    assert_eq!(
        comment_renders() - before,
        3,
        "the comment and its two newly shown replies render"
    );
    assert_eq!(all(&host, ".tl-comment").len(), 13);
}

#[wasm_bindgen_test]
async fn folded_comments_stay_folded_after_a_reload() {
    let host = render_seed("t-persist").await;
    toggle_of(&comment(&host, "c7", "t-persist")).click();
    settle(30).await;
    host.remove();

    let again = render_seed_keeping_storage("t-persist").await;
    let button = toggle_of(&comment(&again, "c7", "t-persist"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(again
        .query_selector("#t-persist-c-c8")
        .ok()
        .flatten()
        .is_none());
    assert!(again
        .query_selector("#t-persist-c-c5")
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_failed_fetch_says_why_and_offers_retry() {
    let host = host();
    let config =
        MountConfig::read(|name| (name == "src").then(|| "/no-such-thread.json".to_owned()))
            .expect("a config");
    yew::Renderer::<Widget>::with_root_and_props(
        host.clone(),
        WidgetProps {
            config: Rc::new(config),
            dom_prefix: "t-fail-".into(),
            auth: None,
            events: None,
            generation: 0,
            lang: Lang::En,
            words: None,
        },
    )
    .render();
    let alert = until(&host, "[role=alert]").await;
    assert!(
        text(&alert).contains("could not be found. Please try again later."),
        "{}",
        text(&alert)
    );
    let retry = until(&host, ".tl-retry")
        .await
        .dyn_into::<HtmlElement>()
        .expect("a button");
    assert_eq!(text(&retry), "Retry");
    retry.click();
    settle(0).await;
    until(&host, "[role=alert]").await;
}

#[wasm_bindgen_test]
async fn a_big_response_arrives_whole_though_read_a_part_at_a_time() {
    // Four parts and a piece of a fifth (a part is 1 MB), every byte told
    // apart from its neighbours.
    let sent: Vec<u8> = (0..5_000_000_u32).map(|at| (at % 251) as u8).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&sent[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).expect("a blob");
    let url = web_sys::Url::create_object_url_with_blob(&blob).expect("a URL");
    let got = threadline::services::http::fetch_body(&url)
        .await
        .expect("the body");
    web_sys::Url::revoke_object_url(&url).expect("revoked");
    assert_eq!(got.len(), sent.len());
    assert!(got == sent, "the parts came out of order or changed");
}

async fn render_fixture(preset: &str, json: &str, key: &str) -> Element {
    let source = Source::configure(Some(preset), None).expect("a preset");
    let document = read_response(json, &source).expect("the fixture reads");
    show(&document, settings(key), ".tl-comment").await.0
}

#[wasm_bindgen_test]
async fn reddit_shows_deleted_placeholders_and_more_rows() {
    let host = render_fixture(
        "reddit",
        include_str!("data/reddit-comments.json"),
        "t-reddit",
    )
    .await;
    assert_eq!(text(&until(&host, ".tl-count").await), "55 comments");
    let deleted = comment(&host, "t1_r3", "t-reddit");
    assert!(text(&deleted).contains("[deleted]"));
    assert!(text(&deleted).contains("This comment was deleted."));
    assert_eq!(
        all(&host, ".tl-list > .tl-comment").len(),
        10,
        "the first page"
    );
    while let Ok(Some(next)) = host.query_selector(".tl-thread > .tl-next-page button") {
        next.dyn_into::<HtmlElement>().expect("a button").click();
        settle(30).await;
    }
    let rows: Vec<String> = all(&host, ".tl-list > .tl-more").iter().map(text).collect();
    assert_eq!(rows, ["481 more replies"]);
}

#[wasm_bindgen_test]
async fn lemmy_marks_replies_to_comments_not_loaded() {
    let host = render_fixture("lemmy", include_str!("data/lemmy-post.json"), "t-lemmy").await;
    assert_eq!(all(&host, ".tl-orphan").len(), 4);
    assert!(!text(&comment(&host, "200", "t-lemmy")).contains("not loaded"));
}

#[wasm_bindgen_test]
async fn markdown_tables_folded_sections_and_keys_render() {
    let host = render_fixture("lemmy", include_str!("data/lemmy-post.json"), "t-lemmy").await;
    let body = comment(&host, "201", "t-lemmy");
    let texts = |selector: &str| -> Vec<String> { all(&body, selector).iter().map(text).collect() };
    assert_eq!(texts(".tl-body th"), ["Line", "Fare", "Minutes"]);
    assert_eq!(
        texts(".tl-body td.tl-right"),
        ["18", "25"],
        "the column --: aligns right"
    );
    assert_eq!(texts(".tl-body td.tl-center"), ["€2.10", "€1.80"]);
    assert_eq!(texts(".tl-body details > summary"), ["Sources"]);
    assert_eq!(
        texts(".tl-body details em"),
        ["fare table"],
        "markdown inside the folded section"
    );
    assert_eq!(texts(".tl-body kbd"), ["n"]);
    assert!(
        !text(&body).contains('|') && !text(&body).contains('<'),
        "{}",
        text(&body)
    );
}

#[wasm_bindgen_test]
async fn html_bodies_render_as_allowlisted_elements_with_safe_links() {
    let host = render_fixture(
        "hn-algolia",
        include_str!("data/hn-algolia-item.json"),
        "t-hn",
    )
    .await;
    let body = comment(&host, "9001", "t-hn");
    assert!(text(&body).contains("I don't agree"), "{}", text(&body));
    assert!(
        !host.inner_html().contains("&lt;p"),
        "no markup shown as text"
    );
    assert!(host
        .query_selector(".tl-body script")
        .ok()
        .flatten()
        .is_none());
    let link = body
        .query_selector(".tl-body a")
        .ok()
        .flatten()
        .expect("the link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/tram/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener noreferrer")
    );
    assert_eq!(
        link.get_attribute_names().length(),
        2,
        "no attribute but href and rel"
    );
}

#[wasm_bindgen_test]
async fn a_vote_rerenders_only_the_voted_comment_of_a_1000_comment_thread() {
    let key = "t-votes";
    forget(key);
    let document = thousand("v");
    let (host, thread) = show(&document, settings(key), "#t-votes-c-v0").await;
    assert_eq!(
        all(&host, ".tl-comment").len(),
        30,
        "10 top-level comments and their replies, not the whole thread"
    );
    thread.reveal("v600");
    settle(30).await;
    assert_eq!(
        all(&host, ".tl-comment").len(),
        603,
        "the way to v600 is open"
    );
    let target = comment(&host, "v600", key);
    let up = target
        .query_selector(":scope > article .tl-up")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .expect("an up button");
    let before = comment_renders();
    up.click();
    for _ in 0..100 {
        if up.get_attribute("aria-pressed").as_deref() == Some("true") {
            break;
        }
        settle(20).await;
    }
    settle(30).await;
    assert_eq!(
        comment_renders() - before,
        1,
        "only the voted comment re-renders"
    );
    assert_eq!(up.get_attribute("aria-pressed").as_deref(), Some("true"));
    let score = |host: &Element| {
        text(
            &comment(host, "v600", key)
                .query_selector(":scope > article .tl-score")
                .ok()
                .flatten()
                .expect("a score"),
        )
    };
    assert_eq!(score(&host), "601 points");
    host.remove();

    let (again, thread) = show(&document, settings(key), "#t-votes-c-v0").await;
    thread.reveal("v600");
    settle(30).await;
    assert_eq!(
        score(&again),
        "601 points",
        "after a reload: the vote is kept, not counted twice"
    );
    let up = comment(&again, "v600", key)
        .query_selector(":scope > article .tl-up")
        .ok()
        .flatten()
        .expect("up");
    assert_eq!(up.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn the_thread_speaks_the_readers_language_with_its_plurals_and_numbers() {
    for (lang, key, heading, reply, fold) in [
        (
            Lang::De,
            "t-de",
            "1.000 Kommentare",
            "Antworten",
            "2 Antworten ausblenden",
        ),
        (
            Lang::Ru,
            "t-ru",
            "1\u{a0}000 комментариев",
            "Ответить",
            "Скрыть 2 ответа",
        ),
        // The browser writes the number (Arabic digits or not, by its data).
        (Lang::Ar, "t-ar", "{1000} تعليق", "ردّ", "إخفاء الردّين"),
        (
            Lang::Ja,
            "t-ja",
            "1,000件のコメント",
            "返信",
            "2件の返信を隠す",
        ),
    ] {
        forget(key);
        let settings = ThreadSettings {
            lang,
            ..settings(key)
        };
        let (host, _) = show(&thousand(key), settings, ".tl-count").await;
        let thousand_written: String = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&lang.code().into()),
            &js_sys::Object::new(),
        )
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &1000.into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
        assert_eq!(
            text(&until(&host, ".tl-count").await),
            heading.replace("{1000}", &thousand_written),
            "{lang:?}"
        );
        let first = comment(&host, &format!("{key}0"), key);
        let button = |selector: &str| {
            first
                .query_selector(&format!(":scope > article {selector}"))
                .ok()
                .flatten()
                .map(|b| text(&b))
        };
        assert_eq!(button(".tl-reply").as_deref(), Some(reply), "{lang:?}");
        assert_eq!(button(".tl-toggle").as_deref(), Some(fold), "{lang:?}");
        host.remove();
    }
}

/// Presses a key in an element, as a keyboard would.
fn press(target: &Element, key: &str, ctrl: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a key event");
    target.dispatch_event(&event).expect("dispatched");
}

fn focused() -> Option<Element> {
    document().active_element()
}

#[wasm_bindgen_test]
async fn reply_takes_focus_escape_gives_it_back_and_ctrl_enter_sends() {
    let key = "t-keys";
    forget(key);
    let host = host();
    let settings = ThreadSettings {
        events: Some(host.clone()),
        max_length: 100,
        ..settings(key)
    };
    let document = thousand("k");
    let thread = LiveThread::new(ThreadStore::build(document.comments), settings);
    let props = ThreadProps {
        thread: thread.clone(),
        skipped: 0,
        at_once: false,
    };
    yew::Renderer::<ThreadView>::with_root_and_props(host.clone(), props).render();
    until(&host, "#t-keys-c-k0").await;
    let node = comment(&host, "k0", key);
    let feed_item = |name: &str| node.get_attribute(name);
    assert_eq!(
        (
            feed_item("role"),
            feed_item("aria-posinset"),
            feed_item("aria-setsize")
        ),
        (Some("article".into()), Some("1".into()), Some("334".into())),
        "the top-level list is a feed of placed articles"
    );
    assert!(host
        .query_selector(".tl-list[role=feed]")
        .ok()
        .flatten()
        .is_some());
    let reply = node
        .query_selector(":scope > article .tl-reply")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .expect("a reply button");

    reply.click();
    let area = until(&node, ":scope > .tl-composer textarea").await;
    settle(30).await;
    assert_eq!(
        focused(),
        Some(area.clone()),
        "Reply moves focus into the text box"
    );

    press(&area, "Escape", false);
    settle(30).await;
    assert!(
        node.query_selector(":scope > .tl-composer")
            .ok()
            .flatten()
            .is_none(),
        "Escape closes it"
    );
    assert_eq!(
        focused(),
        Some(reply.clone().into()),
        "and gives focus back to Reply"
    );

    reply.click();
    let area = until(&node, ":scope > .tl-composer textarea").await;
    thread.dispatch(ThreadAction::EditDraft {
        parent: Some("k0".into()),
        text: "sent from the keyboard".into(),
    });
    settle(30).await;
    press(&area, "Enter", true);
    settle(300).await;
    assert!(
        node.query_selector(":scope > .tl-composer")
            .ok()
            .flatten()
            .is_none(),
        "Ctrl+Enter sends: {}",
        text(&node)
    );
    let mine = all(&node, ":scope > ul > .tl-comment")
        .into_iter()
        .find(|reply| text(reply).contains("sent from the keyboard"))
        .expect("the reply is shown");
    let card = mine.query_selector(":scope > article").ok().flatten();
    assert_eq!(focused(), card, "focus goes to the new comment");
    assert_eq!(
        text(&until(&host, ".tl-thread > [role=status]").await),
        "Only you can see this comment: this site keeps comments in your browser.",
        "and a polite status says where it went"
    );
    let up = all(&node, ":scope > article .tl-up");
    assert_eq!(
        up[0].get_attribute("aria-label").as_deref(),
        Some("Upvote: Comment by an anonymous reader"),
        "vote buttons name their comment"
    );
    assert!(
        mine.query_selector(".tl-kept-here")
            .ok()
            .flatten()
            .is_some()
            && mine.query_selector(".tl-up").ok().flatten().is_none(),
        "a comment kept only in this browser says so, with nothing to vote on"
    );
    let toggle = node
        .query_selector(":scope > article .tl-toggle")
        .ok()
        .flatten();
    assert_eq!(toggle.map(|t| text(&t)).as_deref(), Some("Hide 3 replies"));

    let before = all(&host, ".tl-list > .tl-comment");
    let more = until(&host, ".tl-more-comments").await;
    more.dyn_into::<HtmlElement>().expect("a button").click();
    settle(300).await;
    let first_new = all(&host, ".tl-list > .tl-comment")[before.len()].clone();
    assert_eq!(
        focused(),
        first_new.query_selector(":scope > article").ok().flatten(),
        "Show more comments moves focus to the first new one"
    );

    let top = until(&host, ".tl-thread > .tl-composer.tl-closed textarea").await;
    assert!(
        host.query_selector(".tl-thread > .tl-composer .tl-send")
            .ok()
            .flatten()
            .is_none(),
        "the top composer is one line until the reader goes to it"
    );
    top.clone()
        .dyn_into::<HtmlElement>()
        .expect("a field")
        .focus()
        .expect("focused");
    until(&host, ".tl-thread > .tl-composer:not(.tl-closed) .tl-send").await;
    assert_eq!(
        focused(),
        Some(top),
        "and the text box keeps focus as it opens"
    );

    let skip = until(&host, ".tl-skip").await;
    skip.dyn_into::<HtmlElement>().expect("a button").click();
    settle(100).await;
    assert_eq!(
        focused().map(|element| element.id()).as_deref(),
        Some("t-keys-end-comments"),
        "Skip comments goes past the thread"
    );
    // Scrolling to the new comment moved the page: put it back for the
    // tests that watch the end of their lists.
    host.remove();
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[wasm_bindgen_test]
async fn a_new_reply_rerenders_only_its_parent_of_a_1000_comment_thread() {
    let key = "t-reply";
    forget(key);
    let settings = ThreadSettings {
        max_length: 100,
        ..settings(key)
    };
    let (host, thread) = show(&thousand("r"), settings, "#t-reply-c-r0").await;
    thread.reveal("r600");
    settle(30).await;
    let parent = comment(&host, "r600", key);
    parent
        .query_selector(":scope > article .tl-reply")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .expect("a reply button")
        .click();
    settle(30).await;
    thread.dispatch(ThreadAction::EditDraft {
        parent: Some("r600".into()),
        text: "a fresh reply".into(),
    });
    let before = comment_renders();
    // Focus in the reply box scrolls the page, which may show a page more.
    let shown = all(&host, ".tl-comment").len();
    assert_eq!(text(&until(&host, ".tl-count").await), "1,000 comments");
    thread.dispatch(ThreadAction::Submit {
        parent: Some("r600".into()),
        name: None,
        now_ms: 1.7e12,
    });
    settle(30).await;
    assert_eq!(
        comment_renders() - before,
        2,
        "the parent's list and the new comment, nothing else"
    );
    assert_eq!(
        text(&until(&host, ".tl-count").await),
        "1,001 comments",
        "the heading counts a reply at any depth"
    );
    let replies = all(&parent, ":scope > ul > .tl-comment");
    let first = replies.first().expect("replies");
    assert!(
        text(first).contains("a fresh reply"),
        "the reader's reply leads its parent's replies, where the reader is"
    );
    assert_eq!(all(&host, ".tl-comment").len(), shown + 1);
}

#[wasm_bindgen_test]
async fn a_new_sort_order_moves_comments_without_rendering_them_again() {
    let key = "t-sort";
    forget(key);
    let document = parse_document(
        r#"{"comments":[
            {"id":"a","score":1,"body":"a","replies":[
                {"id":"a1","score":1,"body":"a1"},{"id":"a2","score":5,"body":"a2"}]},
            {"id":"b","score":3,"body":"b","replies":[{"id":"b1","score":0,"body":"b1"}]}]}"#,
    )
    .expect("valid");
    let (host, _thread) = show(&document, settings(key), "#t-sort-c-a").await;
    let ids = |selector: &str| -> Vec<String> {
        all(&host, selector)
            .iter()
            .filter_map(|e| e.get_attribute("id"))
            .map(|id| id.trim_start_matches("t-sort-c-").to_owned())
            .collect()
    };
    assert_eq!(
        ids(".tl-list > .tl-comment"),
        ["a", "b"],
        "the site's order first"
    );
    let (a, a2) = (comment(&host, "a", key), comment(&host, "a2", key));
    let select: web_sys::HtmlSelectElement = until(&host, ".tl-sort select")
        .await
        .dyn_into()
        .expect("a select");
    let offered: Vec<String> = all(&host, ".tl-sort option").iter().map(text).collect();
    assert_eq!(
        offered,
        ["Site order", "Best", "Top", "Newest", "Oldest"],
        "no Controversial without up and down counts"
    );

    let before = comment_renders();
    select.set_value("top");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("an event"))
        .expect("dispatched");
    settle(30).await;
    assert_eq!(ids(".tl-list > .tl-comment"), ["b", "a"]);
    assert_eq!(ids("#t-sort-c-a > ul > .tl-comment"), ["a2", "a1"]);
    assert_eq!(
        comment_renders() - before,
        2,
        "`a` and `b`, whose places in the feed changed (and `a`'s replies); the replies moved or stayed without rendering"
    );
    assert!(comment(&host, "a", key).is_same_node(Some(&a)));
    assert!(comment(&host, "a2", key).is_same_node(Some(&a2)));
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| {
            storage
                .get_item(threadline::live_thread::ORDER_KEY)
                .ok()
                .flatten()
        });
    assert_eq!(
        saved.as_deref(),
        Some("\"top\""),
        "the choice is remembered for the site"
    );
    forget(threadline::live_thread::ORDER_KEY);
}

#[wasm_bindgen_test]
async fn comments_since_the_last_visit_are_marked_counted_and_walked_with_n() {
    let key = "t-new";
    forget(key);
    let (host, _thread) = seed_in_page(ThreadSettings {
        // The last visit's newest comment was posted at 14:00.
        last_seen: Some(1_505_656_800_000.0),
        ..settings(key)
    })
    .await;
    assert_eq!(
        text(&until(&host, ".tl-count").await),
        "13 comments · 4 new"
    );
    let marked: Vec<String> = all(&host, ".tl-new")
        .iter()
        .filter_map(|badge| badge.closest(".tl-comment").ok().flatten())
        .filter_map(|li| li.get_attribute("id"))
        .collect();
    assert_eq!(
        marked,
        ["t-new-c-c10", "t-new-c-c11", "t-new-c-c12", "t-new-c-c13"]
    );
    assert!(all(&host, ".tl-new")
        .iter()
        .all(|badge| text(badge) == "New"));

    let next: HtmlElement = until(&host, ".tl-next-new")
        .await
        .dyn_into()
        .expect("a button");
    assert_eq!(text(&next), "Next new comment");
    next.click();
    settle(120).await;
    let at = || {
        focused()
            .and_then(|element| element.closest(".tl-comment").ok().flatten())
            .and_then(|li| li.get_attribute("id"))
    };
    assert_eq!(
        at().as_deref(),
        Some("t-new-c-c10"),
        "focus on the first new comment in reading order"
    );
    let thread_section = until(&host, ".tl-thread").await;
    press(&focused().unwrap_or(thread_section.clone()), "n", false);
    settle(120).await;
    assert_eq!(
        at().as_deref(),
        Some("t-new-c-c11"),
        "n goes to the next one"
    );
    for _ in 0..3 {
        press(&focused().unwrap_or(thread_section.clone()), "n", false);
        settle(120).await;
    }
    assert_eq!(
        at().as_deref(),
        Some("t-new-c-c10"),
        "after the last, back to the first"
    );
}

#[wasm_bindgen_test]
async fn low_scores_start_hidden_and_a_muted_author_is_one_line_with_show() {
    let key = "t-mute";
    forget(key);
    forget("threadline:v1:muted");
    let (host, _thread) = seed_in_page(ThreadSettings {
        collapse_below: Some(0),
        ..settings(key)
    })
    .await;
    let hidden = |id: &str| {
        comment(&host, id, key)
            .query_selector(":scope > .tl-hidden .tl-hidden-note span")
            .ok()
            .flatten()
            .map(|note| text(&note))
    };
    assert_eq!(
        hidden("c4").as_deref(),
        Some("Hidden for a low score: -6 points.")
    );
    assert_eq!(all(&host, ".tl-hidden").len(), 1);
    assert!(
        comment(&host, "c5", key).is_connected(),
        "its replies still show"
    );

    let more = |id: &str| -> HtmlElement {
        comment(&host, id, key)
            .query_selector(":scope > article .tl-more-actions")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into().ok())
            .expect("a More button")
    };
    more("c11").click();
    settle(30).await;
    let mute: HtmlElement = comment(&host, "c11", key)
        .query_selector(".tl-mute")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .expect("Mute");
    assert_eq!(text(&mute), "Mute General Surena");
    assert!(
        comment(&host, "c11", key)
            .query_selector(".tl-report")
            .ok()
            .flatten()
            .is_none(),
        "no Report without a report URL"
    );
    mute.click();
    settle(200).await;
    assert_eq!(hidden("c11").as_deref(), Some("You muted General Surena."));
    assert_eq!(
        hidden("c10").as_deref(),
        Some("You muted General Surena."),
        "on every comment of theirs"
    );
    let show = comment(&host, "c11", key)
        .query_selector(".tl-unmask")
        .ok()
        .flatten()
        .expect("Show");
    assert_eq!(
        focused(),
        Some(show.clone()),
        "focus stays on the comment, at its Show"
    );
    show.dyn_into::<HtmlElement>().expect("a button").click();
    settle(30).await;
    assert_eq!(hidden("c11"), None);
    assert!(hidden("c10").is_some(), "Show opens one comment");
    forget("threadline:v1:muted");
}

#[wasm_bindgen_test]
async fn live_comments_wait_in_a_banner_and_render_only_the_lists_they_join() {
    let key = "t-live";
    forget(key);
    let (host, thread) = seed_in_page(ThreadSettings { ..settings(key) }).await;
    assert_eq!(all(&host, ".tl-show-live").len(), 0);

    // The server's newer copy: c7 edited, and a new reply to c3.
    let mut newer = parse_document(SEED).expect("the seed parses").comments;
    let c7 = newer.iter_mut().find(|c| c.id == "c7").expect("c7");
    c7.body = "Edited on the server.".into();
    let c3 = newer.iter_mut().find(|c| c.id == "c3").expect("c3");
    c3.replies.push(threadline::core::model::CommentInput {
        id: "c14".into(),
        author: Some("Late Reader".into()),
        body: "Arrived while you read.".into(),
        ..Default::default()
    });
    let before = comment_renders();
    thread.take_live(&newer);
    settle(30).await;
    assert_eq!(
        comment_renders() - before,
        1,
        "only the edited comment, in place"
    );
    assert!(text(&comment(&host, "c7", key)).contains("Edited on the server."));
    assert!(
        host.query_selector("#t-live-c-c14")
            .ok()
            .flatten()
            .is_none(),
        "nothing new moves in by itself"
    );
    let banner: HtmlElement = until(&host, ".tl-show-live")
        .await
        .dyn_into()
        .expect("a button");
    assert_eq!(text(&banner), "1 new comment: show");
    assert_eq!(
        until(&host, ".tl-live")
            .await
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );

    thread.take_live(&newer);
    settle(30).await;
    assert_eq!(
        text(&until(&host, ".tl-show-live").await),
        "1 new comment: show",
        "counted once"
    );

    let before = comment_renders();
    banner.click();
    settle(200).await;
    assert_eq!(
        comment_renders() - before,
        2,
        "c3, whose list it joins, and the new comment"
    );
    let added = comment(&host, "c14", key);
    assert!(text(&added).contains("New"), "marked new");
    assert_eq!(all(&host, ".tl-show-live").len(), 0);
    assert_eq!(
        text(&until(&host, ".tl-count").await),
        "14 comments · 1 new"
    );
    assert_eq!(
        focused()
            .and_then(|f| f.closest(".tl-comment").ok().flatten())
            .and_then(|li| li.get_attribute("id"))
            .as_deref(),
        Some("t-live-c-c14"),
        "the reader is taken to it"
    );
}

#[wasm_bindgen_test]
async fn a_big_thread_renders_page_by_page_and_a_page_renders_only_its_comments() {
    let key = "t-pages";
    forget(key);
    let (host, thread) = show(&thousand("p"), settings(key), "#t-pages-c-p0").await;
    assert_eq!(all(&host, ".tl-list > .tl-comment").len(), 10);
    let next = until(&host, ".tl-thread > .tl-next-page button").await;
    assert_eq!(text(&next), "Show more comments (324 left)");
    let before = comment_renders();
    next.dyn_into::<HtmlElement>().expect("a button").click();
    settle(30).await;
    assert_eq!(all(&host, ".tl-list > .tl-comment").len(), 20);
    assert_eq!(
        comment_renders() - before,
        30,
        "the 10 new top-level comments and their 20 replies, nothing already shown"
    );
    assert!(thread.reveal("nope").is_none());
}

/// A chain of `length` replies, each answering the one before.
fn chain(length: usize) -> ThreadDocument {
    let comments: Vec<String> = (0..length)
        .map(|i| {
            let parent = match i {
                0 => "null".to_owned(),
                _ => format!("\"d{}\"", i - 1),
            };
            format!(r#"{{"id":"d{i}","parent":{parent},"author":"Reader {i}","body":"level {i}"}}"#)
        })
        .collect();
    parse_document(&format!(r#"{{"comments":[{}]}}"#, comments.join(","))).expect("valid")
}

#[wasm_bindgen_test]
async fn deep_replies_continue_in_their_own_view_and_back_returns_to_the_same_place() {
    let key = "t-deep";
    forget(key);
    let settings = ThreadSettings {
        max_depth: 3,
        events: None,
        ..settings(key)
    };
    let (host, thread) = show(&chain(10), settings, "#t-deep-c-d0").await;
    assert_eq!(all(&host, ".tl-comment").len(), 4, "depths 0 to 3");
    let more = until(&host, "#t-deep-c-d3 > .tl-continue button").await;
    assert_eq!(text(&more), "Continue this thread (6 replies) →");
    more.dyn_into::<HtmlElement>().expect("a button").click();
    settle(30).await;
    let shown: Vec<String> = all(&host, ".tl-comment").iter().map(|c| c.id()).collect();
    assert_eq!(
        shown,
        ["t-deep-c-d3", "t-deep-c-d4", "t-deep-c-d5", "t-deep-c-d6"],
        "the view starts at d3"
    );
    assert_eq!(thread.focus().as_deref(), Some("d3"));
    until(&host, ".tl-back")
        .await
        .dyn_into::<HtmlElement>()
        .expect("a button")
        .click();
    settle(30).await;
    assert_eq!(thread.focus(), None);
    assert_eq!(
        all(&host, ".tl-comment").len(),
        4,
        "back to the whole thread"
    );
    // A permalink to the deepest reply opens the view that holds it.
    thread.reveal("d9");
    settle(30).await;
    assert_eq!(thread.focus().as_deref(), Some("d9"));
    assert!(host.query_selector("#t-deep-c-d9").ok().flatten().is_some());
}

/// The core's plurals, digit grouping, relative times, dates and ISO times
/// (which the widget and the prerender use instead of the browser's) agree
/// with Chromium's Intl and `Date` for every language, over the numbers a
/// thread shows and 130 years of dates.
#[wasm_bindgen_test]
fn counting_dates_and_iso_times_agree_with_the_browser() {
    use js_sys::{Array, Date, Intl, Object};
    use threadline::core::calendar::ago;
    use threadline::core::numbers::{grouped, plural};
    use threadline::core::time::iso_string;
    use threadline::core::time::TimeUnit;
    use threadline::core::words::Plural;
    use wasm_bindgen::JsValue;
    let mut numbers: Vec<i64> = (0..=2_000).collect();
    numbers.extend([
        10_000, 12_345, 99_999, 100_000, 999_999, 1_000_000, 1_000_001, 2_000_000, 12_345_678, -1,
        -5, -1_500, -22,
    ]);
    for lang in Lang::ALL {
        let tags = Array::of1(&lang.code().into());
        let rules = Intl::PluralRules::new(&tags, &Object::new());
        let format = Intl::NumberFormat::new(&tags, &Object::new()).format();
        for &n in &numbers {
            let browser = String::from(rules.select(n as f64));
            assert_eq!(plural(lang, n), Plural::from_name(&browser), "{lang:?} {n}");
            let written = format.call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64));
            let written = written.ok().and_then(|text| text.as_string());
            assert_eq!(Some(grouped(lang, n)), written, "{lang:?} {n}");
        }
        // Dates, every weekday, hour and month from 1970 to 2100, on the
        // browser's clock.
        let locale = threadline::format::Locale::of(lang, lang.words());
        let intl = |style: &[(&str, &str)]| {
            let options = Object::new();
            for (key, value) in style {
                let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
            }
            Intl::DateTimeFormat::new(&tags, &options).format()
        };
        let long = intl(&[("dateStyle", "long")]);
        let full = intl(&[("dateStyle", "full"), ("timeStyle", "short")]);
        let written = |format: &js_sys::Function, ms: f64| {
            let text = format.call1(&JsValue::UNDEFINED, &Date::new(&ms.into()));
            text.ok()
                .and_then(|text| text.as_string())
                .unwrap_or_default()
        };
        let options = Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let relative = Intl::RelativeTimeFormat::new(&tags, &options);
        for unit in [
            TimeUnit::Second,
            TimeUnit::Minute,
            TimeUnit::Hour,
            TimeUnit::Day,
            TimeUnit::Month,
            TimeUnit::Year,
        ] {
            let name = format!("{unit:?}").to_lowercase();
            for n in numbers.iter().filter(|n| **n >= 0) {
                let browser = String::from(relative.format(-*n as f64, &name));
                assert_eq!(ago(lang, -n, unit), browser, "{lang:?} {n} {name}");
            }
        }
        let mut ms = 0.0;
        while ms < 4.1e12 {
            assert_eq!(locale.long_date(ms), written(&long, ms), "{lang:?} {ms}");
            assert_eq!(
                locale.full_date_time(ms),
                written(&full, ms),
                "{lang:?} {ms}"
            );
            ms += 7.0 * 86_400_000.0 + 13.0 * 3_600_000.0 + 7.0 * 60_000.0;
        }
    }
    let mut ms = -8.64e15;
    while ms <= 8.64e15 {
        let browser = String::from(Date::new(&ms.into()).to_iso_string());
        assert_eq!(iso_string(ms), browser);
        ms += 123_456_789_012.345;
    }
}
