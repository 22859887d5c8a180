//! Schema errors of a TOML file, all in one run: serde stops at the first unknown or missing
//! field, so the document is repaired where it failed (an unknown key dropped, a missing
//! field filled with a stand-in) and deserialized again, up to a limit. Each error keeps the
//! position toml gave it (a missing field is reported at its table), and an unknown name
//! gets a "did you mean" when a known one is a small edit away.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// Stops a file with very many problems from being deserialized again and again.
const MAX_ROUNDS: usize = 64;

/// Stand-ins get spans past any real offset, so an error about one is recognized.
const STAND_IN_BASE: usize = usize::MAX / 2;

/// One schema error: toml's message, its span, and whether it names an unknown key.
pub(crate) struct SchemaError {
    pub message: String,
    pub span: Option<Range<usize>>,
    pub unknown: bool,
    /// The span is the whole document's (a missing top-level field).
    pub root: bool,
}

/// Deserializes `doc` into `T`, collecting every schema error that a repair lets serde reach.
pub(crate) fn deserialize_all<T: DeserializeOwned>(
    mut doc: Spanned<DeTable<'_>>,
) -> Result<T, Vec<SchemaError>> {
    let mut errors: Vec<SchemaError> = Vec::new();
    // Stand-ins tried so far: (span, candidate index).
    let mut stand_ins: Vec<(Range<usize>, usize)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let err = match T::deserialize(toml::de::Deserializer::from(doc.clone())) {
            Ok(value) if errors.is_empty() => return Ok(value),
            Ok(_) => return Err(errors),
            Err(err) => err,
        };
        let message = err.message().trim().replace('\n', " ");
        let span = err.span();
        if let Some(span) = span.as_ref().filter(|s| s.start >= STAND_IN_BASE) {
            // The stand-in had the wrong type: try the next kind of value, or give up.
            let Some(entry) = stand_ins.iter_mut().find(|(s, _)| s == span) else { break };
            entry.1 += 1;
            let Some(value) = stand_in(entry.1, &message) else { break };
            if !set_value(doc.get_mut(), span, Spanned::new(span.clone(), value)) {
                break;
            }
            continue;
        }
        let unknown =
            message.starts_with("unknown field") || message.starts_with("unknown variant");
        let repaired = match (&span, backticked(&message).first()) {
            (Some(span), Some(name)) if message.starts_with("missing field") => {
                let marker = STAND_IN_BASE + stand_ins.len()..STAND_IN_BASE + stand_ins.len();
                stand_ins.push((marker.clone(), 0));
                let value = Spanned::new(marker, DeValue::String("".into()));
                insert_field(&mut doc, span, name, value)
            }
            (Some(span), _)
                if message.starts_with("invalid type") || message.starts_with("invalid value") =>
            {
                // A value of the wrong type: a stand-in of each type in turn, so the fields
                // after it are still checked.
                let marker = STAND_IN_BASE + stand_ins.len()..STAND_IN_BASE + stand_ins.len();
                stand_ins.push((marker.clone(), 0));
                let value = Spanned::new(marker, DeValue::String("".into()));
                set_value(doc.get_mut(), span, value)
            }
            (Some(span), Some(name)) if message.starts_with("unknown field") => {
                // A near miss is read as the field it resembles, so its value is still
                // checked and the field is not reported missing too.
                let expected = expected(&message);
                match nearest(name, expected.iter().map(String::as_str)) {
                    Some(near) => rename_key(doc.get_mut(), span, near),
                    None => remove_key(doc.get_mut(), span),
                }
            }
            (Some(span), Some(name)) if message.starts_with("unknown variant") => {
                // A block kind is a key (read as the kind it resembles, or dropped with its
                // element); an enum value is a string (set to a known variant). Either way
                // the rest is still checked.
                let expected = expected(&message);
                let near = nearest(name, expected.iter().map(String::as_str));
                near.is_some_and(|near| rename_key(doc.get_mut(), span, near))
                    || remove_key(doc.get_mut(), span)
                    || near.or(expected.first().map(String::as_str)).is_some_and(|variant| {
                        let value = DeValue::String(variant.to_string().into());
                        replace_value(doc.get_mut(), span, value)
                    })
            }
            _ => false,
        };
        let repeated = errors.iter().any(|e| e.message == message && e.span == span);
        if !repeated {
            let root = span.as_ref().is_some_and(|s| *s == doc.span());
            errors.push(SchemaError { message, span, unknown, root });
        }
        if !repaired || repeated {
            break;
        }
    }
    Err(errors)
}

/// Kinds of stand-in for a missing field, tried in turn; an enum gets its first variant.
fn stand_in(attempt: usize, message: &str) -> Option<DeValue<'static>> {
    if let Some(first) =
        expected(message).first().filter(|_| message.starts_with("unknown variant"))
    {
        return Some(DeValue::String(first.clone().into()));
    }
    match attempt {
        1 => Some(DeValue::Integer(Default::default())),
        2 => Some(DeValue::Array(DeArray::new())),
        3 => Some(DeValue::Table(DeTable::new())),
        4 => Some(DeValue::Boolean(false)),
        _ => None,
    }
}

/// The names between backticks in a serde message, in order.
pub(crate) fn backticked(message: &str) -> Vec<String> {
    message.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The names serde lists after "expected one of" (or "expected").
pub(crate) fn expected(message: &str) -> Vec<String> {
    message.split_once("expected").map(|(_, rest)| backticked(rest)).unwrap_or_default()
}

/// "; did you mean `x`?" when one of `known` is within a small edit distance of `name`.
pub(crate) fn did_you_mean<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> String {
    nearest(name, known).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default()
}

/// The known name closest to `name`, if it is close: at most a third of its length away
/// (and at most 3 edits), ties broken by the name.
pub(crate) fn nearest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let limit = (name.chars().count() / 3).clamp(1, 3);
    known
        .into_iter()
        .filter(|k| *k != name)
        .map(|k| (strsim::damerau_levenshtein(name, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Inserts `name = value` into the table spanning `span` (the root when it is the document).
fn insert_field<'i>(
    doc: &mut Spanned<DeTable<'i>>,
    span: &Range<usize>,
    name: &str,
    value: Spanned<DeValue<'i>>,
) -> bool {
    let key = Spanned::new(value.span(), name.to_string().into());
    if doc.span() == *span {
        doc.get_mut().insert(key, value);
        return true;
    }
    let Some(table) = find_table(doc.get_mut(), span) else { return false };
    table.insert(key, value);
    true
}

fn find_table<'t, 'i>(
    table: &'t mut DeTable<'i>,
    span: &Range<usize>,
) -> Option<&'t mut DeTable<'i>> {
    for (_, value) in table.iter_mut() {
        if let Some(found) = find_table_in(value, span) {
            return Some(found);
        }
    }
    None
}

fn find_table_in<'t, 'i>(
    value: &'t mut Spanned<DeValue<'i>>,
    span: &Range<usize>,
) -> Option<&'t mut DeTable<'i>> {
    let here = value.span() == *span;
    match value.get_mut() {
        DeValue::Table(table) => {
            if here {
                Some(table)
            } else {
                find_table(table, span)
            }
        }
        DeValue::Array(array) => array.iter_mut().find_map(|v| find_table_in(v, span)),
        _ => None,
    }
}

/// Removes the key spanning `span`; a table left empty by it inside an array (a block whose
/// kind was unknown) is removed from the array too.
fn remove_key(table: &mut DeTable<'_>, span: &Range<usize>) -> bool {
    let found = table.keys().find(|k| k.span() == *span).cloned();
    if let Some(key) = found {
        table.remove(&key);
        return true;
    }
    for (_, value) in table.iter_mut() {
        let removed = match value.get_mut() {
            DeValue::Table(inner) => remove_key(inner, span),
            DeValue::Array(array) => {
                let mut removed = false;
                let mut emptied = None;
                for (i, item) in array.iter_mut().enumerate() {
                    if let DeValue::Table(inner) = item.get_mut() {
                        if remove_key(inner, span) {
                            removed = true;
                            emptied = inner.is_empty().then_some(i);
                            break;
                        }
                    }
                }
                if let Some(i) = emptied {
                    let mut kept = DeArray::new();
                    for (j, item) in array.iter().enumerate() {
                        if j != i {
                            kept.push(item.clone());
                        }
                    }
                    *array = kept;
                }
                removed
            }
            _ => false,
        };
        if removed {
            return true;
        }
    }
    false
}

/// Renames the key spanning `span` to `name` (dropping it when `name` is taken).
fn rename_key(table: &mut DeTable<'_>, span: &Range<usize>, name: &str) -> bool {
    let found = table.keys().find(|k| k.span() == *span).cloned();
    if let Some(key) = found {
        let value = table.remove(&key);
        if let (Some(value), false) = (value, table.contains_key(name)) {
            table.insert(Spanned::new(key.span(), name.to_string().into()), value);
        }
        return true;
    }
    table.iter_mut().any(|(_, value)| match value.get_mut() {
        DeValue::Table(inner) => rename_key(inner, span, name),
        DeValue::Array(array) => array.iter_mut().any(|item| match item.get_mut() {
            DeValue::Table(inner) => rename_key(inner, span, name),
            _ => false,
        }),
        _ => false,
    })
}

/// Replaces the value spanning `span` with `new`, keeping its span.
fn replace_value<'i>(table: &mut DeTable<'i>, span: &Range<usize>, new: DeValue<'i>) -> bool {
    set_value(table, span, Spanned::new(span.clone(), new))
}

/// Replaces the value spanning `span` with `new` (its span too).
fn set_value<'i>(table: &mut DeTable<'i>, span: &Range<usize>, new: Spanned<DeValue<'i>>) -> bool {
    fn in_value<'i>(
        value: &mut Spanned<DeValue<'i>>,
        span: &Range<usize>,
        new: &Spanned<DeValue<'i>>,
    ) -> bool {
        if value.span() == *span {
            *value = new.clone();
            return true;
        }
        match value.get_mut() {
            DeValue::Table(table) => table.iter_mut().any(|(_, v)| in_value(v, span, new)),
            DeValue::Array(array) => array.iter_mut().any(|v| in_value(v, span, new)),
            _ => false,
        }
    }
    table.iter_mut().any(|(_, v)| in_value(v, span, &new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_and_far_ones_not() {
        let known = ["paragraph", "heading", "procedure"];
        assert_eq!(nearest("paragrap", known), Some("paragraph"));
        assert_eq!(nearest("procdure", known), Some("procedure"));
        assert_eq!(nearest("table", known), None);
        assert_eq!(did_you_mean("headnig", known), "; did you mean `heading`?");
        assert_eq!(did_you_mean("heading", known), "");
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only deserialized")]
    struct Person {
        name: String,
        age: u32,
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Staff,
        Guest,
    }

    fn errors(source: &str) -> Vec<String> {
        let doc = DeTable::parse(source).unwrap();
        match deserialize_all::<Person>(doc) {
            Ok(person) => panic!("accepted: {person:?}"),
            Err(errors) => errors.into_iter().map(|e| e.message).collect(),
        }
    }

    #[test]
    fn a_near_miss_is_read_as_the_field_it_resembles_and_checking_goes_on() {
        // `nme` is taken as `name` (not also reported missing), the bad enum value as its
        // nearest variant, and the wrong type of `age` is still found.
        let found = errors("nme = \"Ada\"\nage = \"old\"\nkind = \"staf\"\n");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().any(|m| m.starts_with("unknown field `nme`")), "{found:#?}");
        assert!(found.iter().any(|m| m.starts_with("unknown variant `staf`")), "{found:#?}");
        assert!(found.iter().any(|m| m.starts_with("invalid type: string \"old\"")), "{found:#?}");
        // Far from any field: dropped, and the fields it does not stand for are missing.
        let found = errors("colour = 1\n");
        assert!(found[0].starts_with("unknown field `colour`"), "{found:#?}");
        for field in ["name", "age", "kind"] {
            assert!(found.contains(&format!("missing field `{field}`")), "{found:#?}");
        }
    }

    #[test]
    fn names_are_read_from_serde_messages() {
        let message = "unknown variant `nte`, expected one of `note`, `tip`";
        assert_eq!(backticked(message), ["nte", "note", "tip"]);
        assert_eq!(expected(message), ["note", "tip"]);
    }
}
