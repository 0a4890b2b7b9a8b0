//! Talking to comment servers: fetching JSON and sending votes.
//!
//! Requests are built as `web_sys::Request`s and sent through gloo-net, whose
//! own builder appends a stray `&` to URLs that already have a query.

use crate::core::live::Validators;
use crate::core::load::LoadError;
use crate::core::votes::{server_reason, WriteRequest};
use crate::services::page::next_task;
use gloo_net::http::{Request, Response};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCredentials, RequestInit};

/// How long a request may take before the reader is told it failed.
const TIMEOUT_MS: u32 = 15_000;

async fn send_request(url: &str, init: &RequestInit) -> Result<Response, LoadError> {
    let response = answer(url, init).await?;
    if response.ok() {
        Ok(response)
    } else {
        Err(LoadError::Status {
            status: response.status(),
            text: response.status_text(),
        })
    }
}

/// The server's answer, whatever its status, or why none came.
async fn answer(url: &str, init: &RequestInit) -> Result<Response, LoadError> {
    let signal = AbortSignal::timeout_with_u32(TIMEOUT_MS);
    init.set_signal(Some(&signal));
    let request = web_sys::Request::new_with_str_and_init(url, init)
        .map_err(|_| LoadError::Setup(format!("{url} is not a URL this page can fetch")))?;
    Request::from(request).send().await.map_err(|error| {
        if signal.aborted() {
            LoadError::Timeout(TIMEOUT_MS / 1000)
        } else {
            LoadError::Network(error.to_string())
        }
    })
}

/// Fetches `url` and returns its body's bytes, or says why it could not: no
/// answer, a timeout, or an error status. The bytes are copied into wasm
/// once (their own size); a JS string of the same body would cost up to
/// three times as much.
pub async fn fetch_body(url: &str) -> Result<Vec<u8>, LoadError> {
    bytes(send_request(url, &RequestInit::new()).await?).await
}

/// Fetches one page of a paged API: its body, and its headers, where
/// `Link` and counts like `X-WP-Total` are.
pub async fn fetch_page(url: &str) -> Result<(Vec<u8>, gloo_net::http::Headers), LoadError> {
    let response = send_request(url, &RequestInit::new()).await?;
    let headers = response.headers();
    Ok((bytes(response).await?, headers))
}

/// `url` made absolute against `base` (itself taken against the page), as
/// a browser follows a link: a next page's URL may be relative to the last.
pub fn resolve(url: &str, base: &str) -> String {
    let page = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    page.and_then(|page| web_sys::Url::new_with_base(base, &page).ok())
        .and_then(|base| web_sys::Url::new_with_base(url, &base.href()).ok())
        .map_or_else(|| url.to_owned(), |absolute| absolute.href())
}

/// How much of a body is taken in, or copied into wasm, per browser task.
/// Taken whole (`arrayBuffer()`), a thread of 50,000 comments (27 MB) held
/// the page for about 150 ms at 4× CPU, and its copy into wasm for 65
/// more.
const PART: usize = 1 << 20;

/// A response's body, copied into wasm once, a part per task: its chunks
/// are taken as they stream in (kept in JS, as the whole body was), then
/// copied into a buffer of their exact size. (A blob would be read in
/// parts too, but a browser may refuse a big one on a small phone.)
async fn bytes(response: Response) -> Result<Vec<u8>, LoadError> {
    let failed = |error: JsValue| LoadError::Network(format!("{error:?}"));
    let Some(stream) = web_sys::Response::from(response).body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|reader| failed(reader.into()))?;
    let chunks = Array::new();
    let mut size = 0;
    loop {
        let read = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(failed)?;
        let chunk = Reflect::get(&read, &"value".into()).map_err(failed)?;
        // No chunk: the stream is done.
        let Some(chunk) = chunk.dyn_ref::<Uint8Array>() else {
            break;
        };
        let before = size;
        size += chunk.length() as usize;
        chunks.push(chunk);
        if ends_part(before, size) {
            next_task().await;
        }
    }
    let mut body = Vec::with_capacity(size);
    for chunk in chunks.iter() {
        let chunk = Uint8Array::from(chunk);
        let at = body.len();
        body.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut body[at..]);
        if ends_part(at, body.len()) {
            next_task().await;
        }
    }
    Ok(body)
}

/// Whether going from `before` bytes to `after` completes a [`PART`].
fn ends_part(before: usize, after: usize) -> bool {
    after / PART > before / PART
}

/// A newer copy of a thread, or word that it has not changed.
pub enum Fresh {
    /// The server answered 304 Not Modified.
    Unchanged,
    /// The body, with the validators to send next time.
    Changed(Vec<u8>, Validators),
}

/// Fetches `url` again, sending back what identified the last copy
/// (`If-None-Match`, `If-Modified-Since`), and says whether it changed.
pub async fn fetch_fresh(url: &str, validators: &Validators) -> Result<Fresh, LoadError> {
    let init = RequestInit::new();
    let headers = Object::new();
    for (name, value) in validators.headers() {
        let _ = Reflect::set(&headers, &name.into(), &value.into());
    }
    init.set_headers(&headers);
    let response = match send_request(url, &init).await {
        Err(LoadError::Status { status: 304, .. }) => return Ok(Fresh::Unchanged),
        other => other?,
    };
    let header = |name: &str| response.headers().get(name);
    let fresh = Validators {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    Ok(Fresh::Changed(bytes(response).await?, fresh))
}

/// Asks the host page's auth callback for a token; it may return the token
/// or a promise of it. Nothing usable gives `None`, never an error.
pub async fn token_from(auth: &js_sys::Function) -> Option<String> {
    let value = auth.call0(&JsValue::UNDEFINED).ok()?;
    let value = match value.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok()?,
        Err(value) => value,
    };
    value.as_string().filter(|token| !token.is_empty())
}

/// Why a vote or a comment did not reach the server: refused or lost (the
/// reader is told which, in their words), and the detail for the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// The server answered with an error status (otherwise no answer came).
    pub refused: bool,
    /// The server turned it down for good (a 4xx other than 408 and 429):
    /// trying again would not help.
    pub permanent: bool,
    /// The server's own reason, when it gave one a reader can read.
    pub reason: Option<String>,
    /// The status or network error.
    pub detail: String,
}

/// Sends a vote or a new comment and returns the server's answer.
pub async fn send(request: WriteRequest, with_cookies: bool) -> Result<String, SendError> {
    let init = RequestInit::new();
    init.set_method(&request.method);
    init.set_body(&JsValue::from_str(&request.body));
    let headers = Object::new();
    for (name, value) in &request.headers {
        let _ = Reflect::set(&headers, &name.into(), &value.into());
    }
    init.set_headers(&headers);
    if with_cookies {
        init.set_credentials(RequestCredentials::Include);
    }
    let lost = |detail: String| SendError {
        refused: false,
        permanent: false,
        reason: None,
        detail,
    };
    let result = match answer(&request.url, &init).await {
        Ok(response) if response.ok() => response
            .text()
            .await
            .map_err(|error| lost(error.to_string())),
        Ok(response) => {
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            Err(SendError {
                refused: true,
                permanent: (400..500).contains(&status) && !matches!(status, 408 | 429),
                reason: server_reason(&body),
                detail: format!("HTTP {status} {}: {body:.300}", response.status_text()),
            })
        }
        Err(error) => Err(lost(error.detail())),
    };
    if let Err(error) = &result {
        web_sys::console::warn_1(
            &format!(
                "Threadline: {} {}: {}",
                request.method, request.url, error.detail
            )
            .into(),
        );
    }
    result
}
