#[path = "import_common.rs"]
mod common;
#[test]
fn debug() {
    let dir = common::temp_project();
    let (_, report) = common::import_into(dir.path(), &common::inputs(&common::corpus().join("docfx")));
    for f in &report.files {
        println!("{} {} {:?}", f.locale, f.article, common::stale_ids(dir.path(), &f.locale, &f.article));
    }
}
