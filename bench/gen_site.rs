//! Generates a synthetic documentation site for benchmarks: N articles in the six shipped
//! locales, as a drillbook project, as an equivalent multilingual Hugo site and as six mdBook
//! books (one per locale).
//!
//! Text is drawn from the shipped translations (locales/*/remove-a-relationship.ftl and
//! ui.ftl), so every locale has real words, bold UI terms, links, alerts, tables and steps.
//!
//! Usage: cargo run --release --example gen_site -- <articles> <out-dir>

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const LOCALES: [&str; 6] = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2))
    else {
        eprintln!("usage: gen_site <articles> <out-dir>");
        std::process::exit(2);
    };
    let out = Path::new(out);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = fs::remove_dir_all(out);
    let texts: BTreeMap<&str, Texts> = LOCALES.iter().map(|l| (*l, Texts::load(repo, l))).collect();
    write_drillbook(repo, &out.join("drillbook"), n, &texts);
    write_hugo(&out.join("hugo"), n, &texts);
    write_mdbook(&out.join("mdbook"), n, &texts);
    eprintln!("generated {n} articles x {} locales in {}", LOCALES.len(), out.display());
}

/// Message id -> value of one locale (single-line messages only), plus UI terms.
struct Texts {
    messages: BTreeMap<String, String>,
    terms: BTreeMap<String, String>,
    site: String,
    ui: String,
}

impl Texts {
    fn load(repo: &Path, locale: &str) -> Texts {
        let dir = repo.join("locales").join(locale);
        let parse = |file: &str| -> BTreeMap<String, String> {
            fs::read_to_string(dir.join(file))
                .unwrap()
                .lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
                .filter_map(|l| l.split_once(" = "))
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .collect()
        };
        let ui = parse("ui.ftl");
        let terms = ui
            .iter()
            .filter_map(|(k, v)| k.strip_prefix('-').map(|k| (k.to_string(), v.clone())))
            .collect();
        Texts {
            messages: parse("remove-a-relationship.ftl"),
            terms,
            site: fs::read_to_string(dir.join("site.ftl")).unwrap(),
            ui: fs::read_to_string(dir.join("ui.ftl")).unwrap(),
        }
    }

    fn get(&self, id: &str) -> &str {
        &self.messages[id]
    }

    /// The message with term references replaced by the terms' text (for Hugo).
    fn resolved(&self, id: &str) -> String {
        let mut text = self.get(id).to_string();
        for (name, value) in &self.terms {
            text = text.replace(&format!("{{ -{name} }}"), value);
        }
        text
    }
}

const STEP_IDS: [&str; 4] = [
    "step-suspend-go-to-customers",
    "step-suspend-select-subscription",
    "step-suspend-select-suspended",
    "step-suspend-repeat",
];
const REMOVE_IDS: [&str; 3] =
    ["step-remove-go-to-customers", "step-remove-select-account", "step-remove-select-remove"];
const CONSEQUENCES: [&str; 4] = [
    "consequence-customer-list",
    "consequence-support-contacts",
    "consequence-admin-privileges",
    "consequence-purchases",
];

fn link_target(i: usize, n: usize) -> usize {
    (i * 7 + 3) % n
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn write_drillbook(repo: &Path, root: &Path, n: usize, texts: &BTreeMap<&str, Texts>) {
    let site = fs::read_to_string(repo.join("content/site.toml")).unwrap();
    write(&root.join("content/site.toml"), &site);
    for (locale, t) in texts {
        let dir = root.join("locales").join(locale);
        write(
            &dir.join("site.ftl"),
            &format!(
                "{}\ntopic-topic-a = A\ntopic-topic-b = B\ntopic-topic-c = C\n",
                t.site.trim_end()
            ),
        );
        write(&dir.join("ui.ftl"), &t.ui);
        let checklist =
            fs::read_to_string(repo.join("locales").join(locale).join("checklist.ftl")).unwrap();
        write(&dir.join("checklist.ftl"), &checklist);
    }
    for i in 0..n {
        let id = format!("article-{i}");
        let target = link_target(i, n);
        let mut toml = format!(
            "title = \"article-title\"\ndescription = \"article-description\"\nheading = \"heading\"\naudience = \"audience\"\ntopic = \"topic-{}\"\n\n",
            ["a", "b", "c"][i % 3]
        );
        toml.push_str("[[body]]\nparagraph = \"intro\"\n\n[[body]]\nparagraph = \"when-to-remove\"\n\n[[body]]\nparagraph = \"consequences\"\n\n[[body]]\n[body.list]\nitems = [");
        toml.push_str(
            &CONSEQUENCES.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", "),
        );
        toml.push_str("]\n\n[[body]]\nheading = { id = \"how-to-remove-a-relationship\", text = \"remove-heading\" }\n\n[[body]]\nparagraph = \"prerequisites\"\n\n");
        toml.push_str("[[body]]\n[body.procedure]\n[[body.procedure.steps]]\nid = \"suspend\"\ntext = \"step-suspend\"\nsubsteps = [");
        toml.push_str(
            &STEP_IDS
                .iter()
                .map(|c| format!("{{ text = \"{c}\" }}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        toml.push_str("]\n[[body.procedure.steps]]\nid = \"remove\"\ntext = \"step-remove\"\nsubsteps-style = \"lower-alpha\"\nsubsteps = [");
        toml.push_str(
            &REMOVE_IDS
                .iter()
                .map(|c| format!("{{ text = \"{c}\" }}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        toml.push_str(
            "]\nblocks = [{ alert = { kind = \"note\", text = \"note-link-inactive\" } }]\n\n",
        );
        toml.push_str("[[body]]\n[body.table]\nheader = [\"remove-heading\", \"next-steps\"]\nrows = [[\"step-suspend\", \"step-remove\"], [\"intro\", \"consequences\"]]\n\n");
        let _ = write!(
            toml,
            "[[body]]\n[body.next-steps]\nid = \"next-steps\"\ntitle = \"next-steps\"\nlinks = [{{ article = \"article-{target}\", text = \"next-request\" }}]\n"
        );
        write(&root.join(format!("content/articles/{id}.toml")), &toml);
        for (locale, t) in texts {
            let mut ftl = String::new();
            for (key, value) in &t.messages {
                let value =
                    if key == "article-title" { format!("{value} ({i})") } else { value.clone() };
                let value =
                    value.replace("assign-support-contacts.md", &format!("article-{target}.md"));
                let _ = writeln!(ftl, "{key} = {value}");
            }
            write(&root.join(format!("locales/{locale}/{id}.ftl")), &ftl);
        }
    }
}

fn write_hugo(root: &Path, n: usize, texts: &BTreeMap<&str, Texts>) {
    let mut config = String::from(
        "baseURL = \"https://drillbook.example.org/\"\ndefaultContentLanguage = \"en-us\"\ndefaultContentLanguageInSubdir = true\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n\n",
    );
    for (weight, locale) in LOCALES.iter().enumerate() {
        let lower = locale.to_ascii_lowercase();
        let _ = write!(
            config,
            "[languages.{lower}]\nlanguageCode = \"{locale}\"\nlanguageName = \"{locale}\"\ncontentDir = \"content/{lower}\"\nweight = {}\n\n",
            weight + 1
        );
    }
    write(&root.join("hugo.toml"), &config);
    let head = "<!DOCTYPE html>\n<html lang=\"{{ .Language.LanguageCode }}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{{ .Title }} | {{ site.Title }}</title>\n<meta name=\"description\" content=\"{{ .Description }}\">\n<link rel=\"canonical\" href=\"{{ .Permalink }}\">\n{{ range .AllTranslations }}<link rel=\"alternate\" hreflang=\"{{ .Language.LanguageCode }}\" href=\"{{ .Permalink }}\">\n{{ end }}<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n<nav><ul>{{ range .AllTranslations }}<li><a href=\"{{ .RelPermalink }}\" hreflang=\"{{ .Language.LanguageCode }}\">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav>\n<main>\n";
    let foot = "</main>\n</body>\n</html>\n";
    write(
        &root.join("layouts/single.html"),
        &format!(
            "{head}<article><h1>{{{{ .Title }}}}</h1>\n{{{{ .Content }}}}\n</article>\n{foot}"
        ),
    );
    write(
        &root.join("layouts/list.html"),
        &format!(
            "{head}<h1>{{{{ .Title }}}}</h1>\n<ul>{{{{ range .Pages }}}}<li><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a><p>{{{{ .Description }}}}</p></li>{{{{ end }}}}</ul>\n{foot}"
        ),
    );
    write(
        &root.join("layouts/home.html"),
        &format!(
            "{head}<h1>{{{{ site.Title }}}}</h1>\n<ul>{{{{ range .Site.RegularPages }}}}<li><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a></li>{{{{ end }}}}</ul>\n{foot}"
        ),
    );
    write(&root.join("static/style.css"), "body { font-family: system-ui, sans-serif; }\n");
    for (locale, t) in texts {
        let lower = locale.to_ascii_lowercase();
        for i in 0..n {
            let (title, description, body) =
                article_markdown(t, i, n, &|k| format!("../article-{k}/"));
            let md = format!(
                "---\ntitle: \"{}\"\ndescription: \"{}\"\n---\n\n{body}",
                title.replace('"', "'"),
                description.replace('"', "'")
            );
            write(&root.join(format!("content/{lower}/article-{i}.md")), &md);
        }
    }
}

/// The same articles as mdBook books, one per locale (`<root>/<locale>/`), as mdBook's
/// multilingual guide suggests; mdBook's defaults (its search index on).
fn write_mdbook(root: &Path, n: usize, texts: &BTreeMap<&str, Texts>) {
    for (locale, t) in texts {
        let book = root.join(locale);
        write(
            &book.join("book.toml"),
            &format!("[book]\ntitle = \"drillbook bench\"\nlanguage = \"{locale}\"\n"),
        );
        let mut summary = String::from("# Summary\n\n");
        for i in 0..n {
            let (title, _, body) = article_markdown(t, i, n, &|k| format!("article-{k}.md"));
            let _ = writeln!(summary, "- [{}](article-{i}.md)", title.replace(['[', ']'], ""));
            write(&book.join(format!("src/article-{i}.md")), &format!("# {title}\n\n{body}"));
        }
        write(&book.join("src/SUMMARY.md"), &summary);
    }
}

/// Article `i` of `n` in Markdown: its title, description and body (what drillbook's
/// content and `.ftl` files say), with links to other articles made by `link`.
fn article_markdown(
    t: &Texts,
    i: usize,
    n: usize,
    link: &dyn Fn(usize) -> String,
) -> (String, String, String) {
    let note =
        t.site.lines().find_map(|l| l.strip_prefix("alert-note = ")).unwrap_or("Note").to_string();
    let target = link_target(i, n);
    let r = |id: &str| t.resolved(id).replace("assign-support-contacts.md", &link(target));
    let title = format!("{} ({i})", r("article-title"));
    let description = r("article-description");
    let mut md = String::new();
    let _ = write!(
        md,
        "**{}**\n\n{}\n\n{}\n\n{}\n\n",
        r("audience"),
        r("intro"),
        r("when-to-remove"),
        r("consequences")
    );
    for c in CONSEQUENCES {
        let _ = writeln!(md, "- {}", r(c));
    }
    let _ = write!(
        md,
        "\n## {} {{#how-to-remove-a-relationship}}\n\n{}\n\n1. {}\n\n",
        r("remove-heading"),
        r("prerequisites"),
        r("step-suspend")
    );
    for (k, s) in STEP_IDS.iter().enumerate() {
        let _ = writeln!(md, "   {}. {}", k + 1, r(s));
    }
    let _ = write!(md, "\n2. {}\n\n", r("step-remove"));
    for s in REMOVE_IDS {
        let _ = writeln!(md, "   1. {}", r(s));
    }
    let _ = write!(md, "\n   > **{note}**\n   > {}\n\n", r("note-link-inactive"));
    let _ = write!(
        md,
        "| {} | {} |\n|---|---|\n| {} | {} |\n| {} | {} |\n\n",
        r("remove-heading"),
        r("next-steps"),
        r("step-suspend"),
        r("step-remove"),
        r("intro"),
        r("consequences")
    );
    let _ = write!(
        md,
        "## {} {{#next-steps}}\n\n- [{}]({})\n",
        r("next-steps"),
        r("next-request"),
        link(target)
    );
    (title, description, md)
}
