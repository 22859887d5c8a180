//! Text: translations identical to the English (`untranslated`) and glossary terms
//! (`glossary`).

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
    let (en, tr) = (&pair.en_flat().text, &pair.tr_flat().text);
    for term in &glossary.terms {
        let Some(stem) = term.find_in_english(en) else {
            continue;
        };
        if term.found_in(pair.locale, tr) == Some(false) {
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
