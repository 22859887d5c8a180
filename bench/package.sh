#!/usr/bin/env bash
# Package benchmark (issue 31): zip sizes per format and locale set, the time to build all
# three formats, both as three `drillbook package` commands and as one
# (`--format all --out DIR/`): wall time (median, min, max of RUNS runs) and, with `perf`,
# CPU time (`perf stat -r RUNS`, task-clock: what a shared machine's load does not inflate),
# and the gzipped size of the LMS runtime and of the simulator's assessment additions
# (against BASE's sim.js).
# Usage: bash bench/package.sh [BIN] [BASE]   (defaults: target/release/drillbook, main)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/drillbook}
BASE=${2:-main}
RUNS=${RUNS:-11}
ARTICLE=remove-a-relationship
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "| format | locales | zip bytes | KiB |"
echo "|---|---|---|---|"
for set in "" "--locale en-US" "--locale en-US --locale de-DE"; do
  rm -rf "$out/sizes"
  # shellcheck disable=SC2086
  "$BIN" package "$ARTICLE" --format all $set --out "$out/sizes/" 2>/dev/null
  for format in scorm-1.2 scorm-2004 cmi5; do
    bytes=$(stat -c %s "$out/sizes/$ARTICLE-$format.zip")
    label=${set:-"all six"}
    printf '| %s | %s | %s | %.1f |\n' "$format" "${label//--locale /}" "$bytes" "$(echo "$bytes / 1024" | bc -l)"
  done
done

three() {
  for format in scorm-1.2 scorm-2004 cmi5; do
    "$BIN" package "$ARTICLE" --format "$format" --out "$out/$format.zip" 2>/dev/null
  done
}
one() {
  "$BIN" package "$ARTICLE" --format all --out "$out/all/" 2>/dev/null
}
export -f three one
export BIN ARTICLE out

# Wall time of RUNS runs of `$1` (a function above): median, min, max in ms.
wall() {
  local times=() start sorted
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$1"
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "median $(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p"), min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1)"
}
# CPU time (task-clock, ms) and elapsed time (ms) of `$1`, mean of RUNS runs, from perf.
cpu() {
  perf stat -x, -r "$RUNS" -e task-clock bash -c "$1" 2>&1 >/dev/null |
    awk -F, '/task-clock/ { printf "task-clock %.1f ms (+- %s)", $1, $4 }'
}

echo
echo "all three formats, six locales, $RUNS runs (wall ms):"
echo "  three commands: $(wall three)"
echo "  one command (--format all): $(wall one)"
if command -v perf >/dev/null && perf stat -e task-clock true >/dev/null 2>&1; then
  echo "perf stat -r $RUNS (CPU of the commands and their shell):"
  echo "  three commands: $(cpu three)"
  echo "  one command (--format all): $(cpu one)"
fi

gz() { gzip -9 -c | wc -c; }
echo
echo "assets/lms.js: $(wc -c < assets/lms.js) bytes, gzipped $(gz < assets/lms.js)"
echo "assets/sim.js: $(wc -c < assets/sim.js) bytes, gzipped $(gz < assets/sim.js); at $BASE: gzipped $(git show "$BASE:assets/sim.js" | gz)"
