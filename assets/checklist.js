// drillbook checklists: the printable checklist page (ticked by hand, progress kept in
// localStorage) and the panel on an article page (ticked by the simulator's state).
// All words come from the page (built from Fluent); this file has no user-visible text.

const STATUSES = ['not-started', 'in-progress', 'completed', 'cannot-start'];

function readData(root) {
  const node = root.querySelector('#drillbook-checklist-data');
  return node ? JSON.parse(node.textContent) : null;
}

function setStatus(data, li, status) {
  const tag = li.querySelector('[data-status]');
  tag.textContent = data.status[status];
  for (const s of STATUSES) tag.classList.toggle(`tag-${s}`, s === status);
  li.dataset.status = status;
  const hint = li.querySelector('.task-hint');
  if (hint) hint.hidden = status !== 'cannot-start';
}

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
      const waiting = blockers(li).some((c) => !doneConditions.has(c));
      let status = 'not-started';
      if (waiting && ticked === 0) status = 'cannot-start';
      else if (boxes.length && ticked === boxes.length) status = 'completed';
      else if (ticked > 0) status = 'in-progress';
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
      let status = 'not-started';
      if (condition && met[condition]) status = 'completed';
      else if (blockers(li).some((c) => !met[c])) status = 'cannot-start';
      else if (now && before && condition) {
        const was = remaining(before, condition);
        const is = remaining(now, condition);
        if (was !== null && is !== null && is < was) status = 'in-progress';
      }
      setStatus(data, li, status);
    }
    setProgress(data, root, items);
  });
}

for (const root of document.querySelectorAll('[data-checklist-page]')) initPage(root);
for (const root of document.querySelectorAll('[data-checklist-panel]')) initPanel(root);
