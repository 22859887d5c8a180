//! `check` proves the written procedure against the simulator model: fixture copies of the
//! shipped article with a step removed, two steps swapped, and the RI prerequisite deleted.

mod support;

use support::{drillbook, edit, shipped_project};

const ARTICLE: &str = "content/articles/remove-a-relationship.toml";

fn errors(project: &tempfile::TempDir) -> Vec<String> {
    let out = drillbook(project.path(), &["check"]);
    format!("{}{}", out.stdout, out.stderr)
        .lines()
        .filter(|l| l.contains(": error["))
        .map(|l| l.to_string())
        .collect()
}

fn section(text: &str, start: &str, end: &str) -> (usize, usize) {
    let a = text.find(start).unwrap();
    let b = a + text[a..].find(end).unwrap();
    (a, b)
}

#[test]
fn the_shipped_procedure_reaches_the_goal_in_every_scenario() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["check"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.ends_with("0 errors, 2 warnings\n"),
        "only the external articles: {}",
        out.stdout
    );
}

#[test]
fn deleting_the_ri_prerequisite_is_reported() {
    let project = shipped_project();
    edit(
        project.path(),
        ARTICLE,
        "  { id = \"cancel-reservations\", text = \"prereq-cancel-reservations\", anchor = \"how-to-remove-a-relationship\", done-when = \"no-active-reservations\", actions = [\"cancel-reservation\"], for-each = \"active-reservation\" },\n",
        "",
    );
    let errors = errors(&project);
    let expected = [
        "content/articles/remove-a-relationship.toml:51:6: error[missing-step]: in scenario `azure-ri-reservation`, reaching the goal needs `cancel-reservation`, but no step or prerequisite asks for it",
        "content/articles/remove-a-relationship.toml:51:6: error[procedure-incomplete]: in scenario `azure-ri-reservation`, following the steps in order does not reach the goal `relationship-removed` for `fabrikam` (a step was refused)",
        "content/articles/remove-a-relationship.toml:74:8: error[step-not-enabled]: in scenario `azure-ri-reservation`, `step-remove` asks for `remove-relationship`, which the model refuses at this point (active-reservations); an earlier step must come first",
    ];
    for line in expected {
        assert!(errors.iter().any(|e| e == line), "missing {line}\nin {errors:#?}");
    }
    assert_eq!(errors.len(), 6, "the same three for `everything-at-once`: {errors:#?}");
}

#[test]
fn removing_the_suspend_step_is_reported() {
    let project = shipped_project();
    let path = project.path().join(ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let (a, b) = section(
        &text,
        "[[body.procedure.steps]]\nid = \"suspend\"",
        "[[body.procedure.steps]]\nid = \"remove\"",
    );
    std::fs::write(&path, format!("{}{}", &text[..a], &text[b..])).unwrap();
    let errors = errors(&project);
    assert!(
        errors.iter().any(|e| e.ends_with("error[missing-step]: in scenario `only-active-subscriptions`, reaching the goal needs `suspend-subscription`, but no step or prerequisite asks for it")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("error[step-not-enabled]: in scenario `only-active-subscriptions`, `step-remove` asks for `remove-relationship`, which the model refuses at this point (active-subscriptions)")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("`nothing-to-suspend`")),
        "nothing to suspend needs no suspend step: {errors:#?}"
    );
}

#[test]
fn swapping_the_two_steps_is_reported() {
    let project = shipped_project();
    let path = project.path().join(ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let (a, b) = section(
        &text,
        "[[body.procedure.steps]]\nid = \"suspend\"",
        "[[body.procedure.steps]]\nid = \"remove\"",
    );
    let (c, d) =
        section(&text, "[[body.procedure.steps]]\nid = \"remove\"", "[[body]]\n[body.next-steps]");
    let swapped = format!("{}{}{}{}", &text[..a], &text[c..d], &text[a..b], &text[d..]);
    std::fs::write(&path, swapped).unwrap();
    let errors = errors(&project);
    assert!(
        errors.iter().any(|e| e.contains("error[step-not-enabled]: in scenario `only-active-subscriptions`, `step-remove` asks for `remove-relationship`, which the model refuses at this point (active-subscriptions); an earlier step must come first")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e
                .contains("error[procedure-incomplete]: in scenario `only-active-subscriptions`")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("missing-step")),
        "every action is still asked for: {errors:#?}"
    );
}

#[test]
fn a_step_naming_a_label_the_simulator_never_shows_is_reported() {
    let project = shipped_project();
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let ui = project.path().join(format!("locales/{locale}/ui.ftl"));
        let text = std::fs::read_to_string(&ui).unwrap();
        std::fs::write(&ui, format!("{text}-ui-billing = Billing\n")).unwrap();
    }
    edit(
        project.path(),
        "locales/en-US/remove-a-relationship.ftl",
        "step-remove-select-account = Select the **{ -ui-account }**.",
        "step-remove-select-account = Select the **{ -ui-billing }**.",
    );
    let errors = errors(&project);
    assert!(
        errors.iter().any(|e| e.contains("error[unknown-label]: `step-remove-select-account` names the UI label `-ui-billing`, which the simulator never shows")),
        "{errors:#?}"
    );
}

#[test]
fn an_unknown_binding_id_is_a_positioned_error() {
    let project = shipped_project();
    edit(
        project.path(),
        ARTICLE,
        "done-when = \"no-active-subscriptions\"",
        "done-when = \"no-active-subscription\"",
    );
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("error[unknown-condition]: unknown condition `no-active-subscription`; the simulator model knows: no-active-subscriptions,"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("remove-a-relationship.toml:"), "{}", out.stderr);
}

#[test]
fn the_note_is_checked_as_a_model_property() {
    let project = shipped_project();
    edit(
        project.path(),
        ARTICLE,
        "property = \"remove-inactive-while-subscriptions-active\"",
        "property = \"remove-always-active\"",
    );
    let errors = errors(&project);
    assert!(
        errors.iter().any(|e| e.contains("error[unknown-property]: unknown model property `remove-always-active`; known: remove-inactive-while-subscriptions-active")),
        "{errors:#?}"
    );
}
