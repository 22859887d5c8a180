//! The development server: serves the output directory on 127.0.0.1, rebuilds through the
//! same pipeline as `build` when `content/`, `locales/` or `assets/` change (debounced), and
//! tells open pages to reload over Server-Sent Events. A failed rebuild keeps the last good
//! site, prints the diagnostics and shows them in an overlay in open pages until fixed.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use notify::{RecursiveMode, Watcher};

use crate::diag;

mod http;
use http::{Response, read_request, start_event_stream, write_response};

/// Directories whose changes trigger a rebuild (templates are compiled in: recompile).
const WATCHED: [&str; 3] = ["content", "locales", "assets"];
const EVENTS_PATH: &str = "/__drillbook/events";
const SCRIPT_PATH: &str = "/__drillbook/live.js";
const STYLE_PATH: &str = "/__drillbook/live.css";
const LIVE_JS: &str = include_str!("../assets/live-reload.js");
const LIVE_CSS: &str = include_str!("../assets/live-reload.css");

/// Shared state: the open event streams and the current build error, if any.
#[derive(Default)]
struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
    error: Mutex<Option<String>>,
}

impl Hub {
    fn broadcast(&self, event: &str) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|client| client.send(event.to_string()).is_ok());
    }

    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        if let Some(error) = self.error.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            let _ = tx.send(error_event(error));
        }
        self.clients.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
        rx
    }
}

fn error_event(text: &str) -> String {
    format!("event: error-report\ndata: {}\n\n", serde_json::Value::String(text.to_string()))
}

/// Builds once, then serves until Ctrl-C.
pub fn serve(root: &Path, out: &Path, port: u16, strict: bool) -> Result<()> {
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            bail!("port {port} on 127.0.0.1 is already in use; choose another with `--port`");
        }
        Err(err) => bail!("cannot listen on 127.0.0.1:{port}: {err}"),
    };
    listener.set_nonblocking(true).context("cannot configure the listening socket")?;
    let hub = Arc::new(Hub::default());
    let mut session = None;
    if !rebuild(root, out, strict, &hub, &mut session) && !out.join("index.html").is_file() {
        eprintln!(
            "serve: the first build failed and there is no previous site; fix the errors and save"
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .context("cannot install the Ctrl-C handler")?;
    }

    let (tx, rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).context("cannot start the file watcher")?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch `{}`", path.display()))?;
        }
    }
    {
        let (root, out, hub, stop) =
            (root.to_path_buf(), out.to_path_buf(), hub.clone(), stop.clone());
        let mut seen = Snapshot::default();
        seen.rescan(&root);
        std::thread::spawn(move || {
            let mut session = session;
            while !stop.load(Ordering::SeqCst) {
                match rx.recv_timeout(Duration::from_millis(200)) {
                    Ok(Ok(event)) if is_change(&event) => {
                        let paths = wait_for_quiet(&rx, event).map(|paths| {
                            paths.into_iter().map(|path| under_root(&root, path)).collect()
                        });
                        // Rebuild only when a watched file's size or modification time
                        // really changed (not for a file written with the same bytes).
                        let changed = match paths.and_then(|p| seen.update(&p)) {
                            Some(changed) => changed,
                            None => seen.rescan(&root),
                        };
                        if !changed.is_empty() {
                            update(&root, &out, strict, &hub, &mut session, &changed);
                        }
                    }
                    Ok(Ok(_)) => {}
                    Ok(Err(err)) => eprintln!("serve: watch error: {err}"),
                    Err(RecvTimeoutError::Timeout) => refresh_search(&mut session),
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        });
    }

    // Ready: the site is built, and every save from now on is seen.
    let port = listener.local_addr().map_or(port, |a| a.port());
    eprintln!("serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", out.display());

    let out = Arc::new(out.to_path_buf());
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                let (hub, out) = (hub.clone(), out.clone());
                let _ = stream.set_nonblocking(false);
                std::thread::spawn(move || handle(stream, &out, &hub));
            }
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(err) => eprintln!("serve: {err}"),
        }
    }
    drop(watcher);
    eprintln!("serve: stopped");
    Ok(())
}

/// Size and modification time of every file under the watched directories.
#[derive(Default)]
struct Snapshot(std::collections::BTreeMap<PathBuf, (u64, Option<std::time::SystemTime>)>);

impl Snapshot {
    /// Reads every watched file's size and modification time again; returns the paths
    /// added, removed or changed, sorted.
    fn rescan(&mut self, root: &Path) -> Vec<PathBuf> {
        let mut now = std::collections::BTreeMap::new();
        let mut stack: Vec<PathBuf> = WATCHED.iter().map(|d| root.join(d)).collect();
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let Ok(meta) = entry.metadata() else { continue };
                if meta.is_dir() {
                    stack.push(entry.path());
                } else {
                    now.insert(entry.path(), (meta.len(), meta.modified().ok()));
                }
            }
        }
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(path, meta)| self.0.get(*path) != Some(*meta))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(self.0.keys().filter(|path| !now.contains_key(*path)).cloned());
        changed.sort();
        self.0 = now;
        changed
    }

    /// Looks again at only `paths` (the paths of a burst's watch events): the changed
    /// ones, sorted. `None` when a directory came, went or moved (its files are not in
    /// the events): the caller rescans.
    fn update(&mut self, paths: &std::collections::BTreeSet<PathBuf>) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        for path in paths {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => return None,
                Ok(meta) => {
                    let now = (meta.len(), meta.modified().ok());
                    if self.0.insert(path.clone(), now) != Some(now) {
                        changed.push(path.clone());
                    }
                }
                Err(_) if self.0.remove(path).is_some() => changed.push(path.clone()),
                // Gone, and not a file we knew: an editor's temporary file, or a directory
                // (then its files, known or not, are below it).
                Err(_) => {
                    let below = |p: &&PathBuf| p.starts_with(path);
                    if self.0.keys().any(|p| below(&p)) {
                        return None;
                    }
                }
            }
        }
        Some(changed)
    }
}

/// Applies a change: in place when it only edits article translation files (see
/// `build::session`), else through a full rebuild.
fn update(
    root: &Path,
    out: &Path,
    strict: bool,
    hub: &Hub,
    session: &mut Option<crate::build::session::Session>,
    changed: &[PathBuf],
) {
    let started = std::time::Instant::now();
    let Some(result) = session.as_mut().and_then(|s| s.update(changed)) else {
        rebuild(root, out, strict, hub, session);
        return;
    };
    match result {
        Ok((Some(written), diags)) => {
            eprint!("{}", if diags.is_empty() { String::new() } else { diag::render_all(&diags) });
            eprintln!(
                "serve: rewrote {} files in {} ms",
                written.files.len(),
                started.elapsed().as_millis()
            );
            if hub.error.lock().unwrap_or_else(|e| e.into_inner()).take().is_some() {
                hub.broadcast("event: ok\ndata: {}\n\n");
            }
            hub.broadcast(&reload_event(&written.page_urls()));
            // Then the translation status, which needs the whole check.
            let started = std::time::Instant::now();
            if let Some(session) = session.as_mut() {
                match session.refresh_status() {
                    Ok((written, _)) => {
                        eprintln!(
                            "serve: translation dashboards updated in {} ms",
                            started.elapsed().as_millis()
                        );
                        hub.broadcast(&reload_event(&written.page_urls()));
                    }
                    Err(err) => eprintln!("error: {err:#}"),
                }
            }
        }
        Ok((None, diags)) => fail(hub, diag::render_all(&diags)),
        Err(err) => {
            eprintln!("error: {err:#}");
            // The served site may be partly rewritten: rebuild it whole.
            rebuild(root, out, strict, hub, session);
        }
    }
}

/// How long the watched files must stay unchanged after a change before `serve` rebuilds:
/// an editor's save (temp file and rename, or truncate and write) or a "save all" is one
/// rebuild, and a save still reloads the page within ~100 ms.
const QUIET: Duration = Duration::from_millis(40);

/// A burst that never pauses (a program writing all the time) is rebuilt after this long.
const LONGEST_BURST: Duration = Duration::from_millis(1000);

/// Whether a watch event may be a change. Opening and reading files (the snapshot's
/// directory reads, a build's, an editor's) are not: counted as changes, `serve`'s own
/// reads after a rebuild would start the next one, forever.
fn is_change(event: &notify::Event) -> bool {
    !matches!(event.kind, notify::EventKind::Access(_))
}

/// `path`, from a watch event (absolute: the watcher joins a relative root to the working
/// directory), as the snapshot and the session name it: below `root` as given.
fn under_root(root: &Path, path: PathBuf) -> PathBuf {
    if root.is_absolute() {
        return path;
    }
    let absolute = std::env::current_dir().map(|dir| dir.join(root));
    match absolute.as_ref().map(|abs| path.strip_prefix(abs)) {
        Ok(Ok(rel)) => root.join(rel),
        _ => path,
    }
}

/// Waits from `first` until no change has come for [`QUIET`] (at most [`LONGEST_BURST`]
/// in all): one rebuild per burst. Returns the paths the burst's events name; `None` when
/// the watcher lost track (an event without paths, or one that asks for a rescan).
fn wait_for_quiet(
    rx: &Receiver<notify::Result<notify::Event>>,
    first: notify::Event,
) -> Option<std::collections::BTreeSet<PathBuf>> {
    fn add(paths: &mut Option<std::collections::BTreeSet<PathBuf>>, event: notify::Event) {
        if event.paths.is_empty() || event.need_rescan() {
            *paths = None;
        }
        if let Some(paths) = paths.as_mut() {
            paths.extend(event.paths);
        }
    }
    let mut paths = Some(std::collections::BTreeSet::new());
    add(&mut paths, first);
    let started = std::time::Instant::now();
    let mut quiet_from = started;
    while started.elapsed() < LONGEST_BURST {
        let wait = QUIET.saturating_sub(quiet_from.elapsed());
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) if is_change(&event) => {
                quiet_from = std::time::Instant::now();
                add(&mut paths, event);
            }
            Ok(Ok(_)) => {}
            Ok(Err(_)) => paths = None,
            Err(_) => break,
        }
    }
    paths
}

/// Once no file has changed for a moment (the watcher's poll interval), indexes again for
/// search the locales whose pages partial rebuilds changed: a burst of saves is re-indexed
/// once, after its last save (a save that comes while the indexing runs waits for it:
/// about a second for a 1,000-article locale). Open pages need no reload: their search
/// loads the index when it is used.
fn refresh_search(session: &mut Option<crate::build::session::Session>) {
    let Some(session) = session.as_mut() else { return };
    let started = std::time::Instant::now();
    match session.refresh_search() {
        Ok(Some((locales, written))) => eprintln!(
            "serve: search index of {} updated in {} ms ({} files)",
            locales.join(", "),
            started.elapsed().as_millis(),
            written.files.len()
        ),
        Ok(None) => {}
        Err(err) => eprintln!("error: {err:#}"),
    }
}

/// The `reload` event for open pages at `urls` (every open page when empty).
fn reload_event(urls: &[String]) -> String {
    format!("event: reload\ndata: {}\n\n", serde_json::json!({ "paths": urls }))
}

/// Reports a failed rebuild: the last good site stays served, the overlay shows `report`.
fn fail(hub: &Hub, report: String) {
    eprint!("{report}");
    eprintln!("serve: rebuild failed; still serving the last good site");
    *hub.error.lock().unwrap_or_else(|e| e.into_inner()) = Some(report.clone());
    hub.broadcast(&error_event(&report));
}

/// Rebuilds through the same function as `drillbook build`, keeping the model for partial
/// rebuilds; returns whether it succeeded.
fn rebuild(
    root: &Path,
    out: &Path,
    strict: bool,
    hub: &Hub,
    session: &mut Option<crate::build::session::Session>,
) -> bool {
    let started = std::time::Instant::now();
    let cache = root.join(crate::search::cache::DIR);
    let search = crate::search::Mode::Cached(&cache);
    let (result, diags) = match crate::build::build_model(root, out, &[], strict, search) {
        Ok((Some((stats, model)), diags)) => {
            *session = Some(crate::build::session::Session::new(root, out, model));
            (Ok(stats), diags)
        }
        Ok((None, diags)) => (Err(()), diags),
        Err(err) => {
            eprintln!("error: {err:#}");
            (Err(()), Vec::new())
        }
    };
    if result.is_err() {
        // Until a full build succeeds, every change goes through one (the model of the
        // last good build does not know the error).
        *session = None;
    }
    let report = if diags.is_empty() { String::new() } else { diag::render_all(&diags) };
    eprint!("{report}");
    let result = result.map_err(|()| {
        if report.is_empty() {
            "error: cannot write the site\n".to_string()
        } else {
            report.clone()
        }
    });
    match result {
        Ok(_stats) => {
            eprintln!("serve: rebuilt in {} ms", started.elapsed().as_millis());
            *hub.error.lock().unwrap_or_else(|e| e.into_inner()) = None;
            hub.broadcast(&reload_event(&[]));
            true
        }
        Err(text) => {
            eprintln!("serve: rebuild failed; still serving the last good site");
            *hub.error.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
            hub.broadcast(&error_event(&text));
            false
        }
    }
}

fn handle(mut stream: std::net::TcpStream, out: &Path, hub: &Hub) {
    let Some(request) = read_request(&stream) else {
        write_response(
            stream,
            &Response::new(400, "text/plain; charset=utf-8", b"bad request\n".to_vec()),
            false,
        );
        return;
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        write_response(
            stream,
            &Response::new(405, "text/plain; charset=utf-8", b"method not allowed\n".to_vec()),
            false,
        );
        return;
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/").to_string();
    let response = match path.as_str() {
        EVENTS_PATH => {
            stream_events(&mut stream, hub.subscribe());
            return;
        }
        SCRIPT_PATH => {
            Response::new(200, "text/javascript; charset=utf-8", LIVE_JS.as_bytes().to_vec())
        }
        STYLE_PATH => Response::new(200, "text/css; charset=utf-8", LIVE_CSS.as_bytes().to_vec()),
        _ => match resolve(out, &path) {
            Resolved::File(file) => match std::fs::read(&file) {
                Ok(bytes) => {
                    let kind = content_type(&file);
                    let bytes = if kind.starts_with("text/html") { inject(bytes) } else { bytes };
                    Response::new(200, kind, bytes)
                }
                Err(_) => not_found(out),
            },
            Resolved::Redirect(location) => Response {
                location: Some(location),
                ..Response::new(301, "text/plain; charset=utf-8", Vec::new())
            },
            Resolved::Forbidden => {
                Response::new(403, "text/plain; charset=utf-8", b"forbidden\n".to_vec())
            }
            Resolved::NotFound => not_found(out),
        },
    };
    write_response(stream, &response, head_only);
}

fn not_found(out: &Path) -> Response {
    let body =
        std::fs::read(out.join("404.html")).map(inject).unwrap_or_else(|_| b"not found\n".to_vec());
    Response::new(404, "text/html; charset=utf-8", body)
}

/// Adds the live-reload script and overlay style to a served page (not to the built file).
fn inject(html: Vec<u8>) -> Vec<u8> {
    let Ok(text) = String::from_utf8(html.clone()) else { return html };
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">\n<script src=\"{SCRIPT_PATH}\" defer></script>\n</body>"
    );
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], tags, &text[i + "</body>".len()..]).into_bytes(),
        None => html,
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(PathBuf),
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a URL path to a file under `out`. Percent-decoding happens once, then any `..`,
/// backslash, NUL or absolute component is refused, so no file outside `out` is served.
fn resolve(out: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(url_path).decode_utf8() else {
        return Resolved::Forbidden;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::Forbidden;
    }
    let rel = decoded.trim_start_matches('/');
    let rel_path = Path::new(rel);
    if rel_path.components().any(|c| !matches!(c, Component::Normal(_))) && !rel.is_empty() {
        return Resolved::Forbidden;
    }
    let mut file = out.join(rel_path);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{decoded}/"));
        }
        file = file.join("index.html");
    }
    // A symlink inside the output could still point outside it.
    match (file.canonicalize(), out.canonicalize()) {
        (Ok(real), Ok(base)) if real.starts_with(&base) && real.is_file() => Resolved::File(real),
        (Ok(_), Ok(_)) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pf_meta" | "pf_fragment" | "pf_index" | "pagefind" => "application/octet-stream",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Streams Server-Sent Events, flushing each one, with a keep-alive comment every 15 s so a
/// closed connection is noticed and the thread ends.
fn stream_events(stream: &mut std::net::TcpStream, rx: Receiver<String>) {
    if start_event_stream(stream).is_err() {
        return;
    }
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
mod tests {
    use super::*;

    #[test]
    fn reads_are_not_changes() {
        use notify::event::{AccessKind, CreateKind, EventKind};
        let event = |kind| notify::Event::new(kind).add_path("locales/x.ftl".into());
        assert!(!is_change(&event(EventKind::Access(AccessKind::Any))));
        assert!(is_change(&event(EventKind::Create(CreateKind::File))));
    }

    /// After a burst, only the events' paths are looked at again; a directory that came or
    /// went makes the caller rescan.
    #[test]
    fn a_snapshot_looks_again_at_the_paths_of_events() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("locales/de-DE")).unwrap();
        let file = root.join("locales/de-DE/a.ftl");
        std::fs::write(&file, "a = 1\n").unwrap();
        let mut seen = Snapshot::default();
        assert_eq!(seen.rescan(root), vec![file.clone()]);
        let paths = |list: &[&PathBuf]| list.iter().map(|p| p.to_path_buf()).collect();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![]), "unchanged");
        std::fs::write(&file, "a = 12\n").unwrap();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![file.clone()]));
        let temp = root.join("locales/de-DE/.a.ftl.swp");
        assert_eq!(seen.update(&paths(&[&temp])), Some(vec![]), "came and went");
        std::fs::remove_file(&file).unwrap();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![file.clone()]), "removed");
        std::fs::write(&file, "a = 1\n").unwrap();
        seen.rescan(root);
        let moved = root.join("moved");
        std::fs::rename(root.join("locales/de-DE"), &moved).unwrap();
        assert_eq!(seen.update(&paths(&[&root.join("locales/de-DE")])), None, "a directory went");
        std::fs::rename(&moved, root.join("locales/de-DE")).unwrap();
        assert_eq!(seen.update(&paths(&[&root.join("locales/de-DE")])), None, "and came");
        assert_eq!(seen.rescan(root), Vec::<PathBuf>::new());
    }

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en-US")).unwrap();
        std::fs::write(out.join("en-US/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/en-US/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00",
        ] {
            assert_eq!(resolve(&out, bad), Resolved::Forbidden, "{bad}");
        }
        assert!(matches!(resolve(&out, "/en-US/"), Resolved::File(_)));
        assert_eq!(resolve(&out, "/en-US"), Resolved::Redirect("/en-US/".into()));
        assert_eq!(resolve(&out, "/nope.html"), Resolved::NotFound);
    }

    #[test]
    fn pages_get_the_reload_script_before_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let text = String::from_utf8(html).unwrap();
        assert!(
            text.ends_with("<script src=\"/__drillbook/live.js\" defer></script>\n</body></html>")
        );
    }
}
