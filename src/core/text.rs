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

#[cfg(test)]
mod tests {
    use super::*;

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
