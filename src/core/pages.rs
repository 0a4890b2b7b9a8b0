//! Comment APIs that answer a page at a time (WordPress, GitHub, Lemmy...):
//! where the next page is, when the last one has come, and how many
//! comments the whole thread holds. Pure: the effects fetch, this decides.

use super::path::JsonPath;
use super::template::fill;
use super::url::encode_component;
use serde::Deserialize;
use serde_json::Value;

/// The `pages` key of a mapping: how a paged API's next page is found.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pages {
    /// How the next page is found.
    pub next: Next,
    /// The number of the first page, for `{page}` (APIs that count from 0).
    #[serde(default = "first_page")]
    pub first: u64,
    /// The query parameter that carries the page number or offset when the
    /// URL has no `{page}` or `{offset}`: `page` or `offset` unless named.
    #[serde(default)]
    pub param: Option<String>,
    /// How many pages there are: a path in the response or a header.
    #[serde(default)]
    pub total_pages: Option<Count>,
    /// How many comments are left after this page, when the API says
    /// (Isso's `hidden_replies`): none left ends it without asking again.
    #[serde(default)]
    pub remaining: Option<Count>,
    /// `all` loads every page at once; `scroll` (the default) the next one
    /// when the reader nears the end.
    #[serde(default)]
    pub prefetch: Prefetch,
    /// At most this many pages in all: a guard against an API that never
    /// says it is done.
    #[serde(default = "max_pages")]
    pub max: usize,
}

fn first_page() -> u64 {
    1
}

fn max_pages() -> usize {
    50
}

impl Pages {
    /// Whether the site's URL has what this way of paging fills in: a
    /// cursor needs `{cursor}`, where it goes.
    pub fn check(&self, url: &str) -> Result<(), String> {
        match self.next {
            Next::Cursor(_) if !url.contains("{cursor}") => Err(
                "`pages` reads a cursor, so data-src needs {cursor} where it goes (`?after={cursor}`)"
                    .to_owned(),
            ),
            _ => Ok(()),
        }
    }
}

/// How the next page is found.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Next {
    /// The page number counts up (`{page}`, or the `page` parameter); an
    /// empty page or the page count ends it (Lemmy, WordPress).
    Page,
    /// The offset grows by each page's comments (`{offset}`, or the
    /// `offset` parameter).
    Offset,
    /// The `Link` header's `rel="next"` URL (GitHub, WordPress).
    Link,
    /// A URL in the response, at this path.
    Url(JsonPath),
    /// A cursor in the response, at this path, fills `{cursor}`.
    Cursor(JsonPath),
    /// Every id listed in the first response, fetched a chunk at a time
    /// (Discourse's `post_stream.stream`).
    Ids(IdChunks),
}

/// How a list of ids in the first response is fetched in chunks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdChunks {
    /// Where the list of every id is in the first response.
    pub path: JsonPath,
    /// The URL of a chunk: `{src}` is the thread's URL, `{base}` the same
    /// without its query and `.json`; `{ids}` the chunk's ids, comma-separated,
    /// unless `param` names a query parameter repeated for each id.
    pub url: String,
    /// The query parameter each id is sent as (`post_ids[]`).
    #[serde(default)]
    pub param: Option<String>,
    /// How many ids a chunk asks for.
    #[serde(default = "chunk_size")]
    pub chunk: usize,
}

fn chunk_size() -> usize {
    20
}

/// When later pages load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Prefetch {
    /// As the reader nears the end of what is shown.
    #[default]
    Scroll,
    /// All of them, one after another, as soon as the first has rendered.
    All,
}

/// A number in a response: at a path, or in a header (`{"header": "X-WP-Total"}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Count {
    /// A response header.
    Header {
        /// The header's name.
        header: String,
    },
    /// A path in the response's JSON.
    Path(JsonPath),
}

impl Count {
    /// The number, if the response has one there (text like "446" counts).
    pub fn read(&self, response: &Value, header: &dyn Fn(&str) -> Option<String>) -> Option<u64> {
        let number = match self {
            Count::Header { header: name } => header(name)?.trim().parse::<f64>().ok()?,
            Count::Path(path) => match path.get(response)? {
                Value::Number(number) => number.as_f64()?,
                Value::String(text) => text.trim().parse::<f64>().ok()?,
                _ => return None,
            },
        };
        (number.is_finite() && number >= 0.0).then_some(number as u64)
    }
}

/// One page's answer, as far as finding the next page goes.
pub struct Answer<'a> {
    /// The response's JSON.
    pub response: &'a Value,
    /// A response header by name.
    pub header: &'a dyn Fn(&str) -> Option<String>,
    /// How many items the page's list held (top-level comments, for a
    /// nested tree).
    pub comments: usize,
}

/// Where a paged thread stands between pages.
#[derive(Debug, Clone, PartialEq)]
pub struct PageCursor {
    /// The site's URL, with its placeholders.
    template: String,
    /// Pages asked for so far.
    fetched: usize,
    page: u64,
    offset: u64,
    /// The URL of the page asked for last.
    last: String,
    /// For id chunks: every id, and how many of them have been asked for.
    ids: Vec<String>,
    asked: usize,
}

impl PageCursor {
    /// The cursor before the first page, and that page's URL.
    pub fn start(template: &str, pages: &Pages) -> (PageCursor, String) {
        let mut cursor = PageCursor {
            template: template.to_owned(),
            fetched: 1,
            page: pages.first,
            offset: 0,
            last: String::new(),
            ids: Vec::new(),
            asked: 0,
        };
        let url = cursor.numbered(pages);
        cursor.last = url.clone();
        (cursor, url)
    }

    /// Takes in the answer to the page asked for last and says where the
    /// next page is; `None` when that was the last one.
    pub fn next(&mut self, pages: &Pages, answer: &Answer) -> Option<String> {
        let read = |count: &Option<Count>| {
            count
                .as_ref()
                .and_then(|count| count.read(answer.response, answer.header))
        };
        let total = read(&pages.total_pages);
        if answer.comments == 0
            || self.fetched >= pages.max
            || total.is_some_and(|total| self.fetched as u64 >= total)
            || read(&pages.remaining) == Some(0)
        {
            return None;
        }
        let url = match &pages.next {
            Next::Page => {
                self.page += 1;
                self.numbered(pages)
            }
            Next::Offset => {
                self.offset += answer.comments as u64;
                self.numbered(pages)
            }
            Next::Link => next_link(&(answer.header)("link")?)?,
            Next::Url(path) => text(path.get(answer.response)?)?,
            Next::Cursor(path) => {
                let cursor = text(path.get(answer.response)?)?;
                fill(&self.template, &[("cursor", &encode_component(&cursor))])
            }
            Next::Ids(chunks) => self.chunk(chunks, answer)?,
        };
        // An API that answers with the same page again is done.
        if url == self.last {
            return None;
        }
        self.fetched += 1;
        self.last = url.clone();
        Some(url)
    }

    /// The URL of the next chunk of ids: the first response lists them all
    /// and holds the first of them.
    fn chunk(&mut self, chunks: &IdChunks, answer: &Answer) -> Option<String> {
        if self.fetched == 1 {
            self.ids = match chunks.path.get(answer.response)? {
                Value::Array(ids) => ids.iter().filter_map(text).collect(),
                _ => return None,
            };
            self.asked = answer.comments;
        }
        let chunk = self.ids.get(self.asked..)?;
        let chunk = &chunk[..chunk.len().min(chunks.chunk.max(1))];
        if chunk.is_empty() {
            return None;
        }
        self.asked += chunk.len();
        let without_query = self.template.split(['?', '#']).next().unwrap_or("");
        let base = without_query.strip_suffix(".json").unwrap_or(without_query);
        let ids: Vec<String> = chunk.iter().map(|id| encode_component(id)).collect();
        let url = fill(
            &chunks.url,
            &[
                ("src", &self.template),
                ("base", base),
                ("ids", &ids.join(",")),
            ],
        );
        Some(match &chunks.param {
            Some(name) => {
                let name = encode_component(name);
                let pairs: Vec<String> = ids.iter().map(|id| format!("{name}={id}")).collect();
                let joiner = if url.contains('?') { '&' } else { '?' };
                format!("{url}{joiner}{}", pairs.join("&"))
            }
            None => url,
        })
    }

    /// The URL for the current page number or offset: the template's
    /// placeholders filled, or the parameter set.
    fn numbered(&self, pages: &Pages) -> String {
        let (page, offset) = (self.page.to_string(), self.offset.to_string());
        let filled = fill(
            &self.template,
            &[("page", &page), ("offset", &offset), ("cursor", "")],
        );
        let (name, value, at_start) = match pages.next {
            Next::Page => ("page", &page, self.page == pages.first),
            Next::Offset => ("offset", &offset, self.offset == 0),
            _ => return filled,
        };
        // With its placeholder the URL says where the number goes; without
        // one, the first page is the site's URL as written and later pages
        // set the parameter.
        if at_start || self.template.contains(&format!("{{{name}}}")) {
            return filled;
        }
        with_param(&filled, pages.param.as_deref().unwrap_or(name), value)
    }
}

/// A string or number as text, if not empty.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The `rel="next"` URL of a `Link` header (RFC 8288):
/// `<https://api.github.com/...?page=2>; rel="next", <...>; rel="last"`.
pub fn next_link(header: &str) -> Option<String> {
    let mut rest = header;
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>')?;
        let url = &rest[open + 1..close];
        let params_end = rest[close..].find('<').map_or(rest.len(), |at| close + at);
        let params = &rest[close + 1..params_end];
        let is_next = params.split(';').any(|param| {
            param.split_once('=').is_some_and(|(key, value)| {
                key.trim().eq_ignore_ascii_case("rel")
                    && value
                        .trim_matches(|c: char| c == ',' || c == '"' || c.is_whitespace())
                        .split_ascii_whitespace()
                        .any(|rel| rel.eq_ignore_ascii_case("next"))
            })
        });
        if is_next && !url.trim().is_empty() {
            return Some(url.trim().to_owned());
        }
        rest = &rest[params_end..];
    }
    None
}

/// `url` with the query parameter `name` set to `value` (replaced if it is
/// there, added if not), before any `#fragment`.
pub fn with_param(url: &str, name: &str, value: &str) -> String {
    let (base, fragment) = url
        .split_once('#')
        .map_or((url, None), |(b, f)| (b, Some(f)));
    let (path, query) = base.split_once('?').map_or((base, ""), |(p, q)| (p, q));
    let name = encode_component(name);
    let pair = format!("{name}={}", encode_component(value));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| pair.split('=').next() != Some(name.as_str()))
        .collect();
    pairs.push(&pair);
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pages(json: &str) -> Pages {
        serde_json::from_str(json).expect("valid pages")
    }

    /// Asks for pages until the cursor stops, each answered by `answer`
    /// (comments on the page, the response, headers).
    fn walk(
        template: &str,
        pages: &Pages,
        answer: impl Fn(&str) -> (usize, Value, Vec<(&'static str, String)>),
    ) -> Vec<String> {
        let (mut cursor, mut url) = PageCursor::start(template, pages);
        let mut urls = vec![url.clone()];
        loop {
            let (comments, response, headers) = answer(&url);
            let header = |name: &str| {
                headers
                    .iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .map(|(_, value)| value.clone())
            };
            let answer = Answer {
                response: &response,
                header: &header,
                comments,
            };
            match cursor.next(pages, &answer) {
                Some(next) => {
                    url = next;
                    urls.push(url.clone());
                }
                None => return urls,
            }
            assert!(urls.len() < 100, "the cursor never stopped");
        }
    }

    #[test]
    fn page_numbers_count_up_until_an_empty_page() {
        let lemmy = pages(r#"{"next": "page"}"#);
        let urls = walk("/api/v3/comment/list?post_id=7", &lemmy, |url| {
            let full = !url.contains("page=3");
            (usize::from(full) * 10, json!({}), vec![])
        });
        assert_eq!(
            urls,
            [
                "/api/v3/comment/list?post_id=7",
                "/api/v3/comment/list?post_id=7&page=2",
                "/api/v3/comment/list?post_id=7&page=3"
            ]
        );
    }

    #[test]
    fn page_numbers_stop_at_the_page_count() {
        let wordpress = pages(r#"{"next": "page", "totalPages": {"header": "X-WP-TotalPages"}}"#);
        let urls = walk(
            "/wp-json/wp/v2/comments?post=1&page={page}",
            &wordpress,
            |_| (10, json!([]), vec![("x-wp-totalpages", "3".to_owned())]),
        );
        assert_eq!(urls.len(), 3);
        assert_eq!(urls[2], "/wp-json/wp/v2/comments?post=1&page=3");
        let zero = pages(r#"{"next": "page", "first": 0, "totalPages": "meta.pages"}"#);
        let urls = walk("/c?p={page}", &zero, |_| {
            (5, json!({"meta": {"pages": "2"}}), vec![])
        });
        assert_eq!(urls, ["/c?p=0", "/c?p=1"]);
    }

    #[test]
    fn offsets_grow_by_each_page() {
        let offset = pages(r#"{"next": "offset", "param": "skip"}"#);
        let urls = walk("/c?limit=20", &offset, |url| {
            let comments = match url {
                _ if url.ends_with("skip=40") => 3,
                _ if url.ends_with("skip=43") => 0,
                _ => 20,
            };
            (comments, json!({}), vec![])
        });
        assert_eq!(
            urls,
            [
                "/c?limit=20",
                "/c?limit=20&skip=20",
                "/c?limit=20&skip=40",
                "/c?limit=20&skip=43"
            ]
        );
    }

    #[test]
    fn link_headers_next_urls_and_cursors() {
        let github = pages(r#"{"next": "link"}"#);
        let urls = walk("/repos/o/r/issues/1/comments", &github, |url| {
            let link = match url {
                "/repos/o/r/issues/1/comments" => {
                    r#"<https://api.github.com/c?page=2>; rel="next", <https://api.github.com/c?page=2>; rel="last""#
                }
                _ => {
                    r#"<https://api.github.com/c?page=1>; rel="prev", <https://api.github.com/c?page=1>; rel="first""#
                }
            };
            (30, json!([]), vec![("Link", link.to_owned())])
        });
        assert_eq!(
            urls,
            [
                "/repos/o/r/issues/1/comments",
                "https://api.github.com/c?page=2"
            ]
        );

        let body = pages(r#"{"next": {"url": "links.next"}}"#);
        let urls = walk("/c", &body, |url| {
            let next = if url == "/c" {
                json!("/c?after=x")
            } else {
                Value::Null
            };
            (5, json!({"links": {"next": next}}), vec![])
        });
        assert_eq!(urls, ["/c", "/c?after=x"]);

        let cursor = pages(r#"{"next": {"cursor": "next_cursor"}}"#);
        let urls = walk("/c?cursor={cursor}", &cursor, |_| {
            (5, json!({"next_cursor": "a b"}), vec![])
        });
        // The same cursor again would ask for the same page: it stops.
        assert_eq!(urls, ["/c?cursor=", "/c?cursor=a%20b"]);
    }

    #[test]
    fn a_count_of_what_is_left_ends_paging_without_an_empty_page() {
        let isso = pages(r#"{"next": "offset", "remaining": "hidden_replies"}"#);
        let urls = walk("/?uri=%2Fs&limit=10", &isso, |url| {
            let left = if url.ends_with("offset=20") { 0 } else { 5 };
            (10, json!({"hidden_replies": left}), vec![])
        });
        assert_eq!(
            urls,
            [
                "/?uri=%2Fs&limit=10",
                "/?uri=%2Fs&limit=10&offset=10",
                "/?uri=%2Fs&limit=10&offset=20"
            ]
        );
        let whole = walk("/?uri=%2Fs", &isso, |_| {
            (3, json!({"hidden_replies": 0}), vec![])
        });
        assert_eq!(whole.len(), 1, "a thread that came whole asks nothing more");
    }

    #[test]
    fn id_lists_come_a_chunk_at_a_time() {
        let discourse = pages(
            r#"{"next": {"ids": {"path": "post_stream.stream", "url": "{base}/posts.json", "param": "post_ids[]", "chunk": 2}}}"#,
        );
        let first = json!({"post_stream": {"stream": [11, 12, 13, 14, 15]}});
        let urls = walk(
            "https://forum.example/t/7.json?print=true",
            &discourse,
            |url| {
                (
                    if url.contains("posts.json") { 2 } else { 1 },
                    first.clone(),
                    vec![],
                )
            },
        );
        assert_eq!(
            urls,
            [
                "https://forum.example/t/7.json?print=true",
                "https://forum.example/t/7/posts.json?post_ids%5B%5D=12&post_ids%5B%5D=13",
                "https://forum.example/t/7/posts.json?post_ids%5B%5D=14&post_ids%5B%5D=15",
            ]
        );
    }

    #[test]
    fn a_page_cap_stops_an_endless_api() {
        let endless = pages(r#"{"next": "page", "max": 4}"#);
        assert_eq!(walk("/c", &endless, |_| (1, json!({}), vec![])).len(), 4);
    }

    #[test]
    fn counts_come_from_paths_or_headers() {
        let none = |_: &str| None;
        let header = |name: &str| (name == "X-WP-Total").then(|| " 446 ".to_owned());
        let posts: Count = serde_json::from_str(r#""posts_count""#).expect("a path");
        let total: Count = serde_json::from_str(r#"{"header": "X-WP-Total"}"#).expect("a header");
        assert_eq!(posts.read(&json!({"posts_count": 446}), &none), Some(446));
        assert_eq!(posts.read(&json!({"posts_count": "12"}), &none), Some(12));
        assert_eq!(posts.read(&json!({"posts_count": -3}), &none), None);
        assert_eq!(total.read(&json!({}), &header), Some(446));
        assert_eq!(total.read(&json!({}), &none), None);
    }

    #[test]
    fn link_headers_in_every_shape() {
        assert_eq!(next_link(r#"<a>; rel="next""#).as_deref(), Some("a"));
        assert_eq!(
            next_link(r#"<a>; rel=prev, <b>; title="x"; rel=next"#).as_deref(),
            Some("b")
        );
        assert_eq!(next_link(r#"<a>; rel="prev next""#).as_deref(), Some("a"));
        assert_eq!(next_link(r#"<a>; rel="last""#), None);
        assert_eq!(next_link("garbage <"), None);
        assert_eq!(next_link(""), None);
    }

    #[test]
    fn query_parameters_are_set_once() {
        assert_eq!(with_param("/c", "page", "2"), "/c?page=2");
        assert_eq!(with_param("/c?page=1&a=b", "page", "2"), "/c?a=b&page=2");
        assert_eq!(with_param("/c?a=b#top", "page", "2"), "/c?a=b&page=2#top");
        assert_eq!(with_param("/c?", "a b", "c&d"), "/c?a%20b=c%26d");
    }
}
