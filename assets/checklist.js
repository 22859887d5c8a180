// drillbook checklists: the printable checklist page (ticked by hand, progress kept in
// localStorage) and the panel on an article page (ticked by the simulator's state).
// All words come from the page (built from Fluent); this file has no user-visible text.

const STATUSES = ['not-started', 'in-progress', 'completed', 'cannot-start', 'nothing-to-do'];

/** The one status rule of both views (the model is `statuses` in src/checklist.rs):
 * `done` the item's condition holds, `nothing` it held before anything was done,
 * `waiting` a condition it needs does not hold yet, `started` some of it is done. */
export function statusOf({ done, nothing = false, waiting, started }) {
  if (done) return nothing ? 'nothing-to-do' : 'completed';
  if (waiting && !started) return 'cannot-start';
  return started ? 'in-progress' : 'not-started';
}

function readData(root) {
  const node = root.querySelector('#drillbook-checklist-data');
  return node ? JSON.parse(node.textContent) : null;
}

function setStatus(data, li, status) {
  const tag = li.querySelector('[data-status]');
  tag.textContent = status === 'nothing-to-do' ? li.dataset.nothing : data.status[status];
  for (const s of STATUSES) tag.classList.toggle(`tag-${s}`, s === status);
  li.dataset.status = status;
  const hint = li.querySelector('.task-hint');
  if (hint) hint.hidden = status !== 'cannot-start';
}

/** "n of total completed": an item with nothing to do is not work done. */
function setProgress(data, root, items) {
  const done = items.filter((li) => li.dataset.status === 'completed').length;
  const node = root.querySelector('.checklist-progress');
  if (node) node.textContent = data.progress[done] ?? '';
}

/** Which items (by done-when condition) must be completed before `li` can start. */
function blockers(li) {
  return (li.dataset.requires || '').split(' ').filter(Boolean);
}

// ---- The checklist page: ticked by hand --------------------------------------------------

function storage() {
  try { return window.localStorage; } catch { return null; }
}

function loadSaved(data, notice) {
  const store = storage();
  if (!store) return { checks: {}, fields: {} };
  const raw = store.getItem(data['storage-key']);
  if (raw === null) return { checks: {}, fields: {} };
  try {
    const saved = JSON.parse(raw);
    if (!saved || saved.version !== data.version || typeof saved.checks !== 'object' || typeof saved.fields !== 'object') throw new Error('invalid');
    return saved;
  } catch {
    store.removeItem(data['storage-key']);
    notice(data.discarded);
    return { checks: {}, fields: {} };
  }
}

function initPage(root) {
  const data = readData(root);
  if (!data) return;
  const items = [...root.querySelectorAll('.task-list-item')];
  const inputs = [...root.querySelectorAll('.checklist-fields input')];
  const progress = root.querySelector('.checklist-progress');
  const saved = loadSaved(data, (text) => { progress.textContent = text; });

  const save = () => {
    const checks = {};
    for (const box of root.querySelectorAll('.task-check')) if (box.checked) checks[box.id] = true;
    const fields = {};
    for (const input of inputs) if (input.value) fields[input.name] = input.value;
    try { storage()?.setItem(data['storage-key'], JSON.stringify({ version: data.version, checks, fields })); } catch { /* storage full or blocked */ }
  };

  const update = () => {
    const doneConditions = new Set();
    const states = items.map((li) => {
      const boxes = [...li.querySelectorAll('.task-check')];
      const ticked = boxes.filter((b) => b.checked).length;
      return { li, boxes, ticked };
    });
    for (const { li, boxes, ticked } of states) {
      if (boxes.length && ticked === boxes.length && li.dataset.doneWhen) doneConditions.add(li.dataset.doneWhen);
    }
    for (const { li, boxes, ticked } of states) {
      const status = statusOf({
        done: boxes.length > 0 && ticked === boxes.length,
        waiting: blockers(li).some((c) => !doneConditions.has(c)),
        started: ticked > 0,
      });
      for (const box of boxes) box.disabled = status === 'cannot-start';
      setStatus(data, li, status);
    }
    setProgress(data, root, items);
  };

  for (const box of root.querySelectorAll('.task-check')) box.checked = Boolean(saved.checks[box.id]);
  for (const input of inputs) input.value = saved.fields[input.name] ?? '';
  root.addEventListener('change', () => { update(); save(); });
  root.addEventListener('input', save);
  root.querySelector('[data-checklist-reset]')?.addEventListener('click', () => {
    for (const box of root.querySelectorAll('.task-check')) box.checked = false;
    for (const input of inputs) input.value = '';
    storage()?.removeItem(data['storage-key']);
    update();
    root.querySelector('.task-check')?.focus();
  });
  root.querySelector('[data-checklist-print]')?.addEventListener('click', () => window.print());
  update();
}

// ---- The article panel: ticked by the simulator -------------------------------------------

function remaining(customer, condition) {
  const active = (items, value) => Object.values(items || {}).filter((s) => s === value).length;
  if (condition === 'no-active-subscriptions') return active(customer.subscriptions, 'active');
  if (condition === 'no-active-reservations') return active(customer.reservations, 'active');
  if (condition === 'no-active-software') return active(customer.software, 'active');
  return null;
}

function initPanel(root) {
  const data = readData(root);
  if (!data) return;
  const items = [...root.querySelectorAll('.task-list-item')];
  document.addEventListener('drillbook:sim-state', (event) => {
    const { goal, conditions, state, initial } = event.detail;
    const met = conditions[goal.customer] || {};
    const now = state?.customers?.[goal.customer];
    const before = initial?.customers?.[goal.customer];
    for (const li of items) {
      const condition = li.dataset.doneWhen;
      const was = before && condition ? remaining(before, condition) : null;
      const is = now && condition ? remaining(now, condition) : null;
      const status = statusOf({
        done: Boolean(condition && met[condition]),
        nothing: was === 0,
        waiting: blockers(li).some((c) => !met[c]),
        started: was !== null && is !== null && is < was,
      });
      setStatus(data, li, status);
    }
    setProgress(data, root, items);
  });
}

for (const root of document.querySelectorAll('[data-checklist-page]')) initPage(root);
for (const root of document.querySelectorAll('[data-checklist-panel]')) initPanel(root);
