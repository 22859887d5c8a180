//! The parser proper: Pagefind's element and text handlers over the tokens of a page,
//! with lol_html's stack of open elements and namespaces (see [`super`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::tokens::{Token, Tokenizer};
use super::*;

/// An open element (Pagefind's `DomParsingNode`). Its value is `buf[content_start..]` up to
/// the next open node's `start` (or the end of the buffer).
struct Node<'a> {
    /// ASCII-lowercased tag name.
    name: Cow<'a, str>,
    status: Status,
    /// Where this node's part of the buffer starts: the reserved prefix, then the value.
    start: usize,
    content_start: usize,
    filter: Option<Vec<String>>,
    sort: Option<Vec<String>>,
    meta: Option<Vec<String>>,
    default_meta: Option<Vec<String>>,
    /// Whether the node ends with `___END_PAGEFIND_WEIGHT___`.
    weighted: bool,
    sentence: bool,
    /// Indexes into `Parser::anchor_keys` of the anchors whose text this node's text is.
    anchors: Vec<u32>,
}

impl Node<'_> {
    fn root() -> Self {
        Node {
            name: Cow::Borrowed(""),
            status: Status::Indexing,
            start: 0,
            content_start: 0,
            filter: None,
            sort: None,
            meta: None,
            default_meta: None,
            weighted: false,
            sentence: false,
            anchors: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HtmlElement {
    NotYet,
    Open,
    Closed,
}

pub(super) struct Parser<'a> {
    src: &'a str,
    /// The values of the open nodes, outermost first.
    buf: String,
    /// The open elements; `nodes[0]` is Pagefind's root node, `nodes[1]` the `<html>`.
    nodes: Vec<Node<'a>>,
    /// lol_html's namespace stack.
    ns: Vec<Ns>,
    html: HtmlElement,
    anchor_counter: u32,
    /// `"{counter}:{id}"` of each anchor.
    anchor_keys: Vec<String>,
    anchor_content: Vec<Option<String>>,
    anchor_titles: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
    sort: BTreeMap<String, String>,
    meta: BTreeMap<String, String>,
    default_meta: BTreeMap<String, String>,
    language: Option<String>,
    has_html_element: bool,
    has_old_bundle_reference: bool,
    has_default_ui_reference: bool,
}

impl<'a> Parser<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        let mut nodes = Vec::with_capacity(32);
        nodes.push(Node::root());
        Parser {
            src,
            buf: String::with_capacity(src.len() / 2),
            nodes,
            ns: vec![Ns::Html],
            html: HtmlElement::NotYet,
            anchor_counter: 0,
            anchor_keys: Vec::new(),
            anchor_content: Vec::new(),
            anchor_titles: BTreeMap::new(),
            filters: BTreeMap::new(),
            sort: BTreeMap::new(),
            meta: BTreeMap::new(),
            default_meta: BTreeMap::new(),
            language: None,
            has_html_element: false,
            has_old_bundle_reference: false,
            has_default_ui_reference: false,
        }
    }

    fn current_ns(&self) -> Ns {
        *self.ns.last().unwrap_or(&Ns::Html)
    }

    pub(super) fn run(&mut self) -> Result<(), Unsupported> {
        let mut tokens = Tokenizer::new(self.src);
        while let Some(token) = tokens.next_token() {
            match token? {
                Token::Text(text) => self.text(text),
                Token::Start { name, self_closing, span } => {
                    self.start_tag(&mut tokens, name, self_closing, span.start)?;
                }
                Token::End { name, span } => self.end_tag(span.start, name)?,
                Token::Other => {}
            }
        }
        if let Some(open) = self.nodes.last().filter(|_| self.nodes.len() > 1) {
            return Err(unsupported(self.src.len(), format!("<{}> is not closed", open.name)));
        }
        Ok(())
    }

    /// Pagefind's text handler (only inside `<html>`).
    fn text(&mut self, text: &str) {
        if self.html != HtmlElement::Open || text.is_empty() {
            return;
        }
        self.buf.push_str(text);
        let Some(node) = self.nodes.last() else { return };
        if matches!(node.status, Status::Ignored | Status::Excluded) {
            return;
        }
        for &anchor in &node.anchors {
            match &mut self.anchor_content[anchor as usize] {
                Some(content) => content.push_str(text),
                slot @ None => *slot = Some(text.to_owned()),
            }
        }
    }

    /// A start tag (`raw_name` as written, at `lt`), and its raw text if it has some.
    fn start_tag(
        &mut self,
        tokens: &mut Tokenizer<'a>,
        raw_name: &'a str,
        self_closing: bool,
        lt: usize,
    ) -> Result<(), Unsupported> {
        let name: Cow<'a, str> = if raw_name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw_name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw_name)
        };

        // lol_html's tree builder simulator: the element's namespace, and its text type.
        let mut raw_text = false;
        let ns = match (self.current_ns(), &*name) {
            (_, "math") => return Err(unsupported(lt, "<math>")),
            (Ns::Html, _) if self.ns.len() > 1 => {
                return Err(unsupported(lt, "tag inside an SVG integration point"));
            }
            (_, "svg") => {
                if self_closing {
                    return Err(unsupported(lt, "<svg/>"));
                }
                self.ns.push(Ns::Svg);
                Ns::Svg
            }
            (Ns::Html, "template" | "plaintext") => {
                return Err(unsupported(lt, format!("<{name}>")));
            }
            (Ns::Html, _) => {
                raw_text = is_raw_text_tag(&name);
                Ns::Html
            }
            (Ns::Svg, _) if exits_foreign_content(&name) => {
                return Err(unsupported(lt, format!("<{name}> inside SVG")));
            }
            (Ns::Svg, _) if is_svg_integration_point(&name) && !self_closing => {
                self.ns.push(Ns::Html);
                Ns::Html
            }
            (Ns::Svg, _) => Ns::Svg,
        };
        let can_have_content = match ns {
            Ns::Html => !is_void_tag(&name),
            Ns::Svg => !self_closing,
        };

        match self.html {
            HtmlElement::NotYet if name == "html" => self.html = HtmlElement::Open,
            HtmlElement::Open if name != "html" => {}
            _ => return Err(unsupported(lt, format!("<{name}> outside the <html> element"))),
        }

        self.element(name, can_have_content, Attrs(tokens.attrs()));
        if raw_text {
            let raw = tokens.raw_text(raw_name)?;
            self.text(raw.text);
            self.end_tag(raw.end_span.start, raw.end_name)?;
        }
        Ok(())
    }

    /// Pagefind's element handlers, for an element inside `<html>` (or the `<html>` itself).
    fn element(&mut self, name: Cow<'a, str>, can_have_content: bool, attrs: Attrs<'_, 'a>) {
        let pf = PagefindAttrs::read(attrs.0);
        if name == "html" {
            self.has_html_element = true;
            if let Some(lang) = attrs.get("lang") {
                self.language = Some(lang.to_lowercase());
            }
        }

        // The root handler (`html, html *`).
        let explicit_ignore = pf.ignore.map(|value| match value.to_ascii_lowercase().as_str() {
            "" | "index" | "true" => Status::Ignored,
            _ => Status::Excluded,
        });
        let filter = pf.filter.map(|v| parse_attr_string(v, attrs));
        let meta = pf.meta.map(|v| parse_attr_string(v, attrs));
        let default_meta = pf.default_meta.map(|v| parse_attr_string(v, attrs));
        let sort = pf.sort.map(|v| parse_attr_string(v, attrs));
        let status =
            if pf.body { Status::Body } else { explicit_ignore.unwrap_or(Status::Indexing) };

        let mut anchor = None;
        if !matches!(status, Status::Excluded | Status::Ignored) {
            if let Some(id) = pf.id {
                let parent = self.nodes.last().map_or(Status::Indexing, |n| n.status);
                if !(parent == Status::ParentOfBody && status != Status::Body) {
                    let id: Cow<'_, str> = if id.contains(char::is_whitespace) {
                        Cow::Owned(id.chars().filter(|c| !c.is_whitespace()).collect())
                    } else {
                        Cow::Borrowed(id)
                    };
                    let counter = self.anchor_counter;
                    self.buf.push_str(" ___PAGEFIND_ANCHOR___");
                    self.buf.push_str(&name);
                    self.buf.push(':');
                    let key = format!("{counter}:{id}");
                    self.buf.push_str(&key);
                    self.buf.push(' ');
                    anchor = Some(self.anchor_keys.len() as u32);
                    self.anchor_keys.push(key);
                    self.anchor_content.push(None);
                    self.anchor_counter += 1;
                }
            }
        }
        if let (Some(anchor), Some(title)) = (anchor, pf.title) {
            let title = normalize_content(title);
            if !title.is_empty() {
                self.anchor_titles.insert(self.anchor_keys[anchor as usize].clone(), title);
            }
        }

        if status != Status::Excluded {
            if let Some(index_attrs) = pf.index_attrs {
                for attr in index_attrs.split(',') {
                    let value = attrs.get(attr.trim()).unwrap_or("");
                    self.buf.push(' ');
                    self.buf.push_str(value);
                    if ends_with_sentence_char(value) {
                        self.buf.push('.');
                    }
                    self.buf.push(' ');
                }
            }
            if name == "br" {
                self.buf.push(' ');
            }
        }

        let parent = self.nodes.last();
        let parent_status = parent.map_or(Status::Indexing, |n| n.status);
        let mut anchors = match parent {
            Some(parent) if !parent.anchors.is_empty() && is_inline_tag(&name) => {
                parent.anchors.clone()
            }
            _ => Vec::new(),
        };
        anchors.extend(anchor);
        let status = if parent_status == Status::Excluded { parent_status } else { status };
        let removed = is_removed_tag(&name);
        let is_script = name == "script";
        let is_link = name == "link";

        if can_have_content {
            // Reserve what Pagefind puts in front of the value at the end tag.
            let start = self.buf.len();
            let weight = pf.weight.or_else(|| auto_weight(&name));
            if let Some(weight) = weight {
                self.buf.push_str(if pf.weight.is_some() {
                    " ___PAGEFIND_WEIGHT___"
                } else {
                    " ___PAGEFIND_AUTO_WEIGHT___"
                });
                self.buf.push_str(weight);
                self.buf.push(' ');
            }
            let sentence = is_sentence_tag(&name);
            if sentence {
                self.buf.push(' ');
            }
            self.nodes.push(Node {
                name,
                status,
                start,
                content_start: self.buf.len(),
                filter,
                sort,
                meta,
                default_meta,
                weighted: weight.is_some(),
                sentence,
                anchors,
            });
        } else if status != Status::Excluded {
            // Folded at once, with no value.
            self.collect(
                filter.as_deref(),
                sort.as_deref(),
                meta.as_deref(),
                default_meta.as_deref(),
                "",
            );
            if name == "img"
                && !self.meta.contains_key("auto_image")
                && (self.meta.contains_key("auto_title") || self.meta.contains_key("title"))
            {
                if let Some(src) = attrs.get("src") {
                    self.meta.insert("auto_image".into(), normalize_content(src));
                    if let Some(alt) = attrs.get("alt") {
                        self.meta.insert("auto_image_alt".into(), normalize_content(alt));
                    }
                }
            }
        }

        // The exclusion handler marks the current node.
        if removed {
            if let Some(node) = self.nodes.last_mut() {
                node.status = Status::Ignored;
            }
        }

        if is_script {
            if let Some(src) = attrs.get("src") {
                if src.starts_with("_pagefind") || src.contains("/_pagefind") {
                    self.has_old_bundle_reference = true;
                }
                if src.contains("pagefind-ui.js") || src.contains("pagefind-modular-ui.js") {
                    self.has_default_ui_reference = true;
                }
            }
        } else if is_link {
            if let Some(href) = attrs.get("href") {
                if href.starts_with("_pagefind") || href.contains("/_pagefind") {
                    self.has_old_bundle_reference = true;
                }
                if href.contains("pagefind-ui.css") || href.contains("pagefind-modular-ui.css") {
                    self.has_default_ui_reference = true;
                }
            }
        }
    }

    /// Filters, sort and meta of a node that ends with `value`.
    fn collect(
        &mut self,
        filter: Option<&[String]>,
        sort: Option<&[String]>,
        meta: Option<&[String]>,
        default_meta: Option<&[String]>,
        value: &str,
    ) {
        for item in filter.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.filters.entry(key).or_default().push(normalize_content(&value));
            }
        }
        for item in sort.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.sort.insert(key, value);
            }
        }
        for item in meta.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.meta.insert(key, value);
            }
        }
        for item in default_meta.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.default_meta.insert(key, value);
            }
        }
    }

    fn end_tag(&mut self, lt: usize, raw_name: &str) -> Result<(), Unsupported> {
        if self.html != HtmlElement::Open || self.nodes.len() < 2 {
            return Err(unsupported(lt, format!("</{raw_name}> outside the <html> element")));
        }
        let Some(node) = self.nodes.last() else { unreachable!("checked above") };
        if !node.name.eq_ignore_ascii_case(raw_name) {
            return Err(unsupported(
                lt,
                format!("</{raw_name}> does not close the innermost element <{}>", node.name),
            ));
        }
        // The namespace stack.
        match self.current_ns() {
            Ns::Html if self.ns.len() > 1 && is_svg_integration_point(&node.name) => {
                self.ns.pop();
            }
            Ns::Svg if node.name == "svg" => {
                self.ns.pop();
            }
            _ => {}
        }
        self.end_node();
        if self.nodes.len() == 1 {
            self.html = HtmlElement::Closed;
        }
        Ok(())
    }

    /// Pagefind's end-tag handler: folds the innermost node into its parent.
    fn end_node(&mut self) {
        let Some(node) = self.nodes.pop() else { return };
        if node.status == Status::Excluded {
            self.buf.truncate(node.start);
            return;
        }
        let buf = std::mem::take(&mut self.buf);
        let value = &buf[node.content_start..];
        self.collect(
            node.filter.as_deref(),
            node.sort.as_deref(),
            node.meta.as_deref(),
            node.default_meta.as_deref(),
            value,
        );
        if node.name == "h1" && !self.meta.contains_key("auto_title") && !value.trim().is_empty() {
            self.meta.insert("auto_title".into(), normalize_content(value));
        }
        if node.name == "title" && !self.meta.contains_key("auto_page_title") {
            self.meta.insert("auto_page_title".into(), normalize_content(value));
        }
        self.buf = buf;
        if node.status == Status::Ignored {
            self.buf.truncate(node.start);
            return;
        }
        if node.sentence {
            // The value starts with the reserved space, so an empty one ends with it.
            if ends_with_sentence_char(&self.buf[node.start..]) {
                self.buf.push('.');
            }
            self.buf.push(' ');
        }
        if node.weighted {
            self.buf.push_str(" ___END_PAGEFIND_WEIGHT___ ");
        }
        let Some(parent) = self.nodes.last_mut() else { return };
        let is_body = matches!(node.status, Status::Body | Status::ParentOfBody);
        if parent.status == Status::ParentOfBody && !is_body {
            self.buf.truncate(node.start);
            return;
        }
        if is_body {
            if parent.status != Status::ParentOfBody {
                self.buf.replace_range(parent.content_start..node.start, "");
            }
            parent.status = Status::ParentOfBody;
        }
    }

    /// Pagefind's `wrap`.
    pub(super) fn finish(self) -> Parsed {
        let Parser { buf, nodes, mut meta, mut default_meta, .. } = self;
        let root = &nodes[0];
        if let Some(image) = meta.remove("auto_image") {
            let alt = meta.remove("auto_image_alt").unwrap_or_default();
            if !meta.contains_key("image") {
                meta.insert("image".into(), image);
                meta.insert("image_alt".into(), alt);
            }
        }
        if let Some(title) = meta.remove("auto_title") {
            meta.entry("title".into()).or_insert(title);
        }
        if let Some(title) = meta.remove("auto_page_title") {
            meta.entry("title".into()).or_insert(title);
        }
        default_meta.extend(meta);

        let anchor_content = self
            .anchor_keys
            .into_iter()
            .zip(self.anchor_content)
            .filter_map(|(key, content)| Some((key, content?)))
            .collect();
        Parsed {
            digest: normalize_content(&buf),
            filters: self.filters,
            sort: self.sort,
            meta: default_meta,
            anchor_content,
            anchor_titles: self.anchor_titles,
            has_custom_body: root.status == Status::ParentOfBody,
            force_inclusion: false,
            has_html_element: self.has_html_element,
            has_old_bundle_reference: self.has_old_bundle_reference,
            has_default_ui_reference: self.has_default_ui_reference,
            language: self.language.filter(|l| !l.is_empty()).unwrap_or_else(|| "unknown".into()),
        }
    }
}
