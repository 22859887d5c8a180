//! Tests of diagnostics: positions, rendering (capped too) and the summary.

use proptest::prelude::*;

use super::*;

#[test]
fn renders_rustc_style_with_caret() {
    let src = "a = 1\nb = \"x\n";
    let diag =
        Diagnostic::error("toml-syntax", "content/site.toml", src, 10..11, "unterminated string");
    assert_eq!(
        diag.render(),
        "content/site.toml:2:5: error[toml-syntax]: unterminated string\n  |\n2 | b = \"x\n  |     ^\n"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let src = "标题 = 值\n";
    let index = LineIndex::new(src);
    assert_eq!(index.line_col(src, "标题 ".len()), (1, 4));
}

#[test]
fn caret_counts_display_columns() {
    // 标题 are two columns each; the caret spans the wide 值 with two carets.
    let src = "标题 = 值\n";
    let start = "标题 = ".len();
    let diag = Diagnostic::error("x", "f", src, start..start + "值".len(), "m");
    assert_eq!(diag.render(), "f:1:6: error[x]: m\n  |\n1 | 标题 = 值\n  |        ^^\n");
}

#[test]
fn a_long_line_is_shown_around_the_column() {
    let src = format!("{}x{}\n", "a".repeat(5000), "b".repeat(5000));
    let diag = Diagnostic::error("x", "f", &src, 5000..5001, "m");
    let rendered = diag.render();
    assert!(rendered.starts_with("f:1:5001: error[x]: m\n"));
    let lines: Vec<&str> = rendered.lines().collect();
    assert_eq!(lines[2].chars().count(), "1 | ".len() + MAX_SHOWN + 2);
    // The caret stands under the `x`.
    let caret = lines[3].chars().position(|c| c == '^').unwrap();
    assert_eq!(lines[2].chars().nth(caret), Some('x'));
}

#[test]
fn crlf_line_endings_are_not_part_of_the_line() {
    let src = "a\r\nbc\r\n";
    let diag = Diagnostic::error("x", "f", src, 3..5, "m");
    let pos = diag.pos.unwrap();
    assert_eq!((pos.line, pos.col, pos.line_text.as_str(), pos.width), (2, 1, "bc", 2));
}

#[test]
fn bidi_controls_in_the_shown_line_are_replaced() {
    let src = "a = x\u{202E}y\n";
    let rendered = Diagnostic::error("x", "f", src, 4..5, "m").render();
    assert!(!rendered.contains('\u{202E}'));
    assert!(rendered.contains("x\u{FFFD}y"));
}

/// A message or a path may quote a translation: a terminal escape in it is shown, not obeyed.
#[test]
fn controls_in_the_message_and_the_path_are_escaped() {
    let src = "a = x\n";
    let message = "links to `javascript:\u{1b}]0;title\u{7}`\nsecond line\u{202E}";
    let rendered = Diagnostic::error("x", "f\u{1b}[2J", src, 4..5, message).render();
    assert_eq!(
        rendered.lines().next(),
        Some(r"f\u{1b}[2J:1:5: error[x]: links to `javascript:\u{1b}]0;title\u{7}`")
    );
    assert!(rendered.contains("\nsecond line\\u{202e}\n"), "{rendered}");
    assert!(!rendered.chars().any(|c| c != '\n' && is_invisible_control(c)), "{rendered}");
}

#[test]
fn capped_rendering_counts_the_warnings_it_leaves_out_and_keeps_every_error() {
    let warn = |line: usize, code| {
        let src = "x\n".repeat(line);
        Diagnostic::warning(code, "f", &src, 2 * (line - 1)..2 * line - 1, format!("w{line}"))
    };
    let mut diags: Vec<Diagnostic> = (1..=5).map(|l| warn(l, "a")).collect();
    diags.push(warn(6, "b"));
    diags.extend((7..=9).map(|l| Diagnostic::error("c", "f", "x", 0..1, format!("e{l}"))));
    let out = render_capped(&diags, 2, "drillbook check");
    for shown in ["w1", "w2", "w6", "e7", "e8", "e9"] {
        assert!(out.contains(&format!("]: {shown}\n")), "{shown} missing from\n{out}");
    }
    for hidden in ["w3", "w4", "w5"] {
        assert!(!out.contains(&format!("]: {hidden}\n")), "{hidden} shown in\n{out}");
    }
    assert!(out.ends_with(
        "warning: … and 3 more `a` warnings: `drillbook check` lists them all\n\
         3 errors, 6 warnings\n"
    ));
    // Under the cap, it is `render_all`.
    assert_eq!(render_capped(&diags, 5, "x"), render_all(&diags));
}

#[test]
fn summary_counts_errors_and_warnings() {
    let a = Diagnostic::file(Severity::Error, "a", "p", "m");
    let b = Diagnostic::file(Severity::Warning, "b", "p", "m");
    assert_eq!(summary(&[a.clone(), b.clone(), b]), "1 error, 2 warnings");
    assert_eq!(summary(&[]), "0 errors, 0 warnings");
}

proptest! {
    #[test]
    fn offset_and_line_col_round_trip(src in "(?s).{0,200}", pick in 0usize..300) {
        let index = LineIndex::new(&src);
        let offset = floor_char_boundary(&src, pick);
        let (line, col) = index.line_col(&src, offset);
        // Offsets inside a CRLF ending map back to the end of the line.
        let back = index.offset(&src, line, col).unwrap();
        prop_assert!(back <= offset);
        prop_assert_eq!(index.line_col(&src, back), (line, col));
    }

    #[test]
    fn a_span_s_position_is_the_line_index_s(
        src in "(?s)[a\r\n标\u{301}]{0,60}", a in 0usize..200, b in 0usize..200,
    ) {
        let span = a.min(b)..a.max(b);
        prop_assert_eq!(position(&src, span.clone()), LineIndex::new(&src).position(&src, span));
    }

    #[test]
    fn any_span_renders_without_panicking(src in "(?s).{0,100}", a in 0usize..120, b in 0usize..120) {
        let diag = Diagnostic::error("x", "f", &src, a.min(b)..a.max(b), "m");
        prop_assert!(diag.render().starts_with("f:"));
    }
}
