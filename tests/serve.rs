//! `drillbook serve` for real: the binary on a free port, raw HTTP over TCP, live edits.

mod support;

#[path = "serve/search.rs"]
mod search;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use support::{drillbook, edit, fixture, tree};

struct Served {
    child: Child,
    port: u16,
    /// What it printed before `serving` (the first build's report).
    startup: Vec<String>,
    log: Receiver<String>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &std::path::Path, port: u16) -> Served {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drillbook"));
    command.args(["serve", "--port", &port.to_string()]);
    start_command(command, dir)
}

// The child is killed and waited for in `Served::drop`, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn start_command(mut command: Command, dir: &std::path::Path) -> Served {
    let mut child = command.current_dir(dir).stderr(Stdio::piped()).spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut startup = Vec::new();
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve printed its address");
        if let Some(rest) = line.strip_prefix("serving ") {
            let port = rest.rsplit(':').next().unwrap().split('/').next().unwrap().parse().unwrap();
            return Served { child, port, startup, log: rx };
        }
        startup.push(line);
    }
}

/// A raw GET (the path is sent exactly as given): status, headers, body.
fn get(port: u16, path: &str) -> (u16, String, String) {
    request(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"))
}

/// Sends `head` as it is: status, headers (lower-cased), body.
fn request(port: u16, head: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// Opens the event stream and waits for its status line: `serve` subscribes a client before
/// it answers, so every change made after this returns is announced on the stream.
fn subscribe(port: u16) -> std::io::Lines<BufReader<TcpStream>> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /__drillbook/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let handle = stream.try_clone().unwrap();
    let mut lines = BufReader::new(stream).lines();
    let status = lines.next().expect("an answer").expect("the status line");
    assert_eq!(status, "HTTP/1.1 200 OK");
    handle.set_read_timeout(None).unwrap();
    lines
}

/// Reads Server-Sent Events into a channel.
fn events(port: u16) -> Receiver<String> {
    let lines = subscribe(port);
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.starts_with("event: ") && tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits for `wanted`. A save is not atomic (truncate, then write), so under load the
/// watcher may see it as two bursts and send an extra `reload` first; a partial rebuild
/// sends a second `reload` for the dashboards, and a fix an `ok` before its `reload`:
/// those are skipped.
fn expect_event(rx: &Receiver<String>, wanted: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let event =
            rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("an event");
        if event == wanted {
            return;
        }
        assert!(
            event == "event: reload" || event == "event: ok",
            "unexpected {event} while waiting for {wanted}"
        );
    }
}

#[test]
fn serves_files_with_types_and_refuses_traversal() {
    let project = fixture("mini");
    std::fs::write(project.path().join("secret.txt"), "secret").unwrap();
    let served = start(project.path(), 0);
    let (status, head, body) = get(served.port, "/en-US/suspend-a-subscription/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    assert!(body.contains("<script src=\"/__drillbook/live.js\" defer></script>"));
    let (status, head, _) = get(served.port, "/assets/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css"));
    for bad in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en-US/..%2f..%2fsecret.txt",
        "/%2E%2E%5Csecret.txt",
    ] {
        let (status, _, body) = get(served.port, bad);
        assert!(status == 403 || status == 400 || status == 404, "{bad}: {status}");
        assert!(!body.contains("secret"), "{bad} leaked the file");
    }
    let (status, _, body) = get(served.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    let (status, head, _) = get(served.port, "/en-US");
    assert_eq!(status, 301);
    assert!(head.contains("location: /en-us/"), "{head}"); // `head` is lower-cased
    let (status, head, _) = get(served.port, "//en-US");
    assert_eq!(status, 301);
    assert!(head.lines().any(|l| l == "location: /en-us/"), "not `//en-US/`, another host: {head}");
    // A DNS rebinding page reaches 127.0.0.1 under its own name: refused.
    let port = served.port;
    let (status, _, body) =
        request(port, &format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n"));
    assert_eq!(status, 421);
    assert!(!body.contains("<html"), "{body}");
    let (status, _, _) = request(port, "GET / HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400, "no Host");
    for path in ["/__drillbook/events", "/__drillbook/live.js", "/en-US/suspend-a-subscription/"] {
        let (status, head, body) =
            request(port, &format!("HEAD {path} HTTP/1.1\r\nHost: [::1]:{port}\r\n\r\n"));
        assert_eq!((status, body.as_str()), (200, ""), "HEAD {path}: {head}");
    }
}

#[test]
fn edits_rebuild_and_reload_and_errors_show_until_fixed() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let events = events(served.port);
    let ftl = "locales/de-DE/suspend-a-subscription.ftl";
    edit(project.path(), ftl, "title = Abonnement anhalten", "title = Abonnement sofort anhalten");
    expect_event(&events, "event: reload");
    wait_for("the new title", || {
        get(served.port, "/de-DE/suspend-a-subscription/").2.contains("Abonnement sofort anhalten")
    });

    edit(project.path(), ftl, "step-open = Öffnen Sie", "step-open = { Öffnen Sie");
    expect_event(&events, "event: error-report");
    let page = get(served.port, "/de-DE/suspend-a-subscription/").2;
    assert!(page.contains("Abonnement sofort anhalten"), "the last good site is still served");
    // A page opened while the build is broken learns of the error on connect.
    let late = self::events(served.port);
    expect_event(&late, "event: error-report");

    edit(project.path(), ftl, "step-open = { Öffnen Sie", "step-open = Öffnen Sie");
    expect_event(&events, "event: reload");
    let log: Vec<String> = served.log.try_iter().collect();
    assert!(log.iter().any(|l| l.contains("error[ftl-syntax]")), "diagnostics printed: {log:?}");
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let out = Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .args(["serve", "--port", &served.port.to_string()])
        .current_dir(project.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "port {} on 127.0.0.1 is already in use; choose another with `--port`",
            served.port
        )),
        "{stderr}"
    );
}

#[test]
fn ctrl_c_stops_cleanly() {
    let project = fixture("mini");
    let mut served = start(project.path(), 0);
    let pid = served.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    let log: Vec<String> = served.log.try_iter().collect();
    assert!(log.iter().any(|l| l == "serve: stopped"), "{log:?}");
}

#[test]
fn a_burst_of_saves_is_one_rebuild() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let events = events(served.port);
    let path = project.path().join("locales/de-DE/suspend-a-subscription.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    // `serve` waits for 40 ms without a change. On a loaded machine this thread can be
    // descheduled for longer between two saves, and then two rebuilds are right: each
    // pause of 20 ms or more may add one. A burst without such a pause must be exactly
    // one rebuild; up to three bursts are tried to get one.
    for attempt in 0..3 {
        // Five saves within ~40 ms, as an editor's "save all" or a formatter does.
        let mut marks = vec![Instant::now()];
        let mut last = String::new();
        for i in 0..5 {
            last = format!("title = Abonnement anhalten {attempt}{i}");
            std::fs::write(&path, text.replace("title = Abonnement anhalten", &last)).unwrap();
            marks.push(Instant::now());
            std::thread::sleep(Duration::from_millis(8));
            marks.push(Instant::now());
        }
        marks.pop();
        let pauses =
            marks.windows(2).filter(|pair| pair[1] - pair[0] >= Duration::from_millis(20)).count();
        expect_event(&events, "event: reload");
        std::thread::sleep(Duration::from_millis(1500));
        let rebuilds = served
            .log
            .try_iter()
            .filter(|l| l.starts_with("serve: rebuilt") || l.starts_with("serve: rewrote"))
            .count();
        while events.try_recv().is_ok() {}
        assert!(
            (1..=1 + pauses).contains(&rebuilds),
            "{rebuilds} rebuilds for a burst with {pauses} pauses"
        );
        let page = get(served.port, "/de-DE/suspend-a-subscription/").2;
        assert!(page.contains(&last["title = ".len()..]), "the last save is served");
        if pauses == 0 {
            return;
        }
        eprintln!("attempt {attempt}: {pauses} pauses of 20 ms or more in the burst");
    }
}

/// Reads Server-Sent Events as `(event, data)` pairs into a channel.
fn events_with_data(port: u16) -> Receiver<(String, String)> {
    let lines = subscribe(port);
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in lines.map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if tx.send((event.clone(), data.to_string())).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

#[test]
fn an_article_translation_edit_rewrites_only_the_pages_it_touches() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let events = events_with_data(served.port);
    let site = project.path().join("site");
    let modified = |page: &str| std::fs::metadata(site.join(page)).unwrap().modified().unwrap();
    let english = modified("en-US/suspend-a-subscription/index.html");
    let german = modified("de-DE/suspend-a-subscription/index.html");
    std::thread::sleep(Duration::from_millis(50));
    let ftl = "locales/de-DE/suspend-a-subscription.ftl";
    edit(project.path(), ftl, "title = Abonnement anhalten", "title = Abonnement jetzt anhalten");
    // The first reload names the rewritten pages: the German article, its checklist page
    // and the German index; open pages elsewhere are left alone.
    let deadline = Instant::now() + Duration::from_secs(20);
    let paths = loop {
        let (event, data) = events
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("a reload");
        if event == "reload" && data.contains("suspend-a-subscription") {
            break data;
        }
    };
    for page in
        ["/de-DE/suspend-a-subscription/", "/de-DE/suspend-a-subscription/checklist/", "/de-DE/"]
    {
        assert!(paths.contains(&format!("\"{page}\"")), "{page} in {paths}");
    }
    assert!(!paths.contains("/en-US/"), "{paths}");
    assert!(
        get(served.port, "/de-DE/suspend-a-subscription/").2.contains("Abonnement jetzt anhalten")
    );
    assert!(modified("de-DE/suspend-a-subscription/index.html") > german);
    assert_eq!(modified("en-US/suspend-a-subscription/index.html"), english, "not rewritten");
    // Then the translation status: a new title changes no dashboard row, so no dashboard
    // is written and no page reloads again.
    wait_for("the status refresh", || {
        served.log.try_iter().any(|l| {
            l.starts_with("serve: translation dashboards updated") && l.ends_with("(0 files)")
        })
    });
    let later: Vec<(String, String)> = events.try_iter().collect();
    assert!(!later.iter().any(|(e, _)| e == "reload"), "{later:?}");
    // A message gone missing (a warning) changes the German dashboards, which reload.
    edit(project.path(), ftl, "warning = Die Abrechnung endet zum Ende des Zeitraums.\n", "");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (event, data) = events
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the dashboards' reload");
        if event == "reload" && data.contains("/de-DE/dashboard/") {
            assert!(!data.contains("/nl-NL/"), "{data}");
            break;
        }
    }
    // A content edit goes through the full build.
    let toml = "content/articles/suspend-a-subscription.toml";
    let text = std::fs::read_to_string(project.path().join(toml)).unwrap();
    std::fs::write(project.path().join(toml), format!("{text}\n# edited\n")).unwrap();
    wait_for("a full rebuild", || served.log.try_iter().any(|l| l.starts_with("serve: rebuilt")));
    let log: Vec<String> = served.log.try_iter().collect();
    assert!(!log.iter().any(|l| l.contains("error")), "{log:?}");
}

/// Like `build`, `serve` prints every error but at most 10 warnings of each code, then a
/// count of the rest, at its first build and at each edit: a project in translation has
/// thousands, which would bury what the edit changed.
#[test]
fn serve_caps_each_code_s_warnings_as_build_does() {
    let project = fixture("mini");
    let ftl = project.path().join("locales/de-DE/suspend-a-subscription.ftl");
    let mut text = std::fs::read_to_string(&ftl).unwrap();
    text.extend((0..12).map(|n| format!("old-message-{n} = Nicht mehr in der Quelle\n")));
    std::fs::write(&ftl, text).unwrap();
    let served = start(project.path(), 0);
    // A change that is not an article's translation: a full rebuild, with its report.
    edit(project.path(), "locales/de-DE/site.ftl", "site-title = Mini (de)", "site-title = Mini");
    let mut log = served.startup.clone();
    wait_for("the rebuild", || {
        log.extend(served.log.try_iter());
        log.iter().filter(|l| l.starts_with("serve: rebuilt")).count() == 2
    });
    let more =
        "warning: … and 2 more `obsolete-message` warnings: `drillbook check` lists them all";
    let shown = log.iter().filter(|l| l.contains("warning[obsolete-message]")).count();
    let counted = log.iter().filter(|l| *l == more).count();
    assert_eq!((shown, counted), (20, 2), "10 shown and the rest counted, twice: {log:#?}");
}

/// Connections that send a request head a byte at a time, or nothing at all.
fn slow_clients(port: u16, trickling: usize, idle: usize) -> (Vec<TcpStream>, Vec<TcpStream>) {
    let connect = || {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        stream
    };
    let trickle: Vec<TcpStream> = (0..trickling).map(|_| connect()).collect();
    let writers: Vec<TcpStream> = trickle.iter().map(|s| s.try_clone().unwrap()).collect();
    // Longer than the deadline lets through at a byte per 100 ms; ends when the server
    // closes the connections, or after 30 s at most.
    let head =
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Pad: {}\r\n\r\n", "a".repeat(250));
    std::thread::spawn(move || {
        for byte in head.bytes() {
            let mut open = 0;
            for mut writer in &writers {
                open += usize::from(writer.write_all(&[byte]).is_ok());
            }
            if open == 0 {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    (trickle, (0..idle).map(|_| connect()).collect())
}

/// Reads until the server ends the connection: what it sent (reset counts as nothing).
fn read_until_closed(mut stream: TcpStream) -> String {
    let mut raw = Vec::new();
    match stream.read_to_end(&mut raw) {
        Ok(_) => {}
        Err(err) if err.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(err) => panic!("the server did not close the connection: {err}"),
    }
    String::from_utf8_lossy(&raw).into_owned()
}

/// Slow clients (a request head sent a byte every 100 ms, or silence) take no one's turn:
/// other clients are answered at once meanwhile; the slow ones are cut at the 5 s head
/// deadline (408 for a partial head, a plain close for silence), not before.
#[test]
fn slow_clients_do_not_stall_others_and_are_cut_at_the_head_deadline() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let started = Instant::now();
    let (trickling, idle) = slow_clients(served.port, 12, 12);
    for _ in 0..20 {
        let asked = Instant::now();
        let (status, _, body) = get(served.port, "/en-US/suspend-a-subscription/");
        assert_eq!(status, 200);
        assert!(body.contains("</html>"));
        assert!(asked.elapsed() < Duration::from_secs(3), "took {:?}", asked.elapsed());
    }
    for stream in trickling {
        let answer = read_until_closed(stream);
        assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408 "), "{answer}");
    }
    let cut = started.elapsed();
    assert!(cut > Duration::from_secs(4) && cut < Duration::from_secs(10), "cut after {cut:?}");
    for stream in idle {
        assert_eq!(read_until_closed(stream), "", "a silent client gets no answer");
    }
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// At the cap of 64 open connections (README), a new client gets a 503 at once, not a
/// thread or a wait; once the idle ones are cut at the head deadline, clients are served.
#[test]
fn at_the_connection_cap_new_clients_are_refused_quickly() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let port = served.port;
    let (_, idle) = slow_clients(port, 0, 64);
    let mut refused_with_503 = 0;
    for _ in 0..5 {
        let asked = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
        let _ = write!(stream, "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        let answer = read_until_closed(stream);
        // A reset (the request arriving after the 503 was sent and the socket closed) is
        // a refusal too, but not every time.
        assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 503 "), "{answer}");
        refused_with_503 += usize::from(!answer.is_empty());
        assert!(asked.elapsed() < Duration::from_secs(2), "took {:?}", asked.elapsed());
    }
    assert!(refused_with_503 > 0, "no 503 in five tries");
    let first = idle.into_iter().next().unwrap();
    assert_eq!(read_until_closed(first), "");
    wait_for("the idle connections to be cut", || get(port, "/assets/style.css").0 == 200);
}

/// Out of file descriptors, `serve` waits between tries to accept (growing to a second)
/// and logs one line for the burst, instead of spinning and logging every failure; it
/// serves again once descriptors are free. (The tries are counted from its log, not from
/// its CPU time: on a loaded machine a spinning server gets little CPU either.)
#[cfg(target_os = "linux")]
#[test]
fn out_of_file_descriptors_serve_backs_off_and_recovers() {
    let project = fixture("mini");
    let mut command = Command::new("sh");
    let bin = env!("CARGO_BIN_EXE_drillbook");
    // About ten descriptors are open once the site is built; the build's own stay few
    // with two rayon threads, whatever the machine.
    command.args(["-c", &format!("ulimit -n 48 && exec '{bin}' serve --port 0")]);
    command.env("RAYON_NUM_THREADS", "2");
    let served = start_command(command, project.path());
    let port = served.port;
    let (_, idle) = slow_clients(port, 0, 60);
    let mut log = Vec::new();
    let failure = |line: &String| line.starts_with("serve: cannot accept connections");
    wait_for("the failure to be logged", || {
        log.extend(served.log.try_iter());
        log.iter().any(failure)
    });
    // Out of descriptors for 2 s: pauses of 10, 20, 40 ... 640 ms, then 1 s, are about
    // ten tries; a server that does not wait makes millions.
    std::thread::sleep(Duration::from_secs(2));
    drop(idle);
    wait_for("serve to answer again", || get(port, "/assets/style.css").0 == 200);
    // The recovery line is written when the next connection is accepted, and reaches the log
    // through a pipe and a thread: wait for it rather than read once.
    let recovered = |line: &String| line.starts_with("serve: accepting connections again (");
    wait_for("the recovery to be logged", || {
        log.extend(served.log.try_iter());
        log.iter().any(recovered)
    });
    let failures = log.iter().filter(|l| failure(l)).count();
    let sample = &log[..log.len().min(5)];
    assert_eq!(failures, 1, "one line for the burst, not one per failure: {sample:?}");
    let tries: u64 = log
        .iter()
        .filter_map(|l| l.strip_prefix("serve: accepting connections again ("))
        .map(|rest| rest.split(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert!((1..=30).contains(&tries), "{tries} failed tries in about 2 s: {sample:?}");
}
