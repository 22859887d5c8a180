//! The messages of a mapped file: a unit's English and translated patterns, with bold UI
//! labels and roles turned into term references, and the ids they get.

use std::collections::{BTreeMap, VecDeque};

use crate::diag::Severity;
use crate::import::docfx::{Piece, Segment, Unit};
use crate::import::ftl_write::{Elem, push_text};
use crate::import::map::{AUDIENCE_ID, Ctx, Kind, Msg};
use crate::paths::slugify;

/// Characters of the translation a `label-mismatch` warning quotes.
const MAX_QUOTED_CHARS: usize = 1000;

/// `s` cut to `max` characters, with `…` when cut.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

impl Ctx<'_> {
    pub(super) fn try_audience(&mut self, unit: &Unit) -> bool {
        let Some(english) = unit.text(true) else {
            return false;
        };
        let Some((label, value)) = split_bold_label(&english) else {
            return false;
        };
        if !label.eq_ignore_ascii_case("appropriate roles") {
            return false;
        }
        let roles: BTreeMap<String, String> = self
            .terms
            .english
            .iter()
            .filter(|(k, _)| k.starts_with("role-"))
            .map(|(k, v)| (v.clone(), k.clone()))
            .collect();
        let mut english_pattern = Vec::new();
        let mut used = Vec::new();
        for (n, part) in value.split('|').map(str::trim).enumerate() {
            if n > 0 {
                push_text(&mut english_pattern, " | ");
            }
            match roles.get(part) {
                Some(name) => {
                    english_pattern.push(Elem::Term(name.clone()));
                    used.push(name.clone());
                }
                None => push_text(&mut english_pattern, part),
            }
        }
        let translated = unit.text(false).unwrap_or_default();
        let translated_value =
            split_bold_label(&translated).map_or(translated.clone(), |(_, v)| v.to_string());
        let mut parts: Vec<Option<String>> =
            translated_value.split('|').map(|p| Some(p.trim().to_string())).collect();
        // Each role takes the first part not yet taken that equals its translation.
        let mut untaken: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
        for (i, part) in parts.iter().enumerate() {
            untaken.entry(part.as_deref().unwrap_or("")).or_default().push_back(i);
        }
        let mut found_at = Vec::with_capacity(used.len());
        for name in &used {
            let want = self.terms.locale.get(name);
            found_at.push(want.and_then(|w| untaken.get_mut(w.as_str())?.pop_front()));
        }
        let mut term_at = BTreeMap::new();
        let mut mismatches = 0;
        for (name, found) in used.iter().zip(found_at) {
            let want = self.terms.locale.get(name);
            match found {
                Some(i) => {
                    parts[i] = None;
                    term_at.insert(i, name.clone());
                }
                None => {
                    mismatches += 1;
                    self.label_mismatch(
                        unit.offset,
                        name,
                        want.map(String::as_str),
                        &format!("`{}`", clip(&translated_value, MAX_QUOTED_CHARS)),
                    );
                }
            }
        }
        let mut translation = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                push_text(&mut translation, " | ");
            }
            match (part, term_at.get(&i)) {
                (_, Some(name)) => translation.push(Elem::Term(name.clone())),
                (Some(text), None) => push_text(&mut translation, text),
                (None, None) => {}
            }
        }
        self.audience = Some(AUDIENCE_ID.to_string());
        self.msgs.push(Msg {
            id: AUDIENCE_ID.to_string(),
            kind: Kind::Audience,
            english: Some(english_pattern),
            english_raw: Some(value.to_string()),
            translation,
            offset: unit.offset,
            segments: unit.segments(),
            label_mismatches: mismatches,
        });
        true
    }

    /// `found`: what the translation has instead, quoted.
    fn label_mismatch(&mut self, offset: usize, name: &str, want: Option<&str>, found: &str) {
        let english = self.terms.english.get(name).map_or("", String::as_str);
        let message = match want {
            Some(want) => format!(
                "`{english}` is the UI label `-{name}`, whose {} text is `{want}`, but the translation has {found}; kept as written",
                self.locale
            ),
            None => format!(
                "`{english}` is the UI label `-{name}`, which {} does not define; kept {found} as written",
                self.locale
            ),
        };
        self.diags.at(Severity::Warning, "label-mismatch", offset..offset + 1, message);
    }

    /// The part of `translated` that differs from UI label `name`: the bold span in the
    /// label's place (paired by position with the English bold spans), else the bold spans
    /// that are no label of the locale, else the whole text (it has no bold span).
    fn differing_span(&self, english: &str, translated: &str, name: &str) -> String {
        let en_bolds = bold_ranges(english);
        let tr_bolds = bold_ranges(translated);
        let label = self.terms.english.get(name).map_or("", String::as_str);
        let place = en_bolds.iter().position(|&(s, e)| &english[s..e] == label);
        let quote = |(s, e): (usize, usize)| format!("`**{}**`", clip(&translated[s..e], 200));
        if let (Some(i), true) = (place, en_bolds.len() == tr_bolds.len()) {
            return quote(tr_bolds[i]);
        }
        let want = self.terms.locale.get(name).map_or("", String::as_str);
        if !want.is_empty() && translated.contains(want) {
            let bold = tr_bolds.iter().any(|&(s, e)| translated[s..e].contains(want));
            if !bold {
                return format!("`{want}` without bold");
            }
        }
        let labels: Vec<&String> = self.terms.locale.values().collect();
        let odd: Vec<String> = tr_bolds
            .iter()
            .filter(|&&(s, e)| !labels.iter().any(|l| l.as_str() == &translated[s..e]))
            .take(4)
            .map(|&r| quote(r))
            .collect();
        match odd.is_empty() {
            true => format!("`{}`", clip(translated, MAX_QUOTED_CHARS)),
            false => odd.join(", "),
        }
    }

    /// Adds the message of a unit and returns its id.
    pub(super) fn unit_msg(
        &mut self,
        unit: &Unit,
        kind: Kind,
        id: Option<&str>,
        extra_segments: usize,
    ) -> String {
        let english_raw = unit.text(true);
        let translated = unit.text(false).unwrap_or_default();
        let (english, used) = match &english_raw {
            Some(raw) => {
                let (pattern, used) = english_pattern(raw, &self.english_labels);
                (Some(pattern), used)
            }
            None => (None, Vec::new()),
        };
        let (translation, missing) = translation_pattern(&translated, &used, &self.terms.locale);
        for name in &missing {
            let found =
                self.differing_span(english_raw.as_deref().unwrap_or(""), &translated, name);
            self.label_mismatch(
                unit.offset,
                name,
                self.terms.locale.get(name).map(String::as_str).map(str::to_string).as_deref(),
                &found,
            );
        }
        let base = match id {
            Some(id) => id.to_string(),
            None => id_base(english_raw.as_deref().unwrap_or(&translated)),
        };
        let id = self.unique_id(&base);
        self.msgs.push(Msg {
            id: id.clone(),
            kind,
            english,
            english_raw,
            translation,
            offset: unit.offset,
            segments: unit.segments() + extra_segments,
            label_mismatches: missing.len(),
        });
        id
    }
}

/// A message id from the first words of the English text (link targets left out).
pub fn id_base(text: &str) -> String {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("](") {
        plain.push_str(&rest[..open]);
        rest = rest[open..].find(')').map_or("", |close| &rest[open + close + 1..]);
    }
    plain.push_str(rest);
    let slug = slugify(&plain);
    let words: Vec<&str> = slug.split('-').take(5).collect();
    let base = words.join("-");
    if base.starts_with(|c: char| c.is_ascii_digit()) { format!("m-{base}") } else { base }
}

/// A valid Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`) from any text.
pub(super) fn fluent_id(base: &str) -> String {
    let valid = base.starts_with(|c: char| c.is_ascii_alphabetic())
        && base.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        return base.to_string();
    }
    let slug = slugify(base);
    if slug.starts_with(|c: char| c.is_ascii_alphabetic()) { slug } else { format!("m-{slug}") }
}

/// `**Label**: value` or `**Label:** value` → (label, value).
fn split_bold_label(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix("**")?;
    let close = inner.find("**")?;
    let label = inner[..close].trim().trim_end_matches(':').trim();
    let value =
        inner[close + 2..].trim_start().trim_start_matches([':', '：', '—', '–', '-']).trim();
    Some((label, value))
}

/// `[text](url)` spanning the whole string → (text, url).
pub(super) fn split_link(s: &str) -> Option<(String, String)> {
    let inner = s.strip_prefix('[')?;
    let close = inner.rfind("](")?;
    let url = inner[close + 2..].strip_suffix(')')?;
    Some((inner[..close].to_string(), url.trim().to_string()))
}

/// The link text of a `[<span…>…</span>](url)` unit, as a unit of its own.
pub(super) fn link_text_unit(unit: &Unit) -> Unit {
    let mut pieces = Vec::new();
    for piece in &unit.pieces {
        match piece {
            Piece::Seg(Segment { translation, english, .. }) => {
                let tr = split_link(translation).map_or(translation.clone(), |(t, _)| t);
                let en = english.as_ref().map(|e| split_link(e).map_or(e.clone(), |(t, _)| t));
                if let Piece::Seg(seg) = piece {
                    pieces.push(Piece::Seg(Segment {
                        translation: tr,
                        english: en,
                        ..seg.clone()
                    }));
                }
            }
            Piece::Text(t) => {
                let t = t.trim();
                let t = t.strip_prefix('[').unwrap_or(t);
                let t = t.find("](").map_or(t, |p| &t[..p]);
                if !t.is_empty() {
                    pieces.push(Piece::Text(t.to_string()));
                }
            }
        }
    }
    Unit { pieces, offset: unit.offset }
}

/// Byte ranges of the contents of `**bold**` spans.
pub fn bold_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = s[i..].find("**") {
        let start = i + open + 2;
        let Some(close) = s[start..].find("**") else {
            break;
        };
        let end = start + close;
        if end > start {
            out.push((start, end));
        }
        i = end + 2;
    }
    out
}

/// The English pattern: bold text equal to a UI label's English value becomes a reference
/// to its term. Returns the pattern and the terms used, in order.
pub fn english_pattern(raw: &str, labels: &BTreeMap<String, String>) -> (Vec<Elem>, Vec<String>) {
    let mut pattern = Vec::new();
    let mut used = Vec::new();
    let mut last = 0;
    for (start, end) in bold_ranges(raw) {
        if let Some(name) = labels.get(&raw[start..end]) {
            push_text(&mut pattern, &raw[last..start]);
            pattern.push(Elem::Term(name.clone()));
            used.push(name.clone());
            last = end;
        }
    }
    push_text(&mut pattern, &raw[last..]);
    (pattern, used)
}

/// The translated pattern: for each label the English uses, the first bold span equal to
/// the locale's term value becomes the term; labels without one are returned (mismatches).
pub fn translation_pattern(
    raw: &str,
    used: &[String],
    locale_terms: &BTreeMap<String, String>,
) -> (Vec<Elem>, Vec<String>) {
    let bolds = bold_ranges(raw);
    let mut taken = vec![None; bolds.len()];
    let mut missing = Vec::new();
    // Each label takes the first bold span not yet taken that equals its translation.
    let mut untaken: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
    for (i, &(s, e)) in bolds.iter().enumerate() {
        untaken.entry(&raw[s..e]).or_default().push_back(i);
    }
    for name in used {
        let want = locale_terms.get(name);
        let found = want.and_then(|w| untaken.get_mut(w.as_str())?.pop_front());
        match found {
            Some(i) => taken[i] = Some(name.clone()),
            None => missing.push(name.clone()),
        }
    }
    let mut pattern = Vec::new();
    let mut last = 0;
    for (i, &(start, end)) in bolds.iter().enumerate() {
        if let Some(name) = &taken[i] {
            push_text(&mut pattern, &raw[last..start]);
            pattern.push(Elem::Term(name.clone()));
            last = end;
        }
    }
    push_text(&mut pattern, &raw[last..]);
    (pattern, missing)
}
