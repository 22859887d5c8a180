//! Pseudo-locales (`drillbook build --pseudo`): `en-XA` and `ar-XB`, made from the source
//! locale's messages to show, before any translator starts, the strings a template or script
//! hard-codes, the layouts that break with longer text, and the ones that do not mirror.
//!
//! Only the text of patterns changes: placeables (`{ $var }`, `{ -term }`, message
//! references), select keys, ids and the Markdown syntax of the text (`**`, `[…](dest)`,
//! `` `code` ``, `<autolink>`, `&entity;`) stay as they are, so a pseudo-locale formats exactly
//! as the source does. The transforms follow Android's pseudo-locales rather than the
//! `fluent-pseudo` crate, whose accented map leaves the vowels `a e i o u` as they are (so an
//! untransformed "a" cannot be told from a transformed one) and whose bidi transform relies on
//! U+202E controls, which drillbook strips from every page:
//! - `en-XA`: every ASCII letter accented (`Customers` → `Çûûšţööɱééŕš`), and the vowels
//!   doubled, about a third longer (Android pads with words instead; doubling keeps the
//!   length where the words are and needs no brackets, which would read as Markdown links).
//! - `ar-XB`: the same accents without lengthening; the pages are `dir="rtl"` and
//!   `assets/rtl.css` lays their text out right to left character by character
//!   (`unicode-bidi: bidi-override`), the mirrored reading Android's `ar-XB` gets from RLO
//!   controls.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use crate::content::Site;
use crate::l10n::{FtlFile, L10n, LocaleFiles, Problem};
use crate::render::{self, DashboardRow, Sink};

/// The pseudo-locales `--pseudo` builds, in build order.
pub const LOCALES: [&str; 2] = ["en-XA", "ar-XB"];

/// Whether `locale` is written right to left (its `<html dir>`).
pub fn is_rtl(locale: &str) -> bool {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    matches!(language, "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb")
}

const LOWER: [char; 26] = [
    'å', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ', 'š',
    'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
];
const UPPER: [char; 26] = [
    'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ', 'Š',
    'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
];

/// The text of a pattern in pseudo-locale `locale` (Markdown syntax kept).
pub fn transform(locale: &str, text: &str) -> String {
    let elongate = locale != "ar-XB";
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.char_indices().peekable();
    // Verbatim up to and including the first `close` after byte `from`, or to the end.
    let verbatim_to = |from: usize, close: char| {
        text[from..].find(close).map_or(text.len(), |i| from + i + close.len_utf8())
    };
    while let Some((i, c)) = chars.next() {
        let rest = &text[i..];
        let end = if rest.starts_with("](") {
            Some(verbatim_to(i + 2, ')'))
        } else if c == '`' {
            Some(verbatim_to(i + 1, '`'))
        } else if c == '<' && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic()) {
            Some(verbatim_to(i + 1, '>'))
        } else if c == '&' && is_entity(rest) {
            Some(verbatim_to(i + 1, ';'))
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            Some(rest.find(char::is_whitespace).map_or(text.len(), |n| i + n))
        } else {
            None
        };
        if let Some(end) = end {
            out.push_str(&text[i..end]);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        match c {
            'a'..='z' => {
                let accented = LOWER[(c as u8 - b'a') as usize];
                out.push(accented);
                if elongate && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
                    out.push(accented);
                }
            }
            'A'..='Z' => out.push(UPPER[(c as u8 - b'A') as usize]),
            c => out.push(c),
        }
    }
    out
}

/// `&name;` or `&#123;` at the start of `text`.
fn is_entity(text: &str) -> bool {
    let body = &text[1..];
    let len = body.find(';').unwrap_or(0);
    len > 0 && len <= 10 && body[..len].chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
}

/// The byte ranges of every text element of `source`'s messages and terms (values and
/// attributes, select variants included).
fn text_ranges(source: &str) -> Vec<Range<usize>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut ranges = Vec::new();
    for entry in &resource.body {
        // A term's attributes are selectors' keys, never shown: they stay as they are.
        let (value, attributes) = match entry {
            ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes[..]),
            ast::Entry::Term(t) => (Some(&t.value), &[][..]),
            _ => continue,
        };
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            pattern_ranges(source, pattern, &mut ranges);
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges
}

fn pattern_ranges(source: &str, pattern: &ast::Pattern<&str>, out: &mut Vec<Range<usize>>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                // The parser's text elements are slices of the source.
                let start = value.as_ptr() as usize - source.as_ptr() as usize;
                out.push(start..start + value.len());
            }
            ast::PatternElement::Placeable { expression } => {
                expression_ranges(source, expression, out);
            }
        }
    }
}

fn expression_ranges(
    source: &str,
    expression: &ast::Expression<&str>,
    out: &mut Vec<Range<usize>>,
) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                pattern_ranges(source, &variant.value, out);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_ranges(source, expression, out);
        }
        ast::Expression::Inline(_) => {}
    }
}

/// `source` (an `.ftl` file) with the text of every pattern in pseudo-locale `locale`.
pub fn transform_ftl(locale: &str, source: &str) -> String {
    let mut out = String::with_capacity(source.len() * 2);
    let mut at = 0;
    for range in text_ranges(source) {
        out.push_str(&source[at..range.start]);
        out.push_str(&transform(locale, &source[range.clone()]));
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// The files of pseudo-locale `locale`, made from the source locale's `source` (every file
/// loaded, as the build holds it).
pub fn pseudo_files(source: &LocaleFiles, locale: &str) -> LocaleFiles {
    let files: BTreeMap<String, FtlFile> = source
        .files
        .iter()
        .map(|(scope, file)| {
            let text = transform_ftl(locale, file.source());
            let resource = FluentResource::try_new(text).unwrap_or_else(|(resource, _)| resource);
            let file = FtlFile {
                path: format!("locales/{locale}/{scope}.ftl"),
                resource: Arc::new(resource),
                errors: Vec::new(),
            };
            (scope.clone(), file)
        })
        .collect();
    LocaleFiles::new(locale, files)
}

/// Renders each pseudo-locale's pages into `sink` as the source locale's are (articles,
/// checklists, the index, the dashboard, and a `404.html` of its own), from `source`, the
/// source locale's files. The site's configured locales, its root page and its sitemap do not
/// change: no page of a real locale links to a pseudo-locale. Returns the problems met
/// (the same as the source locale's, which the build reports already).
pub fn render_pseudo_locales(
    site: &Site,
    source: &LocaleFiles,
    dashboard: Option<&[DashboardRow]>,
    sink: &dyn Sink,
) -> std::io::Result<Vec<Problem>> {
    let mut problems = Vec::new();
    for locale in LOCALES {
        let l10n = L10n { locales: vec![pseudo_files(source, locale)] };
        // The pseudo-locale as the only locale of a copy of the site: its pages' language
        // switcher and alternates name no real locale, whose pages never name it.
        let mut site = site.clone();
        let tag = toml::Spanned::new(0..0, locale.to_string());
        site.config.locales = vec![tag.clone()];
        site.config.default_locale = tag;
        let options = render::Options {
            locales: vec![locale.to_string()],
            dashboard: dashboard.map(<[DashboardRow]>::to_vec),
            ..Default::default()
        };
        let mut renderer = render::Renderer::new(&site, &l10n, &options);
        problems.extend(renderer.render_locale(&site, &l10n, &options, locale, sink)?);
        let own = OwnPages { locale, sink };
        problems.extend(renderer.render_common(&site, &l10n, &options, &own)?);
    }
    Ok(problems)
}

/// Keeps a pseudo-locale's own pages of what [`render::Renderer::render_common`] writes (its
/// dashboard, and the 404 page, moved below the locale) and drops the site-wide files, which
/// the real build writes.
struct OwnPages<'a> {
    locale: &'a str,
    sink: &'a dyn Sink,
}

impl Sink for OwnPages<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if path == "404.html" {
            return self.sink.put(&format!("{}/404.html", self.locale), bytes);
        }
        let own = path.strip_prefix(self.locale).is_some_and(|rest| rest.starts_with('/'));
        if own { self.sink.put(path, bytes) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests;
