//! Every text a reader sees, in their language: one catalogue per language
//! (`words/*.rs`), chosen from the widget's `data-lang`, else the page's
//! `lang`, else the browser's languages. Counted phrases keep a form per
//! plural category, picked by the browser's `Intl.PluralRules`, so Russian
//! and Arabic read as they should; `{n}` is the number, written by
//! `Intl.NumberFormat`. Whole sentences are kept whole: nothing is built by
//! joining words, which no translation survives.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod ja;
mod ru;
mod tr;

/// A language Threadline speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English
    #[default]
    En,
    /// German
    De,
    /// French
    Fr,
    /// Spanish
    Es,
    /// Turkish
    Tr,
    /// Russian
    Ru,
    /// Arabic
    Ar,
    /// Japanese
    Ja,
}

impl Lang {
    /// Every language, for tests and documentation.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Tr,
        Lang::Ru,
        Lang::Ar,
        Lang::Ja,
    ];

    /// The BCP 47 tag the widget sets as its `lang` and gives to `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Tr => "tr",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Ja => "ja",
        }
    }

    /// Whether the language is written right to left (the widget's `dir`).
    pub fn right_to_left(self) -> bool {
        self == Lang::Ar
    }

    /// The language of a tag such as `de-AT` or `pt_BR`, if Threadline
    /// speaks it (by its primary subtag, in any case).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// This language's catalogue.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &en::WORDS,
            Lang::De => &de::WORDS,
            Lang::Fr => &fr::WORDS,
            Lang::Es => &es::WORDS,
            Lang::Tr => &tr::WORDS,
            Lang::Ru => &ru::WORDS,
            Lang::Ar => &ar::WORDS,
            Lang::Ja => &ja::WORDS,
        }
    }
}

/// The first of these tags (in order: the widget's `data-lang`, the page's
/// `lang`, the browser's languages) that Threadline speaks; English if none.
pub fn choose<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
    tags.into_iter()
        .find_map(Lang::from_tag)
        .unwrap_or_default()
}

/// A plural category, as `Intl.PluralRules` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `zero` (Arabic 0)
    Zero,
    /// `one`
    One,
    /// `two` (Arabic 2)
    Two,
    /// `few` (Russian 2–4, Arabic 3–10)
    Few,
    /// `many` (Russian 5–20, Arabic 11–99, French and Spanish millions)
    Many,
    /// `other`
    Other,
}

impl Plural {
    /// The category `Intl.PluralRules.select` names; `other` for anything
    /// else.
    pub fn from_name(name: &str) -> Plural {
        match name {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }
}

/// A counted phrase in each plural form a language has; `{n}` is the
/// number. A form left empty falls back to `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    /// `zero`
    pub zero: &'static str,
    /// `one`
    pub one: &'static str,
    /// `two`
    pub two: &'static str,
    /// `few`
    pub few: &'static str,
    /// `many`
    pub many: &'static str,
    /// `other`, which every language has
    pub other: &'static str,
}

impl Forms {
    /// A phrase whose only form is `other` (Japanese, Turkish nouns after
    /// numbers); the others are filled in with struct update syntax.
    pub const fn other(other: &'static str) -> Forms {
        Forms {
            zero: "",
            one: "",
            two: "",
            few: "",
            many: "",
            other,
        }
    }

    /// The phrase for a count in `category`, with the number written in.
    pub fn fill(&self, category: Plural, number: &str) -> String {
        let form = match category {
            Plural::Zero => self.zero,
            Plural::One => self.one,
            Plural::Two => self.two,
            Plural::Few => self.few,
            Plural::Many => self.many,
            Plural::Other => self.other,
        };
        let form = if form.is_empty() { self.other } else { form };
        form.replace("{n}", number)
    }
}

/// Puts `value` in place of `{name}`-style `key` in a sentence.
pub fn fill(sentence: &str, key: &str, value: &str) -> String {
    sentence.replace(key, value)
}

/// One language's catalogue: every text of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The heading and count links: "{n} comments".
    pub comments: Forms,
    /// A score: "{n} points".
    pub points: Forms,
    /// The fold button while folded: "Show {n} replies".
    pub show_replies: Forms,
    /// The fold button while unfolded: "Hide {n} replies".
    pub hide_replies: Forms,
    /// At the depth limit: "Continue this thread ({n} replies) →".
    pub continue_thread: Forms,
    /// A thread page without a count: "Continue this thread".
    pub continue_here: &'static str,
    /// "Show more replies ({n} left)".
    pub more_replies_left: Forms,
    /// "{n} new comments: show", the banner over comments that arrived live.
    pub live_banner: Forms,
    /// "{n} new", after the heading's count.
    pub new_comments: Forms,
    /// "Show more comments ({n} left)".
    pub more_comments_left: Forms,
    /// The row that loads a paged API's next comments when their number is
    /// unknown: "Show more comments".
    pub more_comments: &'static str,
    /// Comments the server counts that the widget cannot load: "{n} more
    /// comments are on the site but not shown here."
    pub not_loaded: Forms,
    /// Replies the response left out: "{n} more replies".
    pub more_replies: Forms,
    /// "{n} comments could not be shown."
    pub not_shown: Forms,
    /// "This comment is {n} characters too long."
    pub too_long: Forms,
    /// Spoken near the limit: "{n} characters left."
    pub characters_left: Forms,
    /// Spoken past the limit: "{n} characters too many."
    pub characters_over: Forms,
    /// "Reply" (the button under a comment).
    pub reply: &'static str,
    /// "Cancel" (closes a reply box).
    pub cancel: &'static str,
    /// "Retry".
    pub retry: &'static str,
    /// "Edit" (a comment that failed to send).
    pub edit: &'static str,
    /// "Sending…".
    pub sending: &'static str,
    /// Told to screen readers once the server has the comment.
    pub posted: &'static str,
    /// "Loading…" (more replies).
    pub loading: &'static str,
    /// "Loading comments…".
    pub loading_comments: &'static str,
    /// A comment without a name: "Anonymous".
    pub anonymous: &'static str,
    /// A deleted comment's author: "[deleted]".
    pub deleted_author: &'static str,
    /// "This comment was deleted."
    pub deleted_body: &'static str,
    /// "This comment has no text."
    pub empty_body: &'static str,
    /// "reply to a comment that is not loaded".
    pub orphan: &'static str,
    /// The reader's comment kept only in this browser.
    pub kept_here: &'static str,
    /// A comment's accessible name: "Comment by {name}".
    pub comment_by: &'static str,
    /// "Comment by an anonymous reader".
    pub comment_by_anonymous: &'static str,
    /// "Deleted comment".
    pub deleted_comment: &'static str,
    /// The vote buttons' group: "Vote".
    pub vote: &'static str,
    /// "Upvote: {label}" ({label}: the comment's name).
    pub upvote: &'static str,
    /// "Downvote: {label}".
    pub downvote: &'static str,
    /// The composer's label: "Your comment".
    pub your_comment: &'static str,
    /// A reply box's label: "Your reply".
    pub your_reply: &'static str,
    /// The closed composer's one line: "Add a comment…".
    pub add_comment: &'static str,
    /// "Name (optional)".
    pub name_optional: &'static str,
    /// "Preview".
    pub preview: &'static str,
    /// "Post comment".
    pub post_comment: &'static str,
    /// A reply box's send button: "Reply".
    pub send_reply: &'static str,
    /// "New", the mark on a comment posted since the reader's last visit.
    pub new_badge: &'static str,
    /// "Next new comment".
    pub next_new: &'static str,
    /// "More": opens Report and Mute for a comment.
    pub more_actions: &'static str,
    /// "Report".
    pub report: &'static str,
    /// "Why are you reporting this comment?"
    pub report_why: &'static str,
    /// "Spam".
    pub reason_spam: &'static str,
    /// "Abuse or harassment".
    pub reason_abuse: &'static str,
    /// "Off topic".
    pub reason_off_topic: &'static str,
    /// "Something else".
    pub reason_other: &'static str,
    /// "Send report".
    pub send_report: &'static str,
    /// "Thank you. The moderators will look at this comment."
    pub reported: &'static str,
    /// "The report was not sent: {reason}"
    pub report_not_sent: &'static str,
    /// "Mute {name}": hide their comments for this reader.
    pub mute: &'static str,
    /// "Unmute {name}".
    pub unmute: &'static str,
    /// "You muted {name}."
    pub muted_note: &'static str,
    /// "Hidden for a low score: {points}."
    pub low_score_note: &'static str,
    /// A comment readers flagged, hidden: "Readers flagged this comment."
    pub flagged_note: &'static str,
    /// "Show", for one hidden comment.
    pub show: &'static str,
    /// "Delete", on the reader's own comment.
    pub delete: &'static str,
    /// "Delete your comment?"
    pub delete_confirm: &'static str,
    /// "edited", on a comment changed after it was posted.
    pub edited: &'static str,
    /// "Saving…", while an edit is on its way.
    pub saving: &'static str,
    /// "Deleting…".
    pub deleting: &'static str,
    /// "Your edit was not saved: {reason}"
    pub edit_not_saved: &'static str,
    /// "Your comment was not deleted: {reason}"
    pub delete_not_done: &'static str,
    /// "Save", the edit composer's button.
    pub save_edit: &'static str,
    /// "Edit your comment", the edit composer's label.
    pub your_edit: &'static str,
    /// "the server did not accept it.": a write turned down for good
    /// without a reason the reader could read.
    pub write_rejected: &'static str,
    /// "Votes here cannot be taken back.", on a vote the server keeps for good.
    pub vote_final: &'static str,
    /// "Sort by", the label of the order control.
    pub sort_by: &'static str,
    /// "Site order": as the site's API listed them.
    pub order_site: &'static str,
    /// "Best": the Wilson-score order.
    pub order_best: &'static str,
    /// "Top": highest score first.
    pub order_top: &'static str,
    /// "Newest" first.
    pub order_new: &'static str,
    /// "Oldest" first.
    pub order_old: &'static str,
    /// "Controversial": many votes, evenly split.
    pub order_controversial: &'static str,
    /// "Skip comments".
    pub skip: &'static str,
    /// "End of comments".
    pub end: &'static str,
    /// "← Back to the whole thread".
    pub back: &'static str,
    /// "No comments yet."
    pub no_comments: &'static str,
    /// "Write something before sending."
    pub write_something: &'static str,
    /// "Your vote was not saved: {reason}".
    pub vote_not_saved: &'static str,
    /// "Not sent: {reason}".
    pub not_sent: &'static str,
    /// The server kept a comment but its answer could not be read.
    pub sent_reload: &'static str,
    /// A comment whose page closed before the server answered.
    pub not_confirmed: &'static str,
    /// A write that got no answer: "the server did not answer…".
    pub write_lost: &'static str,
    /// A write the server refused: "the server turned it down…".
    pub write_refused: &'static str,
    /// Loading failed: no answer.
    pub error_network: &'static str,
    /// Loading failed: too slow.
    pub error_timeout: &'static str,
    /// Loading failed: 404 or 410.
    pub error_not_found: &'static str,
    /// Loading failed: another HTTP error.
    pub error_status: &'static str,
    /// Loading failed: the response cannot be read.
    pub error_shape: &'static str,
    /// The widget's settings are wrong.
    pub error_setup: &'static str,
}

/// One text of a catalogue, to read or to replace.
pub enum Entry<'a> {
    /// A sentence.
    Text(&'a mut &'static str),
    /// A counted phrase.
    Counted(&'a mut Forms),
}

impl Words {
    /// Every text by its name (the field's), as a site's `strings` setting
    /// names them.
    pub fn entries(&mut self) -> Vec<(&'static str, Entry<'_>)> {
        vec![
            ("comments", Entry::Counted(&mut self.comments)),
            ("points", Entry::Counted(&mut self.points)),
            ("show_replies", Entry::Counted(&mut self.show_replies)),
            ("hide_replies", Entry::Counted(&mut self.hide_replies)),
            ("continue_thread", Entry::Counted(&mut self.continue_thread)),
            (
                "more_replies_left",
                Entry::Counted(&mut self.more_replies_left),
            ),
            ("new_comments", Entry::Counted(&mut self.new_comments)),
            ("live_banner", Entry::Counted(&mut self.live_banner)),
            (
                "more_comments_left",
                Entry::Counted(&mut self.more_comments_left),
            ),
            ("not_loaded", Entry::Counted(&mut self.not_loaded)),
            ("more_comments", Entry::Text(&mut self.more_comments)),
            ("more_replies", Entry::Counted(&mut self.more_replies)),
            ("not_shown", Entry::Counted(&mut self.not_shown)),
            ("too_long", Entry::Counted(&mut self.too_long)),
            ("characters_left", Entry::Counted(&mut self.characters_left)),
            ("characters_over", Entry::Counted(&mut self.characters_over)),
            ("continue_here", Entry::Text(&mut self.continue_here)),
            ("reply", Entry::Text(&mut self.reply)),
            ("cancel", Entry::Text(&mut self.cancel)),
            ("retry", Entry::Text(&mut self.retry)),
            ("edit", Entry::Text(&mut self.edit)),
            ("sending", Entry::Text(&mut self.sending)),
            ("posted", Entry::Text(&mut self.posted)),
            ("loading", Entry::Text(&mut self.loading)),
            ("loading_comments", Entry::Text(&mut self.loading_comments)),
            ("anonymous", Entry::Text(&mut self.anonymous)),
            ("deleted_author", Entry::Text(&mut self.deleted_author)),
            ("deleted_body", Entry::Text(&mut self.deleted_body)),
            ("empty_body", Entry::Text(&mut self.empty_body)),
            ("orphan", Entry::Text(&mut self.orphan)),
            ("kept_here", Entry::Text(&mut self.kept_here)),
            ("comment_by", Entry::Text(&mut self.comment_by)),
            (
                "comment_by_anonymous",
                Entry::Text(&mut self.comment_by_anonymous),
            ),
            ("deleted_comment", Entry::Text(&mut self.deleted_comment)),
            ("vote", Entry::Text(&mut self.vote)),
            ("upvote", Entry::Text(&mut self.upvote)),
            ("downvote", Entry::Text(&mut self.downvote)),
            ("your_comment", Entry::Text(&mut self.your_comment)),
            ("your_reply", Entry::Text(&mut self.your_reply)),
            ("add_comment", Entry::Text(&mut self.add_comment)),
            ("name_optional", Entry::Text(&mut self.name_optional)),
            ("preview", Entry::Text(&mut self.preview)),
            ("post_comment", Entry::Text(&mut self.post_comment)),
            ("send_reply", Entry::Text(&mut self.send_reply)),
            ("sort_by", Entry::Text(&mut self.sort_by)),
            ("new_badge", Entry::Text(&mut self.new_badge)),
            ("next_new", Entry::Text(&mut self.next_new)),
            ("more_actions", Entry::Text(&mut self.more_actions)),
            ("report", Entry::Text(&mut self.report)),
            ("report_why", Entry::Text(&mut self.report_why)),
            ("reason_spam", Entry::Text(&mut self.reason_spam)),
            ("reason_abuse", Entry::Text(&mut self.reason_abuse)),
            ("reason_off_topic", Entry::Text(&mut self.reason_off_topic)),
            ("reason_other", Entry::Text(&mut self.reason_other)),
            ("send_report", Entry::Text(&mut self.send_report)),
            ("reported", Entry::Text(&mut self.reported)),
            ("report_not_sent", Entry::Text(&mut self.report_not_sent)),
            ("mute", Entry::Text(&mut self.mute)),
            ("unmute", Entry::Text(&mut self.unmute)),
            ("muted_note", Entry::Text(&mut self.muted_note)),
            ("low_score_note", Entry::Text(&mut self.low_score_note)),
            ("flagged_note", Entry::Text(&mut self.flagged_note)),
            ("show", Entry::Text(&mut self.show)),
            ("delete", Entry::Text(&mut self.delete)),
            ("delete_confirm", Entry::Text(&mut self.delete_confirm)),
            ("edited", Entry::Text(&mut self.edited)),
            ("saving", Entry::Text(&mut self.saving)),
            ("deleting", Entry::Text(&mut self.deleting)),
            ("edit_not_saved", Entry::Text(&mut self.edit_not_saved)),
            ("delete_not_done", Entry::Text(&mut self.delete_not_done)),
            ("save_edit", Entry::Text(&mut self.save_edit)),
            ("your_edit", Entry::Text(&mut self.your_edit)),
            ("write_rejected", Entry::Text(&mut self.write_rejected)),
            ("vote_final", Entry::Text(&mut self.vote_final)),
            ("order_site", Entry::Text(&mut self.order_site)),
            ("order_best", Entry::Text(&mut self.order_best)),
            ("order_top", Entry::Text(&mut self.order_top)),
            ("order_new", Entry::Text(&mut self.order_new)),
            ("order_old", Entry::Text(&mut self.order_old)),
            (
                "order_controversial",
                Entry::Text(&mut self.order_controversial),
            ),
            ("skip", Entry::Text(&mut self.skip)),
            ("end", Entry::Text(&mut self.end)),
            ("back", Entry::Text(&mut self.back)),
            ("no_comments", Entry::Text(&mut self.no_comments)),
            ("write_something", Entry::Text(&mut self.write_something)),
            ("vote_not_saved", Entry::Text(&mut self.vote_not_saved)),
            ("not_sent", Entry::Text(&mut self.not_sent)),
            ("sent_reload", Entry::Text(&mut self.sent_reload)),
            ("not_confirmed", Entry::Text(&mut self.not_confirmed)),
            ("write_lost", Entry::Text(&mut self.write_lost)),
            ("write_refused", Entry::Text(&mut self.write_refused)),
            ("error_network", Entry::Text(&mut self.error_network)),
            ("error_timeout", Entry::Text(&mut self.error_timeout)),
            ("error_not_found", Entry::Text(&mut self.error_not_found)),
            ("error_status", Entry::Text(&mut self.error_status)),
            ("error_shape", Entry::Text(&mut self.error_shape)),
            ("error_setup", Entry::Text(&mut self.error_setup)),
        ]
    }

    /// This catalogue with some texts replaced, from the `strings` setting:
    /// a JSON object of names to sentences (`"reply": "Answer"`), or for a
    /// counted phrase to one sentence for every number or an object of its
    /// plural forms (`"comments": {"one": "{n} reaction", "other": "{n} reactions"}`).
    /// Names it does not know are listed in the second value, for the
    /// console. The result lives as long as the page (one per distinct
    /// setting, cached by the caller).
    pub fn with_overrides(
        &'static self,
        strings: &str,
    ) -> Result<(&'static Words, Vec<String>), String> {
        let given: serde_json::Map<String, serde_json::Value> = serde_json::from_str(strings)
            .map_err(|error| format!("the strings setting is not a JSON object: {error}"))?;
        let mut words = *self;
        let mut unknown = Vec::new();
        let text = |value: &serde_json::Value| value.as_str().map(|text| &*Box::leak(text.into()));
        for (name, value) in &given {
            let mut entries = words.entries();
            let Some((_, entry)) = entries.iter_mut().find(|(known, _)| known == name) else {
                unknown.push(name.clone());
                continue;
            };
            match entry {
                Entry::Text(slot) => match text(value) {
                    Some(text) => **slot = text,
                    None => unknown.push(name.clone()),
                },
                Entry::Counted(forms) => match (text(value), value.as_object()) {
                    (Some(text), _) => **forms = Forms::other(text),
                    (None, Some(object)) => {
                        for (form, value) in object {
                            let slot = match form.as_str() {
                                "zero" => &mut forms.zero,
                                "one" => &mut forms.one,
                                "two" => &mut forms.two,
                                "few" => &mut forms.few,
                                "many" => &mut forms.many,
                                "other" => &mut forms.other,
                                _ => {
                                    unknown.push(format!("{name}.{form}"));
                                    continue;
                                }
                            };
                            if let Some(text) = text(value) {
                                *slot = text;
                            }
                        }
                    }
                    (None, None) => unknown.push(name.clone()),
                },
            }
        }
        Ok((Box::leak(Box::new(words)), unknown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of a catalogue, with its name (each plural form apart).
    fn texts(words: &Words) -> Vec<(String, &'static str)> {
        let mut words = *words;
        words
            .entries()
            .into_iter()
            .flat_map(|(name, entry)| match entry {
                Entry::Text(text) => vec![(name.to_owned(), *text)],
                Entry::Counted(forms) => [
                    forms.zero,
                    forms.one,
                    forms.two,
                    forms.few,
                    forms.many,
                    forms.other,
                ]
                .into_iter()
                .map(|text| (name.to_owned(), text))
                .collect(),
            })
            .collect()
    }

    #[test]
    fn every_language_says_everything_with_the_same_placeholders() {
        let english = texts(Lang::En.words());
        for lang in Lang::ALL {
            let words = lang.words();
            for ((name, text), (_, english)) in texts(words).into_iter().zip(&english) {
                if english.is_empty() {
                    continue;
                }
                for key in ["{name}", "{label}", "{reason}"] {
                    assert_eq!(
                        text.contains(key),
                        english.contains(key) && !text.is_empty(),
                        "{lang:?} {name}: {text:?}"
                    );
                }
            }
            for (name, form) in [
                ("comments", words.comments),
                ("points", words.points),
                ("show_replies", words.show_replies),
                ("not_shown", words.not_shown),
                ("too_long", words.too_long),
            ] {
                assert!(
                    form.other.contains("{n}"),
                    "{lang:?} {name}: the number shows"
                );
            }
            // Every plain text is there (counted phrases may leave forms out).
            let mut catalogue = *words;
            let simple = catalogue
                .entries()
                .into_iter()
                .filter_map(|(name, entry)| match entry {
                    Entry::Text(text) => Some((name, *text)),
                    Entry::Counted(_) => None,
                });
            for (name, text) in simple {
                assert!(!text.trim().is_empty(), "{lang:?} has no {name}");
            }
        }
    }

    #[test]
    fn the_language_comes_from_the_first_source_that_names_one_spoken() {
        assert_eq!(choose(["de-AT", "fr"]), Lang::De);
        assert_eq!(
            choose(["pt-BR", "", "ES_mx", "en"]),
            Lang::Es,
            "unspoken ones are passed over"
        );
        assert_eq!(choose(["zh"]), Lang::En);
        assert_eq!(choose([]), Lang::En);
        assert!(Lang::Ar.right_to_left() && !Lang::De.right_to_left());
    }

    #[test]
    fn a_site_replaces_single_texts_and_hears_of_names_it_got_wrong() {
        let (words, unknown) = Lang::En
            .words()
            .with_overrides(r#"{"reply": "Answer", "comments": {"one": "{n} reaction", "other": "{n} reactions"}, "points": "{n} likes", "replay": "x"}"#)
            .expect("valid");
        assert_eq!(words.reply, "Answer");
        assert_eq!(words.comments.fill(Plural::One, "1"), "1 reaction");
        assert_eq!(
            words.points.fill(Plural::One, "1"),
            "1 likes",
            "one sentence for every number"
        );
        assert_eq!(words.cancel, "Cancel", "the rest stays");
        assert_eq!(unknown, ["replay"]);
        assert!(Lang::En.words().with_overrides("[1]").is_err());
    }

    #[test]
    fn counted_phrases_pick_their_form() {
        let ru = Lang::Ru.words();
        assert_eq!(ru.comments.fill(Plural::One, "21"), "21 комментарий");
        assert_eq!(ru.comments.fill(Plural::Few, "3"), "3 комментария");
        assert_eq!(ru.comments.fill(Plural::Many, "5"), "5 комментариев");
        let ja = Lang::Ja.words();
        assert_eq!(
            ja.comments.fill(Plural::One, "1"),
            "1件のコメント",
            "one falls back to other"
        );
        assert_eq!(
            Lang::En.words().comments.fill(Plural::One, "1"),
            "1 comment"
        );
    }
}
