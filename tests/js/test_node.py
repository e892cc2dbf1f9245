"""The search front end's pure modules (query planning, ranking, Levenshtein, …) with Node's own test runner.

The tests are tests/js/*.test.mjs; this file makes the README's test command (scripts/test.sh → pytest)
run them. Run them alone with `node --test tests/js/` (or `npm run test:js`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node is not on PATH: install Node 20 (README) to run tests/js/"
    process = subprocess.run([node, "--test", "tests/js/"], check=False, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, "node --test tests/js/ failed:\n" + process.stdout[-20000:] + process.stderr[-5000:]
    assert "# fail 0" in process.stdout and "# pass 0" not in process.stdout, process.stdout[-5000:]
