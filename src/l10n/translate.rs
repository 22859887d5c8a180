//! Bundles and formatting: a [`Translator`] formats the messages and terms of one scope in
//! one locale, falling back to the source locale, and reports every [`Problem`].

use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Severity};
use crate::l10n::{L10n, LocaleFiles, UI_SCOPE};

impl L10n {
    /// A translator for `scope` in `locale`, falling back to the source locale.
    pub fn translator(&self, locale: &str, scope: &str) -> Translator {
        let source = self.source();
        let target = self.locale(locale).unwrap_or(source);
        let fallback = if target.locale == source.locale {
            None
        } else {
            Some(LazyBundle {
                langid: source.langid.clone(),
                resources: resources(source, scope),
                bundle: OnceLock::new(),
            })
        };
        Translator {
            locale: target.locale.clone(),
            source_locale: source.locale.clone(),
            scope: scope.to_string(),
            bundle: make_bundle(target.langid.clone(), resources(target, scope)),
            fallback,
        }
    }
}

/// A bundle of `ui.ftl` plus `<scope>.ftl`. Duplicate ids are reported by `check`; here the
/// first definition wins, as in fluent-bundle.
fn make_bundle(langid: LanguageIdentifier, resources: Vec<Arc<FluentResource>>) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are bidi controls; all shipped locales are LTR.
    bundle.set_use_isolating(false);
    for resource in &resources {
        let _ = bundle.add_resource(resource.clone());
    }
    Bundle { bundle, resources }
}

fn resources(files: &LocaleFiles, scope: &str) -> Vec<Arc<FluentResource>> {
    let mut out = Vec::new();
    for name in [UI_SCOPE, scope] {
        if let Some(file) = files.files.get(name) {
            out.push(file.resource.clone());
            if name == scope {
                break;
            }
        }
    }
    out
}

/// The source-locale bundle, built only when a message is actually missing.
struct LazyBundle {
    langid: LanguageIdentifier,
    resources: Vec<Arc<FluentResource>>,
    bundle: OnceLock<Bundle>,
}

impl LazyBundle {
    fn get(&self) -> &Bundle {
        self.bundle.get_or_init(|| make_bundle(self.langid.clone(), self.resources.clone()))
    }
}

struct Bundle {
    bundle: FluentBundle<Arc<FluentResource>>,
    resources: Vec<Arc<FluentResource>>,
}

/// Formatted text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    /// The locale the text is in (the source locale when it fell back).
    pub fallback: bool,
}

/// Why a message could not be formatted as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Missing in the target locale; the source text was used.
    Fallback { locale: String, scope: String, id: String },
    /// Missing in the source locale too: a content or template bug.
    /// `source` is the source locale, where the message must be added.
    Unknown { source: String, scope: String, id: String },
    /// Fluent reported errors while formatting (unknown term, missing variable, ...).
    Format { locale: String, scope: String, id: String, errors: Vec<String> },
}

impl Problem {
    /// The diagnostic for this problem; `strict` turns a fallback into an error.
    pub fn to_diagnostic(&self, strict: bool) -> Diagnostic {
        match self {
            Problem::Fallback { locale, scope, id } => Diagnostic::file(
                if strict { Severity::Error } else { Severity::Warning },
                "missing-message",
                &format!("locales/{locale}/{scope}.ftl"),
                format!("`{id}` is missing in {locale}; the page shows the en-US text"),
            ),
            Problem::Unknown { source, scope, id } => Diagnostic::file(
                Severity::Error,
                "unknown-message",
                &format!("locales/{source}/{scope}.ftl"),
                format!(
                    "message `{id}` is used but defined in no locale; add `{id} = <text>` to \
                     this file, then translate it in each locale's {scope}.ftl"
                ),
            ),
            Problem::Format { locale, scope, id, errors } => Diagnostic::file(
                Severity::Error,
                "format-error",
                &format!("locales/{locale}/{scope}.ftl"),
                format!("formatting `{id}` failed: {}", errors.join("; ")),
            ),
        }
    }
}

/// Formats messages of one scope in one locale, with the source locale as fallback.
pub struct Translator {
    pub locale: String,
    pub source_locale: String,
    pub scope: String,
    bundle: Bundle,
    fallback: Option<LazyBundle>,
}

impl Translator {
    /// Formats message `id` (a value or, with `id.attr`, an attribute).
    pub fn message(&self, id: &str, args: Option<&FluentArgs<'_>>) -> (Text, Vec<Problem>) {
        let mut problems = Vec::new();
        if let Some(value) = self.format_in(&self.bundle, &self.locale, id, args, &mut problems) {
            return (Text { value, fallback: false }, problems);
        }
        if let Some(fallback) = self.fallback.as_ref().map(LazyBundle::get) {
            if let Some(value) =
                self.format_in(fallback, &self.source_locale, id, args, &mut problems)
            {
                problems.push(Problem::Fallback {
                    locale: self.locale.clone(),
                    scope: self.scope.clone(),
                    id: id.to_string(),
                });
                return (Text { value, fallback: true }, problems);
            }
        }
        problems.push(Problem::Unknown {
            source: self.source_locale.clone(),
            scope: self.scope.clone(),
            id: id.to_string(),
        });
        (Text { value: id.to_string(), fallback: true }, problems)
    }

    /// Whether the source locale defines message `id` in this scope.
    pub fn has_source_message(&self, id: &str) -> bool {
        let bundle = self.fallback.as_ref().map_or(&self.bundle, LazyBundle::get);
        bundle.bundle.get_message(id).is_some_and(|m| m.value().is_some())
    }

    /// Formats term `name` (without the leading `-`), e.g. a UI label.
    pub fn term(&self, name: &str, args: Option<&FluentArgs<'_>>) -> (Text, Vec<Problem>) {
        let mut problems = Vec::new();
        if let Some(value) =
            format_term(&self.bundle, name, args, &self.locale, &self.scope, &mut problems)
        {
            return (Text { value, fallback: false }, problems);
        }
        if let Some(fallback) = self.fallback.as_ref().map(LazyBundle::get) {
            if let Some(value) =
                format_term(fallback, name, args, &self.source_locale, &self.scope, &mut problems)
            {
                problems.push(Problem::Fallback {
                    locale: self.locale.clone(),
                    scope: UI_SCOPE.to_string(),
                    id: format!("-{name}"),
                });
                return (Text { value, fallback: true }, problems);
            }
        }
        problems.push(Problem::Unknown {
            source: self.source_locale.clone(),
            scope: UI_SCOPE.to_string(),
            id: format!("-{name}"),
        });
        (Text { value: name.to_string(), fallback: true }, problems)
    }

    fn format_in(
        &self,
        bundle: &Bundle,
        locale: &str,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let message = bundle.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(attr) => message.get_attribute(attr)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let value = bundle.bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            problems.push(Problem::Format {
                locale: locale.to_string(),
                scope: self.scope.clone(),
                id: id.to_string(),
                errors: errors.iter().map(ToString::to_string).collect(),
            });
        }
        Some(value)
    }
}

/// `get_message` cannot see terms: find the term in the bundle's resources and format it.
fn format_term(
    bundle: &Bundle,
    name: &str,
    args: Option<&FluentArgs<'_>>,
    locale: &str,
    scope: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let term = bundle.resources.iter().flat_map(|r| r.entries()).find_map(|entry| match entry {
        ast::Entry::Term(term) if term.id.name == name => Some(term),
        _ => None,
    })?;
    let mut errors = Vec::new();
    let value = bundle.bundle.format_pattern(&term.value, args, &mut errors).into_owned();
    if !errors.is_empty() {
        problems.push(Problem::Format {
            locale: locale.to_string(),
            scope: scope.to_string(),
            id: format!("-{name}"),
            errors: errors.iter().map(ToString::to_string).collect(),
        });
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message used but defined nowhere names the file to add it to and what to write.
    #[test]
    fn an_unknown_message_says_where_to_add_it() {
        let problem = Problem::Unknown {
            source: "en-US".into(),
            scope: "site".into(),
            id: "topic-contacts".into(),
        };
        let diag = problem.to_diagnostic(false);
        assert_eq!(diag.path, "locales/en-US/site.ftl");
        assert!(
            diag.message.contains("add `topic-contacts = <text>` to this file"),
            "{}",
            diag.message
        );
    }
}
