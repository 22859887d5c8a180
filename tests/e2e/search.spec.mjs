// Site search in a real browser: the header's search box queries Pagefind's index of the
// page's own locale, on the shipped site and on a site with the DocFX corpus imported (11
// articles). Russian inflection and Chinese without spaces must match; the first result opens
// the right article in the same locale; no console errors or failed requests; axe-core clean
// with results shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildSite, buildImportedSite, serve, launch, watchedPage, axe, screenshot } from "./lib.mjs";

let shipped, imported, context;
before(async () => {
  shipped = await serve(await buildSite());
  imported = await serve(await buildImportedSite());
  context = await launch();
});
after(async () => {
  await context?.close();
  await shipped?.close();
  await imported?.close();
});

/** Types `query` into the search box of `url` and waits for the results (or "no results"). */
async function search(page, url, query) {
  await page.goto(url);
  const box = page.getByRole("searchbox");
  await box.fill(query);
  const status = page.locator(".site-search [role=status]");
  await status.filter({ hasText: /\S/ }).waitFor();
  return { status: (await status.textContent()).trim(), results: page.locator(".site-search-results a") };
}

/** Searches, checks the results stay in the locale, opens the first and checks the article. */
async function opensArticle(server, locale, query, article, shot) {
  const { page, problems } = await watchedPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { status, results } = await search(page, `${server.url}/${locale}/`, query);
  const count = await results.count();
  assert.ok(count > 0, `${locale} "${query}": ${status}`);
  for (const href of await results.evaluateAll((links) => links.map((a) => a.href))) {
    assert.ok(new URL(href).pathname.startsWith(`/${locale}/`), `${href} is in ${locale}`);
  }
  assert.match(status, /\d/, "the status says how many articles were found");
  if (shot) {
    assert.deepEqual(await axe(page), [], `${locale} with results shown`);
    await screenshot(page, shot);
  }
  // Keyboard: arrow down from the box to the first result, Enter opens it.
  await page.getByRole("searchbox").press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/${locale}/${article}/`);
  assert.equal(await page.getAttribute("html", "lang"), locale);
  assert.deepEqual(problems, []);
  await page.close();
}

test("the search box is hidden without JavaScript (it could do nothing there)", async () => {
  const nojs = await launch({ javaScriptEnabled: false });
  const page = await nojs.newPage();
  await page.goto(`${shipped.url}/ru-RU/remove-a-relationship/`);
  assert.equal(await page.locator("form.site-search").isHidden(), true);
  await nojs.close();
});

test("shipped site, ru-RU: an inflected query (подписки) finds the article (подписку)", () =>
  opensArticle(shipped, "ru-RU", "подписки", "remove-a-relationship", "search-ru-RU.png"));

test("shipped site, zh-CN: a query without spaces (订阅) finds the article", () =>
  opensArticle(shipped, "zh-CN", "订阅", "remove-a-relationship", "search-zh-CN.png"));

// Each query's exact form is not in the article: found through stemming (inflection) or
// Pagefind's prefix match (the first part of a compound).
const FORMS = [
  ["ru-RU", "подписками"], // the article has подписка, подписки, подписку, подписок
  ["ru-RU", "клиентам"], // клиент, клиента, клиентов, клиентом, клиенты
  ["de-DE", "Reseller"], // only inside Resellerbeziehung
  ["de-DE", "Resellerbeziehungen"], // Resellerbeziehung
  ["nl-NL", "resellerrelaties"], // resellerrelatie
  ["sv-SE", "återförsäljare"], // only inside återförsäljarrelation(en)
  ["zh-CN", "删除关系"], // 删除 … 关系, no spaces anywhere
];
test("inflected forms and compound parts find the shipped article", async () => {
  for (const [locale, query] of FORMS) {
    const { page, problems } = await watchedPage(context);
    const { status, results } = await search(page, `${shipped.url}/${locale}/`, query);
    assert.equal(await results.count(), 1, `${locale} "${query}": ${status}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("imported corpus, ru-RU: the first result is the matching article", () =>
  opensArticle(imported, "ru-RU", "виртуальная машина", "azure-usage"));

test("imported corpus, zh-CN: the first result is the matching article", () =>
  opensArticle(imported, "zh-CN", "开箱使用体验", "autopilot"));

test("imported corpus: подписки and 订阅 find several articles, only in their locale", async () => {
  for (const [locale, query] of [["ru-RU", "подписки"], ["zh-CN", "订阅"]]) {
    const { page, problems } = await watchedPage(context);
    const { status, results } = await search(page, `${imported.url}/${locale}/`, query);
    assert.ok((await results.count()) > 1, `${locale} "${query}": ${status}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("a query in another locale's words finds nothing, and says so", async () => {
  const { page, problems } = await watchedPage(context);
  const { status, results } = await search(page, `${shipped.url}/ru-RU/`, "Handelsbeziehung");
  assert.equal(await results.count(), 0);
  assert.equal(status, "По вашему запросу статьи не найдены.");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the count uses the locale's plural forms", async () => {
  const { page } = await watchedPage(context);
  const { status } = await search(page, `${imported.url}/ru-RU/`, "клиент");
  const n = Number(status.match(/\d+/)[0]);
  const form = n % 10 === 1 && n % 100 !== 11 ? "статья" : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? "статьи" : "статей";
  assert.ok(status.includes(`${n} ${form}`), status);
  await page.close();
});
