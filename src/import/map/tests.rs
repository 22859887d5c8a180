use super::*;

fn labels() -> BTreeMap<String, String> {
    [("Customers".to_string(), "ui-customers".to_string())].into()
}

#[test]
fn english_ui_labels_become_terms() {
    let (p, used) = english_pattern("Go to **Customers** and **Other**", &labels());
    assert_eq!(
        p,
        vec![
            Elem::Text("Go to **".into()),
            Elem::Term("ui-customers".into()),
            Elem::Text("** and **Other**".into())
        ]
    );
    assert_eq!(used, vec!["ui-customers".to_string()]);
}

#[test]
fn translated_label_matching_the_term_is_replaced_otherwise_reported() {
    let terms: BTreeMap<String, String> =
        [("ui-customers".to_string(), "Kunden".to_string())].into();
    let used = vec!["ui-customers".to_string()];
    let (p, missing) = translation_pattern("Zu **Kunden** wechseln", &used, &terms);
    assert_eq!(p[1], Elem::Term("ui-customers".into()));
    assert!(missing.is_empty());
    let (p, missing) = translation_pattern("Zu **Kunden,** wechseln", &used, &terms);
    assert_eq!(p, vec![Elem::Text("Zu **Kunden,** wechseln".into())]);
    assert_eq!(missing, used);
}

#[test]
fn ids_come_from_the_first_english_words() {
    assert_eq!(
        id_base("From the Partner Center, go to **Customers** and select"),
        "from-the-partner-center-go"
    );
    assert_eq!(id_base("Removes you from the [list](a.md) for"), "removes-you-from-the-list");
    assert_eq!(id_base("1-dimensional code"), "m-1-dimensional-code");
}

#[test]
fn a_long_anchor_taken_twice_stays_a_slug() {
    // Found by fuzzing: `-2` after a 200-byte anchor made an article that did not load.
    use crate::paths::{MAX_SLUG, is_slug};
    let (mut taken, mut next) = (BTreeSet::new(), BTreeMap::new());
    let base = format!("{}-b", "a".repeat(MAX_SLUG - 2));
    assert_eq!(unique(&base, &mut taken, &mut next, true), base);
    let second = unique(&base, &mut taken, &mut next, true);
    assert_eq!(second, format!("{}-2", "a".repeat(MAX_SLUG - 2)));
    assert!(is_slug(&second));
    let third = unique(&base, &mut taken, &mut next, true);
    assert_eq!(third, format!("{}-3", "a".repeat(MAX_SLUG - 2)));
    // Message ids are not slugs and have no such limit.
    let (mut taken, mut next) = (BTreeSet::new(), BTreeMap::new());
    unique(&base, &mut taken, &mut next, false);
    assert_eq!(unique(&base, &mut taken, &mut next, false), format!("{base}-2"));
}
