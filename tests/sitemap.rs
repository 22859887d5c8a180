//! The sitemap as a crawler reads it: the built site served over HTTP on 127.0.0.1 and read
//! by `ultimate-sitemap-parser` (a sitemap reader of its own, installed by
//! `scripts/test.sh`), from `robots.txt` through the sitemap index to every page. The split
//! at the protocol's own limits (50,000 URLs, 50 MiB) is tested beside the code
//! (`src/render/sitemap/tests.rs`); here `sitemap-max-urls` makes a small site split.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use support::{drillbook, edit, shipped_project};

/// What the reader found: the sitemap tree (`Kind url`, indented by depth) and every page.
const READER: &str = r#"
import sys
from usp.tree import sitemap_tree_for_homepage
tree = sitemap_tree_for_homepage(sys.argv[1], use_known_paths=False)
def walk(node, depth):
    print("tree", "  " * depth + type(node).__name__, node.url)
    for child in getattr(node, "sub_sitemaps", []):
        walk(child, depth + 1)
walk(tree, 0)
for page in tree.all_pages():
    print("page", page.url)
"#;

/// A static file server on 127.0.0.1, stopped when dropped.
struct Server {
    child: Child,
}

impl Server {
    fn serve_on(dir: &Path, port: u16) -> Server {
        let child = Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        let server = Server { child };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the file server did not start on port {port}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The project, published at `base`, with at most `max` pages a sitemap file.
fn project(base: &str, max: Option<u32>) -> tempfile::TempDir {
    let project = shipped_project();
    let to = format!("base-url = \"{base}\"");
    edit(project.path(), "content/site.toml", "base-url = \"https://drillbook.example.org/\"", &to);
    if let Some(max) = max {
        edit(project.path(), "content/site.toml", &to, &format!("{to}\nsitemap-max-urls = {max}"));
    }
    project
}

/// Every page the sitemap should list: each locale's home page and article pages.
fn pages_built(site: &Path, base: &str, articles: &BTreeSet<String>) -> BTreeSet<String> {
    let mut pages = BTreeSet::new();
    for locale in std::fs::read_dir(site).unwrap() {
        let locale = locale.unwrap();
        let name = locale.file_name().to_string_lossy().into_owned();
        if !locale.path().join("index.html").is_file() || !name.contains('-') {
            continue;
        }
        pages.insert(format!("{base}{name}/"));
        for article in articles {
            if locale.path().join(article).join("index.html").is_file() {
                pages.insert(format!("{base}{name}/{article}/"));
            }
        }
    }
    pages
}

fn article_ids(root: &Path) -> BTreeSet<String> {
    std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// A build of the project, published on a free port of 127.0.0.1, with at most `max` pages
/// a sitemap file, served there and read by the crawler's parser.
struct Crawl {
    project: tempfile::TempDir,
    _out: tempfile::TempDir,
    site: std::path::PathBuf,
    base: String,
    /// The reader's output (`tree ...` and `page ...` lines).
    read: String,
}

fn crawl(max: Option<u32>) -> Crawl {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let base = format!("http://127.0.0.1:{port}/");
    let project = project(&base, max);
    let built =
        drillbook(project.path(), &["build", "--no-search", "--out", site.to_str().unwrap()]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    // The server on the port the site was built for (bound again now that it is free).
    let server = Server::serve_on(&site, port);
    let read = Command::new("python3").arg("-c").arg(READER).arg(&base).output().unwrap();
    drop(server);
    let stdout = String::from_utf8_lossy(&read.stdout).into_owned();
    assert!(read.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&read.stderr));
    Crawl { project, _out: out, site, base, read: stdout }
}

#[test]
fn a_crawler_reads_every_page_from_robots_txt_through_the_sitemap_index() {
    let Crawl { project, _out, site, base, read } = crawl(Some(5));
    let expected = pages_built(&site, &base, &article_ids(project.path()));
    let parts = expected.len().div_ceil(5);
    assert!(parts >= 3, "{} pages make several sitemaps of 5", expected.len());

    let tree: Vec<&str> = read.lines().filter_map(|l| l.strip_prefix("tree ")).collect();
    let mut want = vec![
        format!("IndexWebsiteSitemap {base}"),
        format!("  IndexRobotsTxtSitemap {base}robots.txt"),
        format!("    IndexXMLSitemap {base}sitemap.xml"),
    ];
    want.extend((1..=parts).map(|n| format!("      PagesXMLSitemap {base}sitemap-{n}.xml")));
    assert_eq!(tree, want);
    let found: Vec<&str> = read.lines().filter_map(|l| l.strip_prefix("page ")).collect();
    let unique: BTreeSet<String> = found.iter().map(|s| s.to_string()).collect();
    assert_eq!(found.len(), unique.len(), "a page listed twice");
    assert_eq!(unique, expected);
    // Each file holds at most 5 pages, and each page names its translations.
    for n in 1..=parts {
        let xml = std::fs::read_to_string(site.join(format!("sitemap-{n}.xml"))).unwrap();
        let urls = xml.matches("<url>").count();
        assert!((1..=5).contains(&urls), "sitemap-{n}.xml: {urls} pages");
        assert!(xml.contains("hreflang=\"x-default\""), "sitemap-{n}.xml");
    }
}

#[test]
fn a_site_within_the_limit_keeps_one_sitemap_that_the_crawler_reads_whole() {
    let Crawl { project, _out, site, base, read } = crawl(None);
    assert!(!site.join("sitemap-1.xml").exists());
    assert!(read.contains(&format!("tree     PagesXMLSitemap {base}sitemap.xml\n")), "{read}");
    let found: BTreeSet<String> =
        read.lines().filter_map(|l| l.strip_prefix("page ")).map(str::to_string).collect();
    assert_eq!(found, pages_built(&site, &base, &article_ids(project.path())));
}

#[test]
fn sitemap_max_urls_outside_the_protocol_s_limit_is_an_error_at_its_value() {
    for (value, shown) in [("0", "0"), ("50001", "50001"), ("-3", "-3")] {
        let project = project("https://drillbook.example.org/", None);
        let from = "base-url = \"https://drillbook.example.org/\"";
        edit(
            project.path(),
            "content/site.toml",
            from,
            &format!("{from}\nsitemap-max-urls = {value}"),
        );
        let line = std::fs::read_to_string(project.path().join("content/site.toml"))
            .unwrap()
            .lines()
            .position(|l| l.starts_with("sitemap-max-urls"))
            .unwrap()
            + 1;
        let out = drillbook(project.path(), &["build", "--no-search"]);
        assert_eq!(out.code, 1, "{value}: {}", out.stderr);
        let want = format!(
            "content/site.toml:{line}:20: error[invalid-config]: `sitemap-max-urls` must be from 1 \
             to 50000 (the sitemaps protocol's limit), found {shown}"
        );
        assert!(out.stderr.contains(&want), "{value}: {}", out.stderr);
    }
}
