// drillbook: the Partner Center simulator's browser runtime (an ES module, no dependencies).
//
// The pure state machine lives in `sim-model.js` (`node --test tests/js/` replays the traces
// the Rust reference model generated), assessment mode (the score rule, the saved attempt, the
// result view) in `sim-assess.js`, which is imported only when that mode starts: a page in
// practice never fetches it. This file holds saved practice progress, the texts that name a
// customer or item (`named`), the DOM view (`mount`, with its element helpers `h` and
// `button`), which reads the JSON the build embeds in <script type="application/json"
// id="drillbook-sim-data">, and `start`; it re-exports the model's API. Every string shown
// comes from that JSON, formatted at build time with Fluent: these files contain no
// user-visible text.

import {
  allActions, apply, canonical, conditions, countActive, enabledActions, evaluate, isValidState,
} from './sim-model.js';

export { ACTION_KINDS, CONDITIONS } from './sim-model.js';
export { allActions, apply, canonical, conditions, enabledActions, evaluate, isValidState };

// ---------------------------------------------------------------------------------------
// Saved practice progress (an assessment attempt is saved by `sim-assess.js`). Everything
// here goes through a Storage-like object (`localStorage`, a host's storage or
// `memoryStorage`), never throws on damaged data, and removes what it cannot read.

export const MAX_HISTORY = 100;

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

// ---------------------------------------------------------------------------------------
// Texts naming a customer, subscription or item

/** The text of message `id` naming `own` (a customer, subscription or item, as `kind` says),
 * in its plural form for `count` if given. The build sends each such message once, with
 * `$customer`, `$subscription` or `$item` in place of the name (one per count, as Fluent
 * formatted it), and gives `own` a `text` of its own only where filling its name in would not
 * give Fluent's text. A doubled period after the name is one ("Contoso Ltd.."), as the build
 * makes it in every message (`one_final_period`). */
export function named(data, own, id, kind, count) {
  const pick = (v) => (count === undefined ? v : v[count]);
  const mine = own.text && own.text[id];
  return mine !== undefined ? pick(mine) : pick(data.text[id])?.split(`$${kind}`).join(own.name).replace(/\.+/g, (p) => (p.length === 2 ? '.' : p));
}

// ---------------------------------------------------------------------------------------
// DOM view

/** `h(tag, {attr: value, text}, ...children)`: null, undefined and false are left out. */
export function h(tag, props, ...kids) {
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

export const button = (label, props) => h('button', { type: 'button', ...props }, label);

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
  // Assessment mode needs its module, which `start` and `switchMode` import first.
  const assess = options.mode === 'assessment' && rule ? options.assess || null : null;
  const assessing = !!assess;
  const showReasons = !assessing && options.refusals !== false;
  const withHistory = !assessing && options.history !== false;
  // With a host, its storage holds the attempt only (small); practice stays in the page.
  const loaded = loadProgress(host ? memoryStorage() : storage, data);
  const progress = loaded.progress;
  const pool = assessing ? data.scenarios.filter((s) => rule.scenarios.includes(s.id)) : data.scenarios;
  const resumed = assessing ? assess.loadAttempt(storage, data, pool) : null;
  const pick = (resumed && resumed.scenario) || options.scenario || loaded.current;
  let scenario = pool.find((s) => s.id === pick) || pool[0] || data.scenarios[0];
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
  // Last in the simulator, so practice by keyboard passes no extra stops on its way.
  const modes = rule && !host ? h('nav', { class: 'sim-modes', 'aria-label': text['sim-mode-label'] },
    h('ul', {}, h('li', {}, modeLink('practice')), h('li', {}, modeLink('assessment')))) : null;
  const end = button(text['sim-assess-finish'], { 'data-cmd': 'end', 'data-key': 'end' });
  const result = h('section', { class: 'sim-result', 'aria-labelledby': 'sim-result-title', hidden: true });
  const app = h('div', { class: assessing ? 'sim-app sim-assessment' : 'sim-app' },
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
    result, modes);
  section.append(app);
  section.classList.add('sim-ready');

  const fresh = () => ({ state: structuredClone(scenario.initial), history: [] });
  const entry = () => (progress[scenario.id] ||= fresh());
  const customerOf = (id) => scenario.customers.find((c) => c.id === id);
  const ct = (c, id, count) => named(data, c, id, 'customer', count);
  const st = (sub, id) => named(data, sub, id, 'subscription');
  const it = (item, id) => named(data, item, id, 'item');
  const quantity = (id, x) => text[id][x.quantity];
  // Assessment state: the attempt's actions replayed.
  const attempt = assessing ? assess.attempt({ data, rule, storage, host, section }, () => scenario, resumed) : null;
  const state = () => (assessing ? attempt.state() : entry().state);
  const listed = () => scenario.customers.filter((c) => state().customers[c.id].relationship === 'active');

  /** An outcome for the live region; clears a refusal shown before. */
  function say(message) { refusal.replaceChildren(); status.textContent = message || ''; }

  function reasonText(action, reason) {
    const customer = customerOf(action.customer);
    if (!customer) return text['sim-reason-unknown-customer'];
    const list = { 'suspend-subscription': 'subscriptions', 'reactivate-subscription': 'subscriptions', 'cancel-reservation': 'reservations', 'cancel-software': 'software' }[action.action];
    const item = list && customer[list].find((i) => i.id === action.item);
    switch (reason.reason) {
      case 'relationship-removed': return ct(customer, 'sim-reason-relationship-removed');
      case 'already-suspended': case 'already-active': return st(item, `sim-reason-${reason.reason}`);
      case 'already-cancelled': return it(item, 'sim-reason-already-cancelled');
      case 'active-subscriptions': case 'active-reservations': case 'active-software':
        return ct(customer, `sim-reason-${reason.reason}`, String(reason.count));
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
      case 'suspend-subscription': return st(find('subscriptions'), 'sim-announce-suspended');
      case 'reactivate-subscription': return st(find('subscriptions'), 'sim-announce-reactivated');
      case 'cancel-reservation': return it(find('reservations'), 'sim-announce-reservation-cancelled');
      case 'cancel-software': return it(find('software'), 'sim-announce-software-cancelled');
      case 'remove-relationship': return ct(customer, 'sim-announce-removed');
      default: return ct(customer, 'sim-announce-purchase');
    }
  }

  function act(action) {
    const outcome = apply(state(), action);
    if (assessing && !attempt.act(action)) return false;
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


  const resultNodes = assessing ? assess.resultView(data, rule) : null;
  // A node list that may hold nulls (sections shown only sometimes): `replaceChildren` would
  // write them as the text "null".
  const renderResult = () => result.replaceChildren(...resultNodes(scenario, attempt.report(), attempt.judged(), customerOf).filter(Boolean));

  /** Builds the simulator again in the other mode (once assessment's module is there). */
  let switching = false;
  function switchMode(mode) {
    if (switching) return;
    switching = true;
    withAssess(mode, options.assess, (assess) => {
      app.remove();
      if (!host && typeof window !== 'undefined' && window.history && window.location) {
        try { window.history.replaceState(null, '', `?mode=${mode}#sim`); } catch { /* a sandboxed page */ }
      }
      const again = mount(section, data, storage, { ...options, mode, assess, scenario: scenario.id, focusKey: mode === 'practice' ? 'scenario' : 'mode:assessment' });
      section.dispatchEvent(new CustomEvent('drillbook:sim-mode', { bubbles: true, detail: { mode, sim: again } }));
    });
  }

  /** The one place Undo and Start over change progress (off in assessment mode). */
  function history(cmd) {
    const e = entry();
    if (!withHistory || (cmd === 'undo' && !e.history.length)) return;
    focusKey = cmd;
    if (cmd === 'undo') {
      e.state = e.history.pop();
      if (view.screen === 'summary' || view.screen === 'confirm') view = { screen: 'customer', customer: view.customer, tab: 'account' };
    } else {
      progress[scenario.id] = fresh();
      view = { screen: 'customers' };
    }
    say(text[cmd === 'undo' ? 'sim-announce-undo' : 'sim-announce-reset']);
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
    const aim = customerOf(scenario.goal.customer);
    goal.replaceChildren(...(reached ? [ct(aim, 'sim-goal-reached')] : [h('strong', { text: text['sim-goal-label'] }), ct(aim, 'sim-goal')]));
    goal.classList.toggle('sim-done', reached);
    checklist.replaceChildren(...['no-active-subscriptions', 'no-active-reservations', 'no-active-software', 'relationship-removed'].map((c) => {
      const label = data.conditions.find((x) => x.id === c).label;
      return h('li', { class: conds[scenario.goal.customer][c] ? 'sim-met' : 'sim-unmet' }, label);
    }));
    undo.setAttribute('aria-disabled', String(entry().history.length === 0));
    checklist.hidden = assessing;
    const done = assessing && attempt.finished();
    app.querySelector('.sim-console').hidden = done;
    end.hidden = done;
    result.hidden = !done;
    if (done) renderResult();
    else result.replaceChildren();
    if (assessing && attempt.takeFocus()) focusKey = 'result';
    renderNav();
    renderCrumbs();
    screen.replaceChildren(...renderScreen(s, reached));
    const target = (focusKey && app.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)) || null;
    target?.focus();
    if (target && focusKey === 'refusal') target.scrollIntoView({ block: 'nearest' });
    focusKey = null;
    // The checklist panel ticks from this event: a hint, so practice only.
    if (assessing) return;
    if (!host) saveProgress(storage, data, scenario.id, progress);
    section.dispatchEvent(new CustomEvent('drillbook:sim-state', {
      bubbles: true,
      detail: { scenario: scenario.id, goal: scenario.goal, goalReached: reached, conditions: conds, enabled: enabledActions(s), state: s, initial: scenario.initial },
    }));
  }

  // Every page of the console is under Customers: it stays the selected item.
  const renderNav = () => sideNav.replaceChildren(h('li', {}, button(ui.customers, { class: 'sim-nav-item sim-selected', 'data-cmd': 'go',
    'data-view': JSON.stringify({ screen: 'customers' }), 'data-key': 'nav:customers', 'aria-current': view.screen === 'customers' ? 'page' : null })));

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
    // On the Customers list the trail would only repeat the page's heading.
    crumbs.parentElement.hidden = items.length < 2;
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
  // Explicit roles: on a narrow console the rows are drawn as cards (display: block),
  // which would otherwise drop the table's semantics in some browsers.
  const table = (head, rows) => h('div', { class: 'sim-table-wrap' }, h('table', { role: 'table' },
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, head.map((x) => h('th', { scope: 'col', role: 'columnheader', text: x })))),
    h('tbody', { role: 'rowgroup' }, rows.map((cells) => h('tr', { role: 'row' }, cells.map((x, i) => h('td', { role: 'cell', 'data-label': head[i] }, x)))))));

  function renderScreen(s, reached) {
    const c = view.customer && customerOf(view.customer);
    const cs = c && s.customers[c.id];
    if (view.screen === 'summary' && c) return renderSummary(c, reached);
    if (!c || cs.relationship === 'removed') {
      const rows = listed();
      return [heading(ui.customers), h('p', { text: text['sim-customers-count'][String(rows.length)] }),
        rows.length ? table([text['sim-column-name']], rows.map((x) => [go(x.name, { screen: 'customer', customer: x.id, tab: 'subscriptions' }, `customer:${x.id}`)]))
          : h('p', { text: text['sim-customers-empty'] })];
    }
    if (view.screen === 'confirm') {
      return [heading(ct(c, 'sim-confirm-title')), h('p', { text: ct(c, 'sim-confirm-body') }),
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
          h('dt', { text: ui.quantity }), h('dd', { text: quantity('sim-quantity-licenses', sub) }),
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
        active > 0 ? h('span', { id: 'sim-remove-tip', role: 'tooltip', class: 'sim-tip', text: ct(c, 'sim-remove-inactive', String(active)) }) : null)),
      h('dl', {},
        h('dt', { text: text['sim-account-relationship'] }), h('dd', { text: text['sim-relationship-active'] }),
        h('dt', { text: text['sim-account-admin'] }), h('dd', { text: text[cs['delegated-admin'] ? 'sim-admin-granted' : 'sim-admin-removed'] }),
        h('dt', { text: text['sim-account-support'] }), h('dd', { text: text[cs['support-contact'] ? 'sim-support-listed' : 'sim-support-removed'] }))];
    }
    if (view.tab === 'subscriptions') {
      return [commandBar(actButton(ui['add-subscription'], { action: 'purchase', customer: c.id })),
        c.subscriptions.length ? table([text['sim-column-name'], text['sim-column-offer'], ui.quantity, ui.status], c.subscriptions.map((x) => [
          go(x.name, { screen: 'subscription', customer: c.id, item: x.id }, `sub:${x.id}`), x.offer, quantity('sim-quantity-licenses', x), pill(cs.subscriptions[x.id])]))
          : h('p', { text: text['sim-subscriptions-empty'] })];
    }
    const list = view.tab === 'reservations' ? 'reservations' : 'software';
    const kind = list === 'reservations' ? 'cancel-reservation' : 'cancel-software';
    const label = list === 'reservations' ? ui['cancel-reservation'] : ui['cancel-purchase'];
    const one = list === 'reservations' ? 'reservation' : 'software';
    // An item already cancelled offers nothing to do; each button names its item.
    return [c[list].length ? table([text['sim-column-name'], ui.quantity, ui.status], c[list].map((x) => [
      x.name, quantity(list === 'reservations' ? 'sim-quantity-instances' : 'sim-quantity-licenses', x), h('span', { class: 'sim-cell-actions' }, pill(cs[list][x.id]),
        cs[list][x.id] === 'active' ? actButton(label, { action: kind, customer: c.id, item: x.id }, { 'aria-label': it(x, `sim-cancel-${one}-named`) }) : null)]))
      : h('p', { text: text[`sim-${list}-empty`] })];
  }

  function renderSummary(c, reached) {
    const line = (id) => h('li', { class: 'sim-met', text: ct(c, id) });
    const banner = reached && scenario.goal.customer === c.id
      ? h('div', { class: 'sim-success', role: 'note' }, ct(c, 'sim-goal-reached')) : null;
    return [heading(ct(c, 'sim-summary-title')), banner, h('ul', { class: 'sim-summary' }, line('sim-summary-customer-list'), line('sim-summary-admin'), line('sim-summary-support'),
      h('li', { class: 'sim-met' }, ct(c, 'sim-summary-purchases'), actButton(ui['add-subscription'], { action: 'purchase', customer: c.id }))),
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
      attempt.end();
    } else if (cmd === 'retry') {
      attempt.restart();
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
    if (to !== undefined) { event.preventDefault(); tabs[(to + tabs.length) % tabs.length].click(); }
  }

  app.addEventListener('click', onClick);
  app.addEventListener('keydown', onKeydown);
  select.addEventListener('change', () => {
    scenario = pool.find((s) => s.id === select.value) || scenario;
    // In assessment mode another scenario is another attempt.
    if (assessing) attempt.restart();
    view = { screen: 'customers' };
    focusKey = 'scenario';
    say(scenario.title);
    render();
  });
  render();
  return {
    get state() { return state(); }, get scenario() { return scenario.id; }, mode: assessing ? 'assessment' : 'practice',
    get attempt() { return assessing ? attempt.report() : null; },
  };
}

/** Finds the data block and the section and mounts the simulator; does nothing without them.
 * `window.drillbookHost` (`{ mode, storage, onAttempt(attempt), lang }`, the host contract in
 * ARCHITECTURE.md, "Assessment mode") replaces `?mode=` and the page's storage. */
export function start(doc) {
  const section = doc.getElementById('sim');
  const script = doc.getElementById('drillbook-sim-data');
  if (!section || !script) return null;
  let data;
  try { data = JSON.parse(script.textContent); } catch { return null; }
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
  withAssess(data.assessment ? mode : null, null, (assess) => mount(section, data, storage, { host, mode, assess }));
}

/** Calls `then(assess)` with `sim-assess.js` imported when `mode` is assessment (`loaded`
 * when it already is), else with null; a module that cannot load leaves practice. */
function withAssess(mode, loaded, then) {
  if (mode !== 'assessment') then(null);
  else if (loaded) then(loaded);
  else import('./sim-assess.js').then(then, () => then(null));
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(document));
  else start(document);
}
