#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of the DocFX importer, the XLIFF importer
# and a project's files through `check` and `build`, and through `check` and `package`
# (fuzz/fuzz_targets/). Seeds each target's corpus from real input (the shipped project, the
# shared DocFX corpora, XLIFF exports of every shipped locale), then runs each target for
# FUZZ_SECONDS (default 120).
# A crash leaves its input in fuzz/artifacts/<target>/; replay it with
#   cargo +nightly fuzz run -s none -O <target> fuzz/artifacts/<target>/<file>
# and pin it as a regression test in the test command (docs/fuzzing.md).
#
# Usage: bash scripts/fuzz.sh [TARGET...]   FUZZ_SECONDS=120
# Needs a nightly toolchain (installed with rustup when missing) and cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
seconds=${FUZZ_SECONDS:-120}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(docfx_import xliff_import project_build package_build)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
cargo build --release --locked -q
drillbook=$repo/target/release/drillbook
shared=$(realpath ../shared/corpus)

seed() { # target name < bytes
  mkdir -p "fuzz/corpus/$1" && cat >"fuzz/corpus/$1/$2"
}
for target in "${targets[@]}"; do
  case $target in
    docfx_import)
      # The shipped article's translations (even first byte) and the other articles as new
      # ones (odd), from the Partner Center sample, the older seeds and HoloLens.
      for f in "$shared"/docfx/*/*.md "$shared"/seeds/*/*.md "$shared"/hololens/*/hololens-[a-c]*.md; do
        pick=1; [ "$(basename "$f")" = remove-a-relationship.md ] && pick=0
        { printf '%s' "$pick"; cat "$f"; } | seed "$target" "$(echo "$f" | sed "s|$shared/||; s|/|-|g")"
      done ;;
    xliff_import)
      # Each locale's export whole, and one `<file>` of it at a time (small inputs mutate
      # into more kinds of unit than a whole export does).
      for locale in de-DE nl-NL sv-SE zh-CN ru-RU; do
        "$drillbook" --root "$repo" l10n export --locale "$locale" >"fuzz/corpus/$locale.xlf.tmp"
        seed "$target" "$locale.xlf" <"fuzz/corpus/$locale.xlf.tmp"
        python3 - "fuzz/corpus/$locale.xlf.tmp" "fuzz/corpus/$target/$locale" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
head, rest = text.split("<file ", 1)
for n, part in enumerate(re.findall(r"<file .*?</file>", "<file " + rest, re.S)):
    with open(f"{sys.argv[2]}-{n}.xlf", "w", encoding="utf-8") as out:
        out.write(head + part + "\n</xliff>\n")
PY
        rm "fuzz/corpus/$locale.xlf.tmp"
      done ;;
    project_build | package_build)
      # First byte: the search index (the high bit); the locale built (de-DE, zh-CN, ru-RU:
      # the other bits % 3) and the file (/ 3 % 8, in the order of FILES in fuzz/src/lib.rs).
      # package_build reads the first byte the same way but ignores the high bit.
      indexes=(0 128)
      [ "$target" = project_build ] || indexes=(0)
      files=("locales/{locale}/remove-a-relationship.ftl" "locales/{locale}/ui.ftl"
        "locales/{locale}/sim.ftl" "locales/{locale}/l10n.lock"
        content/articles/remove-a-relationship.toml content/scenarios/software-purchase.toml
        content/glossary.toml content/site.toml)
      for n in "${!files[@]}"; do
        for l in 0 1 2; do
          locale=$(echo de-DE zh-CN ru-RU | cut -d' ' -f$((l + 1)))
          file=${files[$n]//\{locale\}/$locale}
          pick=$((n * 3 + l))
          [ "$pick" -lt 12 ] || [ "$l" = 0 ] || continue # content files: one locale is enough
          for index in "${indexes[@]}"; do
            { printf "\\x$(printf %02x $((pick + index)))"; cat "$file"; } \
              | seed "$target" "$(echo "$file" | tr / -)-$locale-$index"
          done
        done
      done ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done

cd fuzz
for target in "${targets[@]}"; do
  case $target in docfx_import) dict=docfx.dict ;; xliff_import) dict=xliff.dict ;; *) dict=ftl.dict ;; esac
  echo "==> $target ($seconds s)"
  cargo +nightly fuzz run -s none -O "$target" "corpus/$target" -- -dict="$dict" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
done
