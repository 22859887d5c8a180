// Helpers shared by the package tests (lms.spec.mjs, cmi5.spec.mjs): build a package with the
// real binary, read the zip, serve its files (and the test's own LMS files) on 127.0.0.1.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { inflateRawSync } from "node:zlib";
import { repo } from "./lib.mjs";
import { keyboard } from "./keyboard.mjs";

export const ARTICLE = "remove-a-relationship";

/** Runs `drillbook package` and returns the zip's bytes. */
export function buildPackage(format, locales = []) {
  return buildPackages([format], locales)[format];
}

/** Runs one `drillbook package` for several formats (`--out DIR/`) and returns each zip's
 * bytes by format. */
export function buildPackages(formats, locales = []) {
  const dir = mkdtempSync(join(tmpdir(), "drillbook-pkg-"));
  const bin = process.env.DRILLBOOK_BIN || join(repo, "target", "debug", "drillbook");
  const args = ["--root", repo, "package", ARTICLE, ...formats.flatMap((f) => ["--format", f]), "--out", `${dir}/`, ...locales.flatMap((l) => ["--locale", l])];
  const result = existsSync(bin)
    ? spawnSync(bin, args, { cwd: repo, encoding: "utf8" })
    : spawnSync("cargo", ["run", "-q", "--", ...args], { cwd: repo, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`package failed: ${result.stderr}`);
  return Object.fromEntries(formats.map((f) => [f, readFileSync(join(dir, `${ARTICLE}-${f}.zip`))]));
}

/** The files of a zip (no zip64, no data descriptors: what drillbook writes), an independent
 * reader: node's own inflate, not the zip crate that wrote it. */
export function readZip(zip) {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error("not a zip");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLen + skip;
  }
  return files;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".md": "text/markdown; charset=utf-8", ".xml": "application/xml" };

/** Serves `files` (path → bytes) under `/pkg/`, and `routes` (path → handler(req, res,
 * body)) for the test's LMS side, on 127.0.0.1. Records every request path. */
export async function servePackage(files, routes = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url, "http://x");
      requests.push(`${req.method} ${url.pathname}`);
      try {
        const route = routes[url.pathname];
        if (route) return await route(req, res, Buffer.concat(chunks), url);
        if (url.pathname.startsWith("/pkg/")) {
          const body = files.get(decodeURIComponent(url.pathname.slice(5)));
          if (body) {
            res.writeHead(200, { "Content-Type": TYPES[extname(url.pathname)] || "application/octet-stream" });
            return res.end(body);
          }
        }
        res.writeHead(404);
        res.end("not found");
      } catch (e) {
        res.writeHead(500);
        res.end(String(e && e.stack));
      }
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

export const nodeModule = (path) => readFileSync(join(repo, "node_modules", path));

/** Keyboard only: the goal customer's active subscriptions suspended,
 * then the removal (the procedure of tests/e2e/assess.spec.mjs). */
export async function procedure(kb, data, scenario) {
  const customer = scenario.customers.find((c) => c.id === scenario.goal.customer);
  const active = customer.subscriptions.filter((s) => scenario.initial.customers[customer.id].subscriptions[s.id] === "active");
  for (const sub of active) {
    await kb.reach(data.ui.customers);
    await kb.press("Enter");
    await kb.reach(customer.name);
    await kb.press("Enter");
    await kb.reach(sub.name);
    await kb.press("Enter");
    await kb.reach(data.ui.suspended);
    await kb.press("Space");
  }
  await kb.reach(data.ui.customers);
  await kb.press("Enter");
  await kb.reach(customer.name);
  await kb.press("Enter");
  await kb.reach(data.ui.account);
  await kb.reach(data.ui["remove-reseller-relationship"]);
  await kb.press("Enter");
  await kb.reach(data.ui.remove);
  await kb.press("Enter");
}

/** Refused removals (the relationship still has active subscriptions), keyboard only. */
export async function refuseRemoval(kb, data, scenario, times) {
  const customer = scenario.customers.find((c) => c.id === scenario.goal.customer);
  await kb.reach(customer.name);
  await kb.press("Enter");
  await kb.reach(data.ui.account);
  for (let i = 0; i < times; i += 1) {
    await kb.reach(data.ui["remove-reseller-relationship"]);
    await kb.press("Enter");
  }
}

/** The simulator in `sco` (a page, or the frame of an LMS page), in assessment mode: its
 * data, its first assessed scenario, and a keyboard driver for it. */
export async function simIn(page, sco) {
  await sco.locator("#sim .sim-assessment").waitFor();
  await sco.evaluate(() => {
    window.attempts = [];
    document.addEventListener("drillbook:sim-attempt", (e) => window.attempts.push(e.detail));
  });
  const data = JSON.parse(await sco.locator("#drillbook-sim-data").textContent());
  const scenario = data.scenarios.find((s) => s.id === data.assessment.scenarios[0]);
  const kb = keyboard({ evaluate: (fn, arg) => sco.evaluate(fn, arg), keyboard: page.keyboard });
  return { data, scenario, kb };
}

