// drillbook: the simulator's pure rules (an ES module, no DOM, no dependencies).
//
// Same ids and check order as the Rust model (src/sim/model.rs; the score rule, which
// mirrors src/sim/score.rs, is in `sim-assess.js`); `node --test tests/js/` replays the Rust
// traces through both.

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
export const countActive = (map) => Object.values(map).filter((s) => s === 'active').length;

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
