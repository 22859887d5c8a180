// drillbook: the simulator's saved practice progress (an ES module; an assessment attempt is
// saved by `sim-assess.js`).
//
// Everything here goes through a Storage-like object (`localStorage`, a host's storage or
// `memoryStorage`), never throws on damaged data, and removes what it cannot read.

import { isValidState } from './sim-model.js';

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
