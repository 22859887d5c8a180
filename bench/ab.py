#!/usr/bin/env python3
"""A/B of drillbook binaries on one project: runs alternated (A B A B ...), so that a shared
machine's swings fall on both alike; medians of wall time, CPU (user + system) and peak RSS,
and each binary's wall time against the first's as a median of the per-round ratios with a
bootstrap 95 % interval. The site goes to tmpfs and is removed before every run.

Usage: python3 bench/ab.py PROJECT RUNS 'BUILD ARGS' LABEL=BIN[,ENV=VALUE...] ...
  e.g. python3 bench/ab.py /dev/shm/drillbook-real/d 21 '--no-search' \\
         start=/tmp/start/drillbook head=target/release/drillbook,DRILLBOOK_TIMINGS=1
(`bash bench/real.sh` leaves the imported HoloLens project in /dev/shm/drillbook-real/d.)"""
import os, random, shutil, statistics, subprocess, sys, time

if len(sys.argv) < 5:
    sys.exit(__doc__)
project, runs, build_args, specs = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4:]
out = f"/dev/shm/drillbook-ab-{os.getpid()}"
binaries = []
for spec in specs:
    label, rest = spec.split("=", 1)
    binary, *envs = rest.split(",")
    env = dict(os.environ)
    env.update(kv.split("=", 1) for kv in envs)
    binaries.append((label, os.path.abspath(binary), env))

results = {label: [] for label, _, _ in binaries}
try:
    for _ in range(runs):
        for label, binary, env in binaries:
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            proc = subprocess.Popen([binary, "--root", project, "build", *build_args, "--out", out],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # wait4: this child's own CPU time and peak RSS (kB on Linux).
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                sys.exit(f"{label}: `build` exited with {proc.returncode}")
            results[label].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
finally:
    shutil.rmtree(out, ignore_errors=True)

first = binaries[0][0]
random.seed(0)
print(f"{project}, `build {' '.join(build_args)}`, {runs} alternated runs each")
for label, _, _ in binaries:
    rows = results[label]
    wall = statistics.median(r[0] for r in rows) * 1000
    cpu = statistics.median(r[1] for r in rows) * 1000
    peak = statistics.median(r[2] for r in rows)
    line = (f"{label:12s} wall {wall:7.1f} ms  CPU {cpu:7.0f} ms  peak {peak:5.0f} MB"
            f" (max {max(r[2] for r in rows):.0f})")
    if label != first:
        ratios = [b[0] / a[0] for a, b in zip(results[first], rows)]
        boot = sorted(statistics.median(random.choices(ratios, k=len(ratios))) for _ in range(2000))
        line += (f"  wall / {first}: {statistics.median(ratios):.3f}"
                 f" (95 % {boot[50]:.3f}-{boot[1949]:.3f})")
    print(line)
