//! One severity per diagnostic code, the same in `build`, `check`, `serve` and the
//! dashboard, and what `--strict` promotes. A translation may lag behind the source (a missing
//! file or message, an untranslated article, a stale message: warnings) without failing the
//! project; a broken translation (bad syntax, a markup or term mismatch, unsafe text, an
//! unknown reference, an inconsistent label) is an error. `docs/diagnostics.md` lists
//! [`TABLE`].

use crate::diag::{Diagnostic, Severity};

/// What `--strict` does to a code's warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strict {
    /// Errors already, or warnings `--strict` leaves as they are.
    Keeps,
    /// Warnings that `--strict` makes errors.
    Promotes,
}

use Severity::{Error as E, Warning as W};
use Strict::{Keeps as K, Promotes as P};

/// Every code drillbook reports about a project, with its severity, what `--strict` does
/// to it, and what it means.
pub const TABLE: &[(&str, Severity, Strict, &str)] = &[
    // Lagging translation: the page shows the source text (marked), or is not updated yet.
    (
        "missing-file",
        W,
        P,
        "a translated locale lacks a file of the source (an article not yet translated)",
    ),
    ("missing-message", W, P, "a translated file lacks a message or term of the source"),
    ("missing-attribute", W, P, "a translated message lacks an attribute of the source"),
    ("stale", W, P, "the source text changed since the translation was reviewed"),
    (
        "earlier-revision",
        W,
        P,
        "a page shows a translation of an earlier English revision (an imported `earlier` block)",
    ),
    ("untranslated", W, P, "a translation is the source text, unchanged"),
    ("obsolete-file", W, P, "a translated file the source does not have"),
    ("obsolete-message", W, P, "a translated message the source does not have"),
    ("duplicate-attribute", W, P, "an attribute defined twice (the first one is used)"),
    ("plural-unused", W, P, "a plural variant the locale never selects"),
    ("unsafe-media-name", W, P, "a media file whose name is not a safe URL path"),
    // Information: a deliberate choice of the author.
    (
        "external-article",
        W,
        K,
        "a link to an article the site does not have (goes to `external-article-url`)",
    ),
    // Broken translation: the page would be wrong.
    ("ftl-syntax", E, K, "invalid Fluent syntax"),
    ("nesting-too-deep", E, K, "a Fluent entry nested deeper than drillbook formats"),
    ("markup-too-long", E, K, "a message too long or too nested for its Markdown to be rendered"),
    ("duplicate-id", E, K, "a message or term defined twice in one bundle"),
    ("missing-value", E, K, "a translated message has no value where the source has one"),
    ("obsolete-value", E, K, "a translated message has a value where the source has none"),
    ("obsolete-attribute", E, K, "a translated attribute the source does not have"),
    ("variable-mismatch", E, K, "a translation's variables differ from the source's"),
    ("term-mismatch", E, K, "a translation's term references differ from the source's"),
    ("message-ref-mismatch", E, K, "a translation's message references differ from the source's"),
    ("unknown-reference", E, K, "a reference to a message, term or variable that does not exist"),
    ("plural-categories", E, K, "a plural select lacks a category the locale needs"),
    ("markup-mismatch", E, K, "a translation's Markdown spans differ from the source's"),
    ("unsafe-text", E, K, "text that could inject HTML or hide characters"),
    ("label-inconsistent", E, K, "a UI label spelled out instead of referenced as its term"),
    ("glossary", E, K, "a translation does not use the glossary's term"),
    (
        "concept-inconsistent",
        E,
        K,
        "a glossary concept rendered another way than the locale's one rendering",
    ),
    ("format-error", E, K, "a message failed to format while rendering"),
    // Content, templates and the simulator.
    ("unknown-message", E, K, "content or a template names a message the source does not define"),
    ("unknown-condition", E, K, "a step binds to a condition the simulator model does not know"),
    ("unknown-action", E, K, "a step binds to an action the simulator model does not know"),
    ("unknown-for-each", E, K, "a step's `for-each` kind the simulator model does not know"),
    ("step-not-enabled", E, K, "a step asks for an action the model refuses at that point"),
    ("procedure-incomplete", E, K, "following every step does not reach the scenario's goal"),
    ("missing-step", E, K, "an action on the way to the goal that no step asks for"),
    ("unknown-label", E, K, "a step names a UI label the simulator never shows"),
    ("unknown-property", E, K, "an alert states a property drillbook does not know"),
    ("note-property", E, K, "an alert's stated property does not hold in some state"),
    ("broken-link", E, K, "a link to a page the site does not have"),
    ("broken-anchor", E, K, "a link to an anchor the page does not have"),
    ("duplicate-anchor", E, K, "two blocks of an article with one anchor"),
    // Input files that do not load.
    ("toml-syntax", E, K, "invalid TOML"),
    ("unknown-key", E, K, "a key the file's schema does not have"),
    ("invalid-config", E, K, "an invalid value in `content/site.toml`"),
    ("invalid-content", E, K, "an invalid value in a content file"),
    ("invalid-id", E, K, "an article id that is not a slug"),
    ("invalid-scenario", E, K, "an invalid simulator scenario"),
    ("unknown-scenario-set", E, K, "an article names a scenario set that does not exist"),
    ("invalid-glossary", E, K, "an invalid `content/glossary.toml`"),
    ("invalid-lock", E, K, "an invalid `l10n.lock`"),
    ("missing-locale", E, K, "a configured locale without its directory"),
    ("unknown-locale", E, K, "`--locale` names a locale the site does not configure"),
    ("invalid-utf8", E, K, "a file that is not UTF-8"),
    ("io", E, K, "a file that cannot be read (exit code 2)"),
];

/// The severity of `code` and what `--strict` does to it; `None` for a code not in
/// [`TABLE`] (its diagnostics keep the severity they were made with).
pub fn of(code: &str) -> Option<(Severity, Strict)> {
    TABLE.iter().find(|(c, ..)| *c == code).map(|&(_, severity, strict, _)| (severity, strict))
}

/// Gives `diag` its code's severity, promoted to an error under `strict` when the table says
/// so.
pub fn settle(diag: &mut Diagnostic, strict: bool) {
    if let Some((severity, promote)) = of(diag.code) {
        diag.severity = severity;
        if strict && promote == Strict::Promotes {
            diag.severity = Severity::Error;
        }
    }
}

/// [`settle`] on every diagnostic.
pub fn settle_all(diags: &mut [Diagnostic], strict: bool) {
    for diag in diags {
        settle(diag, strict);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        let mut codes: Vec<&str> = TABLE.iter().map(|(c, ..)| *c).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code listed twice");
    }

    #[test]
    fn strict_promotes_only_what_the_table_says() {
        let mut missing = Diagnostic::file(E, "missing-message", "a.ftl", "m");
        settle(&mut missing, false);
        assert_eq!(missing.severity, W);
        settle(&mut missing, true);
        assert_eq!(missing.severity, E);
        let mut external = Diagnostic::file(W, "external-article", "a.ftl", "m");
        settle(&mut external, true);
        assert_eq!(external.severity, W);
        let mut term = Diagnostic::file(W, "term-mismatch", "a.ftl", "m");
        settle(&mut term, false);
        assert_eq!(term.severity, E);
    }

    #[test]
    fn the_diagnostics_reference_lists_every_code_with_its_severity() {
        let table = include_str!("../../docs/diagnostics.md");
        for (code, severity, strict, _) in TABLE {
            let under_strict = match strict {
                Strict::Promotes => "error",
                Strict::Keeps => severity.as_str(),
            };
            let row = format!("| `{code}` | {} | {under_strict} |", severity.as_str());
            assert!(table.contains(&row), "docs/diagnostics.md lacks the row `{row}`");
        }
    }

    #[test]
    fn only_errors_and_promoted_warnings_are_listed() {
        for (code, severity, strict, _) in TABLE {
            assert!(*severity == W || *strict == K, "{code}: an error cannot be promoted");
        }
    }
}
