//! What the import makes of raw HTML and of DocFX extensions (images, notes, videos).

use super::*;

/// Raw HTML DocFX renders (`<br/>` and `</br>` in table cells, `<sup>`, `<font>`, `<a href>`,
/// `<ul><li>`, comments) and sxs tags whose quotes the translation escaped: what the import
/// makes of them, and that the site loads.
#[test]
fn raw_html_becomes_markdown() {
    let dir = shipped_project();
    let files = inputs(&repo().join("tests/fixtures/import/raw-html"));
    assert_eq!(files.len(), 1);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    assert!(load_problems(dir.path()).is_empty(), "{:#?}", load_problems(dir.path()));
    let report_text = render(&report).replace(&repo().to_string_lossy().to_string(), "<repo>");
    golden("raw-html/report.txt", &report_text);
    golden("raw-html/raw-html.toml", &ws.files["content/articles/raw-html.toml"]);
    for locale in ["en-US", "de-DE"] {
        golden(
            &format!("raw-html/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/raw-html.ftl")],
        );
    }
}

/// DocFX extensions (`tests/fixtures/import/extensions`, lines as the HoloLens corpus writes
/// them): what each becomes in the article, the messages and the built de-DE page.
#[test]
fn docfx_extensions_become_images_and_localized_notes() {
    let dir = shipped_project();
    let files = inputs(&repo().join("tests/fixtures/import/extensions"));
    assert_eq!(files.len(), 1);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    assert!(load_problems(dir.path()).is_empty(), "{:#?}", load_problems(dir.path()));
    let report_text = render(&report).replace(&repo().to_string_lossy().to_string(), "<repo>");
    golden("extensions/report.txt", &report_text);
    golden("extensions/extensions.toml", &ws.files["content/articles/extensions.toml"]);
    for locale in ["en-US", "de-DE"] {
        golden(
            &format!("extensions/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/extensions.ftl")],
        );
    }
    // Two of the images are files of the site; the others are not (their alt text shows).
    std::fs::create_dir_all(dir.path().join("content/media")).expect("media dir");
    for name in ["border.png", "gear.png"] {
        std::fs::write(dir.path().join("content/media").join(name), b"\x89PNG\r\n").expect("media");
    }
    let out = dir.path().join("out");
    let built = support::drillbook(
        dir.path(),
        &[
            "--root",
            &dir.path().to_string_lossy(),
            "build",
            "--no-search",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    for locale in ["en-US", "de-DE"] {
        let page = std::fs::read_to_string(out.join(locale).join("extensions/index.html"))
            .expect("the page");
        let start = page.find("<h1").expect("an h1");
        let end = page[start..].find("</article>").map_or(page.len(), |e| start + e);
        golden(&format!("extensions/{locale}.html"), &page[start..end]);
    }
}
