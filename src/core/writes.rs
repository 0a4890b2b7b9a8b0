//! Presets that write: with `data-writes="preset"`, a preset's own write
//! settings (where votes, comments, edits and deletions go, in the API's
//! documented requests) stand in for the `data-` attributes the site left
//! out, filled from `data-src`:
//!
//! - `{origin}`: its scheme, host and port;
//! - `{dir}`: its path up to the last `/`;
//! - `{segment:N}`: the Nth segment of its path, `{segment:last}` the last
//!   without `.json`;
//! - `{src:NAME}`: its query parameter `NAME`, as written there in a URL
//!   setting, decoded and JSON-escaped (for inside quotes) in a body.

use super::template::{fill, json_string};

/// Each preset's write settings, by their `data-` names (camel case).
const PRESET_WRITES: &[(&str, &[(&str, &str)])] = &[
    (
        // https://isso-comments.de/docs/reference/server-api/
        "isso",
        &[
            ("postUrl", "{origin}{dir}new?uri={src:uri}"),
            (
                "postBody",
                r#"{"parent": {parent:number}, "text": {body}, "author": {name}}"#,
            ),
            (
                "voteUrl",
                r#"{"up": "{origin}{dir}id/{id}/like", "down": "{origin}{dir}id/{id}/dislike", "clear": null}"#,
            ),
            ("voteRefused", "message"),
            ("voteCounts", r#"{"up": "likes", "down": "dislikes"}"#),
            ("editUrl", "{origin}{dir}id/{id}"),
            ("editBody", r#"{"text": "{body}"}"#),
            ("deleteUrl", "{origin}{dir}id/{id}"),
            ("inputFormat", "markdown"),
            ("credentials", "include"),
        ],
    ),
    (
        // https://join-lemmy.org/api/ (v3: CreateComment, CreateCommentLike,
        // EditComment, DeleteComment, CreateCommentReport)
        "lemmy",
        &[
            ("postUrl", "{origin}/api/v3/comment"),
            (
                "postBody",
                r#"{"content": {body}, "post_id": {src:post_id}, "parent_id": {parent:number}}"#,
            ),
            ("voteUrl", "{origin}/api/v3/comment/like"),
            ("voteBody", r#"{"comment_id": {id}, "score": {value}}"#),
            (
                "voteCounts",
                r#"{"up": "comment_view.counts.upvotes", "down": "comment_view.counts.downvotes"}"#,
            ),
            ("editUrl", "{origin}/api/v3/comment"),
            ("editBody", r#"{"comment_id": {id}, "content": "{body}"}"#),
            ("deleteUrl", "{origin}/api/v3/comment/delete"),
            ("deleteMethod", "POST"),
            ("deleteBody", r#"{"comment_id": {id}, "deleted": true}"#),
            ("reportUrl", "{origin}/api/v3/comment/report"),
            (
                "reportBody",
                r#"{"comment_id": {id}, "reason": "{reason}"}"#,
            ),
            ("inputFormat", "markdown"),
        ],
    ),
    (
        // https://github.com/umputun/remark42#rest-api
        "remark42",
        &[
            ("postUrl", "{origin}/api/v1/comment"),
            (
                "postBody",
                r#"{"text": {body}, "pid": {parent}, "locator": {"site": "{src:site}", "url": "{src:url}"}}"#,
            ),
            (
                "voteUrl",
                r#"{"up": "{origin}/api/v1/vote/{id}?site={src:site}&url={src:url}&vote=1", "down": "{origin}/api/v1/vote/{id}?site={src:site}&url={src:url}&vote=-1", "clear": null}"#,
            ),
            ("voteMethod", "PUT"),
            ("voteBody", "{}"),
            (
                "editUrl",
                "{origin}/api/v1/comment/{id}?site={src:site}&url={src:url}",
            ),
            ("editBody", r#"{"text": "{body}"}"#),
            (
                "deleteUrl",
                "{origin}/api/v1/comment/{id}?site={src:site}&url={src:url}",
            ),
            ("deleteMethod", "PUT"),
            ("deleteBody", r#"{"delete": true}"#),
            ("inputFormat", "markdown"),
            ("credentials", "include"),
        ],
    ),
    (
        // https://docs.github.com/en/rest/issues/comments: issue threads
        // are flat, so a reply is a comment of the issue.
        "github",
        &[
            (
                "postUrl",
                "{origin}/repos/{segment:2}/{segment:3}/issues/{segment:5}/comments",
            ),
            ("postBody", r#"{"body": {body}}"#),
            (
                "editUrl",
                "{origin}/repos/{segment:2}/{segment:3}/issues/comments/{id}",
            ),
            ("editMethod", "PATCH"),
            ("editBody", r#"{"body": "{body}"}"#),
            (
                "deleteUrl",
                "{origin}/repos/{segment:2}/{segment:3}/issues/comments/{id}",
            ),
            ("inputFormat", "markdown"),
        ],
    ),
    (
        // https://docs.joinmastodon.org/methods/statuses/: every comment is
        // a status replying to another, a top-level one to the thread's
        // first (the id in `data-src`, `/api/v1/statuses/{id}/context`);
        // favourites are up votes only.
        "mastodon",
        &[
            ("postUrl", "{origin}/api/v1/statuses"),
            (
                "postBody",
                r#"{"status": {body}, "in_reply_to_id": {parent}}"#,
            ),
            ("postRoot", "{segment:4}"),
            (
                "voteUrl",
                r#"{"up": "{origin}/api/v1/statuses/{id}/favourite", "down": null, "clear": "{origin}/api/v1/statuses/{id}/unfavourite"}"#,
            ),
            ("voteBody", "{}"),
            ("editUrl", "{origin}/api/v1/statuses/{id}"),
            ("editBody", r#"{"status": "{body}"}"#),
            ("deleteUrl", "{origin}/api/v1/statuses/{id}"),
        ],
    ),
    (
        // https://docs.discourse.org/#tag/Posts/operation/createTopicPostPM:
        // a reply names its parent by post number, as the topic is read;
        // likes and edits take post ids, which it is not.
        "discourse",
        &[
            ("postUrl", "{origin}/posts.json"),
            (
                "postBody",
                r#"{"raw": {body}, "topic_id": {segment:last}, "reply_to_post_number": {parent:number}}"#,
            ),
            ("inputFormat", "markdown"),
        ],
    ),
];

/// The preset's write setting `name`, filled from `src`, when the preset
/// has one.
pub fn preset_setting(preset: &str, name: &str, src: &str) -> Option<String> {
    let (_, settings) = PRESET_WRITES.iter().find(|(known, _)| *known == preset)?;
    let (_, template) = settings.iter().find(|(known, _)| *known == name)?;
    Some(from_src(template, src, name.ends_with("Url")))
}

/// The presets that write.
pub const WRITERS: [&str; 6] = [
    "isso",
    "lemmy",
    "remark42",
    "github",
    "mastodon",
    "discourse",
];

/// Whether a preset has write settings.
pub fn has_writes(preset: &str) -> bool {
    WRITERS.contains(&preset)
}

/// Fills a template's `data-src` placeholders.
fn from_src(template: &str, src: &str, in_url: bool) -> String {
    let (without_query, query) = src.split_once('?').unwrap_or((src, ""));
    let without_query = without_query.split('#').next().unwrap_or("");
    let (origin, path) = match without_query.find("://") {
        Some(scheme) => {
            let host_end = without_query[scheme + 3..]
                .find('/')
                .map_or(without_query.len(), |at| scheme + 3 + at);
            without_query.split_at(host_end)
        }
        None => ("", without_query),
    };
    let dir = &path[..path.rfind('/').map_or(0, |at| at + 1)];
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut pairs: Vec<(String, String)> = vec![
        ("origin".to_owned(), origin.to_owned()),
        ("dir".to_owned(), dir.to_owned()),
    ];
    for (at, segment) in segments.iter().enumerate() {
        pairs.push((format!("segment:{}", at + 1), (*segment).to_owned()));
    }
    if let Some(last) = segments.last() {
        let last = last.strip_suffix(".json").unwrap_or(last);
        pairs.push(("segment:last".to_owned(), last.to_owned()));
    }
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = if in_url {
            value.to_owned()
        } else {
            let quoted = json_string(&decode(value));
            quoted[1..quoted.len() - 1].to_owned()
        };
        pairs.push((format!("src:{}", decode(name)), value));
    }
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fill(template, &pairs)
}

/// A query component decoded: `+` as a space, `%XX` as its byte; bytes
/// that are not UTF-8 become U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[at] {
            b'+' => out.push(b' '),
            b'%' => {
                let digit = |at: usize| bytes.get(at).and_then(|b| hex(*b));
                match (digit(at + 1), digit(at + 2)) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        at += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_src_fills_urls_as_written_and_bodies_decoded() {
        let src = "https://lemmy.example/api/v3/comment/list?post_id=123&max_depth=8";
        assert_eq!(
            preset_setting("lemmy", "postUrl", src).as_deref(),
            Some("https://lemmy.example/api/v3/comment")
        );
        assert_eq!(
            preset_setting("lemmy", "postBody", src).as_deref(),
            Some(r#"{"content": {body}, "post_id": 123, "parent_id": {parent:number}}"#)
        );
        let src = "https://remark.example/api/v1/find?site=news&url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D%22c%22";
        assert_eq!(
            preset_setting("remark42", "editUrl", src).as_deref(),
            Some("https://remark.example/api/v1/comment/{id}?site=news&url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D%22c%22")
        );
        assert_eq!(
            preset_setting("remark42", "postBody", src).as_deref(),
            Some(
                r#"{"text": {body}, "pid": {parent}, "locator": {"site": "news", "url": "https://news.example/a?b=\"c\""}}"#
            )
        );
        let src = "https://comments.example/isso/?uri=%2Fstory-1";
        assert_eq!(
            preset_setting("isso", "postUrl", src).as_deref(),
            Some("https://comments.example/isso/new?uri=%2Fstory-1")
        );
        let src = "https://api.github.com/repos/owner/repo/issues/7/comments?per_page=100";
        assert_eq!(
            preset_setting("github", "editUrl", src).as_deref(),
            Some("https://api.github.com/repos/owner/repo/issues/comments/{id}")
        );
        assert_eq!(
            preset_setting("github", "postUrl", src).as_deref(),
            Some("https://api.github.com/repos/owner/repo/issues/7/comments")
        );
        assert_eq!(preset_setting("reddit", "postUrl", src), None);
        let src = "https://social.example/api/v1/statuses/1099/context";
        assert_eq!(
            preset_setting("mastodon", "postRoot", src).as_deref(),
            Some("1099")
        );
        let src = "https://forum.example/t/some-topic/123.json?print=true";
        assert_eq!(
            preset_setting("discourse", "postBody", src).as_deref(),
            Some(r#"{"raw": {body}, "topic_id": 123, "reply_to_post_number": {parent:number}}"#)
        );
        assert_eq!(preset_setting("github", "voteUrl", src), None);
        let named: Vec<&str> = PRESET_WRITES.iter().map(|(name, _)| *name).collect();
        assert_eq!(named, WRITERS);
    }

    #[test]
    fn query_components_decode_whatever_they_hold() {
        assert_eq!(decode("a+b%20c%2"), "a b c%2");
        assert_eq!(decode("%e2%82%ac%ff"), "€\u{fffd}");
        assert_eq!(decode("%"), "%");
    }
}
