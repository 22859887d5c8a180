//! Multi-file fixtures in one string, for checker tests.
//!
//! ```text
//! -- locales/en-US/a.ftl
//! hello = Hello
//! -- locales/de-DE/a.ftl (crlf, bom)
//! hello = Hallo
//! ```
//! `(crlf)` turns the file's line endings into CRLF, `(bom)` prepends a byte-order mark.
//! Locales are `en-US` (the source) first, then the others in order of appearance.
//! A locale without an `l10n.lock` in the fixture counts as fully reviewed (its lock is what
//! `drillbook l10n accept` would write), so a fixture shows only the check it is about.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use drillbook::check::{self, CheckData};
use drillbook::content::{Site, parse_article, parse_config};
use drillbook::l10n::lock::parse_lock;
use drillbook::l10n::{L10n, LocaleFiles, parse_ftl};

pub(crate) const SOURCE_LOCALE: &str = "en-US";

/// `(path, contents)` of every file of a fixture.
pub(crate) fn parse_fixture(text: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut flags: Vec<String> = Vec::new();
    let finish = |files: &mut Vec<(String, String)>, flags: &[String]| {
        if let Some((_, body)) = files.last_mut() {
            if flags.iter().any(|f| f == "crlf") {
                *body = body.replace('\n', "\r\n");
            }
            if flags.iter().any(|f| f == "bom") {
                body.insert(0, '\u{feff}');
            }
        }
    };
    for line in text.split_inclusive('\n') {
        if let Some(header) = line.strip_prefix("-- ") {
            finish(&mut files, &flags);
            let header = header.trim();
            let (path, rest) = header.split_once(' ').unwrap_or((header, ""));
            flags = rest
                .trim_matches(['(', ')', ' '])
                .split(',')
                .map(|f| f.trim().to_string())
                .collect();
            files.push((path.to_string(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
        }
    }
    finish(&mut files, &flags);
    files
}

/// Builds the checker's input from fixture files, as the loaders would from disk.
pub(crate) fn build(files: &[(String, String)]) -> (L10n, Option<Site>, CheckData) {
    let mut order = vec![SOURCE_LOCALE.to_string()];
    let mut locales: BTreeMap<String, LocaleFiles> = BTreeMap::new();
    let mut data = CheckData::default();
    let mut config = None;
    let mut articles = Vec::new();
    for (path, body) in files {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["locales", locale, name] if name.ends_with(".ftl") => {
                if !order.iter().any(|l| l == locale) {
                    order.push(locale.to_string());
                }
                let entry = locales
                    .entry(locale.to_string())
                    .or_insert_with(|| LocaleFiles::new(locale, BTreeMap::new()));
                let (file, _) = parse_ftl(path, body.clone());
                entry.files.insert(name.trim_end_matches(".ftl").to_string(), file);
            }
            ["locales", locale, "l10n.lock"] => {
                let (lock, diags) = parse_lock(path, body);
                assert!(diags.is_empty(), "bad lock in fixture: {diags:?}");
                data.locks.insert(locale.to_string(), lock);
            }
            ["content", "glossary.toml"] => {
                let (glossary, diags) = check::glossary::parse_glossary(path, body);
                assert!(diags.is_empty(), "bad glossary in fixture: {diags:?}");
                data.glossary = glossary;
            }
            ["content", "site.toml"] => {
                data.content_sources.insert(path.clone(), body.clone());
                config = parse_config(path, body).0;
            }
            ["content", "articles", name] => {
                data.content_sources.insert(path.clone(), body.clone());
                let id = name.trim_end_matches(".toml");
                articles.extend(parse_article(id, path, body).0);
            }
            ["templates", _] => {
                data.template_sources.insert(path.clone(), body.clone());
            }
            _ => panic!("unexpected fixture file {path}"),
        }
    }
    let l10n = L10n {
        locales: order
            .iter()
            .map(|l| locales.remove(l).unwrap_or_else(|| LocaleFiles::new(l, BTreeMap::new())))
            .collect(),
    };
    for locale in order.iter().skip(1) {
        if !data.locks.contains_key(locale) {
            let accepted = check::stale::accept(&l10n, locale, &Default::default(), &[])
                .expect("locale exists");
            data.locks.insert(locale.clone(), accepted.lock);
        }
    }
    let site = config.map(|config| Site {
        config,
        articles,
        media: Default::default(),
        scenarios: Vec::new(),
    });
    (l10n, site, data)
}

/// The rendered diagnostics of `check` on a fixture (sorted, with the summary line).
pub(crate) fn check_text(text: &str) -> String {
    check_files(&parse_fixture(text))
}

/// [`check_text`] of files given as `(path, body)`: for bodies that are arbitrary text, in
/// which a line may look like a fixture header.
pub(crate) fn check_files(files: &[(String, String)]) -> String {
    let (l10n, site, data) = build(files);
    let input = check::Input { l10n: &l10n, site: site.as_ref(), data: &data };
    drillbook::diag::render_all(&check::check(&input))
}

/// Writes fixture files under `dir`.
pub(crate) fn write_fixture(dir: &Path, files: &[(String, String)]) {
    for (path, body) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("fixture paths have a parent"))
            .expect("create fixture dir");
        std::fs::write(&path, body).expect("write fixture file");
    }
}
