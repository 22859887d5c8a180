// A cmi5 package against a real Learning Record Store: Ralph (PyPI `ralph-malph`, file-system
// backend) started by this test on 127.0.0.1. The test plays the LMS: it writes
// LMS.LaunchData and the learner's preferences, hands out the auth token at the fetch URL
// (once), sends `launched`, and launches the AU with a cmi5 launch URL in Debian's chromium.
// Ralph stores statements only (no State or Agent Profile API), so the LMS side keeps those
// documents and forwards `statements` to Ralph untouched (the AU's Authorization header is
// what Ralph checks). The attempts are made keyboard-only in the real simulator. Afterwards the statements are read back from Ralph: verbs and order,
// score.scaled against the mastery score, registration, the cmi5 context template; and each
// one is validated with `xapi-validation` (npm).
//
// Ralph runs in `$RALPH_PYTHON` (default `python3`; scripts/test.sh installs
// `ralph-malph[cli,lrs]`), its file-system backend set to append (see `before`).
//
// Run: cargo build && node --test tests/e2e/cmi5.spec.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { launch, watchedPage } from "./lib.mjs";
import { buildPackage, readZip, servePackage, simIn, procedure, refuseRemoval } from "./package-lib.mjs";

const validate = createRequire(import.meta.url)("xapi-validation").default;
const PYTHON = process.env.RALPH_PYTHON || "python3";
const USER = "drillbook-lms";
const PASSWORD = "a-test-password";
const TOKEN = Buffer.from(`${USER}:${PASSWORD}`).toString("base64");
const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const MASTERY = 0.8;

let ralph;
let lrs;
let server;
let context;
let auId;
const states = new Map();
const fetched = new Map();
const preferences = new Map();

const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); }); });

async function lrsFetch(path, init = {}) {
  return fetch(`${lrs}${path}`, { ...init, headers: { Authorization: `Basic ${TOKEN}`, "X-Experience-API-Version": "1.0.3", ...(init.headers || {}) } });
}

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), "drillbook-ralph-"));
  const hash = spawnSync(PYTHON, ["-c", "import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(4)).decode())", PASSWORD], { encoding: "utf8" });
  assert.equal(hash.status, 0, `bcrypt (ralph-malph[lrs]) is missing for ${PYTHON}: ${hash.stderr}`);
  writeFileSync(join(dir, "auth.json"), JSON.stringify([{ agent: { mbox: "mailto:lms@example.org", objectType: "Agent" }, scopes: ["all"], hash: hash.stdout.trim(), username: USER }]));
  const port = await freePort();
  // Ralph's file-system LRS backend writes each POST with operation type INDEX, which
  // refuses a file that exists: only the first POST would be stored. Appending is the
  // backend's own APPEND operation; it is made the default, nothing else changes.
  const serve = [
    "import sys, uvicorn",
    "from ralph.backends.data.base import BaseOperationType",
    "from ralph.backends.data.fs import FSDataBackend",
    "FSDataBackend.default_operation_type = BaseOperationType.APPEND",
    "uvicorn.run('ralph.api:app', host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')",
  ].join("\n");
  ralph = spawn(PYTHON, ["-c", serve, String(port)], {
    cwd: dir,
    env: { ...process.env, RALPH_APP_DIR: dir, RALPH_AUTH_FILE: join(dir, "auth.json"), RALPH_RUNSERVER_BACKEND: "fs", RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: join(dir, "lrs") },
    stdio: ["ignore", "inherit", "inherit"],
  });
  lrs = `http://127.0.0.1:${port}/xAPI`;
  const deadline = Date.now() + 60000;
  for (;;) {
    const up = await lrsFetch("/statements?limit=1").then((r) => r.ok, () => false);
    if (up) break;
    assert.ok(Date.now() < deadline && ralph.exitCode === null, "Ralph did not start");
    await new Promise((ok) => setTimeout(ok, 250));
  }

  const files = readZip(buildPackage("cmi5"));
  const course = files.get("cmi5.xml").toString("utf8");
  auId = course.match(/<au id="([^"]+)"/)[1];
  const key = (q) => ["stateId", "activityId", "agent", "registration"].map((k) => q.get(k)).join("|");
  server = await servePackage(files, {
    "/favicon.ico": (req, res) => { res.writeHead(204); res.end(); },
    // The fetch URL hands out the token once per registration (cmi5 §8.2.3).
    "/fetch": (req, res, body, url) => {
      const reg = url.searchParams.get("registration");
      const n = (fetched.get(reg) || 0) + 1;
      fetched.set(reg, n);
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(n === 1 ? { "auth-token": TOKEN } : { "error-code": "1", "error-text": "already used" }));
    },
    "/xapi/activities/state": (req, res, body, url) => {
      assert.equal(req.headers.authorization, `Basic ${TOKEN}`);
      if (req.method === "GET" && !url.searchParams.has("stateId")) {
        // The ids of the documents of this activity, agent and registration.
        const prefix = `|${["activityId", "agent", "registration"].map((k) => url.searchParams.get(k)).join("|")}`;
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end(JSON.stringify([...states.keys()].filter((k) => k.endsWith(prefix)).map((k) => k.slice(0, -prefix.length))));
      }
      const k = key(url.searchParams);
      if (req.method === "PUT" || req.method === "POST") { states.set(k, body.toString("utf8")); res.writeHead(204); return res.end(); }
      if (!states.has(k)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(states.get(k));
    },
    "/xapi/agents/profile": (req, res, body, url) => {
      assert.equal(req.headers.authorization, `Basic ${TOKEN}`);
      const agent = url.searchParams.get("agent");
      if (url.searchParams.get("profileId") !== "cmi5LearnerPreferences" || !preferences.has(agent)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(preferences.get(agent)));
    },
    "/xapi/statements": async (req, res, body, url) => {
      const answer = await fetch(`${lrs}/statements${url.search}`, {
        method: req.method,
        headers: Object.fromEntries(["authorization", "x-experience-api-version", "content-type"].filter((h) => req.headers[h]).map((h) => [h, req.headers[h]])),
        body: req.method === "GET" ? undefined : body,
      });
      res.writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") || "application/json" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    },
  });
  context = await launch();
});

after(async () => {
  await context?.close();
  await server?.close();
  if (ralph && ralph.exitCode === null) ralph.kill("SIGTERM");
});

/** The LMS side of a launch: registration, LaunchData, preferences, `launched`; the URL. */
async function prepare(languagePreference) {
  const registration = randomUUID();
  const actor = { objectType: "Agent", name: "Test Learner", account: { homePage: "https://lms.example.org", name: `learner-${registration.slice(0, 8)}` } };
  const session = randomUUID();
  const contextTemplate = { contextActivities: { grouping: [{ id: auId.replace(/\/au$/, ""), objectType: "Activity" }] }, extensions: { [SESSION]: session } };
  const q = new URLSearchParams({ stateId: "LMS.LaunchData", activityId: auId, agent: JSON.stringify(actor), registration });
  states.set(["stateId", "activityId", "agent", "registration"].map((k) => q.get(k)).join("|"), JSON.stringify({
    contextTemplate, launchMode: "Normal", launchMethod: "AnyWindow", moveOn: "Passed", masteryScore: MASTERY,
  }));
  preferences.set(JSON.stringify(actor), { languagePreference, audioPreference: "on" });
  const launched = await lrsFetch("/statements", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: randomUUID(), actor, verb: { id: "http://adlnet.gov/expapi/verbs/launched", display: { "en-US": "launched" } }, object: { id: auId, objectType: "Activity" }, timestamp: new Date().toISOString(),
      context: { ...structuredClone(contextTemplate), registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: CMI5, objectType: "Activity" }] }, extensions: { ...contextTemplate.extensions, "https://w3id.org/xapi/cmi5/context/extensions/launchmode": "Normal", "https://w3id.org/xapi/cmi5/context/extensions/moveon": "Passed" } } }),
  });
  assert.equal(launched.status, 200, await launched.text());
  const url = `${server.url}/pkg/index.html?` + new URLSearchParams({
    endpoint: `${server.url}/xapi/`, fetch: `${server.url}/fetch?registration=${registration}`, actor: JSON.stringify(actor), registration, activityId: auId,
  });
  return { url, registration, actor, session };
}

async function statements(registration, until) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const r = await lrsFetch(`/statements?registration=${registration}&ascending=true&limit=100`);
    assert.equal(r.status, 200);
    const list = (await r.json()).statements;
    if (until(list) || Date.now() > deadline) return list;
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

function checkStatements(list, { registration, actor, session }, verbs) {
  // In the order the AU made them (its timestamps strictly increase); Ralph stored them in
  // the same order (a statement never stored before the one it follows).
  list.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  assert.deepEqual(list.map((s) => s.verb.id.split("/").pop()), verbs);
  const stored = list.map((s) => Date.parse(s.stored));
  assert.deepEqual([...stored].sort((a, b) => a - b), stored, "stored in order");
  assert.equal(new Set(list.map((s) => s.timestamp)).size, list.length, "distinct timestamps");
  const problemsOf = (s) => validate(s).map((w) => `${w.path.join(".")}: ${w.name}`);
  // The validator does look: a scaled score out of range is reported.
  assert.notDeepEqual(problemsOf({ ...list[0], result: { score: { scaled: 2 } } }), []);
  for (const s of list) {
    assert.deepEqual(problemsOf(s), [], `${s.verb.id}: ${JSON.stringify(s)}`);
    assert.equal(s.context.registration, registration);
    assert.deepEqual(s.actor.account, actor.account);
    assert.equal(s.object.id, auId);
    assert.equal(s.context.extensions[SESSION], session);
    const categories = s.context.contextActivities.category.map((c) => c.id);
    assert.ok(categories.includes(CMI5), `${s.verb.id}: ${categories}`);
    const verb = s.verb.id.split("/").pop();
    if (["passed", "failed", "completed"].includes(verb)) assert.ok(categories.includes(MOVEON), verb);
    else if (verb !== "launched") assert.ok(!categories.includes(MOVEON), verb);
    if (["passed", "failed", "completed", "terminated"].includes(verb)) assert.match(s.result.duration, /^PT/);
  }
}

test("a keyboard-only passing attempt: initialized, passed (score ≥ mastery), completed, terminated; language from the learner's preference", async () => {
  const launchInfo = await prepare("fr-FR,zh-CN,en-US");
  const { page, problems } = await watchedPage(context);
  await page.goto(launchInfo.url);
  await page.waitForURL("**/pkg/zh-CN/**");
  await page.waitForFunction(() => window.drillbookHost !== undefined);
  assert.equal(await page.evaluate(() => window.drillbookHost.mode), "assessment");
  const { data, scenario, kb } = await simIn(page, page);
  await refuseRemoval(kb, data, scenario, 1);
  await procedure(kb, data, scenario);
  await page.locator("#sim .sim-result .sim-passed").waitFor();
  const attempt = await page.evaluate(() => window.attempts.at(-1));
  assert.equal(attempt.mistakes, 1);
  await page.waitForFunction(() => window.drillbookLms.session.judged);
  const seen = [...problems];
  await page.goto("about:blank");
  const list = await statements(launchInfo.registration, (l) => l.some((s) => s.verb.id.endsWith("/terminated")));
  checkStatements(list, launchInfo, ["launched", "initialized", "passed", "completed", "terminated"]);
  const passed = list.find((s) => s.verb.id.endsWith("/passed"));
  assert.equal(passed.result.score.scaled, Number(attempt.score.toFixed(4)));
  assert.ok(passed.result.score.scaled >= MASTERY);
  assert.equal(passed.result.success, true);
  assert.equal(passed.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], MASTERY);
  assert.equal(list.find((s) => s.verb.id.endsWith("/completed")).result.completion, true);
  assert.equal(fetched.get(launchInfo.registration), 1, "the token is fetched once");
  assert.deepEqual(seen, []);
  await page.close();
});

test("a keyboard-only failing attempt across a language switch: failed with score < mastery, then completed and terminated; progress kept in the State API", async () => {
  const launchInfo = await prepare("ru-RU");
  const { page, problems } = await watchedPage(context);
  await page.goto(launchInfo.url);
  await page.waitForURL("**/pkg/ru-RU/**");
  await page.waitForFunction(() => window.drillbookHost !== undefined);
  let sim = await simIn(page, page);
  const allowed = sim.data.assessment["allowed-mistakes"];
  await refuseRemoval(sim.kb, sim.data, sim.scenario, 1);
  await page.waitForFunction(() => window.attempts.length === 1);
  // Switching language inside the package keeps the session open, and the attempt.
  await page.click('nav.language-switcher a[hreflang="de-DE"]');
  await page.waitForURL("**/pkg/de-DE/**");
  await page.waitForFunction(() => window.drillbookHost !== undefined);
  sim = await simIn(page, page);
  await refuseRemoval(sim.kb, sim.data, sim.scenario, allowed);
  await procedure(sim.kb, sim.data, sim.scenario);
  await page.locator("#sim .sim-result .sim-failed").waitFor();
  const attempt = await page.evaluate(() => window.attempts.at(-1));
  assert.equal(attempt.mistakes, allowed + 1);
  await page.waitForFunction(() => window.drillbookLms.session.judged);
  const saved = [...states.entries()].find(([k]) => k.startsWith("drillbook-suspend|") && k.endsWith(`|${launchInfo.registration}`));
  assert.ok(saved, "suspend data stored in the State API");
  assert.ok(Object.keys(JSON.parse(saved[1])).some((k) => k.endsWith("/attempt")), saved[1]);
  const seen = [...problems];
  await page.goto("about:blank");
  const list = await statements(launchInfo.registration, (l) => l.some((s) => s.verb.id.endsWith("/terminated")));
  checkStatements(list, launchInfo, ["launched", "initialized", "failed", "completed", "terminated"]);
  const failed = list.find((s) => s.verb.id.endsWith("/failed"));
  assert.equal(failed.result.score.scaled, Number(attempt.score.toFixed(4)));
  assert.ok(failed.result.score.scaled < MASTERY);
  assert.equal(failed.result.success, false);
  assert.deepEqual(seen, []);
  await page.close();
});
