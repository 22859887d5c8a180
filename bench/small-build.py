#!/usr/bin/env python3
"""Build times of the two small real sites, the issue 8 target (< 100 ms each, warm):

- shipped: this repository's own `content/` and `locales/`;
- corpus: the same project with the shared DocFX corpus imported
  (`drillbook import docfx ../shared/corpus/docfx` into a temp copy), without the translated
  messages `check` reports errors about (the build refuses them).

Each binary builds each site RUNS times (default 15) in three ways: `cold` (`--no-cache`: every
locale indexed for search), `unchanged` (a rebuild with nothing changed: every locale's index
from the search cache) and `1 edit` (a rebuild after one German message changed, a new word
each run: the German index is rebuilt, the others come from the cache). Output on tmpfs, runs
alternated between binaries, sites and ways so that a busy machine slows them alike; a binary
without a search cache builds the same way three times. Reported per site, binary and way:
medians of wall time, CPU time (user + sys, from the child's rusage) and the search index
phase ("search index done" minus "render done" from DRILLBOOK_TIMINGS), then the machine's
load average, which says how far to trust the wall times on a shared machine.

Usage: python3 bench/small-build.py [BINARY...]   (default: this tree's release build)
       RUNS=21 python3 bench/small-build.py /tmp/drillbook-main target/release/drillbook
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("BENCH_DIR", "/dev/shm/drillbook-small-bench")
RUNS = int(os.environ.get("RUNS", "15"))


def default_binary():
    subprocess.run(["cargo", "build", "-q", "--release"], cwd=REPO, check=True)
    meta = subprocess.run(
        ["cargo", "metadata", "-q", "--format-version", "1", "--no-deps"],
        cwd=REPO, check=True, capture_output=True, text=True,
    )
    return os.path.join(json.loads(meta.stdout)["target_directory"], "release", "drillbook")


def has_cache(binary):
    usage = subprocess.run([binary, "build", "--help"], capture_output=True, text=True).stdout
    return "--no-cache" in usage


EDITED = os.path.join("locales", "de-DE", "remove-a-relationship.ftl")


def edit(root, run):
    """Puts a new word at the start of the German article's `intro` message."""
    path = os.path.join(root, EDITED)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("\nintro = ", f"\nintro = run{run} ", 1))


def build(binary, root, flags=()):
    """One build: (wall ms, cpu ms, search phase ms)."""
    env = dict(os.environ, DRILLBOOK_TIMINGS="1")
    out = os.path.join(WORK, "out")
    start = time.perf_counter()
    child = subprocess.Popen(
        [binary, "--root", root, "build", "--out", out, *flags],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{binary} failed to build {root}:\n{stderr}")
    marks = dict(re.findall(r"timing: (.+?) done at (\d+) ms", stderr))
    search = int(marks["search index"]) - int(marks["render"]) if "search index" in marks else 0
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, search


def drop_broken_translations(binary, root):
    """Removes the translated messages `check` reports errors about (the corpus's machine
    translation defects, which `build` refuses as `check` does): they fall back to English."""
    check = subprocess.run(
        [binary, "--root", root, "check", "--format", "json"], capture_output=True, text=True
    )
    broken = {}
    for d in json.loads(check.stdout)["diagnostics"]:
        if d["severity"] == "error" and d["id"] and d["path"].startswith("locales/"):
            broken.setdefault(d["path"], set()).add(d["id"])
    for path, ids in broken.items():
        path = os.path.join(root, path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        kept, dropping = [], False
        for line in lines:
            if not line[:1].isspace():
                dropping = re.split(r"[ =]", line, maxsplit=1)[0] in ids
            if not dropping:
                kept.append(line)
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(kept))


def main():
    binaries = [os.path.abspath(b) for b in sys.argv[1:]] or [default_binary()]
    shutil.rmtree(WORK, ignore_errors=True)
    shipped, corpus = os.path.join(WORK, "shipped"), os.path.join(WORK, "corpus")
    for root in [shipped, corpus]:
        for sub in ["content", "locales"]:
            shutil.copytree(os.path.join(REPO, sub), os.path.join(root, sub))
    docfx = os.path.join(REPO, "..", "shared", "corpus", "docfx")
    subprocess.run(
        [binaries[0], "--root", corpus, "import", "docfx", docfx],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    drop_broken_translations(binaries[0], corpus)
    # Each binary builds its own copy of the sites: their search caches (keyed by program)
    # would otherwise prune each other's entries, and "unchanged" would miss.
    names = {"shipped": shipped, "corpus": corpus}
    sites = {}
    for i, binary in enumerate(binaries):
        sites[binary] = {}
        for site, root in names.items():
            copy = os.path.join(WORK, f"b{i}", site)
            shutil.copytree(root, copy)
            sites[binary][site] = copy
    ways = ["cold", "unchanged", "1 edit"]
    cached = {binary: has_cache(binary) for binary in binaries}
    times = {(site, b, way): [] for site in names for b in binaries for way in ways}
    for binary in binaries:  # one untimed build each: files in the page cache, search cache filled
        for root in sites[binary].values():
            build(binary, root)
    for run in range(RUNS):
        for binary in binaries:
            for site, root in sites[binary].items():
                cold = ["--no-cache"] if cached[binary] else []
                times[(site, binary, "cold")].append(build(binary, root, cold))
                times[(site, binary, "unchanged")].append(build(binary, root))
                edit(root, run)
                times[(site, binary, "1 edit")].append(build(binary, root))
    print(f"{'site':8} {'binary':36} {'way':10} {'wall ms':>8} {'cpu ms':>8} {'search ms':>10}")
    for site in names:
        for binary in binaries:
            for way in ways:
                runs = times[(site, binary, way)]
                wall, cpu, search = (statistics.median(r[i] for r in runs) for i in range(3))
                print(f"{site:8} {binary[-36:]:36} {way:10} {wall:8.0f} {cpu:8.0f} {search:10.0f}")
    load = open("/proc/loadavg").read().split()[:3]
    print(f"runs: {RUNS}, load average at the end: {' '.join(load)}")


if __name__ == "__main__":
    main()
