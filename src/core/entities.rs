//! HTML character references (`&amp;`, `&#x27;`, `&eacute;`, `&check;`):
//! decoded once, the way browsers decode them, with all 2,231 HTML5 names.
//! The names are stored compactly (`entity_table`: each name as what it
//! shares with the one before and the rest, 10 KB gzipped in the wasm) and
//! spelled out once, on the first named reference, for bisection.

use super::entity_table::{LEGACY, SHARED, SUFFIXES, SUFFIX_LENGTHS, VALUES, VALUE_LENGTHS};
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// What a reference stands for: one character, or (for 93 names, such as
/// `&ngE;`) two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded(char, Option<char>);

impl Decoded {
    /// Appends the characters to `out`.
    pub fn push_to(self, out: &mut String) {
        out.push(self.0);
        if let Some(second) = self.1 {
            out.push(second);
        }
    }
}

impl fmt::Display for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

/// Where a reference appears, which decides which references count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// HTML text: the old Latin-1 names also count without their `;`.
    Text,
    /// An HTML attribute value: as text, except that a name without `;`
    /// followed by a letter, digit or `=` is not a reference (`?a=1&copy=2`).
    Attribute,
    /// Markdown, and HTML escaped inside JSON: only references ending in `;`.
    Strict,
}

/// Decodes the character references in `text`. Unknown or malformed ones
/// stay as written; nothing is decoded twice.
pub fn decode(text: &str, context: Context) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after, context) {
            Some((character, used)) => {
                character.push_to(&mut decoded);
                rest = &after[used..];
            }
            None => {
                decoded.push('&');
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    Cow::Owned(decoded)
}

/// The character that `text` (just after an `&`) refers to, and how many
/// bytes of `text` the reference takes.
pub fn reference(text: &str, context: Context) -> Option<(Decoded, usize)> {
    if let Some(number) = text.strip_prefix('#') {
        return numeric(number, context)
            .map(|(character, used)| (Decoded(character, None), used + 1));
    }
    let name_len = text
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = &text[..name_len];
    if text[name_len..].starts_with(';') {
        if let Some(character) = named(name) {
            return Some((character, name_len + 1));
        }
    }
    if context == Context::Strict {
        return None;
    }
    // Legacy names without `;`: the longest one that starts the text.
    let (len, character) = (2..=name_len.min(6))
        .rev()
        .find_map(|len| legacy(&name[..len]).map(|character| (len, character)))?;
    let next = text[len..].bytes().next();
    let blocked = context == Context::Attribute
        && next.is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'=');
    (!blocked).then_some((character, len))
}

/// `&#...` and `&#x...`: any code point, with the replacements browsers make
/// for NUL, surrogates, out-of-range numbers and the Windows-1252 range.
fn numeric(text: &str, context: Context) -> Option<(char, usize)> {
    let (digits, radix, skip) = match text.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 1),
        None => (text, 10, 0),
    };
    let len = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if len == 0 {
        return None;
    }
    let terminated = digits[len..].starts_with(';');
    // CommonMark: at most 7 decimal or 6 hexadecimal digits, and the `;`.
    let longest = if radix == 10 { 7 } else { 6 };
    if context == Context::Strict && (!terminated || len > longest) {
        return None;
    }
    // Eight digits always fit a u32; longer numbers are out of range anyway.
    let code = match len {
        1..=8 => u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX),
        _ => u32::MAX,
    };
    let character = match code {
        0x80..=0x9f => WINDOWS_1252[code as usize - 0x80],
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    };
    Some((character, skip + len + usize::from(terminated)))
}

/// The names spelled out, back to back, with where each name and each
/// value ends.
struct Table {
    names: String,
    name_ends: Vec<usize>,
    value_ends: Vec<usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            names: String::with_capacity(14_004),
            name_ends: Vec::with_capacity(SHARED.len()),
            value_ends: Vec::with_capacity(SHARED.len()),
        };
        let (mut start, mut suffix, mut value) = (0, 0, 0);
        for at in 0..SHARED.len() {
            let shared = usize::from(SHARED[at]);
            let length = usize::from(SUFFIX_LENGTHS[at]);
            table.names.extend_from_within(start..start + shared);
            table.names.push_str(&SUFFIXES[suffix..suffix + length]);
            suffix += length;
            start = table.name_ends.last().copied().unwrap_or(0);
            table.name_ends.push(table.names.len());
            value += usize::from(VALUE_LENGTHS[at]);
            table.value_ends.push(value);
        }
        table
    })
}

fn named(name: &str) -> Option<Decoded> {
    let table = table();
    let start = |ends: &[usize], at: usize| if at == 0 { 0 } else { ends[at - 1] };
    let (mut low, mut high) = (0, table.name_ends.len());
    while low < high {
        let middle = (low + high) / 2;
        let candidate = &table.names[start(&table.name_ends, middle)..table.name_ends[middle]];
        match candidate.cmp(name) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => {
                let value = &VALUES[start(&table.value_ends, middle)..table.value_ends[middle]];
                let mut chars = value.chars();
                return Some(Decoded(chars.next()?, chars.next()));
            }
        }
    }
    None
}

/// The names HTML lets go without `;` (the HTML 4 Latin-1 ones).
fn legacy(name: &str) -> Option<Decoded> {
    LEGACY.binary_search(&name).ok().and(named(name))
}

/// What `&#128;` to `&#159;` mean in browsers (the Windows-1252 letters).
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_once_and_bad_ones_kept() {
        assert_eq!(
            decode("I don&#x27;t &amp;amp; &lt;b&gt; &bogus; &#0; x & &#x1F600; &eacute;&hellip;&rarr;", Context::Strict),
            "I don't &amp; <b> &bogus; \u{fffd} x & 😀 é…→"
        );
        assert_eq!(
            decode("&#150; &#xD800; &#99999999999;", Context::Text),
            "– \u{fffd} \u{fffd}"
        );
        assert_eq!(
            decode("&#99999999; &#x1000000;", Context::Strict),
            "&#99999999; &#x1000000;",
            "markdown: 7 decimal or 6 hex digits at most"
        );
    }

    #[test]
    fn old_names_work_without_a_semicolon_in_html_text_only() {
        assert_eq!(
            decode("AT&T &copy 2024 &amp &notit; &hellip", Context::Text),
            "AT&T © 2024 & ¬it; &hellip"
        );
        assert_eq!(
            decode("&copy 2024 &amp", Context::Strict),
            "&copy 2024 &amp"
        );
        assert_eq!(
            decode("/?a=1&copy=2&lang=en &copy; &amp x", Context::Attribute),
            "/?a=1&copy=2&lang=en © & x"
        );
    }

    #[test]
    fn the_table_is_sorted_for_binary_search_and_complete() {
        let table = table();
        let names: Vec<&str> = (0..table.name_ends.len())
            .map(|at| {
                let start = if at == 0 { 0 } else { table.name_ends[at - 1] };
                &table.names[start..table.name_ends[at]]
            })
            .collect();
        assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(names.len() + LEGACY.len(), 2231, "the WHATWG list");
        assert_eq!((names[0], names[names.len() - 1]), ("AElig", "zwnj"));
        assert!(LEGACY.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(names.iter().all(|name| named(name).is_some()));
        assert_eq!(table.value_ends.last(), Some(&VALUES.len()));
    }

    #[test]
    fn every_html5_name_decodes_and_legacy_ones_without_semicolon() {
        assert_eq!(
            decode(
                "&Dcaron; &lpar; &check; &ngE; &ClockwiseContourIntegral; &Afr;",
                Context::Text
            ),
            "Ď ( ✓ ≧\u{338} ∲ 𝔄"
        );
        assert_eq!(
            decode("&copy 2024 &lpar &check", Context::Text),
            "© 2024 &lpar &check",
            "only the 106 legacy names go without `;`"
        );
        assert_eq!(decode("&copy 2024", Context::Strict), "&copy 2024");
    }
}
