// drillbook: the simulator's assessment mode (an ES module): the score rule, the saved
// attempt and the result view (score, mastery score, mistakes with the article step each one
// broke, time, and the retry and practise links). `sim.js` imports it only when assessment
// mode starts, so a page in practice never fetches it. Every string comes from the
// simulator's JSON (`data.text`, `data.assessment.text`).

import { allActions, apply, canonical, evaluate } from './sim-model.js';
import { button, h } from './sim.js';

// ---------------------------------------------------------------------------------------
// The score rule (mirrors src/sim/score.rs) and the replay of an attempt.

const has = (obj, key) => obj != null && typeof obj === 'object' && Object.hasOwn(obj, key);

const STEP_OF = {
  'suspend-subscription': 'no-active-subscriptions', 'reactivate-subscription': 'no-active-subscriptions',
  'cancel-reservation': 'no-active-reservations', 'cancel-software': 'no-active-software',
  'remove-relationship': 'relationship-removed',
};
const FIXED_BY = { 'active-subscriptions': 'no-active-subscriptions', 'active-reservations': 'no-active-reservations', 'active-software': 'no-active-software' };

/** `{refused, unnecessary, reason, step}` of one action. Mirrors `sim::judge`. */
export function judge(goal, action, outcome) {
  const kind = action && action.action;
  const own = has(STEP_OF, kind) ? STEP_OF[kind] : null;
  if (!outcome.ok) {
    const fix = outcome.reasons.map((r) => (has(FIXED_BY, r.reason) ? FIXED_BY[r.reason] : null)).find(Boolean);
    return { refused: true, unnecessary: false, reason: outcome.reasons.length ? outcome.reasons[0].reason : null, step: fix || own };
  }
  const unnecessary = action.customer !== goal.customer || kind === 'reactivate-subscription' || kind === 'purchase';
  return { refused: false, unnecessary, reason: null, step: unnecessary ? own : null };
}

/** `{score, mistakes, passed}`; same operations as `sim::score`, so the same number. */
export function score(rule, judged, goalReached) {
  const mistakes = judged.filter((j) => j.refused || j.unnecessary).length;
  const m = rule['mastery-score'];
  const a = rule['allowed-mistakes'];
  const passed = goalReached && mistakes <= a;
  let value = 0;
  if (goalReached) value = passed ? 1 - mistakes * (1 - m) / (a + 1) : m * (a + 1) / (mistakes + 1);
  return { score: value, mistakes, passed };
}

/** Replays an attempt up to the goal. Mirrors `sim::assess`. */
export function replayAttempt(scenario, actions) {
  const { customer, condition } = scenario.goal;
  let state = scenario.initial;
  let goalReached = evaluate(state.customers[customer], condition);
  const judged = [];
  for (const action of actions) {
    if (goalReached) break;
    const outcome = apply(state, action);
    judged.push({ action, ...judge(scenario.goal, action, outcome) });
    if (outcome.ok) state = outcome.state;
    goalReached = evaluate(state.customers[customer], condition);
  }
  return { state, judged, goalReached };
}

// ---------------------------------------------------------------------------------------
// The attempt in storage (the host's, or localStorage) under one small key.

export const attemptKey = (data) => `${data['storage-key']}/attempt`;

/** `{s, a, t, e, x}`: scenario, `allActions` indices joined by `.`, start, elapsed ms, ended. */
export function saveAttempt(storage, data, scenario, attempt) {
  const all = allActions(scenario.initial).map(canonical);
  const a = attempt.actions.map((x) => all.indexOf(canonical(x))).join('.');
  try {
    storage.setItem(attemptKey(data), JSON.stringify({ s: scenario.id, a, t: attempt.t0, e: attempt.elapsed, x: attempt.ended ? 1 : 0 }));
  } catch { /* storage full or unavailable: the attempt lives for this page view only */ }
}

/** The stored attempt, or null (a damaged record is removed). */
export function loadAttempt(storage, data, scenarios) {
  const key = attemptKey(data);
  try {
    const raw = storage.getItem(key);
    if (raw == null) return null;
    const saved = JSON.parse(raw);
    const scenario = scenarios.find((s) => saved && s.id === saved.s);
    const numbers = [saved && saved.t, saved && saved.e].every((n) => Number.isSafeInteger(n) && n >= 0);
    if (!scenario || !numbers || typeof saved.a !== 'string' || ![0, 1].includes(saved.x)) throw new Error('invalid');
    const all = allActions(scenario.initial);
    const indices = saved.a === '' ? [] : saved.a.split('.');
    if (indices.length > 1000 || !indices.every((i) => /^\d+$/.test(i) && Number(i) < all.length)) throw new Error('invalid');
    return { scenario: scenario.id, actions: indices.map((i) => all[Number(i)]), t0: saved.t, elapsed: saved.e, ended: saved.x === 1 };
  } catch {
    try { storage.removeItem(key); } catch { /* storage unavailable */ }
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// The attempt at the scenario `current()` returns (`mount` keeps one in assessment mode)

/** Replayed from its actions, saved after each change and reported after each change to
 * the host (`onAttempt`) and the page (event `drillbook:sim-attempt`). `resumed` is the stored
 * attempt (`loadAttempt`) or null. */
export function attempt({ data, rule, storage, host, section }, current, resumed) {
  let a = resumed ? { ...resumed, since: Date.now() } : null;
  let focus = false;
  const played = () => {
    const scenario = current();
    if (!a || a.scenario !== scenario.id) a = { scenario: scenario.id, actions: [], t0: Date.now(), elapsed: 0, ended: false, since: Date.now() };
    return replayAttempt(scenario, a.actions);
  };
  const finished = () => a && (a.ended || played().goalReached);
  const elapsed = () => a.elapsed + (a.since === null ? 0 : Date.now() - a.since);
  const anchor = (condition) => (condition && current().steps[condition] ? current().steps[condition].slice(1) : null);

  /** The attempt as `onAttempt` receives it (the host contract in ARCHITECTURE.md). */
  function report() {
    const p = played();
    const r = score(rule, p.judged, p.goalReached);
    return {
      scenario: current().id, mode: 'assessment',
      actions: p.judged.map((j) => ({ action: j.action, refused: j.refused, unnecessary: j.unnecessary, reason: j.reason, step: anchor(j.step), condition: j.step })),
      startedAt: new Date(a.t0).toISOString(), elapsedMs: elapsed(), goalReached: p.goalReached, finished: Boolean(finished()),
      score: r.score, mistakes: r.mistakes, passed: r.passed, masteryScore: rule['mastery-score'],
    };
  }

  function record() {
    if (finished() && a.since !== null) {
      a.elapsed = elapsed();
      a.since = null;
      focus = true;
    }
    saveAttempt(storage, data, current(), { ...a, elapsed: elapsed() });
    const detail = report();
    if (host && typeof host.onAttempt === 'function') {
      try { host.onAttempt(detail); } catch { /* not the page's failure */ }
    }
    section.dispatchEvent(new CustomEvent('drillbook:sim-attempt', { bubbles: true, detail }));
  }

  // A finished attempt resumed on load: its clock stays stopped.
  if (finished()) a.since = null;
  return {
    state: () => played().state,
    judged: () => played().judged,
    finished,
    report,
    /** Records `action` (false when the attempt is over). */
    act(action) {
      if (finished()) return false;
      a.actions.push(action);
      record();
      return true;
    },
    end() {
      if (finished()) return;
      a.ended = true;
      record();
    },
    /** Another attempt (at the scenario now current). */
    restart() {
      a = null;
      played();
      saveAttempt(storage, data, current(), a);
    },
    /** Whether the result just appeared (its heading takes the focus once). */
    takeFocus() {
      const was = focus;
      focus = false;
      return was;
    },
  };
}

// ---------------------------------------------------------------------------------------
// The result view

const LIST_OF = { 'suspend-subscription': 'subscriptions', 'reactivate-subscription': 'subscriptions', 'cancel-reservation': 'reservations', 'cancel-software': 'software' };

/** Returns `(scenario, r, judged, customerOf) => nodes`: the result section's children for
 * the report `r` (see `mount`'s `report`) and the attempt's judged actions. */
export function resultView(data, rule) {
  const { text } = data;
  const percent = new Intl.NumberFormat(data.locale, { style: 'percent', maximumFractionDigits: 0 });
  // Rounded down: a failing score never shows as the mastery score.
  const pct = (x) => percent.format(Math.floor(x * 100 + 1e-9) / 100);
  const clock = (ms) => {
    const sec = Math.round(ms / 1000);
    return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
  };

  return (scenario, r, judged, customerOf) => {
    const row = (label, ...value) => [h('dt', { text: label }), h('dd', {}, ...value)];
    const mistakes = judged.filter((j) => j.refused || j.unnecessary).map((j) => {
      const c = customerOf(j.action.customer);
      const list = LIST_OF[j.action.action];
      const item = c && list && c[list].find((x) => x.id === j.action.item);
      const kind = data.actions.find((a) => a.id === j.action.action);
      const href = j.step && scenario.steps[j.step];
      return h('li', {},
        h('strong', { class: 'sim-verdict', text: text[j.refused ? 'sim-result-refused' : 'sim-result-unnecessary'] }),
        h('span', { class: 'sim-what', text: kind ? kind.label : j.action.action }),
        c ? h('span', { class: 'sim-object', text: c.name }) : null, item ? h('span', { class: 'sim-object', text: item.name }) : null,
        h('span', { class: 'sim-step' }, ...(href ? [text['sim-result-step'], h('a', { href, text: text['sim-fix'][j.step] })] : [text['sim-result-no-step']])));
    });
    return [
      h('h3', { id: 'sim-result-title', tabindex: '-1', 'data-key': 'result', text: text['sim-result-title'] }),
      h('p', { class: r.passed ? 'sim-passed' : 'sim-failed' }, h('strong', { text: text[r.passed ? 'sim-result-passed' : 'sim-result-failed'] })),
      r.goalReached ? null : h('p', { text: text['sim-result-goal-not-reached'] }),
      h('dl', {}, row(text['sim-result-score'], pct(r.score)), row(text['sim-result-mastery'], pct(r.masteryScore)),
        row(text['sim-result-mistakes'], String(r.mistakes), h('span', { class: 'sim-allowed', text: rule.text['sim-result-allowed'] })),
        row(text['sim-result-time'], clock(r.elapsedMs))),
      h('h4', { text: text['sim-result-mistakes-title'] }),
      mistakes.length ? h('ul', { class: 'sim-mistakes' }, mistakes) : h('p', { text: text['sim-result-no-mistakes'] }),
      h('p', { class: 'sim-actions' }, button(text['sim-result-retry'], { 'data-cmd': 'retry', 'data-key': 'retry' }),
        h('a', { href: '?mode=practice#sim', 'data-cmd': 'mode', 'data-mode': 'practice', 'data-key': 'practise', text: text['sim-result-practise'] })),
    ];
  };
}
