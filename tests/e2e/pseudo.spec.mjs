// The pseudo-locales in a real browser (`drillbook build --pseudo`): every page type of en-XA
// (accented, a third longer) and ar-XB (right to left), with the simulator, the checklist and
// the search UI used, fails on
// - visible text that was not transformed: an ASCII letter in a text node, a placeholder, an
//   aria-label or a title, outside what is not meant to be translated (`code`, `pre`,
//   `[translate=no]`, an element in another language); such a string is hard-coded in a
//   template or a script, and the failure names it, its page and its element;
// - text that overflows or is clipped: the page wider than the viewport, or an element with
//   text whose content is larger than its box where the box hides the rest.
// ar-XB pages must be `dir="rtl"` with the layout mirrored (the header's title on the right).
// Screenshots: target/e2e/pseudo-<locale>-<page>.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, serve, launch, watchedPage, screenshot } from "./lib.mjs";

const PSEUDO = ["en-XA", "ar-XB"];
const ARTICLE = "remove-a-relationship";

let server, context;
before(async () => {
  const out = join(await mkdtemp(join(tmpdir(), "drillbook-pseudo-")), "site");
  const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");
  const args = ["build", "--pseudo", "--root", repo, "--out", out];
  const result = existsSync(bin)
    ? spawnSync(bin, args, { cwd: repo, encoding: "utf8" })
    : spawnSync("cargo", ["run", "-q", "--", ...args], { cwd: repo, encoding: "utf8" });
  assert.equal(result.status, 0, `build --pseudo failed: ${result.stderr}`);
  server = await serve(out);
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

/** In the page: every visible text not transformed, and every overflow or clipping. The
 * simulator's scenario data (customer, subscription and offer names: proper names, from
 * content/scenarios/, not messages) is taken out of the text first. */
function audit(locale) {
  const data = new Set();
  const collect = (value, key) => {
    if (typeof value === "string" && (key === "name" || key === "offer")) data.add(value);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  for (const script of document.querySelectorAll('script[type="application/json"]')) collect(JSON.parse(script.textContent), "");
  const names = [...data].sort((a, b) => b.length - a.length);
  const withoutData = (text) => names.reduce((t, name) => t.replaceAll(name, ""), text);
  const skip = (el) => el.closest(`code, pre, kbd, script, style, noscript, [translate="no"], [lang]:not([lang="${locale}"])`);
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const where = (el) => {
    const cls = el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return `<${el.tagName.toLowerCase()}${cls}>`;
  };
  const untransformed = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.trim();
    if (!/[A-Za-z]/.test(withoutData(text)) || skip(el) || !visible(el)) continue;
    untransformed.push(`"${text}" in ${where(el)}`);
  }
  for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    if (skip(el) || !visible(el)) continue;
    for (const attr of ["placeholder", "aria-label", "title"]) {
      const value = el.getAttribute(attr);
      if (value && /[A-Za-z]/.test(withoutData(value))) untransformed.push(`${attr}="${value}" on ${where(el)}`);
    }
  }
  const overflow = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    // Named by the outermost elements past the viewport's edges.
    // Past the end edge only: what lies past the start edge does not scroll (the skip link).
    const rtl = getComputedStyle(root).direction === "rtl";
    const out = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (rtl ? r.left < -1 : r.right > root.clientWidth + 1); };
    const culprits = [...document.body.querySelectorAll("*")].filter((el) => out(el) && !out(el.parentElement));
    const named = culprits.map((el) => `${where(el)} "${el.textContent.trim().slice(0, 40)}" (${Math.round(el.getBoundingClientRect().width)}px)`);
    overflow.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport: ${named.join(", ")}`);
  }
  for (const el of document.body.querySelectorAll("*")) {
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!hasText || !visible(el) || el.closest("svg")) continue;
    const style = getComputedStyle(el);
    if (style.display === "inline") continue;
    const hides = (v) => v === "hidden" || v === "clip";
    const wide = el.scrollWidth > el.clientWidth + 1;
    const tall = el.scrollHeight > el.clientHeight + 1;
    if ((hides(style.overflowX) && wide) || (hides(style.overflowY) && tall)) {
      overflow.push(`clipped: ${where(el)} "${el.textContent.trim().slice(0, 60)}"`);
    } else if (style.overflowX === "visible" && wide && el.clientWidth > 0) {
      overflow.push(`overflows: ${where(el)} "${el.textContent.trim().slice(0, 60)}" (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
  }
  return { untransformed, overflow };
}

async function check(page, locale, name, findings) {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    const { untransformed, overflow } = await page.evaluate(audit, locale);
    findings.push(...untransformed.map((f) => `${name}: untransformed ${f}`));
    findings.push(...overflow.map((f) => `${name} at ${width}px: ${f}`));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `pseudo-${locale}-${name}.png`);
}

for (const locale of PSEUDO) {
  test(`${locale}: every page type is transformed, and nothing overflows or is clipped`, async () => {
    const { page, problems } = await watchedPage(context);
    const findings = [];
    const pages = [
      ["index", `/${locale}/`],
      ["article", `/${locale}/${ARTICLE}/`],
      ["checklist", `/${locale}/${ARTICLE}/checklist/`],
      ["dashboard", `/${locale}/dashboard/`],
      ["404", `/${locale}/404.html`],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${server.url}${path}`);
      assert.equal(await page.getAttribute("html", "lang"), locale, path);
      assert.equal(await page.getAttribute("html", "dir"), locale === "ar-XB" ? "rtl" : "ltr", path);
      await check(page, locale, name, findings);
    }

    // The simulator: a few steps in, so that its later views are seen too.
    await page.goto(`${server.url}/${locale}/${ARTICLE}/`);
    const sim = page.locator(".sim").first();
    await sim.waitFor();
    await check(page, locale, "simulator", findings);
    for (let i = 0; i < 3; i++) {
      // The last enabled button: past the toolbar and the navigation, in the view itself.
      const button = sim.locator("button:visible:not([aria-disabled=true]):not([disabled])").last();
      if (!(await button.count())) break;
      await button.click();
      await check(page, locale, `simulator-${i + 1}`, findings);
    }

    // The search UI: a query with results and one without.
    await page.goto(`${server.url}/${locale}/`);
    const input = page.locator("#site-search-input");
    const title = (await page.locator(".article-list a").first().textContent()).trim();
    await input.fill(title.split(/\s+/)[0]);
    await page.locator(".site-search-status:not(:empty)").waitFor();
    await check(page, locale, "search", findings);
    await input.fill("ẋẋẋẋẋ");
    await page.waitForFunction(() => document.querySelector(".site-search-results").hidden);
    await check(page, locale, "search-none", findings);

    assert.deepEqual([...new Set(findings)], [], `${locale}: ${findings.length} findings`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("ar-XB mirrors the layout; neither pseudo-locale is in the switcher or the sitemap", async () => {
  const { page } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/ar-XB/${ARTICLE}/`);
  const title = await page.locator(".site-title").boundingBox();
  const search = await page.locator(".site-search").boundingBox();
  assert.ok(title.x > search.x, "the site title is on the right, the search box left of it");
  const main = await page.locator("main h1").boundingBox();
  assert.ok(main.x + main.width > 1280 / 2, "the heading starts on the right");
  // The audit finds a string a script would hard-code, and names it.
  await page.evaluate(() => document.querySelector("main").append(Object.assign(document.createElement("p"), { textContent: "Hard-coded text" })));
  const { untransformed } = await page.evaluate(audit, "ar-XB");
  assert.deepEqual(untransformed, ['"Hard-coded text" in <p>']);
  for (const path of ["/en-US/", `/de-DE/${ARTICLE}/`, "/"]) {
    await page.goto(`${server.url}${path}`);
    for (const tag of PSEUDO) {
      assert.equal(await page.locator(`a[hreflang="${tag}"], link[hreflang="${tag}"]`).count(), 0, `${path} links ${tag}`);
    }
  }
  const sitemap = await (await page.request.get(`${server.url}/sitemap.xml`)).text();
  assert.ok(sitemap.includes("/en-US/") && !/en-XA|ar-XB/.test(sitemap));
  await page.close();
});
