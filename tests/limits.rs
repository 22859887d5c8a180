//! Limits and sanitizing through the real binary (issue 34): nesting too deep is a positioned
//! error in every command instead of a stack overflow, a long Markdown run stays small in
//! memory, and no invisible character reaches any output of a build.

mod support;

use std::path::Path;

use support::{drillbook, edit, shipped_project};

/// Appends `text` to `dir/path`; returns the 1-based line it starts on.
fn append(dir: &Path, path: &str, text: &str) -> usize {
    let file = dir.join(path);
    let mut source = std::fs::read_to_string(&file).unwrap();
    if !source.ends_with('\n') {
        source.push('\n');
    }
    let line = source.lines().count() + 1;
    source.push_str(text);
    std::fs::write(&file, source).unwrap();
    line
}

#[test]
fn nesting_too_deep_is_a_positioned_error_in_every_command() {
    let dir = shipped_project();
    let n = 3_000;
    let ui = "locales/de-DE/ui.ftl";
    let line = append(dir.path(), ui, &format!("deep = {}$x{}\n", "{ ".repeat(n), " }".repeat(n)));
    let article = "locales/de-DE/remove-a-relationship.ftl";
    let calls = format!("calls = {{ {}$x{} }}\n", "NUMBER(".repeat(n), ")".repeat(n));
    let select = format!("select = {}$x{}\n", "{ $n ->\n *[x] ".repeat(n), "\n}".repeat(n));
    let calls_line = append(dir.path(), article, &format!("{calls}{select}"));
    // At the brace or parenthesis one level past the limit of 32 (the placeable is a level).
    let deep_at = format!("{ui}:{line}:{}: error[nesting-too-deep]", "deep = ".len() + 2 * 32 + 1);
    let calls_at = format!(
        "{article}:{calls_line}:{}: error[nesting-too-deep]",
        "calls = { ".len() + "NUMBER(".len() * 32
    );

    let check = drillbook(dir.path(), &["check"]);
    let output = format!("{}{}", check.stdout, check.stderr);
    assert_eq!(check.code, 1, "{output}");
    assert!(output.contains(&deep_at), "{deep_at} not in {output}");
    assert!(output.contains(&calls_at), "{calls_at} not in {output}");
    assert_eq!(output.matches("error[nesting-too-deep]").count(), 3, "{output}");

    let out = dir.path().join("out");
    let build = drillbook(dir.path(), &["build", "--no-search", "--out", out.to_str().unwrap()]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(build.stderr.contains(&deep_at), "{}", build.stderr);
    for args in
        [&["l10n", "status"][..], &["l10n", "accept", "de-DE", "remove-a-relationship/intro"]]
    {
        let run = drillbook(dir.path(), args);
        assert!(matches!(run.code, 0 | 1), "{args:?}: exit {}: {}", run.code, run.stderr);
    }
}

/// Runs the binary with `args` in `dir`; its exit code, peak resident memory in KiB (from
/// `wait4`, exact for this child) and output.
#[cfg(target_os = "linux")]
fn run_measured(dir: &Path, args: &[&str]) -> (i32, u64, String) {
    let run = support::run::drillbook(dir, args, std::time::Duration::from_secs(120));
    assert!(!run.timed_out && run.signal.is_none(), "{args:?}: {}", run.describe());
    (run.code.unwrap_or(-1), run.peak_bytes / 1024, format!("{}{}", run.stdout, run.stderr))
}

/// An 80 KB run of `*` in one message cost 1.76 GB in `check` and 0.85 GB in `build`
/// (nested bold spans, each keeping its text): now the text skips the Markdown parser, is
/// shown as written, and `check` names it.
#[cfg(target_os = "linux")]
#[test]
fn an_80_kb_markdown_run_stays_under_100_mb() {
    let dir = shipped_project();
    let run = "*".repeat(40_000);
    let article = "locales/de-DE/remove-a-relationship.ftl";
    let title = "article-title = Entfernen der Resellerbeziehung mit einem Kunden";
    edit(dir.path(), article, title, &format!("article-title = {run}a{run}"));

    let (code, peak_kib, output) = run_measured(dir.path(), &["check"]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains(&format!("{article}:9:1: error[markup-too-long]")), "{output}");
    assert!(peak_kib > 1_000 && peak_kib < 100 * 1024, "check peaked at {peak_kib} KiB");

    let out = dir.path().join("out");
    let (code, peak_kib, output) =
        run_measured(dir.path(), &["build", "--no-search", "--out", out.to_str().unwrap()]);
    assert!(matches!(code, 0 | 1), "{output}");
    assert!(peak_kib > 1_000 && peak_kib < 100 * 1024, "build peaked at {peak_kib} KiB");
    if code == 0 {
        let page = std::fs::read_to_string(out.join("de-DE/remove-a-relationship/index.html"));
        assert!(page.unwrap().contains(&format!("{run}a{run}")));
    }
}

/// `check` and `l10n status` stream the translated locales as a build does (each locale's
/// article files read, checked and dropped before the next), so checking every locale peaks
/// about where checking two does; loading them all at once made the peak grow with each
/// locale. Each locale's article here holds 40,000 reviewed messages of its own text.
/// `check --fix` weighs its fixes a locale at a time, and stays within the same bound.
#[cfg(target_os = "linux")]
#[test]
fn checking_more_locales_does_not_raise_the_peak_memory() {
    let dir = shipped_project();
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let bulk: String = (0..40_000)
            .map(|i| {
                format!(
                    "extra-{i} = {locale}: Satz {i} mit einigen Wörtern, damit die Datei wächst.\n"
                )
            })
            .collect();
        append(dir.path(), &format!("locales/{locale}/remove-a-relationship.ftl"), &bulk);
    }
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let out = drillbook(dir.path(), &["l10n", "accept", locale]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let (code, two, output) =
        run_measured(dir.path(), &["check", "--locale", "de-DE", "--locale", "nl-NL"]);
    assert_eq!(code, 0, "{output}");
    for args in [&["check"][..], &["l10n", "status"], &["check", "--fix"]] {
        let (code, all, output) = run_measured(dir.path(), args);
        assert_eq!(code, 0, "{args:?}: {output}");
        assert!(
            all * 4 < two * 5,
            "{args:?} peaked at {all} KiB, checking two locales at {two} KiB"
        );
    }
}

/// Bidi controls and zero-width characters passed `build --strict` into the simulator's JSON
/// (issue 34). Each is now reported by `check` (and `build`) where it is written, and no
/// rendered output has one: pages, the simulator's and the checklist's JSON, `checklist.md`.
#[test]
fn invisible_characters_reach_no_output_and_check_names_each() {
    // Noncharacters too: never text, and U+FFFE and U+FFFF not even XML.
    let hidden = [
        '\u{202E}',
        '\u{2066}',
        '\u{2069}',
        '\u{200B}',
        '\u{200F}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{FDD0}',
        '\u{10FFFF}',
    ];
    let marks: String = hidden.iter().collect();
    let dir = shipped_project();
    let edits = [
        ("locales/de-DE/sim.ftl", "sim-title = Üben"),
        ("locales/de-DE/ui.ftl", "-ui-customers = Kunden"),
        ("locales/de-DE/checklist.ftl", "checklist-status-completed = Abgeschlossen"),
        ("locales/de-DE/checklist.ftl", "checklist-progress = { $done } von"),
        ("locales/de-DE/remove-a-relationship.ftl", "article-title = Entfernen"),
    ];
    for (path, line) in edits {
        edit(dir.path(), path, line, &format!("{line}{marks}"));
    }
    // The same characters as Markdown character references, which the parser decodes.
    let references = "&#x202E;&rlm;&#8206;&zwj;&#xFEFF;&#xFFFE;&#x10FFFF;";
    let heading = "heading = Entfernen";
    edit(
        dir.path(),
        "locales/de-DE/remove-a-relationship.ftl",
        heading,
        &format!("{heading} {references}"),
    );

    let check = drillbook(dir.path(), &["check"]);
    let output = format!("{}{}", check.stdout, check.stderr);
    assert_eq!(check.code, 1, "{output}");
    for (path, line) in edits {
        let source = std::fs::read_to_string(dir.path().join(path)).unwrap();
        let number = source.lines().position(|l| l.starts_with(line)).unwrap() + 1;
        for (i, c) in hidden.iter().enumerate() {
            let col = line.chars().count() + i + 1;
            let at = format!("{path}:{number}:{col}: error[unsafe-text]: U+{:04X}", *c as u32);
            assert!(output.contains(&at), "{at} not in {output}");
        }
    }

    for reference in ["&#x202E;", "&rlm;", "&#8206;", "&zwj;", "&#xFEFF;", "&#xFFFE;", "&#x10FFFF;"]
    {
        let named = format!("`heading` has `{reference}`, a character reference to U+");
        assert!(output.contains(&named), "{named} not in {output}");
    }

    // `build` fails on what `check` fails on (issue 29), and writes nothing.
    let out = dir.path().join("out");
    let build = drillbook(
        dir.path(),
        &["build", "--strict", "--no-search", "--out", out.to_str().unwrap()],
    );
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(build.stderr.contains("error[unsafe-text]"), "{}", build.stderr);
    assert!(!out.exists());
    // What the renderer would write anyway has none of them.
    let (loaded, diags) = drillbook::build::load(dir.path(), &[]);
    let (site, l10n) = loaded.unwrap_or_else(|| panic!("{diags:?}"));
    let options = drillbook::render::Options::default();
    let files = drillbook::render::render_to_memory(&site, &l10n, &options).0;
    let page = &files["de-DE/remove-a-relationship/index.html"];
    assert!(String::from_utf8_lossy(page).contains("drillbook-sim-data"));
    assert!(files.keys().any(|f| f.starts_with("de-DE/") && f.ends_with("checklist.md")));
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let found: Vec<String> = text
            .chars()
            .filter(|c| hidden.contains(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        assert!(found.is_empty(), "{name} has {found:?}");
    }
}
