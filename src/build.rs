//! The build pipeline shared by `build` and `serve`: load content and locales, render.
//! Returns the files to write, or `None` when the input has errors (or warnings in strict
//! mode), with every diagnostic found.

use std::path::Path;

use crate::content;
use crate::diag::{self, Diagnostic, Severity};
use crate::l10n;
use crate::render::{self, Files, Options};

/// Loads and renders the project at `root`. `locales` restricts the locales written.
pub fn build_files(
    root: &Path,
    locales: &[String],
    strict: bool,
) -> (Option<Files>, Vec<Diagnostic>) {
    let (site, mut diags) = content::load_site(root);
    let Some(site) = site else {
        diag::sort(&mut diags);
        return (None, diags);
    };
    let configured: Vec<String> = site.config.locales.iter().map(|l| l.get_ref().clone()).collect();
    for locale in locales {
        if !configured.contains(locale) {
            diags.push(Diagnostic::file(
                Severity::Error,
                "unknown-locale",
                "content/site.toml",
                format!(
                    "`--locale {locale}` is not one of the configured locales: {}",
                    configured.join(", ")
                ),
            ));
        }
    }
    // The default locale first: it is the source every other locale falls back to.
    let default = site.config.default_locale.get_ref().clone();
    let mut load: Vec<String> = vec![default.clone()];
    load.extend(configured.iter().filter(|l| **l != default).cloned());
    let (l10n, more) = l10n::load_l10n(root, &load);
    diags.extend(more);
    if diags.iter().any(Diagnostic::is_error) {
        diag::sort(&mut diags);
        return (None, diags);
    }
    let options = Options { locales: locales.to_vec(), strict, ..Options::default() };
    let (mut files, more) = render::render_site(&site, &l10n, &options);
    diags.extend(more);
    for media in &site.media {
        match std::fs::read(root.join("content").join(media)) {
            Ok(bytes) => {
                files.insert(media.clone(), bytes);
            }
            Err(err) => diags.push(Diagnostic::file(
                Severity::Error,
                "io",
                &format!("content/{media}"),
                format!("cannot read: {err}"),
            )),
        }
    }
    diag::sort(&mut diags);
    let failed = diags.iter().any(|d| d.is_error() || strict);
    (if failed { None } else { Some(files) }, diags)
}
