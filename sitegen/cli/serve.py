"""``hulpwijzer serve``: preview on localhost with the headers of netlify.toml, the query rules
of the built ``_redirects`` file, and live reload."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import sys
import threading
import time
import tomllib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.clock import Clock

LIVE_RELOAD_PATH = "/__livereload"
LIVE_RELOAD_SCRIPT = "(function(){var s=new EventSource('" + LIVE_RELOAD_PATH + "');s.onmessage=function(e){if(e.data==='reload'){location.reload();}};})();"


def netlify_headers(root: Path) -> list[tuple[str, dict[str, str]]]:
    """The [[headers]] rules of netlify.toml as (path pattern, headers)."""
    path = root / "netlify.toml"
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(rule["for"], dict(rule.get("values", {}))) for rule in data.get("headers", [])]


def headers_for(rules: list[tuple[str, dict[str, str]]], url_path: str) -> dict[str, str]:
    """Netlify applies every matching rule; later rules add to earlier ones."""
    result: dict[str, str] = {}
    for pattern, values in rules:
        if _matches(pattern, url_path):
            result.update(values)
    return result


def _matches(pattern: str, url_path: str) -> bool:
    if pattern.endswith("/*"):
        return url_path.startswith(pattern[:-1]) or url_path == pattern[:-2]
    return fnmatch.fnmatchcase(url_path, pattern.replace(":splat", "*"))


@dataclass(frozen=True)
class Redirect:
    """One line of a Netlify ``_redirects`` file in the simple form this server knows:
    ``/path name=:placeholder /target/:placeholder/ 302`` (``!`` after the status forces it)."""

    path: str
    query: dict[str, str]
    target: str
    status: int
    force: bool


def parse_redirects(text: str) -> list[Redirect]:
    """The rules with query conditions and status 301/302; other lines are left to Netlify."""
    rules = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 4 or line.lstrip().startswith("#"):
            continue
        path, *conditions, target, status = parts
        force = status.endswith("!")
        if status.rstrip("!") not in ("301", "302") or not all("=" in c for c in conditions):
            continue
        query = dict(condition.split("=", 1) for condition in conditions)
        rules.append(Redirect(path, query, target, int(status.rstrip("!")), force))
    return rules


def redirect_for(rules: list[Redirect], url_path: str, query_string: str) -> Redirect | None:
    """The first rule whose path and query conditions match, with its placeholders filled in.

    Both sides are decoded the same way (``+`` and ``%20`` are a space, ``%C3%A9`` is é), so a rule
    written ``q=even+vrij`` or ``q=even%20vrij`` matches the form's ``?q=even+vrij`` and a link's
    ``?q=even%20vrij`` alike (search/static_results.py writes the values)."""
    params = dict(urllib.parse.parse_qsl(query_string))
    for rule in rules:
        if rule.path.rstrip("/") != url_path.rstrip("/"):
            continue
        values: dict[str, str] = {}
        for name, wanted in rule.query.items():
            value = params.get(name)
            if not value or (not wanted.startswith(":") and value != urllib.parse.unquote_plus(wanted)):
                break
            if wanted.startswith(":"):
                values[wanted] = urllib.parse.quote(value, safe="")
        else:
            target = rule.target
            for placeholder in sorted(values, key=len, reverse=True):
                target = target.replace(placeholder, values[placeholder])
            return Redirect(rule.path, rule.query, target, rule.status, rule.force)
    return None


class Reloader:
    def __init__(self):
        self.version = 0
        self.condition = threading.Condition()

    def bump(self) -> None:
        with self.condition:
            self.version += 1
            self.condition.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


class Handler(http.server.SimpleHTTPRequestHandler):
    rules: list[tuple[str, dict[str, str]]] = []
    reloader: Reloader | None = None
    live_reload = True

    def log_message(self, format: str, *args) -> None:
        if "--verbose" in sys.argv:
            super().log_message(format, *args)

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for name, value in headers_for(self.rules, path).items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == LIVE_RELOAD_PATH and self.reloader is not None:
            return self._events()
        if path == LIVE_RELOAD_PATH + ".js":
            return self._send(200, "text/javascript", LIVE_RELOAD_SCRIPT.encode())
        file_path = Path(self.translate_path(path))
        if self._redirect(path, file_path):
            return None
        if file_path.is_dir():
            file_path = file_path / "index.html"
            if not path.endswith("/") and file_path.exists():
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
        if not file_path.exists():
            return self._not_found(path)
        if file_path.suffix == ".html" and self.live_reload:
            html = file_path.read_bytes()
            tag = f'<script src="{LIVE_RELOAD_PATH}.js" defer></script></body>'.encode()
            return self._send(200, "text/html; charset=utf-8", html.replace(b"</body>", tag, 1))
        return super().do_GET()

    def _redirect(self, path: str, file_path: Path) -> bool:
        """Apply a ``_redirects`` query rule, as Netlify would (read per request: rebuilds change it)."""
        query = urllib.parse.urlsplit(self.path).query
        rules_file = Path(self.directory) / "_redirects"
        if not query or not rules_file.is_file():
            return False
        rule = redirect_for(parse_redirects(rules_file.read_text(encoding="utf-8")), path, query)
        if rule is None:
            return False
        shadowed = file_path.is_file() or (file_path / "index.html").is_file()
        if shadowed and not rule.force:  # Netlify serves an existing file unless the rule is forced
            return False
        self.send_response(rule.status)
        self.send_header("Location", rule.target)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def _not_found(self, path: str) -> None:
        root = Path(self.directory)
        parts = path.strip("/").split("/")
        candidate = root / parts[0] / "404.html" if parts and (root / parts[0] / "404.html").exists() else root / "404.html"
        body = candidate.read_bytes() if candidate.exists() else b"Niet gevonden"
        self._send(404, "text/html; charset=utf-8", body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = self.reloader.version
        try:
            while True:
                version = self.reloader.wait(seen, timeout=15)
                message = b"data: reload\n\n" if version != seen else b": ping\n\n"
                seen = version
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection early is normal, not an error worth a traceback."""

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


def make_server(public: Path, root: Path, host: str, port: int, reloader: Reloader | None, live_reload: bool = True):
    # A subclass per server, so that two servers in one process keep their own settings.
    handler_class = type("SiteHandler", (Handler,), {"rules": netlify_headers(root), "reloader": reloader, "live_reload": live_reload})
    handler = functools.partial(handler_class, directory=str(public))
    server = QuietServer((host, port), handler)
    server.daemon_threads = True
    return server


def _rebuild(root: Path, clock: Callable[[], Clock], reloader: Reloader) -> None:
    from sitegen.build.pipeline import BuildOptions, RenderError, build
    from sitegen.problems import ContentError

    try:
        result = build(BuildOptions(root=root, clock=clock()))
    except ContentError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        print("De site is niet bijgewerkt; los de fouten op en sla opnieuw op.", file=sys.stderr)
        return
    except RenderError as error:
        print(f"fout: {error}", file=sys.stderr)
        return
    print(f"bijgewerkt: {result.written} bestand(en) in {result.seconds:.2f} s", flush=True)
    reloader.bump()


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, clock: Callable[[], Clock] = Clock.system, build_first: bool = True) -> int:
    """Build, serve and rebuild on every change; ``clock`` is read at each rebuild."""
    import watchfiles

    root = root.resolve()
    reloader = Reloader()
    if build_first:
        _rebuild(root, clock, reloader)
    public = root / "public"
    public.mkdir(exist_ok=True)
    server = make_server(public, root, host, port, reloader)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"De site draait op http://{host}:{port}/ (stoppen: Ctrl+C)", flush=True)
    watched = [str(p) for p in (root / "content", root / "themes") if p.exists()]
    try:
        for _changes in watchfiles.watch(*watched, debounce=200):
            time.sleep(0.05)
            _rebuild(root, clock, reloader)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
