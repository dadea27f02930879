#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:8080 (PORT=… to change;
# PUBLIC_URL=/sub-path/ builds and serves it under a sub-path).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

PUBLIC_URL=${PUBLIC_URL:-/}
trunk build --release --public-url "$PUBLIC_URL"
echo "Restride is at http://127.0.0.1:${PORT:-8080}$PUBLIC_URL (Ctrl+C stops it)"
exec node scripts/serve-dist.mjs dist "${PORT:-8080}" "$PUBLIC_URL"
