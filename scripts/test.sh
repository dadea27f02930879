#!/usr/bin/env bash
# The whole test suite: formatting, lints (native and wasm32), domain tests, the release
# build with its sizes, and the browser tests in headless Chromium at phone and desktop size.
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

step "domain tests"
cargo test

step "release build"
trunk build --release

step "release sizes"
node scripts/sizes.mjs dist

step "browser tests (headless Chromium, release build)"
npx playwright test
