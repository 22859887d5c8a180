// drillbook: the simulator's saved practice progress and assessment attempt (an ES module).
//
// Everything here goes through a Storage-like object (`localStorage`, a host's storage or
// `memoryStorage`), never throws on damaged data, and removes what it cannot read.

import { allActions, canonical, isValidState } from './sim-model.js';

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
