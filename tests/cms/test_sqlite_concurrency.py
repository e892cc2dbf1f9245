"""SQLite, the default database, lets editors who publish at the same moment wait their turn."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from support import REPO

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).with_name("concurrent_publish.py")


def test_fifty_concurrent_publishes_all_land(site_root, tmp_path):
    database = tmp_path / "cms.sqlite3"
    # The worker's migrated database with the imported site, copied to a file the other process opens.
    connection.ensure_connection()
    with sqlite3.connect(database) as target:
        connection.connection.backup(target)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "HULPWIJZER_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    process = subprocess.run(
        [sys.executable, str(SCRIPT), str(database), str(site_root), "50"], env=env, capture_output=True, text=True, timeout=600, cwd=site_root
    )
    assert process.returncode == 0, process.stderr[-3000:]
    report = json.loads(process.stdout.strip().splitlines()[-1])
    assert report["options"]["transaction_mode"] == "IMMEDIATE" and report["options"]["timeout"] >= 30
    assert report["failures"] == []
    assert report["published"] == 50
    # The last publish is what content/ and the site show.
    phone = report["live_phone"]
    assert f"phone: {phone}" in (site_root / "content" / "organisations" / "steunpunt.md").read_text()
    assert phone in (site_root / "public" / "organisaties" / "steunpunt" / "index.html").read_text()
