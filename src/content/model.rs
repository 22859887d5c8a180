//! Plain data types of the content model, deserialized from TOML.

use std::fmt;

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

mod refs;

/// A Fluent message id, with its byte span in the content file for diagnostics.
pub type MsgRef = Spanned<String>;

/// `content/site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Message id (in `site.ftl`) of the site's title.
    pub title: MsgRef,
    /// Absolute URL the site is published at, ending in `/`; used for canonical URLs,
    /// hreflang alternates and the sitemap.
    pub base_url: Spanned<String>,
    pub default_locale: Spanned<String>,
    /// Locales in the order the language switcher lists them.
    pub locales: Vec<Spanned<String>>,
    /// URL template for links to articles the site does not have (`{locale}`, `{article}`).
    #[serde(default)]
    pub external_article_url: Option<Spanned<String>>,
    /// The most pages one sitemap file lists (at most the protocol's 50,000): a site with
    /// more gets `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as their index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sitemap_max_urls: Option<Spanned<i64>>,
    /// The project's own look, added to the built-in one (`[theme]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// Per-topic settings (`[topics.<id>]`): the index lists topics by weight, then id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub topics: BTreeMap<Spanned<String>, TopicConfig>,
}

/// `[theme]` in `site.toml`: files under the project's `theme/` folder, copied to the site's
/// `theme/`, and texts from `site.ftl`. Templates stay compiled in (askama).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Theme {
    /// A stylesheet linked after the built-in one (`theme/style.css`).
    #[serde(default)]
    pub stylesheet: Option<Spanned<String>>,
    /// An image shown before the site title in the header (`theme/logo.svg`).
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// Links in the header, after the site title.
    #[serde(default)]
    pub header_links: Vec<HeaderLink>,
    /// Message id (in `site.ftl`) of a line of text at the top of the footer.
    #[serde(default)]
    pub footer: Option<MsgRef>,
}

/// A header link of the theme: its text is a message of `site.ftl`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeaderLink {
    pub text: MsgRef,
    /// An `https://` URL.
    pub url: Spanned<String>,
}

impl Theme {
    /// The theme's files (paths relative to the project, under `theme/`).
    pub fn files(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.stylesheet.iter().chain(self.logo.iter())
    }
}

/// `[topics.<id>]` in `site.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TopicConfig {
    /// Smaller first; topics without a weight come after those with one.
    #[serde(default)]
    pub weight: Option<i64>,
}

/// The order the index and the pager use, the same in every locale: by weight (smaller
/// first; none after every weight), then by id. Never by a translated title.
pub fn order_key(weight: Option<i64>, id: &str) -> (bool, i64, &str) {
    (weight.is_none(), weight.unwrap_or(0), id)
}

/// One article, `content/articles/<id>.toml`; the id is the file stem.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Article {
    #[serde(skip)]
    pub id: String,
    /// Display path of the file the article was read from.
    #[serde(skip)]
    pub path: String,
    /// The file's text, for positioned diagnostics found after loading.
    #[serde(skip)]
    pub file_text: String,
    /// `<title>` and the index entry.
    pub title: MsgRef,
    /// `<meta name="description">`.
    pub description: MsgRef,
    /// The page's `<h1>`; defaults to `title`.
    #[serde(default)]
    pub heading: Option<MsgRef>,
    /// Who can do this ("Appropriate roles").
    #[serde(default)]
    pub audience: Option<MsgRef>,
    /// Topic id; the index groups articles by topic (`topic-<id>` in `site.ftl`).
    pub topic: Spanned<String>,
    /// Place in its topic: smaller first, articles without a weight last; ties by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    /// DocFX `ms.topic` (`how-to`, `article`, ...).
    #[serde(default)]
    pub ms_topic: Option<String>,
    /// The English article's date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Source>,
    /// The simulator scenario set (`set` in `content/scenarios/*.toml`) embedded in the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simulator: Option<Spanned<String>>,
    /// Assessment mode of the simulator (`[assessment]`): offered only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// Provenance of each translation, by locale.
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
    pub body: Vec<Block>,
}

/// `[assessment]`: the score rule of the simulator's assessment mode (see `sim::score`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Assessment {
    /// The score an attempt needs to pass, in `(0, 1]` (cmi5 `masteryScore`).
    pub mastery_score: Spanned<f64>,
    /// Mistakes (refused or unnecessary actions) an attempt may make and still pass.
    #[serde(default)]
    pub allowed_mistakes: Option<Spanned<i64>>,
    /// Scenario ids of the article's set to assess on, in order; empty: all of them.
    #[serde(default)]
    pub scenarios: Vec<Spanned<String>>,
}

/// Where one locale's translation of an article came from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Translation {
    /// Machine-translated pages show a localized notice.
    pub kind: TranslationKind,
    /// English revision the translation was made from (DocFX `ms.openlocfilehash`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_revision: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationKind {
    Machine,
    Human,
}

/// Where an article came from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Source {
    pub format: String,
    /// The English source revision (DocFX `ms.openlocfilehash`).
    #[serde(default)]
    pub revision: Option<String>,
}

/// A block of an article body. In TOML, a table with exactly one key naming the kind:
/// `{ paragraph = "intro" }`, `{ heading = { id = "...", text = "..." } }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub enum Block {
    Paragraph(MsgRef),
    Heading(Heading),
    List(List),
    Procedure(Procedure),
    Alert(Alert),
    Table(Table),
    Image(Image),
    Code(Code),
    NextSteps(NextSteps),
    /// Content the source pulled in from elsewhere that the site does not have (a DocFX
    /// `:::code`, `[!INCLUDE]`, `[!VIDEO]`): shown as a localized note naming it.
    NotIncluded(NotIncluded),
    /// A translation of an earlier English revision that no longer matches the article's
    /// English, kept as translated rather than dropped (see `Earlier`).
    Earlier(Earlier),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Heading {
    /// Anchor id, stable across locales (English).
    pub id: Spanned<String>,
    pub text: MsgRef,
    /// 2 to 4; the article heading is level 1.
    #[serde(default = "default_heading_level")]
    pub level: Spanned<u8>,
}

fn default_heading_level() -> Spanned<u8> {
    Spanned::new(0..0, 2)
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct List {
    #[serde(default)]
    pub ordered: bool,
    pub items: Vec<Item>,
}

/// A list item: a message id, or a table `{ text, items, blocks }` for nested content.
#[derive(Debug, Clone)]
pub struct Item {
    pub text: MsgRef,
    pub items: Option<List>,
    pub blocks: Vec<Block>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ItemTable {
    text: MsgRef,
    #[serde(default)]
    items: Option<List>,
    #[serde(default)]
    blocks: Vec<Block>,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Item, D::Error> {
        let spanned = Spanned::<ItemRepr>::deserialize(deserializer)?;
        let span = spanned.span();
        Ok(match spanned.into_inner() {
            ItemRepr::Text(text) => {
                Item { text: Spanned::new(span, text), items: None, blocks: Vec::new() }
            }
            ItemRepr::Table(table) => {
                Item { text: table.text, items: table.items, blocks: table.blocks }
            }
        })
    }
}

impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.items.is_none() && self.blocks.is_empty() {
            return self.text.get_ref().serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("text", self.text.get_ref())?;
        if let Some(items) = &self.items {
            map.serialize_entry("items", items)?;
        }
        if !self.blocks.is_empty() {
            map.serialize_entry("blocks", &self.blocks)?;
        }
        map.end()
    }
}

/// A string or a table, without serde's untagged buffering (which would lose spans and
/// turn precise errors into "data did not match any variant").
enum ItemRepr {
    Text(String),
    Table(ItemTable),
}

impl<'de> Deserialize<'de> for ItemRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ItemRepr, D::Error> {
        struct ReprVisitor;
        impl<'de> Visitor<'de> for ReprVisitor {
            type Value = ItemRepr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a message id or a table with `text`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<ItemRepr, E> {
                Ok(ItemRepr::Text(text.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ItemRepr, A::Error> {
                ItemTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(ItemRepr::Table)
            }
        }
        deserializer.deserialize_any(ReprVisitor)
    }
}

/// A numbered procedure. Step numbers and sub-step letters are generated by the page.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Procedure {
    /// Anchor id of the procedure.
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    /// What must be done before the steps (checklist items, not rendered as steps: the
    /// article says them in a paragraph).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<Prerequisite>,
    pub steps: Vec<Step>,
}

/// A prerequisite of a procedure, with its simulator binding.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Prerequisite {
    pub id: Spanned<String>,
    pub text: MsgRef,
    /// The article anchor where the prerequisite is explained (defaults to the procedure's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Spanned<String>>,
    /// A condition id of the simulator model (`no-active-subscriptions`) that makes this done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_when: Option<Spanned<String>>,
    /// Action ids of the simulator model (`suspend-subscription`) this asks for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Spanned<String>>,
    /// The actions are repeated for each such item (`active-subscription`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_each: Option<Spanned<String>>,
}

/// A borrowed view of a step's or prerequisite's simulator binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding<'a> {
    pub done_when: Option<&'a Spanned<String>>,
    pub actions: &'a [Spanned<String>],
    pub for_each: Option<&'a Spanned<String>>,
}

impl Step {
    pub fn binding(&self) -> Binding<'_> {
        Binding {
            done_when: self.done_when.as_ref(),
            actions: &self.actions,
            for_each: self.for_each.as_ref(),
        }
    }
}

impl Prerequisite {
    pub fn binding(&self) -> Binding<'_> {
        Binding {
            done_when: self.done_when.as_ref(),
            actions: &self.actions,
            for_each: self.for_each.as_ref(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Step {
    /// Stable anchor id (`step-<id>` in the page); defaults to the step's number path.
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    pub text: MsgRef,
    #[serde(default)]
    pub substeps: Vec<Step>,
    /// How the page numbers the sub-steps.
    #[serde(default)]
    pub substeps_style: ListStyle,
    /// Blocks after the text and sub-steps (notes, images, code).
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// A condition id of the simulator model (`no-active-subscriptions`) that makes this done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_when: Option<Spanned<String>>,
    /// Action ids of the simulator model (`suspend-subscription`) this asks for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Spanned<String>>,
    /// The actions are repeated for each such item (`active-subscription`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_each: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListStyle {
    #[default]
    Decimal,
    LowerAlpha,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Alert {
    pub kind: AlertKind,
    /// A simulator-model property the alert states, which `check` verifies
    /// (`remove-inactive-while-subscriptions-active`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<Spanned<String>>,
    /// The alert's text; more blocks may follow.
    #[serde(default)]
    pub text: Option<MsgRef>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlertKind {
    Note,
    Important,
    Tip,
    Warning,
    Caution,
}

impl AlertKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Note => "note",
            AlertKind::Important => "important",
            AlertKind::Tip => "tip",
            AlertKind::Warning => "warning",
            AlertKind::Caution => "caution",
        }
    }
}

/// A table whose cells are message ids (an empty string is an empty cell).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Table {
    pub header: Vec<MsgRef>,
    #[serde(default)]
    pub rows: Vec<Vec<MsgRef>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Image {
    /// Path relative to `content/` (`media/x.png`); copied to the site when present.
    pub src: Spanned<String>,
    pub alt: MsgRef,
}

/// `{ earlier = { revision = "…", blocks = [...] } }`: the structure of an earlier English
/// revision, whose translations no longer align with the current English. Shown only on the
/// pages of locales whose translation is of that revision (`[translations.<locale>]
/// source-revision`), under a note saying so; its messages keep the earlier English in the
/// source locale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Earlier {
    /// The English revision (DocFX `ms.openlocfilehash`) the blocks were translated from.
    pub revision: String,
    pub blocks: Vec<Block>,
}

/// What a `not-included` block stands for: `{ kind = "code", target = "samples/a.xml" }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NotIncluded {
    pub kind: NotIncludedKind,
    /// The file or address the source points to (or the extension's name).
    pub target: String,
}

/// DocFX `:::code`, `[!INCLUDE]`, `[!VIDEO]`, any other `:::name …:::` extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotIncludedKind {
    Code,
    Include,
    Video,
    Extension,
}

impl NotIncludedKind {
    /// The selector value of `article-not-included` in `site.ftl`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotIncludedKind::Code => "code",
            NotIncludedKind::Include => "include",
            NotIncludedKind::Video => "video",
            NotIncludedKind::Extension => "extension",
        }
    }
}

/// Code is not translated.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Code {
    #[serde(default)]
    pub lang: Option<String>,
    pub code: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NextSteps {
    /// Anchor id of the section.
    pub id: Spanned<String>,
    pub title: MsgRef,
    pub links: Vec<Link>,
}

/// A link to another article of the site (`article`) or to a URL (`url`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Link {
    #[serde(default)]
    pub article: Option<Spanned<String>>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    pub text: MsgRef,
}

/// The loaded content of a site.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// Sorted by id.
    pub articles: Vec<Article>,
    /// Files under `content/media/`, as paths relative to `content/` (`media/x.png`).
    pub media: std::collections::BTreeSet<String>,
    /// Simulator scenarios (`content/scenarios/*.toml`), sorted.
    pub scenarios: Vec<crate::sim::Scenario>,
}

impl Site {
    /// Article `id`, by binary search: `articles` is sorted by id (a linear search made
    /// linking quadratic in the size of the site).
    pub fn article(&self, id: &str) -> Option<&Article> {
        debug_assert!(self.articles.is_sorted_by(|a, b| a.id < b.id), "articles not sorted by id");
        let i = self.articles.binary_search_by(|a| a.id.as_str().cmp(id)).ok()?;
        Some(&self.articles[i])
    }
}
