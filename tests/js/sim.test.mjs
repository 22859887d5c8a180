// The simulator's equivalence proof, JS half: replays the traces the Rust reference model
// wrote (tests/sim_traces.rs) through the runtime in assets/sim.js and fails on any
// difference in outcome, state, conditions or enabled actions.
//
// Run: cargo test --test sim_traces && node --test tests/js/
// (When the generated files are missing, this suite runs the cargo test itself.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  ACTION_KINDS, CONDITIONS, allActions, apply, canonical, conditions, enabledActions, isValidState,
  loadProgress, memoryStorage, named, saveProgress,
} from '../../assets/sim.js';
import { attemptKey, judge, loadAttempt, replayAttempt, saveAttempt, score } from '../../assets/sim-assess.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.DRILLBOOK_SIM_DIR || join(root, 'target', 'drillbook-sim');
const LOCALES = ['en-US', 'de-DE', 'nl-NL', 'sv-SE', 'zh-CN', 'ru-RU'];

if (!['traces.json', 'data-de-DE.json', 'named-de-DE.json'].every((f) => existsSync(join(dir, f)))) {
  const run = spawnSync('cargo', ['test', '--quiet', '--test', 'sim_traces'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('cargo test --test sim_traces failed: cannot generate the traces');
}

const traces = JSON.parse(readFileSync(join(dir, 'traces.json'), 'utf8'));
const data = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(dir, `data-${l}.json`), 'utf8'))]));
const expected = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(dir, `named-${l}.json`), 'utf8'))]));
const d = data['de-DE'];
const scenario = d.scenarios.find((s) => s.id === 'azure-ri-reservation');
traces.goals = Object.fromEntries(d.scenarios.map((s) => [s.id, s.goal]));

test('the JS runtime replays every Rust trace with identical results', () => {
  assert.ok(traces.traces.length >= 1000, `only ${traces.traces.length} traces`);
  let steps = 0;
  for (const [t, trace] of traces.traces.entries()) {
    let state = structuredClone(trace.initial);
    for (const [i, step] of trace.steps.entries()) {
      const where = `trace ${t} (${trace.scenario}) step ${i}: ${canonical(step.action)}`;
      const before = canonical(state);
      const outcome = apply(state, step.action);
      assert.equal(canonical(state), before, `${where}: apply mutated its input`);
      const got = outcome.ok ? { ok: true } : { ok: false, reasons: outcome.reasons };
      assert.equal(canonical(got), canonical(step.outcome), `${where}: outcome`);
      if (outcome.ok) state = outcome.state;
      assert.equal(canonical(state), canonical(step.state), `${where}: state`);
      assert.equal(canonical(conditions(state)), canonical(step.conditions), `${where}: conditions`);
      assert.equal(canonical(enabledActions(state)), canonical(step.enabled), `${where}: enabled actions`);
      steps += 1;
    }
  }
  assert.equal(steps, traces.steps);
});

test('the JS score rule judges and scores every Rust trace identically', () => {
  let scored = 0;
  for (const [t, trace] of traces.traces.entries()) {
    const scenario = { initial: trace.initial, goal: traces.goals[trace.scenario] };
    let state = structuredClone(trace.initial);
    const judged = [];
    for (const [i, step] of trace.steps.entries()) {
      const where = `trace ${t} (${trace.scenario}) step ${i}: ${canonical(step.action)}`;
      const outcome = apply(state, step.action);
      judged.push(judge(scenario.goal, step.action, outcome));
      if (outcome.ok) state = outcome.state;
      assert.equal(canonical(judged.at(-1)), canonical(step.judged), `${where}: judged`);
      const reached = conditions(state)[scenario.goal.customer][scenario.goal.condition];
      // Numbers compared as numbers: the same double prints as 1.0 in Rust and 1 in JS.
      assert.equal(canonical(score(trace.rule, judged, reached)), canonical(step.score), `${where}: score`);
      scored += 1;
    }
    const attempt = replayAttempt(scenario, trace.steps.map((s) => s.action));
    const got = { judged: attempt.judged.map(({ action, ...j }) => j), 'goal-reached': attempt.goalReached, result: score(trace.rule, attempt.judged, attempt.goalReached) };
    assert.equal(canonical(got), canonical(trace.attempt), `trace ${t}: attempt`);
  }
  assert.equal(scored, traces.steps);
});

test('an attempt round-trips through storage compactly, and a damaged one is dropped', () => {
  const scenarios = d.scenarios;
  const s = scenarios.find((x) => x.id === 'everything-at-once');
  const all = allActions(s.initial);
  const actions = Array.from({ length: 60 }, (_, i) => all[(i * 7) % all.length]);
  const storage = memoryStorage();
  saveAttempt(storage, d, s, { actions, t0: 1765000000000, elapsed: 93000, ended: false });
  const raw = storage.getItem(attemptKey(d));
  assert.ok(raw.length < 400, `${raw.length} characters for 60 actions`);
  const back = loadAttempt(storage, d, scenarios);
  assert.deepEqual(back, { scenario: s.id, actions, t0: 1765000000000, elapsed: 93000, ended: false });
  for (const bad of ['{', 'null', JSON.stringify({ s: s.id, a: '999', t: 1, e: 0, x: 0 }), JSON.stringify({ s: 'nope', a: '', t: 1, e: 0, x: 0 }),
    JSON.stringify({ s: s.id, a: '1.x', t: 1, e: 0, x: 0 }), JSON.stringify({ s: s.id, a: '', t: -1, e: 0, x: 0 })]) {
    storage.setItem(attemptKey(d), bad);
    assert.equal(loadAttempt(storage, d, scenarios), null, bad);
    assert.equal(storage.getItem(attemptKey(d)), null, bad);
  }
});

test('condition and action ids match the ones Rust exports', () => {
  for (const locale of LOCALES) {
    assert.deepEqual(data[locale].conditions.map((c) => c.id), CONDITIONS);
    assert.deepEqual(data[locale].actions.map((a) => a.id), ACTION_KINDS);
  }
});

test('every string the runtime looks up exists in every locale', () => {
  for (const locale of LOCALES) {
    const d = data[locale];
    const nonEmpty = (value, where) => assert.ok(typeof value === 'string' && value.length > 0, `${locale}: ${where}`);
    for (const key of ['partner-center', 'customers', 'subscriptions', 'suspended', 'active', 'account',
      'remove-reseller-relationship', 'azure-reservations', 'software', 'cancelled', 'cancel-reservation',
      'cancel-purchase', 'add-subscription', 'remove', 'cancel', 'status', 'quantity']) nonEmpty(d.ui[key], `ui.${key}`);
    for (const c of CONDITIONS) nonEmpty(d.text['sim-fix'][c], `sim-fix.${c}`);
    for (const key of ['sim-mode-label', 'sim-mode-practice', 'sim-mode-assessment', 'sim-assess-refused', 'sim-assess-finish',
      'sim-assess-not-recorded', 'sim-assess-recorded', 'sim-result-title', 'sim-result-passed', 'sim-result-failed', 'sim-result-score',
      'sim-result-mastery', 'sim-result-mistakes', 'sim-result-time', 'sim-result-goal-not-reached', 'sim-result-mistakes-title',
      'sim-result-no-mistakes', 'sim-result-refused', 'sim-result-unnecessary', 'sim-result-step', 'sim-result-no-step',
      'sim-result-practise', 'sim-result-retry']) nonEmpty(d.text[key], `text.${key}`);
    for (const key of ['sim-assess-intro', 'sim-result-allowed']) nonEmpty(d.assessment.text[key], `assessment.text.${key}`);
    assert.match(d.assessment.text['sim-result-allowed'], new RegExp(`\\b${d.assessment['allowed-mistakes']}\\b`), `${locale}: the rule's number`);
    for (const id of d.assessment.scenarios) assert.ok(d.scenarios.some((s) => s.id === id), `${locale}: assessed scenario ${id}`);
    for (const s of d.scenarios) {
      for (const id of ['title', 'brief']) nonEmpty(s[id], `${s.id}.${id}`);
      for (let n = 0; n <= s.customers.length; n += 1) nonEmpty(d.text['sim-customers-count'][n], `${s.id} count ${n}`);
      for (const fix of Object.values(d.fixes)) assert.match(s.steps[fix], /^#[a-z0-9-]+$/, `${s.id} step for ${fix}`);
      for (const c of s.customers) {
        for (const sub of c.subscriptions) nonEmpty(d.text['sim-quantity-licenses'][sub.quantity], `${s.id}/${c.id}/${sub.id} quantity`);
        for (const x of c.software) nonEmpty(d.text['sim-quantity-licenses'][x.quantity], `${s.id}/${c.id}/${x.id} quantity`);
        for (const x of c.reservations) nonEmpty(d.text['sim-quantity-instances'][x.quantity], `${s.id}/${c.id}/${x.id} quantity`);
      }
    }
  }
});

// The JSON sends each name-bearing message once, with a sentinel for the name; the build
// wrote what Fluent formats with every real name (tests/sim_traces.rs), and the runtime's
// fill must give exactly that, for every scenario, customer, item and count.
test('every name-bearing string the runtime fills in is the one Fluent formats with the name', () => {
  for (const locale of LOCALES) {
    const d = data[locale];
    assert.ok(expected[locale].length > 100, `${locale}: ${expected[locale].length} strings`);
    for (const e of expected[locale]) {
      const [sid, cid, list, iid] = e.at;
      const c = d.scenarios.find((x) => x.id === sid).customers.find((x) => x.id === cid);
      const own = list ? c[list].find((x) => x.id === iid) : c;
      const count = e.count === null ? undefined : String(e.count);
      assert.equal(named(d, own, e.id, e.kind, count), e.text, `${locale} ${e.at.join('/')} ${e.id} ${e.count}`);
    }
  }
});

test('a string the build sent for one name wins over the template', () => {
  const s = structuredClone(d.scenarios[0]);
  const c = s.customers[0];
  assert.notEqual(named(d, c, 'sim-confirm-title', 'customer'), 'X');
  c.text = { 'sim-confirm-title': 'X', 'sim-remove-inactive': { 1: 'Y' } };
  assert.equal(named(d, c, 'sim-confirm-title', 'customer'), 'X');
  assert.equal(named(d, c, 'sim-remove-inactive', 'customer', '1'), 'Y');
  assert.equal(named(d, c, 'sim-confirm-body', 'customer').includes(c.name), true, 'others from the template');
  c.text['sim-confirm-title'] = '';
  assert.equal(named(d, c, 'sim-confirm-title', 'customer'), '', 'an empty text is a text');
  // A name is text: `$&` and friends are not replacement patterns, and a sentinel inside a
  // name is not filled again.
  for (const odd of ['$&', '$customer', "$'x$`"]) {
    const [before, after] = d.text['sim-confirm-title'].split('$customer');
    assert.equal(named(d, { name: odd }, 'sim-confirm-title', 'customer'), before + odd + after, odd);
  }
});

test('ru-RU strings use the CLDR plural forms Fluent chose at build time', () => {
  const ru = data['ru-RU'];
  const s = ru.scenarios.find((x) => x.id === 'several-customers');
  assert.equal(ru.text['sim-customers-count']['1'], '1 клиент');
  assert.equal(ru.text['sim-customers-count']['2'], '2 клиента');
  assert.equal(ru.text['sim-customers-count']['0'], '0 клиентов');
  const litware = s.customers.find((c) => c.id === 'litware');
  assert.equal(named(ru, litware, 'sim-reason-active-subscriptions', 'customer', '2'), 'У клиента Litware, Inc. еще 2 активные подписки.');
});


test('saved progress round-trips', () => {
  const storage = memoryStorage();
  const state = apply(scenario.initial, { action: 'purchase', customer: 'fabrikam' }).state;
  saveProgress(storage, d, scenario.id, { [scenario.id]: { state, history: [scenario.initial] } });
  const loaded = loadProgress(storage, d);
  assert.equal(loaded.discarded, false);
  assert.equal(loaded.current, scenario.id);
  assert.deepEqual(loaded.progress[scenario.id].state, state);
});

test('corrupt, foreign-shaped or old saved progress is discarded with a notice, never thrown', () => {
  const key = d['storage-key'];
  const bad = [
    '{not json',
    'null',
    '42',
    JSON.stringify({ version: 0, scenario: scenario.id, progress: {} }),
    JSON.stringify({ version: 1, scenario: scenario.id, progress: { 'no-such-scenario': { state: {}, history: [] } } }),
    JSON.stringify({ version: 1, scenario: scenario.id, progress: { [scenario.id]: { state: { customers: {} }, history: [] } } }),
    JSON.stringify({ version: 1, scenario: scenario.id, progress: { [scenario.id]: { state: scenario.initial, history: 'x' } } }),
    JSON.stringify({ version: 1, scenario: scenario.id, progress: { [scenario.id]: { state: scenario.initial, history: [{ customers: null }] } } }),
  ];
  for (const raw of bad) {
    const storage = memoryStorage();
    storage.setItem(key, raw);
    const loaded = loadProgress(storage, d);
    assert.equal(loaded.discarded, true, raw);
    assert.deepEqual(loaded.progress, {}, raw);
    assert.equal(storage.getItem(key), null, raw);
  }
  const storage = memoryStorage();
  storage.setItem(`drillbook-sim/v0/${d.set}`, '{}');
  storage.setItem('unrelated', 'kept');
  assert.equal(loadProgress(storage, d).discarded, true);
  assert.equal(storage.getItem(`drillbook-sim/v0/${d.set}`), null);
  assert.equal(storage.getItem('unrelated'), 'kept');
  assert.equal(loadProgress(memoryStorage(), d).discarded, false);
});

test('states the rules cannot reach are not accepted from storage', () => {
  const state = structuredClone(scenario.initial);
  assert.equal(isValidState(scenario, state), true);
  state.customers.fabrikam.relationship = 'removed';
  assert.equal(isValidState(scenario, state), false, 'removed with active subscriptions');
  const paused = structuredClone(scenario.initial);
  paused.customers.fabrikam.subscriptions['azure-plan'] = 'paused';
  assert.equal(isValidState(scenario, paused), false, 'undeclared status');
  const extra = structuredClone(scenario.initial);
  extra.customers.fabrikam.extra = 1;
  assert.equal(isValidState(scenario, extra), false, 'undeclared field');
});

test('unknown actions and customers are refused without throwing', () => {
  assert.deepEqual(apply(scenario.initial, { action: 'explode', customer: 'fabrikam' }), { ok: false, reasons: [{ reason: 'unknown-action' }] });
  assert.deepEqual(apply(scenario.initial, { action: 'purchase', customer: '__proto__' }), { ok: false, reasons: [{ reason: 'unknown-customer' }] });
  assert.deepEqual(apply(scenario.initial, null), { ok: false, reasons: [{ reason: 'unknown-customer' }] });
  assert.equal(allActions(scenario.initial).length, 5); // suspend, reactivate, cancel, remove, purchase
});

test('sim.js and sim.css together stay within 15 KB gzipped', () => {
  const bytes = Buffer.concat(['sim.js', 'sim.css'].map((f) => readFileSync(join(root, 'assets', f))));
  const size = gzipSync(bytes, { level: 9 }).length;
  assert.ok(size <= 15 * 1024, `${size} bytes gzipped`);
});

test('the runtime has no user-visible text of its own and no inline styles', () => {
  const js = readFileSync(join(root, 'assets', 'sim.js'), 'utf8');
  assert.doesNotMatch(js, /\.style\b|setAttribute\('style'|innerHTML/);
  // Text nodes come only from the data: the only string literals passed as children are none.
  assert.doesNotMatch(js, /h\([^)]*\{[^}]*text: '[^']+'/);
});
