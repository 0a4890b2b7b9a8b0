//! The prerender (`threadline-render`): the seed thread's article and first
//! screen as static HTML a reader sees before any script runs, in the
//! reader's language, a clear message for a response it cannot read, and
//! never a commenter's script or event handler in its markup.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use threadline::core::paging::ROOT_PAGE;
use threadline::prerender::render;

const SEED: &[u8] = include_bytes!("../www/data/seed-thread.json");

fn settings<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    }
}

fn seed(pairs: &[(&str, &str)]) -> String {
    render(SEED, settings(pairs)).expect("the seed thread renders")
}

#[test]
fn the_seed_article_and_its_first_screen_are_in_the_markup() {
    let html = seed(&[("src", "data/seed-thread.json")]);
    assert!(html.starts_with(
        "<threadline-widget data-prerendered data-max-depth=\"8\"><template shadowrootmode=\"open\"><style>"
    ));
    assert!(html.contains(
        "<h1 class=\"tl-article-title\">Popular Mobilization Units Launches Large-Scale Anti-ISIS Operation Near Syrian Border</h1>"
    ));
    // The figure's image is found next to the data, as the widget finds it.
    assert!(html.contains("src=\"data/images/anbar-operation-map.svg\""));
    assert!(html.contains(">13 comments</h2>"));
    assert!(html.contains("May the PMU eradicate the Pentagon ISIS."));
    // Every top-level comment of the first page, not only the first one
    // the widget draws in its first browser task.
    assert_eq!(html.matches("aria-setsize=\"7\"").count(), 7);
    // Times are dates in words, in UTC, until the widget says how long ago.
    assert!(html.contains(
        "<time datetime=\"2017-09-17T10:42:00.000Z\" title=\"Sunday, September 17, 2017 at 10:42 AM UTC\" class=\"tl-time\">September 17, 2017<"
    ));
    assert!(html.ends_with("</template></threadline-widget>\n"));
    assert!(!html.contains("<script"));
}

#[test]
fn it_speaks_the_language_it_is_given_and_nests_as_deep_as_asked() {
    let html = seed(&[
        ("src", "data/seed-thread.json"),
        ("lang", "ru"),
        ("maxDepth", "1"),
    ]);
    assert!(html.contains("lang=\"ru\""));
    assert!(html.contains(">13 комментариев</h2>"), "{html}");
    assert!(html.contains(">17 сентября 2017 г.<"));
    assert!(html.contains("data-max-depth=\"1\""));
    assert!(html.contains("tl-continue-thread"));
}

#[test]
fn a_response_it_cannot_read_is_a_message_not_a_panic() {
    for body in [
        &b"<!doctype html><p>Not found</p>"[..],
        b"",
        b"{\"comments\": 3}",
    ] {
        let error = render(body, settings(&[("src", "thread.json")])).unwrap_err();
        assert!(!error.is_empty());
    }
    let error = render(SEED, settings(&[])).unwrap_err();
    assert!(error.contains("data-src"), "{error}");
}

/// The tags of `html`, as (name, attributes as name and value), read as a browser
/// tokenizes them: a `<` outside a tag is always escaped in Yew's output,
/// and attribute values are quoted.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '/')
            .collect();
        rest = &rest[name.len()..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.is_empty() {
                break;
            }
            let attribute: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '>')
                .collect();
            rest = &rest[attribute.len()..];
            let mut value = "";
            if let Some(quoted) = rest.strip_prefix("=\"") {
                let end = quoted.find('"').expect("a closed attribute value");
                (value, rest) = (&quoted[..end], &quoted[end + 1..]);
            }
            attributes.push((attribute.to_ascii_lowercase(), value.to_owned()));
        }
        found.push((name.to_ascii_lowercase(), attributes));
    }
    found
}

#[test]
fn no_payload_of_the_xss_corpus_puts_a_script_in_the_markup() {
    let payloads: Vec<&str> = include_str!("xss/payloads.txt")
        .lines()
        .filter(|line| !line.starts_with("# ") && !line.is_empty())
        .collect();
    for format in ["text", "markdown", "html"] {
        for chunk in payloads.chunks(ROOT_PAGE) {
            let comments: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(n, payload)| {
                    json!({"id": n, "author": payload, "authorUrl": payload, "avatar": payload,
                           "body": payload, "format": format,
                           "replies": [{"id": format!("r{n}"), "body": payload, "format": format}]})
                })
                .collect();
            let thread = json!({"article": {"title": chunk[0], "body": [{"type": "paragraph", "text": chunk[0]}]},
                                "comments": comments});
            let html = render(
                thread.to_string().as_bytes(),
                settings(&[("src", "t.json")]),
            )
            .expect("the corpus renders");
            let html = &html[html.find("</style>").expect("the stylesheet") + 8..];
            for (name, attributes) in tags(html) {
                assert!(
                    !matches!(
                        name.as_str(),
                        "script"
                            | "iframe"
                            | "object"
                            | "embed"
                            | "style"
                            | "link"
                            | "meta"
                            | "base"
                            | "svg"
                            | "math"
                    ),
                    "<{name}> from {chunk:?}"
                );
                for (attribute, value) in attributes {
                    assert!(
                        !attribute.starts_with("on")
                            && !matches!(attribute.as_str(), "style" | "srcdoc" | "formaction"),
                        "<{name} {attribute}> from {chunk:?}"
                    );
                    if matches!(attribute.as_str(), "href" | "src") {
                        let scheme = value.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
                        assert!(
                            matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto"))
                                || value.contains(['/', '?', '#'])
                                    && !value
                                        .split(['/', '?', '#'])
                                        .next()
                                        .unwrap_or("")
                                        .contains(':'),
                            "<{name} {attribute}={value:?}> from {chunk:?}"
                        );
                    }
                }
            }
        }
    }
}
