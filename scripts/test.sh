#!/usr/bin/env bash
# Run all tests. Installs what they need first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HULPWIJZER_CHROMIUM=${HULPWIJZER_CHROMIUM:-$(command -v chromium)}
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
