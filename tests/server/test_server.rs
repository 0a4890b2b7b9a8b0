//! The write-side test server: a real HTTP server on loopback that the
//! end-to-end tests start (`cargo run --example test-server -- <dist>`).
//! It serves the built bundle and a thread, takes votes, comments and reports,
//! records every request it receives, and can be told to succeed, to
//! answer 500, or to hang. Its API answers other origins with CORS that
//! allows credentials, so a second instance can stand for a comment server
//! on another origin.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server answers writes.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Succeed,
    Fail,
    /// A 422 with a reason, as a server that refuses the text for good.
    Reject,
    Hang,
}

#[derive(Default)]
struct Log {
    requests: Vec<Value>,
    votes: Option<Mode>,
    posts: Option<Mode>,
    reports: Option<Mode>,
    /// Comments the server took, as it serves them with the thread.
    comments: Vec<Value>,
    /// Whether the next request for a later page of the paged list fails.
    fail_page: bool,
}

struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: String,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn respond(stream: TcpStream, status: u16, kind: &str, body: &[u8]) {
    respond_with(stream, status, kind, body, "");
}

/// Answers with `extra` header lines (each ending in CRLF) added.
fn respond_with(mut stream: TcpStream, status: u16, kind: &str, body: &[u8], extra: &str) {
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n{extra}\r\n",
        if status < 400 { "OK" } else { "Error" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// A page of a WordPress-like paged list: 35 comments, 10 a page, newest
/// first, some of them replies to comments on later pages; the total in
/// `X-WP-Total` and the next page in a relative `Link` header.
fn paged_comments(page: usize) -> (Value, String) {
    const TOTAL: usize = 35;
    const PER_PAGE: usize = 10;
    let parent = |id: usize| match id {
        30 => 12,
        20 => 19,
        7 => 3,
        _ => 0,
    };
    let list: Vec<Value> = (1..=TOTAL)
        .rev()
        .skip(page.saturating_sub(1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|id| {
            json!({
                "id": id, "parent": parent(id), "author_name": format!("Reader {id}"),
                "content": {"rendered": format!("<p>Comment number {id}.</p>")},
                "date_gmt": format!("2026-11-20T10:{id:02}:00"),
            })
        })
        .collect();
    let mut headers = format!(
        "X-WP-Total: {TOTAL}\r\nX-WP-TotalPages: {}\r\n",
        TOTAL.div_ceil(PER_PAGE)
    );
    if page * PER_PAGE < TOTAL {
        headers += &format!(
            "Link: </api/paged?post=1&page={}>; rel=\"next\"\r\n",
            page + 1
        );
    }
    (json!(list), headers)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn handle(stream: TcpStream, root: &Path, log: &Mutex<Log>) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let path = request.target.split('?').next().unwrap_or("/").to_owned();
    let query = request
        .target
        .split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default();
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let cors = header("origin").map_or_else(String::new, |origin| {
        format!(
            "Access-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Credentials: true\r\n\
             Access-Control-Allow-Methods: POST, PUT, DELETE\r\nAccess-Control-Allow-Headers: authorization, content-type\r\n"
        )
    });
    // Answers take a moment, as on a real network, so tests can see the
    // optimistic state before the answer arrives.
    let write = |mode: Option<Mode>, answer: Value, stream: TcpStream| {
        std::thread::sleep(Duration::from_millis(400));
        match mode.unwrap_or(Mode::Succeed) {
            Mode::Succeed => respond_with(
                stream,
                200,
                "application/json",
                answer.to_string().as_bytes(),
                &cors,
            ),
            Mode::Fail => respond_with(stream, 500, "text/plain", b"refused", &cors),
            Mode::Reject => respond_with(
                stream,
                422,
                "application/json",
                br#"{"message": "text is too short"}"#,
                &cors,
            ),
            Mode::Hang => std::thread::sleep(Duration::from_secs(120)),
        }
    };
    match (request.method.as_str(), path.as_str()) {
        ("OPTIONS", "/api/vote" | "/api/comments" | "/api/report") => {
            respond_with(stream, 204, "text/plain", b"", &cors);
        }
        ("POST", "/api/vote" | "/api/comments" | "/api/report") => {
            let (mode, answer) = {
                let mut log = log.lock().unwrap_or_else(|poison| poison.into_inner());
                let mut record = json!({
                    "method": request.method, "target": request.target, "body": request.body,
                    "authorization": header("authorization"), "contentType": header("content-type"),
                });
                if let Some(cookie) = header("cookie") {
                    record["cookie"] = cookie.into();
                }
                log.requests.push(record);
                if path == "/api/vote" {
                    (log.votes, json!({"ok": true}))
                } else if path == "/api/report" {
                    (log.reports, json!({"ok": true}))
                } else {
                    let sent: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
                    let answer = json!({
                        "id": format!("srv-{}", log.requests.len()), "parent": sent["parent"],
                        "author": sent["author"], "body": sent["body"], "created": "2017-09-18T08:00:00Z", "score": 1,
                    });
                    // A server that hangs never got the comment.
                    if matches!(log.posts, None | Some(Mode::Succeed)) {
                        log.comments.push(answer.clone());
                    }
                    (log.posts, answer)
                }
            };
            write(mode, answer, stream);
        }
        // The reader's own comments: an edit answers with the server's
        // version; a deletion with nothing to read. Both follow `posts`.
        ("PUT" | "DELETE", _) if path.starts_with("/api/comment/") => {
            let sent: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
            let mode = {
                let mut log = log.lock().unwrap_or_else(|poison| poison.into_inner());
                log.requests.push(json!({
                    "method": request.method, "target": request.target, "body": request.body,
                    "authorization": header("authorization"), "contentType": header("content-type"),
                }));
                let id = path.trim_start_matches("/api/comment/");
                if matches!(log.posts, None | Some(Mode::Succeed)) {
                    if request.method == "PUT" {
                        for comment in log.comments.iter_mut().filter(|c| c["id"] == id) {
                            comment["body"] = sent["body"].clone();
                            comment["edited"] = true.into();
                        }
                    } else {
                        log.comments.retain(|c| c["id"] != id);
                    }
                }
                log.posts
            };
            let answer = if request.method == "PUT" {
                json!({"id": sent["id"], "body": sent["body"], "created": "2017-09-18T08:00:00Z", "score": 1})
            } else {
                json!({"ok": true})
            };
            write(mode, answer, stream);
        }
        // The thread, with the comments the server took since.
        ("GET", "/data/seed-thread.json") => {
            let mut thread: Value = std::fs::read(root.join("data/seed-thread.json"))
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .unwrap_or(Value::Null);
            let taken = log
                .lock()
                .unwrap_or_else(|poison| poison.into_inner())
                .comments
                .clone();
            if let Some(comments) = thread["comments"].as_array_mut() {
                comments.extend(taken);
            }
            respond(
                stream,
                200,
                "application/json",
                thread.to_string().as_bytes(),
            );
        }
        ("GET", "/api/paged") => {
            let page: usize = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("page="))
                .and_then(|page| page.parse().ok())
                .unwrap_or(1);
            let fail = {
                let mut log = log.lock().unwrap_or_else(|poison| poison.into_inner());
                log.requests
                    .push(json!({"method": request.method, "target": request.target}));
                page > 1 && std::mem::take(&mut log.fail_page)
            };
            std::thread::sleep(Duration::from_millis(200));
            if fail {
                respond(stream, 500, "text/plain", b"refused");
            } else {
                let (list, headers) = paged_comments(page);
                respond_with(
                    stream,
                    200,
                    "application/json",
                    list.to_string().as_bytes(),
                    &headers,
                );
            }
        }
        // A page of the paged list; `?all` loads every page at once.
        ("GET", "/paged.html") => {
            let mapping = if query == "all" {
                r#" data-mapping='{"pages": {"next": "link", "prefetch": "all"}}'"#
            } else {
                ""
            };
            let page = format!(
                r##"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pages</title></head>
<body><h1>A news page</h1><p style="height: 300vh">A long article.</p><div id="comments"></div>
<script src="/threadline.js" data-src="/api/paged?post=1" data-preset="wordpress" data-target="#comments"{mapping}></script></body></html>"##
            );
            respond(stream, 200, "text/html; charset=utf-8", page.as_bytes());
        }
        ("GET", "/article.html") => {
            let page = r##"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Writes</title></head>
<body><h1>A news page</h1><div id="comments"></div>
<script src="/threadline.js" data-src="/data/seed-thread.json" data-target="#comments"
  data-vote-url="/api/vote?c={id}" data-post-url="/api/comments" data-report-url="/api/report?c={id}"
  data-edit-url="/api/comment/{id}" data-delete-url="/api/comment/{id}"
  data-token="t0ken"></script></body></html>"##;
            respond(stream, 200, "text/html; charset=utf-8", page.as_bytes());
        }
        ("GET", "/control/requests") => {
            let body = json!(
                log.lock()
                    .unwrap_or_else(|poison| poison.into_inner())
                    .requests
            )
            .to_string();
            respond(stream, 200, "application/json", body.as_bytes());
        }
        ("POST", "/control/mode") => {
            let mut log = log.lock().unwrap_or_else(|poison| poison.into_inner());
            for pair in query.split('&') {
                let mode = |value: &str| match value {
                    "fail" => Some(Mode::Fail),
                    "reject" => Some(Mode::Reject),
                    "hang" => Some(Mode::Hang),
                    _ => Some(Mode::Succeed),
                };
                match pair.split_once('=') {
                    Some(("votes", value)) => log.votes = mode(value),
                    Some(("posts", value)) => log.posts = mode(value),
                    Some(("reports", value)) => log.reports = mode(value),
                    Some(("pages", "fail")) => log.fail_page = true,
                    _ => {}
                }
            }
            respond(stream, 200, "text/plain", b"ok");
        }
        ("POST", "/control/reset") => {
            *log.lock().unwrap_or_else(|poison| poison.into_inner()) = Log::default();
            respond(stream, 200, "text/plain", b"ok");
        }
        ("GET", _) => {
            let relative = path.trim_start_matches('/');
            let file: PathBuf = root.join(if relative.is_empty() {
                "index.html"
            } else {
                relative
            });
            let inside = file
                .canonicalize()
                .ok()
                .filter(|f| root.canonicalize().is_ok_and(|r| f.starts_with(r)));
            match inside.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
                Some((file, body)) => respond(stream, 200, content_type(&file), &body),
                None => respond(stream, 404, "text/plain", b"not found"),
            }
        }
        _ => respond(stream, 405, "text/plain", b"method not allowed"),
    }
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned()));
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let address = listener.local_addr().expect("an address");
    println!("listening on http://{address}");
    let log = Arc::new(Mutex::new(Log::default()));
    for stream in listener.incoming().flatten() {
        let (root, log) = (root.clone(), log.clone());
        std::thread::spawn(move || handle(stream, &root, &log));
    }
}
