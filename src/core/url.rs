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

#[cfg(test)]
mod tests {
    use super::{encode_component, safe_image_url, safe_url};

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
