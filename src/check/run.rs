//! The checks, run locale by locale. One [`Run`] serves both ways of checking a project:
//! [`crate::check::findings_and_status`] examines every loaded locale at once (in parallel),
//! and a streaming build ([`crate::build`]) examines each translated locale while only its
//! files and the source locale's are loaded. Both go through [`Run::examine`] and
//! [`Run::absorb`], so they find the same problems and the same status.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::{
    CheckData, Finding, Input, Locale, Status, content, findings_and_status, for_each_pair_in,
    labels, links, markup, parse_locales, parse_locales_of, procedure, refs, stale, structure,
    text,
};
use crate::content::Site;
use crate::l10n::L10n;
use crate::l10n::lock::Lock;

/// A check in progress: the source locale's fingerprints, the findings so far, the status
/// of the locales examined, and the link summaries that need every locale.
pub struct Run<'s> {
    site: Option<&'s Site>,
    source: String,
    /// Shared with the [`Stale`] searches a build runs beside the checks.
    prints: std::sync::Arc<stale::Prints>,
    links: Option<links::LinkCheck<'s>>,
    findings: Vec<Finding>,
    status: Status,
    /// The `stale` findings of the locale [`Run::stale_ids`] was last asked about, or that a
    /// build found ahead ([`Run::keep_stale`]), kept for [`Run::locale`] (computing them is a
    /// fingerprint lookup per message).
    stale: Option<(String, Vec<Finding>)>,
    /// The site-wide checks' findings before and after the links' summary, when a build
    /// found them early ([`Run::check_site_early`]).
    site_findings: Option<(Vec<Finding>, Vec<Finding>)>,
}

/// The source locale and one more (or the source alone), parsed for the checks: every check
/// of the locale reads the same parse.
pub struct Parsed<'a> {
    locales: Vec<Locale<'a>>,
    /// The source, parsed beforehand ([`Parsed::against`]); then `locales` holds the
    /// other locale only.
    source: Option<&'a Locale<'a>>,
}

/// The source locale, parsed for the checks once for all the locales a build examines
/// ([`Parsed::against`], [`Run::finish_against`]). Parsing it again for each locale, and
/// once more for the site-wide checks at the end, repeats the same work, and the last of it
/// falls in the build's serial steps, where it adds to the wall time.
pub struct Source<'a>(Locale<'a>);

impl<'a> Source<'a> {
    /// The parsed source locale of `files` (the source locale's files: a build passes a
    /// clone of them, which shares their resources, so that the rest of the project's files
    /// can be loaded and dropped meanwhile).
    pub fn new(files: &'a crate::l10n::LocaleFiles) -> Source<'a> {
        let mut parsed = crate::check::parse(&[files], None);
        Source(parsed.pop().expect("one locale parsed"))
    }
}

impl<'a> Parsed<'a> {
    /// The source locale of `l10n` and `locale` (only the source when it is `locale`, or
    /// when `locale` is not loaded).
    pub fn new(l10n: &'a L10n, locale: &str) -> Parsed<'a> {
        Parsed { locales: crate::check::parse_locales_of(l10n, &[locale]), source: None }
    }

    /// [`Parsed::new`] with the source parsed already: only `locale` is parsed (nothing
    /// when it is the source).
    pub fn against(source: &'a Source<'a>, l10n: &'a L10n, locale: &str) -> Parsed<'a> {
        let files: Vec<_> = l10n
            .locales
            .iter()
            .filter(|l| l.locale == locale && l.locale != source.0.name)
            .collect();
        Parsed { locales: crate::check::parse(&files, None), source: Some(&source.0) }
    }

    /// The source, and the other locale when there is one.
    fn locales(&self) -> (Option<&Locale<'a>>, Option<&Locale<'a>>) {
        match self.source {
            Some(source) => (Some(source), self.locales.first()),
            None => (self.locales.first(), self.locales.get(1)),
        }
    }
}

/// A translated locale's `stale` findings: found before its pages render (the pages mark
/// the stale messages), then kept for its check ([`Run::keep_stale`]).
pub struct Stale {
    locale: String,
    found: Vec<Finding>,
}

impl Stale {
    /// The stale messages of `target` (all of a locale's files) against the source's
    /// fingerprints, with the locale's lock. It needs nothing else of a [`Run`], so that a
    /// build can find them beside the previous locale's check and pages.
    pub fn find(
        prints: &stale::Prints,
        source: &Source<'_>,
        target: &crate::l10n::LocaleFiles,
        lock: &Lock,
    ) -> Stale {
        let parsed = crate::check::parse(&[target], None);
        match parsed.first() {
            Some(parsed) => Stale::of_parsed(prints, &source.0, parsed, lock),
            None => Stale { locale: target.locale.clone(), found: Vec::new() },
        }
    }

    fn of_parsed(
        prints: &stale::Prints,
        source: &Locale<'_>,
        target: &Locale<'_>,
        lock: &Lock,
    ) -> Stale {
        let mut found = Vec::new();
        stale::check_stale_with(prints, source, target, lock, &mut found);
        Stale { locale: target.name.to_string(), found }
    }

    /// The stale message ids per `(locale, scope)`: what the pages mark.
    pub fn ids(&self) -> BTreeMap<(String, String), BTreeSet<String>> {
        stale_by_scope(&self.found)
    }
}

/// What examining one locale found.
#[derive(Clone)]
pub(crate) struct Examined {
    findings: Vec<Finding>,
    external: links::Externals,
    /// For a translated locale: its status.
    status: Option<(String, super::status::LocaleStatus)>,
}

/// Each locale's examination, kept between checks of one model as it is edited (`serve`),
/// so that a check after an edit examines again only the edited locales
/// ([`findings_and_status_reusing`]).
#[derive(Default)]
pub struct Examinations(BTreeMap<String, Examined>);

/// [`findings_and_status`], examining again only the locales in `edited` and those `kept`
/// lacks (every locale when the source locale was edited: the others are examined against
/// it), and taking the others' examinations from `kept`, which then holds every locale's.
/// A locale's examination depends only on its own files, the source locale's and `data`,
/// and the whole check's steps run in the same order on the same examinations: the same
/// findings and status as [`findings_and_status`] of the same input.
pub fn findings_and_status_reusing(
    input: &Input<'_>,
    kept: &mut Examinations,
    edited: &BTreeSet<String>,
) -> (Vec<Finding>, Status) {
    use rayon::prelude::*;
    let names: Vec<&str> = input.l10n.locales.iter().map(|l| l.locale.as_str()).collect();
    let Some(source_name) = names.first() else {
        return (Vec::new(), Status::default());
    };
    let all = edited.contains(*source_name);
    let fresh: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| all || edited.contains(*name) || !kept.0.contains_key(*name))
        .collect();
    let locales = parse_locales_of(input.l10n, &fresh);
    let source = &locales[0];
    let mut run = Run::with_source(input.site, source);
    let examined: Vec<(String, Examined)> = locales
        .par_iter()
        .filter(|locale| fresh.contains(&locale.name))
        .map(|locale| (locale.name.to_string(), run.examine(input.data, source, locale)))
        .collect();
    kept.0.extend(examined);
    kept.0.retain(|name, _| names.contains(&name.as_str()));
    for name in &names {
        if let Some(examined) = kept.0.get(*name) {
            run.absorb(examined.clone());
        }
    }
    run.finish_with(input.data, source)
}

impl<'s> Run<'s> {
    /// A run over `l10n`'s locales (the first is the source) and, when given, the site's
    /// content.
    pub fn new(site: Option<&'s Site>, l10n: &L10n) -> Run<'s> {
        let locales = crate::check::parse_locales_of(l10n, &[]);
        match locales.first() {
            Some(source) => Run::with_source(site, source),
            // No locale at all: nothing to examine (the loader has reported why).
            None => Run {
                site,
                source: String::new(),
                prints: Default::default(),
                links: None,
                findings: Vec::new(),
                status: Status::default(),
                stale: None,
                site_findings: None,
            },
        }
    }

    pub(crate) fn with_source(site: Option<&'s Site>, source: &Locale<'_>) -> Run<'s> {
        let mut findings = Vec::new();
        let mut links = site.map(links::LinkCheck::new);
        if let Some(links) = &mut links {
            links.content(source.name, &mut findings);
        }
        for finding in &mut findings {
            crate::check::severity::settle(&mut finding.diag, false);
        }
        Run {
            site,
            source: source.name.to_string(),
            prints: std::sync::Arc::new(stale::fingerprints(source)),
            links,
            findings,
            status: Status { source_locale: source.name.to_string(), locales: BTreeMap::new() },
            stale: None,
            site_findings: None,
        }
    }

    /// The stale message ids of translated locale `locale` per `(locale, scope)`: what the
    /// pages mark "updated in English". Only `locale`'s and the source's files are read.
    pub fn stale_ids(
        &mut self,
        l10n: &L10n,
        data: &CheckData,
        locale: &str,
    ) -> BTreeMap<(String, String), BTreeSet<String>> {
        self.stale_ids_in(&Parsed::new(l10n, locale), data)
    }

    /// [`Run::stale_ids`] of the translated locale in `parsed`.
    pub fn stale_ids_in(
        &mut self,
        parsed: &Parsed<'_>,
        data: &CheckData,
    ) -> BTreeMap<(String, String), BTreeSet<String>> {
        let (Some(source), Some(target)) = parsed.locales() else { return BTreeMap::new() };
        let stale = Stale::of_parsed(&self.prints, source, target, lock_of(data, target.name));
        let ids = stale.ids();
        self.keep_stale(stale);
        ids
    }

    /// The source's fingerprints, for [`Stale::find`].
    pub fn prints(&self) -> std::sync::Arc<stale::Prints> {
        std::sync::Arc::clone(&self.prints)
    }

    /// Keeps `stale` for the check of its locale ([`Run::locale_in`]), which reports it
    /// instead of looking for it again.
    pub fn keep_stale(&mut self, stale: Stale) {
        self.stale = Some((stale.locale, stale.found));
    }

    /// Examines locale `locale` (the source or a translation) and adds what it found.
    pub fn locale(&mut self, l10n: &L10n, data: &CheckData, locale: &str) {
        self.locale_in(&Parsed::new(l10n, locale), data);
    }

    /// [`Run::locale`] of the last locale in `parsed`.
    pub fn locale_in(&mut self, parsed: &Parsed<'_>, data: &CheckData) {
        let (source, target) = match parsed.locales() {
            (Some(source), None) => (source, source),
            (Some(source), Some(target)) => (source, target),
            _ => return,
        };
        let stale = match self.stale.take() {
            Some((of, found)) if of == target.name => Some(found),
            _ => None,
        };
        let examined = self.examine_with(data, source, target, stale);
        self.absorb(examined);
    }

    /// [`Run::locale_in`] of several translated locales, each `Parsed::against` the same
    /// source: examined in parallel, absorbed in order (the findings come out as from one
    /// locale after the other).
    pub fn locales_in(&mut self, parsed: &[Parsed<'_>], data: &CheckData) {
        use rayon::prelude::*;
        let examined: Vec<Examined> = parsed
            .par_iter()
            .filter_map(|parsed| match parsed.locales() {
                (Some(source), Some(target)) => Some(self.examine(data, source, target)),
                _ => None,
            })
            .collect();
        for one in examined {
            self.absorb(one);
        }
    }

    /// Everything about `locale` alone, or against `source` when it is a translation. Pure:
    /// locales can be examined in parallel, then absorbed in order.
    pub(crate) fn examine(
        &self,
        data: &CheckData,
        source: &Locale<'_>,
        locale: &Locale<'_>,
    ) -> Examined {
        self.examine_with(data, source, locale, None)
    }

    /// [`Run::examine`], with the locale's `stale` findings when they are already known.
    fn examine_with(
        &self,
        data: &CheckData,
        source: &Locale<'_>,
        locale: &Locale<'_>,
        stale: Option<Vec<Finding>>,
    ) -> Examined {
        let mut out = Vec::new();
        structure::check_syntax(locale, &mut out);
        structure::check_duplicates(locale, &mut out);
        markup::check_unsafe(locale, &mut out);
        refs::check_unknown_refs(locale, &mut out);
        refs::check_label_variables(locale, &mut out);
        if locale.name == source.name {
            refs::check_plurals(source, None, &mut out);
        } else {
            structure::check_entries(source, locale, &mut out);
            let mut labels = labels::Labels::default();
            let mut fixes = Vec::new();
            // Scope by scope in parallel (most of a locale's checking), joined in scope
            // order: the findings come out as from one pass over the scopes.
            use rayon::prelude::*;
            let scopes: Vec<&str> = source.files.keys().copied().collect();
            let parts: Vec<_> = scopes
                .par_iter()
                .map(|scope| {
                    let (mut out, mut fixes) = (Vec::new(), Vec::new());
                    let mut labels = labels::Labels::default();
                    for_each_pair_in(source, locale, scope, |pair| {
                        for (term, s) in super::fix::suggest(&pair) {
                            fixes.push((pair.file.path.to_string(), pair.id.clone(), term, s));
                        }
                        refs::check_pair(&pair, &mut out);
                        markup::check_pair(&pair, &mut out);
                        text::check_untranslated(&pair, &data.glossary, &mut out);
                        text::check_glossary(&pair, &data.glossary, &mut out);
                        text::check_concepts(&pair, &data.glossary, &mut out);
                        labels.add(&pair);
                    });
                    (out, fixes, labels)
                })
                .collect();
            for (found, suggested, seen) in parts {
                out.extend(found);
                fixes.extend(suggested);
                labels.append(seen);
            }
            refs::check_plurals(locale, Some(source), &mut out);
            labels.finish(source, locale, &mut out);
            super::fix::attach(fixes, &mut out);
            match stale {
                Some(found) => out.extend(found),
                None => {
                    let lock = lock_of(data, locale.name);
                    stale::check_stale_with(&self.prints, source, locale, lock, &mut out);
                }
            }
        }
        let external = match &self.links {
            Some(links) => links.examine(locale, &mut out),
            None => links::Externals::new(),
        };
        let hidden = if locale.name == source.name {
            Default::default()
        } else {
            let hidden = super::earlier::hidden_ids(self.site, locale.name);
            super::earlier::check_earlier(self.site, locale, &hidden, &mut out);
            hidden
        };
        for finding in &mut out {
            crate::check::severity::settle(&mut finding.diag, false);
        }
        let status = (locale.name != source.name).then(|| {
            let status = super::status::locale_status(source, locale, &out, &hidden);
            (locale.name.to_string(), status)
        });
        Examined { findings: out, external, status }
    }

    pub(crate) fn absorb(&mut self, examined: Examined) {
        self.findings.extend(examined.findings);
        if let Some(links) = &mut self.links {
            links.absorb(examined.external);
        }
        if let Some((locale, status)) = examined.status {
            self.status.locales.insert(locale, status);
        }
    }

    /// The checks of the whole site (content, procedures, templates, link summaries), with
    /// the source locale loaded; every finding, and the status of every translated locale.
    pub fn finish(self, l10n: &L10n, data: &CheckData) -> (Vec<Finding>, Status) {
        let locales = crate::check::parse_locales_of(l10n, &[]);
        match locales.first() {
            Some(source) => self.finish_with(data, source),
            None => (self.findings, self.status),
        }
    }

    /// [`Run::finish`] with the source parsed already.
    pub fn finish_against(self, data: &CheckData, source: &Source<'_>) -> (Vec<Finding>, Status) {
        self.finish_with(data, &source.0)
    }

    /// [`Run::new`] with the source parsed already.
    pub fn new_against(site: Option<&'s Site>, source: &Source<'_>) -> Run<'s> {
        Run::with_source(site, &source.0)
    }

    /// Runs the site-wide checks of the content and templates against the source now
    /// rather than in [`Run::finish_against`]: they read nothing of the translated locales,
    /// so a build runs them beside the source locale's pages instead of in its serial end.
    pub fn check_site_early(&mut self, data: &CheckData, source: &Source<'_>) {
        self.site_findings = Some(self.site_checks(data, &source.0));
    }

    /// The site-wide checks that read the content, the templates and the source only: the
    /// findings that come before the links' summary, and those after it.
    fn site_checks(&self, data: &CheckData, source: &Locale<'_>) -> (Vec<Finding>, Vec<Finding>) {
        let mut before = Vec::new();
        if let Some(site) = self.site {
            procedure::check_bindings(site, source.name, &mut before);
            content::check_content(site, source, &data.content_sources, &mut before);
            procedure::check_procedures(site, source, &mut before);
        }
        let mut after = Vec::new();
        content::check_templates(source, &data.template_sources, &mut after);
        (before, after)
    }

    pub(crate) fn finish_with(
        mut self,
        data: &CheckData,
        source: &Locale<'_>,
    ) -> (Vec<Finding>, Status) {
        debug_assert_eq!(source.name, self.source);
        let (mut late, after) = match self.site_findings.take() {
            Some(found) => found,
            None => self.site_checks(data, source),
        };
        if let Some(links) = self.links.take() {
            links.finish(&mut late);
        }
        late.extend(after);
        for finding in &mut late {
            crate::check::severity::settle(&mut finding.diag, false);
        }
        // A summary can be about a translated locale (its first link is there).
        for finding in &late {
            if let Some(locale) = self.status.locales.get_mut(&finding.locale) {
                locale.record(finding);
            }
        }
        self.findings.extend(late);
        (self.findings, self.status)
    }
}

pub(crate) fn lock_of<'d>(data: &'d CheckData, locale: &str) -> &'d Lock {
    static EMPTY: Lock = Lock::new();
    data.locks.get(locale).unwrap_or(&EMPTY)
}

/// The ids of `stale` findings by `(locale, scope)`.
pub(crate) fn stale_by_scope(found: &[Finding]) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for finding in found {
        if let Some(id) = &finding.id {
            out.entry((finding.locale.clone(), finding.scope.clone()))
                .or_default()
                .insert(id.clone());
        }
    }
    out
}

/// Only the stale message ids per `(locale, scope)` (the shape of `render::Options::stale`),
/// without running the other checks: what `build` needs for its "updated in English"
/// markers. Pure: no IO.
pub fn stale_messages(input: &Input<'_>) -> BTreeMap<(String, String), BTreeSet<String>> {
    let locales = parse_locales(input.l10n);
    let mut out = BTreeMap::new();
    let Some((source, targets)) = locales.split_first() else { return out };
    use rayon::prelude::*;
    let prints = crate::check::stale::fingerprints(source);
    let found: Vec<_> = targets
        .par_iter()
        .map(|target| {
            let mut found = Vec::new();
            let lock = lock_of(input.data, target.name);
            crate::check::stale::check_stale_with(&prints, source, target, lock, &mut found);
            stale_by_scope(&found)
        })
        .collect();
    for one in found {
        out.extend(one);
    }
    out
}

/// [`stale_messages`] of one scope (an article id): what `serve` needs after that scope's
/// files changed. Only that scope's and the UI's files are read.
pub fn stale_in_scope(
    input: &Input<'_>,
    scope: &str,
) -> BTreeMap<(String, String), BTreeSet<String>> {
    let locales = crate::check::parse_locales_in(input.l10n, Some(&[crate::l10n::UI_SCOPE, scope]));
    let mut out = BTreeMap::new();
    let Some((source, targets)) = locales.split_first() else { return out };
    let prints = crate::check::stale::fingerprints(source);
    let empty = crate::l10n::lock::Lock::new();
    for target in targets {
        let mut found = Vec::new();
        let lock = input.data.locks.get(target.name).unwrap_or(&empty);
        crate::check::stale::check_stale_with(&prints, source, target, lock, &mut found);
        for finding in found.into_iter().filter(|f| f.scope == scope) {
            if let Some(id) = finding.id {
                out.entry((finding.locale, finding.scope)).or_insert_with(BTreeSet::new).insert(id);
            }
        }
    }
    out
}

/// Runs the checks and summarizes them per locale and scope. Pure: no IO.
pub fn status(input: &Input<'_>) -> Status {
    findings_and_status(input).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_without_locales_checks_to_nothing() {
        let l10n = L10n { locales: Vec::new() };
        let data = CheckData::default();
        let mut run = Run::new(None, &l10n);
        assert!(run.stale_ids(&l10n, &data, "de-DE").is_empty());
        run.locale(&l10n, &data, "de-DE");
        let (findings, status) = run.finish(&l10n, &data);
        assert!(findings.is_empty());
        assert!(status.locales.is_empty());
    }
}
