// drillbook: the simulator's DOM helpers (an ES module): element builder and button.

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
