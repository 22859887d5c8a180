//! Inline codes: a Fluent pattern flattened into translatable text and protected codes
//! (placeables, select syntax, Markdown bold/links/code spans), and the way back from such a
//! sequence to Fluent source.
//!
//! Codes are identified by their text (`{ $count }`, `**`, `](url)`, `[one]`): the text is
//! what the `.ftl` file needs back, and comparing it is what the import's check does.

use std::fmt::Write as _;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};

/// What a code stands for (the XLIFF `ctype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `{ $var }`, `{ -term }`, `{ message }`, `{ FUNC(...) }`.
    Placeable,
    /// `{ $count ->`
    SelectStart,
    /// `[one]`, `*[other]`
    Variant,
    /// The `}` that closes a select expression.
    SelectEnd,
    /// `**` or `__`
    Bold,
    /// `[` or `![` opening a Markdown link or image.
    LinkStart,
    /// `](destination)`
    LinkEnd,
    /// A whole `` `code span` ``.
    CodeSpan,
}

impl Kind {
    /// The XLIFF 1.2 `ctype` of the code (`x-` values: the standard ones of `<ph>` are only
    /// `image`, `pb` and `lb`).
    pub fn ctype(self) -> &'static str {
        match self {
            Kind::Placeable => "x-fluent-placeable",
            Kind::SelectStart => "x-fluent-select",
            Kind::Variant => "x-fluent-variant",
            Kind::SelectEnd => "x-fluent-select-end",
            Kind::Bold => "x-md-bold",
            Kind::LinkStart => "x-md-link-start",
            Kind::LinkEnd => "x-md-link-end",
            Kind::CodeSpan => "x-md-code",
        }
    }

    /// Codes the translation must carry exactly as often as the English (the select syntax
    /// follows the target language's plural categories instead).
    pub fn counted(self) -> bool {
        !matches!(self, Kind::SelectStart | Kind::Variant | Kind::SelectEnd)
    }
}

/// One piece of a flattened pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Text(String),
    Code(Kind, String),
}

/// Appends text, merging with a preceding text piece.
pub fn push_text(out: &mut Vec<Seg>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Seg::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Seg::Text(text.to_string()));
    }
}

/// Merges adjacent text pieces and drops empty ones (two sequences that mean the same
/// compare equal after this).
pub fn normalize(segs: Vec<Seg>) -> Vec<Seg> {
    let mut out = Vec::with_capacity(segs.len());
    for seg in segs {
        match seg {
            Seg::Text(t) => push_text(&mut out, &t),
            code => out.push(code),
        }
    }
    out
}

/// The pattern as text and codes, Markdown codes included.
pub fn flatten(pattern: &Pattern<&str>) -> Vec<Seg> {
    let mut out = Vec::new();
    flatten_into(pattern, &mut out);
    protect_unwritable(protect_markdown(out))
}

/// Each character of the text pieces that XML cannot hold ([`crate::md_shape::unwritable_in_xml`]) made a
/// code of its own, the string literal that stands for it in Fluent (`{ "\u0001" }`): an
/// export stays well-formed, and an import writes the literal back (the same value). `check`
/// reports such a character in a translation as `unsafe-text`.
fn protect_unwritable(segs: Vec<Seg>) -> Vec<Seg> {
    if !segs
        .iter()
        .any(|s| matches!(s, Seg::Text(t) if t.chars().any(crate::md_shape::unwritable_in_xml)))
    {
        return segs;
    }
    let mut out = Vec::with_capacity(segs.len() + 2);
    for seg in segs {
        let Seg::Text(text) = seg else {
            out.push(seg);
            continue;
        };
        let mut rest = text.as_str();
        while let Some((at, c)) =
            rest.char_indices().find(|&(_, c)| crate::md_shape::unwritable_in_xml(c))
        {
            push_text(&mut out, &rest[..at]);
            out.push(Seg::Code(Kind::Placeable, format!("{{ \"\\u{:04X}\" }}", c as u32)));
            rest = &rest[at + c.len_utf8()..];
        }
        push_text(&mut out, rest);
    }
    out
}

fn flatten_into(pattern: &Pattern<&str>, out: &mut Vec<Seg>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(out, value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    push_text(out, &crate::import::ftl_write::unescape_literal(value));
                }
                Expression::Inline(InlineExpression::NumberLiteral { value }) => {
                    push_text(out, value);
                }
                Expression::Inline(inline) => {
                    out.push(Seg::Code(
                        Kind::Placeable,
                        format!("{{ {} }}", inline_source(inline)),
                    ));
                }
                Expression::Select { selector, variants } => {
                    out.push(Seg::Code(
                        Kind::SelectStart,
                        format!("{{ {} ->", inline_source(selector)),
                    ));
                    for variant in variants {
                        let key = match &variant.key {
                            VariantKey::Identifier { name } => name.to_string(),
                            VariantKey::NumberLiteral { value } => value.to_string(),
                        };
                        let star = if variant.default { "*" } else { "" };
                        out.push(Seg::Code(Kind::Variant, format!("{star}[{key}]")));
                        flatten_into(&variant.value, out);
                    }
                    out.push(Seg::Code(Kind::SelectEnd, "}".to_string()));
                }
            },
        }
    }
}

/// The Fluent source of an inline expression (without braces), as fluent-syntax writes it.
fn inline_source(inline: &InlineExpression<&str>) -> String {
    use fluent_syntax::ast;
    let message = ast::Entry::Message(ast::Message {
        id: ast::Identifier { name: "x" },
        value: Some(Pattern {
            elements: vec![PatternElement::Placeable {
                expression: Expression::Inline(inline.clone()),
            }],
        }),
        attributes: Vec::new(),
        comment: None,
    });
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![message] });
    let body = text.trim_end().strip_prefix("x = ").unwrap_or(&text);
    body.strip_prefix("{ ").and_then(|b| b.strip_suffix(" }")).unwrap_or(body).to_string()
}

/// Marks Markdown inline syntax in the text pieces as codes: `**`/`__`, links (`[` and
/// `](dest)`), images (`![`) and whole code spans.
pub(super) fn protect_markdown(segs: Vec<Seg>) -> Vec<Seg> {
    // Characters and codes in one sequence, so that a link may span placeables.
    enum Tok {
        Ch(char),
        Code(Kind, String),
    }
    let mut toks: Vec<Tok> = Vec::new();
    for seg in segs {
        match seg {
            Seg::Text(t) => toks.extend(t.chars().map(Tok::Ch)),
            Seg::Code(k, t) => toks.push(Tok::Code(k, t)),
        }
    }
    let ch = |toks: &[Tok], i: usize| match toks.get(i) {
        Some(Tok::Ch(c)) => Some(*c),
        _ => None,
    };
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    // Indices in `out` of `[` (or `![`) characters that may open a link.
    let mut opens: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match ch(&toks, i) {
            Some(c @ ('*' | '_')) if ch(&toks, i + 1) == Some(c) => {
                out.push(Tok::Code(Kind::Bold, format!("{c}{c}")));
                i += 2;
            }
            Some('`') => {
                // A code span: up to the next backtick among plain characters.
                let end = (i + 1..toks.len())
                    .take_while(|&j| matches!(toks[j], Tok::Ch(_)))
                    .find(|&j| ch(&toks, j) == Some('`'));
                match end {
                    Some(end) if end > i + 1 => {
                        let text: String = (i..=end).filter_map(|j| ch(&toks, j)).collect();
                        out.push(Tok::Code(Kind::CodeSpan, text));
                        i = end + 1;
                    }
                    _ => {
                        out.push(Tok::Ch('`'));
                        i += 1;
                    }
                }
            }
            Some('[') => {
                opens.push(out.len());
                out.push(Tok::Ch('['));
                i += 1;
            }
            Some(']') if ch(&toks, i + 1) == Some('(') && !opens.is_empty() => {
                // `](dest)`: the destination has no spaces and ends at the first `)`.
                let close = (i + 2..toks.len())
                    .take_while(|&j| ch(&toks, j).is_some_and(|c| !c.is_whitespace()))
                    .find(|&j| ch(&toks, j) == Some(')'));
                let Some(close) = close else {
                    out.push(Tok::Ch(']'));
                    i += 1;
                    continue;
                };
                let text: String = (i..=close).filter_map(|j| ch(&toks, j)).collect();
                let open = opens.pop().expect("checked non-empty");
                let image = open > 0 && matches!(out[open - 1], Tok::Ch('!'));
                if image {
                    out.remove(open - 1);
                    out[open - 1] = Tok::Code(Kind::LinkStart, "![".into());
                } else {
                    out[open] = Tok::Code(Kind::LinkStart, "[".into());
                }
                out.push(Tok::Code(Kind::LinkEnd, text));
                i = close + 1;
            }
            Some(c) => {
                out.push(Tok::Ch(c));
                i += 1;
            }
            None => {
                let Tok::Code(k, t) = std::mem::replace(&mut toks[i], Tok::Ch(' ')) else {
                    unreachable!("ch() is None only for codes and past the end")
                };
                out.push(Tok::Code(k, t));
                i += 1;
            }
        }
    }
    let mut segs = Vec::new();
    for tok in out {
        match tok {
            Tok::Ch(c) => push_text(&mut segs, c.encode_utf8(&mut [0; 4])),
            Tok::Code(k, t) => segs.push(Seg::Code(k, t)),
        }
    }
    segs
}

/// Plain text of a sequence with codes written as their source (for display and matching).
pub fn plain(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        match seg {
            Seg::Text(t) | Seg::Code(_, t) => out.push_str(t),
        }
    }
    out
}

/// The Fluent source lines of a pattern made of `segs` (relative indentation: four spaces
/// per select level), or `None` when the select codes are not well nested. Text is escaped
/// with string-literal placeables where Fluent would read it differently.
pub fn pattern_lines(segs: &[Seg]) -> Option<Vec<String>> {
    let mut lines: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    let mut in_variant: Vec<bool> = Vec::new();
    let indent = |depth: usize| "    ".repeat(depth);
    let last = segs.len().saturating_sub(1);
    for (n, seg) in segs.iter().enumerate() {
        match seg {
            Seg::Text(text) => {
                // A variant's value is a pattern of its own: Fluent trims its ends too.
                let starts = n == 0 || matches!(segs[n - 1], Seg::Code(Kind::Variant, _));
                let ends = n == last
                    || matches!(segs[n + 1], Seg::Code(Kind::Variant | Kind::SelectEnd, _));
                let count = text.split('\n').count();
                for (i, part) in text.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(indent(depth));
                    }
                    let line = lines.last_mut().expect("never empty");
                    let at_line_start = line.trim().is_empty();
                    let first = starts && i == 0;
                    let at_end = i + 1 < count || ends;
                    escape_text(line, part, at_line_start, first, at_end);
                }
            }
            Seg::Code(Kind::SelectStart, t) => {
                lines.last_mut().expect("never empty").push_str(t);
                depth += 1;
                in_variant.push(false);
            }
            Seg::Code(Kind::Variant, t) => {
                *in_variant.last_mut()? = true;
                let pad =
                    if t.starts_with('*') { indent(depth).split_off(1) } else { indent(depth) };
                lines.push(format!("{pad}{t} "));
            }
            Seg::Code(Kind::SelectEnd, _) => {
                in_variant.pop()?;
                depth = depth.checked_sub(1)?;
                lines.push(format!("{}}}", indent(depth)));
            }
            Seg::Code(_, t) => lines.last_mut().expect("never empty").push_str(t),
        }
    }
    if depth != 0 {
        return None;
    }
    for line in &mut lines {
        let trimmed = line.trim_end().len();
        line.truncate(trimmed);
    }
    Some(lines)
}

/// Appends `part` (one line of text) to `line`, escaping what Fluent would not read back as
/// the same text: braces, a special character starting a line, and spaces that the parser
/// would drop at the start or the end of a line.
fn escape_text(line: &mut String, part: &str, line_start: bool, first: bool, last: bool) {
    let chars: Vec<char> = part.chars().collect();
    let blank = |c: &&char| matches!(**c, ' ' | '\t');
    let lead = if line_start || first { chars.iter().take_while(blank).count() } else { 0 };
    let trail = if last { chars.iter().rev().take_while(blank).count() } else { 0 };
    for (i, c) in chars.iter().enumerate() {
        let literal = matches!(c, '{' | '}')
            || (i < lead)
            || (i >= chars.len() - trail)
            || (i == lead && line_start && !first && matches!(c, '[' | '*' | '.'));
        if literal {
            let _ = write!(
                line,
                "{{\"{}\"}}",
                match c {
                    '"' => "\\\"".to_string(),
                    '\t' => "\\u0009".to_string(),
                    c => c.to_string(),
                }
            );
        } else {
            line.push(*c);
        }
    }
}

/// `id = …` (or an attribute's `.name = …`, with `indent`) from pattern lines.
pub fn write_pattern(out: &mut String, indent: &str, head: &str, lines: &[String]) {
    // A pattern that opens with a select goes on its own lines, as fluent-syntax writes it.
    let select_first = lines.len() > 1 && lines[0].starts_with('{') && lines[0].ends_with("->");
    match lines.first() {
        Some(first) if select_first => {
            let _ = writeln!(out, "{indent}{head} =");
            let _ = writeln!(out, "{indent}    {first}");
        }
        Some(first) if !first.is_empty() => {
            let _ = writeln!(out, "{indent}{head} = {first}");
        }
        _ => {
            let _ = writeln!(out, "{indent}{head} =");
        }
    }
    {
        for line in lines.iter().skip(1) {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}    {line}");
            }
        }
    }
}
