//! Reading XLIFF 1.2 with quick-xml: each `trans-unit`'s id, target state and the source
//! and target as text and inline codes, with byte offsets for positioned diagnostics.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::diag::Diagnostic;

/// A piece of a read `<source>` or `<target>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// An inline code: its `id` attribute and its content (empty for `<x/>`), and the byte
    /// offset of its tag.
    Code {
        id: String,
        content: String,
        offset: usize,
    },
}

#[derive(Debug, Clone, Default)]
pub struct ReadUnit {
    pub id: String,
    /// Byte offset of the `<trans-unit` tag.
    pub offset: usize,
    pub source: Vec<Piece>,
    pub target: Option<Vec<Piece>>,
    /// Byte offset of the `<target` tag.
    pub target_offset: usize,
    pub state: Option<String>,
    /// The enclosing `<file>`'s `target-language`.
    pub locale: Option<String>,
}

fn attr(el: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    el.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Elements that are one inline code each (their text content, if any, is the code).
const CODE_ELEMENTS: &[&[u8]] = &[b"ph", b"x", b"bpt", b"ept", b"it", b"bx", b"ex"];

/// Every trans-unit of `source` (an XLIFF 1.2 document), or the first syntax problem.
pub fn read(path: &str, source: &str) -> Result<Vec<ReadUnit>, Diagnostic> {
    read_document(path, source).map(|(units, _)| units)
}

/// [`read`], and the first `<file>`'s `target-language`.
pub fn read_document(
    path: &str,
    source: &str,
) -> Result<(Vec<ReadUnit>, Option<String>), Diagnostic> {
    let mut first_locale: Option<String> = None;
    let mut reader = Reader::from_str(source);
    let mut units = Vec::new();
    let mut current: Option<ReadUnit> = None;
    // Inside <source> or <target> of the current unit (not of an alt-trans).
    let mut content: Option<(bool, Vec<Piece>)> = None;
    // Inside an inline code element: (id, text so far, offset, depth of nested elements).
    let mut code: Option<(String, String, usize, usize)> = None;
    // Depth inside elements to skip (alt-trans, notes).
    let mut skip = 0usize;
    let mut locale: Option<String> = None;
    // Elements open at this point of the document: a truncated file ends with some open.
    let mut open = 0usize;
    let error = |offset: usize, message: String| {
        let at = offset.min(source.len());
        Diagnostic::error("invalid-xliff", path, source, at..at, message)
    };
    loop {
        let offset = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(err) => {
                return Err(error(
                    reader.error_position() as usize,
                    format!("not well-formed XML: {err}"),
                ));
            }
        };
        match &event {
            Event::Start(_) => open += 1,
            Event::End(_) => open = open.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Eof if open > 0 => {
                return Err(error(
                    source.len(),
                    "the file ends inside an element (truncated?)".into(),
                ));
            }
            Event::Eof => break,
            Event::Start(_) if skip > 0 => skip += 1,
            Event::Empty(_) if skip > 0 => {}
            Event::End(_) if skip > 0 => skip -= 1,
            Event::Start(ref el) | Event::Empty(ref el) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = local(el.name().as_ref()).to_vec();
                if let Some((_, text, _, depth)) = code.as_mut() {
                    if !is_empty {
                        *depth += 1;
                    }
                    let _ = text;
                    continue;
                }
                if let Some((_, pieces)) = content.as_mut() {
                    if CODE_ELEMENTS.contains(&name.as_slice()) {
                        let id = attr(el, b"id").or_else(|| attr(el, b"x")).unwrap_or_default();
                        if is_empty {
                            pieces.push(Piece::Code { id, content: String::new(), offset });
                        } else {
                            code = Some((id, String::new(), offset, 0));
                        }
                    } else if name == b"mrk" {
                        // Markers are transparent: their text is the unit's text.
                    } else {
                        return Err(error(
                            offset,
                            format!(
                                "unsupported inline element `<{}>` (drillbook exports `<ph>` codes)",
                                String::from_utf8_lossy(&name)
                            ),
                        ));
                    }
                    continue;
                }
                match name.as_slice() {
                    b"file" => {
                        locale = attr(el, b"target-language");
                        if first_locale.is_none() {
                            first_locale.clone_from(&locale);
                        }
                    }
                    b"trans-unit" => {
                        let Some(id) = attr(el, b"id") else {
                            return Err(error(offset, "`<trans-unit>` without an `id`".into()));
                        };
                        current = Some(ReadUnit {
                            id,
                            offset,
                            locale: locale.clone(),
                            ..ReadUnit::default()
                        });
                    }
                    b"source" | b"target" if current.is_some() => {
                        let is_target = name == b"target";
                        if let Some(unit) = current.as_mut() {
                            if is_target {
                                unit.state = attr(el, b"state");
                                unit.target_offset = offset;
                            }
                            if is_empty {
                                if is_target {
                                    unit.target = Some(Vec::new());
                                }
                            } else {
                                content = Some((is_target, Vec::new()));
                            }
                        }
                    }
                    _ if current.is_some() && !is_empty => skip = 1,
                    _ => {}
                }
            }
            Event::Text(t) => {
                let decoded = t.decode().map_err(|e| error(offset, format!("bad text: {e}")))?;
                push(&mut content, &mut code, &decoded);
            }
            Event::CData(t) => {
                let decoded = t.decode().map_err(|e| error(offset, format!("bad text: {e}")))?;
                push(&mut content, &mut code, &decoded);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name =
                            r.decode().map_err(|e| error(offset, format!("bad reference: {e}")))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.to_string(),
                            None => {
                                return Err(error(offset, format!("unknown entity `&{name};`")));
                            }
                        }
                    }
                };
                push(&mut content, &mut code, &resolved);
            }
            Event::End(el) => {
                let name = local(el.name().as_ref()).to_vec();
                if let Some((id, text, at, depth)) = code.as_mut() {
                    if *depth > 0 {
                        *depth -= 1;
                        continue;
                    }
                    let piece = Piece::Code { id: id.clone(), content: text.clone(), offset: *at };
                    code = None;
                    if let Some((_, pieces)) = content.as_mut() {
                        pieces.push(piece);
                    }
                    continue;
                }
                match name.as_slice() {
                    b"source" | b"target" if content.is_some() => {
                        let (is_target, pieces) = content.take().expect("checked");
                        if let Some(unit) = current.as_mut() {
                            if is_target {
                                unit.target = Some(pieces);
                            } else {
                                unit.source = pieces;
                            }
                        }
                    }
                    b"mrk" if content.is_some() => {}
                    b"trans-unit" => units.extend(current.take()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok((units, first_locale))
}

fn push(
    content: &mut Option<(bool, Vec<Piece>)>,
    code: &mut Option<(String, String, usize, usize)>,
    text: &str,
) {
    if let Some((_, t, _, _)) = code.as_mut() {
        t.push_str(text);
    } else if let Some((_, pieces)) = content.as_mut() {
        if let Some(Piece::Text(last)) = pieces.last_mut() {
            last.push_str(text);
        } else {
            pieces.push(Piece::Text(text.to_string()));
        }
    }
}
