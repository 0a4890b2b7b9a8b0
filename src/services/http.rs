//! Talking to comment servers: fetching JSON and sending votes.
//!
//! Requests are built as `web_sys::Request`s and sent through gloo-net, whose
//! own builder appends a stray `&` to URLs that already have a query.

use crate::core::load::LoadError;
use crate::core::votes::WriteRequest;
use gloo_net::http::{Request, Response};
use js_sys::{Object, Reflect, Uint8Array};
use std::io::Read;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, RequestCredentials, RequestInit};

/// How long a request may take before the reader is told it failed.
const TIMEOUT_MS: u32 = 15_000;

async fn send_request(url: &str, init: &RequestInit) -> Result<Response, LoadError> {
    let signal = AbortSignal::timeout_with_u32(TIMEOUT_MS);
    init.set_signal(Some(&signal));
    let request = web_sys::Request::new_with_str_and_init(url, init)
        .map_err(|_| LoadError::Network(format!("{url} is not a URL this page can fetch")))?;
    let response = Request::from(request).send().await.map_err(|error| {
        if signal.aborted() {
            LoadError::Network(format!("no answer within {} seconds", TIMEOUT_MS / 1000))
        } else {
            LoadError::Network(error.to_string())
        }
    })?;
    if response.ok() {
        Ok(response)
    } else {
        Err(LoadError::Status {
            status: response.status(),
            text: response.status_text(),
        })
    }
}

/// Fetches `url` and returns its body, or says why it could not: no answer,
/// a timeout, or an error status. The body stays in the browser's memory, to
/// be read piece by piece: a thread's JSON then never sits whole in wasm
/// memory (which never shrinks) next to the comments parsed from it.
pub async fn fetch_body(url: &str) -> Result<JsBytes, LoadError> {
    let response = send_request(url, &RequestInit::new()).await?;
    let buffer = web_sys::Response::from(response)
        .array_buffer()
        .map_err(|error| LoadError::Network(format!("{error:?}")))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|error| LoadError::Network(format!("{error:?}")))?;
    Ok(JsBytes {
        bytes: Uint8Array::new(&buffer),
        read: 0,
    })
}

/// A response body in the browser's memory, read with `std::io::Read`.
pub struct JsBytes {
    bytes: Uint8Array,
    read: u32,
}

impl Read for JsBytes {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let left = self.bytes.length() - self.read;
        let count = left.min(u32::try_from(buffer.len()).unwrap_or(u32::MAX));
        let end = self.read + count;
        self.bytes
            .subarray(self.read, end)
            .copy_to(&mut buffer[..count as usize]);
        self.read = end;
        Ok(count as usize)
    }
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

/// Sends a vote or a new comment and returns the server's answer; the
/// error is a sentence a reader can be shown.
pub async fn send(request: WriteRequest, with_cookies: bool) -> Result<String, String> {
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
    let lost = || "the server did not answer. Please try again.".to_owned();
    match send_request(&request.url, &init).await {
        Ok(response) => response.text().await.map_err(|_| lost()),
        Err(LoadError::Status { status, .. }) => Err(format!(
            "the server refused it (HTTP {status}). Please try again."
        )),
        Err(_) => Err(lost()),
    }
}
