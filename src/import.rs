//! `drillbook import`: bringing DocFX articles (with their translations) into drillbook.

pub mod align;
pub mod docfx;
pub mod ftl_write;
pub mod map;
