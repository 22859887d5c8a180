//! The dev server's HTTP/1.1 layer on `std::net`: one thread per connection, one request per
//! connection (`Connection: close`), GET and HEAD only. A development server on 127.0.0.1
//! needs no keep-alive; closing after each response keeps the long-lived event stream from
//! ever sharing a connection with page requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Longest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;

/// A parsed request: method and raw target (path and query, still percent-encoded).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub(crate) method: String,
    pub(crate) target: String,
}

/// Reads one request head. `None` for anything that is not a well-formed HTTP/1.x request.
pub(crate) fn read_request(stream: &TcpStream) -> Option<Request> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.take(MAX_HEAD as u64));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.trim_end().split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if !version.starts_with("HTTP/1.") || parts.next().is_some() || !target.starts_with('/') {
        return None;
    }
    // Headers are read and ignored, up to the blank line.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        if header == "\r\n" || header == "\n" {
            break;
        }
    }
    Some(Request { method: method.to_string(), target: target.to_string() })
}

/// A complete response.
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) body: Vec<u8>,
    pub(crate) location: Option<String>,
}

impl Response {
    pub(crate) fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response { status, content_type, body, location: None }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    }
}

/// Writes `response` (without its body for HEAD) and closes the connection.
pub(crate) fn write_response(mut stream: TcpStream, response: &Response, head_only: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        // Only our own redirects (a path plus `/`) get here; strip line breaks regardless.
        head.push_str(&format!("Location: {}\r\n", location.replace(['\r', '\n'], "")));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&response.body);
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// Starts an event stream: headers only; the caller then writes events and flushes.
pub(crate) fn start_event_stream(stream: &mut TcpStream) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n",
    )?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use super::*;

    fn parse(raw: &[u8]) -> Option<Request> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let raw = raw.to_vec();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(&raw).unwrap();
            s.shutdown(std::net::Shutdown::Write).unwrap();
        });
        let (stream, _) = listener.accept().unwrap();
        let request = read_request(&stream);
        client.join().unwrap();
        request
    }

    #[test]
    fn parses_a_request_line_and_skips_headers() {
        let req = parse(b"GET /de-DE/?x=1 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n").unwrap();
        assert_eq!(req, Request { method: "GET".into(), target: "/de-DE/?x=1".into() });
    }

    #[test]
    fn refuses_garbage() {
        assert_eq!(parse(b"\x00\x01 nonsense\r\n\r\n"), None);
        assert_eq!(parse(b"GET relative HTTP/1.1\r\n\r\n"), None);
        assert_eq!(parse(b"GET / HTTP/1.1\r\nHost: a\r\n"), None, "unterminated head");
    }
}
