//! The l10n lock file, `locales/<locale>/l10n.lock`: for each translated message, a
//! fingerprint of the English text it was translated from. When the English changes, its
//! fingerprint changes and the translation is stale until reviewed (`drillbook l10n accept`).
//!
//! Format, one entry per line, sorted, so diffs are reviewable:
//! ```text
//! # comment
//! remove-a-relationship/step-suspend = 3f2a9c0d11e4b7a2
//! ```

use std::collections::BTreeMap;

use fluent_syntax::ast;
use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;

/// File name of the lock file inside a locale's directory.
pub const LOCK_FILE: &str = "l10n.lock";

/// `scope/message-id` -> fingerprint.
pub type Lock = BTreeMap<String, String>;

/// The fingerprint of an English message: the first 16 hex digits of the SHA-256 of its
/// value and attributes as serialized by fluent-syntax, with whitespace runs collapsed.
/// Comments and the message's position in the file do not count.
pub fn fingerprint(message: &ast::Message<&str>) -> String {
    let entry = ast::Entry::Message(ast::Message {
        id: ast::Identifier { name: message.id.name },
        value: message.value.clone(),
        attributes: message.attributes.clone(),
        comment: None,
    });
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    fingerprint_text(&text)
}

/// Fingerprint of arbitrary normalized text (used for terms and for imported English).
pub fn fingerprint_text(text: &str) -> String {
    let normalized = crate::md_shape::collapse_whitespace(text);
    let digest = Sha256::digest(normalized.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Parses a lock file; malformed lines are diagnostics and are skipped.
pub fn parse_lock(path: &str, source: &str) -> (Lock, Vec<Diagnostic>) {
    // (key, value, span of the line), in file order; the map is built in one go from them.
    let mut lines: Vec<(String, String, std::ops::Range<usize>)> = Vec::new();
    let mut diags = Vec::new();
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let trimmed = line.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let parsed = trimmed.split_once(" = ").and_then(|(key, value)| {
            let key = key.trim();
            let (scope, id) = key.split_once('/')?;
            let value = value.trim();
            let ok = !scope.is_empty()
                && !id.is_empty()
                && value.len() == 16
                && value.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
            ok.then(|| (key.to_string(), value.to_string()))
        });
        match parsed {
            Some((key, value)) => lines.push((key, value, start..start + line.len())),
            None => diags.push(Diagnostic::error(
                "invalid-lock",
                path,
                source,
                start..start + line.len(),
                "expected `scope/message-id = <16 hex digits>`",
            )),
        }
    }
    // A written lock is sorted: the (stable) sort only checks that, and the map is then
    // built without a search per key. Repeated keys end up side by side, in file order.
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut unique: Vec<(String, String)> = Vec::with_capacity(lines.len());
    for (key, value, span) in lines {
        match unique.last_mut() {
            Some(last) if last.0 == key => {
                diags.push(Diagnostic::error(
                    "invalid-lock",
                    path,
                    source,
                    span,
                    format!("`{key}` appears twice"),
                ));
                // The last line wins.
                last.1 = value;
            }
            _ => unique.push((key, value)),
        }
    }
    diags.sort_by_key(|d| d.pos.as_ref().map(|p| (p.line, p.col)));
    (Lock::from_iter(unique), diags)
}

/// Renders a lock file (sorted by key, as the map is).
pub fn render_lock(locale: &str, lock: &Lock) -> String {
    let mut out = format!(
        "# drillbook l10n lock for {locale}: the English each translation was made from.\n\
         # Written by `drillbook l10n accept` and `drillbook import`; review changes like code.\n"
    );
    for (key, value) in lock {
        out.push_str(key);
        out.push_str(" = ");
        out.push_str(value);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_message(src: &str) -> String {
        let resource = fluent_syntax::parser::parse(src).unwrap();
        match &resource.body[0] {
            ast::Entry::Message(m) => fingerprint(m),
            other => panic!("not a message: {other:?}"),
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_last_line_and_problems_come_in_line_order() {
        let source = "b/x = 00000000000000bb\na/y = 00000000000000aa\nnot a line\n\
                      b/x = 11111111111111bb\n";
        let (lock, diags) = parse_lock("l10n.lock", source);
        let entries: Vec<(&str, &str)> =
            lock.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(entries, [("a/y", "00000000000000aa"), ("b/x", "11111111111111bb")]);
        let found: Vec<(usize, &str)> =
            diags.iter().map(|d| (d.pos.as_ref().unwrap().line, &*d.message)).collect();
        assert_eq!(
            found,
            [(3, "expected `scope/message-id = <16 hex digits>`"), (4, "`b/x` appears twice"),]
        );
    }

    #[test]
    fn fingerprint_ignores_comments_and_layout_but_not_text() {
        let a = first_message("# c\nstep = Select **{ -ui-suspended }**\n");
        let b = first_message("step =\n    Select **{ -ui-suspended }**\n");
        let c = first_message("step = Select **{ -ui-active }**\n");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn lock_round_trips_and_reports_bad_lines() {
        let mut lock = Lock::new();
        lock.insert("a/x".into(), "0123456789abcdef".into());
        lock.insert("a/b".into(), "fedcba9876543210".into());
        let text = render_lock("de-DE", &lock);
        assert!(text.find("a/b").unwrap() < text.find("a/x").unwrap());
        assert_eq!(parse_lock("l", &text), (lock, vec![]));
        let (_, diags) = parse_lock("l10n.lock", "# ok\nbroken line\n");
        assert_eq!(
            diags[0].headline(),
            "l10n.lock:2:1: error[invalid-lock]: expected `scope/message-id = <16 hex digits>`"
        );
    }
}
