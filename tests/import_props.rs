//! The importer never panics: arbitrary bytes, and real corpus files with random edits.

mod support;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use drillbook::import::docfx::parse_docfx;
use drillbook::import::map::{Terms, map_docfx};
use drillbook::import::{Input, Options, Workspace, import_docfx, load_workspace};
use proptest::prelude::*;

fn project() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| load_workspace(&support::repo()).expect("load"))
}

fn corpus_files() -> &'static Vec<Input> {
    static FILES: OnceLock<Vec<Input>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut files = support::import::inputs(&support::import::corpus().join("docfx"));
        files.extend(support::import::inputs(&support::import::corpus().join("seeds")));
        files
    })
}

/// Random edits on a file's bytes: deletions, insertions of DocFX-ish fragments, truncation.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, &'static str),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let fragments = prop::sample::select(vec![
        "<span data-ttu-id=\"x-1\">",
        "</span>",
        "<span class=\"sxs-lookup\">",
        "<span data-stu-id=\"y-2\">",
        "\n",
        "\n\n",
        "> [!NOTE]\n",
        "1. ",
        "   a. ",
        "|",
        "| --- |\n",
        "**",
        "{",
        "}",
        "```",
        ":::image source=\"",
        "<br>",
        "---\n",
        "# ",
        "<a name=\"",
        "\u{0430}.",
        "](",
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), fragments).prop_map(|(a, f)| Edit::Insert(a, f)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Insert(at, text) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, text.bytes());
            }
            Edit::Truncate(at) => bytes.truncate(at % len),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn terms() -> Terms {
    let en: BTreeMap<String, String> =
        [("ui-customers", "Customers"), ("role-global-admin", "Global admin")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    Terms { english: en.clone(), locale: en }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let (doc, _) = parse_docfx("f.md", &source);
        let _ = map_docfx(&doc, "f.md", &source, &terms(), "de-DE");
        let mut ws = project().clone();
        let _ = import_docfx(&mut ws, &[Input { path: "x/a.md".into(), source }], &Options::default());
    }

    #[test]
    fn docfx_like_text_never_panics(source in "(---\nms.contentlocale: de-DE\n---\n)?([-*>|#:\\[\\]() 1.a\n]|<span data-ttu-id=\"a\">|</span>|<span class=\"sxs-lookup\"><span data-stu-id=\"a\">|\\*\\*|[a-zа-я{}]){0,120}") {
        let mut ws = project().clone();
        let report = import_docfx(&mut ws, &[Input { path: "x/new-article.md".into(), source }], &Options::default());
        // Whatever was written must load.
        for path in ws.changed() {
            if let Some(id) = path.strip_prefix("content/articles/").and_then(|p| p.strip_suffix(".toml")) {
                let (_, diags) = drillbook::content::parse_article(id, path, &ws.files[path]);
                prop_assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}\n{}", ws.files[path]);
            }
            if path.ends_with(".ftl") {
                let (_, diags) = drillbook::l10n::parse_ftl(path, ws.files[path].clone());
                prop_assert!(diags.is_empty(), "{diags:?}\n{}", ws.files[path]);
            }
        }
        let _ = report;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_files_never_panic_and_write_valid_files(pick in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..12)) {
        let original = pick.get(corpus_files());
        let source = apply(&original.source, &edits);
        let mut ws = project().clone();
        let _ = import_docfx(&mut ws, &[Input { path: original.path.clone(), source }], &Options::default());
        for path in ws.changed() {
            if path.ends_with(".ftl") {
                let (_, diags) = drillbook::l10n::parse_ftl(path, ws.files[path].clone());
                prop_assert!(diags.is_empty(), "{diags:?}");
            }
            if let Some(id) = path.strip_prefix("content/articles/").and_then(|p| p.strip_suffix(".toml")) {
                let (_, diags) = drillbook::content::parse_article(id, path, &ws.files[path]);
                prop_assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
            }
        }
    }
}

/// Peak resident memory of this test process so far, in KiB (Linux), or 0.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

/// The 1-based line and column of byte `at` in `source` (ASCII before it).
fn line_col(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    (line, at - before.rfind('\n').map_or(0, |p| p + 1) + 1)
}

fn nesting_errors(diags: &[drillbook::diag::Diagnostic]) -> Vec<(usize, usize)> {
    diags
        .iter()
        .filter(|d| d.code == "nesting-too-deep")
        .map(|d| d.pos.as_ref().map_or((0, 0), |p| (p.line, p.col)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every block-quote or list marker opens one more level; past the limit the parser stops
    /// with one error at the first marker too deep, and the file is not imported.
    #[test]
    fn block_nesting_beyond_the_limit_is_a_positioned_error(
        markers in prop::collection::vec(prop::sample::select(vec!["> ", ">", "- ", "* ", "+ ", "1. ", "2) "]), 0..40),
    ) {
        use drillbook::import::docfx::MAX_BLOCK_DEPTH;
        let body = format!("{}{}", markers.concat(), support::import::sxs("b-1", "Hallo", "Hello"));
        let source = support::import::docfx_file(&body);
        let (doc, diags) = parse_docfx("f.md", &source);
        let deep = markers.len() > MAX_BLOCK_DEPTH;
        prop_assert_eq!(doc.too_deep, deep);
        if deep {
            let at = source.find(&body).expect("body") + markers[..MAX_BLOCK_DEPTH].concat().len();
            prop_assert_eq!(nesting_errors(&diags), vec![line_col(&source, at)]);
            let mut ws = project().clone();
            let report = import_docfx(&mut ws, &[Input { path: "x/deep.md".into(), source }], &Options::default());
            prop_assert!(ws.changed().is_empty(), "{:?}", ws.changed());
            prop_assert!(report.files.iter().all(|f| f.skipped.is_some()));
        } else {
            prop_assert_eq!(nesting_errors(&diags), vec![]);
        }
    }

    /// `<span>` tags nested in a block's text (inside a side-by-side group or not).
    #[test]
    fn span_nesting_beyond_the_limit_is_a_positioned_error(depth in 0usize..40, in_group: bool, tag in prop::sample::select(vec!["<span>", "<span data-ttu-id=\"n\">", "<span class=\"x\">"])) {
        use drillbook::import::docfx::MAX_SPAN_DEPTH;
        let inner = format!("{}x{}", tag.repeat(depth), "</span>".repeat(depth));
        let body = if in_group { support::import::sxs("g-1", &inner, "Hello") } else { inner };
        let source = support::import::docfx_file(&body);
        let (doc, diags) = parse_docfx("f.md", &source);
        let total = depth + usize::from(in_group);
        prop_assert_eq!(doc.too_deep, total > MAX_SPAN_DEPTH);
        if total > MAX_SPAN_DEPTH {
            let start = source.find(&body).expect("body");
            let at = start + body.match_indices("<span").nth(MAX_SPAN_DEPTH).expect("deep").0;
            prop_assert_eq!(nesting_errors(&diags), vec![line_col(&source, at)]);
        } else {
            prop_assert_eq!(nesting_errors(&diags), vec![]);
        }
    }
}

/// Runs that made the importer quadratic in time or memory, or recurse without bound.
fn run_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "*",
        "_",
        "**a",
        "*\n",
        "> ",
        "- ",
        "1. ",
        "   ",
        "[",
        "](",
        "](x)\n",
        "\n",
        "\n\n",
        "{",
        "|",
        "| a ",
        "#",
        "`",
        "<br>",
        ":::image ",
        "<span data-ttu-id=\"x\">",
        "</span>",
        "<span class=\"sxs-lookup\">",
        "<span data-stu-id=\"x\">",
        "<span>",
        "\"",
        "a.\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A long run of one piece (alone, as a segment's text, or after a list marker) is parsed,
    /// mapped and imported in bounded time and memory, and what is written loads.
    #[test]
    fn long_runs_are_imported_in_bounded_time_and_memory(piece in run_piece(), bytes in 20_000usize..100_000, place in 0..3u8) {
        let run = piece.repeat(bytes / piece.len());
        let body = match place {
            0 => run,
            1 => support::import::sxs("r-1", &run, &run),
            _ => format!("- {}\n- {run}", support::import::sxs("r-1", "Hallo", "Hello")),
        };
        let source = support::import::docfx_file(&body);
        let start = std::time::Instant::now();
        let mut ws = project().clone();
        let _ = import_docfx(&mut ws, &[Input { path: "x/long-run.md".into(), source }], &Options::default());
        let elapsed = start.elapsed();
        // Linear work on 100 KB takes well under a second; a quadratic pass takes minutes.
        prop_assert!(elapsed < std::time::Duration::from_secs(30), "{piece:?} x {bytes}: {elapsed:?}");
        prop_assert!(peak_rss_kib() < 1 << 20, "{piece:?} x {bytes}: peak {} KiB", peak_rss_kib());
        for path in ws.changed() {
            if let Some(id) = path.strip_prefix("content/articles/").and_then(|p| p.strip_suffix(".toml")) {
                let (_, diags) = drillbook::content::parse_article(id, path, &ws.files[path]);
                prop_assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
            }
            if path.ends_with(".ftl") {
                let (_, diags) = drillbook::l10n::parse_ftl(path, ws.files[path].clone());
                prop_assert!(diags.is_empty(), "{diags:?}");
            }
        }
    }
}
