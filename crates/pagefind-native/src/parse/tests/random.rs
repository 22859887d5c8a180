//! Random input: never a panic, and whatever is supported agrees with Pagefind.

use super::*;

const TAGS: &[&str] = &[
    "p",
    "div",
    "span",
    "a",
    "h1",
    "h2",
    "h3",
    "li",
    "ul",
    "td",
    "section",
    "article",
    "b",
    "code",
    "em",
    "nav",
    "form",
    "label",
    "footer",
    "head",
    "title",
    "script",
    "style",
    "svg",
    "g",
    "path",
    "circle",
    "foreignObject",
    "clipPath",
    "main",
    "noscript",
    "textarea",
    "img",
    "br",
    "input",
    "meta",
    "hr",
    "button",
    "H2",
    "Div",
    "x-y",
    "template",
    "math",
    "desc",
    "iframe",
    "select",
    "table",
    "font",
];
const ATTRS: &[&str] = &[
    " id=a",
    " id='b c'",
    " id=\"\"",
    " data-pagefind-body",
    " data-pagefind-ignore",
    " data-pagefind-ignore='all'",
    " data-pagefind-ignore=index",
    " data-pagefind-ignore=bogus",
    " data-pagefind-weight=2",
    " data-pagefind-weight='0.5'",
    " data-pagefind-meta='m'",
    " data-pagefind-meta='m2:val, x[class]'",
    " data-pagefind-filter='f'",
    " data-pagefind-filter='f:a &amp;amp; b'",
    " data-pagefind-sort='s'",
    " data-pagefind-default-meta='title:dflt'",
    " data-pagefind-title='T &amp;'",
    " data-pagefind-index-attrs='class,title'",
    " class=cls",
    " title='x y'",
    " src=/img.png",
    " alt='alt'",
    " lang=EN",
    " DATA-PAGEFIND-META=up",
    "/",
    " href=\"_pagefind/x.css\"",
];
const TEXTS: &[&str] = &[
    "word",
    " ",
    "\n",
    "two words",
    "end.",
    "a&amp;b",
    "&lt;",
    "é",
    "日本語",
    "x)",
    "\r\n",
    "'q'",
    "\u{a0}",
    "<",
    ">",
    "&",
    "?",
    "  spaced  ",
    "\t",
];

fn random_soup(rng: &mut Rng, well_formed: bool) -> String {
    let mut out = String::new();
    let mut open: Vec<&str> = Vec::new();
    if well_formed {
        out.push_str(if rng.below(3) == 0 { "<html lang='de'>" } else { "<html>" });
        open.push("html");
    }
    for _ in 0..rng.below(40) {
        match rng.below(10) {
            0..=3 => {
                let tag = rng.pick(TAGS);
                out.push('<');
                out.push_str(tag);
                for _ in 0..rng.below(3) {
                    out.push_str(rng.pick(ATTRS));
                }
                out.push('>');
                if !is_void_tag(&tag.to_ascii_lowercase()) {
                    open.push(tag);
                }
            }
            4..=6 => {
                let text = rng.pick(TEXTS);
                if well_formed && matches!(text, "<" | "&") {
                    continue;
                }
                out.push_str(text);
            }
            7 if !open.is_empty() && (!well_formed || open.len() > 1) => {
                let tag = open.pop().unwrap();
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            8 if well_formed => out.push_str(rng.pick(&["<!-- c -->", "<!DOCTYPE html>", "-->"])),
            8 => out.push_str(rng.pick(&[
                "<!-- c -->",
                "<!DOCTYPE html>",
                "<!--",
                "-->",
                "</",
                "<!x>",
            ])),
            _ if !well_formed => out.push_str(rng.pick(TAGS)),
            _ => {}
        }
    }
    if well_formed {
        while let Some(tag) = open.pop() {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
    out
}

#[test]
fn random_input_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(64);
        let bytes: Vec<u8> =
            (0..len).map(|_| b"<>/!-=\"' abcpdivhtml\n&;\r\0\xc3\xa9"[rng.below(27)]).collect();
        let s = String::from_utf8_lossy(&bytes);
        let _ = parse(&s);
        let soup = random_soup(&mut rng, false);
        let _ = parse(&soup);
        // Every prefix too (cut anywhere, on a character boundary).
        let soup = random_soup(&mut rng, true);
        for cut in (0..soup.len()).filter(|&i| soup.is_char_boundary(i)).step_by(7) {
            let _ = parse(&soup[..cut]);
        }
    }
}

#[test]
fn random_soup_matches_pagefind() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut pages = Vec::new();
    let mut supported = 0;
    let mut reasons = BTreeMap::<String, usize>::new();
    while supported < 400 {
        let soup = random_soup(&mut rng, true);
        match parse(&soup) {
            Ok(_) => {
                supported += 1;
                pages.push((format!("r{supported}/index.html"), soup));
            }
            Err(e) => {
                *reasons.entry(e.reason.split('<').next().unwrap().to_owned()).or_default() += 1
            }
        }
    }
    eprintln!("unsupported random pages: {reasons:?}");
    let mut problems = Vec::new();
    let mut compared = 0;
    for page in &pages {
        let (p, c) = compare_with_pagefind(std::slice::from_ref(page));
        problems.extend(p);
        compared += c;
        if problems.len() > 5 {
            break;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(compared > pages.len() / 2, "only {compared} of {} compared", pages.len());
}
