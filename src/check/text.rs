//! Text: translations identical to the English (`untranslated`), glossary terms
//! (`glossary`) and concepts rendered one way per locale (`concept-inconsistent`).

use crate::check::glossary::Glossary;
use crate::check::{Finding, Pair};
use crate::diag::Severity;

fn normalize(text: &str) -> String {
    crate::md_shape::collapse_whitespace(text)
}

/// `untranslated` (warning): the translation's own text equals the English, and something
/// other than allowed English phrases (product names) is left once those are removed.
pub(crate) fn check_untranslated(pair: &Pair<'_>, glossary: &Glossary, out: &mut Vec<Finding>) {
    // Equal up to whitespace (compared without building the normalized strings: most
    // translations differ at once).
    let (en, tr) = (&pair.en_flat().own_text, &pair.tr_flat().own_text);
    if !en.split_whitespace().eq(tr.split_whitespace()) {
        return;
    }
    let tr = normalize(tr);
    let mut rest = tr.clone();
    let local = glossary.keep_english_in.get(pair.locale).into_iter().flatten();
    for keep in glossary.keep_english.iter().chain(local) {
        rest = rest.replace(keep.as_str(), " ");
    }
    if rest.chars().any(char::is_alphabetic) {
        let message = format!(
            "`{}` is the same as the English (“{tr}”); translate it, or list the words under `keep-english` in content/glossary.toml",
            pair.part
        );
        out.push(pair.finding(Severity::Warning, "untranslated", message));
    }
}

/// `glossary`: when the English contains a key term, the translation contains one of the
/// term's approved forms for its locale. Term references count with their text.
pub(crate) fn check_glossary(pair: &Pair<'_>, glossary: &Glossary, out: &mut Vec<Finding>) {
    if glossary.terms.is_empty() {
        return;
    }
    let hits = pair.en_glossary(glossary);
    for (i, term) in glossary.terms.iter().enumerate() {
        let Some(stem) = hits.term(glossary, i) else {
            continue;
        };
        if term.found_in_lowercase(pair.locale, pair.tr_lowercase()) == Some(false) {
            let forms =
                term.translations.get(pair.locale).map(|f| f.join("”, “")).unwrap_or_default();
            let message = format!(
                "`{}`: the English says “{stem}…” but the translation has none of the approved {} forms “{forms}”",
                pair.part, pair.locale
            );
            out.push(pair.finding(Severity::Error, "glossary", message));
        }
    }
}

/// `concept-inconsistent`: when the English names a glossary concept, the translation uses
/// the locale's one rendering of it; the message names the rendering it uses instead (the
/// word that ends like the locale's rendering, e.g. “Handelspartnerbeziehung” for
/// “Resellerbeziehung”), when there is one.
pub(crate) fn check_concepts(pair: &Pair<'_>, glossary: &Glossary, out: &mut Vec<Finding>) {
    if glossary.concepts.is_empty() || pair.is_term {
        return;
    }
    let hits = pair.en_glossary(glossary);
    for (i, concept) in glossary.concepts.iter().enumerate() {
        let Some(phrase) = hits.concept(glossary, i) else {
            continue;
        };
        if concept.found_in_lowercase(pair.locale, pair.tr_lowercase()) != Some(false) {
            continue;
        }
        let tr = &pair.tr_flat().text;
        let Some(shown) = concept.shown.get(pair.locale) else { continue };
        let message = match other_rendering(tr, shown) {
            Some(other) => format!(
                "`{}` renders “{phrase}” as “{other}”; {} renders it “{shown}” (content/glossary.toml)",
                pair.part, pair.locale
            ),
            None => format!(
                "`{}` does not use {}'s rendering “{shown}” of “{phrase}” (content/glossary.toml)",
                pair.part, pair.locale
            ),
        };
        out.push(pair.finding(Severity::Error, "concept-inconsistent", message));
    }
}

/// The word of `text` that ends most like `rendering` (at least its last 6 letters: a head
/// noun, not a suffix such as Dutch `-atie`, which `informatie` shares with `resellerrelatie`),
/// e.g. the other compound of the same head noun.
fn other_rendering<'t>(text: &'t str, rendering: &str) -> Option<&'t str> {
    let want: Vec<char> = rendering.to_lowercase().chars().rev().collect();
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let common =
                w.to_lowercase().chars().rev().zip(&want).take_while(|(a, b)| a == *b).count();
            (common, w)
        })
        .filter(|(common, _)| *common >= 6)
        .max_by_key(|(common, _)| *common)
        .map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_rendering_is_the_word_with_the_same_head() {
        let text = "Entfernen der Handelspartnerbeziehung mit einem Kunden";
        assert_eq!(other_rendering(text, "Resellerbeziehung"), Some("Handelspartnerbeziehung"));
        assert_eq!(other_rendering("Bekijk de informatie", "resellerrelatie"), None);
        assert_eq!(
            other_rendering("de reseller-relatie", "resellerrelatie"),
            Some("reseller-relatie")
        );
        assert_eq!(other_rendering("Entfernen Sie den Kunden", "Resellerbeziehung"), None);
    }
}
