//! `drillbook import docfx <file-or-dir>...`: reads the files, runs the importer on the
//! project, writes what changed and prints a per-file report and the diagnostics.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use crate::import::{Input, Options, Report, import_docfx, load_workspace, write_workspace};
use crate::paths::rel_path;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub format: ImportFormat,
}

#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// Import DocFX Markdown files (side-by-side localized, or plain with a side-by-side twin).
    Docfx(DocfxArgs),
}

#[derive(Debug, Args)]
pub struct DocfxArgs {
    /// Files or directories (searched recursively for `*.md`).
    #[arg(required = true, value_name = "FILE-OR-DIR")]
    pub paths: Vec<PathBuf>,
    /// Topic of newly created articles (`topic-<id>` in `site.ftl`).
    #[arg(long, default_value = "customers", value_name = "ID")]
    pub topic: String,
    /// Keep the translations a locale already has (hand-corrected ones, say) and their lock
    /// entries; only add missing messages. By default import replaces them with the file's.
    #[arg(long)]
    pub keep_existing: bool,
    /// Report what would change without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(root: &Path, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let ImportFormat::Docfx(args) = &args.format;
    let mut files = Vec::new();
    for path in &args.paths {
        collect(path, &mut files)
            .with_context(|| format!("failed to read `{}`", path.display()))?;
    }
    let mut inputs = Vec::new();
    for file in files {
        let source =
            // Only regular files: a FIFO or device named by mistake must not hang the import.
            crate::paths::read_regular_file(&file)
                .with_context(|| format!("failed to read `{}`", file.display()))?;
        let source = String::from_utf8_lossy(&source).into_owned();
        inputs.push(Input { path: display(&file), source });
    }
    let mut ws = load_workspace(root)
        .with_context(|| format!("failed to read the project in `{}`", root.display()))?;
    let report = import_docfx(
        &mut ws,
        &inputs,
        &Options { topic: args.topic.clone(), keep_existing: args.keep_existing },
    );
    print!("{}", render_report(&report));
    let written = if args.dry_run {
        ws.changed().into_iter().map(str::to_string).collect()
    } else {
        write_workspace(root, &ws)
            .with_context(|| format!("failed to write into `{}`", root.display()))?
    };
    let verb = if args.dry_run { "would write" } else { "wrote" };
    for path in &written {
        println!("{verb} {path}");
    }
    eprint!("{}", crate::diag::render_all(&report.diags));
    let failed = report.diags.iter().any(crate::diag::Diagnostic::is_error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Recursively collects `*.md` files, sorted by path (the walk order is the filesystem's).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "md") {
                collect(&entry, out)?;
            }
        }
    } else {
        std::fs::metadata(path)?;
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    if path.is_absolute() && !path.starts_with(&cwd) {
        return path.to_string_lossy().into_owned();
    }
    rel_path(&cwd, path)
}

/// One line per file, then totals per locale.
pub fn render_report(report: &Report) -> String {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    let mut out = String::new();
    for path in &report.created {
        let _ = writeln!(out, "created {path}");
    }
    let mut totals: BTreeMap<&str, [usize; 7]> = BTreeMap::new();
    for f in &report.files {
        match &f.skipped {
            Some(why) => {
                let _ = writeln!(out, "{} {}: skipped: {why}", f.locale, f.path);
            }
            None => {
                let _ = writeln!(
                    out,
                    "{} {}: {} segments, {} imported; {} messages aligned, {} stale, {} unaligned, {} kept; {} label mismatches",
                    f.locale,
                    f.article,
                    f.segments,
                    f.imported,
                    f.aligned,
                    f.stale,
                    f.unaligned,
                    f.kept,
                    f.label_mismatches
                );
                let t = totals.entry(&f.locale).or_default();
                for (slot, n) in t.iter_mut().zip([
                    1,
                    f.segments,
                    f.imported,
                    f.aligned,
                    f.stale,
                    f.unaligned,
                    f.label_mismatches,
                ]) {
                    *slot += n;
                }
            }
        }
    }
    for (locale, [files, segments, imported, aligned, stale, unaligned, labels]) in totals {
        let _ = writeln!(
            out,
            "total {locale}: {files} files, {segments} segments, {imported} imported; {aligned} aligned, {stale} stale, {unaligned} unaligned; {labels} label mismatches"
        );
    }
    out
}
