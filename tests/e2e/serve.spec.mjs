// `drillbook serve` in a real browser: edit a .ftl in a temp copy and see the open page
// reload with the new text; break the .ftl and see the error overlay; fix it, see it go.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, launch, watchedPage, screenshot } from "./lib.mjs";

let project, child, url, context;

before(async () => {
  project = await mkdtemp(join(tmpdir(), "drillbook-serve-"));
  await cp(join(repo, "content"), join(project, "content"), { recursive: true });
  await cp(join(repo, "locales"), join(project, "locales"), { recursive: true });
  const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");
  assert.ok(existsSync(bin), `${bin} is missing: cargo build first`);
  child = spawn(bin, ["serve", "--port", "0", "--root", project], { stdio: ["ignore", "ignore", "pipe"] });
  url = await new Promise((resolve, reject) => {
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const match = log.match(/serving .* at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  context = await launch();
});

after(async () => {
  await context?.close();
  child?.kill("SIGINT");
});

// Saves as editors do: the whole new text, then a rename over the file. `writeFile` alone
// truncates first; on a loaded machine the file can stay empty longer than the watcher's
// debounce, and serve then rightly renders an empty (untranslated) file (seen once in CI).
// The temporary file is in the project root, which serve does not watch.
async function save(path, text) {
  const tmp = join(project, ".save.tmp");
  await writeFile(tmp, text);
  await rename(tmp, path);
}

test("edit, break and fix a translation while the page is open", async () => {
  const { page, problems } = await watchedPage(context);
  const ftl = join(project, "locales", "de-DE", "remove-a-relationship.ftl");
  const original = await readFile(ftl, "utf8");
  await page.goto(`${url}/de-DE/remove-a-relationship/`);
  const h1 = page.locator("h1");
  assert.match(await h1.textContent(), /Resellerbeziehung/);

  await save(ftl, original.replace("heading = Entfernen einer Resellerbeziehung", "heading = Live bearbeitet: Entfernen einer Resellerbeziehung"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.startsWith("Live bearbeitet"), null, { timeout: 20000 });

  await save(ftl, original.replace("step-suspend = ", "step-suspend = { "));
  const overlay = page.locator("#drillbook-error-overlay");
  await overlay.waitFor({ timeout: 20000 });
  assert.match(await overlay.textContent(), /remove-a-relationship\.ftl:\d+:\d+: error\[ftl-syntax\]/);
  await screenshot(page, "serve-error-overlay.png");
  assert.match(await h1.textContent(), /Live bearbeitet/, "the last good page stays");

  await save(ftl, original);
  await page.waitForFunction(() => !document.getElementById("drillbook-error-overlay") && document.querySelector("h1")?.textContent.startsWith("Entfernen"), null, { timeout: 20000 });
  // Errors from the broken build are console errors only if the page itself failed.
  assert.deepEqual(problems.filter((p) => !p.includes("__drillbook/events")), []);
  await page.close();
});
