//! Fetching comment JSON.

use crate::core::load::LoadError;
use gloo_net::http::Request;

/// How long a request may take before the reader is told it failed.
const TIMEOUT_MS: u32 = 15_000;

/// Fetches `url` and returns its body, or says why it could not: no answer,
/// a timeout, or an error status.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|error| network_error(error, &signal))?;
    if !response.ok() {
        return Err(LoadError::Status {
            status: response.status(),
            text: response.status_text(),
        });
    }
    response
        .text()
        .await
        .map_err(|error| network_error(error, &signal))
}

fn network_error(error: gloo_net::Error, signal: &web_sys::AbortSignal) -> LoadError {
    if signal.aborted() {
        LoadError::Network(format!("no answer within {} seconds", TIMEOUT_MS / 1000))
    } else {
        LoadError::Network(error.to_string())
    }
}
