//! `stale` and the status summary: a translation is stale when its English changed after the
//! last `l10n accept`, until the review is recorded again.

#[path = "support/fixture.rs"]
mod fixture;

use drillbook::check::{self, Input};
use drillbook::l10n::lock::Lock;

const BEFORE: &str = "\
-- locales/en-US/a.ftl
step-suspend = **Suspend any active subscriptions.**
step-remove = **Remove the relationship.**
-- locales/de-DE/a.ftl
step-suspend = **Halten Sie alle aktiven Abonnements an.**
step-remove = **Entfernen Sie die Beziehung.**
";

fn codes_and_ids(text: &str, lock: Option<&Lock>) -> (Vec<String>, check::Status) {
    let files = fixture::parse_fixture(text);
    let (l10n, site, mut data) = fixture::build(&files);
    if let Some(lock) = lock {
        data.locks.insert("de-DE".into(), lock.clone());
    }
    let input = Input { l10n: &l10n, site: site.as_ref(), data: &data };
    let found = check::findings(&input)
        .into_iter()
        .map(|f| format!("{}:{}", f.diag.code, f.id.unwrap_or_default()))
        .collect();
    (found, check::status(&input))
}

fn accept(text: &str, lock: &Lock, ids: &[&str]) -> Lock {
    let files = fixture::parse_fixture(text);
    let (l10n, _, _) = fixture::build(&files);
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let accepted = check::stale::accept(&l10n, "de-DE", lock, &ids).expect("de-DE is translated");
    assert!(accepted.unknown.is_empty(), "{:?}", accepted.unknown);
    accepted.lock
}

#[test]
fn changed_english_makes_its_translation_stale_until_accepted() {
    let lock = accept(BEFORE, &Lock::new(), &[]);
    assert_eq!(lock.len(), 2);
    assert_eq!(codes_and_ids(BEFORE, Some(&lock)).0, Vec::<String>::new());

    let after = BEFORE.replace("Suspend any active", "Suspend all active");
    let (found, status) = codes_and_ids(&after, Some(&lock));
    assert_eq!(found, ["stale:step-suspend"]);
    let scope = &status.locales["de-DE"].scopes["a"];
    assert_eq!(
        (scope.messages, scope.translated, scope.stale, scope.missing, scope.errors),
        (2, 2, 1, 0, 0)
    );
    assert!(status.is_stale("de-DE", "a", "step-suspend"));
    assert!(!status.is_stale("de-DE", "a", "step-remove"));
    let by_scope = status.stale_by_scope();
    let files = fixture::parse_fixture(&after);
    let (l10n, site, mut data) = fixture::build(&files);
    data.locks.insert("de-DE".into(), lock.clone());
    let input = Input { l10n: &l10n, site: site.as_ref(), data: &data };
    assert_eq!(check::stale_messages(&input), by_scope, "the stale-only pass agrees with status");
    assert_eq!(by_scope.len(), 1);
    assert_eq!(
        by_scope[&("de-DE".to_string(), "a".to_string())].iter().collect::<Vec<_>>(),
        ["step-suspend"]
    );

    let reviewed = accept(&after, &lock, &["step-suspend"]);
    assert_ne!(reviewed, lock);
    assert_eq!(codes_and_ids(&after, Some(&reviewed)).0, Vec::<String>::new());
}

#[test]
fn a_translation_never_reviewed_is_stale() {
    let (found, _) = codes_and_ids(BEFORE, Some(&Lock::new()));
    assert_eq!(found, ["stale:step-suspend", "stale:step-remove"]);
}

#[test]
fn layout_and_comment_changes_in_english_do_not_make_translations_stale() {
    let lock = accept(BEFORE, &Lock::new(), &[]);
    let relaid = BEFORE.replace(
        "step-suspend = **Suspend",
        // (A continuation line cannot start with `*`, so the pattern stays on the id's line.)
        "# A comment about the step.\n\nstep-suspend   =    **Suspend",
    );
    assert_eq!(codes_and_ids(&relaid, Some(&lock)).0, Vec::<String>::new(), "{relaid}");
}

#[test]
fn accepting_an_unknown_id_is_refused() {
    let files = fixture::parse_fixture(BEFORE);
    let (l10n, _, _) = fixture::build(&files);
    let accepted =
        check::stale::accept(&l10n, "de-DE", &Lock::new(), &["nope".to_string()]).unwrap();
    assert_eq!(accepted.unknown, ["nope"]);
}

#[test]
fn status_counts_missing_and_errors_per_scope() {
    let text = "\
-- locales/en-US/a.ftl
one = One { $n }
two = Two
three = Three
-- locales/de-DE/a.ftl
one = Eins
two = Zwei
";
    let (_, status) = codes_and_ids(text, None);
    let scope = &status.locales["de-DE"].scopes["a"];
    assert_eq!((scope.messages, scope.translated, scope.missing, scope.errors), (3, 2, 1, 1));
    assert_eq!(scope.error_ids.iter().collect::<Vec<_>>(), ["one"]);
    assert_eq!(scope.missing_ids.iter().collect::<Vec<_>>(), ["three"]);
    assert_eq!(status.locales["de-DE"].total.missing, 1);
}

#[test]
fn a_partial_accept_keeps_every_other_record_and_a_full_one_drops_only_what_is_gone() {
    let full = accept(BEFORE, &Lock::new(), &[]);
    let mut lock = full.clone();
    // A record of a message this run cannot see (its file unreadable, its entry junk, ...).
    lock.insert("b/unseen".into(), "0123456789abcdef".into());
    let after = BEFORE.replace("Suspend any active", "Suspend all active");
    let partial = accept(&after, &lock, &["step-suspend"]);
    assert_eq!(partial.get("b/unseen").map(String::as_str), Some("0123456789abcdef"));
    assert_eq!(partial["a/step-remove"], full["a/step-remove"]);
    assert_ne!(partial["a/step-suspend"], full["a/step-suspend"]);
    assert_eq!(partial.len(), 3);
    let all = accept(&after, &lock, &[]);
    assert_eq!(all.keys().collect::<Vec<_>>(), ["a/step-remove", "a/step-suspend"]);
}
