//! What a thread does outside the page's memory: the first load, fetches
//! of more replies, and the reader's writes to the comment server. State
//! and its changes stay in [`live_thread`](crate::live_thread); these
//! functions only make requests and hand the answers back to it as
//! actions, the way Elm keeps commands apart from its update function.

mod live;
mod load;
mod pages;

pub use load::{count, load, prerender, LoadedThread};
pub use pages::next_page;

use crate::core::load::{read_response_bytes, LoadError};
use crate::core::model::CommentId;
use crate::core::moderation::Reason;
use crate::core::posts::read_posted;
use crate::core::state::{OwnWrite, Post, ThreadAction};
use crate::core::words::fill;
use crate::live_thread::LiveThread;
use crate::services::http::{self, SendError};
use yew::platform::spawn_local;

/// Fetches the replies a placeholder stands for and puts them in its place.
pub async fn load_more(thread: &LiveThread, placeholder: &CommentId) -> Result<(), LoadError> {
    let Some((url, source, top)) = thread.begin_more(placeholder) else {
        return Ok(());
    };
    let loaded = match http::fetch_body(&url).await {
        Ok(body) => read_response_bytes(body, &source),
        Err(error) => Err(error),
    };
    match loaded {
        Ok(document) => {
            thread.end_more(placeholder, top, Some(document.comments));
            Ok(())
        }
        Err(error) => {
            thread.end_more(placeholder, top, None);
            Err(error)
        }
    }
}

/// Sends the reader's vote (1, 0 or -1) when votes go to a server, and
/// tells the thread what the server said.
pub fn send_vote(thread: &LiveThread, id: CommentId, value: i8) {
    let Some(endpoint) = thread.settings().vote_endpoint.clone() else {
        return;
    };
    let thread = thread.clone();
    spawn_local(async move {
        let token = fresh_token(&thread).await;
        let request = endpoint.request(&id, value, token.as_deref());
        let words = thread.words();
        let mut counts = None;
        let result = match http::send(request, endpoint.access.with_cookies).await {
            // Some servers (Isso) refuse with a 200 and a message.
            Ok(answer) => match endpoint.refusal(&answer) {
                Some(reason) => Err(fill(words.vote_not_saved, "{reason}", &reason)),
                None => {
                    counts = endpoint.counts(&answer);
                    Ok(())
                }
            },
            Err(error) => Err(why(&thread, &error, words.vote_not_saved)),
        };
        thread.dispatch(ThreadAction::VoteAnswered {
            id: id.clone(),
            sent: value,
            result,
        });
        if let Some((up, down)) = counts {
            thread.counted(&id, value, up, down);
        }
    });
}

/// Sends the reader's comment when comments go to a server, and tells the
/// thread what the server said.
pub fn send_post(thread: &LiveThread, post: Post) {
    let Some(endpoint) = thread.settings().post_endpoint.clone() else {
        return;
    };
    let thread = thread.clone();
    spawn_local(async move {
        let token = fresh_token(&thread).await;
        let request = endpoint.request(
            post.parent.as_deref(),
            &post.body,
            post.name.as_deref(),
            token.as_deref(),
        );
        let words = thread.words();
        let sent = http::send(request, endpoint.access.with_cookies).await;
        let refused_for_good = sent.as_ref().is_err_and(|error| error.permanent);
        let result = match sent {
            Ok(answer) => thread
                .settings()
                .source
                .as_ref()
                .and_then(|source| read_posted(&answer, source))
                .map(Box::new)
                .ok_or_else(|| words.sent_reload.to_owned()),
            Err(error) => Err(why(&thread, &error, words.not_sent)),
        };
        if let (Err(reason), true) = (&result, refused_for_good) {
            thread.dispatch(ThreadAction::PostRefused {
                local_id: post.local_id,
                reason: reason.clone(),
            });
            return;
        }
        if result.is_ok() {
            thread.say(words.posted);
        }
        thread.dispatch(ThreadAction::PostAnswered {
            local_id: post.local_id,
            result,
        });
    });
}

/// Sends the reader's edit or deletion of their comment where the site
/// takes it, and tells the thread what the server said.
pub fn send_own(thread: &LiveThread, write: OwnWrite) {
    let settings = thread.settings();
    let (endpoint, id, body) = match &write {
        OwnWrite::Edit { id, body } => (
            settings.edit_endpoint.clone(),
            id.clone(),
            Some(body.clone()),
        ),
        OwnWrite::Delete(id) => (settings.delete_endpoint.clone(), id.clone(), None),
    };
    let Some(endpoint) = endpoint else {
        return;
    };
    let thread = thread.clone();
    spawn_local(async move {
        let token = fresh_token(&thread).await;
        let mut fields = vec![("id", &*id)];
        if let Some(body) = &body {
            fields.push(("body", body.as_str()));
        }
        let request = endpoint.request(&fields, token.as_deref());
        let words = thread.words();
        let answer = http::send(request, endpoint.access.with_cookies)
            .await
            .map_err(|error| {
                let sentence = if body.is_some() {
                    words.edit_not_saved
                } else {
                    words.delete_not_done
                };
                why(&thread, &error, sentence)
            });
        let action = match body {
            Some(_) => ThreadAction::EditAnswered {
                id,
                result: answer.map(|answer| {
                    thread
                        .settings()
                        .source
                        .as_ref()
                        .and_then(|source| read_posted(&answer, source))
                        .map(Box::new)
                }),
            },
            None => ThreadAction::DeleteAnswered {
                id,
                result: answer.map(drop),
            },
        };
        thread.dispatch(action);
    });
}

/// Sends the reader's report of a comment; the error is the sentence the
/// reader sees (the detail goes to the console).
pub async fn send_report(thread: &LiveThread, id: &str, reason: Reason) -> Result<(), String> {
    let Some(endpoint) = thread.settings().report_endpoint.clone() else {
        return Ok(());
    };
    let token = fresh_token(thread).await;
    let request = endpoint.request(&[("id", id), ("reason", reason.name())], token.as_deref());
    http::send(request, endpoint.access.with_cookies)
        .await
        .map(drop)
        .map_err(|error| why(thread, &error, thread.words().report_not_sent))
}

/// A fresh token from the host page's callback, for one write.
async fn fresh_token(thread: &LiveThread) -> Option<String> {
    match &thread.settings().auth {
        Some(auth) => http::token_from(auth).await,
        None => None,
    }
}

/// The sentence a reader sees when a write failed: `sentence` with the
/// reason filled in (turned down, or no answer).
fn why(thread: &LiveThread, error: &SendError, sentence: &str) -> String {
    let words = thread.words();
    let reason = match (error.permanent, &error.reason) {
        // Turned down for good: the server's own words, without "try again".
        (true, Some(reason)) => reason.as_str(),
        (true, None) => words.write_rejected,
        (false, _) if error.refused => words.write_refused,
        (false, _) => words.write_lost,
    };
    fill(sentence, "{reason}", reason)
}
