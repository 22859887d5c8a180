//! Translation status per locale and scope (article), from the same findings as `check`:
//! the data of `drillbook l10n status` and of the dashboard page and stale-step markers.
//! What computes it ([`crate::check::status()`], the stale ids) lives with the driver, in
//! `check/run.rs`.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::{Finding, Locale};
use crate::diag::Diagnostic;

/// Status of every translated locale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub source_locale: String,
    /// By locale, in the site's order after the source locale (a `BTreeMap` sorts by tag).
    pub locales: BTreeMap<String, LocaleStatus>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleStatus {
    /// Sum over all scopes.
    pub total: ScopeStatus,
    /// By scope: an article id, `site` or `ui`.
    pub scopes: BTreeMap<String, ScopeStatus>,
}

/// Counts are of English messages and terms (ids); an id counts once however many problems
/// it has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeStatus {
    /// English messages and terms in the scope.
    pub messages: usize,
    /// Present in the translation (stale or with errors included).
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    /// Ids with at least one error (other than being missing).
    pub errors: usize,
    pub missing_ids: BTreeSet<String>,
    /// Ids whose English changed since the translation was reviewed: the page marks these
    /// steps "updated in English".
    pub stale_ids: BTreeSet<String>,
    pub error_ids: BTreeSet<String>,
    /// Every diagnostic of this locale and scope, sorted (for the dashboard's problem links).
    pub diagnostics: Vec<Diagnostic>,
}

impl ScopeStatus {
    fn add(&mut self, other: &ScopeStatus) {
        self.messages += other.messages;
        self.translated += other.translated;
        self.missing += other.missing;
        self.stale += other.stale;
        self.errors += other.errors;
    }
}

impl Status {
    /// Stale message ids per `(locale, scope)`, the shape of `render::Options::stale`
    /// (a scope is an article id, or `site`/`ui`). Scopes without stale ids are left out.
    pub fn stale_by_scope(&self) -> BTreeMap<(String, String), BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (locale, locale_status) in &self.locales {
            for (scope, scope_status) in &locale_status.scopes {
                if !scope_status.stale_ids.is_empty() {
                    out.insert((locale.clone(), scope.clone()), scope_status.stale_ids.clone());
                }
            }
        }
        out
    }

    /// Whether message `id` of `scope` (an article id) is stale in `locale`.
    pub fn is_stale(&self, locale: &str, scope: &str, id: &str) -> bool {
        self.locales
            .get(locale)
            .and_then(|l| l.scopes.get(scope))
            .is_some_and(|s| s.stale_ids.contains(id))
    }
}

/// One translated locale's status, from its findings (any other locale's are ignored).
/// The messages of `hidden` (by scope: those of `earlier` blocks the locale does not show)
/// are not counted.
pub(crate) fn locale_status(
    source: &Locale<'_>,
    target: &Locale<'_>,
    findings: &[Finding],
    hidden: &BTreeMap<String, BTreeSet<String>>,
) -> LocaleStatus {
    // Findings by scope, so each scope looks only at its own (not at all of them).
    let mut by_scope: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in findings.iter().filter(|f| f.locale == target.name) {
        by_scope.entry(finding.scope.as_str()).or_default().push(finding);
    }
    let mut locale_status = LocaleStatus::default();
    for (scope, en_file) in &source.files {
        // The ids as the files have them: only the missing ones are copied.
        let not_shown = hidden.get(*scope);
        let en_ids: BTreeSet<&str> = (en_file.entries().iter())
            .map(|e| e.id.as_str())
            .filter(|id| not_shown.is_none_or(|h| !h.contains(*id)))
            .collect();
        let tr_ids: BTreeSet<&str> = target
            .files
            .get(scope)
            .map(|f| f.entries().iter().map(|e| e.id.as_str()).collect())
            .unwrap_or_default();
        let mut s = ScopeStatus { messages: en_ids.len(), ..ScopeStatus::default() };
        s.translated = en_ids.intersection(&tr_ids).count();
        s.missing_ids = en_ids.difference(&tr_ids).map(|id| id.to_string()).collect();
        for finding in by_scope.get(scope).map_or(&[][..], Vec::as_slice) {
            s.note(finding);
        }
        s.settle();
        locale_status.total.add(&s);
        locale_status.scopes.insert(scope.to_string(), s);
    }
    locale_status
}

impl ScopeStatus {
    /// Counts a finding about this scope in (call [`ScopeStatus::settle`] after).
    fn note(&mut self, finding: &Finding) {
        self.diagnostics.push(finding.diag.clone());
        let Some(id) = &finding.id else { return };
        if finding.diag.code == "stale" {
            self.stale_ids.insert(id.clone());
        } else if finding.diag.is_error() && finding.diag.code != "missing-message" {
            self.error_ids.insert(id.clone());
        }
    }

    /// Sorts the diagnostics and recounts.
    fn settle(&mut self) {
        crate::diag::sort(&mut self.diagnostics);
        self.missing = self.missing_ids.len();
        self.stale = self.stale_ids.len();
        self.errors = self.error_ids.len();
    }
}

impl LocaleStatus {
    /// Adds a finding about this locale made after its status was computed (a link summary).
    pub(crate) fn record(&mut self, finding: &Finding) {
        let Some(s) = self.scopes.get_mut(&finding.scope) else { return };
        s.note(finding);
        s.settle();
        let mut total = ScopeStatus::default();
        for s in self.scopes.values() {
            total.add(s);
        }
        self.total = total;
    }
}
