//! The project files the importer reads and writes, held in memory, and the text edits that
//! keep hand-written files intact: replacing one FTL message in place, setting one
//! `[translations.<locale>]` table of an article.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::content::TranslationKind;
use crate::import::ftl_write::{Elem, write_message};
use crate::l10n::lock::LOCK_FILE;
use crate::l10n::reviewed::REVIEWED_FILE;

/// Project files by `/`-separated path relative to the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workspace {
    pub files: BTreeMap<String, String>,
    original: BTreeMap<String, String>,
}

impl Workspace {
    pub fn new(files: BTreeMap<String, String>) -> Workspace {
        Workspace { original: files.clone(), files }
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    pub fn set(&mut self, path: &str, contents: String) {
        self.files.insert(path.to_string(), contents);
    }

    /// A file as it was loaded.
    pub fn original(&self, path: &str) -> Option<&str> {
        self.original.get(path).map(String::as_str)
    }

    /// Forgets every change: the files are what was loaded.
    pub fn discard_changes(&mut self) {
        self.files = self.original.clone();
    }

    /// Paths whose contents differ from what was loaded, sorted.
    pub fn changed(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|(p, c)| self.original.get(*p) != Some(c))
            .map(|(p, _)| p.as_str())
            .collect()
    }
}

/// Reads `content/site.toml`, `content/articles/*.toml`, `locales/*/*.ftl` and the lock files.
pub fn load_workspace(root: &Path) -> std::io::Result<Workspace> {
    let mut files = BTreeMap::new();
    let mut read_dir = |dir: &str, keep: &dyn Fn(&str) -> bool| -> std::io::Result<()> {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            return Ok(());
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type()?.is_file() && keep(&name) {
                files.insert(format!("{dir}/{name}"), read_utf8(&entry.path())?);
            }
        }
        Ok(())
    };
    read_dir("content", &|n| n == "site.toml")?;
    read_dir("content/articles", &|n| n.ends_with(".toml"))?;
    if let Ok(entries) = std::fs::read_dir(root.join("locales")) {
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                let dir = format!("locales/{}", entry.file_name().to_string_lossy());
                read_dir(&dir, &|n| n.ends_with(".ftl") || n == LOCK_FILE || n == REVIEWED_FILE)?;
            }
        }
    }
    Ok(Workspace::new(files))
}

/// Writes the changed files; returns their paths.
///
/// All or nothing as far as the filesystem allows: every file is first written in full to a
/// temporary file beside its target and flushed to disk; only when all are staged are they
/// renamed over their targets, one by one. A failure while staging writes nothing (the
/// temporary files and any folders made for them are removed). Each target is at every
/// instant either its old or its new contents, never a part; a kill during the renames can
/// leave some targets old and some new, and a kill leaves at most some `.drillbook-*.tmp`
/// files behind.
pub fn write_workspace(root: &Path, ws: &Workspace) -> std::io::Result<Vec<String>> {
    let changed = ws.changed();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut made_dirs: Vec<PathBuf> = Vec::new();
    let staging = (|| {
        for path in &changed {
            let full = root.join(path);
            if let Some(parent) = full.parent() {
                let mut missing: Vec<PathBuf> =
                    parent.ancestors().take_while(|d| !d.exists()).map(Path::to_path_buf).collect();
                std::fs::create_dir_all(parent)?;
                missing.reverse();
                made_dirs.extend(missing);
            }
            let tmp = temp_path(&full);
            staged.push((tmp.clone(), full));
            write_synced(&tmp, ws.files[*path].as_bytes())?;
        }
        Ok(())
    })();
    if let Err(err) = staging {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        for dir in made_dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        return Err(err);
    }
    for (n, (tmp, full)) in staged.iter().enumerate() {
        if let Err(err) = std::fs::rename(tmp, full) {
            for (tmp, _) in &staged[n..] {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(err);
        }
    }
    // Make the renames durable too (best effort: not every filesystem syncs folders).
    let mut dirs: Vec<&Path> = staged.iter().filter_map(|(_, full)| full.parent()).collect();
    dirs.sort_unstable();
    dirs.dedup();
    for dir in dirs {
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(changed.into_iter().map(str::to_string).collect())
}

/// A temporary file name beside `path`, unique to this process and call.
/// A project file as UTF-8 text, read only if it is a regular file (a FIFO must not hang the
/// import); a file that is not UTF-8 is an error naming it.
fn read_utf8(path: &Path) -> std::io::Result<String> {
    let bytes = crate::paths::read_regular_file(path)?;
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("`{}` is not valid UTF-8", path.display()),
        )
    })
}

fn temp_path(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.drillbook-{}-{n}.tmp", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Replaces the values of existing messages in place (keeping everything else byte for byte)
/// and appends the others, in the given order. A new file starts with `header`.
pub fn patch_ftl(source: Option<&str>, updates: &[(String, Vec<Elem>)], header: &str) -> String {
    let src = source.unwrap_or("");
    if src.trim().is_empty() {
        let mut out = header.to_string();
        for (id, pattern) in updates {
            out.push_str(&write_message(id, pattern));
        }
        return out;
    }
    let resource = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let base = src.as_ptr() as usize;
    let mut ranges: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let start = (m.id.name.as_ptr() as usize).wrapping_sub(base);
            if start < src.len() && src.is_char_boundary(start) {
                ranges.entry(m.id.name).or_insert((start, message_end(src, start)));
            }
        }
    }
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut append = String::new();
    for (id, pattern) in updates {
        match ranges.get(id.as_str()) {
            Some(&(start, end)) => replace.push((start, end, write_message(id, pattern))),
            None => append.push_str(&write_message(id, pattern)),
        }
    }
    replace.sort_by_key(|r| r.0);
    let mut out = String::with_capacity(src.len() + append.len());
    let mut at = 0;
    for (start, end, text) in replace {
        if start < at {
            continue;
        }
        out.push_str(&src[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&src[at..]);
    if !append.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&append);
    }
    out
}

/// End of the message starting at `start`: after its last indented line, blank lines excluded.
fn message_end(src: &str, start: usize) -> usize {
    let mut end = src[start..].find('\n').map_or(src.len(), |p| start + p + 1);
    let mut at = end;
    while at < src.len() {
        let line_end = src[at..].find('\n').map_or(src.len(), |p| at + p + 1);
        let line = &src[at..line_end];
        if line.trim().is_empty() {
            at = line_end;
            continue;
        }
        if line.starts_with(' ') {
            end = line_end;
            at = line_end;
            continue;
        }
        break;
    }
    end
}

/// Sets `[translations.<locale>]` in an article's TOML text, in place when present.
pub fn set_translation(
    src: &str,
    locale: &str,
    kind: TranslationKind,
    revision: Option<&str>,
) -> String {
    let kind = match kind {
        TranslationKind::Machine => "machine",
        TranslationKind::Human => "human",
    };
    let mut table = format!("[translations.{locale}]\nkind = \"{kind}\"\n");
    if let Some(rev) = revision.filter(|r| r.chars().all(|c| c.is_ascii_alphanumeric())) {
        table.push_str(&format!("source-revision = \"{rev}\"\n"));
    }
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    // A `[translations]` table with one inline table per locale (as hand-written articles
    // have it): replace or add this locale's line inside it.
    if let Some(t) = lines.iter().position(|l| l.trim() == "[translations]") {
        let mut inline = format!("{locale} = {{ kind = \"{kind}\"");
        if let Some(rev) = revision.filter(|r| r.chars().all(|c| c.is_ascii_alphanumeric())) {
            inline.push_str(&format!(", source-revision = \"{rev}\""));
        }
        inline.push_str(" }\n");
        let mut end = t + 1;
        while end < lines.len() && !lines[end].trim_start().starts_with('[') {
            end += 1;
        }
        let is_locale_key = |l: &str| {
            l.split_once('=').is_some_and(|(k, _)| {
                let k = k.trim();
                k == locale || k.trim_matches('"') == locale
            })
        };
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        match (t + 1..end).find(|&i| is_locale_key(lines[i])) {
            Some(i) => out[i] = inline,
            None => {
                let mut last = end;
                while last > t + 1 && lines[last - 1].trim().is_empty() {
                    last -= 1;
                }
                out.insert(last, inline);
            }
        }
        return out.concat();
    }
    let headers = [format!("[translations.{locale}]"), format!("[translations.\"{locale}\"]")];
    let found = lines.iter().position(|l| headers.iter().any(|h| l.trim() == h));
    match found {
        Some(i) => {
            let mut end = i + 1;
            while end < lines.len() && !lines[end].trim_start().starts_with('[') {
                end += 1;
            }
            while end > i + 1 && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            let mut out: String = lines[..i].concat();
            out.push_str(&table);
            out.push_str(&lines[end..].concat());
            out
        }
        None => {
            let mut out = src.to_string();
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
            out.push_str(&table);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_ftl_replaces_in_place_and_appends() {
        let src = "# c\n\n## G\na = old\nb =\n    multi\n    line\n\nc = keep\n";
        let updates = vec![
            ("b".to_string(), vec![Elem::Text("new".into())]),
            ("d".to_string(), vec![Elem::Text("added".into())]),
        ];
        let out = patch_ftl(Some(src), &updates, "# h\n");
        assert_eq!(out, "# c\n\n## G\na = old\nb = new\n\nc = keep\nd = added\n");
        assert_eq!(patch_ftl(Some(&out), &updates, "# h\n"), out);
        assert_eq!(patch_ftl(None, &updates, "# h\n"), "# h\nb = new\nd = added\n");
    }

    #[test]
    fn set_translation_updates_a_translations_table_of_inline_tables() {
        let src = "title = \"t\"\n\n[translations]\nde-DE = { kind = \"human\" }\nnl-NL = { kind = \"machine\" }\n\n[[body]]\nparagraph = \"p\"\n";
        let out = set_translation(src, "de-DE", TranslationKind::Machine, Some("abc"));
        assert_eq!(
            out,
            src.replace(
                "de-DE = { kind = \"human\" }",
                "de-DE = { kind = \"machine\", source-revision = \"abc\" }"
            )
        );
        let added = set_translation(&out, "ru-RU", TranslationKind::Human, None);
        assert!(
            added.contains(
                "nl-NL = { kind = \"machine\" }\nru-RU = { kind = \"human\" }\n\n[[body]]"
            ),
            "{added}"
        );
        assert_eq!(set_translation(&added, "ru-RU", TranslationKind::Human, None), added);
        let (article, diags) = crate::content::parse_article(
            "x",
            "x.toml",
            &format!("description = \"d\"\ntopic = \"t\"\n{added}"),
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(article.expect("loads").translations.len(), 3);
    }

    #[test]
    fn set_translation_is_in_place_and_idempotent() {
        let src = "title = \"t\"\n\n[[body]]\nparagraph = \"p\"\n";
        let once = set_translation(src, "de-DE", TranslationKind::Machine, Some("abc"));
        assert_eq!(
            once,
            format!("{src}\n[translations.de-DE]\nkind = \"machine\"\nsource-revision = \"abc\"\n")
        );
        let twice = set_translation(&once, "nl-NL", TranslationKind::Human, None);
        let again = set_translation(&twice, "de-DE", TranslationKind::Machine, Some("abc"));
        assert_eq!(again, twice);
    }
}
