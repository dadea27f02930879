#!/usr/bin/env bash
# Installs whatever Restride's build and tests need and skips what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! have cargo || ! have rustup; then
  echo "Rust is missing: install it with rustup (the Rust installer), then run this again." >&2
  exit 1
fi
if ! have node || ! have npm; then
  echo "Node.js (20 or newer) with npm is missing: install it, then run this again." >&2
  exit 1
fi

# The pinned toolchain (rust-toolchain.toml) with its components and the wasm32 target;
# rustup skips whatever is already installed.
TOOLCHAIN=$(awk -F'"' '/^channel/ { print $2 }' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$TOOLCHAIN-"; then
  say "installing the Rust $TOOLCHAIN toolchain"
  rustup toolchain install "$TOOLCHAIN" --profile minimal --component clippy,rustfmt --target wasm32-unknown-unknown
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  # 0.22 needs a newer rustc than stable here; --locked keeps its dependencies as released.
  say "installing trunk $TRUNK_VERSION (takes about 10 minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Trunk uses a wasm-bindgen CLI only when its version equals the locked library.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lock file names a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The module splitter run by scripts/wasm-split.mjs after every build.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# npm: binaryen 132 (wasm-opt) and Playwright. Never a browser download.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.restride-lock; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.restride-lock
fi

# Python venv at .venv with icalendar, for scripts/check-ics.py (checks the exported .ics files).
ICALENDAR_VERSION=7.3.2
if ! .venv/bin/python -c "import icalendar, sys; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
  if ! have python3; then
    echo "Python 3 is missing: install it (on Debian: python3 and python3-venv), then run this again." >&2
    exit 1
  fi
  if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    # Debian's python3 leaves ensurepip, which venv needs for pip, to python3-venv.
    if ! python3 -c 'import ensurepip' 2>/dev/null && have apt-get; then
      say "installing python3-venv from the distribution"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
    fi
    if ! python3 -c 'import ensurepip' 2>/dev/null; then
      echo "python3 cannot make a venv with pip (no ensurepip): install your distribution's python3-venv, then run this again." >&2
      exit 1
    fi
    say "creating the Python venv .venv"
    python3 -m venv --clear .venv
  fi
  say "installing icalendar $ICALENDAR_VERSION into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
fi

# A system Chromium for the browser tests (tests/e2e/browser.mjs finds it).
if [ "$(uname)" = Linux ]; then
  if ! have chromium && ! have chromium-browser && [ -z "${CHROMIUM_PATH:-}" ]; then
    if have apt-get; then
      say "installing chromium from the distribution"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    else
      echo "Install Chromium with your package manager (or set CHROMIUM_PATH), then run this again." >&2
      exit 1
    fi
  fi
elif [ "$(uname)" = Darwin ]; then
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -d "/Applications/Chromium.app" ] && [ ! -d "/Applications/Google Chrome.app" ]; then
    if have brew; then
      say "installing Chromium with Homebrew"
      brew install --cask chromium
    else
      echo "Install Google Chrome or Chromium (or set CHROMIUM_PATH), then run this again." >&2
      exit 1
    fi
  fi
fi
