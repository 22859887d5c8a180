//! `drillbook package <article> --format scorm-1.2|scorm-2004|cmi5|all [--format …]
//! [--locale L]... [--out FILE.zip|DIR/|PATTERN]`: writes one article as training packages for
//! an LMS, one zip per format, from one load, check and render of the project.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::diag;
use crate::package::{self, Format};

#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The article to package (its id: the file name in `content/articles/` without `.toml`).
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    /// The package format; repeat it for several zips from one build (`all`: the three).
    #[arg(long = "format", value_enum, required = true, value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Include this locale (repeatable) [default: every locale the article is translated into].
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
    /// Where to write: a zip file (one format), a directory (an existing one, or a path
    /// ending in `/`) that gets `<article>-<format>.zip`, or a pattern with `{format}` (and
    /// `{article}`) (default: `ROOT/<article>-<format>.zip`).
    #[arg(long, value_name = "FILE.zip|DIR/|PATTERN")]
    pub out: Option<PathBuf>,
}

/// A `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    #[value(name = "scorm-1.2")]
    Scorm12,
    #[value(name = "scorm-2004")]
    Scorm2004,
    #[value(name = "cmi5")]
    Cmi5,
    /// SCORM 1.2, SCORM 2004 and cmi5.
    #[value(name = "all")]
    All,
}

/// The formats asked for, each once, in the order first asked for (`all` in its own order).
pub fn formats(args: &[FormatArg]) -> Vec<Format> {
    let mut formats = Vec::new();
    for arg in args {
        let more: &[Format] = match arg {
            FormatArg::Scorm12 => &[Format::Scorm12],
            FormatArg::Scorm2004 => &[Format::Scorm2004],
            FormatArg::Cmi5 => &[Format::Cmi5],
            FormatArg::All => &Format::ALL,
        };
        for format in more {
            if !formats.contains(format) {
                formats.push(*format);
            }
        }
    }
    formats
}

/// Where each format's zip goes (see `--out`). `Err` (a usage error) for one file name and
/// several formats.
pub fn out_paths(
    root: &Path,
    article: &str,
    out: Option<&Path>,
    formats: &[Format],
) -> anyhow::Result<Vec<PathBuf>> {
    let file_name = |format: Format| format!("{article}-{}.zip", format.name());
    let Some(out) = out else {
        return Ok(formats.iter().map(|&f| root.join(file_name(f))).collect());
    };
    let text = out.to_string_lossy();
    if text.contains("{format}") {
        return Ok(formats
            .iter()
            .map(|f| {
                PathBuf::from(text.replace("{format}", f.name()).replace("{article}", article))
            })
            .collect());
    }
    if text.ends_with(std::path::MAIN_SEPARATOR) || text.ends_with('/') || out.is_dir() {
        return Ok(formats.iter().map(|&f| out.join(file_name(f))).collect());
    }
    match formats {
        [_] => Ok(vec![out.to_path_buf()]),
        _ => anyhow::bail!(
            "`--out {}` names one file for {} formats: give a directory (ending in `/`) or a pattern with `{{format}}`",
            out.display(),
            formats.len()
        ),
    }
}

pub fn run(root: &Path, args: &PackageArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let formats = formats(&args.formats);
    let outs = out_paths(root, &args.article, args.out.as_deref(), &formats)?;
    let (built, diags) = package::build_formats(root, &args.article, &formats, &args.locales)?;
    if !diags.is_empty() {
        eprint!("{}", diag::render_report(&diags));
    }
    let Some(built) = built else {
        eprintln!("error: no package written");
        let io = diags.iter().any(|d| d.is_error() && d.code == "io");
        return Ok(ExitCode::from(if io { 2 } else { 1 }));
    };
    // A directory named with a trailing `/` is made; a missing parent of a file is not.
    if let Some(dir) = args.out.as_ref().filter(|o| {
        let text = o.to_string_lossy();
        text.ends_with('/') && !text.contains("{format}")
    }) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("failed to create `{}`", dir.display()))?;
    }
    for (package, out) in built.iter().zip(&outs) {
        crate::paths::write_atomic(out, &package.zip)
            .with_context(|| format!("failed to write `{}`", out.display()))?;
        eprintln!(
            "packaged `{}` as {} ({}; {} files, {:.1} KiB) into {}",
            args.article,
            package.format.name(),
            package.locales.join(", "),
            package.files.len(),
            package.zip.len() as f64 / 1024.0,
            out.display(),
        );
    }
    let count = built.len();
    let plural = if count == 1 { "" } else { "s" };
    eprintln!("{count} package{plural} in {} ms", started.elapsed().as_millis());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_the_three_formats_and_each_format_comes_once() {
        assert_eq!(formats(&[FormatArg::All]), Format::ALL.to_vec());
        assert_eq!(
            formats(&[FormatArg::Cmi5, FormatArg::All, FormatArg::Cmi5]),
            vec![Format::Cmi5, Format::Scorm12, Format::Scorm2004]
        );
    }

    #[test]
    fn out_names_a_file_a_directory_or_a_pattern() {
        let root = Path::new("/r");
        let two = [Format::Scorm12, Format::Cmi5];
        assert_eq!(
            out_paths(root, "a", None, &two).unwrap(),
            vec![PathBuf::from("/r/a-scorm-1.2.zip"), PathBuf::from("/r/a-cmi5.zip")]
        );
        assert_eq!(
            out_paths(root, "a", Some(Path::new("out/")), &two).unwrap(),
            vec![PathBuf::from("out/a-scorm-1.2.zip"), PathBuf::from("out/a-cmi5.zip")]
        );
        assert_eq!(
            out_paths(root, "a", Some(Path::new("p/{article}.{format}.zip")), &two).unwrap(),
            vec![PathBuf::from("p/a.scorm-1.2.zip"), PathBuf::from("p/a.cmi5.zip")]
        );
        assert_eq!(
            out_paths(root, "a", Some(Path::new("x.zip")), &[Format::Cmi5]).unwrap(),
            vec![PathBuf::from("x.zip")]
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            out_paths(root, "a", Some(dir.path()), &[Format::Cmi5]).unwrap(),
            vec![dir.path().join("a-cmi5.zip")]
        );
        let error = out_paths(root, "a", Some(Path::new("x.zip")), &two).unwrap_err();
        assert!(error.to_string().contains("{format}"), "{error}");
    }
}
