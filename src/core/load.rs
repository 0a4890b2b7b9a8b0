//! Reading a response into a thread, and saying clearly what went wrong when
//! it cannot be read.

use super::mapping::{apply, Source};
use super::model::ThreadDocument;
use super::path::PathMiss;
use std::fmt;

/// Why a thread could not be shown. Its `Display` is the message readers see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS, refused).
    Network(String),
    /// The server answered with an error status.
    Status {
        /// The HTTP status code.
        status: u16,
        /// The status text, possibly empty.
        text: String,
    },
    /// The body is not JSON at all.
    NotJson(String),
    /// The body is JSON but not a thread: says what and where.
    Shape {
        /// What was wrong.
        detail: String,
        /// The line of the response where reading stopped.
        line: usize,
        /// The column of that line.
        column: usize,
    },
    /// Replies are nested deeper than the JSON reader follows.
    TooDeep,
    /// The mapping's path to the comments finds nothing in the response.
    NotFound(PathMiss),
    /// The widget's settings are wrong (an unknown preset, a broken mapping).
    Setup(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(detail) => {
                write!(f, "Could not reach the comment server ({detail}).")
            }
            LoadError::Status { status, text } if text.is_empty() => {
                write!(f, "The comment server answered with HTTP {status}.")
            }
            LoadError::Status { status, text } => {
                write!(f, "The comment server answered with HTTP {status} {text}.")
            }
            LoadError::NotJson(detail) => {
                write!(
                    f,
                    "The comments could not be read: the response is not valid JSON ({detail})."
                )
            }
            LoadError::Shape {
                detail,
                line,
                column,
            } => write!(
                f,
                "The comments could not be read: {detail} at line {line}, column {column} of the response."
            ),
            LoadError::NotFound(miss) => write!(f, "The comments could not be read: {miss}."),
            LoadError::Setup(problem) => write!(f, "Threadline is not set up right: {problem}."),
            LoadError::TooDeep => write!(
                f,
                "The comments could not be read: replies are nested too deeply. \
                 List deep replies flat, with `parent` ids."
            ),
        }
    }
}

/// Reads a response the way its source says: the native format, or any API
/// through a mapping.
pub fn read_response(body: &str, source: &Source) -> Result<ThreadDocument, LoadError> {
    read_response_from(&mut body.as_bytes(), source)
}

/// Reads a response as it streams out of `reader`, so a big thread is never
/// held whole in memory next to its parsed form. Every read goes through this
/// one reader type: each type serde_json reads from adds its whole parser to
/// the wasm again.
pub fn read_response_from(
    reader: &mut dyn std::io::Read,
    source: &Source,
) -> Result<ThreadDocument, LoadError> {
    read_with(&mut serde_json::Deserializer::from_reader(reader), source)
}

fn read_with<'de, R: serde_json::de::Read<'de>>(
    deserializer: &mut serde_json::Deserializer<R>,
    source: &Source,
) -> Result<ThreadDocument, LoadError> {
    match source {
        Source::Native => parse_with(deserializer),
        Source::Mapped(mapping, preset) => {
            let value = serde::Deserialize::deserialize(&mut *deserializer)
                .and_then(|value: serde_json::Value| deserializer.end().map(|()| value))
                .map_err(|error| {
                    unreadable(&error).unwrap_or_else(|| LoadError::NotJson(error.to_string()))
                })?;
            apply(&value, mapping, preset.as_deref()).map_err(LoadError::NotFound)
        }
    }
}

/// The error for a body that is not JSON at all, or nested too deeply to
/// read; `None` when it is JSON of the wrong shape.
fn unreadable(error: &serde_json::Error) -> Option<LoadError> {
    if error.to_string().starts_with("recursion limit exceeded") {
        Some(LoadError::TooDeep)
    } else if error.is_syntax() || error.is_eof() {
        Some(LoadError::NotJson(error.to_string()))
    } else {
        None
    }
}

/// Parses a native-format response, naming the first problem and where it
/// is. (The place is a line and column: tracking the JSON path as well, with
/// serde_path_to_error, cost 9 KB gzipped.)
pub fn parse_document(body: &str) -> Result<ThreadDocument, LoadError> {
    read_response_from(&mut body.as_bytes(), &Source::Native)
}

fn parse_with<'de, R: serde_json::de::Read<'de>>(
    deserializer: &mut serde_json::Deserializer<R>,
) -> Result<ThreadDocument, LoadError> {
    let document: ThreadDocument = serde::Deserialize::deserialize(&mut *deserializer).map_err(
        |error: serde_json::Error| {
            unreadable(&error).unwrap_or_else(|| {
                let message = error.to_string();
                let detail = match message.rsplit_once(" at line ") {
                    Some((detail, _)) => detail.to_owned(),
                    None => message,
                };
                LoadError::Shape {
                    detail,
                    line: error.line(),
                    column: error.column(),
                }
            })
        },
    )?;
    deserializer
        .end()
        .map_err(|error| LoadError::NotJson(error.to_string()))?;
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(body: &str) -> String {
        match parse_document(body) {
            Ok(_) => panic!("{body} should not parse"),
            Err(error) => error.to_string(),
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
        assert_eq!(document.comments[0].replies[0].score, Some(-3));
        assert!(document.article.is_none());
    }

    #[test]
    fn names_what_is_missing_and_where() {
        assert_eq!(
            message(r#"{"items": []}"#),
            "The comments could not be read: missing field `comments` at line 1, column 13 of the response."
        );
        assert_eq!(
            message(r#"{"comments": [{"id": "a"}, {"body": "no id"}]}"#),
            "The comments could not be read: missing field `id` at line 1, column 44 of the response."
        );
        assert!(message(r#"{"comments": [{"id": true}]}"#)
            .contains("expected the id as a string or a number at line 1, column 26"));
        assert!(message(r#"{"comments": {}}"#).contains("invalid type: map, expected a sequence"));
    }

    #[test]
    fn says_when_the_body_is_not_json() {
        assert!(message("<html>Server error</html>").starts_with(
            "The comments could not be read: the response is not valid JSON (expected value at line 1 column 1)"
        ));
        assert!(message(r#"{"comments": []} trailing"#).contains("not valid JSON"));
        assert!(message("").contains("not valid JSON"));
    }

    #[test]
    fn reads_the_same_from_a_stream_as_from_text() {
        let body =
            r#"{"comments": [{"id": 1, "body": "Hi"}, {"id": 2, "parent": 1, "body": "Ho"}]}"#;
        let streamed = read_response_from(&mut body.as_bytes(), &Source::Native);
        assert_eq!(streamed, parse_document(body));
        assert_eq!(
            read_response_from(&mut &b"{\"items\": []}"[..], &Source::Native)
                .map_err(|error| error.to_string()),
            Err("The comments could not be read: missing field `comments` at line 1, column 13 of the response.".into())
        );
        assert!(read_response_from(&mut &b"{} x"[..], &Source::Native).is_err());
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
    fn describes_http_failures() {
        let error = LoadError::Status {
            status: 500,
            text: "Internal Server Error".into(),
        };
        assert_eq!(
            error.to_string(),
            "The comment server answered with HTTP 500 Internal Server Error."
        );
    }
}
