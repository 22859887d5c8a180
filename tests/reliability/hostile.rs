//! Hostile translations through every output: a translation is untrusted text. Where it
//! lands (page text, the simulator's JSON, the UI terms shared by text and simulator, the
//! checklist page and its Markdown, the site title, the search index), it either stops
//! `check` and `build` alike with a positioned `unsafe-text` error, or arrives inert.

use std::path::Path;
use std::time::Duration;

use crate::support;
use crate::support::run;

const LIMIT: Duration = Duration::from_secs(120);

/// `(file, original line, the line's start up to where hostile text goes)` for each path a
/// German translation takes to the site.
const PLACES: [(&str, &str); 5] = [
    ("locales/de-DE/sim.ftl", "sim-title = Üben im simulierten "),
    ("locales/de-DE/ui.ftl", "-ui-customers = Kunden"),
    ("locales/de-DE/remove-a-relationship.ftl", "step-suspend = **Halten Sie alle"),
    ("locales/de-DE/checklist.ftl", "checklist-title = Checkliste: "),
    ("locales/de-DE/site.ftl", "site-title = Partner Center-Anleitungen"),
];

/// Inserts `text` right after `anchor` in `file` of the project at `root`.
fn insert(root: &Path, file: &str, anchor: &str, text: &str) {
    support::edit(root, file, anchor, &format!("{anchor}{text}"));
}

/// Text that a page must never show or run: bidi and zero-width controls, raw HTML and
/// script links. Each is refused by `check` and `build` at the same position.
#[test]
fn unsafe_translations_are_refused_by_check_and_build_alike_in_every_place() {
    let hostile = [
        "\u{202E}",
        "\u{2066}",
        "\u{200B}",
        "\u{2060}",
        "\u{FEFF}",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
    ];
    let project = support::shipped_project();
    let root = project.path();
    assert_eq!(run::drillbook(root, &["build"], LIMIT).code, Some(0));
    let before = support::tree(&root.join("site"));
    let mut tried = 0;
    for (file, anchor) in PLACES {
        for text in hostile {
            let pristine = std::fs::read(root.join(file)).unwrap();
            insert(root, file, anchor, text);
            let check = run::drillbook(root, &["check"], LIMIT);
            let build = run::drillbook(root, &["build", "--strict"], LIMIT);
            let label = format!("{text:?} in {file}");
            assert_eq!(check.code, Some(1), "{label}: check\n{}", check.describe());
            assert_eq!(build.code, Some(1), "{label}: build\n{}", build.describe());
            let (a, b) = (run::error_codes(&check.stdout), run::error_codes(&build.stderr));
            assert!(
                a.iter().any(|(code, place)| code == "unsafe-text" && place.starts_with(file)),
                "{label}: check names unsafe-text in {file}: {a:?}"
            );
            assert_eq!(a, b, "{label}: check and build name the same errors");
            assert!(support::tree(&root.join("site")) == before, "{label}: the site changed");
            std::fs::write(root.join(file), pristine).unwrap();
            tried += 1;
        }
    }
    assert_eq!(tried, PLACES.len() * hostile.len());
}

/// Text that is allowed, and must stay text: HTML written as character references (which
/// Markdown turns back into `<` and `>` characters), quotes and ampersands. In the pages
/// they are escaped again; in the JSON the pages embed, a decoded `</script>` would end the
/// data block early if `<` were not escaped there too.
#[test]
fn markup_inside_allowed_text_arrives_inert_in_every_output() {
    let project = support::shipped_project();
    let root = project.path();
    let clean = run::drillbook(root, &["build"], LIMIT);
    assert_eq!(clean.code, Some(0), "{}", clean.describe());
    let scripts_before = count_in_tree(&root.join("site"), "<script");
    let payload = " &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\\"' &amp; &lt;img src=x onerror=alert(2)&gt;";
    for (file, anchor) in PLACES {
        insert(root, file, anchor, payload);
    }
    let build = run::drillbook(root, &["build"], LIMIT);
    assert_eq!(build.code, Some(0), "{}", build.describe());
    let site = support::tree(&root.join("site"));
    let mut reached = 0;
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        // Markdown escapes the text itself (checked below); HTML and JSON carry no live
        // markup.
        if !path.ends_with(".md") {
            assert!(!text.contains("<img src=x onerror"), "{path} carries a live attribute");
            assert!(!text.contains("<script>alert"), "{path} carries a live script");
        }
        if text.contains("alert(1)") || text.contains("alert(2)") {
            reached += 1;
        }
        if path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|e| panic!("{path} is no longer JSON: {e}"));
        }
    }
    // The payload reached every kind of page and the data they embed: the test looked at
    // real output, not at nothing.
    for path in [
        "de-DE/index.html",
        "de-DE/dashboard/index.html",
        "de-DE/remove-a-relationship/index.html",
        "de-DE/remove-a-relationship/checklist/index.html",
        "de-DE/remove-a-relationship/checklist.md",
    ] {
        assert!(String::from_utf8_lossy(&site[path]).contains("alert(1)"), "not in {path}");
    }
    assert!(reached >= 5);
    assert_eq!(
        count_in_tree(&root.join("site"), "<script"),
        scripts_before,
        "no new script elements"
    );
    // The checklist's Markdown export escapes every `<` of the text: no HTML in a ticket.
    let md = String::from_utf8_lossy(&site["de-DE/remove-a-relationship/checklist.md"]);
    assert!(md.contains("alert(1)"), "{md}");
    let bare = md.match_indices('<').filter(|(i, _)| !md[..*i].ends_with('\\')).count();
    assert_eq!(bare, 0, "unescaped `<` in checklist.md:\n{md}");
}

/// Occurrences of `needle` in the HTML and JSON files below `dir` (Markdown keeps markup
/// with its own escapes, checked apart).
fn count_in_tree(dir: &Path, needle: &str) -> usize {
    support::tree(dir)
        .iter()
        .filter(|(path, _)| !path.ends_with(".md"))
        .map(|(_, b)| String::from_utf8_lossy(b).matches(needle).count())
        .sum()
}
