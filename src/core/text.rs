//! Plain-text bodies: how a comment's text is cut into paragraphs and lines.

/// Splits plain text into paragraphs at blank lines; each paragraph is a
/// list of its lines, so single line breaks can be kept as `<br>`. Windows
/// line endings count as line breaks, whitespace around each line is
/// dropped, and text that is blank gives no paragraphs at all.
pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut result: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                result.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        result.push(current);
    }
    result
}

/// Turns API HTML into plain text with its paragraph and line breaks, for
/// showing as text (never as markup): tags are dropped, the contents of
/// `script` and `style` too, and entities are decoded once. A `<` that opens
/// no tag stays as text.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..start]));
        let tag_and_after = &rest[start + 1..];
        let Some(end) = tag_and_after.find('>') else {
            text.push_str(&decode_entities(&rest[start..]));
            return text;
        };
        let tag = &tag_and_after[..end];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        rest = &tag_and_after[end + 1..];
        match name.as_str() {
            "p" | "div" | "blockquote" | "pre" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "hr" | "table" => text.push_str("\n\n"),
            "br" | "li" | "tr" => text.push('\n'),
            "script" | "style" if !closing => {
                let close = format!("</{name}");
                rest = match rest.to_ascii_lowercase().find(&close) {
                    Some(at) => &rest[at..],
                    None => "",
                };
            }
            _ => {}
        }
    }
    text.push_str(&decode_entities(rest));
    text
}

/// Decodes HTML character references once: the common named ones and all
/// numeric ones. Unknown or malformed references stay as written.
pub fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let reference = after
            .find(';')
            .filter(|end| *end <= 10)
            .map(|end| &after[..end]);
        let character = reference.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code).filter(|c| *c != '\0')
            }
        });
        match (reference, character) {
            (Some(name), Some(character)) => {
                decoded.push(character);
                rest = &after[name.len() + 1..];
            }
            _ => {
                decoded.push('&');
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// "1 reply", "3 replies": a count with its noun in the right number.
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs_of_text() {
        let hn =
            "Aw man. I don&#x27;t have<p>anything &amp; profound.<p>Bye <a href=\"x\">link</a>";
        assert_eq!(
            paragraphs(&html_to_text(hn)),
            vec![
                vec!["Aw man. I don't have"],
                vec!["anything & profound."],
                vec!["Bye link"]
            ]
        );
        let text = html_to_text("<p>a<br>b</p><script>alert(1)</script><style>p{}</style>c");
        assert_eq!(paragraphs(&text), vec![vec!["a", "b"], vec!["c"]]);
        assert_eq!(
            html_to_text("1 < 2 &lt;b&gt; &amp;amp; &bogus; &#0; x &"),
            "1 < 2 <b> &amp; &bogus; &#0; x &"
        );
        assert_eq!(html_to_text("Новая реклама 🎉"), "Новая реклама 🎉");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(0, "reply", "replies"), "0 replies");
        assert_eq!(count(1, "reply", "replies"), "1 reply");
        assert_eq!(count(13, "comment", "comments"), "13 comments");
        assert_eq!(count(-2, "point", "points"), "-2 points");
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "First paragraph.\n\nSecond, line one\nline two\n\n\n\nThird.";
        assert_eq!(
            paragraphs(text),
            vec![
                vec!["First paragraph."],
                vec!["Second, line one", "line two"],
                vec!["Third."]
            ]
        );
    }

    #[test]
    fn handles_crlf_and_surrounding_space() {
        assert_eq!(
            paragraphs("\r\n  one\r\n\r\ntwo  \r\n"),
            vec![vec!["one"], vec!["two"]]
        );
    }

    #[test]
    fn blank_text_has_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\t\n").is_empty());
    }

    #[test]
    fn keeps_non_ascii_unchanged() {
        let text = "İTS A NORMAL OPERATİON… it’s “quoted”";
        assert_eq!(paragraphs(text), vec![vec![text]]);
    }
}
