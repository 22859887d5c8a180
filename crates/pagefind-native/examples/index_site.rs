//! Times each step of indexing a built site's pages: `cargo run --release -p pagefind_native
//! --example index_site -- SITE_DIR`. Pages are the `index.html` files marked
//! `data-pagefind-body`, by locale (the first path segment), indexed one locale at a time
//! with `index::index` (fossicking and building together: "build"), or with `BUILD` set,
//! fossicked one after the other ("words") then given to `index::build` ("build").
//! `GZIP_LEVEL` sets [`Options::gzip_level`](pagefind_native::index::Options) (default 9).
//! `BUILD=words` fossicks only (no index is built), and `REPEAT=N` fossicks each locale N
//! times with a fresh fossicker each time ("words" is then the sum), so that the words'
//! time can be measured, and profiled, on its own.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

fn main() {
    let site = std::env::args().nth(1).expect("usage: index_site SITE_DIR");
    let site = std::path::Path::new(&site);
    let mut locales: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).expect("read page");
                if html.contains("data-pagefind-body") {
                    let rel = path.strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/");
                    let locale = rel.split('/').next().unwrap_or_default().to_string();
                    locales.entry(locale).or_default().push((rel, html));
                }
            }
        }
    }
    let mut options = pagefind_native::index::Options::default();
    if let Some(level) = std::env::var("GZIP_LEVEL").ok().and_then(|l| l.parse().ok()) {
        options.gzip_level = level;
    }
    let (mut parse, mut words, mut build) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut pages_n, mut bytes, mut out_bytes) = (0, 0, 0);
    for (_, mut pages) in locales {
        pages.sort();
        pages_n += pages.len();
        bytes += pages.iter().map(|(_, h)| h.len()).sum::<usize>();
        let t = Instant::now();
        let parsed: Vec<_> = pages
            .iter()
            .map(|(p, h)| (p.clone(), pagefind_native::parse::parse(h).expect("supported")))
            .collect();
        parse += t.elapsed();
        let t = Instant::now();
        let build_mode = std::env::var("BUILD").ok();
        if build_mode.as_deref() == Some("words") {
            let repeat = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
            for _ in 0..repeat {
                let copies = parsed.clone();
                let t = Instant::now();
                let mut fossicker = pagefind_native::words::Fossicker::new();
                let pages: Vec<_> =
                    copies.into_iter().map(|(p, x)| fossicker.fossick(&p, x)).collect();
                words += t.elapsed();
                std::hint::black_box(pages);
            }
            continue;
        }
        let (files, _) = if build_mode.is_some() {
            // The two steps apart: every page fossicked, then indexed.
            let mut fossicker = pagefind_native::words::Fossicker::new();
            let fossicked: Vec<_> =
                parsed.into_iter().map(|(p, x)| fossicker.fossick(&p, x)).collect();
            words += t.elapsed();
            let t = Instant::now();
            let built = pagefind_native::index::build_with(fossicked, &options);
            build += t.elapsed();
            built
        } else {
            let built = pagefind_native::index::index_with(parsed, &options);
            build += t.elapsed();
            built
        };
        out_bytes += files.values().map(Vec::len).sum::<usize>();
    }
    let per = |d: Duration| d.as_secs_f64() * 1e6 / pages_n as f64;
    println!(
        "{pages_n} pages, {} MB: parse {parse:.2?} ({:.1} µs/page), words {words:.2?} ({:.1} µs/page), build {build:.2?} ({:.1} µs/page); {} KB written",
        bytes >> 20,
        per(parse),
        per(words),
        per(build),
        out_bytes >> 10
    );
}
