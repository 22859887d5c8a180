use std::collections::BTreeSet;

use super::manifest::{decimal, xml_escape};
use super::pages::{PageSettings, element_text, meta_content, rewrite_page, unescape};
use super::zip::{Compressed, read_zip, write_zip};

#[test]
fn a_zip_reads_back_as_written_and_is_the_same_bytes_twice() {
    let big = "drillbook ".repeat(500);
    let entries: Vec<(&str, &[u8])> = vec![
        ("a.txt", b"x"),
        ("dir/b.html", big.as_bytes()),
        ("empty", b""),
        ("ü.txt", "ü".as_bytes()),
    ];
    let zip = write_zip(entries.iter().copied(), None).unwrap();
    assert_eq!(zip, write_zip(entries.iter().copied(), None).unwrap());
    let back = read_zip(&zip).expect("a zip");
    let expected: Vec<(String, Vec<u8>)> =
        entries.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    assert_eq!(back, expected);
    // The repeated text was deflated, not stored.
    assert!(zip.len() < big.len());
}

#[test]
fn entries_copied_from_a_shared_archive_give_the_bytes_of_compressing_them_again() {
    let big = "assets ".repeat(400);
    let shared_entries: Vec<(&str, &[u8])> =
        vec![("assets/a.js", big.as_bytes()), ("assets/b.css", b"b{}")];
    let mut shared = Compressed::new(shared_entries.iter().copied()).unwrap();
    let entries: Vec<(&str, &[u8])> = vec![
        ("assets/a.js", big.as_bytes()),
        // Same name, other bytes: compressed, not copied.
        ("assets/b.css", b"c{}"),
        ("page.html", b"<p>page</p>"),
    ];
    let fresh = write_zip(entries.iter().copied(), None).unwrap();
    let copied = write_zip(entries.iter().copied(), Some(&mut shared.clone())).unwrap();
    assert_eq!(copied, fresh);
    let back = read_zip(&copied).expect("a zip");
    assert_eq!(back[1], ("assets/b.css".to_string(), b"c{}".to_vec()));
    // The shared archive still serves the next zip.
    assert_eq!(write_zip(entries.iter().copied(), Some(&mut shared)).unwrap(), fresh);
}

#[test]
fn a_damaged_zip_is_not_read() {
    let mut zip = write_zip([("a.txt", b"hello hello hello hello".as_slice())], None).unwrap();
    let i = zip.len() / 3;
    zip[i] ^= 0xff;
    assert!(read_zip(&zip).is_none());
    assert!(read_zip(b"not a zip").is_none());
}

fn settings<'a>(format: &'a str) -> PageSettings<'a> {
    PageSettings {
        format,
        mastery_score: 0.8,
        assessed: true,
        root: "../../",
        no_lms: "No <LMS>",
        launch: &[],
    }
}

#[test]
fn links_leaving_the_package_become_text_and_directory_links_name_their_index() {
    let targets: BTreeSet<String> = [
        "en-US/a/index.html",
        "de-DE/a/index.html",
        "en-US/a/checklist/index.html",
        "assets/sim.js",
        "assets/style.css",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let html = concat!(
        "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'\">\n",
        "<link rel=\"canonical\" href=\"https://example.org/en-US/a/\">\n",
        "<link rel=\"stylesheet\" href=\"../../assets/style.css\">\n",
        "<script type=\"module\" src=\"../../assets/search.js\"></script>\n",
        "<script type=\"module\" src=\"../../assets/sim.js\"></script>\n",
        "</head><body><a href=\"../../de-DE/a/\" hreflang=\"de-DE\">de</a> <a href=\"../\">home</a> ",
        "<a href=\"checklist/#x\">list</a> <a href=\"#step\">step</a> <a href=\"https://learn.example/x\" rel=\"external\">ext</a>",
        "<script type=\"application/json\" id=\"d\">{\"a\":\"<a href=\\\"../\\\">\"}</script></body></html>"
    );
    let out = rewrite_page(html, "en-US/a/index.html", &targets, &settings("cmi5"));
    assert!(!out.contains("https://"), "{out}");
    assert!(!out.contains("search.js"), "{out}");
    assert!(out.contains("href=\"../../de-DE/a/index.html\" hreflang=\"de-DE\""), "{out}");
    assert!(out.contains("<span>home</span>"), "{out}");
    assert!(out.contains("href=\"checklist/index.html#x\""), "{out}");
    assert!(out.contains("href=\"#step\""), "{out}");
    assert!(out.contains("<span>ext</span>"), "{out}");
    assert!(!out.contains("<a>"), "{out}");
    assert!(out.contains("connect-src 'self' https: http:"), "{out}");
    // The settings and the LMS runtime come before the first module script (sim.js).
    let lms = out.find("assets/lms.js").expect("lms.js");
    assert!(lms < out.find("assets/sim.js").expect("sim.js"));
    assert!(out.contains("\"noLms\":\"No \\u003cLMS>\""), "{out}");
    // Script content is not rewritten.
    assert!(out.contains("{\"a\":\"<a href=\\\"../\\\">\"}"), "{out}");
    // SCORM pages keep the site's connect-src.
    let scorm = rewrite_page(html, "en-US/a/index.html", &targets, &settings("scorm-1.2"));
    assert!(scorm.contains("content=\"connect-src 'self'\""), "{scorm}");
}

#[test]
fn texts_are_read_from_pages_and_escaped_for_xml() {
    let html = "<h1>Remove <em>a</em> &#39;partner&#39; &amp; co</h1><meta name=\"description\" content=\"A &quot;b&quot; &#60;c&#62;\">";
    assert_eq!(element_text(html, "h1").as_deref(), Some("Remove a 'partner' & co"));
    assert_eq!(meta_content(html, "description").as_deref(), Some("A \"b\" <c>"));
    assert_eq!(xml_escape("a<b & 'c'"), "a&lt;b &amp; &apos;c&apos;");
    // What XML cannot hold at all is left out (the sanitizer removed it before).
    assert_eq!(xml_escape("a\u{1}b\u{FFFE}c\u{FFFF}\td\u{10FFFF}"), "abc\td\u{10FFFF}");
    assert_eq!(unescape("&#x41;&bogus; & &#9999999999;"), "A&bogus; & &#9999999999;");
    assert_eq!(decimal(0.8), "0.8");
    assert_eq!(decimal(1.0), "1");
    assert_eq!(decimal(0.75), "0.75");
}
