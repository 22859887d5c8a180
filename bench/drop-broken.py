#!/usr/bin/env python3
"""Removes from a project's translated locales every message `drillbook check` reports an
error about, so an imported corpus with machine-translation defects builds (what
tests/e2e/lib.mjs does for the browser tests). Errors outside translated locales stop it:
those are import losses, not translation defects, and must not be hidden.

Usage: python3 bench/drop-broken.py DRILLBOOK_BIN PROJECT_ROOT"""
import json, os, re, subprocess, sys

binary, root = sys.argv[1], sys.argv[2]
run = subprocess.run([binary, "--root", root, "check", "--format", "json"],
                     capture_output=True, text=True)
report = json.loads(run.stdout)
broken = {}
for d in report["diagnostics"]:
    if d["severity"] != "error":
        continue
    if not d.get("id") or not d["path"].startswith("locales/") or d.get("locale") == "en-US":
        sys.exit(f"an error that dropping translations cannot remove: {json.dumps(d)}")
    broken.setdefault(d["path"], set()).add(d["id"])
dropped = 0
for path, ids in sorted(broken.items()):
    file = os.path.join(root, path)
    kept, dropping = [], False
    with open(file, encoding="utf-8") as f:
        for line in f.read().splitlines(keepends=True):
            if not re.match(r"[ \t\r\n]", line):
                dropping = re.split(r"[ =]", line, maxsplit=1)[0] in ids
                dropped += dropping
            if not dropping:
                kept.append(line)
    with open(file, "w", encoding="utf-8") as f:
        f.write("".join(kept))
print(f"dropped {dropped} messages in {len(broken)} files", file=sys.stderr)
