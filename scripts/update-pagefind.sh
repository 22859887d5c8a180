#!/usr/bin/env bash
# Refreshes Pagefind's runtime files in vendor/pagefind/ from the Pagefind version that
# Cargo.toml pins (docs/updating-pagefind.md): Pagefind itself writes them, through the test
# that otherwise checks them (`the_vendored_runtime_is_the_pinned_pagefinds`), which then
# runs again to check what was written.
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=$(sed -n 's/^pagefind = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
named=$(sed -n 's/^pub const PAGEFIND_VERSION: &str = "\(.*\)";/\1/p' crates/pagefind-native/src/lib.rs)
if [ -z "$pinned" ] || [ "$pinned" != "$named" ]; then
  echo "error: Cargo.toml pins Pagefind '${pinned:-?}', the code names '${named:-?}' (PAGEFIND_VERSION)" >&2
  exit 2
fi
sed -i "s/Pagefind [0-9][0-9.]*, the Rust crate \`pagefind\` [0-9][0-9.]*/Pagefind $pinned, the Rust crate \`pagefind\` $pinned/" \
  vendor/pagefind/PROVENANCE.md

UPDATE_PAGEFIND=1 cargo test --locked --test search the_vendored_runtime_is_the_pinned_pagefinds
# drillbook embeds the files: every search test again, with a build that has the new ones
# (among them, the whole site's index against Pagefind's).
cargo test --locked --test search
git status --short vendor/pagefind
