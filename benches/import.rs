//! `cargo bench --bench import`: imports the shared DocFX corpus (11 articles x 5 locales)
//! into an in-memory copy of the project, N times, and prints segments per second.
//! A plain timing loop (`harness = false`): no benchmark framework to compile.

use std::path::{Path, PathBuf};
use std::time::Instant;

use drillbook::import::{Input, Options, import_docfx, load_workspace};

fn inputs(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("corpus dir").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            inputs(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            let source = std::fs::read_to_string(&path).expect("read");
            out.push(Input { path: path.to_string_lossy().into_owned(), source });
        }
    }
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("DRILLBOOK_CORPUS")
        .map_or_else(|| repo.join("../shared/corpus/docfx"), PathBuf::from);
    let iterations: u32 =
        std::env::var("BENCH_ITERATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut files = Vec::new();
    inputs(&corpus, &mut files);
    let project = load_workspace(&repo).expect("load the project");
    let bytes: usize = files.iter().map(|f| f.source.len()).sum();

    // Warm up, and count the segments once.
    let mut ws = project.clone();
    let report = import_docfx(&mut ws, &files, &Options::default());
    let segments: usize = report.files.iter().map(|f| f.segments).sum();

    let start = Instant::now();
    for _ in 0..iterations {
        let mut ws = project.clone();
        let report = import_docfx(&mut ws, &files, &Options::default());
        std::hint::black_box(report);
    }
    let elapsed = start.elapsed().as_secs_f64();
    let per_run = elapsed / f64::from(iterations);
    println!(
        "import docfx: {} files, {} segments, {:.1} KiB; {iterations} runs, {:.2} ms per run, {:.0} segments/s, {:.0} files/s",
        files.len(),
        segments,
        bytes as f64 / 1024.0,
        per_run * 1000.0,
        segments as f64 / per_run,
        files.len() as f64 / per_run,
    );
}
