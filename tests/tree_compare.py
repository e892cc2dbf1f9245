"""Helpers of the incremental property test: content files written as Hulpwijzer writes them, and
published trees compared by what they hold (Pagefind's run-dependent names by what they index)."""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import hashlib
import json
from pathlib import Path

import yaml


class _NoAliases(yaml.SafeDumper):
    """Content YAML has no aliases (the reader refuses them): a list used twice is written twice."""

    def ignore_aliases(self, data) -> bool:
        return True


def pagefind_index(folder: Path) -> dict[str, str]:
    """What Pagefind indexed: page counts per language and every decoded fragment."""
    bundle = folder / "pagefind"
    entry = bundle / "pagefind-entry.json"
    if not entry.exists():
        return {}
    languages = json.loads(entry.read_text())["languages"]
    fragments = []  # "<language> <fragment as canonical JSON>"; the file names are hashes
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragments.append(path.name.split("_", 1)[0] + " " + json.dumps(json.loads(data), sort_keys=True, ensure_ascii=False))
    table = {"pagefind/pages": json.dumps({lang: info["page_count"] for lang, info in sorted(languages.items())})}
    for fragment in sorted(fragments):
        lang, text = fragment.split(" ", 1)
        key = f"pagefind/{lang} {json.loads(text)['url']}"
        table[key] = table.get(key, "") + text + "\n"
    return table


def tree(folder: Path) -> dict[str, str]:
    table = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }
    table.update(pagefind_index(folder))
    return table


def explain(got_dir: Path, want_dir: Path, got: dict[str, str], want: dict[str, str]) -> str:
    lines = []
    if set(got) != set(want):
        lines.append(f"only incremental: {sorted(set(got) - set(want))}")
        lines.append(f"only clean: {sorted(set(want) - set(got))}")
    differing = sorted(path for path in set(got) & set(want) if got[path] != want[path])
    if differing:
        lines.append(f"differing: {differing}")
        first = differing[0]
        if first.startswith("pagefind/"):
            a, b = got[first].splitlines(), want[first].splitlines()
        else:
            a = (got_dir / first).read_text(encoding="utf-8", errors="replace").splitlines()
            b = (want_dir / first).read_text(encoding="utf-8", errors="replace").splitlines()
        lines.extend(list(difflib.unified_diff(b, a, "clean/" + first, "incremental/" + first, lineterm="", n=1))[:60])
    return "\n".join(lines)


# ----------------------------------------------------------------------------- writing content


def read_item(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def write_item(path: Path, data: dict, body: str = "") -> None:
    front = yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, default_flow_style=False)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def moment(day: dt.date, hour: int, minute: int = 0) -> str:
    """A content time: wall-clock time in the Netherlands, as editors write it."""
    return f"{day.isoformat()} {hour:02d}:{minute:02d}"


def activity_times(day: dt.date, hour: int, minutes: int) -> tuple[str, str]:
    start = dt.datetime.combine(day, dt.time(hour, 30 if hour in (2, 23) else 0))
    end = start + dt.timedelta(minutes=minutes)
    return moment(start.date(), start.hour, start.minute), moment(end.date(), end.hour, end.minute)
