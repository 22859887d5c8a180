//! [`Incremental`] as `serve` uses it: the files each update hands out, written over the
//! site's, give the site a build of the same pages writes.

use std::collections::BTreeSet;

use super::*;

/// Two locales of five pages each.
fn views() -> Views {
    let mut views = Views::new();
    for (locale, lang, words) in
        [("en-US", "en-us", "remove the relationship"), ("de-DE", "de-de", "Beziehung entfernen")]
    {
        let pages = views.entry(locale.to_string()).or_default();
        for n in 0..5 {
            let html = format!(
                "<html lang=\"{lang}\"><head><title>T{n}</title></head><body><main \
                 data-pagefind-body><h1>{words} {n}</h1><p>{words} Seite {n} café</p></main>\
                 </body></html>"
            );
            pages.insert(format!("{locale}/a{n}/index.html"), html.into_bytes());
        }
    }
    views
}

fn all(views: &Views) -> Files {
    views.values().flat_map(|pages| pages.clone()).collect()
}

fn edit(views: &mut Views, page: &str, from: &str, to: &str) {
    let view = views.get_mut("de-DE").unwrap().get_mut(page).unwrap();
    *view = String::from_utf8(view.clone()).unwrap().replace(from, to).into_bytes();
}

/// The site's index after the build, then after each update's files are written over it
/// (the old files stay, as in `serve`): it holds every file of a build of the same pages,
/// and its entry file is the build's.
#[test]
fn updates_after_warming_give_the_build_s_files() {
    let mut views = views();
    let mut site = super::super::index_pages(&all(&views)).unwrap();
    let mut incremental = Incremental::default();
    let none = BTreeSet::new();
    assert!(incremental.warm(&views, &none).unwrap(), "de-DE");
    incremental.finish_warming().unwrap();
    assert!(incremental.warm(&views, &none).unwrap(), "en-US");
    incremental.finish_warming().unwrap();
    assert!(!incremental.warm(&views, &none).unwrap(), "both kept");
    assert_eq!(incremental.files().unwrap(), site, "warming indexes the same pages");

    let de: BTreeSet<String> = ["de-DE".to_string()].into();
    for (page, from, to) in [
        ("de-DE/a2/index.html", "Seite 2", "Seite zwei neu"),
        ("de-DE/a2/index.html", "zwei neu", "zwei, Überarbeitung"),
        ("de-DE/a0/index.html", "café", "Kaffee und Café"),
        ("de-DE/a4/index.html", "Beziehung", "Änderung"),
    ] {
        edit(&mut views, page, from, to);
        let new = incremental.update(&views, &de, None).unwrap();
        assert!(new.contains_key(ENTRY));
        assert!(new.keys().any(|name| name.starts_with("fragment/de-de_")), "{new:?}");
        assert!(new.keys().all(|name| !name.contains("en-us")), "en-US is unchanged: {new:?}");
        site.extend(new);
        let built = super::super::index_pages(&all(&views)).unwrap();
        for (name, bytes) in &built {
            assert_eq!(site.get(name), Some(bytes), "{page}: {name}");
        }
        assert_eq!(incremental.files().unwrap(), built);
    }

    // A page removed: its locale is indexed again without it.
    views.get_mut("de-DE").unwrap().remove("de-DE/a1/index.html");
    site.extend(incremental.update(&views, &de, None).unwrap());
    let built = super::super::index_pages(&all(&views)).unwrap();
    assert!(built.iter().all(|(name, bytes)| site.get(name) == Some(bytes)));
}

/// A locale with an edit not yet indexed is not warmed: its next update must hand out
/// the files of the edit.
#[test]
fn stale_locales_are_not_warmed() {
    let mut views = views();
    let mut incremental = Incremental::default();
    let de: BTreeSet<String> = ["de-DE".to_string()].into();
    assert!(incremental.warm(&views, &de).unwrap(), "en-US");
    incremental.finish_warming().unwrap();
    assert!(!incremental.warm(&views, &de).unwrap(), "de-DE is stale");
    edit(&mut views, "de-DE/a3/index.html", "Seite 3", "Seite drei");
    let new = incremental.update(&views, &de, None).unwrap();
    let built = super::super::index_pages(&all(&views)).unwrap();
    for (name, bytes) in built.iter().filter(|(name, _)| name.contains("de-de")) {
        assert_eq!(new.get(name), Some(bytes), "{name}");
    }
}

/// An edit of the locale being warmed: the update waits for its index (of the pages
/// before the edit) and hands out the edit's files.
#[test]
fn an_edit_during_warming_waits_for_its_locale() {
    let mut views = views();
    let mut site = super::super::index_pages(&all(&views)).unwrap();
    let mut incremental = Incremental::default();
    assert!(incremental.warm(&views, &BTreeSet::new()).unwrap(), "de-DE");
    edit(&mut views, "de-DE/a3/index.html", "Seite 3", "Seite drei");
    let de: BTreeSet<String> = ["de-DE".to_string()].into();
    site.extend(incremental.update(&views, &de, None).unwrap());
    let built = super::super::index_pages(&all(&views)).unwrap();
    assert!(built.iter().all(|(name, bytes)| site.get(name) == Some(bytes)));
    assert_eq!(incremental.files().unwrap(), built);
}

/// `serve` hands an edit's pages over as they are rendered ([`Incremental::update_pages`]):
/// the files of a build of the same pages, for a locale kept in memory; a locale that is
/// not is left to [`Incremental::update`].
#[test]
fn pages_handed_over_as_rendered_give_the_build_s_files() {
    let mut views = views();
    let mut site = super::super::index_pages(&all(&views)).unwrap();
    let mut incremental = Incremental::default();
    assert!(incremental.warm(&views, &BTreeSet::new()).unwrap(), "de-DE");
    for (from, to) in [("Seite 3", "Seite drei"), ("drei", "drei, neu")] {
        edit(&mut views, "de-DE/a3/index.html", from, to);
        let page = "de-DE/a3/index.html".to_string();
        let unchanged = "de-DE/a4/index.html".to_string();
        let handed: Files = [
            (page.clone(), views["de-DE"][&page].clone()),
            (unchanged.clone(), views["de-DE"][&unchanged].clone()),
        ]
        .into();
        let new = incremental.update_pages("de-DE", handed).unwrap().unwrap();
        assert!(new.keys().any(|name| name.starts_with("fragment/de-de_")), "{new:?}");
        assert!(!new.contains_key(ENTRY), "the entry file names every locale");
        site.extend(new);
        // Then the other locales (none stale): en-US indexed, and the entry file.
        let rest = incremental.update(&views, &BTreeSet::new(), None).unwrap();
        assert!(rest.keys().all(|name| !name.contains("de-de")), "de-DE is done: {rest:?}");
        site.extend(rest);
        let built = super::super::index_pages(&all(&views)).unwrap();
        assert!(built.iter().all(|(name, bytes)| site.get(name) == Some(bytes)), "{to}");
    }
    let mut other = Incremental::default();
    assert!(other.update_pages("en-US", views["en-US"].clone()).is_none(), "not kept");
}
