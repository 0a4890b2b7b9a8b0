//! The settings a host page gives a widget, read from `data-` attributes or
//! a JS object.

use super::endpoint::Endpoint;
use super::model::BodyFormat;
use super::posts::PostEndpoint;
use super::sort::Order;
use super::state::DEFAULT_MAX_LENGTH;
use super::votes::VoteEndpoint;
use super::writes;

/// Which vote buttons a thread shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VoteButtons {
    /// Up and down.
    #[default]
    UpDown,
    /// Only up (`data-votes="up-only"`).
    UpOnly,
    /// None (`data-votes="off"`).
    Off,
}

/// What one widget needs to know to show a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountConfig {
    /// The URL of the comment JSON, resolved against the page.
    pub src: String,
    /// Names the thread in the reader's storage; defaults to the document's
    /// own `id`, then to `src`.
    pub thread_id: Option<String>,
    /// A named mapping for a known API (`reddit`, `mastodon`...).
    pub preset: Option<String>,
    /// A mapping as JSON text; with a preset, it extends the preset.
    pub mapping: Option<String>,
    /// Where links in comments open (`data-link-target="_blank"`).
    pub link_target: Option<String>,
    /// Whether markdown images are shown (`data-images="on"`); off by default.
    pub images: bool,
    /// Which vote buttons to show.
    pub vote_buttons: VoteButtons,
    /// Whether scores are hidden (`data-scores="hidden"`).
    pub hide_scores: bool,
    /// Where votes go; `None` keeps them in the reader's browser.
    pub vote_endpoint: Option<VoteEndpoint>,
    /// Where new comments go; `None` keeps them in the reader's browser.
    pub post_endpoint: Option<PostEndpoint>,
    /// The longest comment a reader may send (`data-max-length`).
    pub max_length: usize,
    /// Whether the composer asks for a name (`data-name-field="off"` hides it).
    pub name_field: bool,
    /// The widget's language as the site gives it (`data-lang="de"`).
    pub lang: Option<String>,
    /// The `lang` of the page around the widget (its nearest ancestor that
    /// has one), which the loader passes on.
    pub page_lang: Option<String>,
    /// The site's own wording for some texts (`data-strings`, a JSON object
    /// by text name).
    pub strings: Option<String>,
    /// The order comments start in (`data-sort`) until the reader picks one.
    pub sort: Option<Order>,
    /// Comments scoring under this start folded (`data-collapse-below`).
    pub collapse_below: Option<i64>,
    /// How many reply levels show before "continue this thread"
    /// (`data-max-depth`, 1 to 16); without it, 4 in a phone-narrow widget
    /// and 8 otherwise. A prerendered widget carries the depth it was
    /// rendered with, so taking it over changes nothing.
    pub max_depth: Option<usize>,
    /// Where reports go (`data-report-url`); without it, no Report.
    pub report_endpoint: Option<Endpoint>,
    /// Where the reader's edits of their comments go (`data-edit-url`).
    pub edit_endpoint: Option<Endpoint>,
    /// Where the reader's deletions of their comments go (`data-delete-url`).
    pub delete_endpoint: Option<Endpoint>,
    /// Ask `src` again every this many seconds (`data-live`).
    pub live: Option<u32>,
    /// A Server-Sent Events stream of new and changed comments (`data-live-url`).
    pub live_url: Option<String>,
    /// What the comment server does with a new comment's text
    /// (`data-input-format`): the composer's preview shows the same.
    pub input_format: BodyFormat,
}

impl MountConfig {
    /// Reads the settings by their dataset names (`src` for `data-src`,
    /// `threadId` for `data-thread-id`). Says what is missing when the URL is.
    pub fn read(setting: impl Fn(&str) -> Option<String>) -> Result<MountConfig, String> {
        let present = |name: &str| {
            setting(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let src = present("src").ok_or_else(|| {
            "Threadline needs the URL of its comments: add data-src=\"…\" to its script tag \
             (or `src` to the config passed to Threadline.mount)."
                .to_owned()
        })?;
        // `data-writes="preset"`: the preset's write settings stand in for
        // those the site left out.
        let writer = match present("writes").as_deref() {
            None => None,
            Some("preset") => match present("preset") {
                Some(preset) if writes::has_writes(&preset) => Some(preset),
                _ => {
                    return Err(format!(
                        "data-writes=\"preset\" needs a preset that writes: {}",
                        writes::WRITERS.join(", ")
                    ))
                }
            },
            Some(other) => {
                return Err(format!(
                "data-writes takes \"preset\" (the preset's own write settings), not \"{other}\""
            ))
            }
        };
        let data_src = src.clone();
        let setting = |name: &str| {
            present(name).or_else(|| writes::preset_setting(writer.as_deref()?, name, &data_src))
        };
        let present = setting;
        let vote_endpoint = VoteEndpoint::read(present)?;
        Ok(MountConfig {
            src,
            thread_id: present("threadId"),
            preset: present("preset"),
            mapping: present("mapping"),
            link_target: present("linkTarget"),
            images: matches!(present("images").as_deref(), Some("on" | "true" | "yes")),
            vote_buttons: match (present("votes").as_deref(), &vote_endpoint) {
                (Some("off"), _) => VoteButtons::Off,
                (Some("up-only"), _) => VoteButtons::UpOnly,
                (_, Some(endpoint)) if !endpoint.has_down() => VoteButtons::UpOnly,
                _ => VoteButtons::UpDown,
            },
            hide_scores: present("scores").as_deref() == Some("hidden"),
            vote_endpoint,
            post_endpoint: PostEndpoint::read(present)?,
            max_length: present("maxLength")
                .and_then(|n| n.parse().ok())
                .filter(|n| *n > 0)
                .unwrap_or(DEFAULT_MAX_LENGTH),
            name_field: present("nameField").as_deref() != Some("off"),
            lang: present("lang"),
            page_lang: present("pageLang"),
            strings: present("strings"),
            sort: present("sort").and_then(|name| Order::parse(&name)),
            collapse_below: present("collapseBelow").and_then(|n| n.parse().ok()),
            max_depth: present("maxDepth")
                .and_then(|n| n.parse().ok())
                .filter(|n| (1..=16).contains(n)),
            report_endpoint: Endpoint::read(
                present,
                "report",
                "POST",
                r#"{"id":"{id}","reason":"{reason}"}"#,
            )?,
            edit_endpoint: Endpoint::read(
                present,
                "edit",
                "PUT",
                r#"{"id":"{id}","body":"{body}"}"#,
            )?,
            delete_endpoint: Endpoint::read(present, "delete", "DELETE", "")?,
            live: present("live")
                .and_then(|n| n.parse().ok())
                .filter(|n| *n > 0),
            live_url: present("liveUrl"),
            input_format: match present("inputFormat").as_deref() {
                Some("markdown") => BodyFormat::Markdown,
                Some("html") => BodyFormat::Html,
                _ => BodyFormat::Text,
            },
        })
    }

    /// The key under which the reader's state for this thread is stored.
    pub fn storage_key(&self, document_id: Option<&str>) -> String {
        let thread = self
            .thread_id
            .as_deref()
            .or(document_id)
            .unwrap_or(&self.src);
        format!("threadline:v1:{thread}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<MountConfig, String> {
        MountConfig::read(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn reads_src_and_thread_id() {
        let config = read(&[("src", " data/t.json "), ("threadId", "story-1")]).expect("valid");
        assert_eq!(config.src, "data/t.json");
        assert_eq!(config.preset, None);
        assert_eq!(config.storage_key(Some("doc")), "threadline:v1:story-1");
    }

    #[test]
    fn a_reply_depth_is_taken_only_between_1_and_16() {
        let depth = |value| read(&[("src", "t.json"), ("maxDepth", value)]).map(|c| c.max_depth);
        assert_eq!(depth("4"), Ok(Some(4)));
        assert_eq!(depth(" 16 "), Ok(Some(16)));
        for ignored in ["0", "17", "-1", "deep", ""] {
            assert_eq!(depth(ignored), Ok(None), "{ignored:?}");
        }
    }

    #[test]
    fn keys_storage_by_document_id_then_src() {
        let config = read(&[("src", "data/t.json")]).expect("valid");
        assert_eq!(config.storage_key(Some("doc")), "threadline:v1:doc");
        assert_eq!(config.storage_key(None), "threadline:v1:data/t.json");
    }

    #[test]
    fn a_preset_that_writes_sends_what_its_api_documents() {
        let config = read(&[
            (
                "src",
                "https://lemmy.example/api/v3/comment/list?post_id=42",
            ),
            ("preset", "lemmy"),
            ("writes", "preset"),
            ("token", "jwt"),
            ("reportUrl", "/moderation?c={id}"),
        ])
        .expect("valid");
        let post =
            config
                .post_endpoint
                .expect("posts")
                .request(Some("7"), "Hi \"you\"", None, None);
        assert_eq!(post.url, "https://lemmy.example/api/v3/comment");
        assert_eq!(
            post.body,
            r#"{"content": "Hi \"you\"", "post_id": 42, "parent_id": 7}"#
        );
        assert_eq!(post.headers["Authorization"], "Bearer jwt");
        let vote = config.vote_endpoint.expect("votes").request("7", -1, None);
        assert_eq!(
            (vote.url.as_str(), vote.body.as_str()),
            (
                "https://lemmy.example/api/v3/comment/like",
                r#"{"comment_id": 7, "score": -1}"#
            )
        );
        let delete = config
            .delete_endpoint
            .expect("deletes")
            .request(&[("id", "7")], None);
        assert_eq!(delete.method, "POST");
        assert_eq!(delete.body, r#"{"comment_id": 7, "deleted": true}"#);
        assert_eq!(
            config.report_endpoint.expect("reports").url,
            "/moderation?c={id}",
            "what the site sets wins"
        );
        assert_eq!(config.input_format, BodyFormat::Markdown);
        // Without data-writes, the preset only reads.
        let reader = read(&[
            ("src", "https://lemmy.example/x?post_id=1"),
            ("preset", "lemmy"),
        ])
        .expect("valid");
        assert!(reader.post_endpoint.is_none() && reader.vote_endpoint.is_none());
    }

    #[test]
    fn mastodon_replies_to_the_thread_and_favourites_are_up_only() {
        let config = read(&[
            ("src", "https://social.example/api/v1/statuses/1099/context"),
            ("preset", "mastodon"),
            ("writes", "preset"),
        ])
        .expect("valid");
        let posts = config.post_endpoint.expect("posts");
        let top = posts.request(None, "Well said", None, None);
        assert_eq!(top.url, "https://social.example/api/v1/statuses");
        assert_eq!(
            top.body,
            r#"{"status": "Well said", "in_reply_to_id": "1099"}"#
        );
        let reply = posts.request(Some("1205"), "Yes", None, None);
        assert_eq!(reply.body, r#"{"status": "Yes", "in_reply_to_id": "1205"}"#);
        assert_eq!(
            config.vote_buttons,
            VoteButtons::UpOnly,
            "favourites have no down"
        );
        let votes = config.vote_endpoint.expect("votes");
        assert_eq!(
            votes.request("1205", 1, None).url,
            "https://social.example/api/v1/statuses/1205/favourite"
        );
        assert_eq!(
            votes.request("1205", 0, None).url,
            "https://social.example/api/v1/statuses/1205/unfavourite"
        );
    }

    #[test]
    fn writes_need_a_preset_that_writes() {
        let error = read(&[("src", "x"), ("preset", "reddit"), ("writes", "preset")]).unwrap_err();
        assert!(
            error.contains("isso, lemmy, remark42, github, mastodon, discourse"),
            "{error}"
        );
        let error = read(&[("src", "x"), ("preset", "isso"), ("writes", "yes")]).unwrap_err();
        assert!(error.contains("\"yes\""), "{error}");
    }

    #[test]
    fn says_when_src_is_missing() {
        assert!(read(&[("src", "  ")]).unwrap_err().contains("data-src"));
        assert!(read(&[]).is_err());
    }
}
