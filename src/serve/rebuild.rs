//! Rebuilding for `serve`: a full build through the same function as `drillbook build`, or a
//! partial one through `build::session`, then the events that reload open pages or show the
//! error overlay.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Hub, error_event, reload_event};
use crate::build::session::Session;
use crate::diag;

/// Applies a change: in place when it only edits article translation files (see
/// `build::session`), else through a full rebuild.
pub(super) fn update(
    root: &Path,
    out: &Path,
    strict: bool,
    hub: &Hub,
    session: &mut Option<Session>,
    changed: &[PathBuf],
) {
    let started = Instant::now();
    let cpu = cpu_time();
    let Some(result) = session.as_mut().and_then(|s| s.update(changed)) else {
        rebuild(root, out, strict, hub, session);
        return;
    };
    match result {
        Ok((Some(written), diags)) => {
            eprint!(
                "{}",
                if diags.is_empty() { String::new() } else { diag::render_report(&diags) }
            );
            eprintln!(
                "serve: rewrote {} files in {} ms{}",
                written.files.len(),
                started.elapsed().as_millis(),
                cpu_used(cpu)
            );
            if hub.take_error().is_some() {
                hub.broadcast("event: ok\ndata: {}\n\n");
            }
            hub.broadcast(&reload_event(&written.page_urls()));
            // Then the pages' search entries (only the changed pages are indexed again),
            // then the translation status (the edited locales checked again) and the
            // dashboards whose rows it changed.
            refresh_search(session, Some((started, cpu)));
            let started = Instant::now();
            if let Some(session) = session.as_mut() {
                match session.refresh_status() {
                    Ok((written, _)) => {
                        eprintln!(
                            "serve: translation dashboards updated in {} ms ({} files)",
                            started.elapsed().as_millis(),
                            written.files.len()
                        );
                        // No paths would reload every open page.
                        if !written.files.is_empty() {
                            hub.broadcast(&reload_event(&written.page_urls()));
                        }
                    }
                    Err(err) => eprintln!("error: {err:#}"),
                }
            }
        }
        Ok((None, diags)) => fail(hub, diag::render_report(&diags)),
        Err(err) => {
            eprintln!("error: {err:#}");
            // The served site may be partly rewritten: rebuild it whole.
            rebuild(root, out, strict, hub, session);
        }
    }
}

/// Indexes again for search the locales whose pages partial rebuilds changed: right after
/// each partial rebuild (the session's index fossicks only the changed pages again), and
/// when no file has changed for a moment (the watcher's poll interval), for what a failed
/// refresh left. Open pages need no reload: their search loads the index when it is used.
/// `edit`: when the edit whose pages were just rewritten began (and the CPU time then),
/// which the times reported count from, since its pages are indexed as they are rendered.
pub(super) fn refresh_search(
    session: &mut Option<Session>,
    edit: Option<(Instant, Option<std::time::Duration>)>,
) {
    let Some(session) = session.as_mut() else { return };
    let (started, cpu) = edit.unwrap_or_else(|| (Instant::now(), cpu_time()));
    match session.refresh_search() {
        Ok(Some((locales, written))) => {
            eprintln!(
                "serve: search index of {} updated in {} ms{} ({} files){}",
                locales.join(", "),
                started.elapsed().as_millis(),
                if edit.is_some() { " from the edit" } else { "" },
                written.files.len(),
                cpu_used(cpu)
            );
            session.store_search();
        }
        Ok(None) => {}
        Err(err) => eprintln!("error: {err:#}"),
    }
}

/// While no file changes: what a failed search refresh left ([`refresh_search`]), then one
/// locale's search index more kept in memory, so that even the first edit of a locale
/// replaces only its edited pages in the index (a locale at a time: an edit waits for one
/// at most).
pub(super) fn idle(session: &mut Option<Session>) {
    refresh_search(session, None);
    let Some(session) = session.as_mut() else { return };
    if let Err(err) = session.warm_search() {
        eprintln!("error: {err:#}");
    }
}

/// Reports a failed rebuild: the last good site stays served, the overlay shows `report`.
fn fail(hub: &Hub, report: String) {
    eprint!("{report}");
    eprintln!("serve: rebuild failed; still serving the last good site");
    hub.set_error(Some(report.clone()));
    hub.broadcast(&error_event(&report));
}

/// Rebuilds through the same function as `drillbook build`, keeping the model for partial
/// rebuilds; returns whether it succeeded.
pub(super) fn rebuild(
    root: &Path,
    out: &Path,
    strict: bool,
    hub: &Hub,
    session: &mut Option<Session>,
) -> bool {
    let started = Instant::now();
    let cache = root.join(crate::search::cache::DIR);
    let search = crate::search::Mode::Cached(&cache);
    let (result, diags) = match crate::build::build_model(root, out, &[], strict, search) {
        Ok((Some((stats, model)), diags)) => {
            *session = Some(Session::new(root, out, model));
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
    let report = if diags.is_empty() { String::new() } else { diag::render_report(&diags) };
    eprint!("{report}");
    match result {
        Ok(_stats) => {
            eprintln!("serve: rebuilt in {} ms", started.elapsed().as_millis());
            hub.set_error(None);
            hub.broadcast(&reload_event(&[]));
            true
        }
        Err(()) => {
            let text = if report.is_empty() {
                "error: cannot write the site\n".to_string()
            } else {
                report
            };
            eprintln!("serve: rebuild failed; still serving the last good site");
            hub.set_error(Some(text.clone()));
            hub.broadcast(&error_event(&text));
            false
        }
    }
}

/// The CPU time the process has used so far (all its threads), where the system says.
fn cpu_time() -> Option<std::time::Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a whole `rusage` to the pointer it is given, or fails.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: it succeeded, so the struct is written.
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec.try_into().unwrap_or_default())
            + std::time::Duration::from_micros(t.tv_usec.try_into().unwrap_or_default())
    };
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

/// `, N ms CPU` since `since` ([`cpu_time`]): on a machine shared with other work the wall
/// time says little of the work an update does; empty where the CPU time is unknown.
fn cpu_used(since: Option<std::time::Duration>) -> String {
    match (since, cpu_time()) {
        (Some(since), Some(now)) => format!(", {} ms CPU", now.saturating_sub(since).as_millis()),
        _ => String::new(),
    }
}
