#!/usr/bin/env bash
# The bench: size, compute, start-up (cold and warm), import and storage, each beside an empty Leptos 0.8 app built
# in the same run with the same tools (bench/baseline). Prints one table and writes the same
# figures to target/bench/bench.json, every budget marked "met" or "NOT met". It reports and
# exits 0 whether budgets are met or not (the test command enforces the size budget); it
# exits non-zero only when a step could not run.
#
# Usage: scripts/bench.sh [dist folder]   (default dist; built with Trunk if it has no index.html)
# BENCH_SAMPLES (default 9, at least 7) sets the browser samples; BENCH_CPU_SLOWDOWN=4 runs
# the browser part with Chromium's CPU throttling, roughly a mid-range phone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

ROOT=$PWD
DIST=${1:-dist}
OUT=target/bench
BASELINE_TARGET=$ROOT/target/bench-baseline
failed=()

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

mkdir -p "$OUT"
rm -rf "$OUT"/startup.json "$OUT"/save.json "$OUT"/warm*.json "$OUT"/import.json "$OUT"/bench.json "$OUT"/dist

if [ ! -f "$DIST/index.html" ]; then
  step "release build of Restride into $DIST"
  trunk build --release --dist "$DIST"
fi
# Measure a copy, so a rebuild of the folder during the run cannot mix two builds.
cp -R "$DIST" "$OUT/dist"

step "release build of the empty Leptos baseline (bench/baseline, own target dir)"
# RUSTFLAGS replaces the project's .cargo/config.toml flags, which cargo would apply here
# too: the baseline keeps erase_components but not the relocations kept for the split.
(cd bench/baseline && RUSTFLAGS="--cfg erase_components" CARGO_TARGET_DIR="$BASELINE_TARGET" \
  trunk build --release --dist "$BASELINE_TARGET/dist")

step "compute: criterion, the full recompute (Today and reminders) and the stored envelope"
# Old estimates are removed so that a failed run can never be reported as a fresh one.
rm -rf target/criterion/today_recompute target/criterion/storage
# The growth ratio divides two medians: the recompute gets longer samples, since on a busy
# shared machine 2 s ones moved it by a third (6.25 × once where 4.7 × held on repeats).
cargo bench --bench metrics -- --warm-up-time 2 --measurement-time 5 --sample-size 50 'today_recompute' &&
  cargo bench --bench metrics -- --warm-up-time 1 --measurement-time 2 --sample-size 30 'storage' ||
  failed+=(compute)

step "start-up, read and save in headless Chromium (bench/startup.spec.mjs)"
BENCH_DIST="$OUT/dist" BENCH_BASELINE_DIST="$BASELINE_TARGET/dist" \
  npx playwright test -c bench/playwright.config.mjs || failed+=(browser)

step "report"
BENCH_FAILED="${failed[*]:-}" node bench/report.mjs "$OUT/dist" "$BASELINE_TARGET/dist"

if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: these steps failed, so their figures are missing: ${failed[*]}" >&2
  exit 1
fi
