//! Data-driven checker tests: one tiny fixture per check and per edge case in
//! `tests/fixtures/check/<name>.txt`, the rendered diagnostics in `<name>.expected`.
//! Update the expected files with `UPDATE_EXPECT=1 cargo test --test check`.

#[path = "support/fixture.rs"]
mod fixture;

use expect_test::expect_file;

fn check_fixture(name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let input = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture exists");
    let actual = fixture::check_text(&input);
    expect_file![dir.join(format!("{name}.expected"))].assert_eq(&actual);
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_fixture(stringify!($name));
            }
        )*
    };
}

fixtures! {
    ftl_syntax,
    ftl_malformed_comment,
    missing_and_obsolete_messages,
    attributes_and_values,
    duplicate_id,
    variable_mismatch,
    select_variants_may_drop_variables,
    term_mismatch,
    terms_with_arguments,
    message_ref_mismatch,
    markup_mismatch,
    bold_must_wrap_exactly_the_term,
    cjk_bold_next_to_full_width_punctuation,
    label_inconsistent,
    plural_categories,
    plural_categories_complete,
    unknown_reference,
    unsafe_text,
    untranslated,
    glossary_nl_seed_aanvragen,
    concept_rendered_two_ways,
    unknown_message,
    crlf_files,
    bom_files,
    ui_label_with_variable,
}
