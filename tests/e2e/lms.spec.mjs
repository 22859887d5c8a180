// SCORM 1.2 and SCORM 2004 packages in a real LMS runtime: scorm-again (npm) is the LMS-side
// API in a host page that frames the package, in Debian's chromium via playwright-core. For
// each of the six locales (chosen through the learner's language preference in the LMS data
// model): an attempt that passes, one that fails (too many refused actions), and a resume after
// the page is closed and launched again from cmi.suspend_data. The LMS data model's values are
// asserted, and every SCORM call is recorded by the host: none may return an error code.
//
// Attempts are reported to `window.drillbookHost.onAttempt` the way sim.js reports them (a
// driver below). When sim.js consumes the host (assessment mode), the same attempts are also
// made keyboard-only in the real simulator.
//
// Run: cargo build && node --test tests/e2e/lms.spec.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { LOCALES, launch, watchedPage, screenshot } from "./lib.mjs";
import { buildPackage, readZip, servePackage, nodeModule } from "./package-lib.mjs";

const FORMATS = ["scorm-1.2", "scorm-2004"];

const HOST = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm/scorm12.min.js"></script><script src="/scorm/scorm2004.min.js"></script></head>
<body><iframe id="sco" title="SCO" style="width:1000px;height:1400px"></iframe>
<script>
window.calls = [];
window.lmsLaunch = (format, data) => {
  const v12 = format === 'scorm-1.2';
  const api = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  if (data) api.loadFromJSON(data, '');
  const fns = v12 ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
    : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
  for (const fn of fns) {
    const orig = api[fn].bind(api);
    api[fn] = (...args) => {
      const result = orig(...args);
      window.calls.push({ fn, args, result: String(result), code: String(api[v12 ? 'LMSGetLastError' : 'GetLastError']()) });
      return result;
    };
  }
  window.API = v12 ? api : undefined;
  window.API_1484_11 = v12 ? undefined : api;
  window.lms = api;
  document.getElementById('sco').src = '/pkg/index.html';
};
window.lmsData = () => JSON.parse(JSON.stringify(window.lms.cmi));
</script></body></html>`;

let server;
let context;
const packages = {};

before(async () => {
  const files = new Map();
  for (const format of FORMATS) {
    packages[format] = readZip(buildPackage(format));
  }
  // One server; the package under test is swapped in per test (same paths in both).
  server = await servePackage(files, {
    "/favicon.ico": (req, res) => { res.writeHead(204); res.end(); },
    "/lms.html": (req, res) => { res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }); res.end(HOST); },
    "/scorm/scorm12.min.js": (req, res) => { res.writeHead(200, { "Content-Type": "text/javascript" }); res.end(nodeModule("scorm-again/dist/scorm12.min.js")); },
    "/scorm/scorm2004.min.js": (req, res) => { res.writeHead(200, { "Content-Type": "text/javascript" }); res.end(nodeModule("scorm-again/dist/scorm2004.min.js")); },
  });
  server.use = (format) => { files.clear(); for (const [k, v] of packages[format]) files.set(k, v); };
  context = await launch();
});

after(async () => {
  await context?.close();
  await server?.close();
});

/** Opens the LMS host with the package `format`, the learner's language `lang`, and `data`
 * (more of the data model, as an LMS keeps it between sessions); waits for the SCO's host. */
async function open(format, lang, data = {}) {
  server.use(format);
  const { page, problems } = await watchedPage(context);
  await page.goto(`${server.url}/lms.html`);
  const pref = format === "scorm-1.2" ? { student_preference: { language: lang } } : { learner_preference: { language: lang } };
  await page.evaluate(([f, d]) => window.lmsLaunch(f, d), [format, { ...pref, ...data }]);
  const frame = page.frameLocator("#sco");
  await frame.locator(`html[lang="${lang}"]`).waitFor();
  let sco;
  while (!(sco = page.frames().find((f) => f.url().includes(`/pkg/${lang}/`)))) await page.waitForTimeout(20);
  await sco.waitForFunction(() => window.drillbookHost !== undefined);
  return { page, problems, sco };
}

/** What sim.js reports: the attempt after each action. */
function attempt(scenario, actions, { finished, passed, score, goalReached }) {
  return {
    scenario, mode: "assessment", actions, startedAt: "2026-12-07T04:00:00.000Z", elapsedMs: 1000 * actions.length,
    goalReached, finished, score, mistakes: actions.filter((a) => a.refused || a.unnecessary).length, passed, masteryScore: 0.8,
  };
}

const ok = (action, customer, item) => ({ action: { action, customer, item }, refused: false, unnecessary: false, reason: null, step: null });
const refused = (action, customer, reason, step) => ({ action: { action, customer }, refused: true, unnecessary: false, reason, step });

/** Drives the host as sim.js does: saves progress in its storage, reports every action. */
async function drive(sco, scenario, steps, end) {
  await sco.evaluate(([scenario, steps, end]) => {
    const host = window.drillbookHost;
    const done = [];
    for (const [i, step] of steps.entries()) {
      done.push(step);
      host.storage.setItem(`drillbook-sim/v1/${scenario}`, JSON.stringify({ version: 1, scenario, progress: { [scenario]: { state: { step: i }, history: [] } } }));
      const last = i === steps.length - 1;
      host.onAttempt({
        scenario, mode: host.mode, actions: done.slice(), startedAt: '2026-12-07T04:00:00.000Z', elapsedMs: 1000 * (i + 1),
        goalReached: last && end.goalReached, finished: last && end.finished, score: end.score, mistakes: done.filter((a) => a.refused || a.unnecessary).length,
        passed: last && end.passed, masteryScore: 0.8,
      });
    }
  }, [scenario, steps, end]);
}

async function close(page) {
  // Leaving the SCO: pagehide ends the session (LMSFinish / Terminate).
  await page.evaluate(() => { document.getElementById("sco").src = "about:blank"; });
  await page.waitForFunction(() => window.calls.some((c) => c.fn === "LMSFinish" || c.fn === "Terminate"));
}

function assertNoErrors(calls, label) {
  const failed = calls.filter((c) => c.code !== "0");
  assert.deepEqual(failed, [], `${label}: SCORM calls returned errors`);
  assert.ok(calls.length > 0, `${label}: no SCORM call was made`);
}

const PASS = [ok("suspend-subscription", "contoso", "sub-1"), ok("remove-relationship", "contoso")];
const FAIL = [refused("remove-relationship", "contoso", "active-subscriptions", "step-suspend"),
  refused("remove-relationship", "contoso", "active-subscriptions", "step-suspend"),
  refused("cancel-software", "contoso", "already-cancelled", "step-suspend")];

for (const format of FORMATS) {
  const v12 = format === "scorm-1.2";
  for (const lang of LOCALES) {
    test(`${format} ${lang}: a passing attempt is recorded as passed with its score`, async () => {
      const { page, problems, sco } = await open(format, lang);
      assert.equal(await sco.evaluate(() => window.drillbookHost.mode), "assessment");
      assert.equal(await sco.evaluate(() => window.drillbookHost.lang), lang);
      await drive(sco, "with-reservation", PASS, { finished: true, passed: true, score: 1, goalReached: true });
      await close(page);
      const cmi = await page.evaluate(() => window.lmsData());
      const calls = await page.evaluate(() => window.calls);
      assertNoErrors(calls, `${format} ${lang}`);
      if (v12) {
        assert.equal(cmi.core.lesson_status, "passed");
        assert.equal(Number(cmi.core.score.raw), 100);
        assert.equal(Number(cmi.core.score.min), 0);
        assert.equal(Number(cmi.core.score.max), 100);
        const time = calls.find((c) => c.fn === "LMSSetValue" && c.args[0] === "cmi.core.session_time");
        assert.match(time.args[1], /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
        assert.ok(cmi.suspend_data.length <= 4096);
      } else {
        assert.equal(cmi.completion_status, "completed");
        assert.equal(cmi.success_status, "passed");
        assert.equal(Number(cmi.score.scaled), 1);
        const time = calls.find((c) => c.fn === "SetValue" && c.args[0] === "cmi.session_time");
        assert.match(time.args[1], /^PT(\d+H)?(\d+M)?[\d.]+S$/);
        assert.deepEqual(Object.keys(cmi.interactions), []);
      }
      // Commit after every status change, finish once.
      const commits = calls.filter((c) => c.fn === (v12 ? "LMSCommit" : "Commit")).length;
      assert.ok(commits >= 2, `${commits} commits`);
      assert.equal(calls.filter((c) => c.fn === (v12 ? "LMSFinish" : "Terminate")).length, 1);
      assert.ok(JSON.parse(cmi.suspend_data)["drillbook-sim/v1/with-reservation"]);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`${format} ${lang}: too many refused actions fail, each one recorded`, async () => {
      const { page, problems, sco } = await open(format, lang);
      await drive(sco, "with-reservation", FAIL, { finished: true, passed: false, score: 0.4, goalReached: false });
      await close(page);
      const cmi = await page.evaluate(() => window.lmsData());
      assertNoErrors(await page.evaluate(() => window.calls), `${format} ${lang}`);
      if (v12) {
        assert.equal(cmi.core.lesson_status, "failed");
        assert.equal(Number(cmi.core.score.raw), 40);
      } else {
        assert.equal(cmi.completion_status, "completed");
        assert.equal(cmi.success_status, "failed");
        assert.equal(Number(cmi.score.scaled), 0.4);
        const interactions = Object.values(cmi.interactions);
        assert.equal(interactions.length, FAIL.length);
        for (const [i, r] of interactions.entries()) {
          assert.equal(r.type, "other");
          assert.equal(r.result, "incorrect");
          assert.match(r.id, new RegExp(`^urn:drillbook:with-reservation:refused:${i}$`));
          assert.ok(r.description.includes(FAIL[i].reason) && r.description.includes(FAIL[i].step), r.description);
        }
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`${format} ${lang}: an attempt resumes from suspend_data in a new session`, async () => {
      const first = await open(format, lang);
      await drive(first.sco, "with-reservation", PASS.slice(0, 1), { finished: false, passed: false, score: null, goalReached: false });
      await close(first.page);
      const saved = await first.page.evaluate(() => window.lmsData());
      assertNoErrors(await first.page.evaluate(() => window.calls), `${format} ${lang} first session`);
      assert.equal(v12 ? saved.core.lesson_status : saved.completion_status, "incomplete");
      assert.equal(v12 ? saved.core.exit : saved.exit, "suspend");
      await first.page.close();
      // The LMS launches the SCO again with what it kept.
      const data = v12 ? { suspend_data: saved.suspend_data, core: { entry: "resume", lesson_status: "incomplete" } }
        : { suspend_data: saved.suspend_data, entry: "resume", completion_status: "incomplete" };
      const second = await open(format, lang, data);
      const kept = await second.sco.evaluate(() => window.drillbookHost.storage.getItem("drillbook-sim/v1/with-reservation"));
      assert.deepEqual(JSON.parse(kept).progress["with-reservation"].state, { step: 0 });
      await drive(second.sco, "with-reservation", PASS, { finished: true, passed: true, score: 1, goalReached: true });
      await close(second.page);
      const cmi = await second.page.evaluate(() => window.lmsData());
      assertNoErrors(await second.page.evaluate(() => window.calls), `${format} ${lang} second session`);
      assert.equal(v12 ? cmi.core.lesson_status : cmi.success_status, "passed");
      assert.deepEqual(second.problems, []);
      await second.page.close();
    });
  }

  test(`${format}: suspend data stays within the limit (undo histories give way)`, async () => {
    const { page, sco } = await open(format, "en-US");
    const result = await sco.evaluate(() => {
      const storage = window.drillbookHost.storage;
      const big = { version: 1, progress: { s: { state: { x: 1 }, history: Array.from({ length: 100 }, (_, i) => ({ i, pad: "x".repeat(40) })) } } };
      storage.setItem("k", JSON.stringify(big));
      let refused = false;
      try { storage.setItem("huge", "y".repeat(70000)); } catch (e) { refused = e.name === "QuotaExceededError"; }
      return { kept: JSON.parse(storage.getItem("k")), refused };
    });
    assert.equal(result.refused, true);
    const cmi = await page.evaluate(() => window.lmsData());
    const limit = v12 ? 4096 : 64000;
    assert.ok(cmi.suspend_data.length <= limit, `${cmi.suspend_data.length}`);
    if (v12) assert.deepEqual(result.kept.progress.s.history, []);
    else assert.equal(result.kept.progress.s.history.length, 100);
    assert.deepEqual(result.kept.progress.s.state, { x: 1 });
    await page.close();
  });
}

test("without an LMS the package opens in practice mode and says no results are recorded", async () => {
  server.use("scorm-1.2");
  // The launch page opens the browser's language.
  const swedish = await launch({ locale: "sv-SE" });
  const { page, problems } = await watchedPage(swedish);
  await page.goto(`${server.url}/pkg/index.html`);
  await page.waitForURL("**/pkg/sv-SE/**");
  const notes = new Set([await page.locator(".package-no-lms").textContent()]);
  for (const lang of LOCALES.filter((l) => l !== "sv-SE")) {
    await page.goto(`${server.url}/pkg/${lang}/remove-a-relationship/index.html`);
    const note = page.locator(".package-no-lms");
    await note.waitFor();
    assert.equal(await page.evaluate(() => window.drillbookHost), undefined);
    notes.add(await note.textContent());
    if (lang === "de-DE") await screenshot(page, "package-no-lms-de-DE.png");
  }
  assert.deepEqual(problems, []);
  await swedish.close();
  assert.equal(notes.size, LOCALES.length, "one note per locale, each in its language");
});
