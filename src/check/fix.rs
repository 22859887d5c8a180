//! Suggestions for UI labels a translation writes out instead of referencing their term:
//! the edits that make a translated message reference `{ -ui-x }` as the English does, with
//! how sure each one is (`machine-applicable` or `maybe-incorrect`), attached to the
//! `term-mismatch`/`markup-mismatch` finding they resolve. `drillbook check --fix` applies the
//! machine-applicable ones ([`plan_file`]).
//!
//! Edits touch only the translation's own text elements (slices of the file's source, so an
//! offset in the flattened text maps back to the file) and the braces of a term placeable.

use std::collections::BTreeMap;
use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::check::{Finding, Pair, ast};
use crate::diag::{Applicability, Suggestion};

/// Codes whose findings a label suggestion resolves.
const FIXES: &[&str] = &["term-mismatch", "markup-mismatch", "label-inconsistent"];

/// Opening and closing quotation marks a label may stand in, in any locale.
const QUOTES: &[(&str, &str)] = &[
    ("“", "”"),
    ("„", "“"),
    ("„", "”"),
    ("«", "»"),
    ("»", "«"),
    ("「", "」"),
    ("『", "』"),
    ("‘", "’"),
    ("‚", "‘"),
    ("\"", "\""),
    ("'", "'"),
];

/// The translated pattern flattened as the checks flatten it, with where each piece of the
/// flat text is in the file.
struct Mapped {
    text: String,
    /// Flat ranges of text elements and their source offsets.
    texts: Vec<(Range<usize>, usize)>,
    /// Term placeables: name, flat range, source range of `{ -name }`.
    terms: Vec<(String, Range<usize>, Range<usize>)>,
}

impl Mapped {
    /// The source range of flat range `flat`, when it lies inside one text element.
    fn source(&self, flat: Range<usize>) -> Option<Range<usize>> {
        self.texts
            .iter()
            .find(|(r, _)| r.start <= flat.start && flat.end <= r.end)
            .map(|(r, s)| s + flat.start - r.start..s + flat.end - r.start)
    }
}

/// Maps `pair`'s translation, or `None` when it has a select expression (a variant is not
/// what the checks compare) or a text element outside the file's source.
fn map(pair: &Pair<'_>) -> Option<Mapped> {
    let source = pair.file.source;
    let mut out = Mapped { text: String::new(), texts: Vec::new(), terms: Vec::new() };
    for element in &pair.tr.elements {
        match element {
            PatternElement::TextElement { value } => {
                let at = ast::offset_in(source, value);
                if source.get(at..at + value.len()) != Some(*value)
                    || value.as_ptr() != source[at..].as_ptr()
                {
                    return None;
                }
                let start = out.text.len();
                out.text.push_str(value);
                out.texts.push((start..out.text.len(), at));
            }
            PatternElement::Placeable { expression: Expression::Select { .. } } => return None,
            PatternElement::Placeable { expression: Expression::Inline(inline) } => {
                let start = out.text.len();
                match inline {
                    InlineExpression::TermReference { id, arguments: None, .. } => {
                        out.text
                            .push_str(pair.tr_terms.get(id.name).map_or(id.name, String::as_str));
                        if let Some(span) = placeable_span(source, id.name) {
                            out.terms.push((id.name.to_string(), start..out.text.len(), span));
                        }
                    }
                    InlineExpression::StringLiteral { value }
                    | InlineExpression::NumberLiteral { value } => out.text.push_str(value),
                    _ => out.text.push('X'),
                }
            }
        }
    }
    Some(out)
}

/// The source range of the `{ -name }` around a term name slice of `source`.
fn placeable_span(source: &str, name: &str) -> Option<Range<usize>> {
    let at = ast::offset_in(source, name);
    if at == 0 || source.get(at..at + name.len()) != Some(name) {
        return None;
    }
    let before = source[..at].strip_suffix('-')?;
    let open = before.trim_end_matches([' ', '\t']).strip_suffix('{')?.len();
    let after = &source[at + name.len()..];
    let rest = after.trim_start_matches([' ', '\t']);
    rest.starts_with('}').then(|| open..source.len() - rest.len() + 1)
}

/// The outermost bold spans of `text` (delimiters included), as pulldown-cmark reads them.
fn bold_ranges(text: &str) -> Option<Vec<Range<usize>>> {
    if crate::md_shape::markup_limit(text).is_some() {
        return None;
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Strong) => {
                if depth == 0 {
                    out.push(range);
                }
                depth += 1;
            }
            Event::End(pulldown_cmark::TagEnd::Strong) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Some(out)
}

/// A letter or digit of a script that separates words with spaces (a CJK character is a
/// word of its own).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Whether a translator's `words` in a label's bold place can be replaced by the label `want`
/// without touching the sentence: as many words, and not a form of the label (a case ending,
/// `учетной записи` for `Учетная запись`) nor a compound holding it (`Kundenkontoseite` for
/// `Konto`), which the sentence's grammar may need.
fn label_like(words: &str, want: &str) -> bool {
    let (w, l) = (words.to_lowercase(), want.to_lowercase());
    if w == l {
        return true;
    }
    let common = w.chars().zip(l.chars()).take_while(|(a, b)| a == b).count();
    w.split_whitespace().count() == l.split_whitespace().count() && common < 4 && !w.contains(&l)
}

/// Where `want` stands in `text` as a whole word (not inside a longer word).
fn occurrences(text: &str, want: &str) -> Vec<Range<usize>> {
    let (Some(first), Some(last)) = (want.chars().next(), want.chars().next_back()) else {
        return Vec::new();
    };
    text.match_indices(want)
        .map(|(i, _)| i..i + want.len())
        .filter(|r| {
            let before = text[..r.start].chars().next_back();
            let after = text[r.end..].chars().next();
            let joins_before = is_word_char(first) && before.is_some_and(is_word_char);
            let joins_after = is_word_char(last) && after.is_some_and(is_word_char);
            !joins_before && !joins_after
        })
        .collect()
}

/// [`occurrences`] ignoring case, when the text and `want` have the same length in both
/// cases (so a match's byte range is the text's).
fn occurrences_folded(text: &str, want: &str) -> Vec<Range<usize>> {
    let (lower_text, lower_want) = (text.to_lowercase(), want.to_lowercase());
    if lower_text.len() != text.len() || lower_want.len() != want.len() {
        return Vec::new();
    }
    occurrences(&lower_text, &lower_want)
}

/// Suggestions for one pattern pair: for each term the English shows as a bold UI label
/// (`**{ -t }**`) or references in plain text, and the translation does not reference the
/// same way, the edits that make it do so.
pub(crate) fn suggest(pair: &Pair<'_>) -> Vec<(String, Suggestion)> {
    if pair.is_term {
        return Vec::new();
    }
    let (en_refs, tr_refs) = (pair.en_refs(), pair.tr_refs());
    let (en, tr) = (pair.en_markup(), pair.tr_markup());
    let wanted: Vec<&String> = en_refs
        .terms
        .iter()
        .filter(|t| {
            !tr_refs.terms.contains(*t)
                || (en.strong.iter().any(|s| s.exact_term.as_ref() == Some(*t))
                    && !tr.strong.iter().any(|s| s.exact_term.as_ref() == Some(*t)))
        })
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let Some(mapped) = map(pair) else { return Vec::new() };
    let Some(bolds) = bold_ranges(&mapped.text) else { return Vec::new() };
    if bolds.len() != tr.strong.len() {
        return Vec::new();
    }
    let ctx = Ctx { pair, mapped: &mapped, bolds: &bolds };
    wanted.into_iter().filter_map(|t| ctx.suggest_term(t).map(|s| (t.clone(), s))).collect()
}

struct Ctx<'c, 'r> {
    pair: &'c Pair<'r>,
    mapped: &'c Mapped,
    bolds: &'c [Range<usize>],
}

/// Where the label is found in the translation.
struct Found {
    flat: Range<usize>,
    source: Range<usize>,
    /// The text it is replaced by: `{ -t }`, or the placeable as written.
    reference: String,
}

impl Ctx<'_, '_> {
    fn source_text(&self) -> &str {
        self.pair.file.source
    }

    fn suggest_term(&self, term: &str) -> Option<Suggestion> {
        let en = self.pair.en_markup();
        let tr = self.pair.tr_markup();
        let want = self.pair.tr_terms.get(term).filter(|w| !w.trim().is_empty())?;
        let en_bold: Vec<usize> = en
            .strong
            .iter()
            .enumerate()
            .filter(|(_, s)| s.exact_term.as_deref() == Some(term))
            .map(|(i, _)| i)
            .collect();
        let found = self.find(term, want, en_bold.is_empty())?;
        let (bold_index, found) = match (en_bold.as_slice(), found) {
            ([], Some(found)) => {
                // A plain reference in the English: only the word becomes the term.
                if en.strong.iter().any(|s| s.terms.iter().any(|t| t == term)) {
                    return None;
                }
                return self.finish(
                    "reference the term",
                    Applicability::MachineApplicable,
                    vec![(found.source, found.reference)],
                    term,
                );
            }
            ([i], found) => (*i, found),
            _ => return None,
        };
        let Some(found) = found else {
            return self.replace_paired(term, want, bold_index);
        };
        let reference = format!("**{}**", found.reference);
        // Inside a bold span that also holds other words: bold only the label.
        if let Some(b) =
            self.bolds.iter().find(|b| b.start <= found.flat.start && found.flat.end <= b.end)
        {
            let open = self.mapped.source(b.start..b.start + 2)?;
            let close = self.mapped.source(b.end - 2..b.end)?;
            if b.start + 2 == found.flat.start && found.flat.end == b.end - 2 {
                return self.finish(
                    "reference the UI label",
                    Applicability::MachineApplicable,
                    vec![(found.source, found.reference)],
                    term,
                );
            }
            return self.finish(
                "bold only the UI label, and reference it",
                Applicability::MachineApplicable,
                vec![(open, String::new()), (found.source, reference), (close, String::new())],
                term,
            );
        }
        let text = &self.mapped.text;
        // In quotation marks: the label, bold, replaces the quotes.
        for (open, close) in QUOTES {
            let (before, after) = (&text[..found.flat.start], &text[found.flat.end..]);
            if before.ends_with(open) && after.starts_with(close) {
                let open_span = self.mapped.source(found.flat.start - open.len()..found.flat.start);
                let close_span = self.mapped.source(found.flat.end..found.flat.end + close.len());
                if let (Some(o), Some(c)) = (open_span, close_span) {
                    let sure = self.sure_to_add();
                    return self.finish(
                        "the UI label is quoted: make it bold and reference it",
                        sure,
                        vec![(o, String::new()), (found.source, reference), (c, String::new())],
                        term,
                    );
                }
            }
        }
        // Plain text: bold it; when the translation already has as many bold spans as the
        // English, the span in the label's place is bold by mistake and loses its bold.
        let mut edits = vec![(found.source.clone(), reference)];
        let mut sure = Applicability::MachineApplicable;
        if tr.strong.len() >= en.strong.len() {
            sure = Applicability::MaybeIncorrect;
            if tr.strong.len() == en.strong.len() {
                let b = &self.bolds[bold_index];
                let paired = &tr.strong[bold_index];
                if paired.terms.is_empty()
                    && !(b.start < found.flat.end && found.flat.start < b.end)
                {
                    let open = self.mapped.source(b.start..b.start + 2)?;
                    let close = self.mapped.source(b.end - 2..b.end)?;
                    edits.push((open, String::new()));
                    edits.push((close, String::new()));
                    sure = self.others_accounted(bold_index);
                }
            }
        }
        self.finish("make the UI label bold and reference it", sure, edits, term)
    }

    /// Applicability of adding a bold span: sure while the translation has fewer than the
    /// English.
    fn sure_to_add(&self) -> Applicability {
        let (en, tr) = (self.pair.en_markup(), self.pair.tr_markup());
        if tr.strong.len() < en.strong.len() {
            Applicability::MachineApplicable
        } else {
            Applicability::MaybeIncorrect
        }
    }

    /// Machine-applicable when every bold span of the translation but the one at `index`
    /// pairs with the English one in its place (same term, or both without one), so that the
    /// pairing by position is trustworthy.
    fn others_accounted(&self, index: usize) -> Applicability {
        let (en, tr) = (self.pair.en_markup(), self.pair.tr_markup());
        let ok = en.strong.len() == tr.strong.len()
            && en.strong.iter().zip(&tr.strong).enumerate().all(|(j, (e, t))| {
                j == index
                    || e.exact_term == t.exact_term
                    || e.exact_term.as_ref().is_some_and(|n| {
                        t.terms.is_empty() && self.pair.tr_terms.get(n) == Some(&t.text)
                    })
            });
        if ok { Applicability::MachineApplicable } else { Applicability::MaybeIncorrect }
    }

    /// The label is nowhere in the translation: the bold span in its place (paired by
    /// position) is the translator's own wording of the label and becomes the term.
    fn replace_paired(&self, term: &str, want: &str, index: usize) -> Option<Suggestion> {
        let (en, tr) = (self.pair.en_markup(), self.pair.tr_markup());
        if en.strong.len() != tr.strong.len() {
            return None;
        }
        let paired = &tr.strong[index];
        let b = &self.bolds[index];
        if !paired.terms.is_empty() || paired.text.is_empty() {
            return None;
        }
        // Punctuation at the end of the span goes after it (`**Tijdelijk,**` → `**{ -t }**,`).
        let content = &self.mapped.text[b.start + 2..b.end - 2];
        let words = content
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || "。，、；：".contains(c));
        let tail = &content.trim()[words.len()..];
        if words.is_empty() || content.trim_start().len() != content.len() {
            return None;
        }
        let span = self.mapped.source(b.clone())?;
        let sure = match (label_like(words, want), self.others_accounted(index)) {
            (true, Applicability::MachineApplicable) => Applicability::MachineApplicable,
            _ => Applicability::MaybeIncorrect,
        };
        let replacement = format!("**{{ -{term} }}**{tail}");
        let message = format!("“{}” is not the UI label “{want}”: reference it", paired.text);
        self.finish(&message, sure, vec![(span, replacement)], term)
    }

    /// The one place the translation has the label: the term placeable, or its text written
    /// out once. `Some(None)` when it is not there; `None` when it is there more than once.
    fn find(&self, term: &str, want: &str, fold_case: bool) -> Option<Option<Found>> {
        let placeables: Vec<_> = self.mapped.terms.iter().filter(|(n, ..)| n == term).collect();
        if let [(_, flat, source)] = placeables.as_slice() {
            let reference = self.source_text()[source.clone()].to_string();
            return Some(Some(Found { flat: flat.clone(), source: source.clone(), reference }));
        }
        if !placeables.is_empty() {
            return None;
        }
        let text = &self.mapped.text;
        let mut spots = occurrences(text, want);
        // A role in a plain list (`audience`) may differ in case only: it is still the label.
        if spots.is_empty() && fold_case {
            spots = occurrences_folded(text, want);
        }
        let mut found: Vec<Found> = spots
            .iter()
            .filter_map(|flat| {
                let source = self.mapped.source(flat.clone())?;
                Some(Found { flat: flat.clone(), source, reference: format!("{{ -{term} }}") })
            })
            .collect();
        // The word may also stand in the sentence on its own (`zu **Kunden,** ... einen
        // Kunden`): the one inside a bold span is the label.
        if found.len() > 1 {
            found.retain(|f| {
                self.bolds.iter().any(|b| b.start <= f.flat.start && f.flat.end <= b.end)
            });
        }
        match found.len() {
            0 if !spots.is_empty() => None,
            0 => Some(None),
            1 => found.into_iter().next().map(Some),
            _ => None,
        }
    }

    fn finish(
        &self,
        message: &str,
        applicability: Applicability,
        edits: Vec<(Range<usize>, String)>,
        term: &str,
    ) -> Option<Suggestion> {
        let message = format!("{message} (`{{ -{term} }}`)");
        Suggestion::new(self.source_text(), message, applicability, edits)
    }
}

/// Attaches each suggestion of `suggestions` (path, message id, term, suggestion) to the
/// finding it resolves: of that message, a `term-mismatch`, else a `markup-mismatch`, else a
/// `label-inconsistent`, that names the term.
pub(crate) fn attach(
    suggestions: Vec<(String, String, String, Suggestion)>,
    findings: &mut [Finding],
) {
    for (path, id, term, suggestion) in suggestions {
        let named = format!("-{term}");
        let target = FIXES.iter().find_map(|code| {
            findings.iter().position(|f| {
                f.diag.code == *code
                    && f.diag.path == path
                    && f.id.as_deref() == Some(id.as_str())
                    && f.diag.message.contains(&named)
            })
        });
        if let Some(i) = target {
            if !findings[i].diag.suggestions.contains(&suggestion) {
                findings[i].diag.suggestions.push(suggestion);
            }
        }
    }
}

/// The machine-applicable suggestions of `findings` for each file, chosen so that no two
/// overlap (the first by position wins; the others wait for the next run).
pub fn plan(findings: &[Finding]) -> BTreeMap<String, Vec<Suggestion>> {
    let mut by_path: BTreeMap<String, Vec<Suggestion>> = BTreeMap::new();
    for finding in findings {
        for s in finding.diag.suggestions.iter() {
            if s.applicability == Applicability::MachineApplicable {
                by_path.entry(finding.diag.path.clone()).or_default().push(s.clone());
            }
        }
    }
    for suggestions in by_path.values_mut() {
        suggestions.sort_by_key(|s| s.edits.first().map(|e| (e.span.start, e.span.end)));
        suggestions.dedup();
        let mut taken: Vec<Range<usize>> = Vec::new();
        suggestions.retain(|s| {
            let free = s.edits.iter().all(|e| {
                taken.iter().all(|t| e.span.end <= t.start || t.end <= e.span.start)
                    && !taken.iter().any(|t| t.is_empty() && e.span.contains(&t.start))
            });
            if free {
                taken.extend(s.edits.iter().map(|e| e.span.clone()));
            }
            free
        });
    }
    by_path
}

/// `source` with every edit of `suggestions` (from [`plan`]) applied.
pub fn plan_file(source: &str, suggestions: &[Suggestion]) -> String {
    let mut edits: Vec<(Range<usize>, &str)> = suggestions
        .iter()
        .flat_map(|s| s.edits.iter().map(|e| (e.span.clone(), e.replacement.as_str())))
        .collect();
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    crate::diag::apply_edits(source, edits)
}

#[cfg(test)]
mod tests;
