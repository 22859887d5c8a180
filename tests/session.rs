//! `serve`'s partial rebuilds (`build::session`), in process: after a series of edits of
//! articles' translations, each followed by the dashboards' refresh (which examines again
//! only the edited locales and rewrites only the dashboards whose rows changed), the served
//! site is the one a full build of the edited project writes, byte for byte.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use drillbook::build::session::Session;
use support::{edit, shipped_project, tree};

fn full_build(root: &Path, out: &Path) -> Session {
    let (built, diags) =
        drillbook::build::build_model(root, out, &[], false, drillbook::search::Mode::Off)
            .expect("the build runs");
    let (_, model) = built.unwrap_or_else(|| panic!("the build fails: {diags:#?}"));
    Session::new(root, out, model)
}

/// The site without the marker that names the build's folder.
fn site(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(out);
    files.remove(".drillbook-site");
    files
}

/// Replaces `from` by `to` in `locale`'s article file, applies the edit in place, then
/// refreshes the dashboards; returns the dashboard files that refresh wrote.
fn revise(session: &mut Session, root: &Path, locale: &str, from: &str, to: &str) -> Vec<String> {
    let file = format!("locales/{locale}/remove-a-relationship.ftl");
    edit(root, &file, from, to);
    let (written, diags) =
        session.update(&[root.join(file)]).expect("an article edit").expect("applied");
    assert!(written.is_some(), "{diags:#?}");
    let (written, _) = session.refresh_status().expect("the dashboards refresh");
    written.files
}

#[test]
fn edits_and_dashboard_refreshes_leave_the_site_a_full_build_writes() {
    let project = shipped_project();
    let root = project.path();
    let out = tempfile::tempdir().unwrap();
    let served = out.path().join("served");
    let mut session = full_build(root, &served);
    let mut revise =
        |locale: &str, from: &str, to: &str| revise(&mut session, root, locale, from, to);

    // A German message changes, then loses its placeable (an error on the dashboard).
    let first = revise("de-DE", "intro = In diesem Artikel", "intro = Dieser Artikel zeigt");
    let audience = "audience = { -role-global-admin }";
    let german = revise("de-DE", audience, "audience = Globaler Admin");
    // A Dutch message goes missing; then the German one is fixed again.
    let dutch = revise("nl-NL", "intro = In dit artikel", "intro-renamed = In dit artikel");
    revise("de-DE", "audience = Globaler Admin", audience);
    // The English changes (every translation of the message goes stale, with what changed
    // in its English), then the German translation of it is revised.
    let english = "consequences = Removing a relationship has the following consequences:";
    revise("en-US", english, "consequences = Removing a relationship has these effects:");
    let translated = "consequences = Das Entfernen einer Beziehung bewirkt Folgendes:";
    let revised = revise(
        "de-DE",
        translated,
        "consequences = Das Entfernen einer Beziehung hat diese Folgen:",
    );
    assert!(
        revised.iter().any(|p| p == "de-DE/dashboard/file/remove-a-relationship/index.html"),
        "{revised:?}"
    );

    let fresh = out.path().join("fresh");
    full_build(root, &fresh);
    let (served, fresh) = (site(&served), site(&fresh));
    assert_eq!(served.keys().collect::<Vec<_>>(), fresh.keys().collect::<Vec<_>>());
    let differ: Vec<&String> =
        served.iter().filter(|(k, v)| fresh[*k] != **v).map(|(k, _)| k).collect();
    assert!(differ.is_empty(), "served pages that differ from a full build's: {differ:?}");

    // Only the edited locale's dashboards and the overview were written again, once the
    // first refresh had examined every locale.
    for written in [&german, &dutch] {
        let locales: std::collections::BTreeSet<&str> = written
            .iter()
            .filter(|p| p.contains("/dashboard/"))
            .map(|p| p.split('/').next().unwrap())
            .collect();
        assert_eq!(locales.len(), 2, "{locales:?}");
        assert!(locales.contains("en-US"), "{locales:?}");
    }
    assert!(german.iter().any(|p| p.starts_with("de-DE/dashboard/")), "{german:?}");
    assert!(dutch.iter().any(|p| p.starts_with("nl-NL/dashboard/")), "{dutch:?}");
    assert!(!first.iter().any(|p| p.starts_with("zh-CN/dashboard/")), "{first:?}");
    // Of a locale, the summary and filter pages and the edited file's page.
    let german_pages: Vec<&String> =
        german.iter().filter(|p| p.starts_with("de-DE/dashboard/")).collect();
    assert_eq!(german_pages.len(), 6, "{german_pages:?}");
    assert!(german_pages.iter().all(|p| !p.contains("/file/") || p.contains("/file/remove-a-")));
}
