//! `drillbook check --fix`: applies the checker's machine-applicable suggestions to the
//! translation files, keeps only the fixes after which no file has a finding it did not
//! have before, and writes each changed file atomically. One translated locale at a time
//! (with the source), as `check` streams them: the suggestions and the findings they are
//! weighed against are a locale's own, so memory stays that of `check`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::{self, Finding};
use crate::diag::{Suggestion, escape_controls};
use crate::l10n::{L10n, parse_ftl};
use crate::project::{self, LoadOptions};

/// One applied suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    pub line: usize,
    /// The code of the finding it resolves.
    pub code: &'static str,
    pub message: String,
    /// The line as it reads now.
    pub fixed_line: String,
}

/// What `--fix` did.
#[derive(Debug, Default)]
pub struct Report {
    pub changes: Vec<Change>,
    /// Files written.
    pub files: Vec<String>,
    /// Files whose fixes were held back: with them, `check` found something new.
    pub held_back: Vec<String>,
}

impl Report {
    /// One line per change (`path:line: fixed code: what`, then the line), and a total.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for c in &self.changes {
            // The line and the message quote a translation: controls escaped, as in a diagnostic.
            let (message, line) = (escape_controls(&c.message), escape_controls(&c.fixed_line));
            out.push_str(&format!("{}:{}: fixed {}: {message}\n", c.path, c.line, c.code));
            out.push_str(&format!("  | {line}\n"));
        }
        for path in &self.held_back {
            out.push_str(&format!("{path}: not fixed: the fixes would make new findings\n"));
        }
        let (n, f) = (self.changes.len(), self.files.len());
        out.push_str(&format!(
            "applied {n} fix{} in {f} file{}\n",
            if n == 1 { "" } else { "es" },
            if f == 1 { "" } else { "s" }
        ));
        out
    }
}

type Counts = BTreeMap<(String, &'static str, Option<String>), usize>;

fn counts(findings: &[Finding]) -> Counts {
    let mut out = Counts::new();
    for f in findings {
        *out.entry((f.diag.path.clone(), f.diag.code, f.id.clone())).or_default() += 1;
    }
    out
}

/// The files of `l10n` with `plan` applied (the unchanged ones shared).
fn with_plan(l10n: &L10n, plan: &BTreeMap<String, Vec<Suggestion>>) -> L10n {
    let mut locales = l10n.locales.clone();
    for locale in &mut locales {
        for file in locale.files.values_mut() {
            if let Some(suggestions) = plan.get(&file.path) {
                let text = check::fix::plan_file(file.source(), suggestions);
                *file = parse_ftl(&file.path, text).0;
            }
        }
    }
    L10n { locales }
}

/// Applies the machine-applicable suggestions of `check` to the project at `root`, in the
/// locales of `options` (every translated locale when none). With the report, the check it
/// began with when nothing was changed or held back (so the caller need not check again).
pub fn fix_project(
    root: &Path,
    options: &LoadOptions,
) -> anyhow::Result<(Report, Option<project::Checked>)> {
    let mut report = Report::default();
    // Which locales have something to fix: one streaming check of them all (what `check`
    // prints after the fixes costs as much), then each such locale again with the source.
    let checked = project::check(root, options);
    let sure = |s: &Suggestion| s.applicability == crate::diag::Applicability::MachineApplicable;
    let to_fix: std::collections::BTreeSet<&str> = (checked.findings.iter())
        .filter(|f| f.diag.suggestions.iter().any(sure))
        .map(|f| f.locale.as_str())
        .collect();
    let locales = checked.locales.iter().filter(|l| to_fix.contains(l.as_str()));
    for locale in locales.cloned() {
        let one = LoadOptions { locales: vec![locale], ..options.clone() };
        fix_locales(root, &one, &mut report)?;
    }
    report.held_back.sort();
    report.held_back.dedup();
    let unchanged = report.files.is_empty() && report.held_back.is_empty();
    Ok((report, unchanged.then_some(checked)))
}

/// [`fix_project`] in the locales `options` loads, adding to `report`.
fn fix_locales(root: &Path, options: &LoadOptions, report: &mut Report) -> anyhow::Result<()> {
    let (Some(project), _) = project::load(root, options) else {
        return Ok(());
    };
    let findings = |l10n: &L10n| {
        check::findings(&check::Input { l10n, site: Some(&project.site), data: &project.data })
    };
    let before = findings(&project.l10n);
    let before_counts = counts(&before);
    let mut plan = check::fix::plan(&before);
    // A fix is kept only when no file gains a finding; a file whose fixes do is left as it
    // is (at most a few rounds: holding one file back can only remove findings elsewhere).
    for _ in 0..4 {
        if plan.is_empty() {
            break;
        }
        let fixed = with_plan(&project.l10n, &plan);
        let after = findings(&fixed);
        let mut worse: Vec<String> = counts(&after)
            .into_iter()
            .filter(|(key, n)| before_counts.get(key).copied().unwrap_or(0) < *n)
            .map(|((path, ..), _)| path)
            .collect();
        worse.dedup();
        if worse.is_empty() {
            break;
        }
        if worse.iter().any(|p| !plan.contains_key(p)) {
            // Something outside the fixed files changed: hold everything back.
            report.held_back.extend(plan.keys().cloned());
            plan.clear();
            break;
        }
        for path in worse {
            plan.remove(&path);
            report.held_back.push(path);
        }
    }
    for locale in &project.l10n.locales {
        for file in locale.files.values() {
            let Some(suggestions) = plan.get(&file.path) else { continue };
            let disk = root.join(&file.path);
            let raw = std::fs::read_to_string(&disk)?;
            let (bom, text) = match raw.strip_prefix('\u{feff}') {
                Some(rest) => ("\u{feff}", rest),
                None => ("", raw.as_str()),
            };
            // Changed on disk since it was checked: leave it for the next run.
            if text != file.source() {
                report.held_back.push(file.path.clone());
                continue;
            }
            let fixed = format!("{bom}{}", check::fix::plan_file(text, suggestions));
            crate::paths::write_atomic(&disk, fixed.as_bytes())?;
            report.files.push(file.path.clone());
            for finding in before.iter().filter(|f| f.diag.path == file.path) {
                for s in finding.diag.suggestions.iter().filter(|s| suggestions.contains(s)) {
                    report.changes.push(Change {
                        path: file.path.clone(),
                        line: s.line,
                        code: finding.diag.code,
                        message: s.message.clone(),
                        fixed_line: s.fixed_line.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}
