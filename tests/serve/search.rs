//! `serve`'s search index: after edits, the served index is the one a fresh build writes.

use super::*;

/// After an edit of an article's translation, `serve` indexes that locale again for search
/// (the other locales' indexes come from the search cache): the served index is the one a
/// fresh build of the edited project writes. The old chunks stay, for pages already open.
#[test]
fn an_article_translation_edit_updates_its_locales_search_index() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    let index = project.path().join("site/pagefind");
    let before = tree(&index);
    let ftl = "locales/de-DE/suspend-a-subscription.ftl";
    edit(project.path(), ftl, "title = Abonnement anhalten", "title = Abonnement jetzt anhalten");
    wait_for("the German search index", || {
        served.log.try_iter().any(|l| l.starts_with("serve: search index of de-DE updated"))
    });
    let fresh = project.path().join("fresh");
    let built = drillbook(project.path(), &["build", "--no-cache", "--out", "fresh"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let (served_index, fresh_index) = (tree(&index), tree(&fresh.join("pagefind")));
    for (name, bytes) in &fresh_index {
        assert!(served_index.get(name) == Some(bytes), "{name} is not the fresh build's");
    }
    assert_ne!(before["pagefind-entry.json"], served_index["pagefind-entry.json"]);
    let stale: Vec<&String> = before.keys().filter(|n| !fresh_index.contains_key(*n)).collect();
    assert!(stale.iter().all(|n| n.contains("de-de_")), "only German files changed: {stale:?}");
    assert!(!stale.is_empty() && stale.iter().all(|n| served_index.contains_key(*n)));
}

/// Once `serve` has kept every locale's index in memory (it does while idle), edits are
/// indexed as their pages are rendered: after two edits, the served index is still the one
/// a fresh build writes.
#[test]
fn edits_after_the_indexes_are_warmed_give_the_build_s_index() {
    let project = fixture("mini");
    let served = start(project.path(), 0);
    // Idle long enough for every locale of the fixture to be indexed in memory.
    std::thread::sleep(Duration::from_millis(2500));
    let index = project.path().join("site/pagefind");
    let ftl = "locales/de-DE/suspend-a-subscription.ftl";
    for (from, to) in [
        ("title = Abonnement anhalten", "title = Abonnement jetzt anhalten"),
        ("title = Abonnement jetzt anhalten", "title = Abonnement sofort anhalten"),
    ] {
        edit(project.path(), ftl, from, to);
        wait_for("the German search index", || {
            served.log.try_iter().any(|l| l.starts_with("serve: search index of de-DE updated"))
        });
    }
    let built = drillbook(project.path(), &["build", "--no-cache", "--out", "fresh"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let served_index = tree(&index);
    for (name, bytes) in &tree(&project.path().join("fresh/pagefind")) {
        assert!(served_index.get(name) == Some(bytes), "{name} is not the fresh build's");
    }
    let log: Vec<String> = served.log.try_iter().collect();
    assert!(!log.iter().any(|l| l.contains("error")), "{log:?}");
}

/// Over its memory budget (here 0 MB), `serve` keeps no locale's index in memory while
/// idle, says so, and an edit's locale is indexed whole: the served index is still the one
/// a fresh build writes.
#[test]
fn over_its_memory_budget_serve_warms_no_index_and_edits_still_index() {
    let project = fixture("mini");
    let mut command = Command::new(env!("CARGO_BIN_EXE_drillbook"));
    command.args(["serve", "--port", "0"]).env("DRILLBOOK_SERVE_MEMORY_MB", "0");
    let served = start_command(command, project.path());
    wait_for("the memory budget", || {
        served.log.try_iter().any(|l| l.starts_with("serve: over 0 MB resident"))
    });
    let ftl = "locales/de-DE/suspend-a-subscription.ftl";
    edit(project.path(), ftl, "title = Abonnement anhalten", "title = Abonnement jetzt anhalten");
    wait_for("the German search index", || {
        served.log.try_iter().any(|l| l.starts_with("serve: search index of de-DE updated"))
    });
    let built = drillbook(project.path(), &["build", "--no-cache", "--out", "fresh"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let served_index = tree(&project.path().join("site/pagefind"));
    for (name, bytes) in &tree(&project.path().join("fresh/pagefind")) {
        assert!(served_index.get(name) == Some(bytes), "{name} is not the fresh build's");
    }
}
