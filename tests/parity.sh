#!/usr/bin/env bash
# Runs the compare-locales parity test with its report visible: installs compare-locales from
# PyPI when missing, then mutates copies of the shipped locales and checks that every finding
# of compare-locales is also a finding of `drillbook check` (see tests/check_parity.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v compare-locales >/dev/null 2>&1 || python3 -m pip install --quiet compare-locales
cargo test --locked --test check_parity -- --nocapture
