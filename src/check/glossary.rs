//! `content/glossary.toml`: approved translations of English key terms, per locale, and the
//! words that stay English on purpose (product names).
//!
//! ```toml
//! keep-english = ["Partner Center", "Microsoft"]
//! [keep-english-in]
//! nl-NL = ["Account"]
//! [[term]]
//! en = ["remov"]          # English stems, matched at the start of a word
//! de-DE = ["entfern"]     # accepted forms or stems, matched anywhere, case-insensitive
//! [[concept]]
//! en = ["reseller relationship"]   # a concept: one rendering per locale
//! de-DE = ["Resellerbeziehung"]    # the rendering (first, as shown) and its other forms
//! ```
//!
//! A `[[term]]` accepts any of its forms; a `[[concept]]` is one thing said one way in each
//! locale (`concept-inconsistent` names the other rendering a translation uses).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Severity};

/// Path of the glossary, relative to the project root.
pub const GLOSSARY_FILE: &str = "content/glossary.toml";

#[derive(Debug, Default, Clone)]
pub struct Glossary {
    /// Phrases that may stay English in every locale.
    pub keep_english: Vec<String>,
    /// More such phrases, per locale.
    pub keep_english_in: BTreeMap<String, Vec<String>>,
    pub terms: Vec<GlossaryTerm>,
    /// Concepts: each rendered one way per locale.
    pub concepts: Vec<GlossaryTerm>,
}

/// Which terms, then which concepts, of a [`Glossary`] an English text names: for each, the
/// index of the first of its English stems found ([`GlossaryTerm::find_in_english`]). Empty
/// when it names none (most text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits(Box<[Option<u16>]>);

impl Hits {
    /// The stem of `terms[i]` the text names, if any.
    pub fn term<'g>(&self, glossary: &'g Glossary, i: usize) -> Option<&'g str> {
        let stem = self.0.get(i).copied().flatten()?;
        glossary.terms.get(i)?.en.get(usize::from(stem)).map(String::as_str)
    }

    /// The phrase of `concepts[i]` the text names, if any.
    pub fn concept<'g>(&self, glossary: &'g Glossary, i: usize) -> Option<&'g str> {
        let at = glossary.terms.len() + i;
        let stem = self.0.get(at).copied().flatten()?;
        glossary.concepts.get(i)?.en.get(usize::from(stem)).map(String::as_str)
    }
}

impl Glossary {
    /// What the glossary finds in `lower`, an English text in lower case.
    pub fn hits(&self, lower: &str) -> Hits {
        let found = |term: &GlossaryTerm| {
            let stem = term.find_in_lowercase_english(lower)?;
            let i = term.en.iter().position(|s| s == stem)?;
            u16::try_from(i).ok()
        };
        let all: Vec<Option<u16>> = self.terms.iter().chain(&self.concepts).map(found).collect();
        if all.iter().all(Option::is_none) { Hits::default() } else { Hits(all.into()) }
    }
}

#[derive(Debug, Clone)]
pub struct GlossaryTerm {
    /// English stems, lower case.
    pub en: Vec<String>,
    /// Locale -> accepted forms or stems, lower case.
    pub translations: BTreeMap<String, Vec<String>>,
    /// Locale -> its first form as written (how a concept's rendering is shown).
    pub shown: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    #[serde(default)]
    keep_english: Vec<String>,
    #[serde(default)]
    keep_english_in: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    term: Vec<Spanned<BTreeMap<String, Spanned<Vec<String>>>>>,
    #[serde(default)]
    concept: Vec<Spanned<BTreeMap<String, Spanned<Vec<String>>>>>,
}

/// Parses the glossary; problems are `invalid-glossary` diagnostics and the valid part is kept.
pub fn parse_glossary(path: &str, source: &str) -> (Glossary, Vec<Diagnostic>) {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - text.len();
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            let message = err.message().trim().replace('\n', " ");
            let diag = match err.span() {
                Some(span) => Diagnostic::error(
                    "invalid-glossary",
                    path,
                    source,
                    span.start + bom..span.end + bom,
                    message,
                ),
                None => Diagnostic::file(Severity::Error, "invalid-glossary", path, message),
            };
            return (Glossary::default(), vec![diag]);
        }
    };
    let mut diags = Vec::new();
    let terms = parse_entries(raw.term, path, source, bom, &mut diags);
    let concepts = parse_entries(raw.concept, path, source, bom, &mut diags);
    (
        Glossary {
            keep_english: raw.keep_english,
            keep_english_in: raw.keep_english_in,
            terms,
            concepts,
        },
        diags,
    )
}

type RawEntry = Spanned<BTreeMap<String, Spanned<Vec<String>>>>;

/// `[[term]]` or `[[concept]]` entries; problems go to `diags`.
fn parse_entries(
    entries: Vec<RawEntry>,
    path: &str,
    source: &str,
    bom: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<GlossaryTerm> {
    let mut terms = Vec::new();
    for term in entries {
        let span = term.span();
        let mut map = term.into_inner();
        let lower = |v: Vec<String>| -> Vec<String> {
            v.into_iter().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect()
        };
        let en = map.remove("en").map(|v| lower(v.into_inner())).unwrap_or_default();
        if en.is_empty() {
            let message = "a glossary term needs `en = [\"<English stem>\", ...]`";
            diags.push(Diagnostic::error(
                "invalid-glossary",
                path,
                source,
                span.start + bom..span.start + bom + 1,
                message,
            ));
            continue;
        }
        let mut translations = BTreeMap::new();
        let mut shown = BTreeMap::new();
        for (locale, forms) in map {
            let forms_span = forms.span();
            let written = forms.into_inner();
            let first = written.iter().map(|f| f.trim()).find(|f| !f.is_empty());
            if let Some(first) = first {
                shown.insert(locale.clone(), first.to_string());
            }
            let forms = lower(written);
            if !locale.contains('-') || forms.is_empty() {
                let message = format!(
                    "`{locale}` must be a locale such as `de-DE` with at least one accepted form"
                );
                diags.push(Diagnostic::error(
                    "invalid-glossary",
                    path,
                    source,
                    forms_span.start + bom..forms_span.end + bom,
                    message,
                ));
                continue;
            }
            translations.insert(locale, forms);
        }
        terms.push(GlossaryTerm { en, translations, shown });
    }
    terms
}

impl GlossaryTerm {
    /// The English stem found at the start of a word of `text`, if any.
    pub fn find_in_english(&self, text: &str) -> Option<&str> {
        self.find_in_lowercase_english(&text.to_lowercase())
    }

    /// [`GlossaryTerm::find_in_english`] of a text already in lower case (a check lowers
    /// each message once for all the terms).
    pub fn find_in_lowercase_english(&self, lower: &str) -> Option<&str> {
        self.en.iter().map(String::as_str).find(|stem| {
            lower
                .match_indices(stem)
                .any(|(i, _)| !lower[..i].chars().next_back().is_some_and(char::is_alphanumeric))
        })
    }

    /// Whether `text` contains an accepted form for `locale`; `None` when the glossary has no
    /// entry for that locale.
    pub fn found_in(&self, locale: &str, text: &str) -> Option<bool> {
        self.found_in_lowercase(locale, &text.to_lowercase())
    }

    /// [`GlossaryTerm::found_in`] of a text already in lower case.
    pub fn found_in_lowercase(&self, locale: &str, lower: &str) -> Option<bool> {
        let forms = self.translations.get(locale)?;
        Some(forms.iter().any(|f| lower.contains(f.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_terms_and_matches_stems() {
        let src =
            "keep-english = [\"Partner Center\"]\n[[term]]\nen = [\"remov\"]\nru-RU = [\"Удал\"]\n";
        let (glossary, diags) = parse_glossary("g.toml", src);
        assert!(diags.is_empty(), "{diags:?}");
        let term = &glossary.terms[0];
        assert_eq!(term.find_in_english("Removing a relationship"), Some("remov"));
        assert_eq!(term.find_in_english("unremovable"), None);
        assert_eq!(term.found_in("ru-RU", "Удаление связи"), Some(true));
        assert_eq!(term.found_in("ru-RU", "Запрос связи"), Some(false));
        assert_eq!(term.found_in("de-DE", "x"), None);
    }

    #[test]
    fn concepts_keep_their_rendering_as_written() {
        let src = "[[concept]]\nen = [\"Reseller relationship\"]\nde-DE = [\"Resellerbeziehung\", \"Resellerbeziehungen\"]\n";
        let (glossary, diags) = parse_glossary("g.toml", src);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(glossary.terms.is_empty());
        let concept = &glossary.concepts[0];
        assert_eq!(concept.shown["de-DE"], "Resellerbeziehung");
        assert_eq!(
            concept.find_in_english("Remove a reseller relationship"),
            Some("reseller relationship")
        );
        assert_eq!(concept.found_in("de-DE", "Die Handelspartnerbeziehung"), Some(false));
        let (_, diags) = parse_glossary("g.toml", "[[concept]]\nde-DE = [\"x\"]\n");
        assert_eq!(diags[0].code, "invalid-glossary");
    }

    #[test]
    fn bad_entries_are_positioned() {
        let (_, diags) = parse_glossary("g.toml", "[[term]]\nde-DE = [\"x\"]\n");
        assert_eq!(diags[0].code, "invalid-glossary");
        let (_, diags) = parse_glossary("g.toml", "colour = 1\n");
        assert_eq!(
            diags[0].headline(),
            "g.toml:1:1: error[invalid-glossary]: unknown field `colour`, expected one of `keep-english`, `keep-english-in`, `term`, `concept`"
        );
    }
}
