//! Reading a response into a thread. Bad data is repaired wherever it can
//! be; when a thread cannot be read at all, the reader gets a plain sentence
//! and the site's developers the technical detail.

use super::list_stream::parse_streaming;
use super::mapping::{native_mapping, ListReader, Source};
use super::model::{Article, ArticleBlock, ThreadDocument};
use super::path::PathMiss;
use super::words::{Lang, Words};
use serde_json::Value;
use std::fmt;

/// Why a thread could not be shown. `Display` is the sentence readers see;
/// [`LoadError::detail`] is what the site's developers need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS, refused).
    Network(String),
    /// No answer came in time.
    Timeout(u32),
    /// The server answered with an error status.
    Status {
        /// The HTTP status code.
        status: u16,
        /// The status text, possibly empty.
        text: String,
    },
    /// The body is not JSON at all.
    NotJson(String),
    /// Replies are nested deeper than the JSON reader follows.
    TooDeep,
    /// The path to the comments finds nothing (or no list) in the response.
    NotFound(PathMiss),
    /// The widget's settings are wrong (an unknown preset, a broken mapping).
    Setup(String),
}

/// The reader's sentence in English (the `threadline:error` event's
/// `message` is in the widget's language: see [`LoadError::message`]).
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En.words()))
    }
}

impl LoadError {
    /// What the reader is told, in their language: what happened and what
    /// to do.
    pub fn message(&self, words: &'static Words) -> &'static str {
        match self {
            LoadError::Network(_) => words.error_network,
            LoadError::Timeout(_) => words.error_timeout,
            LoadError::Status {
                status: 404 | 410, ..
            } => words.error_not_found,
            LoadError::Status { .. } => words.error_status,
            LoadError::NotJson(_) | LoadError::TooDeep | LoadError::NotFound(_) => {
                words.error_shape
            }
            LoadError::Setup(_) => words.error_setup,
        }
    }

    /// The technical detail for the console and the `threadline:error`
    /// event: the status, the JSON error and where it is, the mapping path.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(detail) => format!("the request failed: {detail}"),
            LoadError::Timeout(seconds) => format!("no answer within {seconds} seconds"),
            LoadError::Status { status, text } => format!("HTTP {status} {text}").trim().to_owned(),
            LoadError::NotJson(detail) => format!("the response is not valid JSON: {detail}"),
            LoadError::TooDeep => {
                "replies are nested too deeply to read; list deep replies flat, with `parent` ids"
                    .to_owned()
            }
            LoadError::NotFound(miss) => miss.to_string(),
            LoadError::Setup(problem) => format!("the settings are wrong: {problem}"),
        }
    }
}

/// Reads a response the way its source says: the native format, or any API
/// through a mapping.
pub fn read_response(body: &str, source: &Source) -> Result<ThreadDocument, LoadError> {
    read_response_bytes(body.as_bytes(), source)
}

/// Reads a response body as it came over the network. As browsers do, a
/// byte-order mark is skipped and bytes that are not UTF-8 become U+FFFD,
/// so one bad byte never loses a thread.
pub fn read_response_bytes(
    body: impl Into<Vec<u8>>,
    source: &Source,
) -> Result<ThreadDocument, LoadError> {
    read_body(body, source).map(|read| read.document)
}

/// A response read: its comments, and what else it says, for paging and
/// counts.
pub struct ReadBody {
    /// The comments (and article, in the native format).
    pub document: ThreadDocument,
    /// The parsed response with its comment list left empty.
    pub rest: Value,
    /// How many items the comment list held.
    pub listed: usize,
}

/// Reads a response body at once (see [`Reading`] for a few comments at a
/// time).
pub fn read_body(body: impl Into<Vec<u8>>, source: &Source) -> Result<ReadBody, LoadError> {
    let mut reading = Reading::start(body, source)?;
    reading.step(usize::MAX)?;
    reading.finish()
}

/// A response being read a few comments at a time, so that no one browser
/// task reads a whole thread. The first pass checks the JSON and reads
/// everything but the comment list, whose items are kept as places in the
/// text; each step reads some of them, from the last, and gives the text
/// behind them back, so the text and the comments read from it are never
/// both held whole. The native format is read like a mapped API: one bad
/// comment is skipped and counted and one bad field left out, never the
/// thread; a broken article is left out with its broken blocks.
pub struct Reading<'m> {
    /// The response's text up to the items still to read.
    text: String,
    /// Where each item of the list is in the text.
    items: Vec<(usize, usize)>,
    /// How many items, from the first, are still to read.
    left: usize,
    /// The parsed response, its comment list left empty.
    rest: Value,
    /// What the items read so far gave.
    reader: ListReader<'m>,
    /// Whether it is Threadline's own format, with an id and an article.
    native: bool,
}

impl<'m> Reading<'m> {
    /// Checks the JSON of `body`, read as browsers read it: a byte-order
    /// mark is skipped and bytes that are not UTF-8 become U+FFFD, so one
    /// bad byte never loses a thread.
    pub fn start(body: impl Into<Vec<u8>>, source: &'m Source) -> Result<Self, LoadError> {
        let (mapping, preset) = match source {
            Source::Native => (native_mapping(), Some("threadline")),
            Source::Mapped(mapping, preset) => (&**mapping, preset.as_deref()),
        };
        let text = text_of(body.into());
        let steps = mapping.comments.steps();
        let scan = |text: &str| {
            let mut items = Vec::new();
            let base = text.as_ptr() as usize;
            let rest = parse_streaming(text, steps, &mut |item| {
                let at = item.get().as_ptr() as usize - base;
                items.push((at, at + item.get().len()));
            });
            rest.map(|rest| (rest, items))
        };
        let scanned = match scan(&text) {
            // A number too large for a double (`1e400`) is read as the text
            // it is, so an id or score like that costs one comment's field,
            // not the thread.
            Err(error) if error.to_string().starts_with("number out of range") => {
                let quoted = quote_huge_numbers(&text);
                scan(&quoted).map(|scanned| (quoted, scanned))
            }
            scanned => scanned.map(|scanned| (text, scanned)),
        };
        let (text, (rest, items)) = scanned.map_err(|error| json_error(error, None))?;
        let mut reader = ListReader::new(mapping, preset);
        reader.reserve(items.len());
        // A path with a filter is followed in the parsed response instead.
        if steps.is_none() {
            reader.list(&rest);
        }
        Ok(Reading {
            text,
            left: items.len(),
            items,
            rest,
            reader,
            native: matches!(source, Source::Native),
        })
    }

    /// Reads up to `most` more items of the list, the last first; says
    /// whether any are left.
    pub fn step(&mut self, most: usize) -> Result<bool, LoadError> {
        let first = self.left.saturating_sub(most);
        for &(from, to) in self.items[first..self.left].iter().rev() {
            let item = &self.text[from..to];
            let value = match serde_json::from_str::<Value>(item) {
                // As above, for a number in this item.
                Err(error) if error.to_string().starts_with("number out of range") => {
                    serde_json::from_str(&quote_huge_numbers(item))
                }
                value => value,
            };
            match value {
                Ok(value) => self.reader.item_before(&value),
                Err(error) => return Err(json_error(error, Some((&self.text, from)))),
            }
        }
        self.left = first;
        // The text from the first item read on is done with: the allocator
        // splits it off in place, for the comments still to come.
        if first == 0 {
            self.text = String::new();
        } else if let Some(&(from, _)) = self.items.get(first) {
            self.text.truncate(from);
            self.text.shrink_to_fit();
        }
        Ok(first > 0)
    }

    /// The thread read, once every step has been taken.
    pub fn finish(self) -> Result<ReadBody, LoadError> {
        let listed = self.reader.items;
        let rest = self.rest;
        let mut document = self.reader.finish(&rest).map_err(LoadError::NotFound)?;
        if self.native {
            document.id = match rest.get("id") {
                Some(Value::String(text)) if !text.is_empty() => Some(text.clone()),
                Some(Value::Number(number)) => Some(number.to_string()),
                _ => None,
            };
            document.article = rest.get("article").and_then(read_article);
        }
        Ok(ReadBody {
            document,
            rest,
            listed,
        })
    }
}

/// What a JSON error tells the site's developers. An error in the item
/// at byte `from` of `text` says the line and column it has in the whole
/// response, as reading the response whole says.
fn json_error(error: serde_json::Error, item: Option<(&str, usize)>) -> LoadError {
    let told = error.to_string();
    if told.starts_with("recursion limit exceeded") {
        return LoadError::TooDeep;
    }
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match (item, told.strip_suffix(&suffix)) {
        (Some((text, from)), Some(what)) if error.line() > 0 => {
            let before = &text[..from];
            let line = before.matches('\n').count() + error.line();
            let column = match error.line() {
                1 => before.len() - before.rfind('\n').map_or(0, |at| at + 1) + error.column(),
                _ => error.column(),
            };
            LoadError::NotJson(format!("{what} at line {line} column {column}"))
        }
        _ => LoadError::NotJson(told),
    }
}

/// A body's text: without a byte-order mark, invalid bytes replaced; the
/// body itself when it is UTF-8 already.
fn text_of(mut body: Vec<u8>) -> String {
    if body.starts_with(b"\xEF\xBB\xBF") {
        body.drain(..3);
    }
    String::from_utf8(body)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Puts quotes around the numbers outside strings that overflow a double.
/// One pass, so it stays linear however many there are.
fn quote_huge_numbers(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let (mut copied, mut at, mut in_string) = (0, 0, false);
    while at < bytes.len() {
        let byte = bytes[at];
        if in_string {
            match byte {
                b'\\' => at += 1,
                b'"' => in_string = false,
                _ => {}
            }
            at += 1;
        } else if byte == b'"' {
            in_string = true;
            at += 1;
        } else if byte == b'-' || byte.is_ascii_digit() {
            let start = at;
            while at < bytes.len()
                && matches!(bytes[at], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
            {
                at += 1;
            }
            let number = &text[start..at];
            if number.parse::<f64>().is_ok_and(f64::is_infinite) {
                out.push_str(&text[copied..start]);
                out.push('"');
                out.push_str(number);
                out.push('"');
                copied = at;
            }
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn read_article(value: &Value) -> Option<Article> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(Article {
        title: text("title")?,
        published: text("published"),
        byline: text("byline"),
        body: match value.get("body") {
            Some(Value::Array(blocks)) => blocks.iter().filter_map(ArticleBlock::read).collect(),
            _ => Vec::new(),
        },
    })
}

/// Parses a native-format response (tests and tools).
pub fn parse_document(body: &str) -> Result<ThreadDocument, LoadError> {
    read_response(body, &Source::Native)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of a document's comments, in order.
    fn ids(document: &ThreadDocument) -> Vec<&str> {
        document.comments.iter().map(|c| c.id.as_str()).collect()
    }

    fn detail(body: &str) -> String {
        match parse_document(body) {
            Ok(_) => panic!("{body} should not parse"),
            Err(error) => error.detail(),
        }
    }

    #[test]
    fn reads_a_nested_thread_with_numeric_ids() {
        let document = parse_document(
            r#"{"id": 7, "comments": [{"id": 1, "author": "Ann", "body": "Hi",
                "replies": [{"id": "2", "body": "Hello", "score": -3}]}]}"#,
        )
        .expect("valid document");
        assert_eq!(document.id.as_deref(), Some("7"));
        assert_eq!(document.comments[0].id, "1");
        assert_eq!(document.comments[1].parent.as_deref(), Some("1"));
        assert_eq!(document.comments[1].score, Some(-3));
        assert!(document.article.is_none());
    }

    #[test]
    fn one_bad_field_costs_that_field_and_one_bad_comment_that_comment() {
        let document = parse_document(
            r#"{"comments": [
                {"id": "a", "score": 1.5, "body": null, "author": 7, "format": "rtf"},
                {"id": 1e400, "body": "huge id"},
                {"id": "c", "score": 1e400, "created": "not a date", "deleted": "yes?", "replies": 5},
                {"body": "no id"}, 42, null, {"id": {"x": 1}}, {"id": true}]}"#,
        )
        .expect("the thread is read");
        assert_eq!(document.skipped, 5);
        assert_eq!(ids(&document), ["a", "1e400", "c"]);
        let a = &document.comments[0];
        assert_eq!(
            (a.score, &*a.body, a.author.as_deref()),
            (Some(2), "", Some("7"))
        );
        assert_eq!(
            a.format,
            super::super::model::BodyFormat::Text,
            "an unknown format is plain text"
        );
        assert_eq!(
            document.comments[2].score, None,
            "a score no number can hold"
        );
    }

    #[test]
    fn a_byte_order_mark_and_bad_bytes_are_read_as_browsers_read_them() {
        let mut body =
            b"\xEF\xBB\xBF{\"comments\": [{\"id\": \"a\", \"body\": \"caf\xE9 ok\"}]}".to_vec();
        let document = read_response_bytes(body.clone(), &Source::Native).expect("read");
        assert_eq!(&*document.comments[0].body, "caf\u{FFFD} ok");
        body.truncate(body.len() - 4);
        assert!(
            read_response_bytes(body, &Source::Native).is_err(),
            "cut short is still not JSON"
        );
    }

    #[test]
    fn a_broken_article_keeps_its_good_blocks_or_is_left_out() {
        let document = parse_document(
            r#"{"article": {"title": "T", "body": [{"type": "paragraph", "text": "ok"}, {"type": "video"}, 3]},
                "comments": []}"#,
        )
        .expect("read");
        assert_eq!(document.article.map(|a| a.body.len()), Some(1));
        let document =
            parse_document(r#"{"article": {"title": 5}, "comments": []}"#).expect("read");
        assert!(document.article.is_none());
    }

    #[test]
    fn names_what_is_missing_for_the_developer_and_not_the_reader() {
        assert_eq!(
            detail(r#"{"items": []}"#),
            "no `comments` in the response; its top-level has one key, items"
        );
        assert!(detail(r#"{"comments": {}}"#).starts_with("no list at `comments`"));
        let error = parse_document(r#"{"items": []}"#).unwrap_err();
        assert!(!error.to_string().contains('`'), "{error}");
    }

    #[test]
    fn says_when_the_body_is_not_json() {
        assert_eq!(
            detail("<html>Server error</html>"),
            "the response is not valid JSON: expected value at line 1 column 1"
        );
        assert!(detail(r#"{"comments": []} trailing"#).contains("not valid JSON"));
        assert!(detail("").contains("not valid JSON"));
    }

    #[test]
    fn says_when_nesting_is_too_deep() {
        let mut body = String::from(r#"{"comments": ["#);
        for i in 0..200 {
            body.push_str(&format!(r#"{{"id": {i}, "replies": ["#));
        }
        body.push_str(&"]}".repeat(200));
        body.push_str("]}");
        assert_eq!(parse_document(&body), Err(LoadError::TooDeep));
    }

    #[test]
    fn readers_get_sentences_and_developers_the_status() {
        let error = LoadError::Status {
            status: 500,
            text: "Internal Server Error".into(),
        };
        assert_eq!(error.detail(), "HTTP 500 Internal Server Error");
        for error in [
            error,
            LoadError::Network("JsValue(TypeError: Failed to fetch)".into()),
            LoadError::Timeout(15),
            LoadError::NotJson("expected value".into()),
            LoadError::TooDeep,
            LoadError::Setup("there is no preset `x`".into()),
        ] {
            let message = error.to_string();
            for technical in ["HTTP", "JSON", "JsValue", "`", "line"] {
                assert!(!message.contains(technical), "{message}");
            }
            assert!(message.ends_with('.'), "{message}");
        }
    }

    #[test]
    fn a_list_read_while_parsing_gives_what_the_parsed_response_gave() {
        let mapped =
            |mapping: &str| Source::configure(None, Some(mapping)).expect("a valid mapping");
        // Reddit's shape (an index on the way), and an id too large for a
        // double, which takes the second reading.
        let body = br#"[{"kind": "t3"}, {"data": {"after": "x", "children": [
            {"id": 1e400, "body": "a", "replies": [{"id": 2, "body": "b"}]},
            {"id": 3, "body": "c"}]}}]"#;
        let read = read_body(
            body,
            &mapped(r#"{"comments": "1.data.children", "tree": {"nested": "replies"}, "id": "id", "body": "body"}"#),
        )
        .expect("reads");
        assert_eq!(ids(&read.document), ["1e400", "2", "3"]);
        assert_eq!(read.document.comments[1].parent.as_deref(), Some("1e400"));
        assert_eq!(
            read.listed, 2,
            "top-level items, as a paged API's offset counts"
        );
        assert_eq!(read.rest[1]["data"]["after"], "x", "the rest is kept");
        // A path ending in a filter is followed in the parsed response.
        let filtered = read_body(
            br#"{"lists": [{"kind": "old", "items": []}, {"kind": "new", "items": [{"id": 7}]}]}"#,
            &mapped(r#"{"comments": "lists[kind=new].items", "id": "id"}"#),
        )
        .expect("reads");
        assert_eq!(filtered.document.comments[0].id, "7");
        assert_eq!(filtered.listed, 1);
        let at_the_top = read_body(
            br#"[{"kind": "old", "items": [{"id": 1}]}, {"kind": "new", "items": [{"id": 7}]}]"#,
            &mapped(r#"{"comments": "[kind=new].items", "id": "id"}"#),
        )
        .expect("reads");
        assert_eq!(ids(&at_the_top.document), ["7"]);
    }

    #[test]
    fn read_in_steps_it_is_the_thread_read_at_once() {
        let body = br#"{"id": 9, "comments": [{"id": 1, "body": "a", "replies": [{"id": 5},
            {"id": 6, "replies": [{"id": 7}]}]}, {"id": 2, "parent": 1},
            {"body": "no id"}, {"id": 3, "score": 1e400}, {"id": 4}]}"#;
        let whole = read_body(body, &Source::Native).expect("reads");
        let mut reading = Reading::start(body, &Source::Native).expect("JSON");
        assert!(reading.step(0).expect("reads"), "none read, all left");
        let mut steps = 1;
        while reading.step(2).expect("reads") {
            steps += 1;
        }
        let stepped = reading.finish().expect("reads");
        assert_eq!(steps, 3, "five items, two a step");
        assert_eq!(stepped.document, whole.document);
        assert_eq!(
            ids(&stepped.document),
            ["1", "5", "6", "7", "2", "3", "4"],
            "in the response's order"
        );
        assert_eq!((stepped.listed, stepped.document.skipped), (5, 1));
        assert_eq!(stepped.document.id.as_deref(), Some("9"));
        // Placeholders for replies left out come after the comments, in order.
        let mapping = r#"{"comments": "items", "tree": {"nested": "replies"}, "id": "id",
            "parent": "parent", "replyCount": "n"}"#;
        let source = Source::configure(None, Some(mapping)).expect("a mapping");
        let body = br#"{"items": [{"id": "a", "n": 3, "replies": [{"id": "r", "n": 1}]},
            {"id": "b", "n": 1}, {"id": "c", "parent": "a"}]}"#;
        let mut reading = Reading::start(body, &source).expect("JSON");
        while reading.step(1).expect("reads") {}
        let stepped = reading.finish().expect("reads").document;
        assert_eq!(
            ids(&stepped),
            ["a", "r", "b", "c", "a:more", "r:more", "b:more"]
        );
        assert_eq!(stepped, read_body(body, &source).expect("reads").document);
    }

    #[test]
    fn an_error_in_a_comment_is_placed_in_the_whole_response() {
        // Checked only when the comment is read: a lone surrogate.
        for body in [
            "{\"comments\": [{\"id\": 1},\n  {\"id\": 2, \"body\": \"\\ud800\"}]}",
            "{\"comments\": [{\"id\": 1}, {\"id\": 2,\n\"body\": \"\\ud800\"}]}",
        ] {
            let theirs = serde_json::from_str::<Value>(body).expect_err("bad JSON");
            assert_eq!(
                detail(body),
                format!("the response is not valid JSON: {theirs}")
            );
        }
    }

    #[test]
    fn huge_numbers_are_quoted_only_outside_strings() {
        assert_eq!(
            quote_huge_numbers(
                r#"{"a": 1e400, "b": "1e400", "c": [-1E999, 2.5], "d": "\"", "e": 1e5}"#
            ),
            r#"{"a": "1e400", "b": "1e400", "c": ["-1E999", 2.5], "d": "\"", "e": 1e5}"#
        );
    }
}
