#!/usr/bin/env bash
# Install everything Hulpwijzer needs on a fresh Debian machine with Python 3.11,
# Node 20 and git: a virtualenv in .venv with the package and its extras, and,
# for the tests, Debian's Chromium and the npm test tools (vnu-jar, axe-core, eslint).
# Safe to run again: steps that are done already are skipped.
#
#   bash scripts/setup.sh          # the package, CMS and test dependencies
#   bash scripts/setup.sh --no-browser   # skip Chromium and the npm tools (demo only)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> Python-omgeving maken (.venv)"
  "$python" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> Python-pakketten installeren"
  .venv/bin/pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".[cms,test]"
  touch "$stamp"
fi

if [ "$want_browser" = 1 ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
    echo "==> Chromium en Java installeren (Debian-pakketten)"
    sudo_cmd=""
    [ "$(id -u)" != 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium default-jre-headless fonts-dejavu-core fonts-noto-core >/dev/null
  fi
  if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/eslint ]; then
    echo "==> Test- en lintgereedschap installeren (npm: vnu-jar, axe-core, eslint)"
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  fi
fi
