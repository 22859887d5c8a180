//! Pagefind 1.6's search index, written natively: the same files Pagefind writes for the
//! same HTML pages (byte for byte: the tests compare with Pagefind itself), without its
//! HTML rewriter, async runtime and per-index JavaScript minifier, and with each step done
//! once per word instead of once per occurrence.
//!
//! Three steps, one module each, in the order Pagefind runs them:
//! - [`parse`]: a page's HTML -> [`Parsed`] (Pagefind's `DomParser`: the digest of the
//!   indexed text with its weight and anchor markers, meta, filters, sorts, anchors). It
//!   reads the HTML that well-formed generators write, and says [`Unsupported`] for
//!   anything it does not follow exactly as Pagefind would (drillbook refuses to build
//!   such a page). Its tokenizer, [`parse::tokens`], is drillbook's too.
//! - [`words`]: [`Parsed`] -> [`Page`] (Pagefind's `parse_digest`, meta words and word
//!   splitting: normalized, stemmed words with their positions and weights).
//! - [`index`]: the pages of a site -> its index files (Pagefind's page selection, language
//!   grouping, `build_indexes` and file output).
//!
//! [`index::index`] runs the last two on parsed pages as a stream: pages are selected and
//! grouped on what parsing says of them, then fossicked and packed in parallel runs, so no
//! more than one fossicked [`Page`] a thread is alive at a time (its words left as ids of
//! the fossicker's stems until the run is packed, and named once per distinct word of the
//! run). [`index::build`] takes fossicked pages; both give the same files. Each thread
//! keeps one gzip encoder, reset between files.
//!
//! What is not here: Pagefind's runtime files (`pagefind.js`, its worker, the WebAssembly
//! search cores), which drillbook keeps in `vendor/pagefind/`. Pagefind itself, pinned to
//! one exact version, is a dev-dependency: every test compares with it.

use std::collections::{BTreeMap, HashMap};

pub mod index;
pub mod parse;
pub mod words;

/// Output files by path below the bundle directory (e.g. `index/en_3f2a.pf_index`).
pub type Files = BTreeMap<String, Vec<u8>>;

/// The Pagefind version whose index format this writes.
pub const PAGEFIND_VERSION: &str = "1.6.0";

/// What Pagefind's HTML parser gets from one page (its `DomParserResult`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The indexed text, with Pagefind's `___PAGEFIND_…___` markers for weights and anchors.
    pub digest: String,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
    pub meta: BTreeMap<String, String>,
    pub anchor_content: BTreeMap<String, String>,
    pub anchor_titles: BTreeMap<String, String>,
    pub has_custom_body: bool,
    pub force_inclusion: bool,
    pub has_html_element: bool,
    pub has_old_bundle_reference: bool,
    pub has_default_ui_reference: bool,
    /// The page's `<html lang>`, lowercased; `unknown` without one.
    pub language: String,
}

/// HTML that [`parse`] does not read exactly as Pagefind does, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Byte offset in the page.
    pub offset: usize,
    pub reason: String,
}

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.reason)
    }
}

impl std::error::Error for Unsupported {}

/// One occurrence of an indexed word in the page body (Pagefind's `FossickedWord`).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub position: u32,
    pub weight: u8,
    /// The word before diacritics were folded, when that differs.
    pub original_word: Option<String>,
}

/// One occurrence of an indexed word in a meta field (Pagefind's `MetaFossickedWord`).
#[derive(Debug, Clone, PartialEq)]
pub struct MetaWord {
    pub field_id: u16,
    pub position: u32,
    pub original_word: Option<String>,
}

/// An element with an `id` in the body (Pagefind's `PageAnchorData`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Anchor {
    pub element: String,
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub location: u32,
}

/// A page ready to be indexed (Pagefind's `FossickedData`).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The page's URL, as Pagefind builds it from its path (`/de-de/a/` for
    /// `de-de/a/index.html`).
    pub url: String,
    /// The text shown in excerpts.
    pub content: String,
    pub word_count: usize,
    pub filters: BTreeMap<String, Vec<String>>,
    pub meta: BTreeMap<String, String>,
    pub anchors: Vec<Anchor>,
    /// Stemmed word -> its occurrences.
    pub word_data: HashMap<String, Vec<Word>>,
    pub meta_word_data: HashMap<String, Vec<MetaWord>>,
    pub sort: BTreeMap<String, String>,
    pub has_custom_body: bool,
    pub force_inclusion: bool,
    pub has_html_element: bool,
    pub language: String,
}
