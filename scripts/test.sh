#!/usr/bin/env bash
# The whole test suite: formatting, lints (native and wasm32), domain tests, the release
# build with its sizes and first-load budget, and the browser tests in headless Chromium at phone and desktop size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

# Playwright empties test-results/ when it starts, so logs go elsewhere.
mkdir -p target/test-logs
step "domain tests"
cargo test 2>&1 | tee target/test-logs/cargo-test.log

step "calendar validator (Python icalendar) on hand-written files"
.venv/bin/python scripts/check-ics.py --expect-json tests/ics/good.expect.json tests/ics/good.ics
if .venv/bin/python scripts/check-ics.py tests/ics/bad-no-alarm.ics 2>/dev/null; then
  echo "check-ics.py accepted an event without an alarm" >&2
  exit 1
fi
# good.ics's first alarm rings at 23:30 on 5 Jan 2025: a file saved after it must be refused.
if .venv/bin/python scripts/check-ics.py --alarms-after 2025-01-06T00:00 tests/ics/good.ics 2>/dev/null; then
  echo "check-ics.py accepted an alarm that rings before the file was saved" >&2
  exit 1
fi
.venv/bin/python scripts/check-ics.py --alarms-after 2025-01-05T23:00 tests/ics/good.ics

step "release build"
trunk build --release
# The same app built for a sub-path, for the test that serves it from one.
trunk build --release --public-url /restride/ --dist target/dist-subpath

step "release sizes"
node scripts/sizes.mjs dist

step "first-load budget: 200 KB gzip (bytes are deterministic, so this is a test)"
node scripts/check-budget.mjs dist

step "browser tests (headless Chromium, release build)"
PLAYWRIGHT_JSON_OUTPUT_NAME=target/test-logs/e2e.json npx playwright test --reporter=list,json

# One closing line for both runners.
unit_passed=$(awk '/^test result:/ { sum += $4 } END { print sum + 0 }' target/test-logs/cargo-test.log)
e2e_passed=$(node -e 'const s = require("./target/test-logs/e2e.json").stats; console.log(s.expected + s.flaky)')
echo
echo "tests: $((unit_passed + e2e_passed)) passed, 0 failed"
