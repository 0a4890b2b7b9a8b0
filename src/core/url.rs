//! Which URLs from an endpoint may become a link or an image source.

/// Returns the URL, trimmed, if it is safe to put in `href` or `src`: an
/// `http:`, `https:` or `mailto:` URL, or a relative one. Anything with
/// another scheme (`javascript:`, `data:`, `vbscript:`...) is refused, also
/// when disguised with case, whitespace or control characters, because
/// browsers strip those before reading the scheme.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if url.is_empty() {
        return None;
    }
    let visible: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect::<String>()
        .to_ascii_lowercase();
    match visible.split_once(':') {
        None => Some(url),
        Some(("http" | "https" | "mailto", _)) => Some(url),
        Some(_) => None,
    }
}

/// Returns the URL if it is safe as an image source: what [`safe_url`]
/// allows, less `mailto:`, which is a link and never an image.
pub fn safe_image_url(url: &str) -> Option<&str> {
    safe_url(url).filter(|url| {
        let scheme: String = url
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .take(7)
            .collect();
        !scheme.eq_ignore_ascii_case("mailto:")
    })
}

/// Percent-encodes everything but unreserved characters, for putting an id
/// into a URL.
pub fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The scheme a URL starts with (`https` of `https://…`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then_some(scheme)
}

/// `reference` as a link in a document at `base` points, kept relative
/// when `base` is (`data/thread.json` and `images/a.png` give
/// `data/images/a.png`), for the prerender, which has no page to make it
/// absolute against: the browser does that from the page. Dot segments
/// are left for the browser too.
pub fn join(base: &str, reference: &str) -> String {
    if reference.is_empty() || scheme(reference).is_some() {
        return reference.to_owned();
    }
    let base = base.split('#').next().unwrap_or_default();
    let after_scheme = scheme(base).map(|scheme| &base[scheme.len() + 1..]);
    if let Some(rest) = reference.strip_prefix("//") {
        return scheme(base).map_or_else(|| reference.to_owned(), |s| format!("{s}://{rest}"));
    }
    if reference.starts_with('/') {
        let origin = after_scheme
            .and_then(|after| after.strip_prefix("//"))
            .map(|authority| {
                let end = authority.find(['/', '?']).unwrap_or(authority.len());
                &base[..base.len() - authority.len() + end]
            });
        return format!("{}{reference}", origin.unwrap_or_default());
    }
    if reference.starts_with('#') {
        return format!("{base}{reference}");
    }
    let path = base.split('?').next().unwrap_or_default();
    if reference.starts_with('?') {
        return format!("{path}{reference}");
    }
    let folder = path.rfind('/').map_or("", |end| &path[..=end]);
    format!("{folder}{reference}")
}

#[cfg(test)]
mod tests {
    use super::{encode_component, join, safe_image_url, safe_url};

    #[test]
    fn joins_links_to_the_data_they_came_in() {
        let base = "https://news.example/api/thread.json?id=1#x";
        assert_eq!(
            join(base, "images/a.png"),
            "https://news.example/api/images/a.png"
        );
        assert_eq!(join(base, "/img/a.png"), "https://news.example/img/a.png");
        assert_eq!(
            join(base, "//cdn.example/a.png"),
            "https://cdn.example/a.png"
        );
        assert_eq!(
            join(base, "?id=2"),
            "https://news.example/api/thread.json?id=2"
        );
        assert_eq!(
            join(base, "#c1"),
            "https://news.example/api/thread.json?id=1#c1"
        );
        assert_eq!(
            join(base, "https://other.example/a.png"),
            "https://other.example/a.png"
        );
        assert_eq!(
            join("data/seed-thread.json", "images/map.svg"),
            "data/images/map.svg"
        );
        assert_eq!(join("thread.json", "images/map.svg"), "images/map.svg");
        assert_eq!(join("/api/t.json", "/img/a.png"), "/img/a.png");
        assert_eq!(
            join("https://news.example", "/a.png"),
            "https://news.example/a.png"
        );
    }

    #[test]
    fn images_come_from_the_web_or_the_site_only() {
        assert_eq!(
            safe_image_url("https://example.com/a.png"),
            Some("https://example.com/a.png")
        );
        assert_eq!(safe_image_url("a.png"), Some("a.png"));
        for url in [
            "mailto:desk@example.com",
            "MailTo:x@y",
            " mail\tto:x@y",
            "javascript:alert(1)",
        ] {
            assert_eq!(safe_image_url(url), None, "{url:?}");
        }
    }

    #[test]
    fn encodes_ids_for_urls() {
        assert_eq!(encode_component("t1_ab-c.~"), "t1_ab-c.~");
        assert_eq!(encode_component("a b/\"é"), "a%20b%2F%22%C3%A9");
    }

    #[test]
    fn allows_web_and_relative_urls() {
        for url in [
            "https://example.com/map.png",
            "http://example.com",
            "mailto:desk@example.com",
            "images/map.svg",
            "/data/a.json?x=1:2",
            "#comment-3",
        ] {
            assert_eq!(safe_url(url), Some(url), "{url}");
        }
        assert_eq!(
            safe_url("  https://example.com \n"),
            Some("https://example.com")
        );
    }

    #[test]
    fn refuses_script_and_data_urls_however_disguised() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\u{0}script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(url), None, "{url:?}");
        }
    }
}
