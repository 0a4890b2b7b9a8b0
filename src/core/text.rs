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
    fn entities_are_decoded_once_and_bad_ones_kept() {
        assert_eq!(
            decode_entities("I don&#x27;t &amp;amp; &lt;b&gt; &bogus; &#0; x & &#x1F600;"),
            "I don't &amp; <b> &bogus; &#0; x & 😀"
        );
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
