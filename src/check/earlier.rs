//! Translations of an earlier English revision (`earlier` blocks, written by `import
//! docfx`): a block is shown only in the locales translated from its revision. Its messages
//! are not missing in the other locales, which never show them; a locale that does show one
//! is told, once per article, that its translation is of an earlier English
//! (`earlier-revision`), since its messages match the English they were made from and no
//! other finding says that the page lags behind the article.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::{Finding, Locale};
use crate::content::{Article, Block, Earlier, Site};
use crate::diag::Severity;

/// The `earlier` blocks at any depth of `blocks`.
fn earlier_blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a Earlier>) {
    for block in blocks {
        match block {
            Block::Earlier(e) => out.push(e),
            Block::Alert(a) => earlier_blocks(&a.blocks, out),
            _ => {}
        }
    }
}

/// The revision `locale`'s translation of `article` was made from, when it says.
fn revision_of<'a>(article: &'a Article, locale: &str) -> Option<&'a str> {
    article.translations.get(locale).and_then(|t| t.source_revision.as_deref())
}

/// By scope (article id), the message ids of the `earlier` blocks that `locale` does not show.
pub(crate) fn hidden_ids(site: Option<&Site>, locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for article in site.iter().flat_map(|s| &s.articles) {
        let mut blocks = Vec::new();
        earlier_blocks(&article.body, &mut blocks);
        for block in
            blocks.into_iter().filter(|b| revision_of(article, locale) != Some(&b.revision))
        {
            let ids = block.message_refs().into_iter().map(|m| m.get_ref().clone());
            out.entry(article.id.clone()).or_default().extend(ids);
        }
    }
    out
}

/// Drops the `missing-message` findings of `locale` about messages it never shows
/// (`hidden`, from [`hidden_ids`]), and adds an `earlier-revision` warning for each article
/// whose page in `locale` shows an earlier revision's translation.
pub(crate) fn check_earlier(
    site: Option<&Site>,
    locale: &Locale<'_>,
    hidden: &BTreeMap<String, BTreeSet<String>>,
    out: &mut Vec<Finding>,
) {
    out.retain(|f| {
        f.diag.code != "missing-message"
            || f.locale != locale.name
            || !f.id.as_ref().is_some_and(|id| hidden.get(&f.scope).is_some_and(|h| h.contains(id)))
    });
    for article in site.iter().flat_map(|s| &s.articles) {
        let Some(file) = locale.files.get(article.id.as_str()) else { continue };
        let mut blocks = Vec::new();
        earlier_blocks(&article.body, &mut blocks);
        let Some(shown) =
            blocks.into_iter().find(|b| revision_of(article, locale.name) == Some(&b.revision))
        else {
            continue;
        };
        let ids: BTreeSet<&str> =
            shown.message_refs().iter().map(|m| m.get_ref().as_str()).collect();
        // At the first of the block's messages the translation has (else the file's start).
        let at =
            file.entries().iter().find(|e| ids.contains(e.id.as_str())).map_or(0, |e| e.offset);
        let current = article.source.as_ref().and_then(|s| s.revision.as_deref());
        let short = |r: &str| r.chars().take(8).collect::<String>();
        let message = format!(
            "{} translated `{}` from an earlier English revision ({}{}): its page shows that \
             revision's {} messages under a note; translate the current English, then \
             remove the `earlier` block from {}",
            locale.name,
            article.id,
            short(&shown.revision),
            current.map(|c| format!(", the English is now {}", short(c))).unwrap_or_default(),
            ids.len(),
            article.path,
        );
        let key = (locale.name, article.id.as_str(), None);
        out.push(file.finding(Severity::Warning, "earlier-revision", at..at, key, message));
    }
}
