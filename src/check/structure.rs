//! Structure: syntax errors (junk), duplicate ids, and the set of files, messages, values and
//! attributes of a translation against the source locale.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::check::{Finding, Locale, ast};
use crate::diag::{Diagnostic, Severity};
use crate::l10n::UI_SCOPE;

/// `ftl-syntax` (`nesting-too-deep` for an entry nested too deep): one error per junk entry,
/// at the parser's position inside the junk, and one per malformed comment line (Fluent's
/// runtime parser, whose AST the pages and `check` use, skips comments; the full parser
/// would reject these).
pub(crate) fn check_syntax(locale: &Locale<'_>, out: &mut Vec<Finding>) {
    for (scope, file) in &locale.files {
        let text = file.source;
        for err in file.errors {
            let junk = err.slice.clone().unwrap_or(err.pos.clone());
            let junk_start = junk.start.min(text.len());
            let id = text.get(junk_start..junk.end.min(text.len())).and_then(junk_id);
            let (code, span, message) = crate::l10n::parser_error(text, err);
            out.push(file.finding(
                Severity::Error,
                code,
                span,
                (locale.name, scope, id.as_deref()),
                message,
            ));
        }
        for at in malformed_comments(text) {
            out.push(file.finding(
                Severity::Error,
                "ftl-syntax",
                at..at + 1,
                (locale.name, scope, None),
                "invalid Fluent syntax: a comment is `#`, `##` or `###`, then a space or the end of the line".to_string(),
            ));
        }
    }
}

/// Byte offsets of comment lines the full Fluent parser rejects: `#`, `##` or `###` at the
/// start of a line followed by something other than a space or the line's end (`#note`,
/// `####`). Lines inside junk are left to the junk's own error.
fn malformed_comments(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if !line.starts_with('#') {
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count().min(3);
        let rest = &line[hashes..];
        if !(rest.is_empty() || rest.starts_with([' ', '\n']) || rest.starts_with("\r\n")) {
            out.push(start + hashes);
        }
    }
    out
}

/// The id a junk entry was meant to define (`d = {` -> `d`, `nav-skip  Text` -> `nav-skip`):
/// an identifier at the start of the junk, ended by whitespace, `=` or the end.
fn junk_id(junk: &str) -> Option<String> {
    let id: String =
        junk.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let first = id.strip_prefix('-').unwrap_or(&id).chars().next()?;
    let next = junk[id.len()..].chars().next();
    (first.is_ascii_alphabetic() && next.is_none_or(|c| c.is_whitespace() || c == '='))
        .then_some(id)
}

/// `duplicate-id` within a file, between a scope's file and `ui.ftl` (one bundle), and between
/// a message and a term of the same name (fluent-bundle keeps one); `duplicate-attribute`.
pub(crate) fn check_duplicates(locale: &Locale<'_>, out: &mut Vec<Finding>) {
    // Ids are looked up, never listed: hash sets. A message `x` and a term `-x` share a
    // name: the names of the terms are kept apart to find such twins without formatting.
    let ui_entries = locale.files.get(UI_SCOPE).map_or(&[][..], |f| f.entries());
    let ui_ids: FxHashSet<&str> = ui_entries.iter().map(|e| e.id.as_str()).collect();
    let ui_term_names: FxHashSet<&str> =
        ui_entries.iter().filter_map(|e| e.id.strip_prefix('-').filter(|_| e.is_term)).collect();
    for (scope, file) in &locale.files {
        let entries = file.entries();
        let mut seen = FxHashSet::with_capacity_and_hasher(entries.len(), Default::default());
        let mut seen_term_names = FxHashSet::default();
        for entry in entries {
            let span = entry.offset..entry.offset + entry.id.len();
            let what = if entry.is_term { "term" } else { "message" };
            let key = (locale.name, *scope, Some(entry.id.as_str()));
            if !seen.insert(entry.id.as_str()) {
                let message = format!(
                    "{what} `{}` is defined twice in this file; the first one is used",
                    entry.id
                );
                out.push(file.finding(Severity::Error, "duplicate-id", span.clone(), key, message));
            } else if *scope != UI_SCOPE && ui_ids.contains(entry.id.as_str()) {
                let message = format!(
                    "{what} `{}` is also defined in {UI_SCOPE}.ftl, which shares its bundle",
                    entry.id
                );
                out.push(file.finding(Severity::Error, "duplicate-id", span.clone(), key, message));
            }
            // The other kind of entry with this name: a message for a term, a term for a
            // message.
            let twin_seen = match entry.id.strip_prefix('-').filter(|_| entry.is_term) {
                Some(name) => {
                    seen_term_names.insert(name);
                    seen.contains(name) || (*scope != UI_SCOPE && ui_ids.contains(name))
                }
                None => {
                    seen_term_names.contains(entry.id.as_str())
                        || (*scope != UI_SCOPE && ui_term_names.contains(entry.id.as_str()))
                }
            };
            if twin_seen {
                let twin = if entry.is_term {
                    entry.id[1..].to_string()
                } else {
                    format!("-{}", entry.id)
                };
                let message = format!(
                    "`{}` and `{twin}` share one namespace in a bundle (a term's name is its id without `-`); rename one",
                    entry.id
                );
                out.push(file.finding(Severity::Error, "duplicate-id", span.clone(), key, message));
            }
            let mut attrs = BTreeSet::new();
            for attr in entry.attributes {
                if !attrs.insert(attr.id.name) {
                    let at = ast::offset_in(file.source, attr.id.name);
                    let message =
                        format!("attribute `.{}` of `{}` is defined twice", attr.id.name, entry.id);
                    out.push(file.finding(
                        Severity::Warning,
                        "duplicate-attribute",
                        at..at + attr.id.name.len(),
                        key,
                        message,
                    ));
                }
            }
        }
    }
}

/// Missing and obsolete files, messages, terms, values and attributes of `target` against
/// `source`.
pub(crate) fn check_entries(source: &Locale<'_>, target: &Locale<'_>, out: &mut Vec<Finding>) {
    let (en_name, tr_name) = (source.name, target.name);
    for (scope, en_file) in &source.files {
        let Some(tr_file) = target.files.get(scope) else {
            out.push(Finding {
                diag: Diagnostic::file(
                    Severity::Warning,
                    "missing-file",
                    &format!("locales/{tr_name}/{scope}.ftl"),
                    format!(
                        "`{scope}.ftl` is in {en_name} but not in {tr_name}: create it with the \
                         messages of locales/{en_name}/{scope}.ftl translated. Until then the \
                         {tr_name} pages show the {en_name} text, marked as not yet translated."
                    ),
                ),
                locale: tr_name.to_string(),
                scope: scope.to_string(),
                id: None,
            });
            continue;
        };
        let en_entries = en_file.entries();
        let tr_entries = tr_file.entries();
        let tr_by_id: FxHashMap<&str, &crate::check::Entry<'_>> =
            tr_entries.iter().rev().map(|e| (e.id.as_str(), e)).collect();
        let en_ids: FxHashSet<&str> = en_entries.iter().map(|e| e.id.as_str()).collect();
        let mut done = FxHashSet::with_capacity_and_hasher(en_entries.len(), Default::default());
        let mut commented = None;
        for (i, en) in en_entries.iter().enumerate() {
            if !done.insert(en.id.as_str()) {
                continue;
            }
            let what = if en.is_term { "term" } else { "message" };
            let key = (tr_name, *scope, Some(en.id.as_str()));
            let Some(tr) = tr_by_id.get(en.id.as_str()) else {
                // Point at where it belongs: before the next entry the translation has.
                let next = en_entries[i + 1..].iter().find_map(|e| tr_by_id.get(e.id.as_str()));
                let commented = commented.get_or_insert_with(|| commented_ids(tr_file.source));
                let (at, hint) = match (commented.get(en.id.as_str()).copied(), next) {
                    // `drillbook new` leaves untranslated entries commented out.
                    (Some(at), _) => (
                        at,
                        "; it is commented out here: remove the `# ` and translate it".to_string(),
                    ),
                    (None, Some(next)) => (next.offset, format!("; add it before `{}`", next.id)),
                    (None, None) => {
                        (end_of_text(tr_file.source), "; add it at the end of the file".to_string())
                    }
                };
                let message =
                    format!("{what} `{}` is in {en_name} but not in {tr_name}{hint}", en.id);
                out.push(tr_file.finding(
                    Severity::Warning,
                    "missing-message",
                    at..at,
                    key,
                    message,
                ));
                continue;
            };
            let span = tr.offset..tr.offset + tr.id.len();
            match (en.value.is_some(), tr.value.is_some()) {
                (true, false) => {
                    let message =
                        format!("`{}` has a value in {en_name} but none in {tr_name}", en.id);
                    out.push(tr_file.finding(
                        Severity::Error,
                        "missing-value",
                        span.clone(),
                        key,
                        message,
                    ));
                }
                (false, true) => {
                    let message = format!(
                        "`{}` has no value in {en_name}; remove the value in {tr_name}",
                        en.id
                    );
                    out.push(tr_file.finding(
                        Severity::Error,
                        "obsolete-value",
                        span.clone(),
                        key,
                        message,
                    ));
                }
                _ => {}
            }
            for attr in en.attributes {
                if !tr.attributes.iter().any(|a| a.id.name == attr.id.name) {
                    let message = format!(
                        "attribute `.{}` of `{}` is in {en_name} but not in {tr_name}",
                        attr.id.name, en.id
                    );
                    out.push(tr_file.finding(
                        Severity::Warning,
                        "missing-attribute",
                        span.clone(),
                        key,
                        message,
                    ));
                }
            }
            for attr in tr.attributes {
                if !en.attributes.iter().any(|a| a.id.name == attr.id.name) {
                    let at = ast::offset_in(tr_file.source, attr.id.name);
                    let message =
                        format!("attribute `.{}` of `{}` is not in {en_name}", attr.id.name, en.id);
                    out.push(tr_file.finding(
                        Severity::Error,
                        "obsolete-attribute",
                        at..at + attr.id.name.len(),
                        key,
                        message,
                    ));
                }
            }
        }
        let mut reported = FxHashSet::default();
        for tr in tr_entries {
            if !en_ids.contains(tr.id.as_str()) && reported.insert(tr.id.as_str()) {
                let what = if tr.is_term { "term" } else { "message" };
                let message = format!(
                    "{what} `{}` is not in {en_name}; remove it or add it to {en_name}",
                    tr.id
                );
                let span = tr.offset..tr.offset + tr.id.len();
                out.push(tr_file.finding(
                    Severity::Warning,
                    "obsolete-message",
                    span,
                    (tr_name, scope, Some(&tr.id)),
                    message,
                ));
            }
        }
    }
    for (scope, tr_file) in &target.files {
        if !source.files.contains_key(scope) {
            let message = format!("`{scope}.ftl` is not in {en_name}; nothing uses it");
            out.push(tr_file.finding(
                Severity::Warning,
                "obsolete-file",
                0..0,
                (tr_name, scope, None),
                message,
            ));
        }
    }
}

/// Offset of a commented-out entry `# id =` (as `drillbook new` writes untranslated ones).
#[cfg(test)]
fn commented_out(source: &str, id: &str) -> Option<usize> {
    commented_ids(source).get(id).copied()
}

/// The commented-out entries `# id =` of a file and the offset of each one's first line:
/// made once per file, as a file can miss thousands of messages and looking each one up
/// line by line was quadratic.
fn commented_ids(source: &str) -> FxHashMap<&str, usize> {
    let mut ids = FxHashMap::default();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        // `# id =`: the id runs to the `=`, then only white space before it.
        let entry = line.strip_prefix("# ").and_then(|l| l.split_once('='));
        if let Some(id) = entry.map(|(before, _)| before.trim_end()) {
            if !id.is_empty() {
                ids.entry(id).or_insert(offset);
            }
        }
        offset += line.len();
    }
    ids
}

/// Offset just after the last non-blank character: a position on a real line, not on the
/// empty line after the final newline.
fn end_of_text(source: &str) -> usize {
    source.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commented_out_entry_is_found_and_the_end_is_on_a_real_line() {
        let source = "# Not yet translated\n\n# title = T\n# -ui-x = X\nkeep = k\n\n";
        assert_eq!(commented_out(source, "title"), Some(22));
        assert_eq!(commented_out(source, "-ui-x"), Some(34));
        assert_eq!(commented_out(source, "titl"), None);
        assert_eq!(commented_out(source, "keep"), None);
        // The id is the whole of what stands before the `=`, and the first one counts.
        let source = "# a b = 1\n# a\t= 2\n# a = 3\n#  c = 4\n# = 5\n";
        assert_eq!(commented_out(source, "a"), Some(10));
        assert_eq!(commented_out(source, "c"), None);
        assert_eq!(commented_out(source, ""), None);
        assert_eq!(&source[..end_of_text(source)], source.trim_end());
    }

    #[test]
    fn junk_ids_are_recognized_only_at_an_entry_start() {
        assert_eq!(junk_id("d = {\n").as_deref(), Some("d"));
        assert_eq!(junk_id("-brand = {").as_deref(), Some("-brand"));
        assert_eq!(junk_id("nav-skip  Text").as_deref(), Some("nav-skip"));
        assert_eq!(junk_id("  .attr = x"), None);
        assert_eq!(junk_id("key: value"), None);
        assert_eq!(junk_id("{ broken"), None);
    }
}
