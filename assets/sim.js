// drillbook: the Partner Center simulator's browser runtime (an ES module, no dependencies).
//
// Two parts. The pure state machine (exported; `node --test tests/js/` imports it and
// replays the traces the Rust reference model generated) and the DOM view (`mount`), which
// reads the JSON the build embeds in <script type="application/json" id="drillbook-sim-data">.
// Every string shown comes from that JSON, formatted at build time with Fluent: this file
// contains no user-visible text. The rules mirror src/sim/model.rs; the trace test proves it.

// ---------------------------------------------------------------------------------------
// Pure state machine (same ids and check order as the Rust model)

export const CONDITIONS = [
  'no-active-subscriptions', 'no-active-reservations', 'no-active-software', 'removal-allowed',
  'relationship-removed', 'not-in-customer-list', 'no-delegated-admin', 'not-support-contact',
  'purchases-refused',
];

export const ACTION_KINDS = [
  'suspend-subscription', 'reactivate-subscription', 'cancel-reservation', 'cancel-software',
  'remove-relationship', 'purchase',
];

const LISTS = ['subscriptions', 'reservations', 'software'];
const has = (obj, key) => obj != null && typeof obj === 'object' && Object.hasOwn(obj, key);
const sortedKeys = (obj) => Object.keys(obj).sort();
const countActive = (map) => Object.values(map).filter((s) => s === 'active').length;

/** Applies `action` to `state`: `{ok: true, state}` or `{ok: false, reasons}`. Never throws
 * on well-formed state; never mutates its arguments. */
export function apply(state, action) {
  const reject = (...reasons) => ({ ok: false, reasons });
  const id = action && action.customer;
  if (!has(state.customers, id)) return reject({ reason: 'unknown-customer' });
  const customer = state.customers[id];
  const removed = customer.relationship === 'removed';
  const next = structuredClone(customer);
  switch (action.action) {
    case 'suspend-subscription':
    case 'reactivate-subscription': {
      const suspend = action.action === 'suspend-subscription';
      if (!has(customer.subscriptions, action.item)) return reject({ reason: 'unknown-item' });
      if (removed) return reject({ reason: 'relationship-removed' });
      const status = customer.subscriptions[action.item];
      if (suspend && status === 'suspended') return reject({ reason: 'already-suspended' });
      if (!suspend && status === 'active') return reject({ reason: 'already-active' });
      next.subscriptions[action.item] = suspend ? 'suspended' : 'active';
      break;
    }
    case 'cancel-reservation':
    case 'cancel-software': {
      const list = action.action === 'cancel-reservation' ? 'reservations' : 'software';
      if (!has(customer[list], action.item)) return reject({ reason: 'unknown-item' });
      if (removed) return reject({ reason: 'relationship-removed' });
      if (customer[list][action.item] === 'cancelled') return reject({ reason: 'already-cancelled' });
      next[list][action.item] = 'cancelled';
      break;
    }
    case 'remove-relationship': {
      if (removed) return reject({ reason: 'relationship-removed' });
      const reasons = [];
      const counts = [
        ['active-subscriptions', countActive(customer.subscriptions)],
        ['active-reservations', countActive(customer.reservations)],
        ['active-software', countActive(customer.software)],
      ];
      for (const [reason, count] of counts) if (count > 0) reasons.push({ reason, count });
      if (reasons.length) return reject(...reasons);
      next.relationship = 'removed';
      next['delegated-admin'] = false;
      next['support-contact'] = false;
      break;
    }
    case 'purchase':
      if (removed) return reject({ reason: 'relationship-removed' });
      break;
    default:
      return reject({ reason: 'unknown-action' });
  }
  return { ok: true, state: { customers: { ...state.customers, [id]: next } } };
}

/** One condition for one customer's state. */
export function evaluate(customer, condition) {
  const removed = customer.relationship === 'removed';
  const subs = countActive(customer.subscriptions);
  const res = countActive(customer.reservations);
  const sw = countActive(customer.software);
  switch (condition) {
    case 'no-active-subscriptions': return subs === 0;
    case 'no-active-reservations': return res === 0;
    case 'no-active-software': return sw === 0;
    case 'removal-allowed': return !removed && subs + res + sw === 0;
    case 'relationship-removed': return removed;
    case 'not-in-customer-list': return removed;
    case 'no-delegated-admin': return !customer['delegated-admin'];
    case 'not-support-contact': return !customer['support-contact'];
    case 'purchases-refused': return removed;
    default: return false;
  }
}

/** Every condition of every customer: `{customerId: {conditionId: bool}}`. */
export function conditions(state) {
  const out = {};
  for (const id of sortedKeys(state.customers)) {
    out[id] = {};
    for (const c of CONDITIONS) out[id][c] = evaluate(state.customers[id], c);
  }
  return out;
}

/** Every action naming an existing customer and item, in the Rust model's order. */
export function allActions(state) {
  const out = [];
  for (const customer of sortedKeys(state.customers)) {
    const c = state.customers[customer];
    for (const item of sortedKeys(c.subscriptions)) {
      out.push({ action: 'suspend-subscription', customer, item });
      out.push({ action: 'reactivate-subscription', customer, item });
    }
    for (const item of sortedKeys(c.reservations)) out.push({ action: 'cancel-reservation', customer, item });
    for (const item of sortedKeys(c.software)) out.push({ action: 'cancel-software', customer, item });
    out.push({ action: 'remove-relationship', customer });
    out.push({ action: 'purchase', customer });
  }
  return out;
}

export function enabledActions(state) {
  return allActions(state).filter((a) => apply(state, a).ok);
}

/** JSON with object keys sorted: equal values give equal strings. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${sortedKeys(value).map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const STATUS = { subscriptions: ['active', 'suspended'], reservations: ['active', 'cancelled'], software: ['active', 'cancelled'] };
const sameKeys = (a, b) => canonical(sortedKeys(a)) === canonical(sortedKeys(b));

/** Whether `state` is a state of `scenario`: the same ids, declared statuses only, and a
 * removed relationship leaves nothing active (the only states the rules can reach). */
export function isValidState(scenario, state) {
  const initial = scenario.initial.customers;
  if (!state || typeof state !== 'object' || !sameKeys(state, { customers: 0 })) return false;
  const customers = state.customers;
  if (!customers || typeof customers !== 'object' || Array.isArray(customers) || !sameKeys(customers, initial)) return false;
  return Object.keys(initial).every((id) => {
    const c = customers[id];
    if (!c || typeof c !== 'object' || Array.isArray(c) || !sameKeys(c, initial[id])) return false;
    if (!['active', 'removed'].includes(c.relationship)) return false;
    if (typeof c['delegated-admin'] !== 'boolean' || typeof c['support-contact'] !== 'boolean') return false;
    for (const list of LISTS) {
      const map = c[list];
      if (!map || typeof map !== 'object' || Array.isArray(map) || !sameKeys(map, initial[id][list])) return false;
      if (!Object.values(map).every((s) => STATUS[list].includes(s))) return false;
    }
    if (c.relationship === 'removed') {
      return LISTS.every((l) => countActive(c[l]) === 0) && !c['delegated-admin'] && !c['support-contact'];
    }
    // Admin privileges and the support-contact entry only ever go away on removal.
    const init = initial[id];
    return c['delegated-admin'] === init['delegated-admin'] && c['support-contact'] === init['support-contact'];
  });
}

const MAX_HISTORY = 100;

/** Reads saved progress. Returns `{progress, discarded}`: `progress` maps scenario ids to
 * `{state, history}`; `discarded` is true when damaged or old data was found (and removed). */
export function loadProgress(storage, data) {
  const key = data['storage-key'];
  let discarded = false;
  const remove = (k) => { try { storage.removeItem(k); } catch { /* storage unavailable */ } };
  try {
    // Saved progress of other versions of the same set is old: drop it.
    const prefix = 'drillbook-sim/v';
    const suffix = `/${data.set}`;
    for (let i = storage.length - 1; i >= 0; i -= 1) {
      const k = storage.key(i);
      if (k && k !== key && k.startsWith(prefix) && k.endsWith(suffix)) { remove(k); discarded = true; }
    }
    const raw = storage.getItem(key);
    if (raw == null) return { progress: {}, current: null, discarded };
    const saved = JSON.parse(raw);
    const progress = {};
    if (!saved || saved.version !== data.version || typeof saved.progress !== 'object' || saved.progress === null) throw new Error('old');
    for (const [id, entry] of Object.entries(saved.progress)) {
      const scenario = data.scenarios.find((s) => s.id === id);
      if (!scenario || !entry || !isValidState(scenario, entry.state) || !Array.isArray(entry.history)
        || entry.history.length > MAX_HISTORY || !entry.history.every((s) => isValidState(scenario, s))) throw new Error('invalid');
      progress[id] = { state: entry.state, history: entry.history };
    }
    const current = data.scenarios.some((s) => s.id === saved.scenario) ? saved.scenario : null;
    return { progress, current, discarded };
  } catch {
    remove(key);
    return { progress: {}, current: null, discarded: true };
  }
}

export function saveProgress(storage, data, current, progress) {
  try {
    storage.setItem(data['storage-key'], JSON.stringify({ version: data.version, scenario: current, progress }));
  } catch { /* storage full or unavailable: progress lives for this page view only */ }
}

// ---------------------------------------------------------------------------------------
// Assessment: the score rule (mirrors src/sim/score.rs) and the compact attempt record.

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
// DOM view

function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
  }
  return el;
}

const button = (label, props) => h('button', { type: 'button', ...props }, label);

const TABS = ['account', 'subscriptions', 'reservations', 'software'];
const TAB_LABEL = { account: 'account', subscriptions: 'subscriptions', reservations: 'azure-reservations', software: 'software' };
const PILL = { active: 'active', suspended: 'suspended', cancelled: 'cancelled' };

/** Builds the simulator inside `section` from `data` (the parsed JSON). `options`:
 * `refusals: false` shows a refused action without its reasons and fixes; `history: false`
 * hides Undo and Start over (assessment mode switches both off); `mode: 'assessment'` (when
 * the data has an `assessment`) records a scored attempt; `host` is `window.drillbookHost`
 * (see `start`); `scenario` and `focusKey` pick the scenario and the focus after a switch. */
export function mount(section, data, storage, options = {}) {
  const { ui, text } = data;
  const rule = data.assessment || null;
  const host = options.host || null;
  const assessing = options.mode === 'assessment' && !!rule;
  const showReasons = !assessing && options.refusals !== false;
  const withHistory = !assessing && options.history !== false;
  // With a host, its storage holds the attempt only (small); practice stays in the page.
  const loaded = loadProgress(host ? memoryStorage() : storage, data);
  const progress = loaded.progress;
  const pool = assessing ? data.scenarios.filter((s) => rule.scenarios.includes(s.id)) : data.scenarios;
  const resumed = assessing ? loadAttempt(storage, data, pool) : null;
  const pick = (resumed && resumed.scenario) || options.scenario || loaded.current;
  let scenario = pool.find((s) => s.id === pick) || pool[0] || data.scenarios[0];
  let attempt = assessing ? (resumed ? { ...resumed, since: Date.now() } : null) : null;
  let view = { screen: 'customers' };
  let focusKey = options.focusKey || null;

  for (const old of section.querySelectorAll('.sim-fallback')) old.remove();
  if (!section.querySelector('#sim-title')) section.prepend(h('h2', { id: 'sim-title', text: text['sim-title'] }));
  section.querySelector('#sim-title').setAttribute('tabindex', '-1');
  const select = h('select', { id: 'sim-scenario', 'data-key': 'scenario' },
    pool.map((s) => h('option', { value: s.id, text: s.title })));
  const brief = h('p', { class: 'sim-brief' });
  const goal = h('p', { class: 'sim-goal' });
  const checklist = h('ul', { class: 'sim-progress', 'aria-label': text['sim-progress-label'] });
  const undo = button(text['sim-undo'], { 'data-cmd': 'undo', 'data-key': 'undo' });
  const reset = button(text['sim-reset'], { 'data-cmd': 'reset', 'data-key': 'reset' });
  const notice = h('p', { class: 'sim-notice', role: 'note', hidden: !loaded.discarded, text: text['sim-storage-discarded'] });
  const crumbs = h('ol');
  const sideNav = h('ul');
  const screen = h('div', { class: 'sim-screen' });
  // Outcomes are announced politely; a refusal is focused instead (see `showRefusal`).
  const status = h('p', { class: 'sim-status', role: 'status' });
  const refusal = h('div', { class: 'sim-refusal-slot' });
  const modeLink = (mode) => h('a', {
    href: `?mode=${mode}#sim`, 'data-cmd': 'mode', 'data-mode': mode, 'data-key': `mode:${mode}`,
    'aria-current': (mode === 'assessment') === assessing ? 'page' : null, text: text[`sim-mode-${mode}`],
  });
  const modes = rule && !host ? h('nav', { class: 'sim-modes', 'aria-label': text['sim-mode-label'] },
    h('ul', {}, h('li', {}, modeLink('practice')), h('li', {}, modeLink('assessment')))) : null;
  const end = button(text['sim-assess-finish'], { 'data-cmd': 'end', 'data-key': 'end' });
  const result = h('section', { class: 'sim-result', 'aria-labelledby': 'sim-result-title', hidden: true });
  const app = h('div', { class: assessing ? 'sim-app sim-assessment' : 'sim-app' },
    modes,
    h('p', { class: 'sim-intro', text: assessing ? rule.text['sim-assess-intro'] : text['sim-intro'] }),
    assessing ? h('p', { class: 'sim-notice sim-recording', role: 'note', text: text[host ? 'sim-assess-recorded' : 'sim-assess-not-recorded'] }) : null,
    h('div', { class: 'sim-toolbar' },
      h('label', { for: 'sim-scenario', text: text['sim-scenario-label'] }), select,
      withHistory ? h('span', { class: 'sim-history' }, undo, reset) : null, assessing ? end : null),
    brief, goal, checklist, notice,
    h('details', { class: 'sim-differences' }, h('summary', { text: text['sim-differences-title'] }),
      h('ul', {}, ['reservations', 'software', 'purchases', 'simplified'].map((k) => h('li', { text: text[`sim-difference-${k}`] })))),
    h('div', { class: 'sim-console', role: 'region', 'aria-label': text['sim-console-label'] },
      h('div', { class: 'sim-topbar' }, h('span', { class: 'sim-waffle', 'aria-hidden': 'true' }), h('span', { class: 'sim-product', text: ui['partner-center'] })),
      h('div', { class: 'sim-body' },
        h('nav', { class: 'sim-nav', 'aria-label': text['sim-nav-label'] }, sideNav),
        h('div', { class: 'sim-main' },
          h('nav', { class: 'sim-crumbs', 'aria-label': text['sim-breadcrumb-label'] }, crumbs),
          refusal, screen, status))),
    result);
  section.append(app);
  section.classList.add('sim-ready');

  const entry = () => {
    if (!progress[scenario.id]) progress[scenario.id] = { state: structuredClone(scenario.initial), history: [] };
    return progress[scenario.id];
  };
  const customerOf = (id) => scenario.customers.find((c) => c.id === id);
  // Assessment state: the attempt's actions replayed.
  const played = () => {
    if (!attempt || attempt.scenario !== scenario.id) attempt = { scenario: scenario.id, actions: [], t0: Date.now(), elapsed: 0, ended: false, since: Date.now() };
    return replayAttempt(scenario, attempt.actions);
  };
  const state = () => (assessing ? played().state : entry().state);
  const listed = () => scenario.customers.filter((c) => state().customers[c.id].relationship === 'active');

  /** An outcome for the live region; clears a refusal shown before. */
  function say(message) {
    refusal.replaceChildren();
    status.textContent = message || '';
  }

  function reasonText(action, reason) {
    const customer = customerOf(action.customer);
    if (!customer) return text['sim-reason-unknown-customer'];
    const list = { 'suspend-subscription': 'subscriptions', 'reactivate-subscription': 'subscriptions', 'cancel-reservation': 'reservations', 'cancel-software': 'software' }[action.action];
    const item = list && customer[list].find((i) => i.id === action.item);
    switch (reason.reason) {
      case 'relationship-removed': return customer.text['sim-reason-relationship-removed'];
      case 'already-suspended': case 'already-active': return item.text[`sim-reason-${reason.reason}`];
      case 'already-cancelled': return item.text['sim-reason-already-cancelled'];
      case 'active-subscriptions': case 'active-reservations': case 'active-software':
        return customer.text[`sim-reason-${reason.reason}`][String(reason.count)];
      default: return text['sim-reason-unknown-item'];
    }
  }

  /** The one place a refused action is shown: a message bar above the page, focused after
   * the next render (so it is in view and its fix links are the next Tab stops). */
  function showRefusal(action, reasons) {
    status.textContent = '';
    const items = showReasons ? reasons.map((reason) => {
      const fix = data.fixes[reason.reason];
      const href = fix && scenario.steps[fix];
      return h('li', {}, reasonText(action, reason),
        href ? h('span', { class: 'sim-fix' }, text['sim-fix-label'], h('a', { href, text: text['sim-fix'][fix] })) : null);
    }) : [];
    refusal.replaceChildren(h('div', { class: 'sim-refusal', tabindex: '-1', 'data-key': 'refusal', 'aria-labelledby': 'sim-refusal-title' },
      h('p', { id: 'sim-refusal-title', class: 'sim-blocked', text: text[assessing ? 'sim-assess-refused' : 'sim-blocked'] }),
      items.length ? h('ul', {}, items) : null));
    focusKey = 'refusal';
  }

  function announceOk(action) {
    const customer = customerOf(action.customer);
    const find = (list) => customer[list].find((i) => i.id === action.item);
    switch (action.action) {
      case 'suspend-subscription': return find('subscriptions').text['sim-announce-suspended'];
      case 'reactivate-subscription': return find('subscriptions').text['sim-announce-reactivated'];
      case 'cancel-reservation': return find('reservations').text['sim-announce-cancelled'];
      case 'cancel-software': return find('software').text['sim-announce-cancelled'];
      case 'remove-relationship': return customer.text['sim-announce-removed'];
      default: return customer.text['sim-announce-purchase'];
    }
  }

  function act(action) {
    const outcome = apply(state(), action);
    if (assessing) {
      if (finished()) return false;
      attempt.actions.push(action);
      record();
    }
    if (!outcome.ok) {
      showRefusal(action, outcome.reasons);
      return false;
    }
    if (assessing) {
      say(announceOk(action));
      return true;
    }
    const e = entry();
    if (canonical(outcome.state) !== canonical(e.state)) {
      e.history.push(e.state);
      if (e.history.length > MAX_HISTORY) e.history.shift();
      e.state = outcome.state;
    }
    say(announceOk(action));
    return true;
  }


  const finished = () => attempt && (attempt.ended || played().goalReached);
  let resultFocus = false;
  const elapsed = () => attempt.elapsed + (attempt.since === null ? 0 : Date.now() - attempt.since);
  const anchor = (condition) => (condition && scenario.steps[condition] ? scenario.steps[condition].slice(1) : null);

  /** The attempt as `onAttempt` receives it (see `start`). */
  function report() {
    const p = played();
    const r = score(rule, p.judged, p.goalReached);
    return {
      scenario: scenario.id, mode: 'assessment',
      actions: p.judged.map((j) => ({ action: j.action, refused: j.refused, unnecessary: j.unnecessary, reason: j.reason, step: anchor(j.step), condition: j.step })),
      startedAt: new Date(attempt.t0).toISOString(), elapsedMs: elapsed(), goalReached: p.goalReached, finished: Boolean(finished()),
      score: r.score, mistakes: r.mistakes, passed: r.passed, masteryScore: rule['mastery-score'],
    };
  }


  function record() {
    if (finished() && attempt.since !== null) {
      attempt.elapsed = elapsed();
      attempt.since = null;
      resultFocus = true;
    }
    saveAttempt(storage, data, scenario, { ...attempt, elapsed: elapsed() });
    const detail = report();
    if (host && typeof host.onAttempt === 'function') {
      try { host.onAttempt(detail); } catch { /* not the page's failure */ }
    }
    section.dispatchEvent(new CustomEvent('drillbook:sim-attempt', { bubbles: true, detail }));
  }

  function newAttempt() {
    attempt = null;
    played();
    saveAttempt(storage, data, scenario, attempt);
  }

  const percent = new Intl.NumberFormat(data.locale, { style: 'percent', maximumFractionDigits: 0 });
  // Rounded down: a failing score never shows as the mastery score.
  const pct = (x) => percent.format(Math.floor(x * 100 + 1e-9) / 100);
  const clock = (ms) => {
    const sec = Math.round(ms / 1000);
    return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
  };
  const LIST_OF = { 'suspend-subscription': 'subscriptions', 'reactivate-subscription': 'subscriptions', 'cancel-reservation': 'reservations', 'cancel-software': 'software' };

  function renderResult() {
    const r = report();
    const row = (label, ...value) => [h('dt', { text: label }), h('dd', {}, ...value)];
    const mistakes = played().judged.filter((j) => j.refused || j.unnecessary).map((j) => {
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
    result.replaceChildren(
      h('h3', { id: 'sim-result-title', tabindex: '-1', 'data-key': 'result', text: text['sim-result-title'] }),
      h('p', { class: r.passed ? 'sim-passed' : 'sim-failed' }, h('strong', { text: text[r.passed ? 'sim-result-passed' : 'sim-result-failed'] })),
      r.goalReached ? null : h('p', { text: text['sim-result-goal-not-reached'] }),
      h('dl', {}, row(text['sim-result-score'], pct(r.score)), row(text['sim-result-mastery'], pct(r.masteryScore)),
        row(text['sim-result-mistakes'], String(r.mistakes), h('span', { class: 'sim-allowed', text: rule.text['sim-result-allowed'] })),
        row(text['sim-result-time'], clock(r.elapsedMs))),
      h('h4', { text: text['sim-result-mistakes-title'] }),
      mistakes.length ? h('ul', { class: 'sim-mistakes' }, mistakes) : h('p', { text: text['sim-result-no-mistakes'] }),
      h('p', { class: 'sim-actions' }, button(text['sim-result-retry'], { 'data-cmd': 'retry', 'data-key': 'retry' }),
        h('a', { href: '?mode=practice#sim', 'data-cmd': 'mode', 'data-mode': 'practice', 'data-key': 'practise', text: text['sim-result-practise'] })));
  }

  /** Builds the simulator again in the other mode. */
  function switchMode(mode) {
    app.remove();
    if (!host && typeof window !== 'undefined' && window.history && window.location) {
      try { window.history.replaceState(null, '', `?mode=${mode}#sim`); } catch { /* a sandboxed page */ }
    }
    const again = mount(section, data, storage, { ...options, mode, scenario: scenario.id, focusKey: mode === 'practice' ? 'scenario' : 'mode:assessment' });
    section.dispatchEvent(new CustomEvent('drillbook:sim-mode', { bubbles: true, detail: { mode, sim: again } }));
  }

  /** The one place Undo and Start over change progress (off in assessment mode). */
  function history(cmd) {
    if (!withHistory) return;
    if (cmd === 'undo') {
      focusKey = 'undo';
      const e = entry();
      if (!e.history.length) return;
      e.state = e.history.pop();
      if (view.screen === 'summary' || view.screen === 'confirm') view = { screen: 'customer', customer: view.customer, tab: 'account' };
      say(text['sim-announce-undo']);
    } else {
      progress[scenario.id] = { state: structuredClone(scenario.initial), history: [] };
      view = { screen: 'customers' };
      focusKey = 'reset';
      say(text['sim-announce-reset']);
    }
  }

  function render() {
    const s = state();
    // A removed customer's pages are gone (as in Partner Center); only the result stays.
    const shown = view.customer && s.customers[view.customer];
    if (view.screen !== 'customers' && (!shown || (shown.relationship === 'removed' && view.screen !== 'summary'))) view = { screen: 'customers' };
    select.value = scenario.id;
    brief.textContent = scenario.brief;
    const conds = conditions(s);
    const reached = conds[scenario.goal.customer][scenario.goal.condition];
    goal.replaceChildren(...(reached ? [scenario.text['sim-goal-reached']] : [h('strong', { text: text['sim-goal-label'] }), scenario.text['sim-goal']]));
    goal.classList.toggle('sim-done', reached);
    checklist.replaceChildren(...['no-active-subscriptions', 'no-active-reservations', 'no-active-software', 'relationship-removed'].map((c) => {
      const label = data.conditions.find((x) => x.id === c).label;
      return h('li', { class: conds[scenario.goal.customer][c] ? 'sim-met' : 'sim-unmet' }, label);
    }));
    undo.setAttribute('aria-disabled', String(entry().history.length === 0));
    checklist.hidden = assessing;
    const done = assessing && finished();
    app.querySelector('.sim-console').hidden = done;
    end.hidden = done;
    result.hidden = !done;
    if (done) renderResult();
    else result.replaceChildren();
    if (resultFocus) focusKey = 'result';
    resultFocus = false;
    renderNav();
    renderCrumbs();
    screen.replaceChildren(...renderScreen(s, reached));
    const target = (focusKey && app.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)) || null;
    if (target) {
      target.focus();
      if (focusKey === 'refusal') target.scrollIntoView({ block: 'nearest' });
    }
    focusKey = null;
    // The checklist panel ticks from this event: a hint, so practice only.
    if (assessing) return;
    if (!host) saveProgress(storage, data, scenario.id, progress);
    section.dispatchEvent(new CustomEvent('drillbook:sim-state', {
      bubbles: true,
      detail: { scenario: scenario.id, goal: scenario.goal, goalReached: reached, conditions: conds, enabled: enabledActions(s), state: s, initial: scenario.initial },
    }));
  }

  function renderNav() {
    const here = view.screen === 'customers';
    sideNav.replaceChildren(h('li', {}, button(ui.customers, {
      // Every page of the console is under Customers: it stays the selected item.
      class: 'sim-nav-item sim-selected', 'data-cmd': 'go', 'data-view': JSON.stringify({ screen: 'customers' }), 'data-key': 'nav:customers',
      'aria-current': here ? 'page' : null,
    })));
  }

  function renderCrumbs() {
    const items = [[ui.customers, { screen: 'customers' }]];
    const c = view.customer && customerOf(view.customer);
    if (c && view.screen !== 'customers') {
      items.push([c.name, { screen: 'customer', customer: c.id, tab: 'subscriptions' }]);
      if (view.screen === 'subscription') {
        items.push([ui.subscriptions, { screen: 'customer', customer: c.id, tab: 'subscriptions' }]);
        items.push([c.subscriptions.find((x) => x.id === view.item).name]);
      }
    }
    crumbs.replaceChildren(...items.map(([label, target], i) => {
      const last = i === items.length - 1;
      if (last || !target) return h('li', { 'aria-current': last ? 'page' : null }, label);
      return h('li', {}, button(label, { class: 'sim-link', 'data-cmd': 'go', 'data-view': JSON.stringify(target), 'data-key': `crumb:${i}` }));
    }));
  }

  const heading = (label) => h('h3', { tabindex: '-1', 'data-key': 'heading', text: label });
  const go = (label, target, key) => button(label, { class: 'sim-link', 'data-cmd': 'go', 'data-view': JSON.stringify(target), 'data-key': key });
  const actKey = (action) => `act:${action.action}:${action.customer}:${action.item || ''}`;
  const actButton = (label, action, props) => button(label, { 'data-cmd': 'act', 'data-action': JSON.stringify(action), 'data-key': actKey(action), ...props });
  const pill = (value) => h('span', { class: `sim-pill sim-pill-${value}`, text: ui[PILL[value]] });
  const commandBar = (...kids) => h('div', { class: 'sim-commandbar' }, ...kids);
  const table = (head, rows) => h('div', { class: 'sim-table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((x) => h('td', {}, x)))))));

  function renderScreen(s, reached) {
    const c = view.customer && customerOf(view.customer);
    const cs = c && s.customers[c.id];
    if (view.screen === 'summary' && c) return renderSummary(c, reached);
    if (!c || cs.relationship === 'removed') {
      const rows = listed();
      return [heading(ui.customers), h('p', { text: scenario.text['sim-customers-count'][String(rows.length)] }),
        rows.length ? table([text['sim-column-name']], rows.map((x) => [go(x.name, { screen: 'customer', customer: x.id, tab: 'subscriptions' }, `customer:${x.id}`)]))
          : h('p', { text: text['sim-customers-empty'] })];
    }
    if (view.screen === 'confirm') {
      return [heading(c.text['sim-confirm-title']), h('p', { text: c.text['sim-confirm-body'] }),
        commandBar(actButton(ui.remove, { action: 'remove-relationship', customer: c.id }, { class: 'sim-primary sim-danger' }),
          button(ui.cancel, { 'data-cmd': 'go', 'data-view': JSON.stringify({ screen: 'customer', customer: c.id, tab: 'account' }), 'data-key': 'cancel' }))];
    }
    if (view.screen === 'subscription') {
      const sub = c.subscriptions.find((x) => x.id === view.item);
      const now = cs.subscriptions[sub.id];
      const toggle = (label, value, kind) => actButton(label, { action: kind, customer: c.id, item: sub.id }, { 'aria-pressed': String(now === value) });
      return [heading(sub.name),
        h('div', { role: 'group', 'aria-label': ui.status, class: 'sim-commandbar sim-segmented' },
          toggle(ui.active, 'active', 'reactivate-subscription'), toggle(ui.suspended, 'suspended', 'suspend-subscription')),
        h('dl', {}, h('dt', { text: text['sim-column-offer'] }), h('dd', { text: sub.offer }),
          h('dt', { text: ui.quantity }), h('dd', { text: sub.text['sim-quantity'] }),
          h('dt', { text: ui.status }), h('dd', {}, pill(now)))];
    }
    const tablist = h('div', { class: 'sim-tabs', role: 'tablist', 'aria-label': text['sim-customer-nav-label'] }, TABS.map((tab) => {
      const selected = view.tab === tab;
      return button(ui[TAB_LABEL[tab]], {
        role: 'tab', id: `sim-tab-${tab}`, 'aria-selected': String(selected), 'aria-controls': 'sim-tabpanel', tabindex: selected ? '0' : '-1',
        'data-cmd': 'go', 'data-view': JSON.stringify({ screen: 'customer', customer: c.id, tab }), 'data-key': `tab:${tab}`,
      });
    }));
    return [heading(c.name), tablist,
      h('div', { class: 'sim-tabpanel', role: 'tabpanel', id: 'sim-tabpanel', 'aria-labelledby': `sim-tab-${view.tab}` }, ...renderTab(c, cs))];
  }

  function renderTab(c, cs) {
    if (view.tab === 'account') {
      const active = countActive(cs.subscriptions);
      const remove = button(ui['remove-reseller-relationship'], {
        class: 'sim-remove', 'data-cmd': 'open-remove', 'data-key': 'open-remove',
        'aria-disabled': String(active > 0), 'aria-describedby': active > 0 ? 'sim-remove-tip' : null,
      });
      return [commandBar(h('span', { class: 'sim-remove-wrap' }, remove,
        active > 0 ? h('span', { id: 'sim-remove-tip', role: 'tooltip', class: 'sim-tip', text: c.text['sim-remove-inactive'][String(active)] }) : null)),
      h('dl', {},
        h('dt', { text: text['sim-account-relationship'] }), h('dd', { text: text['sim-relationship-active'] }),
        h('dt', { text: text['sim-account-admin'] }), h('dd', { text: text[cs['delegated-admin'] ? 'sim-admin-granted' : 'sim-admin-removed'] }),
        h('dt', { text: text['sim-account-support'] }), h('dd', { text: text[cs['support-contact'] ? 'sim-support-listed' : 'sim-support-removed'] }))];
    }
    if (view.tab === 'subscriptions') {
      return [commandBar(actButton(ui['add-subscription'], { action: 'purchase', customer: c.id })),
        c.subscriptions.length ? table([text['sim-column-name'], text['sim-column-offer'], ui.quantity, ui.status], c.subscriptions.map((x) => [
          go(x.name, { screen: 'subscription', customer: c.id, item: x.id }, `sub:${x.id}`), x.offer, x.text['sim-quantity'], pill(cs.subscriptions[x.id])]))
          : h('p', { text: text['sim-subscriptions-empty'] })];
    }
    const list = view.tab === 'reservations' ? 'reservations' : 'software';
    const kind = list === 'reservations' ? 'cancel-reservation' : 'cancel-software';
    const label = list === 'reservations' ? ui['cancel-reservation'] : ui['cancel-purchase'];
    // An item already cancelled offers nothing to do; each button names its item.
    return [c[list].length ? table([text['sim-column-name'], ui.quantity, ui.status], c[list].map((x) => [
      x.name, x.text['sim-quantity'], h('span', { class: 'sim-cell-actions' }, pill(cs[list][x.id]),
        cs[list][x.id] === 'active' ? actButton(label, { action: kind, customer: c.id, item: x.id }, { 'aria-label': x.text['sim-cancel-named'] }) : null)]))
      : h('p', { text: text[`sim-${list}-empty`] })];
  }

  function renderSummary(c, reached) {
    const line = (id) => h('li', { class: 'sim-met', text: c.text[id] });
    const banner = reached && scenario.goal.customer === c.id
      ? h('div', { class: 'sim-success', role: 'note' }, scenario.text['sim-goal-reached']) : null;
    return [heading(c.text['sim-summary-title']), banner, h('ul', { class: 'sim-summary' }, line('sim-summary-customer-list'), line('sim-summary-admin'), line('sim-summary-support'),
      h('li', { class: 'sim-met' }, c.text['sim-summary-purchases'], actButton(ui['add-subscription'], { action: 'purchase', customer: c.id }))),
    h('p', {}, go(text['sim-summary-back'], { screen: 'customers' }, 'back'))];
  }

  /** After an accepted action, focus goes where the next action is. */
  function focusAfter(action, el) {
    if (action.action === 'cancel-reservation' || action.action === 'cancel-software') {
      const next = [...screen.querySelectorAll('[data-cmd="act"]')].find((b) => b !== el && b.closest('tr'));
      return next ? next.dataset.key : `tab:${view.tab}`;
    }
    return el.dataset.key;
  }

  function onClick(event) {
    const el = event.target.closest('[data-cmd]');
    if (!el || !app.contains(el)) return;
    const cmd = el.dataset.cmd;
    if (cmd === 'mode') {
      event.preventDefault();
      if ((el.dataset.mode === 'assessment') !== assessing) switchMode(el.dataset.mode);
      return;
    }
    if (cmd === 'end') {
      if (!finished()) {
        attempt.ended = true;
        record();
      }
    } else if (cmd === 'retry') {
      newAttempt();
      view = { screen: 'customers' };
      focusKey = 'heading';
      say('');
    } else if (cmd === 'go') {
      view = JSON.parse(el.dataset.view);
      focusKey = el.getAttribute('role') === 'tab' ? el.dataset.key : 'heading';
      say('');
    } else if (cmd === 'act') {
      const action = JSON.parse(el.dataset.action);
      if (act(action)) {
        focusKey = focusAfter(action, el);
        if (action.action === 'remove-relationship') {
          view = { screen: 'summary', customer: action.customer };
          focusKey = 'heading';
        }
      } else if (action.action === 'remove-relationship') {
        // Refused: back to the account page, with the reasons shown.
        view = { screen: 'customer', customer: action.customer, tab: 'account' };
      }
    } else if (cmd === 'open-remove') {
      const action = { action: 'remove-relationship', customer: view.customer };
      if (el.getAttribute('aria-disabled') === 'true') {
        // The inactive link is a refused removal (recorded in assessment).
        if (assessing) act(action);
        else showRefusal(action, apply(state(), action).reasons || []);
      } else {
        view = { screen: 'confirm', customer: view.customer };
        focusKey = 'heading';
        say('');
      }
    } else if (cmd === 'undo' || cmd === 'reset') {
      history(cmd);
    }
    render();
  }

  /** Arrow keys, Home and End move between customer tabs (and open them). */
  function onKeydown(event) {
    const tab = event.target.closest('[role="tab"]');
    if (!tab || !app.contains(tab)) return;
    const tabs = [...tab.parentElement.querySelectorAll('[role="tab"]')];
    const rtl = getComputedStyle(tab).direction === 'rtl';
    const at = tabs.indexOf(tab);
    const to = { ArrowRight: rtl ? at - 1 : at + 1, ArrowLeft: rtl ? at + 1 : at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    tabs[(to + tabs.length) % tabs.length].click();
  }

  app.addEventListener('click', onClick);
  app.addEventListener('keydown', onKeydown);
  select.addEventListener('change', () => {
    scenario = pool.find((s) => s.id === select.value) || scenario;
    // In assessment mode another scenario is another attempt.
    if (assessing) newAttempt();
    view = { screen: 'customers' };
    focusKey = 'scenario';
    say(scenario.title);
    render();
  });
  if (assessing && finished()) attempt.since = null;
  render();
  return {
    get state() { return state(); }, get scenario() { return scenario.id; }, mode: assessing ? 'assessment' : 'practice',
    get attempt() { return assessing ? report() : null; },
  };
}

/** Finds the data block and the section and mounts the simulator; does nothing without them.
 *
 * Host contract (ARCHITECTURE.md, "Assessment mode"): `window.drillbookHost`, when set, is
 * `{ mode, storage, onAttempt(attempt), lang }`. `mode` ('assessment'|'practice') replaces
 * `?mode=`; `storage` (getItem/setItem/removeItem) holds only the attempt, one small key;
 * `onAttempt` gets, after every action and at the end, `{ scenario, mode, actions: [{ action,
 * refused, unnecessary, reason, step, condition }], startedAt, elapsedMs, goalReached,
 * finished, score, mistakes, passed, masteryScore }` (`step`: article anchor of the violated
 * step). Without a host the result stays on the page (event `drillbook:sim-attempt`). */
export function start(doc) {
  const section = doc.getElementById('sim');
  const script = doc.getElementById('drillbook-sim-data');
  if (!section || !script) return null;
  let data;
  try {
    data = JSON.parse(script.textContent);
  } catch {
    return null;
  }
  if (!data || data.version !== 1 || !Array.isArray(data.scenarios) || !data.scenarios.length) return null;
  const win = doc.defaultView || {};
  const host = win.drillbookHost && typeof win.drillbookHost === 'object' ? win.drillbookHost : null;
  let storage = host && host.storage;
  if (!storage) {
    try {
      storage = window.localStorage;
      storage.getItem('drillbook-sim/probe');
    } catch {
      storage = memoryStorage();
    }
  }
  let mode = host ? host.mode : null;
  if (!host) {
    try { mode = new URLSearchParams(win.location.search).get('mode'); } catch { /* no location */ }
  }
  return mount(section, data, storage, { host, mode });
}

/** A Storage stand-in for browsers that refuse localStorage (and for tests). */
export function memoryStorage() {
  const map = new Map();
  return {
    get length() { return map.size; },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => { map.set(k, String(v)); },
    removeItem: (k) => { map.delete(k); },
  };
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(document));
  else start(document);
}
