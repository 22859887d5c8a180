//! Writing XLIFF 1.2 and TMX 1.4 with quick-xml (every text and attribute escaped by it).
//!
//! Inline codes are `<ph>` elements whose content is the Fluent or Markdown source they
//! stand for (`<ph id="1" ctype="x-fluent-placeable">{ $count }</ph>`): XLIFF 1.2's
//! "native code" form, which CAT tools show as a locked tag and copy from source to target.

use std::collections::BTreeMap;
use std::io::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::codes::Seg;
use super::tm::{Match, Memory};
use super::units::Unit;

type Xml = Writer<Vec<u8>>;

/// A unit as exported: the unit, its translation-memory matches.
pub struct Exported<'a> {
    pub unit: &'a Unit,
    pub matches: Vec<Match>,
}

fn start(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) {
    let mut el = BytesStart::new(name);
    for (k, v) in attrs {
        el.push_attribute((*k, &*writable(v)));
    }
    w.write_event(Event::Start(el)).expect("writing to a Vec cannot fail");
}

fn end(w: &mut Xml, name: &str) {
    w.write_event(Event::End(BytesEnd::new(name))).expect("writing to a Vec cannot fail");
}

fn text(w: &mut Xml, t: &str) {
    w.write_event(Event::Text(BytesText::new(&writable(t)))).expect("writing to a Vec cannot fail");
}

/// `text` with every character XML cannot hold made U+FFFD: quick-xml escapes markup but
/// writes such characters as they are, and a reader rejects the document. Segments never
/// have any (`codes::flatten` makes each a code); notes and attributes might.
fn writable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(crate::md_shape::unwritable_in_xml) {
        return std::borrow::Cow::Borrowed(text);
    }
    let replace = |c| if crate::md_shape::unwritable_in_xml(c) { '\u{FFFD}' } else { c };
    text.chars().map(replace).collect::<String>().into()
}

/// Layout whitespace between elements (never inside mixed content).
fn newline(w: &mut Xml, depth: usize) {
    let pad = format!("\n{}", "  ".repeat(depth));
    w.write_event(Event::Text(BytesText::from_escaped(pad))).expect("writing to a Vec cannot fail");
}

/// Ids of the codes of a source and a target: source codes 1..n in order; a target code gets
/// the id of the same code (same text, same occurrence) in the source, else a new one.
pub fn code_ids(source: &[Seg], target: &[Seg]) -> (Vec<usize>, Vec<usize>) {
    let mut next = 0;
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut source_ids = Vec::new();
    for seg in source {
        if let Seg::Code(_, t) = seg {
            next += 1;
            by_text.entry(t.as_str()).or_default().push(next);
            source_ids.push(next);
        }
    }
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let mut target_ids = Vec::new();
    for seg in target {
        if let Seg::Code(_, t) = seg {
            let n = used.entry(t.as_str()).or_default();
            let id = match by_text.get(t.as_str()).and_then(|ids| ids.get(*n)) {
                Some(id) => *id,
                None => {
                    next += 1;
                    next
                }
            };
            *n += 1;
            target_ids.push(id);
        }
    }
    (source_ids, target_ids)
}

/// Writes `segs` as mixed content, codes as `<ph>` (XLIFF) with the given ids.
fn inline(w: &mut Xml, segs: &[Seg], ids: &[usize], tmx: bool) {
    let mut ids = ids.iter();
    for seg in segs {
        match seg {
            Seg::Text(t) => text(w, t),
            Seg::Code(kind, t) => {
                let id = ids.next().copied().unwrap_or(0).to_string();
                if tmx {
                    start(w, "ph", &[("x", &id), ("type", kind.ctype())]);
                } else {
                    start(w, "ph", &[("id", &id), ("ctype", kind.ctype())]);
                }
                text(w, t);
                end(w, "ph");
            }
        }
    }
}

fn header(w: &mut Xml) {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("writing to a Vec cannot fail");
    newline(w, 0);
}

/// One XLIFF 1.2 document: a `<file>` per `.ftl` file (`files`, in the order of `units`).
pub fn xliff(
    source_locale: &str,
    target_locale: &str,
    files: &[String],
    units: &[Exported<'_>],
    memory: &Memory,
) -> String {
    let mut w = Writer::new(Vec::new());
    header(&mut w);
    start(
        &mut w,
        "xliff",
        &[("version", "1.2"), ("xmlns", "urn:oasis:names:tc:xliff:document:1.2")],
    );
    let mut i = 0;
    for scope in files {
        let original = format!("{scope}.ftl");
        newline(&mut w, 1);
        start(
            &mut w,
            "file",
            &[
                ("original", &original),
                ("source-language", source_locale),
                ("target-language", target_locale),
                ("datatype", "plaintext"),
            ],
        );
        newline(&mut w, 2);
        start(&mut w, "body", &[]);
        while i < units.len() && &units[i].unit.scope == scope {
            trans_unit(&mut w, &units[i], memory);
            i += 1;
        }
        newline(&mut w, 2);
        end(&mut w, "body");
        newline(&mut w, 1);
        end(&mut w, "file");
    }
    newline(&mut w, 0);
    end(&mut w, "xliff");
    newline(&mut w, 0);
    String::from_utf8(w.into_inner()).expect("quick-xml writes the UTF-8 it is given")
}

fn trans_unit(w: &mut Xml, exported: &Exported<'_>, memory: &Memory) {
    let unit = exported.unit;
    let id = unit.id();
    let resname = match &unit.attribute {
        Some(a) => format!("{}.{a}", unit.message),
        None => unit.message.clone(),
    };
    newline(w, 3);
    start(w, "trans-unit", &[("id", &id), ("resname", &resname), ("xml:space", "preserve")]);
    let target = unit.target.as_deref().unwrap_or(&[]);
    let (source_ids, target_ids) = code_ids(&unit.source, target);
    newline(w, 4);
    start(w, "source", &[]);
    inline(w, &unit.source, &source_ids, false);
    end(w, "source");
    newline(w, 4);
    match &unit.target {
        Some(target) => {
            start(w, "target", &[("state", unit.state.xliff())]);
            inline(w, target, &target_ids, false);
            end(w, "target");
        }
        // An empty target carries the state of a missing translation.
        None => {
            let mut el = BytesStart::new("target");
            el.push_attribute(("state", unit.state.xliff()));
            w.write_event(Event::Empty(el)).expect("writing to a Vec cannot fail");
        }
    }
    for note in &unit.notes {
        newline(w, 4);
        start(w, "note", &[("from", "drillbook")]);
        text(w, note);
        end(w, "note");
    }
    for m in &exported.matches {
        let tu = &memory.tus[m.tu];
        let quality = format!("{}%", m.score);
        newline(w, 4);
        start(w, "alt-trans", &[("match-quality", &quality), ("origin", &tu.id)]);
        let (s_ids, t_ids) = code_ids(&tu.source, &tu.target);
        newline(w, 5);
        start(w, "source", &[]);
        inline(w, &tu.source, &s_ids, false);
        end(w, "source");
        newline(w, 5);
        start(w, "target", &[]);
        inline(w, &tu.target, &t_ids, false);
        end(w, "target");
        newline(w, 4);
        end(w, "alt-trans");
    }
    newline(w, 3);
    end(w, "trans-unit");
}

/// The memory as TMX 1.4, one `<tu>` per reviewed translation.
pub fn tmx(source_locale: &str, target_locale: &str, memory: &Memory) -> String {
    let mut w = Writer::new(Vec::new());
    header(&mut w);
    start(&mut w, "tmx", &[("version", "1.4")]);
    newline(&mut w, 1);
    let version = env!("CARGO_PKG_VERSION");
    w.write_event(Event::Empty({
        let mut el = BytesStart::new("header");
        for (k, v) in [
            ("creationtool", "drillbook"),
            ("creationtoolversion", version),
            ("datatype", "plaintext"),
            ("segtype", "block"),
            ("adminlang", source_locale),
            ("srclang", source_locale),
            ("o-tmf", "drillbook"),
        ] {
            el.push_attribute((k, v));
        }
        el
    }))
    .expect("writing to a Vec cannot fail");
    newline(&mut w, 1);
    start(&mut w, "body", &[]);
    for tu in &memory.tus {
        newline(&mut w, 2);
        start(&mut w, "tu", &[("tuid", &tu.id)]);
        let (s_ids, t_ids) = code_ids(&tu.source, &tu.target);
        for (lang, segs, ids) in
            [(source_locale, &tu.source, &s_ids), (target_locale, &tu.target, &t_ids)]
        {
            newline(&mut w, 3);
            start(&mut w, "tuv", &[("xml:lang", lang)]);
            start(&mut w, "seg", &[]);
            inline(&mut w, segs, ids, true);
            end(&mut w, "seg");
            end(&mut w, "tuv");
        }
        newline(&mut w, 2);
        end(&mut w, "tu");
    }
    newline(&mut w, 1);
    end(&mut w, "body");
    newline(&mut w, 0);
    end(&mut w, "tmx");
    let mut out = w.into_inner();
    let _ = out.write_all(b"\n");
    String::from_utf8(out).expect("quick-xml writes the UTF-8 it is given")
}
