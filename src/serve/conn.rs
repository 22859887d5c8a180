//! Connections for `serve`: the accept loop (a cap on open connections, back-off when
//! accepting fails), each connection's deadlines, and the routes.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::files::{Resolved, content_type, inject, not_found_page, resolve};
use super::http::{
    Request, Response, check_host, read_request, start_event_stream, write_response,
};
use super::{EVENTS_PATH, Hub, LIVE_CSS, LIVE_JS, SCRIPT_PATH, STYLE_PATH};

/// Most connections open at once, event streams (one per open page) included. Over it, a
/// new connection gets a 503 from the accept loop itself, without a thread of its own.
pub(super) const MAX_CONNECTIONS: usize = 64;

/// The whole request head must arrive within this time of the connection being accepted;
/// a silent connection is closed then, a partial head answered with 408.
pub(super) const HEAD_DEADLINE: Duration = Duration::from_secs(5);

/// A write (of a response's part, or of an event) that makes no progress for this long
/// ends the connection: a client that stops reading does not keep its thread forever.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The first and the longest pause after a failed `accept` (out of file descriptors, say):
/// the pending connection stays queued, so retrying at once would only spin.
const BACKOFF_FIRST: Duration = Duration::from_millis(10);
const BACKOFF_MAX: Duration = Duration::from_secs(1);

/// What the connections serve.
pub(super) struct Site {
    pub(super) out: PathBuf,
    pub(super) hub: Arc<Hub>,
    /// The port actually bound, for checking `Host`.
    pub(super) port: u16,
}

/// Accepts connections on the non-blocking `listener` until `stop`.
pub(super) fn accept_loop(listener: &TcpListener, site: Arc<Site>, stop: &AtomicBool) {
    let open = Arc::new(AtomicUsize::new(0));
    let mut backoff = Backoff::default();
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                if let Some(line) = backoff.succeeded() {
                    eprintln!("{line}");
                }
                admit(stream, &site, &open);
            }
            Err(err) if err.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(err) if err.kind() == ErrorKind::Interrupted => {}
            Err(err) => {
                let (pause, line) = backoff.failed(&err);
                if let Some(line) = line {
                    eprintln!("{line}");
                }
                std::thread::sleep(pause);
            }
        }
    }
}

/// Pauses between failed `accept`s, doubling up to [`BACKOFF_MAX`], and one log line per
/// burst of failures instead of one per failure.
#[derive(Default)]
struct Backoff {
    failures: u64,
    pause: Duration,
}

impl Backoff {
    /// After a failure: how long to wait, and the line to print (for a burst's first).
    fn failed(&mut self, err: &std::io::Error) -> (Duration, Option<String>) {
        self.failures += 1;
        self.pause =
            if self.failures == 1 { BACKOFF_FIRST } else { (self.pause * 2).min(BACKOFF_MAX) };
        let line = (self.failures == 1).then(|| {
            format!(
                "serve: cannot accept connections: {err}; retrying every {} ms at most",
                BACKOFF_MAX.as_millis()
            )
        });
        (self.pause, line)
    }

    /// After a success: the line that ends a burst of failures, if there was one.
    fn succeeded(&mut self) -> Option<String> {
        let failures = std::mem::take(&mut self.failures);
        (failures > 0)
            .then(|| format!("serve: accepting connections again ({failures} failed attempts)"))
    }
}

/// Open connections, counted down when a connection's thread ends.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Gives `stream` a thread, or a 503 when [`MAX_CONNECTIONS`] are open. Only the accept
/// loop adds to `open`, so the check and the increment need no lock.
fn admit(stream: TcpStream, site: &Arc<Site>, open: &Arc<AtomicUsize>) {
    if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
        refuse(stream);
        return;
    }
    open.fetch_add(1, Ordering::SeqCst);
    let counted = Counted(open.clone());
    let site = site.clone();
    // If no thread can be started, the closure is dropped: the connection closes and is
    // counted out.
    let _ = std::thread::Builder::new().name("serve-connection".into()).spawn(move || {
        let _counted = counted;
        handle(stream, &site);
    });
}

/// Answers 503 from the accept loop, never waiting: what the client has already sent is
/// read first (closing with unread bytes would reset the connection before the client
/// reads the answer), then the answer fits the empty send buffer.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(true);
    let mut scratch = [0u8; 4096];
    for _ in 0..4 {
        if !matches!(stream.read(&mut scratch), Ok(n) if n > 0) {
            break;
        }
    }
    let _ = write_response(&mut stream, &Response::text(503, "too many connections"), false);
    let _ = stream.shutdown(Shutdown::Write);
}

fn handle(mut stream: TcpStream, site: &Site) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    match read_request(&mut stream, Instant::now() + HEAD_DEADLINE) {
        Ok(request) => respond(&request, site, &mut stream),
        Err(err) => {
            let text = match err.status() {
                Some(408) => "the request head came too slowly",
                Some(431) => "the request head is too large",
                _ => "bad request",
            };
            if let Some(status) = err.status() {
                let _ = write_response(&mut stream, &Response::text(status, text), false);
            }
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
}

/// Answers `request`; for the event stream, keeps writing events until the client goes.
/// HEAD gets every route's head without its body.
fn respond(request: &Request, site: &Site, stream: &mut impl Write) {
    let head_only = request.method == "HEAD";
    let response = if let Err(status) = check_host(request.host.as_deref(), site.port) {
        let text = if status == 421 { "not this server's name" } else { "missing or bad Host" };
        Response::text(status, text)
    } else if request.method != "GET" && !head_only {
        Response::text(405, "method not allowed")
    } else {
        // A fragment is the client's own; a client that sends one anyway gets it ignored.
        let target = request.target.split('#').next().unwrap_or_default();
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        match path {
            EVENTS_PATH => {
                // Subscribed before the head goes out: a client that has read the head
                // hears of every change made after it.
                let events = (!head_only).then(|| site.hub.subscribe());
                if start_event_stream(stream, head_only).is_ok() {
                    if let Some(events) = events {
                        stream_events(stream, events);
                    }
                }
                return;
            }
            SCRIPT_PATH => Response::new(200, "text/javascript; charset=utf-8", LIVE_JS.into()),
            STYLE_PATH => Response::new(200, "text/css; charset=utf-8", LIVE_CSS.into()),
            _ => file_response(site, path, query),
        }
    };
    let _ = write_response(stream, &response, head_only);
}

fn file_response(site: &Site, path: &str, query: Option<&str>) -> Response {
    let not_found = || Response::new(404, "text/html; charset=utf-8", not_found_page(&site.out));
    match resolve(&site.out, path) {
        Resolved::File(file) => match std::fs::read(&file) {
            Ok(bytes) => {
                let kind = content_type(&file);
                let bytes = if kind.starts_with("text/html") { inject(bytes) } else { bytes };
                Response::new(200, kind, bytes)
            }
            Err(_) => not_found(),
        },
        Resolved::Redirect(mut location) => {
            // The query is visible ASCII (the request parser refuses anything else).
            if let Some(query) = query {
                location.push('?');
                location.push_str(query);
            }
            Response {
                location: Some(location),
                ..Response::new(301, "text/plain; charset=utf-8", Vec::new())
            }
        }
        Resolved::Forbidden => Response::text(403, "forbidden"),
        Resolved::NotFound => not_found(),
    }
}

/// Streams Server-Sent Events, flushing each one, with a keep-alive comment every 15 s so a
/// closed connection is noticed and the thread ends.
fn stream_events(stream: &mut impl Write, rx: Receiver<String>) {
    loop {
        let event = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if stream.write_all(event.as_bytes()).and_then(|()| stream.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests;
