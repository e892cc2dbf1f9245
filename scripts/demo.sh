#!/usr/bin/env bash
# Build and serve the demo Hulpwijzer on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
exec .venv/bin/hulpwijzer serve --host 127.0.0.1 --port "${PORT:-8000}"
