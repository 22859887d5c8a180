// Keyboard-only driver for the browser tests: reaches a control by its accessible name with
// Tab or Shift+Tab (whichever is fewer presses), or inside an ARIA tablist with the arrow
// keys, and counts every key pressed.

/** Where focus is and how far (in Tab presses, either way) the nearest control named `name`
 * is; inside a tablist, how far along the arrow keys. Evaluated in the page. */
function locate([name, exact]) {
  const nameOf = (el) => {
    const label = el.getAttribute("aria-label");
    const by = el.getAttribute("aria-labelledby");
    return (label || (by && document.getElementById(by)?.textContent) || el.textContent || "").trim().replace(/\s+/g, " ");
  };
  const matches = (el) => (exact ? nameOf(el) === name : nameOf(el).includes(name));
  const active = document.activeElement;
  if (active && active !== document.body && matches(active)) return { done: true };
  if (active?.getAttribute("role") === "tab") {
    const tabs = [...active.closest('[role="tablist"]').querySelectorAll('[role="tab"]')];
    const to = tabs.findIndex(matches);
    if (to >= 0) return { key: to > tabs.indexOf(active) ? "ArrowRight" : "ArrowLeft" };
  }
  const tabbable = [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility());
  const here = tabbable.indexOf(active);
  // A tab of a tablist is reached through its tablist's one tab stop.
  const leadsTo = (el) => matches(el) || (el.getAttribute("role") === "tab" && [...el.closest('[role="tablist"]').querySelectorAll('[role="tab"]')].some(matches));
  const targets = tabbable.map((el, i) => (leadsTo(el) ? i : -1)).filter((i) => i >= 0);
  if (!targets.length) return { key: "Tab" };
  const best = targets.map((i) => i - here).sort((a, b) => Math.abs(a) - Math.abs(b))[0];
  return { key: here < 0 || best > 0 ? "Tab" : "Shift+Tab" };
}

export function keyboard(page) {
  let presses = 0;
  const press = async (key) => { presses += 1; await page.keyboard.press(key); };
  return {
    get presses() { return presses; },
    press,
    /** Moves focus to the control named `name` (at most `limit` keys). */
    async reach(name, { exact = true, limit = 150 } = {}) {
      for (let i = 0; i < limit; i++) {
        const step = await page.evaluate(locate, [name, exact]);
        if (step.done) return;
        await press(step.key);
      }
      throw new Error(`could not reach "${name}" from the keyboard`);
    },
  };
}
