#!/usr/bin/env bash
# Package benchmark (issue 31): zip sizes per format and locale set, the time to build all
# three formats (median of RUNS runs of the three commands), and the gzipped size of the LMS
# runtime and of the simulator's assessment additions (against BASE's sim.js).
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
for format in scorm-1.2 scorm-2004 cmi5; do
  for set in "" "--locale en-US" "--locale en-US --locale de-DE"; do
    # shellcheck disable=SC2086
    "$BIN" package "$ARTICLE" --format "$format" $set --out "$out/p.zip" 2>/dev/null
    bytes=$(stat -c %s "$out/p.zip")
    label=${set:-"all six"}
    printf '| %s | %s | %s | %.1f |\n' "$format" "${label//--locale /}" "$bytes" "$(echo "$bytes / 1024" | bc -l)"
  done
done

times=()
for _ in $(seq "$RUNS"); do
  start=$(date +%s%N)
  for format in scorm-1.2 scorm-2004 cmi5; do
    "$BIN" package "$ARTICLE" --format "$format" --out "$out/$format.zip" 2>/dev/null
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo
echo "all three formats, six locales, $RUNS runs (ms): median $(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p"), min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1)"

gz() { gzip -9 -c | wc -c; }
echo
echo "assets/lms.js: $(wc -c < assets/lms.js) bytes, gzipped $(gz < assets/lms.js)"
echo "assets/sim.js: $(wc -c < assets/sim.js) bytes, gzipped $(gz < assets/sim.js); at $BASE: gzipped $(git show "$BASE:assets/sim.js" | gz)"
