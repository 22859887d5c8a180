//! `drillbook package`: the zip is the same bytes for the same input, holds exactly the files
//! its manifest lists, the manifests are valid (cmi5 and SCORM 1.2 against the official
//! schemas in `../shared/schemas/`, SCORM 2004 structurally), and the pages make no
//! request outside the package.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use drillbook::package::{self, Format, Options};

const ARTICLE: &str = "remove-a-relationship";
const LOCALES: [&str; 6] = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

fn build(format: Format, locales: &[&str]) -> package::Package {
    let options = Options { format, locales: locales.iter().map(|l| l.to_string()).collect() };
    let (built, diags) =
        package::build(&support::repo(), ARTICLE, &options).expect("a package request");
    assert!(!diags.iter().any(|d| d.is_error()), "{diags:?}");
    built.expect("a package")
}

/// The shipped article's `[assessment] mastery-score`.
fn mastery_score() -> f64 {
    let path = support::repo().join(format!("content/articles/{ARTICLE}.toml"));
    let article: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    article["assessment"]["mastery-score"].as_float().expect("the shipped article is assessed")
}

fn schemas() -> PathBuf {
    support::repo().join("../shared/schemas")
}

/// Every `<file href="…">` of a manifest.
fn listed(manifest: &str) -> BTreeSet<String> {
    manifest
        .split("<file href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// Validates `xml` against the schema at `xsd` with Python's `xmlschema` (installed by
/// scripts/test.sh); the errors, one a line (empty when valid).
fn schema_errors(xsd: &PathBuf, xml: &[u8], lax: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("manifest.xml");
    std::fs::write(&file, xml).unwrap();
    let script = format!(
        "import sys, xmlschema\nschema = xmlschema.XMLSchema(sys.argv[1]{})\nfor e in schema.iter_errors(sys.argv[2]):\n    print(e.reason, e.path)\n",
        if lax { ", validation='lax'" } else { "" }
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .arg(xsd)
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "xmlschema failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_same_input_gives_the_same_zip_bytes() {
    for format in Format::ALL {
        let a = build(format, &[]);
        let b = build(format, &[]);
        assert_eq!(a.zip, b.zip, "{format:?}");
        assert!(!a.zip.is_empty());
    }
}

#[test]
fn the_command_writes_the_zip_the_library_builds() {
    let dir = support::shipped_project();
    let out = dir.path().join("out.zip");
    let run = support::drillbook(
        dir.path(),
        &[
            "package",
            ARTICLE,
            "--format",
            "cmi5",
            "--locale",
            "de-DE",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let zip = std::fs::read(&out).unwrap();
    let entries = package::read_zip(&zip).expect("a zip");
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"cmi5.xml"), "{names:?}");
    assert!(names.contains(&"de-DE/remove-a-relationship/index.html"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("en-US/")), "{names:?}");
}

#[test]
fn an_unknown_article_or_locale_is_refused_and_writes_nothing() {
    let dir = support::shipped_project();
    let out = dir.path().join("out.zip");
    let run = support::drillbook(
        dir.path(),
        &["package", "no-such-article", "--format", "scorm-1.2", "--out", out.to_str().unwrap()],
    );
    // A usage error (exit 2), as `checklist` treats a scenario set no article names.
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no article `no-such-article`"), "{}", run.stderr);
    assert!(!out.exists());
    let run = support::drillbook(
        dir.path(),
        &[
            "package",
            ARTICLE,
            "--format",
            "scorm-1.2",
            "--locale",
            "fr-FR",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("unknown-locale"), "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn every_listed_file_is_in_the_zip_and_every_file_is_listed() {
    for format in [Format::Scorm12, Format::Scorm2004] {
        let built = build(format, &[]);
        let entries = package::read_zip(&built.zip).expect("a zip");
        let names: BTreeSet<String> = entries.iter().map(|(n, _)| n.clone()).collect();
        let manifest = String::from_utf8(built.files["imsmanifest.xml"].clone()).unwrap();
        let mut expected = names.clone();
        expected.remove("imsmanifest.xml");
        assert_eq!(listed(&manifest), expected, "{format:?}");
        for locale in LOCALES {
            assert!(
                names.contains(&format!("{locale}/{ARTICLE}/index.html")),
                "{format:?} {locale}"
            );
        }
        // The zip's entries are the package's files, byte for byte.
        let files: Vec<(String, Vec<u8>)> = built.files.clone().into_iter().collect();
        assert_eq!(entries, files);
    }
}

#[test]
fn pages_request_nothing_outside_the_package() {
    let built = build(Format::Cmi5, &[]);
    let names: BTreeSet<&str> = built.files.keys().map(String::as_str).collect();
    assert!(!names.contains("assets/search.js"));
    assert!(names.contains("assets/lms.js"));
    for (path, bytes) in &built.files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        let dir: Vec<&str> = path.rsplit_once('/').map_or(vec![], |(d, _)| d.split('/').collect());
        for key in [" href=\"", " src=\""] {
            for rest in html.split(key).skip(1) {
                let value = &rest[..rest.find('"').unwrap()];
                if value.starts_with('#') {
                    continue;
                }
                assert!(!value.contains("://"), "{path}: {value}");
                let target = value.split('#').next().unwrap();
                let mut parts = dir.clone();
                for segment in target.split('/') {
                    match segment {
                        ".." => {
                            parts
                                .pop()
                                .unwrap_or_else(|| panic!("{path}: {value} leaves the package"));
                        }
                        "." | "" => {}
                        s => parts.push(s),
                    }
                }
                let resolved = parts.join("/");
                assert!(names.contains(resolved.as_str()), "{path}: {value} -> {resolved}");
            }
        }
        if path.starts_with("en-US/") || path == "index.html" {
            // The runtime comes before the simulator, with the package's settings.
            let lms = html.find("assets/lms.js").unwrap_or_else(|| panic!("{path}: no lms.js"));
            if let Some(sim) = html.find("assets/sim.js\"") {
                assert!(lms < sim, "{path}");
            }
            assert!(html.contains("id=\"drillbook-package\""), "{path}");
            assert!(html.contains("\"format\":\"cmi5\""), "{path}");
        }
    }
}

#[test]
fn the_scorm_12_manifest_is_valid_against_the_scorm_12_schemas() {
    let built = build(Format::Scorm12, &[]);
    let manifest = &built.files["imsmanifest.xml"];
    let text = String::from_utf8_lossy(manifest);
    assert!(
        text.contains("<schema>ADL SCORM</schema>")
            && text.contains("<schemaversion>1.2</schemaversion>")
    );
    assert_eq!(text.matches("<organization ").count(), 1);
    assert_eq!(text.matches("adlcp:scormtype=\"sco\"").count(), 1);
    let mastery =
        format!("<adlcp:masteryscore>{}</adlcp:masteryscore>", (mastery_score() * 100.0).round());
    assert!(text.contains(&mastery), "{text}");
    let errors = schema_errors(&schemas().join("scorm-1.2/scorm12.xsd"), manifest, true);
    assert_eq!(errors, "", "{text}");
    // The validator does catch a wrong SCO type.
    let broken = text.replace("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"lesson\"");
    assert_ne!(
        schema_errors(&schemas().join("scorm-1.2/scorm12.xsd"), broken.as_bytes(), true),
        ""
    );
}

#[test]
fn the_cmi5_course_structure_is_valid_and_has_every_locale() {
    let built = build(Format::Cmi5, &[]);
    let xml = &built.files["cmi5.xml"];
    let text = String::from_utf8_lossy(xml);
    assert_eq!(
        schema_errors(&schemas().join("cmi5/CourseStructure.xsd"), xml, false),
        "",
        "{text}"
    );
    assert_eq!(text.matches("<au ").count(), 1);
    assert!(text.contains("moveOn=\"Passed\""), "{text}");
    assert!(text.contains(&format!("masteryScore=\"{}\"", mastery_score())), "{text}");
    for locale in LOCALES {
        // Course and AU, title and description.
        assert_eq!(text.matches(&format!("<langstring lang=\"{locale}\">")).count(), 4, "{locale}");
    }
    let broken = text.replace("moveOn=\"Passed\"", "moveOn=\"Sometimes\"");
    assert_ne!(
        schema_errors(&schemas().join("cmi5/CourseStructure.xsd"), broken.as_bytes(), false),
        ""
    );
    // One locale: the langstrings follow.
    let one = build(Format::Cmi5, &["sv-SE"]);
    let text = String::from_utf8_lossy(&one.files["cmi5.xml"]);
    assert_eq!(text.matches("<langstring lang=\"sv-SE\">").count(), 4, "{text}");
    assert!(!text.contains("lang=\"en-US\""), "{text}");
}

#[test]
fn the_scorm_2004_manifest_has_the_4th_edition_structure() {
    let built = build(Format::Scorm2004, &[]);
    let text = String::from_utf8(built.files["imsmanifest.xml"].clone()).unwrap();
    for needle in [
        "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"",
        "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"",
        "xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"",
        "<schema>ADL SCORM</schema>",
        "<schemaversion>2004 4th Edition</schemaversion>",
        "adlcp:scormType=\"sco\"",
        "satisfiedByMeasure=\"true\"",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert_eq!(text.matches("<organization ").count(), 1);
    assert_eq!(text.matches("<item ").count(), 1);
    assert_eq!(text.matches("<resource ").count(), 1);
    // The item points at the resource, the organizations' default at the organization.
    let attr = |tag: &str, name: &str| {
        let start = text.find(&format!("<{tag} ")).unwrap();
        let tag_text = &text[start..start + text[start..].find('>').unwrap()];
        let key = format!(" {name}=\"");
        let v = &tag_text[tag_text.find(&key).unwrap() + key.len()..];
        v[..v.find('"').unwrap()].to_string()
    };
    assert_eq!(attr("item", "identifierref"), attr("resource", "identifier"));
    assert_eq!(attr("organizations", "default"), attr("organization", "identifier"));
    assert_eq!(attr("resource", "href"), "index.html");
    let measure = text.split("<imsss:minNormalizedMeasure>").nth(1).unwrap();
    let measure: f64 = measure[..measure.find('<').unwrap()].parse().unwrap();
    assert_eq!(measure, mastery_score());
    // Well-formed XML.
    let script =
        "import sys, xml.dom.minidom\nxml.dom.minidom.parseString(sys.stdin.buffer.read())\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_locale_without_the_article_is_left_out_and_refused_when_asked_for() {
    let dir = support::shipped_project();
    std::fs::remove_file(dir.path().join(format!("locales/sv-SE/{ARTICLE}.ftl"))).unwrap();
    let out = dir.path().join("out.zip");
    let out_arg = out.to_str().unwrap();
    let run =
        support::drillbook(dir.path(), &["package", ARTICLE, "--format", "cmi5", "--out", out_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entries = package::read_zip(&std::fs::read(&out).unwrap()).expect("a zip");
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("sv-SE/")), "{names:?}");
    assert!(names.contains(&"de-DE/remove-a-relationship/index.html"), "{names:?}");
    let cmi5 = &entries.iter().find(|(n, _)| n == "cmi5.xml").unwrap().1;
    assert!(!String::from_utf8_lossy(cmi5).contains("lang=\"sv-SE\""));
    std::fs::remove_file(&out).unwrap();
    let run = support::drillbook(
        dir.path(),
        &["package", ARTICLE, "--format", "cmi5", "--locale", "sv-SE", "--out", out_arg],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not translated into sv-SE"), "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn independent_readers_read_every_format_as_built() {
    let dir = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let built = build(format, &[]);
        let path = dir.path().join(format!("{}.zip", format.name()));
        std::fs::write(&path, &built.zip).unwrap();
        // Python's zipfile: every entry's CRC checked, names and bytes as built.
        let script = "import sys, zipfile, json, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest(), i.date_time[0]] for i in z.infolist()]))\n";
        let out = Command::new("python3").args(["-c", script]).arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let listed: Vec<(String, String, u16)> = serde_json::from_slice(&out.stdout).unwrap();
        let expected: Vec<(String, String, u16)> = built
            .files
            .iter()
            .map(|(name, bytes)| {
                use sha2::Digest as _;
                let hash = sha2::Sha256::digest(bytes);
                let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
                (name.clone(), hex, 1980)
            })
            .collect();
        assert_eq!(listed, expected, "{format:?}");
        // Info-ZIP's unzip tests every entry.
        let out = Command::new("unzip").arg("-t").arg(&path).output().expect("unzip runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains("No errors detected"), "{text}");
        assert_eq!(text.matches("  OK").count(), built.files.len(), "{text}");
    }
}

#[test]
fn one_command_writes_every_format_as_separate_commands_do() {
    let dir = support::shipped_project();
    let root = dir.path();
    let out = root.join("packages/");
    let run = support::drillbook(
        root,
        &[
            "package",
            ARTICLE,
            "--format",
            "all",
            "--locale",
            "de-DE",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for format in Format::ALL {
        let alone = root.join(format!("alone-{}.zip", format.name()));
        let run = support::drillbook(
            root,
            &[
                "package",
                ARTICLE,
                "--format",
                format.name(),
                "--locale",
                "de-DE",
                "--out",
                alone.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let together = std::fs::read(out.join(format!("{ARTICLE}-{}.zip", format.name())))
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(together == std::fs::read(&alone).unwrap(), "{format:?}");
    }
    // A pattern names each format's zip; repeating a format writes it once.
    let run = support::drillbook(
        root,
        &[
            "package",
            ARTICLE,
            "--format",
            "cmi5",
            "--format",
            "scorm-1.2",
            "--format",
            "cmi5",
            "--out",
            root.join("p-{format}.zip").to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut written: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("p-"))
        .collect();
    written.sort();
    assert_eq!(written, ["p-cmi5.zip", "p-scorm-1.2.zip"]);
}

#[test]
fn several_formats_into_one_file_are_refused_before_building() {
    let dir = support::shipped_project();
    let out = dir.path().join("out.zip");
    let run = support::drillbook(
        dir.path(),
        &["package", ARTICLE, "--format", "all", "--out", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("{format}"), "{}", run.stderr);
    assert!(!run.stderr.contains("packaged"), "{}", run.stderr);
    assert!(!out.exists());
}
