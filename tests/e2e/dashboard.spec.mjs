// The translation dashboards of the shipped site in a real browser: each translated locale's
// summary (bars, counts, status filters as links, a table sorted by clicking its headers),
// a file's problem page in the page's language, the source locale's overview; axe-core
// (WCAG 2.2 AA), no console error (CSP included), and screenshots in target/e2e/dashboard-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES, repo, shots, buildSite, serve, launch, watchedPage, axe, screenshot } from "./lib.mjs";

let server, context, worked;
before(async () => {
  server = await serve(await buildSite());
  worked = await serve(await buildSite(await projectWithWork()));
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
  await worked?.close();
});

/** A copy of the shipped project with work for the translators: three English messages
 * changed (stale in every locale), one German message removed (missing), and the English
 * German reviewed `when-to-remove` against no longer recorded (its change cannot be shown). */
async function projectWithWork() {
  const root = await mkdtemp(join(tmpdir(), "drillbook-dashboard-"));
  await cp(join(repo, "content"), join(root, "content"), { recursive: true });
  await cp(join(repo, "locales"), join(root, "locales"), { recursive: true });
  const edit = async (path, from, to) => {
    const file = join(root, "locales", path);
    const text = await readFile(file, "utf8");
    assert.ok(text.includes(from), `${path} has ${from}`);
    await writeFile(file, text.replace(from, to));
  };
  await edit("en-US/remove-a-relationship.ftl", "\nheading = How to remove", "\nheading = How you remove");
  await edit("en-US/remove-a-relationship.ftl", "\nintro = ", "\nintro = Updated: ");
  await edit("en-US/remove-a-relationship.ftl", "\nwhen-to-remove = Direct partners", "\nwhen-to-remove = Partners");
  await edit("de-DE/remove-a-relationship.ftl", "\nintro = ", "\n# intro = ");
  const reviewed = join(root, "locales/de-DE/l10n.reviewed");
  const records = (await readFile(reviewed, "utf8")).split(/(?=^== )/m);
  const kept = records.filter((r) => !/^== \S+\nwhen-to-remove = /.test(r));
  assert.equal(kept.length, records.length - 1, "de-DE/l10n.reviewed records when-to-remove");
  await writeFile(reviewed, kept.join(""));
  return root;
}

const column = (page, n) =>
  page.locator("table.dashboard tbody tr").evaluateAll((rows, n) => rows.map((r) => r.cells[n].textContent.trim()), n);

test("de-DE: the summary sorts by a column, filters by status and links each file's problems", async () => {
  const { page, problems } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/de-DE/dashboard/`);
  assert.equal(await page.locator("h1").textContent(), "Übersetzungsstatus");
  const files = await column(page, 0);
  assert.deepEqual(files, [...files].sort(), "the page comes sorted by file");
  assert.ok(files.includes("remove-a-relationship.ftl") && files.includes("ui.ftl"), files.join());
  assert.equal(await page.locator("table.dashboard svg.bar").count(), files.length, "one bar per file");
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "dashboard-de-DE.png");

  // Sorting: the "Übersetzt" header becomes a button; twice reverses the order.
  const header = page.locator("th", { hasText: "Übersetzt" });
  await header.getByRole("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "ascending");
  const ascending = await page.locator("table.dashboard tbody tr td:nth-child(3)").evaluateAll((cells) => cells.map((c) => Number(c.dataset.v)));
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  await header.getByRole("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  const descending = await page.locator("table.dashboard tbody tr td:nth-child(3)").evaluateAll((cells) => cells.map((c) => Number(c.dataset.v)));
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  await page.locator("th", { hasText: "Datei" }).getByRole("button").click();
  assert.deepEqual(await column(page, 0), files);

  // Filters: the "complete" page lists exactly the files with nothing to do.
  await page.getByRole("navigation", { name: "Nach Status filtern" }).getByRole("link", { name: /Vollständig/ }).click();
  await page.waitForURL("**/de-DE/dashboard/complete/");
  const complete = await page.locator("table.dashboard tbody tr").evaluateAll((rows) =>
    rows.map((r) => [3, 4, 5].map((i) => Number(r.cells[i].textContent))),
  );
  assert.ok(complete.every((counts) => counts.every((n) => n === 0)), JSON.stringify(complete));
  assert.equal(await page.locator('.dashboard-filters a[aria-current="page"]').count(), 1);

  // A file's page: its counts, its problems in German, the raw detail marked English.
  await page.goto(`${worked.url}/de-DE/dashboard/`);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "dashboard-de-DE-work.png");
  await page.locator("table.dashboard a", { hasText: "remove-a-relationship.ftl" }).click();
  await page.waitForURL("**/de-DE/dashboard/file/remove-a-relationship/");
  assert.equal(await page.locator("h1").textContent(), "remove-a-relationship.ftl");
  assert.equal(await page.locator(".breadcrumbs a").first().textContent(), "Übersetzungsstatus");
  assert.deepEqual(await page.locator("main h2").allTextContents(), ["Fehlend", "Veraltet"]);
  const items = await page.locator(".dashboard-problems li").allTextContents();
  assert.equal(items.length, 3, items.join("\n"));
  assert.match(items[0], /^Warnung: Meldung noch nicht übersetzt/);
  assert.match(items[1], /^Warnung: Das Englische hat sich seit der Prüfung dieser Übersetzung geändert/);
  assert.equal(await page.locator('.dashboard-problems code[lang="en"]').count(), 3);
  // A stale message shows the English it was reviewed against, the English now as a word
  // diff (marked up, with words for screen readers) and the translation beside them.
  const heading = page.locator(".dashboard-problems li", { hasText: "`heading` is stale" }).locator("dl.change");
  assert.equal(await heading.locator(".change-old dd").textContent(), "How to remove a reseller relationship with a customer in Partner Center");
  const diff = heading.locator(".change-new dd.diff");
  assert.equal(await diff.getAttribute("lang"), "en-US");
  assert.deepEqual(await diff.locator("del").allTextContents(), ["entfernt: to"]);
  assert.deepEqual(await diff.locator("ins").allTextContents(), ["hinzugefügt: you"]);
  assert.equal(await diff.locator("del .vh").isVisible(), true, "in the accessibility tree, visually hidden");
  const box = await diff.locator("del .vh").boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, JSON.stringify(box));
  const struck = await diff.locator("del").evaluate((e) => getComputedStyle(e).textDecorationLine);
  const underlined = await diff.locator("ins").evaluate((e) => getComputedStyle(e).textDecorationLine);
  assert.equal(struck, "line-through", "not by colour alone");
  assert.equal(underlined, "underline", "not by colour alone");
  const translation = heading.locator(".change-translation dd");
  assert.equal(await translation.getAttribute("lang"), "de-DE");
  assert.match(await translation.textContent(), /Resellerbeziehung/);
  // Beside: the translation's column starts after the English one's (the page is LTR).
  const [en, tr] = [await heading.locator(".change-new").boundingBox(), await translation.boundingBox()];
  assert.ok(tr.x > en.x + en.width - 1, `${JSON.stringify(en)} ${JSON.stringify(tr)}`);
  // Right to left, the columns swap sides (logical CSS properties only).
  await page.evaluate(() => (document.documentElement.dir = "rtl"));
  const [enR, trR] = [await heading.locator(".change-new").boundingBox(), await translation.boundingBox()];
  assert.ok(trR.x + trR.width < enR.x + 1, `${JSON.stringify(enR)} ${JSON.stringify(trR)}`);
  await page.evaluate(() => (document.documentElement.dir = "ltr"));
  assert.match(await page.locator("section:has(#stale) .dashboard-note").textContent(), /durchgestrichen/);
  // Without the reviewed English: the entry says so and shows the English now, unmarked.
  const unknown = page.locator(".dashboard-problems li", { hasText: "`when-to-remove` is stale" }).locator("dl.change");
  assert.match(await unknown.locator(".change-unknown").textContent(), /nicht gespeichert/);
  assert.equal(await unknown.locator("del, ins, .change-old").count(), 0);
  assert.match(await unknown.locator(".change-new dd").first().textContent(), /^Partners or Indirect providers/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "dashboard-de-DE-file.png");
  await heading.locator("..").screenshot({ path: join(shots, "dashboard-de-DE-change.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await heading.scrollIntoViewIfNeeded();
  await screenshot(page, "dashboard-de-DE-file-mobile.png");
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("en-US: the overview has one row per translated language, each linking its dashboard", async () => {
  const { page, problems } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/en-US/dashboard/`);
  const links = await page.locator("table.dashboard tbody a").evaluateAll((as) => as.map((a) => a.getAttribute("hreflang")));
  assert.deepEqual(links.sort(), LOCALES.filter((l) => l !== "en-US").sort());
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "dashboard-en-US.png");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "dashboard-en-US-mobile.png");
  await page.goto(`${server.url}/ru-RU/dashboard/`);
  assert.equal(await page.locator("h1").textContent(), "Состояние переводов");
  await screenshot(page, "dashboard-ru-RU-mobile.png");
  assert.deepEqual(problems, []);
  await page.close();
});
