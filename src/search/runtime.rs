//! Pagefind's runtime files that the site serves beside its index: the search API
//! (`pagefind.js`), its worker and the WebAssembly search cores, one per base language with a
//! stemmer and one generic. They are the files Pagefind itself writes, in the version
//! [`pagefind_native::PAGEFIND_VERSION`] names, kept in `vendor/pagefind/` (with their
//! provenance and licence) and compiled into the program. `scripts/update-pagefind.sh`
//! refreshes them; a test fails when they differ from what the pinned Pagefind writes
//! (docs/updating-pagefind.md).

use crate::render::Files;

macro_rules! vendored {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../vendor/pagefind/", $name)))),*]
    };
}

/// Every runtime file, by name below the index directory.
pub(crate) const FILES: &[(&str, &[u8])] = vendored!(
    "pagefind.js",
    "pagefind-worker.js",
    "wasm.unknown.pagefind",
    "wasm.ar.pagefind",
    "wasm.ca.pagefind",
    "wasm.da.pagefind",
    "wasm.de.pagefind",
    "wasm.el.pagefind",
    "wasm.en.pagefind",
    "wasm.eo.pagefind",
    "wasm.es.pagefind",
    "wasm.et.pagefind",
    "wasm.eu.pagefind",
    "wasm.fi.pagefind",
    "wasm.fr.pagefind",
    "wasm.ga.pagefind",
    "wasm.hi.pagefind",
    "wasm.hu.pagefind",
    "wasm.hy.pagefind",
    "wasm.id.pagefind",
    "wasm.it.pagefind",
    "wasm.lt.pagefind",
    "wasm.nb.pagefind",
    "wasm.ne.pagefind",
    "wasm.nl.pagefind",
    "wasm.nn.pagefind",
    "wasm.no.pagefind",
    "wasm.pl.pagefind",
    "wasm.pt.pagefind",
    "wasm.ro.pagefind",
    "wasm.ru.pagefind",
    "wasm.sr.pagefind",
    "wasm.sv.pagefind",
    "wasm.ta.pagefind",
    "wasm.tr.pagefind",
    "wasm.yi.pagefind",
);

/// The runtime file `name`, if there is one.
pub(crate) fn get(name: &str) -> Option<&'static [u8]> {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, bytes)| *bytes)
}

/// The runtime files an index of `languages` needs (Pagefind's language keys, e.g. `de-de`,
/// whose core is `wasm.de-de.pagefind`: the core of its base language, `de`): the shared
/// files ([`super::SHARED`]) and each language's search core. `Err` names a file missing
/// from [`FILES`].
pub(crate) fn files_for(languages: &[&str]) -> Result<Files, String> {
    let mut out = Files::new();
    for name in super::SHARED {
        let bytes = get(name).ok_or_else(|| name.to_string())?;
        out.insert(name.to_string(), bytes.to_vec());
    }
    for language in languages {
        let base = language.split('-').next().unwrap_or_default();
        let name = format!("wasm.{base}.pagefind");
        let bytes = get(&name).ok_or(name)?;
        out.insert(format!("wasm.{language}.pagefind"), bytes.to_vec());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every base language the native indexer gives a search core has its file, and no other.
    #[test]
    fn a_core_for_every_language_pagefind_has_one_for() {
        let mut cores: Vec<&str> = FILES
            .iter()
            .filter_map(|(name, _)| name.strip_prefix("wasm.")?.strip_suffix(".pagefind"))
            .collect();
        cores.sort_unstable();
        assert_eq!(cores, pagefind_native::index::WASM_LANGUAGES);
        assert!(FILES.iter().all(|(_, bytes)| !bytes.is_empty()), "an empty runtime file");
        let files = files_for(&["de-de", "ru-ru"]).unwrap();
        assert_eq!(files["wasm.de-de.pagefind"], get("wasm.de.pagefind").unwrap());
        assert!(files.contains_key("pagefind.js") && files.contains_key("wasm.unknown.pagefind"));
        assert_eq!(files_for(&["zz-zz"]), Err("wasm.zz.pagefind".to_string()));
    }
}
