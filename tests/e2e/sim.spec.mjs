// Browser smoke test of the simulator: Debian's chromium driven by playwright-core, on the
// fixture page tests/sim_traces.rs writes (target/drillbook-sim/fixture/de-DE.html), served
// on 127.0.0.1. In German, it completes the removal in the "with an Azure RI reservation"
// scenario by clicking controls found by their German accessible names, and fails on any
// console error (CSP violations included).
//
// Setup: apt-get install -y chromium && npm ci
// Run:   cargo test --test sim_traces && node --test tests/e2e/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = join(process.env.DRILLBOOK_SIM_DIR || join(root, 'target', 'drillbook-sim'), 'fixture');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

let server;
let base;
const profiles = [];

before(async () => {
  if (!existsSync(join(fixture, 'de-DE.html'))) {
    const run = spawnSync('cargo', ['test', '--quiet', '--test', 'sim_traces'], { cwd: root, stdio: 'inherit' });
    assert.equal(run.status, 0, 'cargo test --test sim_traces failed: cannot build the fixture page');
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // The runtime is served from assets/ itself, so the test never runs a stale copy.
    const file = ['/sim.js', '/sim-model.js', '/sim-assess.js', '/sim.css'].includes(path) ? join(root, 'assets', path) : join(fixture, path);
    if (path === '/favicon.ico') { res.writeHead(204).end(); return; }
    if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function browser(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-chromium-'));
  profiles.push(dir);
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true, ...options });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(5000);
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  // No third-party requests: everything comes from the fixture server.
  page.on('request', (req) => { if (!req.url().startsWith(base)) errors.push(`request to ${req.url()}`); });
  return { context, page, errors };
}

const text = async (locator) => (await locator.textContent()).trim();

test('de-DE: remove the reseller relationship in the Azure RI reservation scenario', async () => {
  const { context, page, errors } = await browser();
  try {
    await page.goto(`${base}/de-DE.html`);
    const sim = page.locator('#sim');
    await sim.locator('.sim-app').waitFor();
    assert.equal(await sim.locator('.sim-fallback').count(), 0, 'the no-JS text is gone');
    assert.equal(await sim.locator('details.sim-differences').getAttribute('open'), null, 'the differences start collapsed');
    assert.equal(await text(sim.getByRole('region').locator('.sim-product')), 'Partner Center');
    await page.evaluate(() => {
      window.simEvents = [];
      document.getElementById('sim').addEventListener('drillbook:sim-state', (e) => window.simEvents.push(e.detail));
    });

    await sim.getByRole('combobox', { name: 'Szenario' }).selectOption({ label: 'Mit einer Azure-RI-Reservierung' });
    assert.match(await text(sim.locator('.sim-goal')), /Entfernen Sie die Resellerbeziehung mit Fabrikam, Inc\./);
    await sim.getByRole('button', { name: 'Fabrikam, Inc.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H3', 'focus moves to the new page heading');

    // The link is inactive while a subscription is active; the reason names step 1.
    await sim.getByRole('tab', { name: 'Konto' }).click();
    const remove = sim.getByRole('button', { name: 'Resellerbeziehung entfernen' });
    assert.equal(await remove.getAttribute('aria-disabled'), 'true');
    await remove.focus();
    const tip = sim.getByRole('tooltip');
    assert.ok(await tip.isVisible(), 'the reason shows on focus');
    assert.equal(await text(tip), 'Inaktiv: 1 Abonnement hat noch den Status „Aktiv“.');
    // Playwright refuses to click an aria-disabled control; a reader can still press it.
    await remove.press('Enter');
    const feedback = sim.getByRole('status');
    const refusal = sim.locator('.sim-refusal');
    assert.match(await text(refusal), /Noch nicht möglich.*Fabrikam, Inc\. hat noch 1 aktives Abonnement\./s);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'sim-refusal', 'the refusal is focused');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-labelledby')), 'sim-refusal-title');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#step-suspend', 'its fix is the next Tab stop');
    assert.equal(await refusal.getByRole('link', { name: 'Schritt 1: Alle aktiven Abonnements anhalten' }).getAttribute('href'), '#step-suspend');

    // Customer -> Subscriptions -> a subscription -> Suspended, as the article's step 1 says.
    await sim.getByRole('tab', { name: 'Abonnements' }).click();
    await sim.getByRole('button', { name: 'Fabrikam Azure' }).click();
    await sim.getByRole('button', { name: 'Angehalten' }).click();
    assert.equal(await sim.getByRole('button', { name: 'Angehalten' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await text(sim.locator('.sim-pill.sim-pill-suspended')), 'Angehalten', 'the status pill follows');
    assert.equal(await text(feedback), 'Fabrikam Azure hat jetzt den Status „Angehalten“.');

    // Removal is now offered but refused: the Azure RI reservation is still active.
    await sim.getByRole('navigation', { name: 'Sie sind hier' }).getByRole('button', { name: 'Fabrikam, Inc.' }).click();
    await sim.getByRole('tab', { name: 'Konto' }).click();
    await sim.getByRole('button', { name: 'Resellerbeziehung entfernen' }).click();
    await sim.getByRole('button', { name: 'Entfernen', exact: true }).click();
    assert.match(await text(refusal), /Fabrikam, Inc\. hat noch 1 aktive Azure-RI-Reservierung\./);
    assert.equal(await refusal.getByRole('link').getAttribute('href'), '#how-to-remove-a-relationship');

    await sim.getByRole('tab', { name: 'Azure-Reservierungen' }).click();
    // Each row's button names its item; a cancelled item offers no button.
    const rows = sim.locator('tbody tr');
    assert.equal(await rows.count(), 1);
    const cancel = sim.getByRole('button', { name: /^Reservierung stornieren: / });
    const name = await cancel.getAttribute('aria-label');
    assert.ok(name.endsWith(await text(rows.first().locator('td').first())), name);
    await cancel.click();
    assert.match(await text(feedback), /hat jetzt den Status „Storniert“/);
    assert.equal(await sim.getByRole('button', { name: /^Reservierung stornieren/ }).count(), 0, 'nothing left to cancel');
    assert.equal(await text(rows.first().locator('.sim-pill')), 'Storniert');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'tab', 'focus goes to the tabs, where the next action is');

    await sim.getByRole('tab', { name: 'Konto' }).click();
    await sim.getByRole('button', { name: 'Resellerbeziehung entfernen' }).click();
    await sim.getByRole('button', { name: 'Entfernen', exact: true }).click();
    const summary = sim.getByRole('heading', { name: 'Resellerbeziehung mit Fabrikam, Inc. entfernt' });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Resellerbeziehung mit Fabrikam, Inc. entfernt');
    assert.equal(await text(feedback), 'Die Resellerbeziehung mit Fabrikam, Inc. ist entfernt.');
    assert.match(await text(sim.locator('.sim-goal')), /Ziel erreicht/);

    // Each consequence of the article is visible; purchases are refused.
    assert.match(await text(sim.locator('.sim-success')), /Ziel erreicht/);
    await sim.getByRole('button', { name: 'Abonnement hinzufügen' }).click();
    assert.match(await text(refusal), /Sie können für diesen Kunden nicht mehr handeln oder einkaufen/);
    await sim.getByRole('button', { name: 'Zurück zu Kunden' }).click();
    assert.equal(await text(sim.locator('.sim-screen p').first()), '0 Kunden');

    const last = await page.evaluate(() => window.simEvents.at(-1));
    assert.equal(last.scenario, 'azure-ri-reservation');
    assert.equal(last.goalReached, true);
    assert.equal(last.conditions.fabrikam['relationship-removed'], true);
    assert.deepEqual(last.enabled, []);

    // Progress survives a reload; undo brings the customer back.
    await page.reload();
    await sim.locator('.sim-app').waitFor();
    assert.match(await text(sim.locator('.sim-goal')), /Ziel erreicht/);
    await sim.getByRole('button', { name: 'Rückgängig' }).click();
    assert.equal(await text(sim.locator('.sim-screen p').first()), '1 Kunde');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Rückgängig');

    assert.equal(await page.evaluate(() => document.querySelectorAll('[style]').length), 0, 'no inline styles');

    // Damaged saved progress is discarded with a notice.
    await page.evaluate(() => localStorage.setItem('drillbook-sim/v1/remove-a-relationship', '{broken'));
    await page.reload();
    await sim.locator('.sim-app').waitFor();
    assert.ok(await sim.getByRole('note').isVisible());
    assert.match(await text(sim.getByRole('note')), /verworfen/);

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('de-DE: keyboard only, from the scenario picker to a suspended subscription', async () => {
  const { context, page, errors } = await browser();
  try {
    await page.goto(`${base}/de-DE.html`);
    await page.locator('.sim-app').waitFor();
    await page.getByRole('combobox', { name: 'Szenario' }).focus();
    // Tab order: picker, Undo, Start over, differences summary, Customers in the menu, then the first customer.
    let found = false;
    for (let i = 0; i < 12 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement.textContent)) === 'Contoso Ltd.';
    }
    assert.ok(found, 'the first customer is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Contoso Ltd.');
    // The customer tabs are one Tab stop; arrow keys move between them and open them.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Abonnements');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-selected')), 'true');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Azure-Reservierungen');
    assert.equal(await page.evaluate(() => document.getElementById('sim-tabpanel').getAttribute('aria-labelledby')), 'sim-tab-reservations');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Software');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Konto');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Software', 'arrows wrap around');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Abonnements');
    assert.ok(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none'), 'focus is visible');
    const tabTo = async (name) => {
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement.textContent)) === name) return;
      }
      assert.fail(`${name} is not reachable with Tab`);
    };
    await page.keyboard.press('Enter');
    await tabTo('Contoso M365');
    await page.keyboard.press('Enter');
    await tabTo('Angehalten');
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true', 'focus stays on the pressed control');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Angehalten');
    assert.equal(await (await page.getByRole('status').textContent()).trim(), 'Contoso M365 hat jetzt den Status „Angehalten“.');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the article is readable and the simulator says it needs JavaScript', async () => {
  const { context, page, errors } = await browser({ javaScriptEnabled: false });
  try {
    await page.goto(`${base}/de-DE.html`);
    assert.ok(await page.locator('#step-suspend').isVisible());
    assert.equal(await text(page.locator('#sim .sim-fallback')), 'Der Simulator benötigt JavaScript. Der Artikel oben ist auch ohne ihn vollständig.');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('every locale renders the simulator without console errors', async () => {
  const { context, page, errors } = await browser();
  try {
    for (const locale of ['en-US', 'de-DE', 'nl-NL', 'sv-SE', 'zh-CN', 'ru-RU']) {
      await page.goto(`${base}/${locale}.html`);
      await page.locator('#sim .sim-app').waitFor();
      const names = await page.locator('#sim button, #sim select').evaluateAll((els) => els.map((e) => e.textContent.trim() || e.getAttribute('aria-label') || e.id));
      assert.ok(names.length >= 4 && names.every((n) => n.length > 0), `${locale}: every control has a name`);
      assert.equal(await page.locator('#sim select option').count(), 6, locale);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core finds no accessibility violations on the simulator screens (de-DE)', async () => {
  // axe is injected as a script, which the page's CSP forbids: this context bypasses CSP.
  const { context, page } = await browser({ bypassCSP: true });
  try {
    await page.goto(`${base}/de-DE.html`);
    await page.locator('#sim .sim-app').waitFor();
    await page.addScriptTag({ content: AXE });
    const check = async (screen) => {
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document.getElementById('sim'), { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(result, [], screen);
    };
    const sim = page.locator('#sim');
    await sim.getByRole('combobox', { name: 'Szenario' }).selectOption({ label: 'Alles auf einmal' });
    await check('customers');
    await sim.getByRole('button', { name: 'Woodgrove Bank' }).click();
    await check('subscriptions');
    await sim.getByRole('tab', { name: 'Konto' }).click();
    await sim.getByRole('button', { name: 'Resellerbeziehung entfernen' }).press('Enter');
    await check('account, link inactive, feedback');
    await sim.getByRole('tab', { name: 'Azure-Reservierungen' }).click();
    await check('reservations');
    await sim.getByRole('tab', { name: 'Software' }).click();
    await check('software');
    await sim.getByRole('tab', { name: 'Abonnements' }).click();
    await sim.getByRole('button', { name: 'Woodgrove Azure' }).click();
    await check('subscription detail');
    await sim.getByRole('combobox', { name: 'Szenario' }).selectOption({ label: 'Nichts mehr anzuhalten' });
    await sim.getByRole('button', { name: 'Wingtip Toys' }).click();
    await sim.getByRole('tab', { name: 'Konto' }).click();
    await sim.getByRole('button', { name: 'Resellerbeziehung entfernen' }).click();
    await check('confirmation');
    await sim.getByRole('button', { name: 'Entfernen', exact: true }).click();
    await sim.getByRole('button', { name: 'Abonnement hinzufügen' }).click();
    await check('result summary with a refused purchase');
  } finally {
    await context.close();
  }
});
