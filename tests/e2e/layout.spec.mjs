// Every page type in every locale at 320, 390 and 1280 px: nothing wider than the viewport
// (the page never scrolls sideways; a wide table or code block may scroll inside itself),
// no text clipped by a box that hides overflow. The article page is checked with the
// simulator mounted, on its widest screen (the customer page with its tabs), and with
// the scenario whose title is the longest.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { LOCALES, buildSite, serve, launch, watchedPage, axe, shots } from "./lib.mjs";

const WIDTHS = [320, 390, 1280];
const PAGES = ["", "remove-a-relationship/", "remove-a-relationship/checklist/", "dashboard/", "no-such-page/"];

let server, context;
before(async () => {
  server = await serve(await buildSite());
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

/** Elements sticking out of the viewport, and text boxes that clip their text. Evaluated in
 * the page. An element inside a box that scrolls or clips counts only if that box itself
 * sticks out. */
function overflow() {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} "${(el.textContent || "").trim().slice(0, 40)}"`;
  const contained = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== "visible") return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility() || el.closest(".skip-link")) continue;
    const box = el.getBoundingClientRect();
    // Zero-size and visually hidden (1 px, for screen readers) boxes show nothing.
    if (box.width <= 1 || box.height <= 1) continue;
    if ((box.right > width + 0.5 || box.left < -0.5) && !contained(el)) problems.push(`${describe(el)}: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
    const style = getComputedStyle(el);
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (hasText && !["SELECT", "INPUT", "TEXTAREA"].includes(el.tagName) && ["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)}: text clipped (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  return problems;
}

for (const width of WIDTHS) {
  test(`${width} px: no page of any locale is wider than the window`, async () => {
    const { page, problems } = await watchedPage(context);
    await page.setViewportSize({ width, height: 800 });
    const found = [];
    const check = async (what) => { for (const p of await page.evaluate(overflow)) found.push(`${what}: ${p}`); };
    for (const locale of LOCALES) {
      for (const path of PAGES) {
        const missing = path === "no-such-page/";
        const seen = problems.length;
        const response = await page.goto(`${server.url}/${locale}/${path}`);
        assert.equal(response.status(), missing ? 404 : 200, `${locale}/${path}`);
        // The not-found page's own 404 is expected; nothing else on it is.
        if (missing) problems.splice(seen, problems.length - seen, ...problems.slice(seen).filter((p) => !/404/.test(p)));
        if (path === "remove-a-relationship/") {
          const sim = page.locator("#sim");
          await sim.locator(".sim-app").waitFor();
          await check(`${locale}/${path} customers`);
          // The scenario with the longest title, its goal customer's page and each tab.
          const longest = await sim.locator("select option").evaluateAll((os) => os.reduce((a, o) => (o.text.length > a.text.length ? o : a)).value);
          await sim.locator("select").selectOption(longest);
          await sim.locator('[data-key^="customer:"]').first().click();
          for (const tab of await sim.getByRole("tab").all()) {
            await tab.click();
            await check(`${locale}/${path} ${longest} tab ${await tab.textContent()}`);
          }
          await sim.locator(".sim-differences summary").click();
          await check(`${locale}/${path} differences open`);
        } else {
          await check(`${locale}/${path}`);
        }
      }
    }
    await page.goto(`${server.url}/`);
    await check("root index");
    assert.deepEqual(found, []);
    // Leaving a page quickly aborts its favicon request: not a defect of the page.
    assert.deepEqual(problems.filter((p) => !/favicon.*ERR_ABORTED/.test(p)), []);
    await page.close();
  });
}

/** Controls in the simulator whose accessible name is used twice in the same region (the
 * nearest landmark, tab list, tab panel, group or message bar). Evaluated in the page. */
function duplicateNames() {
  const nameOf = (el) => {
    const by = el.getAttribute("aria-labelledby");
    return (el.getAttribute("aria-label") || (by && document.getElementById(by)?.textContent) || el.textContent || "").trim().replace(/\s+/g, " ");
  };
  const regions = new Map();
  for (const el of document.querySelectorAll("#sim button, #sim a[href], #sim select, #sim summary")) {
    if (!el.checkVisibility()) continue;
    const region = el.closest('nav, [role="region"], [role="tablist"], [role="tabpanel"], [role="group"], .sim-toolbar, .sim-refusal, details');
    if (!regions.has(region)) regions.set(region, []);
    regions.get(region).push(nameOf(el));
  }
  const out = [];
  for (const [region, names] of regions) {
    for (const name of new Set(names)) {
      if (!name) out.push(`${region?.className}: a control without a name`);
      else if (names.filter((n) => n === name).length > 1) out.push(`${region?.className}: "${name}" ${names.filter((n) => n === name).length} times`);
    }
  }
  return out;
}

for (const locale of LOCALES) {
  test(`${locale}: every console screen has unique control names per region and no axe violation`, async () => {
    const { page, problems } = await watchedPage(context);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/${locale}/remove-a-relationship/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const sim = page.locator("#sim");
    await sim.locator(".sim-app").waitFor();
    const data = JSON.parse(await page.locator("#drillbook-sim-data").textContent());
    const found = [];
    const check = async (screen) => {
      for (const d of await page.evaluate(duplicateNames)) found.push(`${screen}: ${d}`);
      for (const v of await axe(page)) found.push(`${screen}: ${v}`);
    };
    const shot = async (name) => {
      if (locale !== "en-US") return;
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await sim.screenshot({ path: join(shots, `console-${name}-${width}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    await mkdir(shots, { recursive: true });
    // The default scenario: start, a refusal, the goal.
    const first = data.scenarios[0];
    const goal = first.customers.find((c) => c.id === first.goal.customer);
    await check("start");
    await shot("start");
    await sim.locator(`[data-key="customer:${goal.id}"]`).click();
    await sim.getByRole("tab", { name: data.ui.account }).click();
    await sim.locator('[data-key="open-remove"]').press("Enter");
    assert.ok(await sim.locator(".sim-refusal").evaluate((el) => el === document.activeElement), "the refusal is focused");
    await check("refusal");
    await shot("refusal");
    // Every screen of "everything at once": each tab of each customer, a subscription.
    const all = data.scenarios.find((s) => s.id === "everything-at-once");
    await sim.locator("select").selectOption(all.id);
    for (const customer of all.customers) {
      await sim.locator(`[data-key="customer:${customer.id}"]`).click();
      for (const tab of ["account", "subscriptions", "reservations", "software"]) {
        await sim.locator(`[data-key="tab:${tab}"]`).click();
        await check(`${customer.id} ${tab}`);
      }
      await sim.locator(`[data-key="tab:subscriptions"]`).click();
      await sim.locator(`[data-key="sub:${customer.subscriptions[0].id}"]`).click();
      await check(`${customer.id} subscription`);
      await sim.locator(`[data-key="nav:customers"]`).click();
    }
    // The default scenario to its goal (the confirmation, then the result).
    await sim.locator("select").selectOption(first.id);
    for (const sub of goal.subscriptions) {
      await sim.locator(`[data-key="customer:${goal.id}"]`).click();
      await sim.locator(`[data-key="sub:${sub.id}"]`).click();
      await sim.getByRole("button", { name: data.ui.suspended }).click();
      await sim.locator(`[data-key="nav:customers"]`).click();
    }
    await sim.locator(`[data-key="customer:${goal.id}"]`).click();
    await sim.locator(`[data-key="tab:account"]`).click();
    await sim.locator('[data-key="open-remove"]').click();
    await check("confirm");
    await sim.getByRole("button", { name: data.ui.remove, exact: true }).click();
    await sim.locator(".sim-success").waitFor();
    await check("goal");
    await shot("goal");
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
