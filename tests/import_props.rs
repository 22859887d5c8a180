//! The importer never panics: arbitrary bytes, and real corpus files with random edits.

#[path = "import_common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use drillbook::import::docfx::parse_docfx;
use drillbook::import::map::{Terms, map_docfx};
use drillbook::import::{Input, Options, Workspace, import_docfx, load_workspace};
use proptest::prelude::*;

fn project() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| load_workspace(&common::repo()).expect("load"))
}

fn corpus_files() -> &'static Vec<Input> {
    static FILES: OnceLock<Vec<Input>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut files = common::inputs(&common::corpus().join("docfx"));
        files.extend(common::inputs(&common::corpus().join("seeds")));
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
