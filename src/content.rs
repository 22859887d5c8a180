//! The content model: `content/site.toml` and one `content/articles/<id>.toml` per article.
//!
//! Content holds structure only. Every human-readable string is named by a Fluent message id
//! (a [`MsgRef`]), resolved per locale by `l10n`. Unknown keys are errors with a position.

mod load;
mod model;
mod validate;

pub use load::{load_site, parse_article, parse_config, position_missing_locales};
pub use model::*;
