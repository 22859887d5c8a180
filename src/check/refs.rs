//! References: `$variables`, `{ -term }` and `{ message }` references against the English,
//! and plural selectors against the locale's CLDR categories.

use std::collections::{BTreeMap, BTreeSet};

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::check::{Finding, Locale, Pair, ast};
use crate::diag::Severity;
use crate::l10n::UI_SCOPE;
use crate::paths::recover;

fn list(names: &BTreeSet<&String>, sigil: &str) -> String {
    names.iter().map(|n| format!("`{sigil}{n}`")).collect::<Vec<_>>().join(", ")
}

/// `variable-mismatch`, `term-mismatch`, `message-ref-mismatch` for one pattern pair.
pub(crate) fn check_pair(pair: &Pair<'_>, out: &mut Vec<Finding>) {
    let (en, tr) = (pair.en_refs(), pair.tr_refs());
    let part = &pair.part;
    // A term's variables are its parameters (`-brand(case: "genitive")`), chosen per locale.
    if !pair.is_term {
        check_variables(pair, en, tr, out);
    }
    let missing: BTreeSet<_> = en.terms.difference(&tr.terms).collect();
    if !missing.is_empty() {
        let message = format!(
            "`{part}` does not reference {}; UI labels must be term references, not spelled out",
            list(&missing, "-")
        );
        out.push(pair.finding(Severity::Error, "term-mismatch", message));
    }
    let unknown: BTreeSet<_> = tr.terms.difference(&en.terms).collect();
    if !unknown.is_empty() {
        let message =
            format!("`{part}` references {}, which the English does not", list(&unknown, "-"));
        out.push(pair.finding(Severity::Error, "term-mismatch", message));
    }
    let missing: BTreeSet<_> = en.messages.difference(&tr.messages).collect();
    if !missing.is_empty() {
        let message = format!("`{part}` does not reference message {}", list(&missing, ""));
        out.push(pair.finding(Severity::Error, "message-ref-mismatch", message));
    }
    let unknown: BTreeSet<_> = tr.messages.difference(&en.messages).collect();
    if !unknown.is_empty() {
        let message = format!(
            "`{part}` references message {}, which the English does not",
            list(&unknown, "")
        );
        out.push(pair.finding(Severity::Error, "message-ref-mismatch", message));
    }
}

/// `variable-mismatch` for the UI labels the simulator shows (`sim::UI_LABELS`): it
/// formats each of these terms on its own, with no arguments, so a variable in one (in any
/// locale) fails to format.
pub(crate) fn check_label_variables(locale: &Locale<'_>, out: &mut Vec<Finding>) {
    for (scope, file) in &locale.files {
        for entry in file.entries().iter().filter(|e| e.is_term) {
            let name = &entry.id[1..];
            if !crate::sim::UI_LABELS.contains(&name) {
                continue;
            }
            let mut variables = BTreeSet::new();
            for pattern in entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value))
            {
                variables.extend(ast::refs(pattern).variables);
            }
            if variables.is_empty() {
                continue;
            }
            let message = format!(
                "`{}` uses {}; the simulator shows this UI label on its own, with no arguments",
                entry.id,
                list(&variables.iter().collect(), "$")
            );
            let span = entry.offset..entry.offset + entry.id.len();
            let key = (locale.name, *scope, Some(entry.id.as_str()));
            out.push(file.finding(Severity::Error, "variable-mismatch", span, key, message));
        }
    }
}

/// `variable-mismatch`: the same variables as the English, and every variable of the English
/// default path on the translation's default path too.
fn check_variables(pair: &Pair<'_>, en: &ast::Refs, tr: &ast::Refs, out: &mut Vec<Finding>) {
    let part = &pair.part;
    let missing: BTreeSet<_> = en.variables.difference(&tr.variables).collect();
    if !missing.is_empty() {
        let message = format!("`{part}` does not use {} (the English does)", list(&missing, "$"));
        out.push(pair.finding(Severity::Error, "variable-mismatch", message));
    }
    let unknown: BTreeSet<_> = tr.variables.difference(&en.variables).collect();
    if !unknown.is_empty() {
        let message =
            format!("`{part}` uses {}, which the English does not pass", list(&unknown, "$"));
        out.push(pair.finding(Severity::Error, "variable-mismatch", message));
    }
    // Per variant: the default variants must keep every variable the English default path
    // uses; other variants (`[one]`) may leave one out.
    let dropped: BTreeSet<_> = en
        .default_variables
        .difference(&tr.default_variables)
        .filter(|v| tr.variables.contains(*v))
        .collect();
    if !dropped.is_empty() {
        let message = format!(
            "the default variant of `{part}` does not use {} (the English one does)",
            list(&dropped, "$")
        );
        out.push(pair.finding(Severity::Error, "variable-mismatch", message));
    }
}

/// `unknown-reference`: a `{ -term }` or `{ message }` that its bundle (`ui.ftl` + the
/// file's own scope) does not define; fluent-bundle would print the raw id on the page.
pub(crate) fn check_unknown_refs(locale: &Locale<'_>, out: &mut Vec<Finding>) {
    use rustc_hash::FxHashSet;
    // Ids are looked up, never listed: hash sets of message ids and of term names (a term's
    // id without its `-`).
    fn names<'f>(file: &'f crate::check::File<'_>) -> (FxHashSet<&'f str>, FxHashSet<&'f str>) {
        let (terms, messages): (Vec<_>, Vec<_>) = file.entries().iter().partition(|e| e.is_term);
        (
            messages.iter().map(|e| e.id.as_str()).collect(),
            terms.iter().map(|e| e.id.strip_prefix('-').unwrap_or(&e.id)).collect(),
        )
    }
    let (ui_messages, ui_terms) = locale.files.get(UI_SCOPE).map(names).unwrap_or_default();
    for (scope, file) in &locale.files {
        let entries = file.entries();
        let (own_messages, own_terms) = names(file);
        let known = |id: &str| own_messages.contains(id) || ui_messages.contains(id);
        let known_term = |name: &str| own_terms.contains(name) || ui_terms.contains(name);
        // `message.attribute` references are rare: their set is made on first need.
        let attributes: std::cell::OnceCell<BTreeSet<String>> = std::cell::OnceCell::new();
        let has_attribute = |reference: &str| {
            attributes
                .get_or_init(|| {
                    entries
                        .iter()
                        .flat_map(|e| {
                            e.attributes.iter().map(move |a| format!("{}.{}", e.id, a.id.name))
                        })
                        .collect()
                })
                .contains(reference)
        };
        for entry in entries {
            let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
            let mut refs = ast::Refs::default();
            for pattern in patterns {
                let more = ast::refs(pattern);
                refs.terms.extend(more.terms);
                refs.messages.extend(more.messages);
            }
            let mut unknown: Vec<String> =
                refs.terms.iter().filter(|t| !known_term(t)).map(|t| format!("-{t}")).collect();
            unknown.extend(
                refs.messages
                    .iter()
                    .filter(|m| match m.split_once('.') {
                        Some(_) => !has_attribute(m),
                        None => !known(m),
                    })
                    .cloned(),
            );
            if unknown.is_empty() {
                continue;
            }
            let names = unknown.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            // "Did you mean" for the first unknown name, among the names of its kind.
            let hint = match unknown[0].strip_prefix('-') {
                Some(term) => {
                    recover::did_you_mean(term, own_terms.iter().chain(&ui_terms).copied())
                        .replacen("`", "`-", 1)
                }
                None => recover::did_you_mean(
                    &unknown[0],
                    own_messages.iter().chain(&ui_messages).copied(),
                ),
            };
            let message = format!(
                "`{}` references {names}, not defined in {}.ftl or {UI_SCOPE}.ftl of {}{hint}",
                entry.id, scope, locale.name
            );
            let span = entry.offset..entry.offset + entry.id.len();
            out.push(file.finding(
                Severity::Error,
                "unknown-reference",
                span,
                (locale.name, scope, Some(&entry.id)),
                message,
            ));
        }
    }
}

const CATEGORY_NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The CLDR cardinal categories of a locale's language, in CLDR order. intl_pluralrules has
/// no list of them, so they are found by sampling integers and decimals.
pub(crate) fn plural_categories(langid: &unic_langid::LanguageIdentifier) -> Vec<&'static str> {
    let bare = unic_langid::LanguageIdentifier::from_parts(langid.language, None, None, &[]);
    let Ok(rules) = PluralRules::create(bare, PluralRuleType::CARDINAL) else {
        return vec!["other"];
    };
    let mut found = BTreeSet::new();
    let samples = (0..=1000u32)
        .map(|n| n.to_string())
        .chain((0..=100u32).map(|n| format!("{}.{}", n / 10, n % 10)))
        .chain(["1000000".to_string(), "1.5".to_string(), "0.0".to_string(), "10.0".to_string()]);
    for sample in samples {
        if let Ok(category) = rules.select(sample.as_str()) {
            found.insert(match category {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            });
        }
    }
    CATEGORY_NAMES.iter().copied().filter(|c| found.contains(c)).collect()
}

/// `plural-categories`: a select whose keys are plural categories must cover the locale's
/// CLDR categories; categories the locale never selects are dead variants (warning). With
/// `source`, a translation that drops the English plural select entirely is reported too.
pub(crate) fn check_plurals(
    locale: &Locale<'_>,
    source: Option<&Locale<'_>>,
    out: &mut Vec<Finding>,
) {
    let categories = plural_categories(locale.langid);
    let en_plurals = source.map(plural_ids).unwrap_or_default();
    for (scope, file) in &locale.files {
        for entry in file.entries() {
            let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
            let key = (locale.name, *scope, Some(entry.id.as_str()));
            let mut has_plural = false;
            for pattern in patterns {
                for select in ast::selects(pattern, file.source) {
                    let is_plural =
                        select.keys.iter().any(|k| CATEGORY_NAMES[..5].contains(&k.as_str()));
                    if !is_plural {
                        continue;
                    }
                    has_plural = true;
                    let at = select.key_offset.unwrap_or(entry.offset);
                    let missing: Vec<_> = categories
                        .iter()
                        .filter(|c| !select.keys.iter().any(|k| k == *c))
                        .collect();
                    if !missing.is_empty() {
                        let names =
                            missing.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(", ");
                        let message = format!(
                            "plural select in `{}` lacks {names}; {} uses {}",
                            entry.id,
                            locale.name,
                            categories.join(", ")
                        );
                        out.push(file.finding(
                            Severity::Error,
                            "plural-categories",
                            at..at + 1,
                            key,
                            message,
                        ));
                    }
                    let dead: Vec<_> = select
                        .keys
                        .iter()
                        .filter(|k| {
                            CATEGORY_NAMES.contains(&k.as_str())
                                && !categories.contains(&k.as_str())
                        })
                        .collect();
                    if !dead.is_empty() {
                        let names =
                            dead.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(", ");
                        let message = format!(
                            "{names} in `{}` is never selected in {}",
                            entry.id, locale.name
                        );
                        out.push(file.finding(
                            Severity::Warning,
                            "plural-unused",
                            at..at + 1,
                            key,
                            message,
                        ));
                    }
                }
            }
            // The English selects on a number but the translation has no plural select: fine
            // only when the locale has a single category.
            if source.is_none() || has_plural || categories.len() < 2 {
                continue;
            }
            let en_plural =
                en_plurals.get(scope).is_some_and(|ids| ids.contains(entry.id.as_str()));
            if en_plural {
                let message = format!(
                    "the English `{}` selects on a number but the translation does not; {} needs {}",
                    entry.id,
                    locale.name,
                    categories.join(", ")
                );
                let span = entry.offset..entry.offset + entry.id.len();
                out.push(file.finding(Severity::Error, "plural-categories", span, key, message));
            }
        }
    }
}

/// Scope -> ids of the entries that have a plural select (in a value or an attribute).
fn plural_ids<'a>(locale: &'a Locale<'a>) -> BTreeMap<&'a str, BTreeSet<String>> {
    let mut out: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (scope, file) in &locale.files {
        for entry in file.entries() {
            let mut patterns =
                entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
            let plural = patterns.any(|p| {
                ast::selects(p, file.source)
                    .iter()
                    .any(|s| s.keys.iter().any(|k| CATEGORY_NAMES[..5].contains(&k.as_str())))
            });
            if plural {
                out.entry(scope).or_default().insert(entry.id.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(tag: &str) -> Vec<&'static str> {
        plural_categories(&tag.parse().unwrap())
    }

    #[test]
    fn cldr_categories_of_the_shipped_locales() {
        assert_eq!(categories("ru-RU"), ["one", "few", "many", "other"]);
        assert_eq!(categories("zh-CN"), ["other"]);
        assert_eq!(categories("en-US"), ["one", "other"]);
        assert_eq!(categories("de-DE"), ["one", "other"]);
    }
}
