//! Parity with compare-locales (Mozilla, PyPI): on mutated copies of the shipped locales,
//! every finding of compare-locales must also be reported by `drillbook check`, for the same
//! file and message id.
//!
//! compare-locales must be installed (`scripts/test.sh` installs it when missing); without it
//! the test fails.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const TRANSLATED: [&str; 5] = ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

/// The command that runs compare-locales. A missing compare-locales fails the test:
/// `scripts/test.sh` installs it (`python3 -m pip install compare-locales`) before running
/// the tests, and a test run without it proves nothing.
fn compare_locales() -> Vec<String> {
    let works = |cmd: &[String]| {
        Command::new(&cmd[0])
            .args(&cmd[1..])
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let script = vec!["compare-locales".to_string()];
    let module = ["python3", "-m", "compare_locales.commands"].map(String::from).to_vec();
    let found = [script, module].into_iter().find(|cmd| works(cmd));
    found.expect(
        "compare-locales is not installed: run `bash scripts/test.sh`, which installs it, or \
         `python3 -m pip install compare-locales`",
    )
}

/// compare-locales' JSON `details` is a tree of path components; leaves are finding lists.
fn flatten_details(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}/{key}") };
                flatten_details(&path, child, out);
            }
        }
        Value::Array(items) => {
            out.extend(items.iter().map(|item| (prefix.to_string(), item.clone())))
        }
        _ => {}
    }
}

/// The message id a compare-locales finding is about (`<file>` for file-level findings).
fn finding_id(finding: &Value) -> Option<String> {
    let map = finding.as_object()?;
    let (kind, text) = map.iter().next()?;
    let text = text.as_str().unwrap_or_default();
    match kind.as_str() {
        "missingEntity" | "obsoleteEntity" => Some(text.to_string()),
        "missingFile" | "obsoleteFile" => Some("<file>".to_string()),
        _ => {
            if let Some((_, id)) = text.rsplit_once(" for ") {
                return Some(id.trim().to_string());
            }
            if let Some((id, _)) = text.split_once(" occurs ") {
                return Some(id.trim().to_string());
            }
            if let Some(rest) = text.strip_prefix("Unparsed content \"") {
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                return Some(if id.is_empty() { "<junk>".to_string() } else { id });
            }
            None
        }
    }
}

/// The `check` codes that report the same problem as a compare-locales finding.
fn expected_codes(finding: &Value) -> &'static [&'static str] {
    let Some((kind, text)) = finding.as_object().and_then(|m| m.iter().next()) else { return &[] };
    let text = text.as_str().unwrap_or_default();
    let table: [(&str, &[&str]); 13] = [
        ("missingEntity", &["missing-message"]),
        ("obsoleteEntity", &["obsolete-message"]),
        ("missingFile", &["missing-file"]),
        ("obsoleteFile", &["obsolete-file"]),
        (" occurs ", &["duplicate-id", "duplicate-attribute"]),
        ("Unparsed content", &["ftl-syntax"]),
        ("Missing attribute", &["missing-attribute"]),
        ("Obsolete attribute", &["obsolete-attribute"]),
        ("Missing value", &["missing-value"]),
        ("Obsolete value", &["obsolete-value"]),
        ("term reference", &["term-mismatch"]),
        ("message reference", &["message-ref-mismatch"]),
        ("Plural categories", &["plural-categories"]),
    ];
    table.iter().find(|(needle, _)| kind == needle || text.contains(needle)).map_or(
        &["ftl-syntax", "unsafe-text", "plural-categories", "duplicate-id"][..],
        |(_, codes)| *codes,
    )
}

fn run_compare_locales(
    cmd: &[String],
    root: &Path,
) -> BTreeSet<(String, String, &'static [&'static str])> {
    let toml = format!(
        "locales = [{}]\n[[paths]]\n    reference = \"locales/en-US/*.ftl\"\n    l10n = \"locales/{{locale}}/*.ftl\"\n",
        TRANSLATED.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ")
    );
    std::fs::write(root.join("l10n.toml"), toml).unwrap();
    let json_path = root.join("compare-locales.json");
    let status = Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg("--json")
        .arg(&json_path)
        .arg(root.join("l10n.toml"))
        .arg(root)
        .output()
        .expect("run compare-locales");
    assert!(status.status.code().is_some_and(|c| c <= 1), "compare-locales failed: {status:?}");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let mut leaves = Vec::new();
    for run in json.as_array().into_iter().flatten() {
        flatten_details("", &run["details"], &mut leaves);
    }
    leaves
        .into_iter()
        .map(|(path, finding)| {
            let id = finding_id(&finding)
                .unwrap_or_else(|| panic!("cannot tell the id of {finding} in {path}"));
            (path, id, expected_codes(&finding))
        })
        .collect()
}

/// `(path, id, code)` of every finding of `check`; file-level findings have id `<file>`.
fn run_check(root: &Path) -> BTreeSet<(String, String, String)> {
    let out = support::drillbook(root, &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&out.stdout).expect("check --format json");
    let mut found = BTreeSet::new();
    for diag in json["diagnostics"].as_array().unwrap() {
        let path = diag["path"].as_str().unwrap_or_default().to_string();
        let code = diag["code"].as_str().unwrap_or_default();
        let id = if code == "missing-file" || code == "obsolete-file" {
            Some("<file>")
        } else {
            diag["id"].as_str()
        };
        if let Some(id) = id {
            found.insert((path, id.to_string(), code.to_string()));
        }
    }
    found
}

type Mutation = fn(&Path);

fn mutations() -> Vec<(&'static str, Mutation)> {
    vec![
        ("message removed", |root| {
            support::edit(
                root,
                "locales/de-DE/remove-a-relationship.ftl",
                "intro = In diesem Artikel wird beschrieben, wie Sie eine Resellerbeziehung mit einem Kunden im Partner Center entfernen.\n",
                "",
            );
        }),
        ("attribute removed", |root| {
            // The English gains an attribute; de-DE has it, nl-NL lost it.
            support::edit(
                root,
                "locales/en-US/site.ftl",
                "nav-skip = Skip to main content\n",
                "nav-skip = Skip to main content\n    .title = Skip\n",
            );
            support::edit(
                root,
                "locales/de-DE/site.ftl",
                "nav-skip = Zum Hauptinhalt springen\n",
                "nav-skip = Zum Hauptinhalt springen\n    .title = Springen\n",
            );
        }),
        ("term reference dropped", |root| {
            support::edit(
                root,
                "locales/de-DE/remove-a-relationship.ftl",
                "Wählen Sie das **{ -ui-account }** aus.",
                "Wählen Sie das **Konto** aus.",
            );
            support::edit(
                root,
                "locales/zh-CN/remove-a-relationship.ftl",
                "选择**{ -ui-suspended }**",
                "选择**已暂停**",
            );
        }),
        ("syntax broken", |root| {
            support::edit(
                root,
                "locales/de-DE/remove-a-relationship.ftl",
                "next-steps = Nächste Schritte",
                "next-steps = Nächste { Schritte",
            );
            support::edit(root, "locales/ru-RU/site.ftl", "nav-skip = ", "nav-skip  ");
        }),
        ("duplicate id", |root| {
            support::edit(
                root,
                "locales/sv-SE/site.ftl",
                "nav-articles = Artiklar\n",
                "nav-articles = Artiklar\nnav-articles = Artiklarna\n",
            );
        }),
        ("plural categories missing and U+FFFD", |root| {
            let en = "topic-customers = Customers\narticle-count = { $count ->\n    [one] { $count } article\n   *[other] { $count } articles\n}\n";
            support::edit(root, "locales/en-US/site.ftl", "topic-customers = Customers\n", en);
            let ru = "topic-customers = Клиенты\narticle-count = { $count ->\n    [one] { $count } статья\n   *[other] { $count } статей\n}\n";
            support::edit(root, "locales/ru-RU/site.ftl", "topic-customers = Клиенты\n", ru);
            support::edit(
                root,
                "locales/sv-SE/site.ftl",
                "nav-articles = Artiklar",
                "nav-articles = Artikl\u{FFFD}r",
            );
        }),
        ("file removed and file added", |root| {
            std::fs::remove_file(root.join("locales/nl-NL/ui.ftl")).unwrap();
            std::fs::write(root.join("locales/nl-NL/extra.ftl"), "extra = Extra\n").unwrap();
        }),
    ]
}

#[test]
fn check_reports_everything_compare_locales_reports() {
    let cmd = compare_locales();
    for (name, mutate) in mutations() {
        let dir = support::shipped_project();
        mutate(dir.path());
        let theirs = run_compare_locales(&cmd, dir.path());
        let ours = run_check(dir.path());
        assert!(
            !theirs.is_empty(),
            "{name}: compare-locales found nothing, the mutation is not a test"
        );
        let missed: Vec<_> = theirs
            .iter()
            .filter(|(path, id, codes)| {
                !codes
                    .iter()
                    .any(|code| ours.contains(&(path.clone(), id.clone(), code.to_string())))
            })
            .collect();
        assert!(
            missed.is_empty(),
            "{name}: compare-locales reports {missed:?}, check does not.\ncheck: {ours:?}"
        );
        let listed: Vec<String> =
            theirs.iter().map(|(path, id, _)| format!("{path}:{id}")).collect();
        eprintln!(
            "{name}: compare-locales {} finding(s), all reported by check ({} in total): {}",
            theirs.len(),
            ours.len(),
            listed.join(" ")
        );
    }
}

#[test]
fn compare_locales_finding_ids_are_parsed() {
    let id = |json: &str| finding_id(&serde_json::from_str(json).unwrap());
    assert_eq!(id(r#"{"error": "c occurs 2 times"}"#).as_deref(), Some("c"));
    assert_eq!(
        id(r#"{"error": "Missing attribute: title at line 2, column 1 for b"}"#).as_deref(),
        Some("b")
    );
    assert_eq!(
        id(r#"{"error": "Unparsed content \"d = {\" from line 5 column 1"}"#).as_deref(),
        Some("d")
    );
    assert_eq!(id(r#"{"missingEntity": "intro"}"#).as_deref(), Some("intro"));
    assert_eq!(id(r#"{"obsoleteFile": "error"}"#).as_deref(), Some("<file>"));
}
