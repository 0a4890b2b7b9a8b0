//! Paged APIs: each page fetched with its headers, read, and where the next
//! one is worked out; later pages as the reader nears the end, or all of
//! them at once.

use crate::core::load::{LoadError, ReadBody, Reading};
use crate::core::mapping::Source;
use crate::core::model::ThreadDocument;
use crate::core::pace::fitting;
use crate::core::pages::Answer;
use crate::live_thread::{LiveThread, ServerPages};
use crate::services::http;
use crate::services::page::{clock_ms, next_task};
use yew::platform::spawn_local;

/// How many comments the first part of a response reads, before the pace
/// is known: a few milliseconds' worth on a phone.
const FIRST_PART: usize = 32;

/// Fetches a response with its headers and reads it: the comments, and
/// the thread's total when the mapping says where it is.
pub async fn fetch(
    url: &str,
    source: &Source,
    pages: Option<&mut ServerPages>,
) -> Result<(ThreadDocument, Option<u64>), LoadError> {
    // Checking a response first runs code that is compiled as it is first
    // called (about 20 ms at 4× CPU): checked on an empty document while
    // the response is on its way (this runs once the request is sent), the
    // check of the real one is that much shorter a task.
    let warm = source.clone();
    spawn_local(async move { drop(Reading::start(b"{}".to_vec(), &warm)) });
    let (body, headers) = http::fetch_page(url).await?;
    // The comments are read a part per browser task after the one that
    // checks the JSON (each part as many as the last one's pace fits in the
    // task budget): the first calls of the code that checks and the code
    // that reads each compile it, so they take a task each.
    let mut reading = Reading::start(body, source)?;
    let mut part = FIRST_PART;
    loop {
        next_task().await;
        let began = clock_ms();
        if !reading.step(part)? {
            break;
        }
        part = fitting(part, clock_ms() - began, usize::MAX);
    }
    let ReadBody {
        document,
        rest: response,
        listed,
    } = reading.finish()?;
    let Source::Mapped(mapping, _) = source else {
        return Ok((document, None));
    };
    let header = |name: &str| headers.get(name);
    if let Some(pages) = pages {
        let answer = Answer {
            response: &response,
            header: &header,
            comments: listed,
        };
        pages.next = pages
            .cursor
            .next(&pages.pages, &answer)
            .map(|next| http::resolve(&next, url));
    }
    let total = mapping
        .total
        .as_ref()
        .and_then(|count| count.read(&response, &header));
    Ok((document, total))
}

/// Fetches the next page of a paged thread into it; `false` when there
/// is none to fetch (or it is on its way). A failure leaves the thread as
/// it was, so asking again fetches the same page.
pub async fn next_page(thread: &LiveThread) -> Result<bool, LoadError> {
    let Some(mut pages) = thread.begin_page() else {
        return Ok(false);
    };
    let url = pages.next.clone().unwrap_or_default();
    let source = pages.source.clone();
    match fetch(&url, &source, Some(&mut pages)).await {
        Ok((document, total)) => {
            thread.end_page(Some((pages, document.comments, total)));
            Ok(true)
        }
        Err(error) => {
            web_sys::console::warn_1(
                &format!("Threadline could not load {url}: {}", error.detail()).into(),
            );
            thread.end_page(None);
            Err(error)
        }
    }
}

/// Fetches every page left, one after another (`"prefetch": "all"`),
/// stopping at the first that fails: the reader can ask for it again.
pub async fn all_pages(thread: LiveThread) {
    while let Ok(true) = next_page(&thread).await {}
}
