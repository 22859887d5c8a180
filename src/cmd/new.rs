//! `drillbook new`: create a project, or add an article, a locale or a UI term to one.
//!
//! Every command checks everything first (names, existing files, the files it edits) and
//! writes nothing when a check fails; then each file is written with `write_atomic`.
//! Operational refusals (a non-empty directory, an existing id, a bad name) exit 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

use crate::new::{
    add_locale_to_config, append, article_ftl, article_toml, defines, humanize, is_fluent_id,
    placeholder, placeholder_header, starter_files, term_line,
};
use crate::paths::{is_slug, slugify, write_atomic};

const UNTRANSLATED_HELP: &str = "\
Untranslated text: in every locale but the source one, `new` writes the source locale's \
messages commented out (`# title = ...`), under a comment that says so. Such a message is \
missing from the translation, so its pages show the source text marked \"not yet \
translated\", `drillbook check` reports it as a `missing-message` warning at the commented-out line, \
`drillbook build` builds with a `missing-message` warning per message and `check --strict` \
and `build --strict` refuse. To translate, remove the `# ` and translate the text, \
then run `drillbook l10n accept <locale>`.";

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_long_help = UNTRANSLATED_HELP
)]
pub struct NewArgs {
    /// Create a project in this directory (new, or empty): site.toml, an example article
    /// with a procedure, en-US and a reviewed de-DE translation, `.gitignore`. (A directory
    /// named like a subcommand is written `./article`.)
    #[arg(value_name = "PROJECT-DIR", required = true)]
    pub dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<NewCommand>,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Add an article skeleton to the project at `--root`.
    ///
    /// Writes `content/articles/<ID>.toml`, its source-locale .ftl, and an untranslated
    /// placeholder .ftl in every other locale.
    #[command(after_long_help = UNTRANSLATED_HELP)]
    Article {
        /// The article id: lower-case words joined by `-`; it becomes the page's URL.
        id: String,
        /// Topic id (the index groups articles by topic). Default: the topic of the first
        /// article. A new topic gets its `topic-<T>` message in every locale's site.ftl.
        #[arg(long, value_name = "T")]
        topic: Option<String>,
    },
    /// Add a locale (a BCP 47 tag such as `fr-FR`) to the project at `--root`.
    ///
    /// Appends it to `locales` in content/site.toml (comments kept) and writes every
    /// source-locale .ftl file to `locales/<TAG>/`, all of its messages untranslated.
    #[command(after_long_help = UNTRANSLATED_HELP)]
    Locale { tag: String },
    /// Add a UI term to every locale's ui.ftl.
    ///
    /// Appends `-<NAME> = <TEXT>` to the source locale's ui.ftl and, untranslated, to every
    /// other locale's ui.ftl.
    #[command(after_long_help = UNTRANSLATED_HELP)]
    Term {
        /// The term's id, such as `ui-add-contact` (a leading `-` is optional).
        #[arg(allow_hyphen_values = true)]
        name: String,
        /// The source-locale (English) text, one line, as the product's UI shows it.
        text: String,
    },
}

pub fn run(root: &Path, args: &NewArgs) -> anyhow::Result<ExitCode> {
    match (&args.command, &args.dir) {
        (Some(NewCommand::Article { id, topic }), _) => new_article(root, id, topic.as_deref()),
        (Some(NewCommand::Locale { tag }), _) => new_locale(root, tag),
        (Some(NewCommand::Term { name, text }), _) => new_term(root, name, text),
        (None, Some(dir)) => new_project(dir),
        (None, None) => bail!("give a project directory, or `article`, `locale` or `term`"),
    }
}

/// What a user coming from another generator meant by arguments that do not parse:
/// `drillbook new site DIR` or `new project DIR` (Hugo's `hugo new site DIR`) is `drillbook
/// new DIR`.
pub fn misread(args: &[String]) -> Option<String> {
    let at = args.iter().position(|a| a == "new")?;
    match &args[at + 1..] {
        [word, dir] if matches!(word.as_str(), "site" | "project") && !dir.starts_with('-') => {
            Some(format!(
                "`drillbook new` takes the project's directory alone; to create a project in `{dir}`, run: drillbook new {dir}"
            ))
        }
        _ => None,
    }
}

/// Files to write, relative to the project root, checked before anything is written.
#[derive(Default)]
struct Plan {
    files: Vec<(String, String)>,
}

impl Plan {
    /// A file that must not exist yet.
    fn create(&mut self, root: &Path, path: String, text: String) -> anyhow::Result<()> {
        if root.join(&path).symlink_metadata().is_ok() {
            bail!("`{path}` already exists; nothing was written");
        }
        self.files.push((path, text));
        Ok(())
    }

    /// A file that may exist (an edit computed from what it holds now).
    fn replace(&mut self, path: String, text: String) {
        self.files.push((path, text));
    }

    fn write(&self, root: &Path) -> anyhow::Result<()> {
        for (path, text) in &self.files {
            let full = root.join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("failed to create `{}`", parent.display()))?;
            }
            write_atomic(&full, text.as_bytes())
                .with_context(|| format!("failed to write `{}`", full.display()))?;
        }
        Ok(())
    }

    fn list(&self) -> String {
        self.files.iter().map(|(p, _)| format!("  {p}\n")).collect()
    }
}

fn new_project(dir: &Path) -> anyhow::Result<ExitCode> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!(
                    "`{}` is not empty; `drillbook new` creates a project in a new or empty \
                     directory",
                    dir.display()
                );
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => {
            return Err(err).with_context(|| format!("cannot use `{}`", dir.display()));
        }
    }
    let plan = Plan { files: starter_files() };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("failed to create `{}`", dir.display()))?;
    plan.write(dir)?;
    println!(
        "created a drillbook project in {}:\n{}next: cd {0} && drillbook check && drillbook serve",
        dir.display(),
        plan.list()
    );
    Ok(ExitCode::SUCCESS)
}

/// What the subcommands need of an existing project.
struct Project {
    source_locale: String,
    /// Every locale but the source one, in site.toml's order.
    others: Vec<String>,
    config_text: String,
}

fn load_project(root: &Path) -> anyhow::Result<Project> {
    let path = root.join("content/site.toml");
    let config_text = read(&path)?;
    let (config, diags) = crate::content::parse_config("content/site.toml", &config_text);
    let Some(config) = config else {
        let first = diags.first().map(|d| d.headline()).unwrap_or_default();
        bail!("cannot read `{}`: {first}", path.display());
    };
    let source_locale = config.default_locale.get_ref().clone();
    let others = config
        .locales
        .iter()
        .map(|l| l.get_ref().clone())
        .filter(|l| *l != source_locale)
        .collect();
    Ok(Project { source_locale, others, config_text })
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("failed to read `{}`", path.display()))
}

/// The file's text, or `None` when it does not exist.
fn read_if_exists(path: &Path) -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| format!("failed to read `{}`", path.display())),
    }
}

/// Why `id` is not a valid `what` id, and a valid one made from it. The id is shown with
/// control characters escaped: it is echoed to a terminal.
fn not_a_slug(what: &str, id: &str) -> String {
    let shown = id.escape_debug();
    let slug = slugify(id);
    if id.len() > crate::paths::MAX_SLUG {
        format!(
            "`{shown}` is {} bytes long; an {what} id has at most {}: such as `{slug}`",
            id.len(),
            crate::paths::MAX_SLUG
        )
    } else {
        format!(
            "`{shown}` is not a valid {what} id: use lower-case words joined by `-`, such as `{slug}`"
        )
    }
}

fn new_article(root: &Path, id: &str, topic: Option<&str>) -> anyhow::Result<ExitCode> {
    if !is_slug(id) {
        bail!("{}", not_a_slug("article", id));
    }
    if matches!(id, "site" | "ui" | "checklist" | "sim") {
        bail!("`{id}` is the name of a shared message file; choose another article id");
    }
    let project = load_project(root)?;
    let topic = match topic {
        Some(topic) => topic.to_string(),
        None => default_topic(root),
    };
    if !is_slug(&topic) {
        bail!("{}", not_a_slug("topic", &topic));
    }
    let src = &project.source_locale;
    let content = format!("content/articles/{id}.toml");
    if root.join(&content).symlink_metadata().is_ok() {
        bail!("the article `{id}` already exists ({content}); nothing was written");
    }
    let mut plan = Plan::default();
    plan.create(root, content, article_toml(id, &topic))?;
    let en_ftl = article_ftl(id);
    plan.create(root, format!("locales/{src}/{id}.ftl"), en_ftl.clone())?;
    for locale in &project.others {
        plan.create(root, format!("locales/{locale}/{id}.ftl"), placeholder(locale, src, &en_ftl))?;
    }
    // A new topic needs its name in site.ftl, or every page listing it fails.
    let topic_id = format!("topic-{topic}");
    let site_path = format!("locales/{src}/site.ftl");
    let site_ftl = read(&root.join(&site_path))?;
    if !defines(&site_ftl, &topic_id) {
        let line = format!("{topic_id} = {}\n", humanize(&topic));
        plan.replace(site_path, append(&site_ftl, &line));
        for locale in &project.others {
            let path = format!("locales/{locale}/site.ftl");
            if let Some(text) = read_if_exists(&root.join(&path))? {
                if !defines(&text, &topic_id) {
                    let flagged = format!("{}# {line}", crate::new::untranslated_flag(src));
                    plan.replace(path, append(&text, &flagged));
                }
            }
        }
    }
    plan.write(root)?;
    println!("added article `{id}` (topic `{topic}`):\n{}", plan.list());
    if !project.others.is_empty() {
        println!(
            "its pages in {} show the {src} text, marked \"not yet translated\", until it is \
             translated; `drillbook check` lists its messages as missing there",
            project.others.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The topic of the first article (by id) that names one, else `general`.
fn default_topic(root: &Path) -> String {
    #[derive(serde::Deserialize)]
    struct Topic {
        topic: String,
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("content/articles"))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|text| toml::from_str::<Topic>(&text).ok())
        .map(|t| t.topic)
        .find(|t| is_slug(t))
        .unwrap_or_else(|| "general".to_string())
}

fn new_locale(root: &Path, tag: &str) -> anyhow::Result<ExitCode> {
    let langid: unic_langid::LanguageIdentifier = tag.parse().map_err(|err| {
        anyhow::anyhow!("`{tag}` is not a language tag ({err}); use BCP 47, such as `fr-FR`")
    })?;
    let canonical = langid.to_string();
    if canonical != tag {
        bail!("`{tag}` is not written as drillbook names locales; did you mean `{canonical}`?");
    }
    if !tag.contains('-') {
        bail!(
            "`{tag}` has no region: drillbook locales are language-region tags; write \
             `{tag}-<REGION>`, such as `fr-FR`"
        );
    }
    let project = load_project(root)?;
    if *tag == project.source_locale || project.others.iter().any(|l| l == tag) {
        bail!("`{tag}` is already a locale of this site (content/site.toml)");
    }
    let src = &project.source_locale;
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root.join("locales").join(src))
        .with_context(|| format!("failed to read `locales/{src}`"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    sources.sort();
    let mut plan = Plan::default();
    let config = add_locale_to_config(&project.config_text, tag)
        .map_err(|why| anyhow::anyhow!("cannot add `{tag}` to content/site.toml: {why}"))?;
    // The edited file must be as valid as it was: site.toml's own rules have the last word.
    let (_, before) = crate::content::parse_config("content/site.toml", &project.config_text);
    let (_, after) = crate::content::parse_config("content/site.toml", &config);
    if let Some(new) = after.iter().find(|d| !before.iter().any(|b| b.message == d.message)) {
        bail!("cannot add `{tag}`: {}", new.headline());
    }
    plan.replace("content/site.toml".to_string(), config);
    for path in &sources {
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let text = read(path)?;
        plan.create(root, format!("locales/{tag}/{name}"), placeholder(tag, src, &text))?;
    }
    plan.write(root)?;
    println!(
        "added locale {tag}:\n{}every message is listed for translation: `drillbook l10n \
         status` counts them, and the {tag} pages show the {src} text until they are translated",
        plan.list()
    );
    Ok(ExitCode::SUCCESS)
}

fn new_term(root: &Path, name: &str, text: &str) -> anyhow::Result<ExitCode> {
    let name = name.strip_prefix('-').unwrap_or(name);
    if !is_fluent_id(name) {
        bail!(
            "`{name}` is not a valid term name: start with a letter, then letters, digits, \
             `-` or `_`, such as `ui-add-contact`"
        );
    }
    let line = term_line(name, text).map_err(|why| anyhow::anyhow!("{why}"))?;
    let project = load_project(root)?;
    let src = &project.source_locale;
    let mut plan = Plan::default();
    let ui_path = |locale: &str| format!("locales/{locale}/ui.ftl");
    let source_ui = read_if_exists(&root.join(ui_path(src)))?.unwrap_or_default();
    if defines(&source_ui, &format!("-{name}")) {
        bail!("the term `-{name}` already exists in locales/{src}/ui.ftl; nothing was written");
    }
    plan.replace(ui_path(src), append(&source_ui, &line));
    for locale in &project.others {
        let path = ui_path(locale);
        let text = match read_if_exists(&root.join(&path))? {
            Some(text) => text,
            None => placeholder_header(locale, src),
        };
        if defines(&text, &format!("-{name}")) {
            continue;
        }
        let flagged = format!("{}# {line}", crate::new::untranslated_flag(src));
        plan.replace(path, append(&text, &flagged));
    }
    plan.write(root)?;
    println!("added the term `-{name}`:\n{}", plan.list());
    if !project.others.is_empty() {
        println!(
            "in {} it is commented out, to be translated; `drillbook check` lists it as missing",
            project.others.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
