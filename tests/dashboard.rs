//! The translation dashboards at scale: a 300-article site in six locales (made by
//! `bench/gen_site.rs`, every translation unreviewed, so every message is stale) builds into
//! dashboards of which no page passes 200 KB, each locale's pages about that locale only, in
//! its language.

mod support;

use std::path::Path;
use std::process::Command;

use support::{drillbook, shipped_project};

const LIMIT: u64 = 200 * 1024;

/// Every `index.html` below `<site>/<locale>/dashboard/`, with its size.
fn dashboard_pages(site: &Path) -> Vec<(String, u64)> {
    let mut pages = Vec::new();
    for locale in std::fs::read_dir(site).unwrap() {
        let dir = locale.unwrap().path().join("dashboard");
        if !dir.is_dir() {
            continue;
        }
        let mut stack = vec![dir];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.file_name().is_some_and(|n| n == "index.html") {
                    let rel = path.strip_prefix(site).unwrap().to_string_lossy().into_owned();
                    pages.push((rel, path.metadata().unwrap().len()));
                }
            }
        }
    }
    pages.sort();
    pages
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn dashboards_of_300_articles_in_six_locales_stay_under_200_kb_a_page() {
    let tmp = tempfile::tempdir().unwrap();
    let generated = Command::new(env!("CARGO"))
        .args(["run", "-q", "--example", "gen_site", "--", "300"])
        .arg(tmp.path())
        .current_dir(support::repo())
        .output()
        .unwrap();
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    let root = tmp.path().join("drillbook");
    // One German message dropped: a missing message beside the stale ones.
    let file = root.join("locales/de-DE/article-7.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("intro = ")).collect();
    assert!(kept.len() < text.lines().count(), "article-7 has an intro message");
    std::fs::write(&file, kept.join("\n") + "\n").unwrap();

    let out = drillbook(&root, &["build", "--no-search"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("warning[stale]"), "the generated translations are unreviewed");
    let site = root.join("site");
    let pages = dashboard_pages(&site);
    // Five translated locales: five filter pages and one page per file (300 articles and
    // the shared files) each; the source locale: one overview.
    let file_pages = pages.iter().filter(|(p, _)| p.contains("/dashboard/file/")).count();
    assert!(file_pages >= 5 * 300, "{file_pages} file pages");
    assert!(pages.iter().any(|(p, _)| p == "en-US/dashboard/index.html"));
    let too_big: Vec<_> = pages.iter().filter(|(_, size)| *size > LIMIT).collect();
    assert!(too_big.is_empty(), "dashboard pages over 200 KB: {too_big:?}");
    let largest = pages.iter().max_by_key(|(_, size)| *size).unwrap();
    eprintln!("{} dashboard pages, the largest {largest:?}", pages.len());

    // The German summary lists German files only, every article among them.
    let summary = read(&site, "de-DE/dashboard/index.html");
    assert!(summary.contains("<html lang=\"de-DE\""));
    assert_eq!(summary.matches("<tr><td><a href=\"file/article-").count(), 300);
    assert!(!summary.contains("nl-NL/dashboard/file/"));
    // The missing message shows in the filter page of missing messages, and only there.
    let missing = read(&site, "de-DE/dashboard/missing/index.html");
    assert!(missing.contains("href=\"../file/article-7/\""), "{missing}");
    assert_eq!(missing.matches("<tr><td>").count(), 1);
    // The problems of a file, grouped and described in German; the detail stays English,
    // marked as such.
    let page = read(&site, "de-DE/dashboard/file/article-7/index.html");
    assert!(page.contains("<h2 id=\"missing\">Fehlend</h2>"), "{page}");
    assert!(page.contains("<h2 id=\"stale\">Veraltet</h2>"));
    assert!(page.contains("Meldung noch nicht übersetzt"));
    assert!(page.contains("Das Englische hat sich seit der Prüfung dieser Übersetzung geändert"));
    assert!(!page.contains("Message not translated yet"));
    assert!(page.contains("<code lang=\"en\" translate=\"no\">"));
    assert!(page.contains("locales/de-DE/article-7.ftl:"));
    // The source locale's overview: one row per translated language.
    let overview = read(&site, "en-US/dashboard/index.html");
    assert_eq!(overview.matches("<tr><td><a href=\"../../").count(), 5, "{overview}");
}

#[test]
fn the_shipped_dashboards_are_in_their_pages_language() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["build", "--no-search"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = project.path().join("site");
    for (locale, word) in [
        ("de-DE", "Alle Dateien"),
        ("nl-NL", "Alle bestanden"),
        ("sv-SE", "Alla filer"),
        ("zh-CN", "所有文件"),
        ("ru-RU", "Все файлы"),
    ] {
        let page = read(&site, &format!("{locale}/dashboard/index.html"));
        assert!(page.contains(word), "{locale}");
        assert!(!page.contains("All files"), "{locale}");
        // Every file of the locale has its problem page, linked from the summary.
        for scope in ["site", "ui", "sim", "checklist", "remove-a-relationship"] {
            assert!(page.contains(&format!("href=\"file/{scope}/\"")), "{locale} {scope}");
            read(&site, &format!("{locale}/dashboard/file/{scope}/index.html"));
        }
    }
}
