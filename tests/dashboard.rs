//! The translation dashboards at scale: a 300-article site in six locales (made by
//! `bench/gen_site.rs`), every translation reviewed and then every English message of the
//! articles and of `site.ftl` changed (so every one is stale and shows its word diff beside
//! its translation), builds into dashboards of which no page passes 200 KB, each locale's
//! pages about that locale only, in its language.

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
    // Every translation reviewed (the reviewed English recorded), then the English changed.
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let out = drillbook(&root, &["l10n", "accept", locale]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert!(root.join("locales/de-DE/l10n.reviewed").is_file());
    let mut edited = 0;
    for entry in std::fs::read_dir(root.join("locales/en-US")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("article-") || name == "site.ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let changed: Vec<String> = text.lines().map(|line| revise(line, &mut edited)).collect();
        std::fs::write(&path, changed.join("\n") + "\n").unwrap();
    }
    assert!(edited > 300 * 10, "{edited} English messages changed");

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
    // A stale message: the English then, now (a word diff), and the German beside them.
    assert!(page.contains("<dl class=\"change\">"), "{page}");
    assert!(page.contains("<dt>Englisch bei der Prüfung</dt>"));
    assert!(page.contains("<ins><span class=\"vh\">hinzugefügt: </span>Revised:</ins>"));
    assert!(page.contains("<del><span class=\"vh\">entfernt: </span>the</del>"));
    assert!(page.contains("<dd lang=\"de-DE\" dir=\"auto\" translate=\"no\">"));
    // The largest file of a locale, every message stale with its diff, stays in budget.
    let site_page = pages.iter().find(|(p, _)| p == "de-DE/dashboard/file/site/index.html");
    let site_page = site_page.expect("site.ftl has its page");
    assert!(read(&site, &site_page.0).matches("<dl class=\"change\">").count() > 50);
    // The source locale's overview: one row per translated language.
    let overview = read(&site, "en-US/dashboard/index.html");
    assert_eq!(overview.matches("<tr><td><a href=\"../../").count(), 5, "{overview}");
}

/// `line` with its English changed when it is a message's value on one line: a word added
/// in front and the first "the" replaced, so its word diff has both kinds of change.
fn revise(line: &str, edited: &mut usize) -> String {
    let Some((id, value)) = line.split_once(" = ") else { return line.to_string() };
    let is_id = id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !is_id || id.starts_with('-') || value.is_empty() {
        return line.to_string();
    }
    *edited += 1;
    format!("{id} = Revised: {}", value.replacen(" the ", " this ", 1))
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
