"""A Meilisearch that refuses an update or never answers is a warning after a finished build,
never "bijgewerkt" and never a hang. Real HTTP servers on localhost: one that speaks the part of
Meilisearch's API the sync uses and fails every task, one that accepts and never answers."""

from __future__ import annotations

import http.server
import json
import re
import threading

import pytest
from support import MINIMAL_SITE, build_site, copy_site, silent_server

from search import meili

ENQUEUED = "2026-01-01T00:00:00.000000Z"


class _RefusingMeili(http.server.BaseHTTPRequestHandler):
    """Queues every write as a task and reports each task as failed, as Meilisearch does for a
    settings update it rejects."""

    tasks: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, data: dict) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _enqueue(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.tasks.append(self.path)
        self._send(202, {"taskUid": len(self.tasks), "indexUid": "x", "status": "enqueued", "type": "settingsUpdate", "enqueuedAt": ENQUEUED})

    do_POST = do_PATCH = do_PUT = do_DELETE = _enqueue

    def do_GET(self) -> None:
        task = re.fullmatch(r"/tasks/(\d+)", self.path)
        if task:
            error = {"message": "Ranking rule `nonsense` is not valid.", "code": "invalid_settings_ranking_rules", "type": "invalid_request", "link": ""}
            self._send(200, {"uid": int(task.group(1)), "indexUid": "x", "status": "failed", "type": "settingsUpdate", "error": error, "enqueuedAt": ENQUEUED})
        else:
            self._send(404, {"message": "Index not found.", "code": "index_not_found", "type": "invalid_request", "link": ""})


@pytest.fixture
def site(tmp_path):
    return copy_site(MINIMAL_SITE, tmp_path / "site")


def test_a_refused_task_is_a_warning_and_not_reported_as_updated(site, monkeypatch, capfd):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RefusingMeili)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("MEILI_URL", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("MEILI_MASTER_KEY", "een-hoofdsleutel-voor-de-test")
        build_site(site, clean=True)
    finally:
        server.shutdown()
        server.server_close()
    err = capfd.readouterr().err
    assert _RefusingMeili.tasks  # the sync did send its updates
    assert "is niet bijgewerkt" in err and "failed: invalid_settings_ranking_rules" in err
    assert " bijgewerkt, " not in err  # no "n bijgewerkt, m verwijderd" report
    assert (site / "public" / "index.html").exists()  # the site itself is built and published


def test_a_meilisearch_that_never_answers_is_a_warning_after_its_timeout(site, monkeypatch, capfd):
    monkeypatch.setattr(meili, "REQUEST_TIMEOUT", 1)  # the setting, shortened: what is tested is that there is one
    with silent_server() as url:
        monkeypatch.setenv("MEILI_URL", url)
        monkeypatch.setenv("MEILI_MASTER_KEY", "een-hoofdsleutel-voor-de-test")
        build_site(site, clean=True)
    err = capfd.readouterr().err
    assert "is niet bijgewerkt" in err and "Timeout" in err
    assert (site / "public" / "index.html").exists()
