// Sorts a dashboard table by a column when its header is activated (the page works without
// it: the table comes sorted by file, and the status filters are links). A header with
// `data-sort` becomes a button; `aria-sort` tells which column sorts and how.
for (const table of document.querySelectorAll('table[data-sortable]')) {
  const heads = [...table.tHead.rows[0].cells];
  heads.forEach((th, column) => {
    const kind = th.dataset.sort;
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      sortBy(table, column, kind, ascending);
    });
  });
}

function key(cell, kind) {
  if (kind === 'number') return Number(cell.dataset.v ?? cell.textContent) || 0;
  return cell.textContent.trim();
}

function sortBy(table, column, kind, ascending) {
  const body = table.tBodies[0];
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  const rows = [...body.rows].map((row, index) => ({ row, index, key: key(row.cells[column], kind) }));
  rows.sort((a, b) => {
    const order = kind === 'number' ? a.key - b.key : collator.compare(a.key, b.key);
    // Ties keep the page's order (by file), whichever way the column sorts.
    return (ascending ? order : -order) || a.index - b.index;
  });
  body.append(...rows.map((r) => r.row));
}
