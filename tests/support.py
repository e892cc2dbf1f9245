"""Helpers shared by the tests: building sites, serving them, a real browser, axe and vnu.

Two kinds of dates. Tests of formats and rules build on a fixed day, ``TEST_TODAY``: the
day the demo and the test sites are written for. Tests of what a visitor sees build at
the test clock (``run_clock()``: the wall clock, which ``HULPWIJZER_TEST_NOW`` moves, see
tests/conftest.py) on a copy of a site rebased to that day (``rebased_copy``), so they
hold on any date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

from sitegen.build.pipeline import BuildOptions, build
from sitegen.cli.serve import make_server
from sitegen.clock import Clock
from sitegen.content.rebase import DEMO_DATED_AROUND, rebase_content, weeks_between

REPO = Path(__file__).resolve().parent.parent
MINIMAL_SITE = REPO / "tests" / "sites" / "minimal"
TEST_TODAY = DEMO_DATED_AROUND.isoformat()  # the day the demo and the test sites are dated around
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def copy_site(source: Path, target: Path) -> Path:
    """A writable copy of a site (content/ and themes/ if it has its own)."""
    shutil.copytree(source / "content", target / "content")
    if (source / "themes").is_dir() and source != REPO:
        shutil.copytree(source / "themes", target / "themes")
    return target


def run_clock() -> Clock:
    """Now, for the tests: the wall clock (moved by time-machine in the time-travel runs)."""
    return Clock.system()


def moved(day: dt.date) -> dt.date:
    """Where ``day`` of a site dated around TEST_TODAY lands in a copy rebased to the test clock."""
    return day + dt.timedelta(days=7 * weeks_between(DEMO_DATED_AROUND, run_clock().today))


def rebase_site(root: Path, day: dt.date | None = None) -> Path:
    """Move the dates of a site dated around TEST_TODAY to ``day`` (the test clock's), in place."""
    rebase_content(root / "content", DEMO_DATED_AROUND, day or run_clock().today)
    return root


def rebased_copy(source: Path, target: Path, day: dt.date | None = None) -> Path:
    """A writable copy of a site dated around TEST_TODAY, with its dates moved to ``day`` (the test clock's)."""
    return rebase_site(copy_site(source, target), day)


def build_site(root: Path, out: Path | None = None, clean: bool = False, today: str | None = TEST_TODAY, jobs: int = 1, clock: Clock | None = None):
    """Build on ``today`` (YYYY-MM-DD), or at ``clock``; ``today=None`` builds at the test clock."""
    if clock is None:
        clock = Clock.on(dt.date.fromisoformat(today)) if today else run_clock()
    return build(BuildOptions(root=root, clock=clock, out=out, clean=clean, jobs=jobs))


@contextlib.contextmanager
def serve_directory(directory: Path, headers_root: Path = REPO):
    """Serve a built site on a free localhost port with the headers of netlify.toml."""
    server = make_server(directory, headers_root, "127.0.0.1", 0, reloader=None, live_reload=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    return os.environ.get("HULPWIJZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def run_axe(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")) -> list[dict]:
    """axe-core in the page; returns the violations (each with id, help and nodes)."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        list(tags),
    )
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def vnu_errors(paths: list[Path]) -> list[dict]:
    """Nu Html Checker errors for HTML files (warnings are not errors)."""
    if not paths:
        return []
    process = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
    )
    data = json.loads(process.stderr or '{"messages": []}')
    return [m for m in data["messages"] if m.get("type") == "error"]


def render_with_unchecked_urls(root: Path, bad: str) -> dict[str, str]:
    """Every HTML page of the site at ``root`` (by public path), rendered with ``bad`` in every URL field
    of its items and in the menu, put there after validation (which would refuse it): what the
    templates' ``url`` filter must make harmless on its own."""
    from sitegen.build.context import BuildContext
    from sitegen.build.pipeline import plan_site
    from sitegen.build.render import Theme
    from sitegen.content.model import Contact, Link
    from sitegen.content.read import load_site

    today = dt.date.fromisoformat(TEST_TODAY)
    graph = load_site(root, today).graph
    for node in graph.nodes:
        data, update = node.data, {}
        fields = type(data).model_fields
        if "website" in fields:
            update["website"] = bad
        if "related_links" in fields:
            update["related_links"] = [Link.model_construct(title="Meer", url=bad)]
        if "contact" in fields:
            update["contact"] = (data.contact or Contact.model_construct()).model_copy(update={"url": bad})
        if "registration" in fields:
            contact = (data.registration.contact or Contact.model_construct()).model_copy(update={"url": bad})
            update["registration"] = data.registration.model_copy(update={"required": True, "contact": contact})
        node._data = data.model_copy(update=update)  # behind the recorded property (sitegen.graph.node)
    graph.site = graph.site.model_copy(update={"menu": [entry.model_copy(update={"url": bad}) for entry in graph.site.menu]})
    ctx = BuildContext(root=root, clock=Clock.on(today), graph=graph)
    outputs, _ = plan_site(ctx, Theme.load(root, graph.site.theme))
    return {output.path: output.produce(ctx.renderer).decode("utf-8") for output in outputs if output.path.endswith(".html")}


@contextlib.contextmanager
def serve_hanging(directory: Path, prefixes: tuple[str, ...]):
    """Plain files from ``directory``, except that a request for a path that starts with one of
    ``prefixes`` is accepted and never answered: a host that hangs halfway."""
    release = threading.Event()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith(prefixes):
                release.wait()  # the connection stays open; no status line ever comes
                return
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent_server():
    """A server that accepts every connection and never answers: what a hung host looks like
    to a browser (no refusal, no error, no byte). Yields its address."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)  # kept open, never read from or written to

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


# For a text ``needle`` (or ``[needle, host]``): each place it occurs in the text of the page (or of the shadow root of the
# element with id ``host``), as its characters are drawn from left to right (a character's place is
# the left edge of its own range). A resident reads that; the DOM order may differ.
VISUAL_ORDER = """(arg) => {
  const [needle, host] = Array.isArray(arg) ? arg : [arg, null];
  const found = [];
  const root = host ? document.getElementById(host).shadowRoot : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.data.indexOf(needle);
    while (at >= 0) {
      const chars = [];
      for (let i = at; i < at + needle.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) chars.push([box.left, node.data[i]]);
      }
      if (chars.length) found.push(chars.sort((a, b) => a[0] - b[0]).map((c) => c[1]).join(''));
      at = node.data.indexOf(needle, at + 1);
    }
  }
  return found;
}"""
