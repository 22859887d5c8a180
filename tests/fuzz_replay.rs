//! Replays the inputs the fuzzers found (`fuzz/regressions/<target>/`, docs/fuzzing.md)
//! through the fuzz targets' own code, so that a fixed crash stays fixed.

#[allow(unreachable_pub, dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod cases;

use std::path::Path;

/// Every input of one target's regressions, by file name (sorted).
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn what_the_fuzzers_found_stays_fixed() {
    type Case = fn(&[u8]);
    let targets: [(&str, Case); 4] = [
        ("docfx_import", cases::docfx_import),
        ("xliff_import", cases::xliff_import),
        ("project_build", cases::project_build),
        ("package_build", cases::package_build),
    ];
    let mut replayed = 0;
    for (target, run) in targets {
        for (name, bytes) in regressions(target) {
            eprintln!("replaying {target}/{name}");
            run(&bytes);
            replayed += 1;
        }
    }
    cases::remove_project();
    assert!(replayed > 0, "fuzz/regressions/ holds the fuzzers' findings");
}
