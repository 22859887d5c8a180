//! What every page shares, whatever its kind: each locale's memoized chrome texts
//! ([`SiteText`]), the language names, and the [`Chrome`] of a page (head metadata, header,
//! language switcher, footer text) that every template renders.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::content::Site;
use crate::l10n::{L10n, Problem, Translator};
use crate::render::PageCtx;
use crate::render::html::plain_text;

/// What every page shares: head metadata, header, language switcher, footer text.
pub(crate) struct Chrome<'a> {
    pub lang: String,
    /// `rtl` for a right-to-left language (its pages also get `assets/rtl.css`), else `ltr`.
    pub dir: &'static str,
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    /// Relative path from the page to the site root (`../../`).
    pub root: String,
    pub home: String,
    /// The translation dashboard of this page's locale.
    pub dashboard: String,
    pub site_title: String,
    pub switcher: Vec<LangLink>,
    pub breadcrumbs: Vec<Crumb>,
    pub body_class: &'static str,
    /// The project's theme (`[theme]` in site.toml); all empty without one.
    pub theme: ThemeView,
    site_t: &'a SiteText,
    problems: RefCell<Vec<Problem>>,
}

/// What a page shows of the project's theme: paths relative to the site root, texts in the
/// page's language.
#[derive(Default)]
pub(crate) struct ThemeView {
    pub stylesheet: String,
    pub logo: String,
    /// (URL, text)
    pub links: Vec<(String, String)>,
    pub footer: String,
}

fn theme_view(site: &Site, site_t: &SiteText, problems: &mut Vec<Problem>) -> ThemeView {
    let Some(theme) = &site.config.theme else { return ThemeView::default() };
    let mut text = |id: &str| {
        let (text, more) = site_t.plain(id);
        problems.extend(more);
        text
    };
    let path = |file: &Option<toml::Spanned<String>>| {
        file.as_ref().map(|f| f.get_ref().clone()).unwrap_or_default()
    };
    ThemeView {
        stylesheet: path(&theme.stylesheet),
        logo: path(&theme.logo),
        links: (theme.header_links.iter())
            .map(|l| (l.url.get_ref().clone(), text(l.text.get_ref())))
            .collect(),
        footer: theme.footer.as_ref().map(|f| text(f.get_ref())).unwrap_or_default(),
    }
}

/// One text per CLDR plural category, with the problems met formatting them.
pub(crate) type PluralTexts = (Vec<(&'static str, String)>, Vec<Problem>);

impl Chrome<'_> {
    /// Problems met while formatting the chrome's text.
    pub(crate) fn take_problems(&self) -> Vec<Problem> {
        self.problems.take()
    }

    /// A site-chrome message as plain text; the one way templates get their words.
    pub(crate) fn t(&self, id: &str) -> String {
        let (text, problems) = self.site_t.plain(id);
        self.problems.borrow_mut().extend(problems);
        text
    }

    /// A site-chrome message that takes a `$count`, for the browser to fill in: one text per
    /// CLDR plural category of the page's language, formatted with a sample count of that
    /// category whose digits are then replaced by `{count}` (Fluent does not localize
    /// number formatting, so the digits appear as they are). The script picks the text with
    /// `Intl.PluralRules`.
    pub(crate) fn plural_t(&self, id: &str) -> Vec<(&'static str, String)> {
        let (texts, problems) = self.site_t.plural(id, |site_t| {
            let mut problems = Vec::new();
            let texts = plural_samples(&self.lang)
                .into_iter()
                .map(|(category, n)| {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("count", n);
                    let (text, more) = site_t.message(id, Some(&args));
                    problems.extend(more);
                    (category, plain_text(&text.value).replace(&n.to_string(), "{count}"))
                })
                .collect();
            (texts, problems)
        });
        self.problems.borrow_mut().extend(problems);
        texts
    }
}

/// One sample count per CLDR cardinal category of `lang`'s integers, in CLDR order, preferring
/// counts of two or more digits (less likely to collide with other digits in a message).
fn plural_samples(lang: &str) -> Vec<(&'static str, u32)> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let bare = lang.split('-').next().unwrap_or(lang);
    let rules = bare
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|langid| PluralRules::create(langid, PluralRuleType::CARDINAL).ok());
    let Some(rules) = rules else { return vec![("other", 10)] };
    let order = [
        (PluralCategory::ZERO, "zero"),
        (PluralCategory::ONE, "one"),
        (PluralCategory::TWO, "two"),
        (PluralCategory::FEW, "few"),
        (PluralCategory::MANY, "many"),
        (PluralCategory::OTHER, "other"),
    ];
    order
        .into_iter()
        .filter_map(|(category, name)| {
            (10..1000)
                .chain(0..10)
                .find(|&n| rules.select(n).is_ok_and(|c| c == category))
                .map(|n| (name, n))
        })
        .collect()
}

pub(crate) struct Alternate {
    pub hreflang: String,
    pub href: String,
}

pub(crate) struct LangLink {
    pub href: String,
    pub lang: String,
    pub name: String,
    pub current: bool,
}

pub(crate) struct Crumb {
    pub href: String,
    pub text: String,
}

/// `page` is the path of a page below a locale (`remove-a-relationship/`, or `` for the
/// locale index); alternates cover every configured locale plus `x-default`.
pub(crate) fn alternates(site: &Site, page: &str, available: Option<&[String]>) -> Vec<Alternate> {
    let base = site.config.base_url.get_ref();
    let mut out: Vec<Alternate> = site
        .config
        .locales
        .iter()
        .filter(|l| available.is_none_or(|a| a.contains(l.get_ref())))
        .map(|l| Alternate {
            hreflang: l.get_ref().clone(),
            href: format!("{base}{}/{page}", l.get_ref()),
        })
        .collect();
    out.push(Alternate {
        hreflang: "x-default".into(),
        href: format!("{base}{}/{page}", site.config.default_locale.get_ref()),
    });
    out
}

/// Language links to the same page in every locale; a locale without this page gets a
/// link to its index instead.
fn switcher(
    site: &Site,
    names: &Names,
    current: &str,
    root: &str,
    page: &str,
    available: Option<&[String]>,
) -> Vec<LangLink> {
    site.config
        .locales
        .iter()
        .map(|l| LangLink {
            href: if available.is_none_or(|a| a.contains(l.get_ref())) {
                format!("{root}{}/{page}", l.get_ref())
            } else {
                format!("{root}{}/", l.get_ref())
            },
            lang: l.get_ref().clone(),
            name: names.get(l.get_ref()).cloned().unwrap_or_default(),
            current: l.get_ref() == current,
        })
        .collect()
}

pub(crate) fn chrome<'a>(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &'a SiteText,
    root: &str,
    page: Option<&str>,
) -> Chrome<'a> {
    chrome_in(site, names, locale, site_t, root, page, None)
}

/// The chrome of a page that exists only in the `available` locales.
pub(crate) fn chrome_in<'a>(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &'a SiteText,
    root: &str,
    page: Option<&str>,
    available: Option<&[String]>,
) -> Chrome<'a> {
    let (site_title, mut problems) = site_t.plain(site.config.title.get_ref());
    let theme = theme_view(site, site_t, &mut problems);
    Chrome {
        lang: locale.to_string(),
        dir: if crate::pseudo::is_rtl(locale) { "rtl" } else { "ltr" },
        title: String::new(),
        description: String::new(),
        canonical: page
            .map(|page| format!("{}{locale}/{page}", site.config.base_url.get_ref()))
            .unwrap_or_default(),
        alternates: page.map(|page| alternates(site, page, available)).unwrap_or_default(),
        root: root.to_string(),
        home: format!("{root}{locale}/"),
        dashboard: format!("{root}{locale}/dashboard/"),
        site_title,
        switcher: page
            .map(|page| switcher(site, names, locale, root, page, available))
            .unwrap_or_default(),
        breadcrumbs: Vec::new(),
        body_class: "",
        theme,
        site_t,
        problems: RefCell::new(problems),
    }
}

/// The chrome of a page below an article (`page` relative to the locale, e.g.
/// `remove-a-relationship/checklist/`).
pub(crate) fn chrome_for<'a>(ctx: &PageCtx<'a>, root: &str, page: &str) -> Chrome<'a> {
    chrome_in(ctx.site, ctx.names, ctx.locale, ctx.site_t, root, Some(page), Some(ctx.available))
}

/// A locale's translator of texts every page shows (site chrome, checklist words), with
/// its plain texts memoized: each is formatted once per build instead of once per page, on
/// every page of the locale the same text from the same message. Problems are kept with
/// the text and handed out on every use, as without the memo.
pub(crate) struct SiteText {
    t: Translator,
    plain: Memo<(String, Vec<Problem>)>,
    plural: Memo<PluralTexts>,
    lists: Memo<(Vec<String>, Vec<Problem>)>,
}

/// Texts by key, shared by the threads rendering a locale's pages.
type Memo<T> = std::sync::Mutex<rustc_hash::FxHashMap<String, T>>;

impl SiteText {
    pub(crate) fn new(t: Translator) -> SiteText {
        SiteText {
            t,
            plain: Default::default(),
            plural: Default::default(),
            lists: Default::default(),
        }
    }

    /// The memoized texts under `key`, made by `make` on first use (with their problems).
    pub(crate) fn list(
        &self,
        key: &str,
        make: impl FnOnce(&Translator) -> (Vec<String>, Vec<Problem>),
    ) -> (Vec<String>, Vec<Problem>) {
        memoized(&self.lists, key, || make(&self.t))
    }

    /// Message `id` (no arguments) as plain text, and the problems formatting it met.
    pub(crate) fn plain(&self, id: &str) -> (String, Vec<Problem>) {
        memoized(&self.plain, id, || {
            let (text, problems) = self.t.message(id, None);
            (plain_text(&text.value), problems)
        })
    }

    /// The memoized plural texts of `id`, computed by `make` on first use.
    pub(crate) fn plural(
        &self,
        id: &str,
        make: impl FnOnce(&Translator) -> PluralTexts,
    ) -> PluralTexts {
        memoized(&self.plural, id, || make(&self.t))
    }
}

/// `memo`'s value under `key`, made by `make` on first use. The lock is held while `make`
/// runs, so each value is made once.
fn memoized<T: Clone>(memo: &Memo<T>, key: &str, make: impl FnOnce() -> T) -> T {
    let mut memo = memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(hit) = memo.get(key) {
        return hit.clone();
    }
    let value = make();
    memo.insert(key.to_string(), value.clone());
    value
}

impl std::ops::Deref for SiteText {
    type Target = Translator;
    fn deref(&self) -> &Translator {
        &self.t
    }
}

/// Each locale's name in its own language (`language-name` in its `site.ftl`).
pub(crate) type Names = BTreeMap<String, String>;

pub(crate) fn language_names(l10n: &L10n, problems: &mut Vec<Problem>) -> Names {
    l10n.locales
        .iter()
        .map(|files| {
            let (text, more) =
                l10n.translator(&files.locale, "site").message("language-name", None);
            problems.extend(more);
            (files.locale.clone(), plain_text(&text.value))
        })
        .collect()
}

#[cfg(test)]
mod plural_tests {
    use super::plural_samples;

    #[test]
    fn samples_cover_each_integer_category_of_the_language() {
        assert_eq!(plural_samples("ru-RU"), [("one", 21), ("few", 22), ("many", 10)]);
        assert_eq!(plural_samples("en-US"), [("one", 1), ("other", 10)]);
        assert_eq!(plural_samples("zh-CN"), [("other", 10)]);
    }
}
