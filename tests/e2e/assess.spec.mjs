// Assessment mode in the built article, in all six locales: keyboard-only attempts that pass
// and fail, resumed after a reload; no hints, fix links or undo while assessed; the result
// summary's contents; axe in both modes. Then the model's coverage paths (one per action
// kind and refusal reason per scenario, generated from the Rust model by
// `cargo test --test sim_traces assessment_paths`) driven through the page, each attempt's
// record compared with the model's judgement and score, axe on every distinct screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES, repo, buildSite, serve, launch, watchedPage, axe, screenshot } from "./lib.mjs";
import { keyboard } from "./keyboard.mjs";

// Always regenerated: the paths must be the current model's.
const gen = spawnSync("cargo", ["test", "--quiet", "--test", "sim_traces", "assessment_paths"], { cwd: repo, stdio: "inherit" });
if (gen.status !== 0) throw new Error("cannot generate target/e2e/paths.json from the model");
const model = JSON.parse(readFileSync(join(repo, "target", "e2e", "paths.json"), "utf8"));

let server, context;
before(async () => {
  server = await serve(await buildSite());
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

const url = (locale, query = "") => `${server.url}/${locale}/remove-a-relationship/${query}`;

/** A fresh page of the article (no saved progress or attempt) that records attempts. */
async function openFresh(page, locale, query = "") {
  await page.goto(url(locale));
  // Let the favicon arrive, so leaving the page aborts no request.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => localStorage.clear());
  await page.goto(url(locale, query));
  await page.locator("#sim .sim-app").waitFor();
  await listen(page);
  return JSON.parse(await page.locator("#drillbook-sim-data").textContent());
}

async function listen(page) {
  await page.evaluate(() => {
    window.attempts = [];
    document.addEventListener("drillbook:sim-attempt", (e) => window.attempts.push(e.detail));
  });
}

const lastAttempt = (page) => page.evaluate(() => window.attempts.at(-1));
const focusedIs = (locator) => locator.evaluate((el) => el === document.activeElement);

/** Keyboard only: the goal customer's active subscriptions suspended, then the removal. */
async function procedure(kb, data, scenario) {
  const customer = scenario.customers.find((c) => c.id === scenario.goal.customer);
  const active = customer.subscriptions.filter((s) => scenario.initial.customers[customer.id].subscriptions[s.id] === "active");
  for (const sub of active) {
    await kb.reach(data.ui.customers);
    await kb.press("Enter");
    await kb.reach(customer.name);
    await kb.press("Enter");
    await kb.reach(sub.name);
    await kb.press("Enter");
    await kb.reach(data.ui.suspended);
    await kb.press("Space");
  }
  await kb.reach(data.ui.customers);
  await kb.press("Enter");
  await kb.reach(customer.name);
  await kb.press("Enter");
  await kb.reach(data.ui.account);
  await kb.reach(data.ui["remove-reseller-relationship"]);
  await kb.press("Enter");
  await kb.reach(data.ui.remove);
  await kb.press("Enter");
}

for (const locale of LOCALES) {
  test(`${locale}: keyboard-only assessment that passes; axe in both modes`, async () => {
    const { page, problems } = await watchedPage(context);
    const modules = [];
    page.on("request", (req) => modules.push(new URL(req.url()).pathname.split("/").pop()));
    const data = await openFresh(page, locale);
    const sim = page.locator("#sim");
    assert.deepEqual(await axe(page), [], "practice mode");
    assert.ok(!modules.includes("sim-assess.js"), "practice does not fetch assessment's module");
    const kb = keyboard(page);
    // The article page links to assessment mode; the link switches in place, fetching
    // assessment's module first.
    await kb.reach(data.text["sim-mode-assessment"]);
    await kb.press("Enter");
    await sim.locator(".sim-assessment").waitFor();
    assert.ok(modules.includes("sim-assess.js"), modules.join());
    assert.match(page.url(), /\?mode=assessment#sim$/);
    assert.equal(await sim.locator('[data-cmd="undo"], [data-cmd="reset"]').count(), 0, "no undo while assessed");
    assert.equal(await sim.locator(".sim-progress").isVisible(), false, "no progress checklist while assessed");
    assert.equal(await sim.locator(".sim-recording").textContent(), data.text["sim-assess-not-recorded"]);
    assert.equal(await sim.locator(".sim-intro").textContent(), data.assessment.text["sim-assess-intro"]);
    assert.deepEqual(await axe(page), [], "assessment mode");
    const scenario = data.scenarios.find((s) => s.id === data.assessment.scenarios[0]);
    await procedure(kb, data, scenario);

    const result = sim.locator(".sim-result");
    await result.waitFor();
    assert.ok(await focusedIs(result.locator("h3")), "the result heading is focused");
    assert.equal(await result.locator(".sim-passed").textContent(), data.text["sim-result-passed"]);
    assert.match(await result.locator("dd").first().textContent(), /100/);
    assert.equal(await result.getByText(data.text["sim-result-no-mistakes"]).count(), 1);
    assert.doesNotMatch(await result.textContent(), /null|undefined/, "no section left out shows as text");
    assert.equal(await sim.locator(".sim-console").isVisible(), false);
    const attempt = await lastAttempt(page);
    assert.equal(attempt.scenario, scenario.id);
    assert.deepEqual([attempt.finished, attempt.goalReached, attempt.passed, attempt.mistakes, attempt.score], [true, true, true, 0, 1]);
    assert.equal(attempt.masteryScore, data.assessment["mastery-score"]);
    assert.ok(attempt.actions.length >= 2 && attempt.actions.every((a) => !a.refused && !a.unnecessary));
    assert.deepEqual(await axe(page), [], "result summary");
    await screenshot(page, `assess-passed-${locale}.png`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${locale}: keyboard-only assessment that fails, resumed after a reload`, async () => {
    const { page, problems } = await watchedPage(context);
    const data = await openFresh(page, locale, "?mode=assessment#sim");
    const sim = page.locator("#sim");
    const scenario = data.scenarios.find((s) => s.id === data.assessment.scenarios[0]);
    const customer = scenario.customers.find((c) => c.id === scenario.goal.customer);
    const kb = keyboard(page);
    const allowed = data.assessment["allowed-mistakes"];
    // One more refused removal than allowed: the inactive link, pressed before suspending.
    await kb.reach(customer.name);
    await kb.press("Enter");
    await kb.reach(data.ui.account);
    for (let i = 0; i <= allowed; i += 1) {
      await kb.reach(data.ui["remove-reseller-relationship"]);
      await kb.press("Enter");
      const refusal = sim.locator(".sim-refusal");
      assert.equal((await refusal.textContent()).trim(), data.text["sim-assess-refused"], "only that it was refused");
      assert.equal(await refusal.locator("a").count(), 0, "no fix link");
      if (i === 0) assert.deepEqual(await axe(page), [], "a refusal in assessment mode");
      if (i === 0) {
        // The attempt survives a reload.
        await page.reload();
        await sim.locator(".sim-assessment").waitFor();
        await listen(page);
        await kb.reach(customer.name);
        await kb.press("Enter");
        await kb.reach(data.ui.account);
      }
    }
    await procedure(kb, data, scenario);
    const result = sim.locator(".sim-result");
    await result.waitFor();
    const attempt = await lastAttempt(page);
    assert.deepEqual([attempt.finished, attempt.goalReached, attempt.passed, attempt.mistakes], [true, true, false, allowed + 1]);
    assert.ok(attempt.score < attempt.masteryScore, `${attempt.score}`);
    const refused = attempt.actions.filter((a) => a.refused);
    assert.equal(refused.length, allowed + 1);
    assert.ok(refused.every((a) => a.reason === "active-subscriptions" && a.step === "step-suspend" && a.action.action === "remove-relationship"));
    assert.equal(await result.locator(".sim-failed").textContent(), data.text["sim-result-failed"]);
    // Each mistake with the step it violates, linked.
    const mistakes = result.locator(".sim-mistakes li");
    assert.equal(await mistakes.count(), allowed + 1);
    for (const li of await mistakes.all()) {
      assert.equal(await li.locator(".sim-verdict").textContent(), data.text["sim-result-refused"]);
      assert.equal(await li.locator('a[href="#step-suspend"]').textContent(), data.text["sim-fix"]["no-active-subscriptions"]);
    }
    assert.match(await result.textContent(), new RegExp(data.assessment.text["sim-result-allowed"].replace(/[()]/g, "\\$&")));
    assert.deepEqual(await axe(page), [], "failed result");
    await screenshot(page, `assess-failed-${locale}.png`);
    // A link to practise again: back in practice mode, same scenario, hints on.
    await kb.reach(data.text["sim-result-practise"]);
    await kb.press("Enter");
    await sim.locator(".sim-app:not(.sim-assessment)").waitFor();
    assert.equal(await sim.locator("#sim-scenario").inputValue(), scenario.id);
    assert.equal(await sim.locator('[data-cmd="undo"]').count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/** Performs one model action through the page, by the controls' data keys. */
async function perform(sim, a) {
  const key = `act:${a.action}:${a.customer}:${a.item || ""}`;
  const click = (k) => sim.locator(`[data-key="${k}"]`).click();
  if (await sim.locator(`[data-key="${key}"]`).count()) return click(key);
  await click("nav:customers");
  await click(`customer:${a.customer}`);
  const tab = { purchase: "subscriptions", "cancel-reservation": "reservations", "cancel-software": "software", "remove-relationship": "account" }[a.action];
  if (!tab) {
    await click(`sub:${a.item}`);
    return click(key);
  }
  await click(`tab:${tab}`);
  if (a.action !== "remove-relationship") return click(key);
  const open = sim.locator('[data-key="open-remove"]');
  if ((await open.getAttribute("aria-disabled")) === "true") return open.press("Enter");
  await open.click();
  return click(key);
}

/** What kind of screen is showing, for running axe once per kind. */
const screenKind = (sim) => sim.evaluate((root) => {
  const q = (s) => root.querySelector(s);
  return [q('[role="tab"][aria-selected="true"]')?.id || "", !!q(".sim-segmented"), !!q('[data-key^="act:remove-relationship"]'),
    !!q('[data-key="back"]'), !!q(".sim-refusal"), !q(".sim-result").hidden, !!q('[data-key^="customer:"]')].join("|");
});

for (const locale of LOCALES) {
  test(`${locale}: the model's paths per action kind and refusal reason, in assessment mode`, async () => {
    const { page, problems } = await watchedPage(context);
    const data = await openFresh(page, locale, "?mode=assessment#sim");
    const sim = page.locator("#sim");
    const seen = new Set();
    const axeOnce = async (where) => {
      const kind = await screenKind(sim);
      if (seen.has(kind)) return;
      seen.add(kind);
      assert.deepEqual(await axe(page), [], `${locale} ${where} (${kind})`);
    };
    const targets = new Set();
    for (const path of model.paths) {
      const where = `${path.scenario} ${path.targets.join(",")}`;
      await sim.locator("#sim-scenario").selectOption(path.scenario);
      await page.evaluate(() => { window.attempts = []; });
      for (const action of path.actions) {
        await perform(sim, action);
        await axeOnce(where);
      }
      const attempt = await lastAttempt(page);
      assert.equal(attempt.scenario, path.scenario, where);
      assert.equal((await page.evaluate(() => window.attempts.length)), path.actions.length, `${where}: one record per action`);
      const got = attempt.actions.map((a) => ({ refused: a.refused, unnecessary: a.unnecessary, reason: a.reason, step: a.condition }));
      assert.deepEqual(got, path.expected.judged, where);
      assert.deepEqual(attempt.actions.map((a) => a.action), path.actions, where);
      assert.deepEqual([attempt.score, attempt.mistakes, attempt.passed, attempt.finished], [path.expected.result.score, path.expected.result.mistakes, path.expected.result.passed, true], where);
      assert.equal(await sim.locator(".sim-mistakes li").count(), path.expected.result.mistakes, where);
      assert.equal(await sim.locator(path.expected.result.passed ? ".sim-passed" : ".sim-failed").count(), 1, where);
      path.targets.forEach((t) => targets.add(t));
    }
    assert.equal(targets.size, new Set(model.paths.flatMap((p) => p.targets)).size);
    assert.ok(seen.size >= 8, `${seen.size} distinct screens`);
    console.log(`${locale}: ${model.paths.length} paths, ${seen.size} distinct screens checked with axe`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
