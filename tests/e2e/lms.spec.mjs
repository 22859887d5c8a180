// SCORM 1.2 and SCORM 2004 packages in a real LMS runtime: scorm-again (npm) is the LMS-side
// API in a host page that frames the package, in Debian's chromium via playwright-core. For
// each of the six locales (chosen through the learner's language preference in the LMS data
// model): an attempt that passes, one that fails (too many refused actions), and a resume after
// the page is closed and launched again from cmi.suspend_data. The LMS data model's values are
// asserted, and every SCORM call is recorded by the host: none may return an error code.
//
// Every attempt is made keyboard-only in the real simulator (assessment mode, which the
// package's host selects), with the keyboard driver of tests/e2e/keyboard.mjs.
//
// Run: cargo build && node --test tests/e2e/lms.spec.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { LOCALES, launch, watchedPage, screenshot, axe } from "./lib.mjs";
import { buildPackages, readZip, servePackage, nodeModule, simIn, procedure, refuseRemoval } from "./package-lib.mjs";

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
  // Both SCORM formats from one command, as a trainer builds them.
  const zips = buildPackages(FORMATS);
  for (const format of FORMATS) {
    packages[format] = readZip(zips[format]);
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

const lastAttempt = (sco) => sco.evaluate(() => window.attempts.at(-1));

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

for (const format of FORMATS) {
  const v12 = format === "scorm-1.2";
  for (const lang of LOCALES) {
    test(`${format} ${lang}: a keyboard-only attempt that passes is recorded as passed with its score`, async () => {
      const { page, problems, sco } = await open(format, lang);
      assert.equal(await sco.evaluate(() => window.drillbookHost.mode), "assessment");
      assert.equal(await sco.evaluate(() => window.drillbookHost.lang), lang);
      const { data, scenario, kb } = await simIn(page, sco);
      await procedure(kb, data, scenario);
      await sco.locator("#sim .sim-result .sim-passed").waitFor();
      const attempt = await lastAttempt(sco);
      assert.deepEqual([attempt.finished, attempt.passed, attempt.mistakes, attempt.score], [true, true, 0, 1]);
      assert.deepEqual(await axe(sco), [], "the packaged page with its result, in the LMS frame");
      await close(page);
      const cmi = await page.evaluate(() => window.lmsData());
      const calls = await page.evaluate(() => window.calls);
      assertNoErrors(calls, `${format} ${lang}`);
      if (v12) {
        assert.equal(cmi.core.lesson_status, "passed");
        assert.equal(Number(cmi.core.score.raw), 100);
        assert.equal(Number(cmi.core.score.min), 0);
        assert.equal(Number(cmi.core.score.max), 100);
        assert.equal(cmi.core.exit, "");
        const time = calls.find((c) => c.fn === "LMSSetValue" && c.args[0] === "cmi.core.session_time");
        assert.match(time.args[1], /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
        assert.ok(cmi.suspend_data.length <= 4096);
      } else {
        assert.equal(cmi.completion_status, "completed");
        assert.equal(cmi.success_status, "passed");
        assert.equal(Number(cmi.score.scaled), 1);
        assert.equal(cmi.exit, "normal");
        const time = calls.find((c) => c.fn === "SetValue" && c.args[0] === "cmi.session_time");
        assert.match(time.args[1], /^PT(\d+H)?(\d+M)?[\d.]+S$/);
        assert.deepEqual(Object.keys(cmi.interactions), []);
      }
      // A commit after every status change (incomplete, then passed), one finish.
      const commits = calls.filter((c) => c.fn === (v12 ? "LMSCommit" : "Commit")).length;
      assert.ok(commits >= 2, `${commits} commits`);
      assert.equal(calls.filter((c) => c.fn === (v12 ? "LMSFinish" : "Terminate")).length, 1);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`${format} ${lang}: a keyboard-only attempt with too many refused actions fails, each one recorded`, async () => {
      const { page, problems, sco } = await open(format, lang);
      const { data, scenario, kb } = await simIn(page, sco);
      const allowed = data.assessment["allowed-mistakes"];
      await refuseRemoval(kb, data, scenario, allowed + 1);
      await procedure(kb, data, scenario);
      await sco.locator("#sim .sim-result .sim-failed").waitFor();
      const attempt = await lastAttempt(sco);
      assert.deepEqual([attempt.finished, attempt.passed, attempt.mistakes], [true, false, allowed + 1]);
      await close(page);
      const cmi = await page.evaluate(() => window.lmsData());
      assertNoErrors(await page.evaluate(() => window.calls), `${format} ${lang}`);
      if (v12) {
        assert.equal(cmi.core.lesson_status, "failed");
        assert.equal(Number(cmi.core.score.raw), Math.round(attempt.score * 100));
      } else {
        assert.equal(cmi.completion_status, "completed");
        assert.equal(cmi.success_status, "failed");
        assert.equal(Number(cmi.score.scaled), Number(attempt.score.toFixed(4)));
        const interactions = Object.values(cmi.interactions);
        assert.equal(interactions.length, allowed + 1);
        for (const [i, r] of interactions.entries()) {
          assert.equal(r.type, "other");
          assert.equal(r.result, "incorrect");
          assert.equal(r.id, `urn:drillbook:${scenario.id}:refused:${i}`);
          assert.ok(r.description.includes("remove-relationship") && r.description.includes("active-subscriptions") && r.description.includes("step-suspend"), r.description);
        }
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`${format} ${lang}: an attempt resumes from suspend_data when the LMS launches it again`, async () => {
      const first = await open(format, lang);
      let sim = await simIn(first.page, first.sco);
      await refuseRemoval(sim.kb, sim.data, sim.scenario, 1);
      await first.sco.waitForFunction(() => window.attempts.length === 1);
      await close(first.page);
      const saved = await first.page.evaluate(() => window.lmsData());
      assertNoErrors(await first.page.evaluate(() => window.calls), `${format} ${lang} first session`);
      assert.equal(v12 ? saved.core.lesson_status : saved.completion_status, "incomplete");
      assert.equal(v12 ? saved.core.exit : saved.exit, "suspend");
      assert.ok(saved.suspend_data.length > 0 && saved.suspend_data.length <= 4096);
      await first.page.close();
      // The LMS launches the SCO again with what it kept.
      const data = v12 ? { suspend_data: saved.suspend_data, core: { entry: "resume", lesson_status: "incomplete" } }
        : { suspend_data: saved.suspend_data, entry: "resume", completion_status: "incomplete" };
      const second = await open(format, lang, data);
      sim = await simIn(second.page, second.sco);
      await procedure(sim.kb, sim.data, sim.scenario);
      await second.sco.locator("#sim .sim-result").waitFor();
      const attempt = await lastAttempt(second.sco);
      // The refused action of the first session counts.
      assert.equal(attempt.mistakes, 1);
      assert.equal(attempt.passed, 1 <= sim.data.assessment["allowed-mistakes"]);
      await close(second.page);
      const cmi = await second.page.evaluate(() => window.lmsData());
      assertNoErrors(await second.page.evaluate(() => window.calls), `${format} ${lang} second session`);
      assert.equal(v12 ? cmi.core.lesson_status : cmi.success_status, attempt.passed ? "passed" : "failed");
      if (!v12) assert.equal(Object.keys(cmi.interactions).length, 1, "the first session's refusal, recorded once");
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
    if (lang === "de-DE") {
      await screenshot(page, "package-no-lms-de-DE.png");
      assert.deepEqual(await axe(page), [], "a packaged page without an LMS");
    }
  }
  assert.deepEqual(problems, []);
  await swedish.close();
  assert.equal(notes.size, LOCALES.length, "one note per locale, each in its language");
});
