//! Reading and validating content files. Problems are returned as diagnostics, never panics.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;

use crate::content::model::{Article, Config};
use crate::diag::{Diagnostic, Severity};
use crate::paths::{parse_toml_all, read_text, rel_path};

/// Parses `site.toml`. `path` is the display path used in diagnostics.
pub fn parse_config(path: &str, source: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let config = match parse_toml_all::<Config>(path, source, "invalid-content") {
        Ok(config) => config,
        Err(diags) => return (None, diags),
    };
    let mut diags = Vec::new();
    let err = |span: std::ops::Range<usize>, msg: String| {
        Diagnostic::error("invalid-config", path, source, span, msg)
    };
    let base = config.base_url.get_ref();
    if !(base.starts_with("https://") || base.starts_with("http://")) || !base.ends_with('/') {
        diags.push(err(
            config.base_url.span(),
            format!("`base-url` must be an absolute http(s) URL ending in `/`, found `{base}`"),
        ));
    }
    let mut seen = BTreeMap::new();
    for locale in &config.locales {
        if locale.get_ref().parse::<unic_langid::LanguageIdentifier>().is_err()
            || !locale.get_ref().contains('-')
        {
            diags.push(err(
                locale.span(),
                format!(
                    "`{}` is not a BCP 47 language-region tag such as `de-DE`",
                    locale.get_ref()
                ),
            ));
        }
        if seen.insert(locale.get_ref().clone(), locale.span()).is_some() {
            diags
                .push(err(locale.span(), format!("locale `{}` is listed twice", locale.get_ref())));
        }
    }
    if !seen.contains_key(config.default_locale.get_ref()) {
        diags.push(err(
            config.default_locale.span(),
            format!("default locale `{}` is not in `locales`", config.default_locale.get_ref()),
        ));
    }
    if let Some(max) = &config.sitemap_max_urls {
        let limit = crate::render::SITEMAP_MAX_URLS;
        if !(1..=limit as i64).contains(max.get_ref()) {
            diags.push(err(
                max.span(),
                format!(
                    "`sitemap-max-urls` must be from 1 to {limit} (the sitemaps protocol's \
                     limit), found {}",
                    max.get_ref()
                ),
            ));
        }
    }
    if let Some(url) = &config.external_article_url {
        if !url.get_ref().starts_with("https://") || !url.get_ref().contains("{article}") {
            diags.push(err(
                url.span(),
                "`external-article-url` must be an https URL containing `{article}`".to_string(),
            ));
        }
    }
    if let Some(theme) = &config.theme {
        check_theme(theme, &err, &mut diags);
    }
    (Some(config), diags)
}

/// The theme's files must be under `theme/` with safe names; header links are https URLs.
fn check_theme(
    theme: &crate::content::Theme,
    err: &dyn Fn(std::ops::Range<usize>, String) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) {
    for file in theme.files() {
        let path = file.get_ref();
        let safe = path.strip_prefix("theme/").is_some_and(|rest| {
            rest.split('/').all(|part| {
                !part.is_empty()
                    && !part.starts_with('.')
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            })
        });
        if !safe {
            diags.push(err(
                file.span(),
                format!(
                    "theme files are paths under the project's `theme/` folder, such as \
                     `theme/style.css`, found `{path}`"
                ),
            ));
        }
    }
    for link in &theme.header_links {
        if !link.url.get_ref().starts_with("https://") {
            diags.push(err(
                link.url.span(),
                "a header link's `url` must start with https://".into(),
            ));
        }
    }
}

/// Parses one article file; `id` is its file stem.
pub fn parse_article(id: &str, path: &str, source: &str) -> (Option<Article>, Vec<Diagnostic>) {
    let mut article = match parse_toml_all::<Article>(path, source, "invalid-content") {
        Ok(article) => article,
        Err(diags) => return (None, diags),
    };
    article.id = id.to_string();
    article.path = path.to_string();
    article.file_text = source.to_string();
    let diags = super::validate::article(&article, id, path, source);
    (Some(article), diags)
}

/// Points each `missing-locale` diagnostic (about a `locales/<locale>` directory that cannot
/// be read) at the place `content/site.toml` lists the locale, and says when the directory
/// is a symlink to nothing. Other diagnostics are left as they are.
pub fn position_missing_locales(
    root: &Path,
    site: &crate::content::Site,
    diags: &mut [Diagnostic],
) {
    if !diags.iter().any(|d| d.code == "missing-locale" && d.pos.is_none()) {
        return;
    }
    let config_path = root.join("content/site.toml");
    let Ok(source) = read_text(root, &config_path) else {
        return;
    };
    let display = rel_path(root, &config_path);
    let config = &site.config;
    for diag in diags.iter_mut().filter(|d| d.code == "missing-locale" && d.pos.is_none()) {
        let Some(locale) = diag.path.strip_prefix("locales/") else {
            continue;
        };
        let listed = config.locales.iter().chain([&config.default_locale]);
        let Some(span) = listed.map(Spanned::span).find(|s| {
            source.get(s.clone()).is_some_and(|text| text.trim_matches(['"', '\'']) == locale)
        }) else {
            continue;
        };
        let dir = root.join(&diag.path);
        let dangling = dir.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
            && dir.metadata().is_err();
        let named = format!("`{}`, the directory of locale", diag.path);
        let mut message = if diag.message.contains("the directory of locale") {
            diag.message.replacen("the directory of locale", &named, 1)
        } else {
            format!("{} (`{}`)", diag.message, diag.path)
        };
        if dangling {
            message.push_str("; it is a symlink to a missing target");
        }
        *diag = Diagnostic::at(diag.severity, diag.code, &display, &source, span, message);
    }
}

/// Loads `content/site.toml` and every `content/articles/*.toml` under `root`.
/// Returns `None` when nothing usable could be loaded.
pub fn load_site(root: &Path) -> (Option<crate::content::Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let config_path = root.join("content/site.toml");
    let config = match read_text(root, &config_path) {
        Ok(source) => {
            let (config, more) = parse_config(&rel_path(root, &config_path), &source);
            diags.extend(more);
            config
        }
        Err(mut diag) => {
            // Without site.toml this is not a project: one error says so.
            diag.message = diag
                .message
                .replace("cannot read file", "cannot read file (is `--root` a drillbook project?)")
                .into();
            return (None, vec![diag]);
        }
    };
    let mut articles = Vec::new();
    let dir = root.join("content/articles");
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect(),
        Err(err) => {
            diags.push(Diagnostic::file(
                Severity::Error,
                "io",
                &rel_path(root, &dir),
                format!("cannot read the articles directory: {err}"),
            ));
            Vec::new()
        }
    };
    files.sort();
    let parsed: Vec<_> = {
        use rayon::prelude::*;
        files
            .par_iter()
            .map(|file| {
                let id = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
                read_text(root, file)
                    .map(|source| parse_article(&id, &rel_path(root, file), &source))
            })
            .collect()
    };
    for result in parsed {
        match result {
            Ok((article, more)) => {
                diags.extend(more);
                articles.extend(article);
            }
            Err(diag) => diags.push(diag),
        }
    }
    // By id, which `Site::article` relies on (file names sort differently: `a-b` < `a`).
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let media = list_media(root, &mut diags);
    if let (Some(config), Ok(source)) = (&config, read_text(root, &config_path)) {
        check_topics(config, &articles, &rel_path(root, &config_path), &source, &mut diags);
    }
    if let (Some(theme), Ok(source)) =
        (config.as_ref().and_then(|c| c.theme.as_ref()), read_text(root, &config_path))
    {
        for file in theme.files().filter(|f| !root.join(f.get_ref()).is_file()) {
            diags.push(Diagnostic::error(
                "invalid-config",
                &rel_path(root, &config_path),
                &source,
                file.span(),
                format!(
                    "`{}` is not a file in the project; create it or remove this line",
                    file.get_ref()
                ),
            ));
        }
    }
    let (scenarios, more) = crate::sim::load_scenarios(root);
    diags.extend(more);
    for article in &articles {
        if let Some(set) = &article.simulator {
            if crate::sim::scenarios_in_set(&scenarios, set.get_ref()).is_empty() {
                diags.push(Diagnostic::error(
                    "unknown-scenario-set",
                    &article.path,
                    &article.file_text,
                    set.span(),
                    format!("no scenario in content/scenarios/ has `set = \"{}\"`", set.get_ref()),
                ));
            }
            let assessed = article.assessment.iter().flat_map(|a| &a.scenarios);
            for id in assessed.filter(|id| {
                !scenarios.iter().any(|s| s.id == *id.get_ref() && s.set == *set.get_ref())
            }) {
                diags.push(Diagnostic::error(
                    "invalid-content",
                    &article.path,
                    &article.file_text,
                    id.span(),
                    format!("scenario `{}` is not in the set `{}`", id.get_ref(), set.get_ref()),
                ));
            }
        }
    }
    (config.map(|config| crate::content::Site { config, articles, media, scenarios }), diags)
}

/// Each `[topics.<id>]` of site.toml must be the topic of an article (a typo would silently
/// leave the order as it was).
fn check_topics(
    config: &Config,
    articles: &[Article],
    path: &str,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let used: std::collections::BTreeSet<&str> =
        articles.iter().map(|a| a.topic.get_ref().as_str()).collect();
    for topic in config.topics.keys().filter(|t| !used.contains(t.get_ref().as_str())) {
        let hint = crate::paths::recover::did_you_mean(topic.get_ref(), used.iter().copied());
        let message = format!("no article has the topic `{}`{hint}", topic.get_ref());
        diags.push(Diagnostic::error("invalid-config", path, source, topic.span(), message));
    }
}

/// Files under `content/media/` (sorted, relative to `content/`). Only slug-like names are
/// taken, so a media path is always safe in a URL.
fn list_media(root: &Path, diags: &mut Vec<Diagnostic>) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let content = root.join("content");
    let mut stack = vec![content.join("media")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    stack.push(path);
                    continue;
                }
                Ok(meta) if meta.is_file() => {}
                // A FIFO would block the build's read of it; a dangling symlink fails it.
                _ => {
                    let err = crate::paths::read_regular_file(&path).err();
                    let why =
                        err.map_or_else(|| "not a regular file".to_string(), |e| e.to_string());
                    diags.push(Diagnostic::file(
                        Severity::Error,
                        "io",
                        &rel_path(root, &path),
                        format!("cannot read file: {why}"),
                    ));
                    continue;
                }
            }
            let rel = rel_path(&content, &path);
            let safe = rel.split('/').all(|part| {
                !part.is_empty()
                    && !part.starts_with('.')
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            });
            if safe {
                out.insert(rel);
            } else {
                diags.push(Diagnostic::file(
                    Severity::Warning,
                    "unsafe-media-name",
                    &rel_path(root, &path),
                    "media file names may use only letters, digits, `-`, `_` and `.`; file skipped",
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Block;

    const SITE: &str = "title = \"site-title\"\nbase-url = \"https://x.example/\"\ndefault-locale = \"en-US\"\nlocales = [\"en-US\", \"de-DE\"]\n";

    #[test]
    fn parses_a_valid_config() {
        let (config, diags) = parse_config("content/site.toml", SITE);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.unwrap().locales.len(), 2);
    }

    #[test]
    fn unknown_key_in_config_is_positioned() {
        let src = format!("{SITE}colour = \"red\"\n");
        let (_, diags) = parse_config("content/site.toml", &src);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "unknown-key");
        assert!(
            diags[0]
                .headline()
                .starts_with("content/site.toml:5:1: error[unknown-key]: unknown field `colour`"),
            "{}",
            diags[0].headline()
        );
    }

    #[test]
    fn default_locale_must_be_listed() {
        let src = SITE.replace("default-locale = \"en-US\"", "default-locale = \"fr-FR\"");
        let (_, diags) = parse_config("s.toml", &src);
        assert_eq!(&*diags[0].message, "default locale `fr-FR` is not in `locales`");
    }

    #[test]
    fn list_items_are_strings_or_tables_with_spans() {
        let src = "title = \"t\"\ndescription = \"d\"\ntopic = \"x\"\n[[body]]\n[body.list]\nitems = [\"a\", { text = \"b\", items = { items = [\"c\"] } }]\n";
        let (article, diags) = parse_article("x", "a.toml", src);
        assert!(diags.is_empty(), "{diags:?}");
        let Block::List(list) = &article.unwrap().body[0] else { panic!("not a list") };
        assert_eq!(list.items[0].text.get_ref(), "a");
        assert_eq!(&src[list.items[0].text.span()], "\"a\"");
        assert_eq!(list.items[1].items.as_ref().unwrap().items[0].text.get_ref(), "c");
    }

    #[test]
    fn an_assessment_rule_is_validated_with_positions() {
        let head = "title = \"t\"\ndescription = \"d\"\ntopic = \"x\"\nbody = []\n";
        let ok = format!(
            "{head}simulator = \"s\"\n[assessment]\nmastery-score = 0.8\nallowed-mistakes = 2\n"
        );
        let (article, diags) = parse_article("x", "a.toml", &ok);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(*article.unwrap().assessment.unwrap().mastery_score.get_ref(), 0.8);
        let bad = format!(
            "{head}[assessment]\nmastery-score = 1.5\nallowed-mistakes = -1\nscenarios = [\"a\", \"a\"]\n"
        );
        let (_, diags) = parse_article("x", "a.toml", &bad);
        let got: Vec<_> = diags.iter().map(|d| d.headline()).collect();
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(
            got[0].starts_with("a.toml:6:17: error[invalid-content]: `[assessment]` needs"),
            "{got:#?}"
        );
        assert!(got[1].starts_with("a.toml:6:17: error[invalid-content]: `mastery-score` must be"));
        assert!(
            got[2].starts_with(
                "a.toml:7:20: error[invalid-content]: `allowed-mistakes` must be 0 to"
            )
        );
        assert!(
            got[3].starts_with("a.toml:8:19: error[invalid-content]: scenario `a` is listed twice")
        );
    }

    #[test]
    fn unknown_block_kind_is_an_unknown_key() {
        let src = "title = \"t\"\ndescription = \"d\"\ntopic = \"x\"\n[[body]]\nparagraf = \"a\"\n";
        let (_, diags) = parse_article("x", "a.toml", src);
        assert_eq!(diags[0].code, "unknown-key", "{diags:?}");
        assert_eq!(diags[0].pos.as_ref().unwrap().line, 5);
    }

    #[test]
    fn every_missing_field_and_unknown_key_is_reported_in_one_run() {
        let src = "description = \"d\"\n[[body]]\nparagrap = \"a\"\n[[body]]\nalert = { kind = \"nte\", txt = \"n\" }\n[[body]]\n[body.procedure]\nid = \"p\"\n";
        let (article, diags) = parse_article("x", "a.toml", src);
        assert!(article.is_none());
        let lines: Vec<String> = diags.iter().map(|d| d.headline()).collect();
        let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
        assert!(has("a.toml:3:1: error[unknown-key]: unknown variant `paragrap`"), "{lines:#?}");
        assert!(has("did you mean `paragraph`?"), "{lines:#?}");
        assert!(has("a.toml:5:18: error[unknown-key]: unknown variant `nte`"), "{lines:#?}");
        assert!(has("did you mean `note`?"), "{lines:#?}");
        assert!(has("unknown field `txt`"), "{lines:#?}");
        assert!(has("did you mean `text`?"), "{lines:#?}");
        assert!(has("missing required field `title`"), "{lines:#?}");
        assert!(has("missing required field `topic`"), "{lines:#?}");
        // The procedure's missing `steps` is reported where its table is.
        let steps = diags.iter().find(|d| d.message.contains("`steps`")).expect("steps reported");
        assert_eq!(steps.pos.as_ref().map(|p| p.line), Some(7), "{lines:#?}");
    }

    #[test]
    fn duplicate_anchors_are_reported() {
        let src = "title = \"t\"\ndescription = \"d\"\ntopic = \"x\"\n[[body]]\nheading = { id = \"a\", text = \"h\" }\n[[body]]\nheading = { id = \"a\", text = \"h\" }\n";
        let (_, diags) = parse_article("x", "a.toml", src);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "duplicate-anchor");
        assert_eq!(diags[0].pos.as_ref().unwrap().line, 7);
    }
}
