#!/usr/bin/env bash
# The one test command (README.md): installs what it needs when missing, then runs every
# check and test. CI runs exactly this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "format"
cargo fmt --check -p drillbook -p pagefind_native

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "compare-locales (tests/check_parity.rs compares check with it)"
if ! command -v compare-locales >/dev/null 2>&1 \
  && ! python3 -c 'import compare_locales' >/dev/null 2>&1; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq python3 python3-pip
  fi
  python3 -m pip install --quiet compare-locales \
    || python3 -m pip install --quiet --break-system-packages compare-locales
fi

step "xmlschema (tests/package.rs validates the package manifests with it)"
if ! python3 -c 'import xmlschema' >/dev/null 2>&1; then
  python3 -m pip install --quiet xmlschema \
    || python3 -m pip install --quiet --break-system-packages xmlschema
fi

step "translate-toolkit and moz-l10n (tests/xliff.rs reads the XLIFF and TMX exports with them)"
if ! python3 -c 'import translate.storage.xliff, moz.l10n.formats.xliff' >/dev/null 2>&1; then
  python3 -m pip install --quiet translate-toolkit moz-l10n \
    || python3 -m pip install --quiet --break-system-packages translate-toolkit moz-l10n
fi

step "ultimate-sitemap-parser (tests/sitemap.rs reads the built sitemaps with it)"
if ! python3 -c 'import usp.tree' >/dev/null 2>&1; then
  python3 -m pip install --quiet ultimate-sitemap-parser \
    || python3 -m pip install --quiet --break-system-packages ultimate-sitemap-parser
fi

step "unit, integration and property tests"
cargo test --workspace --locked

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items --locked -q

step "dogfood: check the shipped translations"
cargo run --locked -q -- check

step "dogfood: build the shipped site (strict)"
cargo run --locked -q -- build --strict --out target/dogfood-site

if [ -f package.json ]; then
  step "node packages"
  if ! command -v node >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq nodejs npm
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund
  fi
  if ls tests/js/*.test.mjs >/dev/null 2>&1; then
    step "JavaScript runtime tests"
    node --test tests/js/
  fi
  if ls tests/e2e/*.spec.mjs >/dev/null 2>&1; then
    step "browser tests (Debian chromium + playwright-core)"
    if ! command -v chromium >/dev/null 2>&1; then
      apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk
    fi
    # The cmi5 test's Learning Record Store (tests/e2e/cmi5.spec.mjs).
    if ! python3 -c 'import ralph.api, bcrypt, requests' >/dev/null 2>&1; then
      python3 -m pip install --quiet 'ralph-malph[lrs]' requests \
        || python3 -m pip install --quiet --break-system-packages 'ralph-malph[lrs]' requests
    fi
    node --test tests/e2e/*.spec.mjs
  fi
fi

step "all tests passed"
