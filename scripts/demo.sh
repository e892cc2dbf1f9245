#!/usr/bin/env bash
# The demo: the Wagtail CMS at http://127.0.0.1:8000/admin/ and the static site it
# publishes at http://127.0.0.1:8000/ — one address. Edit a page, publish it, reload the site.
#
# First run: copies content/ to .hulpwijzer/demo/content with every date moved to today
# (whole weeks; see docs/demo-content.md), loads it into a fresh SQLite database
# (cms/db.sqlite3), creates the groups and a 'demo' superuser (its password is printed
# once), builds public/. Editing in the demo changes the copy, never content/ itself.
# Later runs reuse the database. Start over: rm cms/db.sqlite3
# Another port: PORT=8080 bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
export DJANGO_SETTINGS_MODULE=cms.settings.dev
export HULPWIJZER_ROOT=${HULPWIJZER_ROOT:-$PWD/.hulpwijzer/demo}
export HULPWIJZER_PUBLIC=${HULPWIJZER_PUBLIC:-$PWD/public}
python=.venv/bin/python
$python cms/manage.py migrate --no-input -v0
$python cms/manage.py load_demo --port "${PORT:-8000}"
$python cms/manage.py collectstatic --no-input -v0
echo "==> Hulpwijzer:  http://127.0.0.1:${PORT:-8000}/"
echo "==> Beheer (CMS): http://127.0.0.1:${PORT:-8000}/admin/"
exec $python cms/manage.py runserver "127.0.0.1:${PORT:-8000}" --noreload
