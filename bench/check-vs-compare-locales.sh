#!/usr/bin/env bash
# Benchmark (not a test): `drillbook check` against compare-locales on the same files,
# 6 locales x N generated messages (default 10,000), and the ratio of their wall-clock times.
#
#   bash bench/check-vs-compare-locales.sh [N] [RUNS]
#
# Installs compare-locales from PyPI when missing. Each tool runs RUNS times (default 3); the
# best time counts. The generated messages mix plain text, bold UI terms, variables, plural
# selects, attributes and links; about 1% are missing or broken so both tools report something.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
RUNS="${2:-3}"

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
if ! command -v compare-locales >/dev/null 2>&1; then
  python3 -m pip install --quiet compare-locales
fi

cargo build --release --locked -q
BIN="$PWD/target/release/drillbook"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT

python3 - "$DIR" "$N" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
locales = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"]
os.makedirs(f"{root}/content/articles", exist_ok=True)
with open(f"{root}/content/site.toml", "w") as f:
    f.write('title = "site-title"\nbase-url = "https://bench.example/"\ndefault-locale = "en-US"\n')
    f.write("locales = [" + ", ".join(f'"{l}"' for l in locales) + "]\n")
plural = {"ru-RU": ["one", "few", "many", "other"], "zh-CN": ["other"]}
for li, locale in enumerate(locales):
    d = f"{root}/locales/{locale}"
    os.makedirs(d, exist_ok=True)
    word = locale[:2]
    with open(f"{d}/ui.ftl", "w") as f:
        for t in range(50):
            f.write(f"-ui-label-{t} = {word} Label {t}\n")
    with open(f"{d}/site.ftl", "w") as f:
        f.write(f"site-title = {word} site\n")
    with open(f"{d}/bench.ftl", "w") as f:
        for i in range(n):
            if li > 0 and i % 100 == li:      # about 1% missing per locale
                continue
            kind = i % 5
            if kind == 0:
                f.write(f"msg-{i} = {word} text number {i} for the benchmark.\n")
            elif kind == 1:
                f.write(f"msg-{i} = {word} select **{{ -ui-label-{i % 50} }}** and go on.\n")
            elif kind == 2:
                f.write(f"msg-{i} = {word} hello {{ $name }}, see [the guide](guide-{i}.md).\n")
            elif kind == 3:
                cats = plural.get(locale, ["one", "other"])
                f.write(f"msg-{i} = {{ $count ->\n")
                for c in cats:
                    star = "*" if c == "other" else " "
                    f.write(f"   {star}[{c}] {word} {{ $count }} items {c}\n")
                f.write("}\n")
            else:
                f.write(f"msg-{i} = {word} value {i}\n    .title = {word} title {i}\n")
            if li > 0 and i % 997 == 0:       # a few syntax errors
                f.write(f"broken-{i} = {{ oops\n")
PY

for locale in de-DE nl-NL sv-SE zh-CN ru-RU; do
  "$BIN" --root "$DIR" l10n accept "$locale" >/dev/null
done
cat > "$DIR/l10n.toml" <<TOML
locales = ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"]
[[paths]]
    reference = "locales/en-US/*.ftl"
    l10n = "locales/{locale}/*.ftl"
TOML

best() { # best wall-clock seconds of RUNS runs of "$@"
  python3 - "$RUNS" "$@" <<'PY'
import subprocess, sys, time
runs, cmd, best = int(sys.argv[1]), sys.argv[2:], None
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None or elapsed < best else best
print(f"{best:.3f}")
PY
}

messages=$(cat "$DIR"/locales/*/bench.ftl | grep -c '^msg-')
check_errors=$("$BIN" --root "$DIR" check | tail -1 || true)
cl_out=$(compare-locales --json "$DIR/cl.json" "$DIR/l10n.toml" "$DIR" 2>&1 | grep -E '^(errors|warnings|missing) ' | tr -s ' ' | paste -sd' ' || true)
t_check=$(best "$BIN" --root "$DIR" check --format json)
t_cl=$(best compare-locales --json "$DIR/cl.json" "$DIR/l10n.toml" "$DIR")
ratio=$(python3 -c "print(f'{$t_check / $t_cl:.3f}')")

echo "6 locales x $N messages ($messages message entries in bench.ftl files), best of $RUNS runs"
echo "drillbook check:   ${t_check} s   ($check_errors)"
echo "compare-locales:   ${t_cl} s   ($cl_out)"
echo "ratio check / compare-locales: $ratio"
