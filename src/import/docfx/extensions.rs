//! DocFX extensions that pull in content from elsewhere (`:::code`, `[!INCLUDE]`,
//! `[!VIDEO]`, other `:::name` blocks) and the container markers around content.

use crate::content::NotIncludedKind;
use crate::diag::Severity;
use crate::import::docfx::blocks::Ln;
use crate::import::docfx::{Ctx, DBlock};

impl Ctx<'_> {
    /// A note for content the source pulls in from elsewhere, with a warning saying so.
    pub(super) fn not_included(
        &mut self,
        off: usize,
        len: usize,
        kind: NotIncludedKind,
        target: String,
        what: &str,
        out: &mut Vec<DBlock>,
    ) {
        self.diag(
            Severity::Warning,
            "not-included",
            off,
            len,
            format!("`{what}` pulls in `{target}`, which is not imported; the page shows a note naming it"),
        );
        out.push(DBlock::NotIncluded { kind, target });
    }
}

/// A line that opens or closes a DocFX container (`::: moniker …`, `::: zone …`, `:::row:::`,
/// `:::column:::`, their `-end`, a bare `:::`): no content of its own.
pub(super) fn is_container_marker(t: &str) -> bool {
    let Some(rest) = t.trim_end().strip_prefix(":::") else { return false };
    let name: String =
        rest.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let base = name.strip_suffix("-end").unwrap_or(&name);
    rest.trim().is_empty() || matches!(base, "moniker" | "zone" | "row" | "column")
}

/// The path of a paragraph that is only `[!INCLUDE [name](path)]` (any case).
pub(super) fn include_target(lines: &[Ln<'_>]) -> Option<String> {
    let [line] = lines else { return None };
    let t = line.text.trim();
    let inner = t.strip_prefix("[!")?.strip_suffix(']')?;
    let rest = inner.get(..7).filter(|h| h.eq_ignore_ascii_case("include")).map(|_| &inner[7..])?;
    let rest = rest.trim_start();
    let path = match rest.find("](") {
        Some(at) if rest.starts_with('[') => rest[at + 2..].strip_suffix(')')?,
        _ => rest,
    };
    Some(path.trim().to_string())
}

/// A line that starts with an `:::image …:::` and goes on with words (an icon at the start
/// of a sentence): a paragraph with an inline image, not an image block. Punctuation alone
/// after it (`:::image …:::.` in ru-RU `indirect-reseller-tasks-in-partner-center`) is a
/// stray mark after an image block.
pub(super) fn image_then_text(t: &str) -> bool {
    t.starts_with(":::image")
        && t[8..]
            .find(":::")
            .is_some_and(|close| t[8 + close + 3..].chars().any(char::is_alphanumeric))
}
