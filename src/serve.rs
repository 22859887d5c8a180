//! The development server: serves the output directory on 127.0.0.1, rebuilds through the
//! same pipeline as `build` when `content/`, `locales/` or `assets/` change (debounced), and
//! tells open pages to reload over Server-Sent Events. A failed rebuild keeps the last good
//! site, prints the diagnostics and shows them in an overlay in open pages until fixed.
//!
//! Modules: `conn` (accept loop, connection cap, deadlines, routes), `http` (request heads,
//! `Host`, responses), `files` (URL path to file, redirects, page injection), `watch` (the
//! watcher and its snapshot), `rebuild` (full and partial rebuilds, their events).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};

mod conn;
mod files;
mod http;
mod rebuild;
mod watch;

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

    fn set_error(&self, error: Option<String>) {
        *self.error.lock().unwrap_or_else(|e| e.into_inner()) = error;
    }

    fn take_error(&self) -> Option<String> {
        self.error.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

fn error_event(text: &str) -> String {
    format!("event: error-report\ndata: {}\n\n", serde_json::Value::String(text.to_string()))
}

/// The `reload` event for open pages at `urls` (every open page when empty).
fn reload_event(urls: &[String]) -> String {
    format!("event: reload\ndata: {}\n\n", serde_json::json!({ "paths": urls }))
}

/// Builds once, then serves until Ctrl-C.
pub(crate) fn serve(root: &Path, out: &Path, port: u16, strict: bool) -> Result<()> {
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            bail!("port {port} on 127.0.0.1 is already in use; choose another with `--port`");
        }
        Err(err) => bail!("cannot listen on 127.0.0.1:{port}: {err}"),
    };
    listener.set_nonblocking(true).context("cannot configure the listening socket")?;
    let port = listener.local_addr().map_or(port, |a| a.port());
    let hub = Arc::new(Hub::default());
    let mut session = None;
    if !rebuild::rebuild(root, out, strict, &hub, &mut session) && !out.join("index.html").is_file()
    {
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
    let watcher = watch::start(root, out, strict, hub.clone(), stop.clone(), session)?;

    // Ready: the site is built, and every save from now on is seen.
    eprintln!("serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", out.display());
    let site = Arc::new(conn::Site { out: out.to_path_buf(), hub, port });
    conn::accept_loop(&listener, site, &stop);
    drop(watcher);
    eprintln!("serve: stopped");
    Ok(())
}
