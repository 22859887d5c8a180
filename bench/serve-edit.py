#!/usr/bin/env python3
"""Incremental `serve` benchmark: edit one article's .ftl and time until the browser's
reload event arrives (what a reader of the page waits for), several times.

Usage: python3 bench/serve-edit.py DRILLBOOK_BIN SITE_ROOT [LOCALE] [ARTICLE] [RUNS] [MESSAGE]
SITE_ROOT is a drillbook project (e.g. one written by `bench/gen_site.rs`). MESSAGE is the
message edited (default `article-title`); its text must reach the search index for the index
update to be measured (a title does on generated sites; on imported articles, whose index
title is the heading, edit a paragraph)."""
import os, re, socket, statistics, subprocess, sys, time

binary, root = sys.argv[1], sys.argv[2]
locale = sys.argv[3] if len(sys.argv) > 3 else "de-DE"
article = sys.argv[4] if len(sys.argv) > 4 else "article-500"
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 7
message = sys.argv[6] if len(sys.argv) > 6 else "article-title"
port = 47000 + os.getpid() % 1000
out = os.path.join("/dev/shm", f"serve-bench-{os.getpid()}")
proc = subprocess.Popen([binary, "--root", root, "serve", "--port", str(port), "--out", out],
                        stderr=subprocess.PIPE, text=True)
try:
    for line in proc.stderr:
        if line.startswith("serving "):
            break
    log = []
    def drain():
        for line in proc.stderr:
            log.append((time.monotonic(), line.rstrip()))
    import threading
    threading.Thread(target=drain, daemon=True).start()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__drillbook/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
    sock.settimeout(30)
    sock.recv(4096)  # response head
    path = os.path.join(root, "locales", locale, article + ".ftl")
    original = open(path, encoding="utf-8").read()
    times = []
    search_times = []
    seen = 0
    for i in range(runs):
        time.sleep(0.3)  # then drain the events of the previous edit's follow-ups
        sock.settimeout(0.05)
        try:
            while sock.recv(65536):
                pass
        except socket.timeout:
            pass
        sock.settimeout(30)
        text = re.sub(rf"^({re.escape(message)} = )", rf"\g<1>Edit {i} ", original, count=1, flags=re.M)
        assert text != original, f"no message `{message}` in {path}"
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        buf = b""
        while b"event: reload" not in buf:
            chunk = sock.recv(65536)
            if not chunk:
                raise SystemExit("the event stream closed")
            buf += chunk
        times.append((time.monotonic() - start) * 1000)
        # Then the search index and the dashboards: wait for both.
        deadline = time.monotonic() + 30
        while not (any(l.startswith("serve: search index") for _, l in log[seen:])
                   and any(l.startswith("serve: translation dashboards") for _, l in log[seen:])):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        indexed = [t for t, l in log[seen:] if l.startswith("serve: search index")]
        if indexed:
            search_times.append((indexed[0] - start) * 1000)
        seen = len(log)
    open(path, "w", encoding="utf-8").write(original)
    time.sleep(1.5)
    print("save -> reload event (ms):", " ".join(f"{t:.0f}" for t in times))
    print(f"median {statistics.median(times):.0f} ms")
    if search_times:
        print("save -> search index written (ms):", " ".join(f"{t:.0f}" for t in search_times))
        print(f"median {statistics.median(search_times):.0f} ms")
    for _, line in log:
        if line.startswith("serve:"):
            print("  " + line)
finally:
    proc.terminate()
    proc.wait()
    subprocess.run(["rm", "-rf", out])
