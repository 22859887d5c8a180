#!/usr/bin/env bash
# A site past the sitemap's 50,000 pages: the synthetic site of bench/gen_site.rs with N
# articles x 6 locales (default 8,400: 50,406 pages), built without a search index twice:
# as generated, every translation unreviewed (so each translated message is a `stale`
# warning: a build's memory with a million warnings), then with every translation accepted
# (`l10n accept`, as a real team's site). Prints wall time, peak RSS, the warnings, and the
# sitemap files with their page counts.
#
# Usage: bash bench/scale.sh [ARTICLES]   DRILLBOOK_BIN=... to measure another build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-8400}
work=${BENCH_DIR:-/dev/shm/drillbook-scale}
rm -rf "$work" && mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build -q --release --example gen_site
[ -n "${DRILLBOOK_BIN:-}" ] || cargo build -q --release
drillbook=${DRILLBOOK_BIN:-$PWD/target/release/drillbook}
target/release/examples/gen_site "$n" "$work/src" 2>/dev/null
root=$work/src/drillbook

build() { # label
  rm -rf "$work/out"
  /usr/bin/time -f '%e %M' -o "$work/t" "$drillbook" --root "$root" build --no-search \
    --out "$work/out" >/dev/null 2>"$work/err" || true
  read -r wall kb <"$work/t"
  warnings=$(grep -oE '[0-9]+ warnings?$' "$work/err" | tail -1 || true)
  printf '%-28s %7s s %7d MB   %s\n' "$1" "$wall" $((kb / 1024)) "${warnings:-0 warnings}"
}

printf '%d articles x 6 locales, %s\n' "$n" "$(date -u +%F)"
build "unreviewed translations"
for l in de-DE nl-NL sv-SE zh-CN ru-RU; do "$drillbook" --root "$root" l10n accept "$l" >/dev/null; done
build "translations accepted"
for f in "$work"/out/sitemap*.xml; do
  printf '%-16s %9d bytes %7d pages\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(grep -c '<url>' "$f" || true)"
done
