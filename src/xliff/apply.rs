//! Writing read XLIFF targets back into a locale's `.ftl` files.
//!
//! Only messages whose translation changed are rewritten, in place: the message's lines are
//! replaced by fluent-syntax's serialization of the new message, every other byte of the
//! file (comments, order, formatting of other messages) stays as it was; a new message goes
//! after the one that precedes it in the English file. A target whose inline codes do not
//! match the English is refused with a diagnostic at its position in the XLIFF file, and
//! nothing is written to that `.ftl` file. Each rewritten file is parsed again and every
//! written unit compared with what was asked for before anything is written.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{self, Entry};

use super::codes::{Kind, Seg, flatten, normalize, pattern_lines, plain, write_pattern};
use super::read::{Piece, ReadUnit};
use super::units::{entries, entry_fingerprint, parse_id, parts};
use crate::diag::Diagnostic;
use crate::l10n::LocaleFiles;

/// What an import would do to one locale.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Scope -> the file's new text (files with changes only).
    pub files: BTreeMap<String, String>,
    /// Problems, positioned in the XLIFF file.
    pub diags: Vec<Diagnostic>,
    /// Lock keys (`scope/id`) -> the current English fingerprint, for messages whose units
    /// are all in a final state.
    pub reviewed: BTreeMap<String, String>,
    /// Units whose translation changed (in files that are written).
    pub changed: usize,
}

/// A unit's new pattern for one part of a message.
pub(super) struct Change {
    pub(super) attribute: Option<String>,
    pub(super) segs: Vec<Seg>,
    /// For diagnostics.
    pub(super) offset: usize,
    pub(super) id: String,
}

pub fn apply(
    path: &str,
    xliff: &str,
    read: &[ReadUnit],
    source: &LocaleFiles,
    target: &LocaleFiles,
) -> Outcome {
    let mut out = Outcome::default();
    let err = |offset: usize, message: String| {
        Diagnostic::error("xliff-unit", path, xliff, offset..offset, message)
    };
    // scope -> message -> changes
    let mut changes: BTreeMap<String, BTreeMap<String, Vec<Change>>> = BTreeMap::new();
    let mut refused: BTreeSet<String> = BTreeSet::new();
    // lock key -> (all final, English unchanged)
    let mut finals: BTreeMap<String, bool> = BTreeMap::new();
    for unit in read {
        if unit.locale.as_deref().is_some_and(|l| l != target.locale) {
            out.diags.push(err(
                unit.offset,
                format!(
                    "`{}` is for locale {}, not {}",
                    unit.id,
                    unit.locale.as_deref().unwrap_or(""),
                    target.locale
                ),
            ));
            continue;
        }
        let Some((scope, message, attribute)) = parse_id(&unit.id) else {
            out.diags.push(err(unit.offset, format!("`{}` is not a drillbook unit id (`file.ftl#message` or `file.ftl#message.attribute`)", unit.id)));
            continue;
        };
        let en_entry = source
            .files
            .get(&scope)
            .and_then(|f| entries(f).into_iter().find(|(id, _)| *id == message));
        let Some((_, en_entry)) = en_entry else {
            out.diags.push(err(
                unit.offset,
                format!("`{}`: no such message in the English files", unit.id),
            ));
            refused.insert(scope);
            continue;
        };
        let Some((_, en_pattern)) =
            parts(en_entry).into_iter().find(|(a, _)| *a == attribute.as_deref())
        else {
            out.diags.push(err(
                unit.offset,
                format!("`{}`: the English message has no such part", unit.id),
            ));
            refused.insert(scope);
            continue;
        };
        let english = flatten(en_pattern);
        let current: Option<Vec<Seg>> = target.files.get(&scope).and_then(|f| {
            let (_, entry) = entries(f).into_iter().find(|(id, _)| *id == message)?;
            parts(entry)
                .into_iter()
                .find(|(a, _)| *a == attribute.as_deref())
                .map(|(_, p)| flatten(p))
        });
        let final_state = matches!(unit.state.as_deref(), Some("final" | "signed-off"));
        let english_same = pieces_plain(&unit.source) == plain(&english);
        let key = format!("{scope}/{message}");
        let entry = finals.entry(key).or_insert(true);
        *entry &= final_state && english_same;
        let Some(pieces) = &unit.target else {
            if current.is_none() {
                *finals.get_mut(&format!("{scope}/{message}")).expect("inserted") = false;
            }
            continue;
        };
        // An empty target is no translation: it never removes one (a review of an existing
        // one is still recorded when final).
        if pieces.iter().all(|p| matches!(p, Piece::Text(t) if t.is_empty())) {
            if current.is_none() {
                *finals.get_mut(&format!("{scope}/{message}")).expect("inserted") = false;
            }
            continue;
        }
        // Codes the target may use: the English's and the current translation's.
        let mut known: BTreeMap<&str, Kind> = BTreeMap::new();
        for seg in english.iter().chain(current.iter().flatten()) {
            if let Seg::Code(kind, text) = seg {
                known.insert(text, *kind);
            }
        }
        let by_id: BTreeMap<&str, &str> = unit
            .source
            .iter()
            .filter_map(|p| match p {
                Piece::Code { id, content, .. } => Some((id.as_str(), content.as_str())),
                Piece::Text(_) => None,
            })
            .collect();
        let mut segs = Vec::new();
        let mut bad = None;
        for piece in pieces {
            match piece {
                Piece::Text(t) => segs.push(Seg::Text(t.clone())),
                Piece::Code { id, content, offset } => {
                    let text = if content.is_empty() {
                        by_id.get(id.as_str()).copied().unwrap_or("")
                    } else {
                        content
                    };
                    // A variant key or a select's end may be new: each language has its
                    // own plural categories.
                    let kind = known.get(text).copied().or_else(|| {
                        if text == "}" {
                            Some(Kind::SelectEnd)
                        } else {
                            is_variant_key(text).then_some(Kind::Variant)
                        }
                    });
                    match kind {
                        Some(kind) => segs.push(Seg::Code(kind, text.to_string())),
                        None => {
                            bad = Some(err(
                                *offset,
                                format!(
                                    "`{}`: inline code `{text}` (id {id}) is not one of this message's codes",
                                    unit.id
                                ),
                            ));
                            break;
                        }
                    }
                }
            }
        }
        if let Some(diag) = bad {
            out.diags.push(diag);
            refused.insert(scope);
            continue;
        }
        let segs = trim_newlines(normalize(segs));
        if current.as_ref().map(|c| normalize(c.clone())) == Some(segs.clone()) {
            continue;
        }
        // A Markdown delimiter typed as text (a `**` the CAT tool did not know was a code) is
        // a code once written: count it as one.
        let segs = super::codes::protect_markdown(segs);
        if let Some(problem) = codes_mismatch(&english, &segs) {
            out.diags.push(err(
                unit.target_offset.max(unit.offset),
                format!("`{}`: {problem}; nothing written to {scope}.ftl", unit.id),
            ));
            refused.insert(scope);
            continue;
        }
        changes.entry(scope).or_default().entry(message).or_default().push(Change {
            attribute,
            segs,
            offset: unit.target_offset.max(unit.offset),
            id: unit.id.clone(),
        });
    }
    for (scope, messages) in &changes {
        if refused.contains(scope) {
            continue;
        }
        match rewrite(source, target, scope, messages) {
            Ok(text) => {
                out.changed += messages.values().map(Vec::len).sum::<usize>();
                out.files.insert(scope.clone(), text);
            }
            Err((offset, message)) => {
                out.diags.push(err(offset, message));
                refused.insert(scope.clone());
            }
        }
    }
    for (key, all_final) in finals {
        let (scope, message) = key.split_once('/').expect("built with a slash");
        if !all_final || refused.contains(scope) {
            continue;
        }
        let en = source
            .files
            .get(scope)
            .and_then(|f| entries(f).into_iter().find(|(id, _)| id == message));
        if let Some(print) = en.and_then(|(_, e)| entry_fingerprint(e)) {
            out.reviewed.insert(key, print);
        }
    }
    out
}

fn pieces_plain(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Code { content, .. } => out.push_str(content),
        }
    }
    out
}

/// Without line breaks at the very start and end: Fluent cannot hold them (a pattern's
/// leading and trailing blank lines are not part of it), and they carry nothing.
fn trim_newlines(mut segs: Vec<Seg>) -> Vec<Seg> {
    if let Some(Seg::Text(t)) = segs.first_mut() {
        *t = t.trim_start_matches(['\n', '\r']).to_string();
    }
    if let Some(Seg::Text(t)) = segs.last_mut() {
        *t = t.trim_end_matches(['\n', '\r']).to_string();
    }
    normalize(segs)
}

/// Why the target's codes do not match the English's, if they do not: every counted code
/// (placeables, Markdown) as often as in the English; with a select expression on either
/// side (variants repeat codes, and each language has its own plural categories) each
/// English code at least once and no other.
fn codes_mismatch(english: &[Seg], target: &[Seg]) -> Option<String> {
    let count = |segs: &[Seg]| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for seg in segs {
            if let Seg::Code(kind, text) = seg {
                if kind.counted() {
                    *m.entry(text.clone()).or_default() += 1;
                }
            }
        }
        m
    };
    let has_select =
        |segs: &[Seg]| segs.iter().any(|s| matches!(s, Seg::Code(Kind::SelectStart, _)));
    let (en, tr) = (count(english), count(target));
    if pattern_lines(target).is_none() {
        return Some("the select expression's codes are not well nested".into());
    }
    let differ =
        if has_select(english) || has_select(target) { en.keys().ne(tr.keys()) } else { en != tr };
    differ.then(|| {
        let show = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, n)| if *n > 1 { format!("`{k}` ×{n}") } else { format!("`{k}`") })
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "placeables or inline codes do not match the English (English: {}; target: {})",
            or_none(show(&en)),
            or_none(show(&tr))
        )
    })
}

fn or_none(s: String) -> String {
    if s.is_empty() { "none".into() } else { s }
}

/// The new text of `scope`'s file with `messages` changed, or (XLIFF offset, reason).
fn rewrite(
    source: &LocaleFiles,
    target: &LocaleFiles,
    scope: &str,
    messages: &BTreeMap<String, Vec<Change>>,
) -> Result<String, (usize, String)> {
    let first_offset = messages.values().flatten().map(|c| c.offset).min().unwrap_or(0);
    // Offsets are computed against the loaded source itself: its entries are slices of it.
    let old: &str = target.files.get(scope).map(|f| f.source()).unwrap_or("");
    if let Some(file) = target.files.get(scope) {
        if !file.errors.is_empty() {
            return Err((
                first_offset,
                format!(
                    "{} has syntax errors: fix them (`drillbook check`) before importing into it",
                    file.path
                ),
            ));
        }
    }
    let old_entries: Vec<(String, &Entry<&str>)> =
        target.files.get(scope).map(entries).unwrap_or_default();
    let en_order: Vec<String> = source
        .files
        .get(scope)
        .map(|f| entries(f).into_iter().map(|(id, _)| id).collect())
        .unwrap_or_default();
    // (start, end, text) edits of `old`.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (message, changes) in messages {
        let existing = old_entries.iter().find(|(id, _)| id == message).map(|(_, e)| *e);
        let text = message_text(message, existing, changes).map_err(|m| (changes[0].offset, m))?;
        match existing {
            Some(entry) => {
                let (start, end) = entry_span(old, entry);
                edits.push((start, end, text));
            }
            None => {
                // After the nearest preceding English message the file has, else at the end.
                let at = en_order
                    .iter()
                    .take_while(|id| *id != message)
                    .filter_map(|id| old_entries.iter().find(|(t, _)| t == id))
                    .last()
                    .map(|(_, e)| entry_span(old, e).1)
                    .unwrap_or(old.len());
                let rank = en_order.iter().position(|id| id == message).unwrap_or(usize::MAX);
                edits.push((at, at, format!("\u{0}{rank:012}{text}")));
            }
        }
    }
    // Apply from the end; insertions at one point in English order.
    edits.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    let mut new = old.to_string();
    for (start, end, text) in edits {
        let text = match text.strip_prefix('\u{0}') {
            Some(rest) => rest[12..].to_string(),
            None => text,
        };
        let mut text = text;
        if start == end && start > 0 && !new[..start].ends_with('\n') {
            text.insert(0, '\n');
        }
        new.replace_range(start..end, &text);
    }
    verify(&new, &old_entries, messages)?;
    Ok(new)
}

/// The serialized message (or term) with the changed parts.
fn message_text(
    message: &str,
    existing: Option<&Entry<&str>>,
    changes: &[Change],
) -> Result<String, String> {
    let mut value: Option<Vec<String>> = None;
    let mut attributes: Vec<(String, Vec<String>)> = Vec::new();
    let line_of = |p: &ast::Pattern<&str>| pattern_lines(&flatten(p));
    // Unchanged parts keep their meaning; they are rewritten from their flattened form only
    // when the message itself changes.
    if let Some(entry) = existing {
        for (attr, pattern) in parts(entry) {
            let serialized = serialize_pattern(pattern)
                .or_else(|| line_of(pattern))
                .ok_or("cannot re-serialize the existing message")?;
            match attr {
                None => value = Some(serialized),
                Some(a) => attributes.push((a.to_string(), serialized)),
            }
        }
    }
    for change in changes {
        let lines = pattern_lines(&change.segs).ok_or_else(|| {
            format!("`{}`: the select expression's codes are not well nested", change.id)
        })?;
        match &change.attribute {
            None => value = Some(lines),
            Some(a) => match attributes.iter_mut().find(|(name, _)| name == a) {
                Some(slot) => slot.1 = lines,
                None => attributes.push((a.clone(), lines)),
            },
        }
    }
    let mut out = String::new();
    match &value {
        Some(lines) => write_pattern(&mut out, "", message, lines),
        None => {
            out.push_str(message);
            out.push_str(" =\n");
        }
    }
    for (name, lines) in &attributes {
        write_pattern(&mut out, "    ", &format!(".{name}"), lines);
    }
    Ok(out)
}

/// The pattern's lines as fluent-syntax writes them (its own escapes kept), without the
/// `x = ` head and the indentation of continuation lines.
fn serialize_pattern(pattern: &ast::Pattern<&str>) -> Option<Vec<String>> {
    let entry = Entry::Message(ast::Message {
        id: ast::Identifier { name: "x" },
        value: Some(pattern.clone()),
        attributes: Vec::new(),
        comment: None,
    });
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    let mut lines = text.lines();
    let first = lines.next()?;
    let head = first.strip_prefix("x =")?.trim_start().to_string();
    let mut out = vec![head];
    for line in lines {
        out.push(line.strip_prefix("    ").unwrap_or(line).to_string());
    }
    Some(out)
}

/// Byte range of an entry's text in `source`: from its identifier (a term's `-`) to the end
/// of its last line. The entry goes on while lines are indented, blank, or start with `.`,
/// `[`, `*` or `}` (attributes, variants, a closing brace); blank lines at its end are not
/// part of it.
pub fn entry_span(source: &str, entry: &Entry<&str>) -> (usize, usize) {
    let (name, dash) = match entry {
        Entry::Message(m) => (m.id.name, 0),
        Entry::Term(t) => (t.id.name, 1),
        _ => return (0, 0),
    };
    let start = offset_in(source, name).saturating_sub(dash);
    let mut end = source[start..].find('\n').map_or(source.len(), |i| start + i + 1);
    let mut at = end;
    while at < source.len() {
        let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
        let line = &source[at..line_end];
        let first = line.chars().next().unwrap_or('\n');
        if line.trim().is_empty() {
            at = line_end;
            continue;
        }
        if first == ' ' || first == '\t' || matches!(first, '.' | '[' | '*' | '}') {
            at = line_end;
            end = line_end;
        } else {
            break;
        }
    }
    (start, end)
}

/// Parses the new file and checks it: every message and term of the old file is still there
/// and reads the same, except the changed parts, which read back as asked, and the new
/// messages are there.
pub(super) fn verify(
    new: &str,
    old_entries: &[(String, &Entry<&str>)],
    messages: &BTreeMap<String, Vec<Change>>,
) -> Result<(), (usize, String)> {
    let first = messages.values().flatten().map(|c| c.offset).min().unwrap_or(0);
    let resource = match fluent_syntax::parser::parse(new) {
        Ok(r) => r,
        Err((_, errors)) => {
            let kind = errors.first().map(|e| format!("{:?}", e.kind)).unwrap_or_default();
            return Err((first, format!("the translation would not parse as Fluent ({kind})")));
        }
    };
    let found: BTreeMap<String, &Entry<&str>> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some((m.id.name.to_string(), e)),
            Entry::Term(t) => Some((format!("-{}", t.id.name), e)),
            _ => None,
        })
        .rev()
        .collect();
    let read = |entry: &Entry<&str>| -> BTreeMap<Option<String>, Vec<Seg>> {
        parts(entry)
            .into_iter()
            .map(|(a, p)| (a.map(str::to_string), normalize(flatten(p))))
            .collect()
    };
    let mut expected: BTreeMap<&str, BTreeMap<Option<String>, Vec<Seg>>> =
        old_entries.iter().map(|(id, e)| (id.as_str(), read(e))).collect();
    for (message, changes) in messages {
        let parts = expected.entry(message.as_str()).or_default();
        for change in changes {
            parts.insert(change.attribute.clone(), normalize(change.segs.clone()));
        }
    }
    for (id, want) in &expected {
        let got = found.get(*id).map(|e| read(e));
        if got.as_ref() == Some(want) {
            continue;
        }
        let (offset, unit) = match messages.get(*id) {
            Some(changes) => (changes[0].offset, changes[0].id.clone()),
            None => (first, id.to_string()),
        };
        let got = got.map(|g| g.values().map(|s| plain(s)).collect::<Vec<_>>().join(" | "));
        return Err((
            offset,
            format!(
                "`{unit}`: the target cannot be written as the same Fluent text (it would read {got:?})"
            ),
        ));
    }
    Ok(())
}

/// Byte offset of `slice` inside `source` (the parser's identifiers are slices of it).
fn offset_in(source: &str, slice: &str) -> usize {
    let (start, at) = (source.as_ptr() as usize, slice.as_ptr() as usize);
    if at >= start && at + slice.len() <= start + source.len() { at - start } else { 0 }
}

/// `[key]` or `*[key]` with an identifier or a number as the key.
fn is_variant_key(text: &str) -> bool {
    let key = text.strip_prefix('*').unwrap_or(text);
    let Some(key) = key.strip_prefix('[').and_then(|k| k.strip_suffix(']')) else {
        return false;
    };
    let ident = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ident || (!key.is_empty() && key.parse::<f64>().is_ok() && !key.contains(['e', 'E', '+']))
}
