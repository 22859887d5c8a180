//! `label-inconsistent`: one English UI label must read the same everywhere in a locale, and
//! be the product's label (the `ui.ftl` term), referenced rather than spelled out.
//!
//! Bold spans are the labels ("Select **Remove reseller relationship**"). The bold spans of a
//! translation are paired with the English ones by position when both have the same number
//! (a different number is a `markup-mismatch` already).

use std::collections::BTreeMap;

use crate::check::{File, Finding, Locale, Pair, ast};
use crate::diag::Severity;
use crate::l10n::UI_SCOPE;

struct Use<'r> {
    tr_text: String,
    literal: bool,
    /// Where the use is, to report it.
    part: String,
    id: String,
    offset: usize,
    scope: &'r str,
    file: &'r File<'r>,
}

impl Use<'_> {
    fn finding(&self, locale: &str, message: String) -> Finding {
        self.file.finding(
            Severity::Error,
            "label-inconsistent",
            self.offset..self.offset + self.id.len(),
            (locale, self.scope, Some(&self.id)),
            message,
        )
    }
}

/// The bold labels of one translated locale, gathered pair by pair (so the pairs need not be
/// kept), then judged together by [`Labels::finish`].
#[derive(Default)]
pub(crate) struct Labels<'r> {
    by_label: BTreeMap<String, Vec<Use<'r>>>,
}

impl<'r> Labels<'r> {
    /// Records the bold spans of `pair` (of a message; terms are skipped).
    pub(crate) fn add(&mut self, pair: &Pair<'r>) {
        if pair.is_term {
            return;
        }
        let (en, tr) = (pair.en_markup(), pair.tr_markup());
        if en.strong.len() != tr.strong.len() {
            return;
        }
        let tr_terms = &pair.tr_refs().terms;
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
            self.by_label.entry(en_span.text.clone()).or_default().push(Use {
                tr_text: tr_span.text.clone(),
                literal: tr_span.terms.is_empty(),
                part: pair.part.clone(),
                id: pair.id.clone(),
                offset: pair.offset,
                scope: pair.scope,
                file: pair.file,
            });
        }
    }

    /// Adds the labels `later` recorded (from pairs after this one's), as if recorded here.
    pub(crate) fn append(&mut self, later: Labels<'r>) {
        for (label, uses) in later.by_label {
            self.by_label.entry(label).or_default().extend(uses);
        }
    }

    /// `label-inconsistent` findings of `target` against `source`.
    pub(crate) fn finish(self, source: &Locale<'_>, target: &Locale<'_>, out: &mut Vec<Finding>) {
        check_labels(self.by_label, source, target, out);
    }
}

fn check_labels(
    by_label: BTreeMap<String, Vec<Use<'_>>>,
    source: &Locale<'_>,
    target: &Locale<'_>,
    out: &mut Vec<Finding>,
) {
    // English UI label text -> term name, and the locale's text of that term.
    let empty = ast::TermTexts::new();
    let en_ui = source.terms.get(UI_SCOPE).map_or(&empty, |t| &**t);
    let tr_ui = target.terms.get(UI_SCOPE).map_or(&empty, |t| &**t);
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
                    u.part, u.tr_text, target.name
                );
                out.push(u.finding(target.name, message));
            } else if u.literal {
                if let Some(term) = term {
                    let message = format!(
                        "`{}` spells out the UI label “{canonical}”; write `{{ -{term} }}` so it follows the product",
                        u.part
                    );
                    out.push(u.finding(target.name, message));
                }
            }
        }
    }
}
