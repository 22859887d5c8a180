//! Walking the full Fluent AST: byte offsets of identifiers, the references a pattern makes,
//! its select expressions, and a flat Markdown rendering for markup and text checks.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};

/// Byte offset of `slice` inside `source`, when the slice points into it (the full parser
/// keeps `&str` slices of the source for every identifier and text element).
pub(crate) fn offset_in(source: &str, slice: &str) -> usize {
    let start = source.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    if at >= start && at + slice.len() <= start + source.len() { at - start } else { 0 }
}

/// What one pattern references.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Refs {
    /// Every `$variable`, selectors included.
    pub(crate) variables: BTreeSet<String>,
    /// Variables on the default path: text outside selects and the default variant of each
    /// select (selectors included). Other variants may drop a variable (`[one]`).
    pub(crate) default_variables: BTreeSet<String>,
    /// Term names, without `-`.
    pub(crate) terms: BTreeSet<String>,
    pub(crate) messages: BTreeSet<String>,
}

pub(crate) fn refs(pattern: &Pattern<&str>) -> Refs {
    let mut out = Refs::default();
    walk_pattern(pattern, true, &mut out);
    out
}

fn walk_pattern(pattern: &Pattern<&str>, default_path: bool, out: &mut Refs) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, default_path, out);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, default_path: bool, out: &mut Refs) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, default_path, out),
        Expression::Select { selector, variants } => {
            walk_inline(selector, default_path, out);
            for variant in variants {
                walk_pattern(&variant.value, default_path && variant.default, out);
            }
        }
    }
}

fn walk_inline(inline: &InlineExpression<&str>, default_path: bool, out: &mut Refs) {
    match inline {
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::VariableReference { id } => {
            out.variables.insert(id.name.to_string());
            if default_path {
                out.default_variables.insert(id.name.to_string());
            }
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            out.terms.insert(id.name.to_string());
            // Term arguments are values passed in (`case: "genitive"`), they may name variables.
            if let Some(args) = arguments {
                for arg in &args.positional {
                    walk_inline(arg, default_path, out);
                }
                for arg in &args.named {
                    walk_inline(&arg.value, default_path, out);
                }
            }
        }
        InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(attr) => format!("{}.{}", id.name, attr.name),
                None => id.name.to_string(),
            };
            out.messages.insert(name);
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                walk_inline(arg, default_path, out);
            }
            for arg in &arguments.named {
                walk_inline(&arg.value, default_path, out);
            }
        }
        InlineExpression::Placeable { expression } => {
            walk_expression(expression, default_path, out)
        }
    }
}

/// Every string literal of `pattern` (`{ "x" }`, a call's or a term's arguments, selectors
/// and variants included), as written (escapes not resolved), in source order.
pub(crate) fn string_literals<'s>(pattern: &Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            literals_of_expression(expression, out);
        }
    }
}

fn literals_of_expression<'s>(expression: &Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        Expression::Inline(inline) => literals_of_inline(inline, out),
        Expression::Select { selector, variants } => {
            literals_of_inline(selector, out);
            for variant in variants {
                string_literals(&variant.value, out);
            }
        }
    }
}

fn literals_of_inline<'s>(inline: &InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    let arguments = match inline {
        InlineExpression::StringLiteral { value } => return out.push(value),
        InlineExpression::Placeable { expression } => {
            return literals_of_expression(expression, out);
        }
        InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        InlineExpression::NumberLiteral { .. }
        | InlineExpression::VariableReference { .. }
        | InlineExpression::MessageReference { .. } => None,
    };
    if let Some(args) = arguments {
        for arg in &args.positional {
            literals_of_inline(arg, out);
        }
        for arg in &args.named {
            literals_of_inline(&arg.value, out);
        }
    }
}

/// A select expression found in a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Select {
    /// Identifier keys (`one`, `other`, `masculine`).
    pub(crate) keys: Vec<String>,
    /// Byte offset of the first variant key in the source, when it has one.
    pub(crate) key_offset: Option<usize>,
}

pub(crate) fn selects(pattern: &Pattern<&str>, source: &str) -> Vec<Select> {
    let mut out = Vec::new();
    selects_in_pattern(pattern, source, &mut out);
    out
}

fn selects_in_pattern(pattern: &Pattern<&str>, source: &str, out: &mut Vec<Select>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            selects_in_expression(expression, source, out);
        }
    }
}

fn selects_in_expression(expression: &Expression<&str>, source: &str, out: &mut Vec<Select>) {
    match expression {
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            selects_in_expression(expression, source, out);
        }
        Expression::Inline(_) => {}
        Expression::Select { variants, .. } => {
            let mut keys = Vec::new();
            let mut key_offset = None;
            for variant in variants {
                let name = match &variant.key {
                    VariantKey::Identifier { name } => {
                        keys.push(name.to_string());
                        name
                    }
                    VariantKey::NumberLiteral { value } => value,
                };
                key_offset.get_or_insert(offset_in(source, name));
                selects_in_pattern(&variant.value, source, out);
            }
            out.push(Select { keys, key_offset });
        }
    }
}

/// A pattern flattened to Markdown text as the page would show it: text kept, term references
/// replaced by the locale's term text, variables and message references by their names,
/// selects by their default variant. `terms` records where each term's text landed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Flat {
    pub(crate) text: String,
    pub(crate) terms: Vec<(String, Range<usize>)>,
    /// Text that came from the pattern itself (not from placeables): for `untranslated`.
    pub(crate) own_text: String,
}

/// Term name -> its flattened text, in one locale.
pub(crate) type TermTexts = BTreeMap<String, String>;

/// [`flatten`] stops adding text past this length: a text so long is not read as Markdown
/// (`md_shape::markup_limit`), and without a cap, terms that reference terms many times
/// would flatten to texts that grow with the square (or worse) of the file.
const FLAT_CAP: usize = crate::md_shape::MAX_MARKUP_BYTES;

pub(crate) fn flatten(pattern: &Pattern<&str>, terms: &TermTexts) -> Flat {
    let mut out = Flat::default();
    flatten_pattern(pattern, terms, &mut out);
    out
}

impl Flat {
    /// Whether the text has passed [`FLAT_CAP`] (and takes no more).
    fn full(&self) -> bool {
        self.text.len() > FLAT_CAP
    }
}

fn flatten_pattern(pattern: &Pattern<&str>, terms: &TermTexts, out: &mut Flat) {
    for element in &pattern.elements {
        if out.full() {
            return;
        }
        match element {
            PatternElement::TextElement { value } => {
                out.text.push_str(value);
                out.own_text.push_str(value);
            }
            PatternElement::Placeable { expression } => flatten_expression(expression, terms, out),
        }
    }
}

fn flatten_expression(expression: &Expression<&str>, terms: &TermTexts, out: &mut Flat) {
    match expression {
        Expression::Inline(inline) => flatten_inline(inline, terms, out),
        Expression::Select { variants, .. } => {
            if let Some(variant) = variants.iter().find(|v| v.default).or(variants.first()) {
                flatten_pattern(&variant.value, terms, out);
            }
        }
    }
}

fn flatten_inline(inline: &InlineExpression<&str>, terms: &TermTexts, out: &mut Flat) {
    if out.full() {
        return;
    }
    match inline {
        InlineExpression::StringLiteral { value } => {
            out.text.push_str(value);
            out.own_text.push_str(value);
        }
        InlineExpression::NumberLiteral { value } => out.text.push_str(value),
        // A variable's or message's name is not text of the message (`{ $subscription }`
        // must not count as the word "subscription"). A neutral word stands for it: a
        // letter, so Markdown flanking rules around it are those of a real name.
        InlineExpression::VariableReference { .. } | InlineExpression::MessageReference { .. } => {
            out.text.push('X');
        }
        InlineExpression::TermReference { id, .. } => {
            let start = out.text.len();
            match terms.get(id.name) {
                Some(text) => out.text.push_str(text),
                None => out.text.push_str(id.name),
            }
            out.terms.push((id.name.to_string(), start..out.text.len()));
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            if let Some(first) = arguments.positional.first() {
                flatten_inline(first, terms, out);
            }
        }
        InlineExpression::Placeable { expression } => flatten_expression(expression, terms, out),
    }
}

/// Calls `visit` with each piece of [`flatten`]'s text of `pattern` in order (text, literals,
/// term texts, the stand-in of a variable) until it returns `false`; whether it never did.
/// For questions about the flattened text that need not make it.
fn visit_flat(
    pattern: &Pattern<&str>,
    terms: &TermTexts,
    visit: &mut dyn FnMut(&str) -> bool,
) -> bool {
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => visit(value),
        PatternElement::Placeable { expression } => visit_expression(expression, terms, visit),
    })
}

fn visit_expression(
    expression: &Expression<&str>,
    terms: &TermTexts,
    visit: &mut dyn FnMut(&str) -> bool,
) -> bool {
    match expression {
        Expression::Inline(inline) => visit_inline(inline, terms, visit),
        Expression::Select { variants, .. } => variants
            .iter()
            .find(|v| v.default)
            .or(variants.first())
            .is_none_or(|variant| visit_flat(&variant.value, terms, visit)),
    }
}

fn visit_inline(
    inline: &InlineExpression<&str>,
    terms: &TermTexts,
    visit: &mut dyn FnMut(&str) -> bool,
) -> bool {
    match inline {
        InlineExpression::StringLiteral { value } | InlineExpression::NumberLiteral { value } => {
            visit(value)
        }
        InlineExpression::VariableReference { .. } | InlineExpression::MessageReference { .. } => {
            visit("X")
        }
        InlineExpression::TermReference { id, .. } => {
            visit(terms.get(id.name).map_or(id.name, String::as_str))
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.first().is_none_or(|first| visit_inline(first, terms, visit))
        }
        InlineExpression::Placeable { expression } => visit_expression(expression, terms, visit),
    }
}

/// Whether [`flatten`]'s text of `pattern` has one of the ASCII characters `chars`, found
/// without making it (most patterns have none of the characters a check looks for).
pub(crate) fn flat_contains(pattern: &Pattern<&str>, terms: &TermTexts, chars: &[u8]) -> bool {
    !visit_flat(pattern, terms, &mut |piece| !has_any(piece, chars))
}

/// The length of [`flatten`]'s text of `pattern` and its emphasis delimiters
/// (`md_shape::delimiters`), without making it; counting stops past [`FLAT_CAP`] bytes.
pub(crate) fn flat_measure(pattern: &Pattern<&str>, terms: &TermTexts) -> (usize, usize) {
    let (mut bytes, mut delimiters) = (0, 0);
    visit_flat(pattern, terms, &mut |piece| {
        bytes += piece.len();
        delimiters += crate::md_shape::delimiters(piece);
        bytes <= FLAT_CAP
    });
    (bytes, delimiters)
}

/// Whether `text` has one of the ASCII characters `chars` (bytes: nothing to decode).
fn has_any(text: &str, chars: &[u8]) -> bool {
    let text = text.as_bytes();
    match *chars {
        [a] => memchr::memchr(a, text).is_some(),
        [a, b] => memchr::memchr2(a, b, text).is_some(),
        [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
        _ => text.iter().any(|b| chars.contains(b)),
    }
}

/// Flattens every term of a locale; terms referencing terms are resolved a few levels deep.
pub(crate) fn term_texts<'p>(
    terms: impl Iterator<Item = (&'p str, &'p Pattern<&'p str>)> + Clone,
) -> TermTexts {
    let mut texts = TermTexts::new();
    // Three rounds resolve terms that reference terms (deeper chains keep the name).
    for _ in 0..3 {
        let next: TermTexts = terms
            .clone()
            .map(|(name, value)| (name.to_string(), flatten(value, &texts).text))
            .collect();
        texts = next;
    }
    texts
}

#[cfg(test)]
mod tests {
    use fluent_syntax::ast::Entry;

    use super::*;

    fn first_value<'s>(
        resource: &'s fluent_syntax::ast::Resource<&'s str>,
    ) -> &'s Pattern<&'s str> {
        match &resource.body[0] {
            Entry::Message(m) => m.value.as_ref().unwrap(),
            Entry::Term(t) => &t.value,
            other => panic!("not a message: {other:?}"),
        }
    }

    #[test]
    fn refs_separate_default_path_from_other_variants() {
        let src =
            "a = { -t(case: \"x\") } { $n ->\n [one] one\n *[other] { $n } { $who } { msg }\n}\n";
        let resource = fluent_syntax::parser::parse(src).unwrap();
        let refs = refs(first_value(&resource));
        assert_eq!(refs.terms.iter().collect::<Vec<_>>(), ["t"]);
        assert_eq!(refs.messages.iter().collect::<Vec<_>>(), ["msg"]);
        assert_eq!(refs.default_variables.iter().collect::<Vec<_>>(), ["n", "who"]);
    }

    #[test]
    fn flatten_substitutes_terms_and_records_their_ranges() {
        let src = "a = Select **{ -ui-x }** now\n";
        let resource = fluent_syntax::parser::parse(src).unwrap();
        let mut terms = TermTexts::new();
        terms.insert("ui-x".into(), "Remove".into());
        let flat = flatten(first_value(&resource), &terms);
        assert_eq!(flat.text, "Select **Remove** now");
        assert_eq!(&flat.text[flat.terms[0].1.clone()], "Remove");
        assert_eq!(flat.own_text, "Select **** now");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `flat_contains` walks patterns as `flatten` does: it finds a character exactly
        /// when the flattened text has it.
        #[test]
        fn flat_contains_agrees_with_flatten(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "<", "[", "X", " ", "{ -t }", "{ -u }", "{ -missing }", "{ $v }",
                "{ m }", "{ \"<b\" }", "{ \"[x\" }", "{ 42 }", "{ NUMBER($v) }",
                "{ NUMBER(\"[\") }", "{ { -t } }", "{ $n ->\n [one] <\n *[other] a\n}",
                "{ $n ->\n [one] a\n *[other] [\n}", "**", "é", "_", "~", "{ \"*\" }",
            ]), 1..8),
            t in proptest::sample::select(vec!["plain", "has <", "has [", "X", "**b**"]),
            wanted in proptest::sample::select(vec![&b"<["[..], b"X", b"[", b"*"]),
        ) {
            let src = format!("a = {}\n", parts.concat());
            let resource = fluent_syntax::parser::parse(src.as_str()).unwrap_or_else(|(r, _)| r);
            let Some(Entry::Message(m)) = resource.body.first() else { return Ok(()) };
            let Some(value) = m.value.as_ref() else { return Ok(()) };
            let mut terms = TermTexts::new();
            terms.insert("t".into(), t.to_string());
            terms.insert("u".into(), "[u]".into());
            let flat = flatten(value, &terms);
            proptest::prop_assert_eq!(
                flat_contains(value, &terms, wanted),
                flat.text.bytes().any(|b| wanted.contains(&b)),
                "{:?} -> {:?}", src, flat.text
            );
            proptest::prop_assert_eq!(
                flat_measure(value, &terms),
                (flat.text.len(), crate::md_shape::delimiters(&flat.text)),
                "{:?} -> {:?}", src, flat.text
            );
        }
    }

    /// Terms that reference terms a thousand times each would flatten to gigabytes.
    #[test]
    fn flattening_stops_at_the_cap_when_terms_multiply() {
        let mut src = String::from("-t0 = **x**\n");
        for i in 1..4 {
            src.push_str(&format!("-t{i} = {}\n", format!("{{ -t{} }}", i - 1).repeat(1000)));
        }
        src.push_str(&format!("m = {}\n", "{ -t3 }".repeat(1000)));
        let resource = fluent_syntax::parser::parse(src.as_str()).unwrap();
        let terms = term_texts(resource.body.iter().filter_map(|e| match e {
            Entry::Term(t) => Some((t.id.name, &t.value)),
            _ => None,
        }));
        assert!(terms["t2"].len() > FLAT_CAP, "the cap is reached: {}", terms["t2"].len());
        assert!(terms.values().all(|t| t.len() <= 4 * FLAT_CAP));
        let Some(Entry::Message(m)) = resource.body.last() else { panic!("no message") };
        let value = m.value.as_ref().unwrap();
        let flat = flatten(value, &terms);
        assert!(flat.text.len() > FLAT_CAP && flat.text.len() <= 5 * FLAT_CAP);
        assert!(flat_measure(value, &terms).0 > FLAT_CAP);
    }

    #[test]
    fn identifier_offsets_point_into_the_source() {
        let src = "# c\nhello = x\n";
        let resource = fluent_syntax::parser::parse(src).unwrap();
        let Entry::Message(m) = &resource.body[0] else { panic!("not a message") };
        assert_eq!(offset_in(src, m.id.name), 4);
        assert_eq!(offset_in(src, "elsewhere"), 0);
    }
}
