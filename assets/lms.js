// drillbook: the LMS runtime of a training package (SCORM 1.2, SCORM 2004 4th edition, cmi5).
//
// Runs before sim.js in packaged pages (an ES module, no dependencies). It reads the package's
// settings from <script type="application/json" id="drillbook-package">, finds the LMS, and
// sets `window.drillbookHost = { mode, storage, onAttempt(attempt), lang }`: sim.js keeps its
// progress in `storage` (backed by cmi.suspend_data or the cmi5 State API) and reports every
// attempt to `onAttempt`, which records it in the LMS. Without an LMS it sets no host (the
// simulator stays in practice mode) and shows the page's note that no results are recorded.
// This file contains no user-visible text: the note comes from the page, formatted at build.

const settings = (() => {
  try { return JSON.parse(document.getElementById('drillbook-package').textContent); } catch { return null; }
})();

const SUSPEND_LIMIT = { 'scorm-1.2': 4096, 'scorm-2004': 64000, cmi5: 64000 };
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERB = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
const CMI5_SESSION = 'drillbook-cmi5';
const SUSPEND_STATE = 'drillbook-suspend';

// ---------------------------------------------------------------------------------------
// Pure helpers (exported for tests)

/** `HHHH:MM:SS.SS` (SCORM 1.2 CMITimespan). */
export function scorm12Time(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const pad = (n, w) => String(n).padStart(w, '0');
  const h = Math.min(9999, Math.floor(cs / 360000));
  return `${pad(h, 4)}:${pad(Math.floor(cs / 6000) % 60, 2)}:${pad(Math.floor(cs / 100) % 60, 2)}.${pad(cs % 100, 2)}`;
}

/** ISO 8601 duration (`PT1H2M3.45S`), for SCORM 2004 and xAPI. */
export function isoDuration(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s.toFixed(2).replace(/\.?0+$/, '')}S`;
}

/** The first of `locales` that `preferences` (BCP 47 tags, best first) asks for: the same
 * tag, else the same language; else the first locale. */
export function pickLocale(preferences, locales) {
  const lower = locales.map((l) => l.toLowerCase());
  for (const pref of preferences) {
    const i = lower.indexOf(String(pref).trim().toLowerCase());
    if (i >= 0) return locales[i];
  }
  for (const pref of preferences) {
    const lang = String(pref).trim().toLowerCase().split('-')[0];
    const i = lower.findIndex((l) => l.split('-')[0] === lang);
    if (i >= 0) return locales[i];
  }
  return locales[0];
}

/** Drops every `history` array inside the JSON values of `map` (the undo stacks the
 * simulator keeps): what gives way when suspend data would pass its limit. */
function compact(map) {
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'history' && Array.isArray(x) ? [] : strip(x)]));
    }
    return v;
  };
  const out = {};
  for (const [k, v] of Object.entries(map)) {
    try { out[k] = JSON.stringify(strip(JSON.parse(v))); } catch { out[k] = v; }
  }
  return out;
}

/** A Storage-like object over a string store of at most `limit` characters: `load()` gives
 * the saved text, `save(text)` keeps it. Over the limit, undo histories go first; what still
 * does not fit is refused as localStorage refuses it. */
export function suspendStorage(load, save, limit) {
  let map = {};
  try {
    const saved = JSON.parse(load() || '{}');
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) map = saved;
  } catch { /* damaged suspend data: start afresh */ }
  const write = (next) => {
    let text = JSON.stringify(next);
    if (text.length > limit) {
      next = compact(next);
      text = JSON.stringify(next);
    }
    if (text.length > limit) throw new DOMException('suspend data limit', 'QuotaExceededError');
    map = next;
    save(text);
  };
  return {
    get length() { return Object.keys(map).length; },
    key: (i) => Object.keys(map)[i] ?? null,
    getItem: (k) => (Object.hasOwn(map, k) ? map[k] : null),
    setItem: (k, v) => write({ ...map, [k]: String(v) }),
    removeItem: (k) => { if (Object.hasOwn(map, k)) { const next = { ...map }; delete next[k]; write(next); } },
  };
}

/** The result of an attempt as the LMS should record it. */
export function verdict(attempt) {
  const score = typeof attempt.score === 'number' && Number.isFinite(attempt.score) ? Math.min(1, Math.max(0, attempt.score)) : null;
  const finished = Boolean(attempt.finished);
  const assessed = attempt.mode === 'assessment';
  return { finished, score, passed: finished && assessed ? Boolean(attempt.passed) : null, completed: finished };
}

// ---------------------------------------------------------------------------------------
// SCORM (1.2 and 2004)

function findApi(name) {
  const climb = (win) => {
    for (let i = 0; win && i < 16; i += 1) {
      try { if (win[name]) return win[name]; } catch { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  return climb(window) || climb(window.opener) || climb(window.top && window.top.opener);
}

function scormAdapter(format) {
  const v12 = format === 'scorm-1.2';
  const api = findApi(v12 ? 'API' : 'API_1484_11');
  if (!api) return null;
  const errors = [];
  const call = (fn12, fn2004, ...args) => {
    const fn = v12 ? fn12 : fn2004;
    const result = api[fn](...args);
    const code = String(api[v12 ? 'LMSGetLastError' : 'GetLastError']());
    if (code !== '0') errors.push({ call: fn, args, code });
    return result;
  };
  const get = (el) => call('LMSGetValue', 'GetValue', el);
  const set = (el, value) => call('LMSSetValue', 'SetValue', el, String(value));
  const commit = () => call('LMSCommit', 'Commit', '');
  // One session per launch: pages of the package opened one after another (the launch page,
  // a language switch) share it, so only the first initializes. The mark lives on the API
  // object, which the LMS keeps across the package's pages and replaces for a new launch.
  if (!api.drillbookSession) {
    if (String(call('LMSInitialize', 'Initialize', '')) !== 'true') return null;
    api.drillbookSession = { started: Date.now(), status: null };
  }
  const session = api.drillbookSession;
  const limit = SUSPEND_LIMIT[format];
  // Suspend data exists only when the LMS resumes an attempt (SCORM 2004 reports reading it
  // otherwise as an error).
  const resume = get(v12 ? 'cmi.core.entry' : 'cmi.entry') === 'resume';
  const storage = suspendStorage(() => (resume ? get('cmi.suspend_data') : ''), (text) => set('cmi.suspend_data', text), limit);
  const exitEl = v12 ? 'cmi.core.exit' : 'cmi.exit';
  const learnerLang = get(v12 ? 'cmi.student_preference.language' : 'cmi.learner_preference.language');

  function record(attempt) {
    const result = verdict(attempt);
    if (result.score !== null) {
      if (v12) {
        set('cmi.core.score.min', 0);
        set('cmi.core.score.max', 100);
        set('cmi.core.score.raw', Math.round(result.score * 100));
      } else {
        set('cmi.score.min', 0);
        set('cmi.score.max', 100);
        set('cmi.score.raw', Math.round(result.score * 100));
        set('cmi.score.scaled', Number(result.score.toFixed(4)));
      }
    }
    let status;
    if (v12) {
      status = !result.finished ? 'incomplete' : result.passed === null ? 'completed' : result.passed ? 'passed' : 'failed';
      if (status !== session.status) set('cmi.core.lesson_status', status);
    } else {
      status = `${result.finished ? 'completed' : 'incomplete'}/${result.passed === null ? 'unknown' : result.passed ? 'passed' : 'failed'}`;
      if (status !== session.status) {
        const [completion, success] = status.split('/');
        set('cmi.completion_status', completion);
        set('cmi.success_status', success);
      }
      recordInteractions(attempt);
    }
    set(exitEl, result.finished ? (v12 ? '' : 'normal') : 'suspend');
    session.status = status;
    commit();
  }

  // One interaction per refused action, in order; those already recorded (an earlier
  // session of the same attempt) are kept.
  function recordInteractions(attempt) {
    const refused = (attempt.actions || []).filter((a) => a.refused);
    let n = Number(get('cmi.interactions._count')) || 0;
    for (; n < refused.length; n += 1) {
      const a = refused[n];
      const what = a.action && typeof a.action === 'object'
        ? [a.action.action, a.action.customer, a.action.item].filter(Boolean).join(' ')
        : String(a.action);
      const base = `cmi.interactions.${n}`;
      set(`${base}.id`, `urn:drillbook:${attempt.scenario}:refused:${n}`);
      set(`${base}.type`, 'other');
      set(`${base}.description`, `${what}: refused (${a.reason || 'refused'}); violates step ${a.step || 'unknown'}`.slice(0, 250));
      set(`${base}.learner_response`, what.slice(0, 4000));
      set(`${base}.result`, 'incorrect');
      set(`${base}.timestamp`, new Date().toISOString().replace(/Z$/, ''));
    }
  }

  function finish() {
    set(v12 ? 'cmi.core.session_time' : 'cmi.session_time', (v12 ? scorm12Time : isoDuration)(Date.now() - session.started));
    call('LMSFinish', 'Terminate', '');
    api.drillbookSession = null;
  }

  return { storage, record, finish, errors, learnerLang, mode: settings.assessment ? 'assessment' : 'practice' };
}

// ---------------------------------------------------------------------------------------
// cmi5

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function xapi(session, path, params, init = {}) {
  const url = new URL(`${session.endpoint.replace(/\/$/, '')}/${path}`);
  for (const [k, v] of Object.entries(params || {})) url.searchParams.set(k, v);
  return fetch(url, {
    ...init,
    headers: { Authorization: session.auth, 'X-Experience-API-Version': '1.0.3', ...(init.headers || {}) },
  });
}

function stateParams(session, stateId) {
  return { stateId, activityId: session.activityId, agent: JSON.stringify(session.actor), registration: session.registration };
}

/** The launch: the launch parameters, the auth token (fetched once), LMS.LaunchData, the
 * learner's preferences and the saved suspend data; kept in sessionStorage for the
 * package's pages. Null when the page was not launched by a cmi5 LMS. */
async function cmi5Launch() {
  const q = new URLSearchParams(location.search);
  const [endpoint, fetchUrl, actor, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => q.get(k));
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  const token = await (await fetch(fetchUrl, { method: 'POST' })).json();
  if (!token['auth-token']) throw new Error(`cmi5 fetch: ${JSON.stringify(token)}`);
  const session = {
    endpoint, registration, activityId, actor: JSON.parse(actor), auth: `Basic ${token['auth-token']}`,
    started: Date.now(), initialized: false, judged: false, terminated: false, suspend: null,
  };
  const launchData = await xapi(session, 'activities/state', stateParams(session, 'LMS.LaunchData'));
  if (!launchData.ok) throw new Error(`cmi5 LMS.LaunchData: ${launchData.status}`);
  session.launchData = await launchData.json();
  const prefs = await xapi(session, 'agents/profile', { agent: JSON.stringify(session.actor), profileId: 'cmi5LearnerPreferences' });
  session.languagePreference = prefs.ok ? String((await prefs.json()).languagePreference || '') : '';
  // The saved suspend data, when the State API lists it (asking for a missing document is a
  // 404 the browser reports as an error).
  const { stateId, ...listParams } = stateParams(session, SUSPEND_STATE);
  const ids = await xapi(session, 'activities/state', listParams);
  const listed = ids.ok ? await ids.json() : [];
  if (Array.isArray(listed) && listed.includes(stateId)) {
    const saved = await xapi(session, 'activities/state', stateParams(session, SUSPEND_STATE));
    session.suspend = saved.ok ? await saved.text() : null;
  }
  sessionStorage.setItem(CMI5_SESSION, JSON.stringify(session));
  return session;
}

function cmi5Adapter() {
  let session;
  try { session = JSON.parse(sessionStorage.getItem(CMI5_SESSION)); } catch { return null; }
  if (!session || session.terminated) return null;
  const save = () => sessionStorage.setItem(CMI5_SESSION, JSON.stringify(session));
  const errors = [];
  const launch = session.launchData || {};
  const template = launch.contextTemplate || {};
  const mastery = typeof launch.masteryScore === 'number' ? launch.masteryScore : settings.masteryScore;
  const normal = !launch.launchMode || launch.launchMode === 'Normal';

  // Timestamps strictly increase, so the statements' order survives in the LRS.
  let last = 0;
  const stamp = () => { last = Math.max(Date.now(), last + 1); return last; };

  function statement(verb, result, moveOn) {
    const context = structuredClone(template);
    context.registration = session.registration;
    context.contextActivities = context.contextActivities || {};
    const category = (context.contextActivities.category || []).filter((c) => c.id !== CMI5 && c.id !== MOVEON);
    category.push({ id: CMI5, objectType: 'Activity' });
    if (moveOn) category.push({ id: MOVEON, objectType: 'Activity' });
    context.contextActivities.category = category;
    context.extensions = { ...(context.extensions || {}) };
    if (verb === 'passed' || verb === 'failed') context.extensions[MASTERY_EXT] = mastery;
    const stmt = {
      id: uuid(), actor: session.actor, verb: VERB(verb),
      object: { id: session.activityId, objectType: 'Activity' },
      context, timestamp: new Date(stamp()).toISOString(),
    };
    if (result) stmt.result = result;
    return stmt;
  }

  // Statements go one at a time, in order. When the page goes, what is still waiting goes
  // in one last request (an array of statements), which the browser delivers after the page.
  const pending = [];
  let sending = false;
  const post = (body, keepalive) => xapi(session, 'statements', null, {
    method: 'POST', keepalive, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).then((r) => { if (!r.ok) errors.push({ statements: body, status: r.status }); })
    .catch((e) => { errors.push({ statements: body, error: String(e) }); });
  function pump() {
    if (sending || !pending.length) return;
    sending = true;
    post(pending[0], false).then(() => {
      pending.shift();
      sending = false;
      pump();
    });
  }
  function send(stmt) {
    pending.push(stmt);
    pump();
  }
  function sendLast(stmt) {
    const batch = pending.splice(sending ? 1 : 0).concat([stmt]);
    post(batch, true);
  }

  if (!session.initialized) {
    send(statement('initialized'));
    session.initialized = true;
    save();
  }
  // The suspend data: the latest text is PUT, one request at a time.
  let stateWaiting = null;
  let stateBusy = false;
  const putState = (text, keepalive) => xapi(session, 'activities/state', stateParams(session, SUSPEND_STATE), {
    method: 'PUT', keepalive, headers: { 'Content-Type': 'application/json' }, body: text,
  }).catch((e) => { errors.push({ state: String(e) }); });
  function flushState() {
    if (stateBusy || stateWaiting === null) return;
    const text = stateWaiting;
    stateWaiting = null;
    stateBusy = true;
    putState(text, false).then(() => { stateBusy = false; flushState(); });
  }
  const storage = suspendStorage(() => session.suspend, (text) => {
    session.suspend = text;
    save();
    stateWaiting = text;
    flushState();
  }, SUSPEND_LIMIT.cmi5);

  function record(attempt) {
    const result = verdict(attempt);
    if (!result.finished || session.judged || !normal) return;
    const duration = isoDuration(Date.now() - session.started);
    if (result.passed !== null) {
      const scaled = result.score === null ? (result.passed ? 1 : 0) : Number(result.score.toFixed(4));
      // cmi5: passed only when the score reaches the mastery score.
      const passed = result.passed && scaled >= mastery;
      send(statement(passed ? 'passed' : 'failed', { score: { scaled }, success: passed, duration }, true));
    }
    send(statement('completed', { completion: true, duration }, true));
    session.judged = true;
    save();
  }

  function finish() {
    session.terminated = true;
    save();
    if (stateWaiting !== null) putState(stateWaiting, true);
    sendLast(statement('terminated', { duration: isoDuration(Date.now() - session.started) }));
  }

  return {
    storage, record, finish, errors, mode: normal && settings.assessment ? 'assessment' : 'practice',
    session, preferences: session.languagePreference,
  };
}

// ---------------------------------------------------------------------------------------
// The page

function showNote() {
  if (!settings.noLms || document.querySelector('.package-no-lms')) return;
  const note = document.createElement('p');
  note.className = 'notice package-no-lms';
  note.setAttribute('role', 'note');
  note.textContent = settings.noLms;
  const anchor = document.querySelector('main h1');
  if (anchor) anchor.after(note); else document.querySelector('main, body').prepend(note);
}

/** Links between the package's pages keep the LMS session open: the page that follows
 * carries it on. Any other way of leaving the page ends it. */
let navigating = false;
function watchLinks() {
  document.addEventListener('click', (event) => {
    const a = event.target.closest && event.target.closest('a[href]');
    if (!a || a.target) return;
    const url = new URL(a.href, location.href);
    if (url.origin === location.origin && url.pathname !== location.pathname) navigating = true;
  }, true);
}

function endOnExit(adapter) {
  let ended = false;
  const end = () => {
    if (ended || navigating) return;
    ended = true;
    adapter.finish();
  };
  window.addEventListener('pagehide', end);
  window.addEventListener('unload', end);
}

function launchPage() {
  const go = (locale) => {
    const page = settings.launch[locale];
    if (!page) return;
    navigating = true;
    location.replace(new URL(page, location.href).href);
  };
  const browser = () => pickLocale(navigator.languages || [navigator.language], settings.locales);
  if (settings.format === 'cmi5' && new URLSearchParams(location.search).has('fetch')) {
    cmi5Launch().then((session) => {
      const prefs = session && session.languagePreference ? session.languagePreference.split(',') : [];
      go(prefs.length ? pickLocale(prefs, settings.locales) : browser());
    }).catch((error) => {
      window.drillbookLmsError = String(error);
      showNote();
    });
    return;
  }
  const adapter = settings.format !== 'cmi5' ? scormAdapter(settings.format) : null;
  if (!adapter) showNote();
  const prefs = adapter && adapter.learnerLang ? [adapter.learnerLang] : [];
  go(prefs.length ? pickLocale([...prefs, ...(navigator.languages || [])], settings.locales) : browser());
}

function articlePage() {
  const adapter = settings.format === 'cmi5' ? cmi5Adapter() : scormAdapter(settings.format);
  if (!adapter) {
    showNote();
    return;
  }
  window.drillbookLms = adapter;
  window.drillbookHost = {
    mode: adapter.mode,
    storage: adapter.storage,
    lang: document.documentElement.lang,
    onAttempt(attempt) { adapter.record(attempt); },
  };
  endOnExit(adapter);
  // In practice mode the simulator reports no attempts: reaching a scenario's goal completes.
  if (adapter.mode === 'practice') {
    document.addEventListener('drillbook:sim-state', (event) => {
      const detail = event.detail || {};
      if (detail.goalReached) adapter.record({ scenario: detail.scenario, mode: 'practice', actions: [], finished: true, goalReached: true, score: null, passed: null });
    });
  }
}

if (typeof document !== 'undefined' && settings) {
  watchLinks();
  if (settings.locales && settings.locales.length) launchPage();
  else articlePage();
}
