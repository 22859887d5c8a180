//! A language's stemmed words: interned as dense ids, with each normalized word's stemmed
//! word remembered, so that each is stemmed once however many raw words share it.

use std::collections::HashMap;
use std::sync::Arc;

use pagefind_stem::Stemmer;

use super::splitting::{self, Sink};
use super::{FxBuild, Indexable};

/// Maps stemmed words to dense ids.
#[derive(Default)]
pub(super) struct Interner {
    /// The strings are shared with `strings`.
    ids: HashMap<Arc<str>, u32, FxBuild>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).expect("fewer than 2^32 distinct words");
        let word: Arc<str> = word.into();
        self.strings.push(Arc::clone(&word));
        self.ids.insert(word, id);
        id
    }

    pub(super) fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// A language's stemmed words: the stemmer, the interned stemmed words, and each
/// normalized word's stemmed word (a pure function of the word), so that each is stemmed
/// once.
pub(super) struct Stems {
    pub(super) stemmer: Option<Stemmer>,
    pub(super) interner: Interner,
    /// Normalized word -> its interned stemmed word, and whether folding its diacritics
    /// changed it (then the word is the original form).
    pub(super) stemmed: HashMap<Box<str>, (u32, bool), FxBuild>,
}

impl Sink for Stems {
    type Word = Indexable;
    type Key = u32;

    fn stemmed(&mut self, word: &str, is_compound_part: bool) -> Indexable {
        let (stem, folded) = match self.stemmed.get(word) {
            Some(&known) => known,
            None => {
                let folded = splitting::normalize_diacritics(word);
                let base = folded.as_deref().unwrap_or(word);
                let stem = match &self.stemmer {
                    Some(stemmer) => self.interner.intern(&stemmer.stem(base)),
                    None => self.interner.intern(base),
                };
                self.stemmed.insert(word.into(), (stem, folded.is_some()));
                (stem, folded.is_some())
            }
        };
        Indexable { stem, is_compound_part, original: folded.then(|| word.into()) }
    }

    fn folded(&mut self, word: &str) -> Indexable {
        let folded = splitting::normalize_diacritics(word);
        let original = folded.is_some().then(|| word.into());
        let stem = self.interner.intern(folded.as_deref().unwrap_or(word));
        Indexable { stem, is_compound_part: true, original }
    }

    fn verbatim(&mut self, word: &str) -> Indexable {
        let stem = self.interner.intern(word);
        Indexable { stem, is_compound_part: false, original: None }
    }

    fn key(&self, word: &Indexable) -> u32 {
        word.stem
    }
}
