//! Importing one file into an existing article: aligning its messages to the article's
//! en-US messages, then writing the translation, the lock entries and the provenance.

use std::collections::BTreeMap;

use crate::content::{Article, TranslationKind, parse_article};
use crate::diag::{Diagnostic, Severity};
use crate::import::align::{self, article_slots};
use crate::import::create::file_name;
use crate::import::diags::FileDiags;
use crate::import::earlier;
use crate::import::ftl_write::Elem;
use crate::import::map::{Kind, Terms, map_docfx};
use crate::import::workspace::{Workspace, patch_ftl, set_translation};
use crate::import::{FileReport, Parsed, fingerprint_of, messages_of, reviewed_of};
use crate::l10n::lock::Lock;
use crate::l10n::reviewed::Reviewed;

/// An existing article, ready to align files to.
pub(super) struct Target {
    id: String,
    toml_path: String,
    article: Article,
    slots: Vec<align::Slot>,
    /// en-US message id -> (pattern, fingerprint).
    en: BTreeMap<String, (Vec<Elem>, String)>,
}

pub(super) fn load_target(
    ws: &Workspace,
    id: &str,
    source_locale: &str,
    en_terms: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let toml_path = format!("content/articles/{id}.toml");
    let (article, article_diags) = parse_article(id, &toml_path, ws.get(&toml_path)?);
    let Some(article) = article else {
        diags.extend(article_diags);
        return None;
    };
    let en = messages_of(ws.get(&format!("locales/{source_locale}/{id}.ftl")).unwrap_or(""));
    let en_patterns: BTreeMap<String, Vec<Elem>> =
        en.iter().map(|(k, (p, _))| (k.clone(), p.clone())).collect();
    let slots = article_slots(&article, &en_patterns, en_terms);
    Some(Target { id: id.to_string(), toml_path, article, slots, en })
}

/// How one file is imported.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pass {
    /// `--keep-existing`.
    pub(super) keep_existing: bool,
    /// Whether a file of an earlier revision may stop the import (`None`) so the caller
    /// can add an `earlier` block for it first.
    pub(super) may_be_earlier: bool,
}

/// Aligns one file to the article and writes its translation, lock entries and provenance.
/// `None` (nothing written) when `pass.may_be_earlier` and the file is of an earlier
/// revision that needs an `earlier` block (`earlier::is_earlier`).
pub(super) fn import_file(
    ws: &mut Workspace,
    file: &Parsed,
    terms: &Terms,
    target: &Target,
    (lock, reviewed): (&mut Lock, &mut Reviewed),
    pass: Pass,
    diags: &mut Vec<Diagnostic>,
) -> Option<FileReport> {
    let Pass { keep_existing, may_be_earlier } = pass;
    let Target { id, toml_path, article, slots, en } = target;
    let slots = &earlier::slots_for(slots, file.doc.front.openlocfilehash.as_deref());
    let mut report = FileReport {
        path: file.path.clone(),
        article: id.clone(),
        locale: file.locale.clone(),
        segments: file.doc.segments,
        ..FileReport::default()
    };
    let (mapped, map_diags) = map_docfx(&file.doc, &file.path, &file.source, terms, &file.locale);
    let pairs = align::align(&mapped.msgs, slots);
    let has_block = slots.iter().any(|s| s.earlier.is_some());
    if may_be_earlier && !has_block && earlier::is_earlier(article, file, &mapped.msgs, &pairs) {
        return None;
    }
    diags.extend(map_diags);
    let same_revision = file.doc.front.openlocfilehash.is_some()
        && file.doc.front.openlocfilehash
            == article.source.as_ref().and_then(|s| s.revision.clone());

    let mut updates: BTreeMap<usize, (String, Vec<Elem>)> = BTreeMap::new();
    let mut lock_changes: BTreeMap<String, Option<String>> = BTreeMap::new();
    let ftl_path = format!("locales/{}/{id}.ftl", file.locale);
    let existing =
        if keep_existing { messages_of(ws.get(&ftl_path).unwrap_or("")) } else { BTreeMap::new() };
    let mut unaligned = FileDiags::new(&file.path, &file.source);
    for (msg, pair) in mapped.msgs.iter().zip(&pairs) {
        report.label_mismatches += msg.label_mismatches;
        let Some((slot_index, _)) = *pair else {
            if msg.segments > 0 {
                report.unaligned += 1;
                let english = msg.english_raw.as_deref().unwrap_or("");
                unaligned.at(
                    Severity::Warning,
                    "unaligned-segment",
                    msg.offset..msg.offset + 1,
                    format!(
                        "not imported: the English `{}` matches no en-US message of `{id}`",
                        shorten(english)
                    ),
                );
            }
            continue;
        };
        let slot = &slots[slot_index];
        // A list item that is a whole link fills a next-steps link: keep only the link text.
        // A next-steps link filling a list item: put the link back around the text.
        let link_only = slot.kind == Kind::Link && msg.kind != Kind::Link;
        let link_back = (msg.kind == Kind::Link && slot.kind != Kind::Link)
            .then(|| {
                msg.english_raw
                    .as_deref()
                    .and_then(|raw| raw.rfind("](").map(|at| raw[at..].to_string()))
            })
            .flatten();
        let adapt = |p: &Vec<Elem>| -> Vec<Elem> {
            if link_only {
                return strip_link(p);
            }
            let Some(tail) = &link_back else {
                return p.clone();
            };
            let mut out = vec![Elem::Text("[".into())];
            out.extend(p.iter().cloned());
            out.push(Elem::Text(tail.clone()));
            let mut merged = Vec::new();
            for elem in out {
                match elem {
                    Elem::Text(t) => crate::import::ftl_write::push_text(&mut merged, &t),
                    term => merged.push(term),
                }
            }
            merged
        };
        let english = msg.english.as_ref().map(adapt);
        let translation = adapt(&msg.translation);
        let current = en.get(&slot.id).map(|(_, fp)| fp.clone());
        let key = format!("{id}/{}", slot.id);
        let fp = match english {
            Some(english) => match reviewed_of(&slot.id, &english) {
                Some((print, text)) => {
                    reviewed.entry(print.clone()).or_insert(text);
                    Some(print)
                }
                None => Some(fingerprint_of(&slot.id, &english)),
            },
            None if same_revision => current.clone(),
            None => None,
        };
        if fp.is_some() && fp != current {
            report.stale += 1;
        }
        report.aligned += 1;
        report.imported += msg.segments;
        if keep_existing && existing.contains_key(&slot.id) {
            report.kept += 1;
            if fp.is_some() && fp != current {
                report.stale -= 1;
            }
            continue;
        }
        lock_changes.insert(key, fp);
        updates.insert(slot_index, (slot.id.clone(), translation));
    }

    diags.extend(unaligned.finish());
    let header = format!(
        "# {id}: {} translation, imported from the DocFX file `{}`\n# (English revision {}, {}), CC BY 4.0, Microsoft Corporation and contributors.\n\n",
        file.locale,
        file_name(file.twin.as_deref().unwrap_or(&file.path)),
        file.doc.front.openlocfilehash.as_deref().unwrap_or("unknown"),
        file.doc.front.translationtype.as_deref().unwrap_or("translation type unknown"),
    );
    let ordered: Vec<(String, Vec<Elem>)> = updates.into_values().collect();
    let ftl = patch_ftl(ws.get(&ftl_path), &ordered, &header);
    ws.set(&ftl_path, ftl);

    for (key, fp) in lock_changes {
        match fp {
            Some(fp) => lock.insert(key, fp),
            None => lock.remove(&key),
        };
    }

    let machine =
        file.doc.front.translationtype.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("MT"));
    let kind = if machine { TranslationKind::Machine } else { TranslationKind::Human };
    if let Some(toml_src) = ws.get(toml_path) {
        let new_toml = set_translation(
            toml_src,
            &file.locale,
            kind,
            file.doc.front.openlocfilehash.as_deref(),
        );
        // The edit is textual: keep the file as it was if the result would not load (say,
        // `translations` written as dotted keys or one inline table).
        let (_, toml_diags) = parse_article(id, toml_path, &new_toml);
        if toml_diags.iter().any(Diagnostic::is_error) {
            diags.push(Diagnostic::file(
                Severity::Error,
                "not-updated",
                toml_path,
                format!("cannot record the {} translation's provenance in this file; add `[translations.{}]` by hand", file.locale, file.locale),
            ));
        } else {
            ws.set(toml_path, new_toml);
        }
    }
    Some(report)
}

/// `[text](url)` → `text`, on a pattern (terms inside the text are kept).
fn strip_link(pattern: &[Elem]) -> Vec<Elem> {
    let mut out = pattern.to_vec();
    let starts = matches!(out.first(), Some(Elem::Text(t)) if t.starts_with('['));
    let ends = matches!(out.last(), Some(Elem::Text(t)) if t.ends_with(')') && t.contains("]("));
    if !(starts && ends) {
        return out;
    }
    if let Some(Elem::Text(t)) = out.last_mut() {
        if let Some(cut) = t.rfind("](") {
            t.truncate(cut);
        }
    }
    if let Some(Elem::Text(t)) = out.first_mut() {
        t.remove(0);
    }
    out.retain(|e| !matches!(e, Elem::Text(t) if t.is_empty()));
    out
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() { format!("{short}…") } else { short }
}
