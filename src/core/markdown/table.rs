//! GFM tables: which lines make one and what their cells hold. The cells'
//! text is then read as inline markdown like any paragraph's.

use crate::core::rich::Align;
use std::borrow::Cow;

/// The delimiter row under a table's header (`| :-- | :-: | --: |`): each
/// column's alignment, if the line is one.
pub(super) fn delimiter_row(line: &str) -> Option<Vec<Align>> {
    let trimmed = line.trim_ascii();
    if !trimmed.contains('-') || trimmed.bytes().any(|b| !b" \t|:-".contains(&b)) {
        return None;
    }
    let columns: Option<Vec<Align>> = cells(trimmed)
        .into_iter()
        .map(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            if dashes.is_empty() || dashes.bytes().any(|b| b != b'-') {
                return None;
            }
            Some(match (cell.starts_with(':'), cell.ends_with(':')) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::None,
            })
        })
        .collect();
    columns
}

/// Whether `header` over `delimiter` starts a table: a pipe somewhere, and
/// as many header cells as delimiter cells.
pub(super) fn starts_table(header: &str, delimiter: &str) -> Option<Vec<Align>> {
    let aligns = delimiter_row(delimiter)?;
    (header.contains('|') || delimiter.contains('|'))
        .then_some(())
        .filter(|()| cells(header).len() == aligns.len())?;
    Some(aligns)
}

/// A row's cells, trimmed, with `\\|` read as `|` (also in code spans); the
/// outer pipes are optional. Cells borrow from the row unless they hold
/// an escaped pipe.
pub(super) fn cells(row: &str) -> Vec<Cow<'_, str>> {
    let row = row.trim_ascii();
    let row = row.strip_prefix('|').unwrap_or(row);
    let bytes = row.as_bytes();
    let mut cells = Vec::new();
    let (mut start, mut at, mut escaped_pipe) = (0, 0, false);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => {
                escaped_pipe |= bytes.get(at + 1) == Some(&b'|');
                at += 2;
                continue;
            }
            b'|' => {
                cells.push(cell(&row[start..at], escaped_pipe));
                (start, escaped_pipe) = (at + 1, false);
            }
            _ => {}
        }
        at += 1;
    }
    // A trailing pipe ends the last cell; otherwise what follows the last
    // pipe is one.
    let last = row.get(start..).unwrap_or("");
    if !last.trim_ascii().is_empty() || cells.is_empty() {
        cells.push(cell(last, escaped_pipe));
    }
    cells
}

/// One cell's text, trimmed of ASCII whitespace (as GitHub trims it, not
/// of U+3000 and the like), `\\|` read as `|`.
fn cell(text: &str, escaped_pipe: bool) -> Cow<'_, str> {
    let text = text.trim_ascii();
    if escaped_pipe {
        Cow::Owned(text.replace("\\|", "|"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_and_without_outer_pipes() {
        assert_eq!(cells("| a | b |"), ["a", "b"]);
        assert_eq!(cells("a | b"), ["a", "b"]);
        assert_eq!(cells("| a \\| b | `\\|` |"), ["a | b", "`|`"]);
        assert_eq!(cells("| a |  |"), ["a", ""]);
        assert_eq!(cells("bar"), ["bar"]);
        // GitHub trims ASCII whitespace only: an ideographic space is text.
        assert_eq!(cells("| \u{3000} |"), ["\u{3000}"]);
    }

    #[test]
    fn delimiter_rows_give_alignment() {
        assert_eq!(
            delimiter_row("| :-- | :-: | --: | --- |"),
            Some(vec![Align::Left, Align::Center, Align::Right, Align::None])
        );
        assert_eq!(
            delimiter_row(":-: | -----------:"),
            Some(vec![Align::Center, Align::Right])
        );
        assert_eq!(delimiter_row("| a | b |"), None);
        assert_eq!(delimiter_row("| :: |"), None);
        assert_eq!(delimiter_row("\u{3000}---"), None);
        assert!(starts_table("| a | b |", "| - | - |").is_some());
        assert!(starts_table("| a | b |", "| - |").is_none());
        assert!(starts_table("Foo", "---").is_none());
    }
}
