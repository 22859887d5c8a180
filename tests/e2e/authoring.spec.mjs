// Issue 35 in a real browser: the article page of a project made by `drillbook new`, and the
// same page with a theme (stylesheet, logo, header link, footer line) added without
// recompiling. Screenshots in target/e2e/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, mkdir, readFile, writeFile, appendFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, serve, launch, watchedPage, axe, screenshot } from "./lib.mjs";

const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");

function drillbook(cwd, args) {
  const [cmd, argv] = existsSync(bin) ? [bin, args] : ["cargo", ["run", "-q", "--manifest-path", join(repo, "Cargo.toml"), "--", ...args]];
  const result = spawnSync(cmd, argv, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`drillbook ${args.join(" ")} failed: ${result.stderr}`);
  return result;
}

/** A new project, optionally themed, built; returns its served site. */
async function newSite(themed) {
  const dir = await mkdtemp(join(tmpdir(), "drillbook-authoring-"));
  drillbook(dir, ["new", "proj"]);
  const project = join(dir, "proj");
  if (themed) {
    await mkdir(join(project, "theme"));
    await writeFile(join(project, "theme/style.css"), [
      ".site-header { background: #123c69; }",
      ".site-header a, .site-title, .site-title:visited { color: #fff; }",
      ".language-switcher a[aria-current=\"page\"] { color: #fff; border-bottom-color: #fff; }",
      ".site-logo { height: 1.75em; width: auto; }",
      ".site-links ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }",
      ".site-search label { color: #fff; }",
      "",
    ].join("\n"));
    await writeFile(join(project, "theme/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#f5a623"/></svg>\n');
    await appendFile(join(project, "content/site.toml"), '\n[theme]\nstylesheet = "theme/style.css"\nlogo = "theme/logo.svg"\nfooter = "footer-team"\nheader-links = [{ text = "nav-support", url = "https://support.example.org/" }]\n');
    await appendFile(join(project, "locales/en-US/site.ftl"), "footer-team = Written by the partner documentation team.\nnav-support = Support\n");
    await appendFile(join(project, "locales/de-DE/site.ftl"), "footer-team = Geschrieben vom Dokumentationsteam für Partner.\nnav-support = Hilfe\n");
  }
  drillbook(project, ["build", "--out", join(dir, "site")]);
  return serve(join(dir, "site"));
}

let plain, themed, context;
before(async () => {
  plain = await newSite(false);
  themed = await newSite(true);
  context = await launch();
});
after(async () => {
  await context?.close();
  await plain?.close();
  await themed?.close();
});

test("the new project's article page reads, in the shipped look, and passes axe", async () => {
  const { page, problems } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${plain.url}/en-US/suspend-a-subscription/`);
  assert.equal(await page.textContent("h1"), "Suspend a subscription");
  assert.equal(await page.locator("ol.procedure > li.step").count(), 3);
  assert.equal(await page.locator(".alert-note").count(), 1);
  assert.equal(await page.locator("link[href*='theme/']").count(), 0, "no theme without one");
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "authoring-new-article-en-US.png");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a themed page has the theme's colours, logo, header link and footer, in German", async () => {
  const { page, problems } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${themed.url}/de-DE/suspend-a-subscription/`);
  assert.equal(await page.getAttribute("html", "lang"), "de-DE");
  const background = await page.$eval(".site-header", (el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, "rgb(18, 60, 105)", "the theme's rule wins over the built-in one");
  const logoWidth = await page.$eval("img.site-logo", (img) => img.naturalWidth);
  assert.ok(logoWidth > 0, "the logo loads");
  assert.equal((await page.textContent(".site-links a")).trim(), "Hilfe");
  assert.equal(await page.getAttribute(".site-links a", "href"), "https://support.example.org/");
  assert.equal((await page.textContent(".site-footer-theme")).trim(), "Geschrieben vom Dokumentationsteam für Partner.");
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "authoring-themed-de-DE.png");
  assert.deepEqual(problems, []);
  await page.close();
});
