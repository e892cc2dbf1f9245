"""Hulpwijzer against Hugo on the same synthetic site: clean, one-item edit, no-change builds.

    python bench/compare.py                      # 10,000 items, 3 rounds
    python bench/compare.py --items 200 --rounds 1 --json bench/out/compare.json   # smoke run

Generates N items with bench/generate.py into bench/out/compare-N/site, converts them with
../shared/bench/to_hugo.py (Hulpwijzer's structure: listings in nl/en/ar, detail pages in nl),
installs Debian's `hugo` if it is missing, then runs both tools interleaved (Hulpwijzer, Hugo,
Hulpwijzer, Hugo, ...): the machine is shared, so the ratios matter more than the seconds.

- clean: `hulpwijzer build --clean` vs `hugo` into an emptied folder;
- edit: one vacancy's title changed in both trees; Hulpwijzer's incremental `build` (the page
  is visible when the command returns) vs a running `hugo server --renderToDisk`: the time until
  the edited page on disk has the new title, and the server's own "Total in N ms" line;
- no change: `hulpwijzer build` again vs a plain `hugo` rebuild (Hugo has no incremental mode
  outside its server, so this is for reference);
- next day: a Hulpwijzer build with --today one day later and no edits, counting the files it wrote.

Per run: wall time, CPU time and peak RSS of the command (os.wait4, which covers the processes
it waited for: Hulpwijzer's fork workers and Pagefind), and the 1-minute load average before.
Peak RSS is the largest single process, not the sum over workers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TO_HUGO = REPO.parent / "shared" / "bench" / "to_hugo.py"  # shared/ sits beside the repository
TODAY = dt.date(2026, 11, 23)  # the build date of the other benchmarks; the generator's dates fit it
VACANCY = "vacature-1"  # number 1: current (every tenth vacancy is expired)

REBUILT = re.compile(r"(?:Rebuilt|Total) in (\d+(?:\.\d+)?) ?ms")
SUMMARY = re.compile(r"Klaar: (\d+) items, (\d+) bestanden \((\d+) geschreven, (\d+) ongewijzigd, (\d+) verwijderd\)")


# ---- pure helpers (tests/test_bench_compare.py) -------------------------------------------


def parse_rebuilt(line: str) -> float | None:
    """Milliseconds from a `hugo server` rebuild line ("Total in 102 ms" in 0.111, "Rebuilt in" later)."""
    match = REBUILT.search(line)
    return float(match.group(1)) if match else None


def parse_summary(text: str) -> dict | None:
    """The counts of the closing line of `hulpwijzer build` (printed without --quiet)."""
    match = SUMMARY.search(text)
    if not match:
        return None
    return dict(zip(("items", "outputs", "written", "kept", "removed"), map(int, match.groups()), strict=True))


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def median(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "–"
    return {"x": f"{value:.2f}×", "MiB": f"{value:.0f} MiB"}.get(unit, f"{value:.2f} s")


def table(results: dict) -> str:
    """Medians per kind of build and the ratio Hulpwijzer/Hugo (below 1: Hulpwijzer is faster or smaller)."""
    lines = [
        "| build | Hulpwijzer wall | Hugo wall | ratio | Hulpwijzer CPU | Hugo CPU | ratio | Hulpwijzer peak RSS | Hugo peak RSS | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = (
        ("clean", "clean", "wall"),
        ("edit", "one vacancy edited, until visible", "visible"),
        ("edit", "one vacancy edited, until the build ends (search index included)", "wall"),
        ("nochange", "no change", "wall"),
    )
    for kind, label, hw_key in rows:
        hw, hugo = results.get(kind, {}).get("hulpwijzer", []), results.get(kind, {}).get("hugo", [])
        if not hw and not hugo:
            continue
        if hw_key == "visible" and median(hw, "visible") is None:
            continue
        cells = [label]
        for key, unit in ((hw_key, "s"), ("cpu", "s"), ("rss_mib", "MiB")):
            a, b = median(hw, key), median(hugo, "wall" if key == "visible" else key)
            cells += [fmt(a, unit), fmt(b, unit), fmt(ratio(a, b), "x")]
        lines.append("| " + " | ".join(cells) + " |")
        if kind == "edit" and median(hugo, "server_ms") is not None:
            server = median(hugo, "server_ms") / 1000
            cells = ['one vacancy edited, hugo server\'s own "Total in"', fmt(median(hw, "wall")), fmt(server), fmt(ratio(median(hw, "wall"), server), "x")]
            lines.append("| " + " | ".join(cells + ["", "", "", "", "", ""]) + " |")
    return "\n".join(lines)


# ---- measuring ----------------------------------------------------------------------------


def run(command: list[str], cwd: Path = REPO, visible=None) -> dict:
    """Run one command to its end; wall, CPU and peak RSS of it and of the children it reaped.
    With ``visible`` (a test of the published files), also the time until it first held."""
    load = os.getloadavg()[0]
    seen = None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if visible else 0)  # rusage of this child alone
            if seen is None and visible is not None and visible():
                seen = time.perf_counter() - started
            if pid:
                break
            time.sleep(0.005)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stdout[-2000:]}{stderr[-2000:]}")
    measured = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024, "load": load, "stdout": stdout, "stderr": stderr}
    if visible is not None:
        measured["visible"] = seen if seen is not None else wall
    return measured


def hulpwijzer(site: Path, *extra: str, today: dt.date = TODAY, quiet: bool = True) -> list[str]:
    # `python -m` from the repository, so this checkout's sitegen runs, not an installed one
    return [sys.executable, "-m", "sitegen.cli.main", "--root", str(site), "build", "--today", today.isoformat(), "--jobs", "0", *extra] + (
        ["--quiet"] if quiet else []
    )


def edit_title(path: Path, version: int) -> str:
    """Give the vacancy's title a new version number (both trees quote it the same way); return the new text."""
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"Vrijwilliger 1(?: \(versie \d+\))?:", f"Vrijwilliger 1 (versie {version}):", text, count=1)
    path.write_text(new, encoding="utf-8")
    return f"Vrijwilliger 1 (versie {version}):"


class HugoServer:
    """`hugo server --renderToDisk` in the background; its log is read line by line for rebuilds."""

    def __init__(self, hugo_dir: Path, out: Path, fast_render: bool):
        with socket.socket() as probe:  # a free port on loopback
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = ["hugo", "server", "-s", str(hugo_dir), "--renderToDisk", "-d", str(out), "--bind", "127.0.0.1", "--port", str(port)]
        if not fast_render:
            command.append("--disableFastRender")
        self.log = tempfile.NamedTemporaryFile(mode="w+", suffix=".log")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        self.seen = 0
        self.wait_for(lambda text: "Web Server is available" in text, timeout=900)

    def wait_for(self, done, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = Path(self.log.name).read_text(errors="replace")[self.seen :]
            if done(text):
                self.seen += len(text)
                return text
            if self.process.poll() is not None:
                raise SystemExit("hugo server stopped:\n" + Path(self.log.name).read_text()[-3000:])
            time.sleep(0.005)
        raise SystemExit("hugo server: timed out; log:\n" + Path(self.log.name).read_text()[-3000:])

    def cpu_and_peak(self) -> tuple[float, float]:
        """CPU seconds so far and peak RSS (VmHWM, MiB) of the server, from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        hwm = next(line for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines() if line.startswith("VmHWM"))
        return cpu, int(hwm.split()[1]) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def edit_in_hugo(server: HugoServer, source: Path, page: Path, version: int) -> dict:
    load = os.getloadavg()[0]
    cpu_before, _ = server.cpu_and_peak()
    started = time.perf_counter()
    title = edit_title(source, version)
    while not (page.exists() and title in page.read_text(encoding="utf-8", errors="replace")):  # visible
        if time.perf_counter() - started > 300:
            raise SystemExit(f"hugo server did not update {page}")
        time.sleep(0.002)
    wall = time.perf_counter() - started
    log = server.wait_for(lambda text: parse_rebuilt(text) is not None, timeout=300)  # the log line may come just after
    cpu_after, peak = server.cpu_and_peak()
    return {"wall": wall, "server_ms": parse_rebuilt(log), "cpu": cpu_after - cpu_before, "rss_mib": peak, "load": load}


# ---- setting up ---------------------------------------------------------------------------


def ensure_hugo() -> str:
    if not shutil.which("hugo"):
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        for command in (sudo + ["apt-get", "install", "-y", "hugo"], sudo + ["apt-get", "update"], sudo + ["apt-get", "install", "-y", "hugo"]):
            print("hugo is missing; running:", " ".join(command), flush=True)
            if subprocess.run(command).returncode == 0 and shutil.which("hugo"):
                break
        else:
            raise SystemExit("could not install Debian's hugo")
    return subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout.strip()


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    git = lambda *a: subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True).stdout.strip()  # noqa: E731
    sitegen = subprocess.run([sys.executable, "-c", "import sitegen; print(sitegen.__file__)"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git("rev-parse", "--short", "HEAD") + (" (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""),
        "nproc": os.cpu_count(),
        "cpu": model.group(1) if model else platform.processor(),
        "memory_gib": round(int(memory.group(1)) / 2**20, 1) if memory else None,
        "python": platform.python_version(),
        "sitegen": sitegen,
        "load_at_start": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--langs", default="nl,en,ar", help="nl,en,ar (Hulpwijzer's structure) or nl")
    parser.add_argument("--hugo-full-rebuild", action="store_true", help="hugo server --disableFastRender")
    parser.add_argument("--json", type=Path, help="write all runs and the summary here")
    parser.add_argument("--keep", action="store_true", help="reuse bench/out/compare-N if it exists")
    args = parser.parse_args()

    info = machine()
    info["hugo"] = ensure_hugo()
    work = REPO / "bench" / "out" / f"compare-{args.items}"
    site, hugo_dir = work / "site", work / "hugo"
    hugo_out, hugo_serve = work / "hugo-public", work / "hugo-serve"
    if not (args.keep and (site / "content").is_dir() and (hugo_dir / "config.toml").exists()):
        sys.path.insert(0, str(REPO / "bench"))
        from generate import generate

        print(f"generating {args.items} items in {site}", flush=True)
        generate(args.items, site)
        convert = [sys.executable, str(TO_HUGO), str(site), str(hugo_dir), "--langs", args.langs, "--today", TODAY.isoformat()]
        if args.langs != "nl":
            convert += ["--detail-langs", "nl"]
        print(" ".join(convert), flush=True)
        subprocess.run(convert, check=True)
    for folder in (site / "public", site / ".hulpwijzer", hugo_out, hugo_serve):
        shutil.rmtree(folder, ignore_errors=True)
    hw_source, hugo_source = site / "content" / "vacancies" / f"{VACANCY}.md", hugo_dir / "content" / "vacatures" / f"{VACANCY}.md"
    hw_page, hugo_page = site / "public" / "vacatures" / VACANCY / "index.html", hugo_serve / "vacatures" / VACANCY / "index.html"
    hugo_build = ["hugo", "--quiet", "-s", str(hugo_dir), "-d", str(hugo_out)]
    results: dict = {kind: {"hulpwijzer": [], "hugo": []} for kind in ("clean", "edit", "nochange")}

    def record(kind: str, tool: str, measured: dict) -> None:
        measured = {k: v for k, v in measured.items() if k not in ("stdout", "stderr")}
        results[kind][tool].append(measured)
        extra = f", server {measured['server_ms']:.0f} ms" if measured.get("server_ms") is not None else ""
        print(
            f"  {kind:8} {tool:10} wall {measured['wall']:7.2f} s  cpu {measured['cpu']:7.2f} s  rss {measured['rss_mib']:6.0f} MiB  load {measured['load']:.2f}{extra}",
            flush=True,
        )

    # A first build of each (parse cache, page cache, Go's first start) that is not counted.
    print("warming up: one untimed build of each", flush=True)
    run(hulpwijzer(site, "--clean"))
    run(hugo_build)

    print("clean builds", flush=True)
    for _ in range(args.rounds):
        record("clean", "hulpwijzer", run(hulpwijzer(site, "--clean")))
        shutil.rmtree(hugo_out, ignore_errors=True)  # Hugo writes over what is there; start it empty
        record("clean", "hugo", run(hugo_build))

    print("one vacancy edited" + (" (hugo server --disableFastRender)" if args.hugo_full_rebuild else " (hugo server, fast render mode)"), flush=True)
    run(hulpwijzer(site))  # from here on every Hulpwijzer build is incremental
    server = HugoServer(hugo_dir, hugo_serve, fast_render=not args.hugo_full_rebuild)
    try:
        for version in range(1, args.rounds + 1):
            title = edit_title(hw_source, version)
            shows = lambda title=title: hw_page.exists() and title in hw_page.read_text(encoding="utf-8", errors="replace")  # noqa: E731
            record("edit", "hulpwijzer", run(hulpwijzer(site), visible=shows))
            assert shows(), "the edited page is not visible after the build"
            record("edit", "hugo", edit_in_hugo(server, hugo_source, hugo_page, version))
    finally:
        server.stop()

    print("no change", flush=True)
    for _ in range(args.rounds):
        record("nochange", "hulpwijzer", run(hulpwijzer(site)))
        record("nochange", "hugo", run(hugo_build))

    # The next day, nothing edited: what share of the outputs does the daily build write again?
    next_day = run(hulpwijzer(site, today=TODAY + dt.timedelta(days=1), quiet=False))
    counts = parse_summary(next_day["stdout"]) or {}
    rendered = re.search(r"render: (\d+)/(\d+)", next_day["stderr"])  # the progress log names the outputs rendered
    results["next_day"] = {
        **{k: v for k, v in next_day.items() if k not in ("stdout", "stderr")},
        **counts,
        "rendered": int(rendered.group(2)) if rendered else None,
    }
    print(
        f"  next day: {counts.get('written')} of {counts.get('outputs')} files written, {results['next_day']['rendered']} rendered, wall {next_day['wall']:.2f} s",
        flush=True,
    )
    run(hulpwijzer(site))  # back to the fixed date for any later run with --keep

    print()
    print(f"{info['date']}, commit {info['commit']}; {info['nproc']} cores, {info['cpu']}, {info['memory_gib']} GiB; Python {info['python']}; {info['hugo']}")
    print(f"{args.items} items, languages {args.langs}, {args.rounds} round(s); medians; ratio = Hulpwijzer / Hugo")
    loads = [run_["load"] for kind in ("clean", "edit", "nochange") for tool in ("hulpwijzer", "hugo") for run_ in results[kind][tool]]
    print(f"load average (1 min) before the runs: {min(loads):.2f}–{max(loads):.2f}")
    print(table(results))
    nd = results["next_day"]
    if nd.get("outputs"):
        print(
            f"next day, no edits: {nd['written']} of {nd['outputs']} files written ({100 * nd['written'] / nd['outputs']:.1f} %), rendered {nd['rendered']}, {nd['wall']:.2f} s"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "items": args.items,
                    "langs": args.langs,
                    "rounds": args.rounds,
                    "hugo_fast_render": not args.hugo_full_rebuild,
                    "results": results,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        print(f"written to {args.json}")


if __name__ == "__main__":
    main()
