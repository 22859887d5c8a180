//! Inline Markdown from untrusted translations to safe HTML.
//!
//! Order: Fluent has already formatted the text; here it is parsed with pulldown-cmark, raw
//! HTML becomes escaped text, link targets are filtered by scheme and resolved, block
//! structure is flattened (an inline string cannot open a list or a heading), bidi and
//! zero-width controls are removed (`md_shape::strip_controls`), and the result is written by
//! `push_html`. Text over `md_shape`'s limits skips the parser and is shown as written.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Where a link goes, as decided by the page: the href, and trusted HTML to put right after
/// the link (a "(English)" marker when the target page is not translated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub href: String,
    pub after: Option<String>,
}

impl Target {
    pub fn plain(href: impl Into<String>) -> Target {
        Target { href: href.into(), after: None }
    }
}

/// Renders `text` as inline HTML. `resolve` maps an allowed link target to where it goes
/// (e.g. `other.md` to `../other/`); a target it rejects drops the link, keeping its text.
/// Image sources go through `resolve` too (a relative path only); a rejected image shows
/// its alt text.
pub fn render_inline(text: &str, resolve: &dyn Fn(&str) -> Option<Target>) -> String {
    if is_plain(text) {
        // What the parser would give: one text event, nothing to escape.
        return text.to_string();
    }
    if let Some(parts) = bold_parts(text) {
        let mut html = String::with_capacity(text.len() + 8 * parts.len());
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 {
                html.push_str("<strong>");
                html.push_str(part);
                html.push_str("</strong>");
            } else {
                html.push_str(part);
            }
        }
        return html;
    }
    if crate::md_shape::markup_limit(text).is_some() {
        return render_unparsed(text);
    }
    render_parsed(text, resolve)
}

/// Text with too much markup for the parser ([`crate::md_shape::markup_limit`]): shown as
/// written, its whitespace collapsed as the parser's soft breaks would be, escaped.
fn render_unparsed(text: &str) -> String {
    crate::render::html::escape(&crate::md_shape::collapse_whitespace(&strip_controls(text)))
}

/// [`render_inline`] through the parser, whatever the text.
fn render_parsed(text: &str, resolve: &dyn Fn(&str) -> Option<Target>) -> String {
    let clean = strip_controls(text);
    let mut events = Vec::new();
    // Per open link: `None` when its target was refused (its End event is dropped too),
    // else the HTML to add after it.
    let mut link_stack: Vec<Option<Option<String>>> = Vec::new();
    // Per open image: whether it is shown (its End event is dropped otherwise).
    let mut image_stack: Vec<bool> = Vec::new();
    let mut pending_space = false;
    for event in Parser::new_ext(&clean, Options::ENABLE_STRIKETHROUGH) {
        let event = match event {
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let target = allowed_target(&dest_url).and_then(|target| resolve(&target));
                link_stack.push(target.as_ref().map(|t| t.after.clone()));
                match target {
                    Some(target) => Event::Start(Tag::Link {
                        link_type,
                        dest_url: target.href.into(),
                        title: stripped(title),
                        id,
                    }),
                    None => continue,
                }
            }
            Event::End(TagEnd::Link) => match link_stack.pop() {
                Some(Some(after)) => {
                    events.push(Event::End(TagEnd::Link));
                    match after {
                        Some(html) => Event::Html(html.into()),
                        None => continue,
                    }
                }
                _ => continue,
            },
            // An image in text (a DocFX inline `:::image`, an icon) shows as an image when
            // the resolver knows its file (a media file of the site), else as its alt text.
            // Images from other sites are never loaded.
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let target = allowed_target(&dest_url)
                    .filter(|t| !t.contains(':') && !t.starts_with("//"))
                    .and_then(|t| resolve(&t));
                image_stack.push(target.is_some());
                match target {
                    Some(target) => Event::Start(Tag::Image {
                        link_type,
                        dest_url: target.href.into(),
                        title: stripped(title),
                        id,
                    }),
                    None => continue,
                }
            }
            Event::End(TagEnd::Image) => match image_stack.pop() {
                Some(true) => event,
                _ => continue,
            },
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => event,
            Event::Start(_) => {
                pending_space = !events.is_empty();
                continue;
            }
            Event::End(_) => {
                pending_space = true;
                continue;
            }
            Event::SoftBreak => Event::Text(" ".into()),
            Event::HardBreak => Event::HardBreak,
            Event::Code(code) => Event::Code(code),
            // Text the parser decoded (`&#x202E;`, `&rlm;`) is sanitized again.
            Event::Text(text) => Event::Text(stripped(text)),
            Event::TaskListMarker(_) | Event::FootnoteReference(_) | Event::Rule => continue,
            Event::InlineMath(math) | Event::DisplayMath(math) => Event::Text(math),
        };
        if pending_space && !events.is_empty() {
            events.push(Event::Text(CowStr::Borrowed(" ")));
        }
        pending_space = false;
        events.push(event);
    }
    let mut html = String::with_capacity(clean.len() + 16);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

pub use crate::md_shape::{bold_parts, is_plain, strip_controls};

/// [`strip_controls`] of text the parser made: its character references (`&#x202E;`,
/// `&rlm;`) are decoded, so what the sanitizer removed before parsing can come back.
pub(crate) fn stripped(text: CowStr<'_>) -> CowStr<'_> {
    match strip_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(clean) => clean.into(),
    }
}

/// Returns the target when its scheme is allowed: relative, `https:`, `http:`, `mailto:`.
/// Browsers ignore tabs and newlines inside URLs (`java\tscript:`), so they are removed
/// before the scheme is read.
pub fn allowed_target(dest: &str) -> Option<String> {
    let target: String = (dest.chars())
        .filter(|&c| !c.is_whitespace() && !c.is_control() && !crate::md_shape::is_invisible(c))
        .collect();
    if target.is_empty() {
        return None;
    }
    let scheme_end = target.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if target.as_bytes()[i] == b':' => {
            let scheme = target[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "https" | "http" | "mailto").then_some(target)
        }
        _ => Some(target),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn render(text: &str) -> String {
        render_inline(text, &|t| Some(Target::plain(t)))
    }

    /// Character references are decoded by the parser, after the sanitizer ran on the text:
    /// what they stand for is removed again, in text, link targets and titles.
    #[test]
    fn references_to_hidden_characters_are_removed_after_parsing() {
        let html = render(
            "a &#x202E;b &rlm; &#x1; [l&zwj;](https://e.example/&#8206;x \"t&#xFEFF;\") ![i&lrm;](p.png \"&#xFFFE;\") &amp; &#xFFFF;",
        );
        let hidden: Vec<char> = html
            .chars()
            .filter(|&c| {
                c != '\n' && crate::md_shape::strip_controls(&c.to_string()) != c.to_string()
            })
            .collect();
        assert!(hidden.is_empty(), "{hidden:?} in {html}");
        assert!(html.contains("href=\"https://e.example/x\" title=\"t\""), "{html}");
        assert!(html.contains("&amp;"), "{html}");
        assert_eq!(crate::render::html::plain_text("x &#x202E;y &rlm;z"), "x y z");
    }

    #[test]
    fn bold_italic_code_and_links() {
        assert_eq!(
            render("Go to **Customers**, *then* `x` [list](a.md)"),
            "Go to <strong>Customers</strong>, <em>then</em> <code>x</code> <a href=\"a.md\">list</a>"
        );
    }

    #[test]
    fn raw_html_is_escaped_text() {
        assert_eq!(
            render("a <script>alert(1)</script> b"),
            "a &lt;script&gt;alert(1)&lt;/script&gt; b"
        );
        assert_eq!(render("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
    }

    #[test]
    fn dangerous_links_lose_their_href_but_keep_text() {
        assert_eq!(render("[click](javascript:alert(1))"), "click");
        assert_eq!(render("[click](&#106;ava&#x09;script:alert(1))"), "click");
        assert_eq!(render("[click](<JaVa\tScRiPt:alert(1)>)"), "click");
        assert_eq!(render("[x](data:text/html,hi)"), "x");
        assert_eq!(render("[x](mailto:a@b.c)"), "<a href=\"mailto:a@b.c\">x</a>");
    }

    #[test]
    fn block_syntax_is_flattened() {
        assert_eq!(render("# Title"), "Title");
        assert_eq!(render("- item"), "item");
        assert_eq!(render("> quote"), "quote");
    }

    #[test]
    fn bidi_controls_never_reach_the_page() {
        let out = render("a\u{202E}b\u{2068}c\u{2069}\u{200B}d");
        assert_eq!(out, "abcd");
    }

    /// An 80 KB run of `*`, past the markup limits that keep the checks' memory linear: the
    /// page shows such text as written.
    #[test]
    fn text_over_the_limits_is_shown_as_written_and_escaped() {
        let run = "*".repeat(40_000);
        let text = format!("{run}a{run} <b>\u{202E}");
        assert_eq!(render(&text), format!("{run}a{run} &lt;b&gt;"));
        let long = format!("*x* {}", "word ".repeat(8_000));
        assert_eq!(render(&long), long.trim_end());
        assert_eq!(crate::render::html::plain_text(&text), format!("{run}a{run} <b>"));
    }

    /// Imported table cells keep DocFX's `<br/>` line breaks, an empty line included, as
    /// breaks and never as a literal backslash.
    #[test]
    fn hard_breaks_render_as_line_breaks() {
        assert_eq!(render("a\\\nb\\\n\\\n**c**"), "a<br />\nb<br />\n<br />\n<strong>c</strong>");
    }

    /// An imported inline `:::image` (an icon in a step) shows as an image when its file is
    /// the site's, as its alt text otherwise; images from elsewhere are never loaded.
    #[test]
    fn inline_images_show_when_the_resolver_knows_them() {
        let media =
            |t: &str| (t == "media/gear.png").then(|| Target::plain("../../media/gear.png"));
        assert_eq!(
            render_inline("Select ![the gear](media/gear.png) and OK", &media),
            "Select <img src=\"../../media/gear.png\" alt=\"the gear\" /> and OK"
        );
        assert_eq!(
            render_inline("Select ![the gear](media/other.png).", &media),
            "Select the gear."
        );
        let any = |t: &str| Some(Target::plain(t));
        assert_eq!(render_inline("![x](https://example.com/t.png)", &any), "x");
        assert_eq!(render_inline("![x](//example.com/t.png)", &any), "x");
    }

    #[test]
    fn cjk_bold_next_to_fullwidth_punctuation() {
        assert_eq!(render("转到**客户**并选择"), "转到<strong>客户</strong>并选择");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn plain_text_renders_as_itself(
            text in r#"[A-Za-zÄäßЖжя中文 ,.;:?()/%'"0-9\u{3000}\u{a0}\u{200b}-]{1,40}|[A-Za-zä中 .*_<&#!\\\n\t\[\]-]{1,20}"#
        ) {
            if is_plain(&text) {
                prop_assert_eq!(render_inline(&text, &|_| None), render_parsed(&text, &|_| None));
                prop_assert_eq!(
                    crate::render::html::plain_text(&text),
                    crate::render::html::plain_text_parsed(&text)
                );
            }
        }

        #[test]
        fn bold_words_render_as_the_parser_renders_them(
            text in prop_oneof![
                // Mostly the shape itself, with punctuation and spaces at the edges...
                r#"([A-Za-zä中0-9]{1,4}[ .,()'"-]{0,2}){0,2}(\*\*[A-Za-zä中0-9]{1,3}([ .,'"-][A-Za-z]{1,3})?\*\*[A-Za-z中 .,()'"-]{0,3}){1,3}"#,
                r#"([A-Za-zä中0-9]{1,4}[ .,()'"-]{0,2}){0,2}(\*\*[ (."']?[A-Za-zä中0-9]{1,3}[ .)"']?\*\*[A-Za-z中 .,()'"-]{0,3}){1,3}"#,
                // ...and anything near it.
                r#"([A-Za-zä中 .,()'"0-9-]{0,6}(\*\*|\*|_)?){1,8}"#,
            ]
        ) {
            if bold_parts(&text).is_some() {
                prop_assert_eq!(render_inline(&text, &|_| None), render_parsed(&text, &|_| None));
                prop_assert_eq!(
                    crate::render::html::plain_text(&text),
                    crate::render::html::plain_text_parsed(&text)
                );
            }
        }

        #[test]
        fn arbitrary_text_yields_only_known_tags_and_safe_hrefs(text in "(?s).{0,200}") {
            let html = render(&text);
            let allowed = ["<strong>", "</strong>", "<em>", "</em>", "<code>", "</code>", "<a href=\"", "</a>", "<br />", "<del>", "</del>"];
            let mut rest = html.as_str();
            while let Some(i) = rest.find('<') {
                rest = &rest[i..];
                prop_assert!(allowed.iter().any(|tag| rest.starts_with(tag)), "unexpected tag in {html:?}");
                rest = &rest[1..];
            }
            for chunk in html.split("href=\"").skip(1) {
                let href = chunk.split('"').next().unwrap_or_default().to_ascii_lowercase();
                prop_assert!(!href.starts_with("javascript:") && !href.starts_with("data:"), "{html:?}");
            }
            let has_bidi = html.chars().any(|c| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c));
            prop_assert!(!has_bidi, "bidi control in {:?}", html);
        }

        /// Long runs of delimiters, brackets and words: whatever is over the limits skips
        /// the parser (shown as written), whatever is under them is the parser's.
        #[test]
        fn long_runs_are_routed_by_the_limits(
            runs in proptest::collection::vec(
                (proptest::sample::select(vec!["*", "_", "~", "`", "[", "a", " ", "> ", "**a "]), 1usize..600),
                1..8,
            )
        ) {
            let text: String = runs.iter().map(|(unit, n)| unit.repeat(*n)).collect();
            let html = render_inline(&text, &|_| None);
            if is_plain(&text) || bold_parts(&text).is_some() {
                return Ok(());
            }
            if crate::md_shape::markup_limit(&text).is_some() {
                prop_assert_eq!(html, render_unparsed(&text));
            } else {
                prop_assert_eq!(html, render_parsed(&text, &|_| None));
            }
        }

        #[test]
        fn links_with_arbitrary_targets_are_filtered(target in "(?s).{0,40}", text in "[a-z]{1,8}") {
            let html = render(&format!("[{text}]({target})"));
            for chunk in html.split("href=\"").skip(1) {
                let href: String = chunk.split('"').next().unwrap_or_default().chars().filter(|c| !c.is_whitespace()).collect();
                let lower = href.to_ascii_lowercase();
                prop_assert!(!lower.starts_with("javascript") && !lower.starts_with("data:") && !lower.starts_with("vbscript"), "{html:?}");
            }
        }
    }
}
