//! An escaping Fluent writer for imported text.
//!
//! fluent-syntax's serializer writes text elements verbatim, so `{`, `}`, a line starting with
//! `[`, `*` or `.`, leading or trailing spaces and blank lines all turn into invalid or
//! different FTL. This writer escapes every such character as a string-literal placeable
//! (`{"{"}`) so that parsing the output gives back exactly the text it was given.

use std::fmt::Write as _;

/// One element of an imported pattern: literal text, or a reference to a term (a UI label
/// or role, without the leading `-`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Elem {
    Text(String),
    Term(String),
}

/// Appends text to a pattern, merging with a preceding text element.
pub fn push_text(pattern: &mut Vec<Elem>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Elem::Text(last)) = pattern.last_mut() {
        last.push_str(text);
    } else {
        pattern.push(Elem::Text(text.to_string()));
    }
}

/// The pattern as plain text, terms written as `{ -name }` (for slugs, comparison and tests).
pub fn pattern_text(pattern: &[Elem]) -> String {
    let mut out = String::new();
    for elem in pattern {
        match elem {
            Elem::Text(text) => out.push_str(text),
            Elem::Term(name) => {
                let _ = write!(out, "{{ -{name} }}");
            }
        }
    }
    out
}

/// `id = value\n`, escaped so that it parses back to exactly `pattern`.
pub fn write_message(id: &str, pattern: &[Elem]) -> String {
    let lines = write_lines(pattern);
    let mut out =
        String::with_capacity(id.len() + 8 + lines.iter().map(String::len).sum::<usize>());
    out.push_str(id);
    if lines.len() == 1 {
        out.push_str(" = ");
        out.push_str(&lines[0]);
        out.push('\n');
    } else {
        out.push_str(" =\n");
        for line in &lines {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The escaped source lines of a pattern (at least one, none of them empty).
fn write_lines(pattern: &[Elem]) -> Vec<String> {
    // Split into lines of (text, is-placeable) pieces first, then escape line by line.
    let mut lines: Vec<Vec<Piece<'_>>> = vec![Vec::new()];
    for elem in pattern {
        match elem {
            Elem::Text(text) => {
                for (i, part) in text.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(Vec::new());
                    }
                    if !part.is_empty() {
                        lines.last_mut().expect("never empty").push(Piece::Text(part));
                    }
                }
            }
            Elem::Term(name) => lines.last_mut().expect("never empty").push(Piece::Term(name)),
        }
    }
    let block = lines.len() > 1;
    lines.iter().map(|pieces| escape_line(pieces, block)).collect()
}

enum Piece<'a> {
    Text(&'a str),
    Term(&'a str),
}

/// `block`: the line is written indented on a line of its own, where a leading `[`, `*` or
/// `.` would start a variant or an attribute. On the `id = ` line they are plain text.
fn escape_line(pieces: &[Piece<'_>], block: bool) -> String {
    let mut out = String::new();
    let n = pieces.len();
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Term(name) => {
                let _ = write!(out, "{{ -{name} }}");
            }
            Piece::Text(text) => {
                let mut text: &str = text;
                if i == 0 {
                    // Leading spaces would be taken as indentation; a leading `[`, `*`, `.`
                    // would start a variant, a default variant or an attribute.
                    let spaces = text.len() - text.trim_start_matches(' ').len();
                    if spaces > 0 {
                        literal(&mut out, &text[..spaces]);
                        text = &text[spaces..];
                    } else if let Some(c) = text.chars().next() {
                        if block && matches!(c, '[' | '*' | '.' | '-' | '#') {
                            literal(&mut out, &text[..1]);
                            text = &text[1..];
                        }
                    }
                }
                let mut trailing = "";
                if i + 1 == n {
                    let kept = text.trim_end_matches(' ');
                    trailing = &text[kept.len()..];
                    text = kept;
                }
                for c in text.chars() {
                    match c {
                        '{' => out.push_str("{\"{\"}"),
                        '}' => out.push_str("{\"}\"}"),
                        c if c.is_control() => {
                            let _ = write!(out, "{{\"\\u{:04X}\"}}", c as u32);
                        }
                        c => out.push(c),
                    }
                }
                if !trailing.is_empty() {
                    literal(&mut out, trailing);
                }
            }
        }
    }
    if out.is_empty() {
        // An empty line (or an empty value) would vanish.
        out.push_str("{\"\"}");
    }
    out
}

/// A string-literal placeable; only called with characters that need no escape inside one.
fn literal(out: &mut String, text: &str) {
    out.push_str("{\"");
    out.push_str(text);
    out.push_str("\"}");
}

/// Reads a parsed pattern back into elements: text and string literals become text, term
/// references become terms; any other placeable is written as its serialized source.
pub fn read_pattern(pattern: &fluent_syntax::ast::Pattern<&str>) -> Vec<Elem> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let mut out = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(&mut out, value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => {
                push_text(&mut out, &unescape_literal(value));
            }
            PatternElement::Placeable {
                expression:
                    Expression::Inline(InlineExpression::TermReference {
                        id,
                        attribute: None,
                        arguments: None,
                    }),
            } => out.push(Elem::Term(id.name.to_string())),
            PatternElement::Placeable { .. } => push_text(&mut out, "\u{FFFC}"),
        }
    }
    out
}

/// Resolves the escapes of a Fluent string literal (`\"`, `\\`, `\uXXXX`, `\UXXXXXX`).
pub fn unescape_literal(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(n @ ('u' | 'U')) => {
                let len = if n == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(len).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push('\u{FFFD}'),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use fluent_syntax::ast;
    use proptest::prelude::*;

    use super::*;

    fn round_trip(pattern: &[Elem]) -> Vec<Elem> {
        let src = write_message("m", pattern);
        let resource = fluent_syntax::parser::parse(src.as_str())
            .unwrap_or_else(|(_, errors)| panic!("invalid FTL {src:?}: {errors:?}"));
        assert_eq!(resource.body.len(), 1, "{src:?}");
        match &resource.body[0] {
            ast::Entry::Message(m) => read_pattern(m.value.as_ref().expect("value")),
            other => panic!("{src:?} parsed as {other:?}"),
        }
    }

    fn text(s: &str) -> Vec<Elem> {
        let mut p = Vec::new();
        push_text(&mut p, s);
        p
    }

    #[test]
    fn plain_text_is_written_as_is() {
        assert_eq!(write_message("a", &text("Select it.")), "a = Select it.\n");
        let p = vec![
            Elem::Text("Go to **".into()),
            Elem::Term("ui-customers".into()),
            Elem::Text("**".into()),
        ];
        assert_eq!(write_message("a", &p), "a = Go to **{ -ui-customers }**\n");
        assert_eq!(round_trip(&p), p);
    }

    #[test]
    fn braces_and_special_line_starts_are_escaped() {
        assert_eq!(write_message("a", &text("{serialNumber}")), "a = {\"{\"}serialNumber{\"}\"}\n");
        assert_eq!(write_message("a", &text("**Bold**")), "a = **Bold**\n");
        assert_eq!(
            write_message("a", &text("x\n[y]\n*z\n.w")),
            "a =\n    x\n    {\"[\"}y]\n    {\"*\"}z\n    {\".\"}w\n"
        );
        for s in
            ["{", "}", "[a", "*a", ".a", "-a", " a ", "a\n\nb", "\n", "a\n", "\ta", "a\r\nb", ""]
        {
            let p = text(s);
            assert_eq!(pattern_text(&round_trip(&p)), s, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_round_trips(s in "(?s).{0,80}", term in proptest::option::of("[a-z]{1,8}"), tail in "(?s).{0,20}") {
            let mut p = text(&s);
            if let Some(term) = term {
                p.push(Elem::Term(format!("ui-{term}")));
                push_text(&mut p, &tail);
            }
            prop_assert_eq!(round_trip(&p), p);
        }

        #[test]
        fn special_characters_round_trip(s in "[ \\[\\]{}*.\\-#a\n\r\t\"\\\\]{0,40}") {
            let p = text(&s);
            prop_assert_eq!(round_trip(&p), p);
        }
    }
}
