use super::*;

#[test]
fn the_starter_lock_records_every_translated_message_of_the_starter() {
    let files = starter_files();
    let lock_path = format!("locales/{STARTER_TRANSLATION}/{LOCK_FILE}");
    let lock = &files.iter().find(|(p, _)| *p == lock_path).expect("a lock is written").1;
    let (parsed, diags) = crate::l10n::lock::parse_lock(&lock_path, lock);
    assert!(diags.is_empty(), "{diags:?}");
    // One record per message and term of each translated file, keyed `scope/id`.
    let mut expected = Vec::new();
    for (path, text) in STARTER {
        let Some(rest) = path.strip_prefix(&format!("locales/{STARTER_TRANSLATION}/")) else {
            continue;
        };
        let scope = rest.strip_suffix(".ftl").unwrap();
        let resource = fluent_syntax::parser::parse(*text).expect("starter FTL parses");
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => expected.push(format!("{scope}/{}", m.id.name)),
                ast::Entry::Term(t) => expected.push(format!("{scope}/-{}", t.id.name)),
                _ => {}
            }
        }
    }
    expected.sort();
    let found: Vec<String> = parsed.keys().cloned().collect();
    assert_eq!(found, expected);
    assert!(found.contains(&"suspend-a-subscription/step-suspend".to_string()));
}

#[test]
fn every_starter_file_is_valid_and_the_translation_has_every_source_message() {
    for (path, text) in STARTER {
        if path.ends_with(".ftl") {
            let (_, diags) = parse_ftl(path, text.to_string());
            assert!(diags.is_empty(), "{path}: {diags:?}");
        }
    }
    let (config, diags) = crate::content::parse_config("content/site.toml", STARTER[1].1);
    assert!(diags.is_empty(), "{diags:?}");
    let locales: Vec<String> =
        config.unwrap().locales.iter().map(|l| l.get_ref().clone()).collect();
    assert_eq!(locales, [STARTER_SOURCE, STARTER_TRANSLATION]);
}

#[test]
fn commented_out_text_defines_nothing_and_keeps_every_line() {
    let source = "# context\nsite-title = Mini\n\n## Group\nresults = { $n ->\n    [one] one\n   *[other] many\n}\n-ui-x = X\n";
    let out = placeholder("fr-FR", "en-US", source);
    assert!(out.starts_with("# Not yet translated into fr-FR"));
    for id in ["site-title", "results", "-ui-x"] {
        assert!(defines(source, id), "{id}");
        assert!(!defines(&out, id), "{id} is still defined in\n{out}");
    }
    // No junk: the whole file is comments, and uncommenting gives the source back.
    let resource = fluent_syntax::parser::parse(out.as_str()).expect("comments parse");
    assert!(resource.body.iter().all(|e| !matches!(e, ast::Entry::Junk { .. })));
    let commented = comment_out(source);
    assert_eq!(commented.lines().count(), source.lines().count());
    for (line, out) in source.lines().zip(commented.lines()) {
        let kept = line.is_empty() || line.starts_with('#');
        assert_eq!(out, if kept { line.to_string() } else { format!("# {line}") });
    }
}

#[test]
fn a_locale_is_added_after_the_last_one_keeping_comments() {
    let source = "# Site.\ntitle = \"t\"\nlocales = [\n  \"en-US\", # source\n  \"de-DE\",\n] # end\nx = 1\n";
    let out = add_locale_to_config(source, "fr-FR").unwrap();
    assert_eq!(
        out,
        "# Site.\ntitle = \"t\"\nlocales = [\n  \"en-US\", # source\n  \"de-DE\", \"fr-FR\",\n] # end\nx = 1\n"
    );
    assert!(add_locale_to_config("locales = []\n", "fr-FR").is_err());
    assert!(add_locale_to_config("title = 1\n", "fr-FR").is_err());
}

#[test]
fn term_text_must_be_one_line_of_plain_text() {
    assert_eq!(term_line("ui-add", "Add contact").unwrap(), "-ui-add = Add contact\n");
    for bad in ["", "a\nb", "a { $x }", "[one] x", "*x", ".attr"] {
        assert!(term_line("ui-add", bad).is_err(), "{bad:?}");
    }
    assert!(is_fluent_id("ui-add_2"));
    for bad in ["", "2ui", "ui add", "ui.add", "-ui"] {
        assert!(!is_fluent_id(bad), "{bad:?}");
    }
}

#[test]
fn an_article_skeleton_parses_and_names_only_messages_of_its_ftl() {
    let toml = article_toml("assign-support-contacts", "customers");
    let (article, diags) = crate::content::parse_article(
        "assign-support-contacts",
        "content/articles/assign-support-contacts.toml",
        &toml,
    );
    assert!(diags.is_empty(), "{diags:?}");
    let article = article.unwrap();
    assert_eq!(article.topic.get_ref(), "customers");
    let ftl = article_ftl("assign-support-contacts");
    assert!(ftl.starts_with("title = Assign support contacts\n"));
    for msg in article.message_refs() {
        assert!(defines(&ftl, msg.get_ref()), "`{}` is not in the .ftl", msg.get_ref());
    }
    assert_eq!(humanize("a-b"), "A b");
    assert_eq!(append("x", "y\n"), "x\ny\n");
    assert_eq!(append("x\n", "y\n"), "x\ny\n");
}
