//! Each locale's listing of the articles: topics, their articles in the order the index and
//! the pager show them, and which locales have each article.

use std::collections::BTreeMap;

use crate::content::{Site, order_key};
use crate::l10n::{L10n, Problem};
use crate::render::html::plain_text;
use crate::render::is_translated;

/// A topic of a locale's index: its articles in the order the index and the pager show them.
pub(crate) struct TopicList {
    pub topic: String,
    pub entries: Vec<ListEntry>,
}

pub(crate) struct ListEntry {
    pub id: String,
    pub title: String,
    pub description: String,
    /// False: the locale has no translation; the entry shows the source locale's text and
    /// links to its page.
    pub translated: bool,
}

/// A locale's index: its topics, and where each article is in them (for the pager).
#[derive(Default)]
pub(crate) struct Listing {
    pub topics: Vec<TopicList>,
    /// Article id -> (topic, position in the topic's entries).
    places: rustc_hash::FxHashMap<String, (usize, usize)>,
}

impl Listing {
    /// The topic that lists article `id`, and its position there.
    pub(crate) fn place(&self, id: &str) -> Option<(&TopicList, usize)> {
        let &(topic, i) = self.places.get(id)?;
        Some((&self.topics[topic], i))
    }
}

/// Articles by topic for one locale, topics and articles each by weight, then id
/// ([`order_key`]).
/// Articles' titles in parallel: this runs before the locale's pages, on every build.
pub(crate) fn listing(
    site: &Site,
    l10n: &L10n,
    locale: &str,
    problems: &mut Vec<Problem>,
) -> Listing {
    use rayon::prelude::*;
    let entries: Vec<(ListEntry, Vec<Problem>)> = site
        .articles
        .par_iter()
        .map(|article| {
            let translated = is_translated(l10n, locale, &article.id);
            let from = if translated { locale } else { l10n.source().locale.as_str() };
            // Most titles and descriptions are text alone: read without making a bundle.
            let text_only = |msg: &crate::content::MsgRef| {
                l10n.text_only_message(from, &article.id, msg.get_ref())
            };
            let (title, description, found) =
                match (text_only(&article.title), text_only(&article.description)) {
                    (Some(title), Some(description)) => (title, description, Vec::new()),
                    _ => {
                        let t = l10n.translator(from, &article.id);
                        let (title, mut found) = t.message(article.title.get_ref(), None);
                        let (description, more) = t.message(article.description.get_ref(), None);
                        found.extend(more);
                        (title.value, description.value, found)
                    }
                };
            let entry = ListEntry {
                id: article.id.clone(),
                title: plain_text(&title),
                description: plain_text(&description),
                translated,
            };
            (entry, found)
        })
        .collect();
    let mut topics: BTreeMap<&str, Vec<ListEntry>> = BTreeMap::new();
    for (article, (entry, found)) in site.articles.iter().zip(entries) {
        problems.extend(found);
        topics.entry(article.topic.get_ref()).or_default().push(entry);
    }
    // The same order in every locale: weights, then ids (a translated title would flip
    // the pager between languages).
    let weights: rustc_hash::FxHashMap<&str, Option<i64>> =
        site.articles.iter().map(|a| (a.id.as_str(), a.weight)).collect();
    let mut topics: Vec<TopicList> = topics
        .into_iter()
        .map(|(topic, mut entries)| {
            entries.sort_by(|a, b| {
                order_key(weights[a.id.as_str()], &a.id)
                    .cmp(&order_key(weights[b.id.as_str()], &b.id))
            });
            TopicList { topic: topic.to_string(), entries }
        })
        .collect();
    let topic_weight = |id: &str| site.config.topics.get(id).and_then(|t| t.weight);
    topics.sort_by(|a, b| {
        order_key(topic_weight(&a.topic), &a.topic)
            .cmp(&order_key(topic_weight(&b.topic), &b.topic))
    });
    let mut places = rustc_hash::FxHashMap::default();
    for (t, topic) in topics.iter().enumerate() {
        for (i, entry) in topic.entries.iter().enumerate() {
            places.entry(entry.id.clone()).or_insert((t, i));
        }
    }
    Listing { topics, places }
}

/// The configured locales that have article `id` (the source locale always does).
pub(crate) fn available_locales(site: &Site, l10n: &L10n, id: &str) -> Vec<String> {
    site.config
        .locales
        .iter()
        .map(|l| l.get_ref().clone())
        .filter(|l| is_translated(l10n, l, id))
        .collect()
}

/// Each article's (previous, next) in its topic, as the pager shows them.
pub(crate) fn neighbours(listing: &[TopicList]) -> BTreeMap<&str, (Option<&str>, Option<&str>)> {
    let mut out = BTreeMap::new();
    for topic in listing {
        for (i, entry) in topic.entries.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| topic.entries[j].id.as_str());
            let next = topic.entries.get(i + 1).map(|e| e.id.as_str());
            out.insert(entry.id.as_str(), (prev, next));
        }
    }
    out
}
