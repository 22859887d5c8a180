//! `label-inconsistent`: one English UI label must read the same everywhere in a locale, and
//! be the product's label (the `ui.ftl` term), referenced rather than spelled out.
//!
//! Bold spans are the labels ("Select **Remove reseller relationship**"). The bold spans of a
//! translation are paired with the English ones by position when both have the same number
//! (a different number is a `markup-mismatch` already).

use std::collections::BTreeMap;

use crate::check::markup::parse_markup;
use crate::check::{Finding, Locale, ast, pairs};
use crate::diag::Severity;
use crate::l10n::UI_SCOPE;

struct Use<'r> {
    tr_text: String,
    literal: bool,
    pair: &'r crate::check::Pair<'r>,
}

pub(crate) fn check_labels(source: &Locale<'_>, target: &Locale<'_>, out: &mut Vec<Finding>) {
    let all = pairs(source, target);
    let mut by_label: BTreeMap<String, Vec<Use<'_>>> = BTreeMap::new();
    for pair in all.iter().filter(|p| !p.is_term) {
        let en = parse_markup(&ast::flatten(pair.en, pair.en_terms));
        let tr = parse_markup(&ast::flatten(pair.tr, pair.tr_terms));
        if en.strong.len() != tr.strong.len() {
            continue;
        }
        let tr_terms = ast::refs(pair.tr).terms;
        for (en_span, tr_span) in en.strong.iter().zip(&tr.strong) {
            // A bold term in the English is compared when the translation spells it out or
            // uses the same term; other term differences are `term-mismatch`/`markup-mismatch`.
            let comparable = en_span.terms.is_empty()
                || (en_span.exact_term.is_some()
                    && ((tr_span.terms.is_empty()
                        && en_span.exact_term.as_ref().is_some_and(|t| !tr_terms.contains(t)))
                        || tr_span.exact_term == en_span.exact_term));
            if !comparable {
                continue;
            }
            by_label.entry(en_span.text.clone()).or_default().push(Use {
                tr_text: tr_span.text.clone(),
                literal: tr_span.terms.is_empty(),
                pair,
            });
        }
    }
    // English UI label text -> term name, and the locale's text of that term.
    let empty = ast::TermTexts::new();
    let en_ui = source.terms.get(UI_SCOPE).unwrap_or(&empty);
    let tr_ui = target.terms.get(UI_SCOPE).unwrap_or(&empty);
    for (en_text, uses) in &by_label {
        let term = en_ui.iter().find(|(_, text)| *text == en_text).map(|(name, _)| name);
        let canonical = match term.and_then(|t| tr_ui.get(t)) {
            Some(text) => text.clone(),
            None => {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for u in uses {
                    *counts.entry(&u.tr_text).or_default() += 1;
                }
                if counts.len() < 2 {
                    continue;
                }
                let best = counts.values().copied().max().unwrap_or(0);
                // Ties go to the first use in file order.
                match uses.iter().find(|u| counts[u.tr_text.as_str()] == best) {
                    Some(u) => u.tr_text.clone(),
                    None => continue,
                }
            }
        };
        for u in uses {
            if u.tr_text != canonical {
                let message = format!(
                    "`{}` renders the English label “{en_text}” as “{}”; elsewhere in {} it is “{canonical}”",
                    u.pair.part, u.tr_text, target.name
                );
                out.push(u.pair.finding(Severity::Error, "label-inconsistent", message));
            } else if u.literal {
                if let Some(term) = term {
                    let message = format!(
                        "`{}` spells out the UI label “{canonical}”; write `{{ -{term} }}` so it follows the product",
                        u.pair.part
                    );
                    out.push(u.pair.finding(Severity::Error, "label-inconsistent", message));
                }
            }
        }
    }
}
