// Shared helpers for the browser tests: build the site with the real binary, serve it on
// 127.0.0.1, launch Debian's chromium through playwright-core, collect console errors and
// failed requests, run axe-core.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { readFile, writeFile, stat, mkdtemp, mkdir, cp } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const repo = resolve(new URL("../..", import.meta.url).pathname);
export const LOCALES = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];
export const shots = join(repo, "target", "e2e");

/** Builds the shipped site with the project's binary into a fresh directory. */
export async function buildSite(root = repo) {
  const out = await mkdtemp(join(tmpdir(), "drillbook-e2e-"));
  const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");
  const args = existsSync(bin) ? [bin, ["build", "--root", root, "--out", join(out, "site")]] : ["cargo", ["run", "-q", "--", "build", "--root", root, "--out", join(out, "site")]];
  const result = spawnSync(args[0], args[1], { cwd: repo, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  return join(out, "site");
}

const TYPES = { ".svg": "image/svg+xml", ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".md": "text/markdown; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml" };

/** Serves `dir` on 127.0.0.1 and a free port. */
export async function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
      if (path.includes("..")) throw new Error("traversal");
      let file = join(dir, path);
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(await readFile(join(dir, "404.html")).catch(() => "not found"));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's chromium, headless, fresh profile, no background networking. */
export async function launch(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), "drillbook-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  return browser;
}

/** Opens a page that records console errors, page errors and failed requests. */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText;
    // Chromium fetches the favicon after the page loads and cancels the fetch when the page
    // navigates away first (a reload, the next goto): not a failure of the site. A favicon
    // that is missing still shows as an http 404 below.
    if (error === "net::ERR_ABORTED" && new URL(req.url()).pathname.endsWith("/favicon.svg")) return;
    problems.push(`requestfailed: ${req.url()} ${error}`);
  });
  page.on("response", (res) => { if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`); });
  return { page, problems };
}

const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core at WCAG 2.2 AA; returns violations as readable lines. Evaluated through the
 * DevTools protocol, so the page's Content-Security-Policy stays on. */
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page, name) {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name), fullPage: true });
}

/** A temp copy of the project's content/ and locales/ with the shared DocFX corpus imported
 * into it (`drillbook import docfx`), built into a fresh directory: a site with 11 articles. */
export async function buildImportedSite() {
  const root = await mkdtemp(join(tmpdir(), "drillbook-import-"));
  await cp(join(repo, "content"), join(root, "content"), { recursive: true });
  await cp(join(repo, "locales"), join(root, "locales"), { recursive: true });
  const corpus = join(repo, "..", "shared", "corpus", "docfx");
  const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");
  const args = ["--root", root, "import", "docfx", corpus];
  const result = existsSync(bin)
    ? spawnSync(bin, args, { cwd: repo, encoding: "utf8" })
    : spawnSync("cargo", ["run", "-q", "--", ...args], { cwd: repo, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  await dropBrokenTranslations(root, bin);
  return buildSite(root);
}

/** Removes from the translated locales every message `check` reports an error about (the
 * corpus's machine translations have defects that fail `build`, as they fail `check`), so the
 * rest of the corpus builds. */
async function dropBrokenTranslations(root, bin) {
  const args = ["--root", root, "check", "--format", "json"];
  const result = existsSync(bin)
    ? spawnSync(bin, args, { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 })
    : spawnSync("cargo", ["run", "-q", "--", ...args], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 });
  const report = JSON.parse(result.stdout);
  const broken = new Map();
  for (const d of report.diagnostics) {
    if (d.severity !== "error") continue;
    if (!d.id || !d.path.startsWith("locales/") || d.locale === "en-US") {
      throw new Error(`an error the corpus fixture cannot drop: ${JSON.stringify(d)}`);
    }
    if (!broken.has(d.path)) broken.set(d.path, new Set());
    broken.get(d.path).add(d.id);
  }
  for (const [path, ids] of broken) {
    const file = join(root, path);
    const text = await readFile(file, "utf8");
    let dropping = false;
    const kept = [];
    for (const line of text.split(/(?<=\n)/)) {
      if (!/^[ \t\r\n]/.test(line)) dropping = ids.has(line.split(/[ =]/)[0]);
      if (!dropping) kept.push(line);
    }
    await writeFile(file, kept.join(""));
  }
}
