#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

trunk build --release
echo "Restride is at http://127.0.0.1:${PORT:-8080} (Ctrl+C stops it)"
exec node scripts/serve-dist.mjs dist "${PORT:-8080}"
