// The built site in a real browser, in all six locales: structure, language switching,
// accessibility (axe-core, WCAG 2.2 AA), no console errors or failed requests, screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { LOCALES, buildSite, serve, launch, watchedPage, axe, screenshot } from "./lib.mjs";

let server, context;
before(async () => {
  server = await serve(await buildSite());
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

test("root index lists every language and works without JavaScript", async () => {
  const nojs = await launch({ javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(`${server.url}/`);
  assert.equal(await plain.locator(".language-list a").count(), LOCALES.length);
  await plain.goto(`${server.url}/de-DE/remove-a-relationship/`);
  assert.equal(await plain.locator("ol.procedure > li").count(), 2, "the procedure reads without JavaScript");
  const { page, problems } = await watchedPage(context);
  await page.goto(`${server.url}/`);
  for (const locale of LOCALES) {
    assert.equal(await page.locator(`.language-list a[hreflang="${locale}"]`).count(), 1, locale);
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
  await nojs.close();
});

for (const locale of LOCALES) {
  test(`${locale}: article page reads, switches language and passes axe`, async () => {
    const { page, problems } = await watchedPage(context);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/${locale}/remove-a-relationship/`);
    assert.equal(await page.getAttribute("html", "lang"), locale);
    const steps = await page.locator("ol.procedure > li.step > p:first-child").allTextContents();
    assert.equal(steps.length, 2, "two numbered steps");
    assert.ok(steps.every((s) => s.trim().length > 3), JSON.stringify(steps));
    const substeps = await page.locator("ol.substeps > li").count();
    assert.equal(substeps, 7);
    assert.equal(await page.locator("ol.substeps[type=a]").count(), 1, "lettered sub-steps come from the list type");
    assert.deepEqual(await axe(page), [], `${locale} article`);
    await screenshot(page, `article-${locale}-desktop.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `article-${locale}-mobile.png`);

    // Switch to the next language: same article, other locale.
    const next = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length];
    await page.locator(`.language-switcher a[hreflang="${next}"]`).click();
    await page.waitForURL(`**/${next}/remove-a-relationship/`);
    assert.equal(await page.getAttribute("html", "lang"), next);

    await page.goto(`${server.url}/${locale}/`);
    assert.equal(await page.locator(`a[href="remove-a-relationship/"]`).count(), 1);
    assert.deepEqual(await axe(page), [], `${locale} index`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("404 page renders with its stylesheet", async () => {
  const { page } = await watchedPage(context);
  const response = await page.goto(`${server.url}/no/such/page/`);
  assert.equal(response.status(), 404);
  assert.deepEqual(await axe(page), []);
  await page.close();
});
