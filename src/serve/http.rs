//! The dev server's HTTP/1.1 layer on `std::net`: reading one request head within a deadline,
//! checking its `Host`, and writing responses. One request per connection
//! (`Connection: close`), GET and HEAD only. A development server on 127.0.0.1 needs no
//! keep-alive; closing after each response keeps the long-lived event stream from ever
//! sharing a connection with page requests.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

/// Longest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;

/// A parsed request head: method, raw target (path and query, still percent-encoded,
/// visible ASCII only) and the `Host` header's value, if it had one.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub(crate) method: String,
    pub(crate) target: String,
    pub(crate) host: Option<String>,
}

/// Why no request was read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeadError {
    /// The connection closed, failed or stayed silent until the deadline: nobody to answer.
    Nothing,
    /// Part of a head came, the rest not before the deadline (408).
    Late,
    /// Longer than [`MAX_HEAD`] (431).
    TooLarge,
    /// Not an HTTP/1.0 or 1.1 request head (400).
    Malformed,
}

impl HeadError {
    /// The status to answer with, if any.
    pub(crate) fn status(&self) -> Option<u16> {
        match self {
            HeadError::Nothing => None,
            HeadError::Late => Some(408),
            HeadError::TooLarge => Some(431),
            HeadError::Malformed => Some(400),
        }
    }
}

/// Reads one request head, all of it by `deadline` (a client sending a byte now and then
/// does not get more time with each byte). Bytes after the head are left unread.
pub(crate) fn read_request(
    stream: &mut TcpStream,
    deadline: Instant,
) -> Result<Request, HeadError> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(if head.is_empty() { HeadError::Nothing } else { HeadError::Late });
        }
        stream.set_read_timeout(Some(left)).map_err(|_| HeadError::Nothing)?;
        let want = (MAX_HEAD - head.len()).min(chunk.len());
        match stream.read(&mut chunk[..want]) {
            Ok(0) if head.is_empty() => return Err(HeadError::Nothing),
            Ok(0) => return Err(HeadError::Malformed),
            Ok(n) => {
                let from = head.len().saturating_sub(2);
                head.extend_from_slice(&chunk[..n]);
                if let Some(end) = head_end(&head[from..]) {
                    return parse_head(&head[..from + end]);
                }
                if head.len() >= MAX_HEAD {
                    return Err(HeadError::TooLarge);
                }
            }
            Err(err)
                if matches!(
                    err.kind(),
                    ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
                ) => {}
            Err(_) => return Err(HeadError::Nothing),
        }
    }
}

/// Where the head in `bytes` ends (after its blank line, CRLF or bare LF).
fn head_end(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).find_map(|i| match &bytes[i..] {
        [b'\n', b'\r', b'\n', ..] => Some(i + 3),
        [b'\n', b'\n', ..] => Some(i + 2),
        _ => None,
    })
}

/// Parses a complete request head (through its blank line).
pub(super) fn parse_head(head: &[u8]) -> Result<Request, HeadError> {
    let mut lines =
        head.split(|&b| b == b'\n').map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let line =
        std::str::from_utf8(lines.next().unwrap_or_default()).map_err(|_| HeadError::Malformed)?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    if !token(method)
        || !matches!(version, "HTTP/1.0" | "HTTP/1.1")
        || !target.starts_with('/')
        || !target.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(HeadError::Malformed);
    }
    let mut host = None;
    for line in lines.take_while(|line| !line.is_empty()) {
        // A line starting with white space continues the last one (obsolete folding):
        // refused, as RFC 9112 allows, rather than guessed at.
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Err(HeadError::Malformed);
        };
        let name = std::str::from_utf8(&line[..colon]).map_err(|_| HeadError::Malformed)?;
        if !token(name) {
            return Err(HeadError::Malformed);
        }
        if name.eq_ignore_ascii_case("host") {
            let value =
                std::str::from_utf8(&line[colon + 1..]).map_err(|_| HeadError::Malformed)?;
            if host.replace(value.trim_matches([' ', '\t']).to_string()).is_some() {
                return Err(HeadError::Malformed);
            }
        }
    }
    Ok(Request { method: method.to_string(), target: target.to_string(), host })
}

/// Whether a request's `Host` names this server, listening on 127.0.0.1:`port`: one of
/// `127.0.0.1:PORT`, `localhost:PORT` (any case) or `[::1]:PORT`, without the port only
/// when it is 80. Another name, a DNS rebinding page's included, gets 421 (Misdirected
/// Request); no `Host`, or one that is not an authority, gets 400.
pub(crate) fn check_host(host: Option<&str>, port: u16) -> Result<(), u16> {
    let host = host.ok_or(400u16)?.to_ascii_lowercase();
    let (name, given_port) = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') => (&host[..i], Some(&host[i + 1..])),
        _ => (host.as_str(), None),
    };
    let authority = |b: u8| b.is_ascii_alphanumeric() || b"-._~[]:%".contains(&b);
    if name.is_empty() || !name.bytes().all(authority) {
        return Err(400);
    }
    let port_matches = match given_port {
        None => port == 80,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse::<u16>().is_ok_and(|given| given == port)
        }
        Some(_) => return Err(400),
    };
    if port_matches && matches!(name, "127.0.0.1" | "localhost" | "[::1]") {
        Ok(())
    } else {
        Err(421)
    }
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

    /// A short plain-text response.
    pub(crate) fn text(status: u16, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{text}\n").into_bytes())
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
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// Writes `response`, without its body for HEAD (the `Content-Length` is the GET's).
pub(crate) fn write_response(
    stream: &mut impl Write,
    response: &Response,
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        // Only our own redirects (an encoded path) get here; strip line breaks regardless.
        head.push_str(&format!("Location: {}\r\n", location.replace(['\r', '\n'], "")));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// Starts an event stream: its head, then (not for HEAD) the reconnection delay; the caller
/// then writes events and flushes.
pub(crate) fn start_event_stream(stream: &mut impl Write, head_only: bool) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
    )?;
    if !head_only {
        stream.write_all(b"retry: 500\n\n")?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;
    use std::time::Duration;

    use super::*;

    /// `raw` sent by a client in pieces, a pause after each; the server reads with `wait`.
    fn read_sent(
        pieces: Vec<Vec<u8>>,
        pause: Duration,
        wait: Duration,
    ) -> Result<Request, HeadError> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(addr).unwrap();
            for piece in pieces {
                if s.write_all(&piece).is_err() {
                    return;
                }
                std::thread::sleep(pause);
            }
            let _ = s.shutdown(std::net::Shutdown::Write);
        });
        let (mut stream, _) = listener.accept().unwrap();
        let request = read_request(&mut stream, Instant::now() + wait);
        drop(stream);
        client.join().unwrap();
        request
    }

    fn read(raw: &[u8]) -> Result<Request, HeadError> {
        read_sent(vec![raw.to_vec()], Duration::ZERO, Duration::from_secs(10))
    }

    #[test]
    fn parses_a_request_line_and_the_host() {
        let req = read(b"GET /de-DE/?x=1 HTTP/1.1\r\nhOsT:  a:1 \r\nAccept: */*\r\n\r\n").unwrap();
        let want = Request {
            method: "GET".into(),
            target: "/de-DE/?x=1".into(),
            host: Some("a:1".into()),
        };
        assert_eq!(req, want);
        let req = read(b"HEAD / HTTP/1.0\n\n").unwrap();
        assert_eq!((req.method.as_str(), req.host), ("HEAD", None));
    }

    #[test]
    fn refuses_garbage() {
        for raw in [
            &b"\x00\x01 nonsense\r\n\r\n"[..],
            b"GET relative HTTP/1.1\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
            b"GET /a b HTTP/1.1\r\n\r\n",
            b"GET /\x7f HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
        ] {
            assert_eq!(read(raw), Err(HeadError::Malformed), "{}", String::from_utf8_lossy(raw));
        }
        assert_eq!(read(b"GET / HTTP/1.1\r\nHost: a\r\n"), Err(HeadError::Malformed), "cut short");
        assert_eq!(read(b""), Err(HeadError::Nothing));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(read(huge.as_bytes()), Err(HeadError::TooLarge));
    }

    /// The deadline is for the whole head: a byte every 50 ms does not extend it.
    #[test]
    fn a_head_sent_byte_by_byte_is_cut_at_the_deadline() {
        let raw = b"GET / HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n";
        let pieces = raw.iter().map(|&b| vec![b]).collect();
        let started = Instant::now();
        let result = read_sent(pieces, Duration::from_millis(50), Duration::from_millis(400));
        assert_eq!(result, Err(HeadError::Late));
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        // The same bytes, faster than the deadline, are one request.
        let pieces = raw.iter().map(|&b| vec![b]).collect();
        assert!(read_sent(pieces, Duration::from_millis(1), Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn only_this_servers_names_are_accepted_as_host() {
        for ok in ["127.0.0.1:8000", "localhost:8000", "LocalHost:8000", "[::1]:8000"] {
            assert_eq!(check_host(Some(ok), 8000), Ok(()), "{ok}");
        }
        for other in [
            "127.0.0.1:8001",
            "localhost:80",
            "evil.example:8000",
            "localhost.:8000",
            "127.0.0.2:8000",
            "[::2]:8000",
            "127.0.0.1",
            "localhost",
        ] {
            assert_eq!(check_host(Some(other), 8000), Err(421), "{other}");
        }
        for bad in ["", ":8000", "127.0.0.1:", "127.0.0.1:80a", "a b:8000", "x@127.0.0.1:8000"] {
            assert_eq!(check_host(Some(bad), 8000), Err(400), "{bad:?}");
        }
        assert_eq!(check_host(None, 8000), Err(400));
        assert_eq!(check_host(Some("127.0.0.1:65536"), 8000), Err(421), "out of range");
        // Browsers leave the default port out.
        assert_eq!(check_host(Some("localhost"), 80), Ok(()));
        assert_eq!(check_host(Some("[::1]"), 80), Ok(()));
    }

    #[test]
    fn head_responses_have_the_get_length_and_no_body() {
        let response = Response::text(404, "not found");
        let (mut get, mut head) = (Vec::new(), Vec::new());
        write_response(&mut get, &response, false).unwrap();
        write_response(&mut head, &response, true).unwrap();
        assert!(get.ends_with(b"\r\n\r\nnot found\n"));
        assert_eq!(&get[..head.len()], &head[..]);
        assert!(head.ends_with(b"\r\n\r\n"));
        assert!(String::from_utf8(head).unwrap().contains("Content-Length: 10\r\n"));
    }
}
