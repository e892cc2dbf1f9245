"""Reading: content/ into a validated ``Site`` (the graph plus the digests that make fingerprints).

The parse of each file is cached in ``.hulpwijzer/parse-cache.pickle``, keyed by size,
modification and change time and inode, and invalidated when the code changes, so a rebuild
parses only what changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.build.state import state_dir
from sitegen.content.parse import ParsedItem, digest_of, load_site_config, load_vocabularies, parse_item, split_name
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import SiteGraph, build_graph
from sitegen.problems import ContentError, Problem

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Site:
    """Everything read from content/: the graph plus the digests that make fingerprints."""

    build_wide = True  # the same for every output (sitegen.build.fingerprint)

    graph: SiteGraph
    parsed: list[ParsedItem]
    digests: dict[str, str]
    problems: list[Problem]


def _code_digest() -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for package in ("sitegen", "search"):
        folder = PACKAGE_ROOT / package
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".po", ".json", ".yaml", ".txt") and "__pycache__" not in path.parts:
                hasher.update(path.relative_to(PACKAGE_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks resolved, is in ``folder`` (also resolved)."""
    return path.resolve().is_relative_to(folder.resolve())


def content_files(root: Path) -> list[Path]:
    """The content files, leaving out any that lead outside content/ (containment_problems names them)."""
    content = root / "content"
    real = content.resolve()
    files = []
    for folder in (t.folder for t in TYPES):
        base = content / folder
        if base.is_dir() and base.resolve().is_relative_to(real):
            # Only a symlink can lead out: resolving every plain file would cost a system call per path part.
            files.extend(sorted(p for p in base.glob("*.md") if p.is_file() and (not p.is_symlink() or p.resolve().is_relative_to(real))))
    return files


_OUTSIDE = (
    "dit is een snelkoppeling (symlink) naar een plek buiten content/; zo'n bestand wordt niet gepubliceerd",
    "zet het bestand zelf in content/ of haal de snelkoppeling weg",
)


def containment_problems(root: Path) -> list[Problem]:
    """Everything under content/ that a symlink leads out of it: a site publishes only its own files."""
    content = root / "content"
    if not content.is_dir():
        return []
    candidates = [content / "site.yaml", content / "vocabularies", *sorted((content / "vocabularies").glob("*.yaml"))]
    for folder in [t.folder for t in TYPES] + ["media"]:
        base = content / folder
        candidates.append(base)
        if base.is_dir() and inside(base, content):
            for dirpath, dirnames, filenames in os.walk(base):  # symlinked folders are listed, not entered
                candidates.extend(Path(dirpath) / name for name in sorted(dirnames + filenames))
    return [
        Problem(path.relative_to(root).as_posix() + ("/" if path.is_dir() else ""), None, None, *_OUTSIDE)
        for path in candidates
        if path.is_symlink() and not inside(path, content)
    ]


_GOOD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_content(root: Path, code_digest: str | None = None, default_lang: str = "nl") -> tuple[list[ParsedItem], list[Problem]]:
    """Parse every content file, reusing the parse of files whose size, times and inode did not change.
    A file without a language in its name is in ``default_lang`` (the site's first language)."""
    code_digest = (code_digest or _code_digest()) + "|" + default_lang
    cache_path = state_dir(root) / "parse-cache.pickle"
    cache: dict[str, tuple[tuple[int, ...], ParsedItem]] = {}
    if cache_path.exists():
        try:
            with cache_path.open("rb") as handle:
                stored = pickle.load(handle)
            if stored.get("code") == code_digest:
                cache = stored["items"]
        except Exception:  # noqa: BLE001 - a damaged or foreign cache is simply rebuilt
            cache = {}
    content = root / "content"
    parsed: list[ParsedItem] = []
    problems: list[Problem] = []
    fresh: dict[str, tuple[tuple[int, ...], ParsedItem]] = {}
    for path in content_files(root):
        key = path.relative_to(content).as_posix()
        stat = path.stat()
        # Tools such as cp -p, rsync -a and touch -r keep the modification time, so the change
        # time and the inode (os.replace gives a new one) are part of what says "unchanged".
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns, stat.st_ino)
        cached = cache.get(key)
        if cached is not None and cached[0] == stamp:
            entry = cached[1]
        else:
            entry = parse_item(key, path.read_bytes(), default_lang=default_lang)
        fresh[key] = (stamp, entry)
        parsed.append(entry)
        problems.extend(entry.problems)
    _warn_strays(root, problems)
    if fresh.keys() != cache.keys() or any(fresh[k][0] != cache[k][0] for k in fresh):
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump({"code": code_digest, "items": fresh}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_path)
    return parsed, problems


def _warn_strays(root: Path, problems: list[Problem]) -> None:
    content = root / "content"
    if not content.is_dir():
        problems.append(Problem("content/", None, None, "de map content/ ontbreekt", "maak de map content/ aan of start in de juiste map"))
        return
    known = {t.folder for t in TYPES} | {"vocabularies", "media"}
    for path in sorted(content.iterdir()):
        if path.is_dir() and path.name not in known and not path.name.startswith("."):
            problems.append(
                Problem(
                    f"content/{path.name}/",
                    None,
                    None,
                    "onbekende map; de bestanden hierin worden niet gebruikt",
                    "gebruik een van deze mappen: " + ", ".join(sorted(known)),
                    severity="warning",
                )
            )
    for folder in (t.folder for t in TYPES):
        base = content / folder
        if base.is_dir():
            for path in sorted(base.iterdir()):
                if path.is_file() and path.suffix == ".md" and not _GOOD_NAME.match(split_name(path.name)[0]):
                    # The name becomes the web address and the key translations are matched by.
                    problems.append(
                        Problem(
                            f"content/{folder}/{path.name}",
                            None,
                            None,
                            "de bestandsnaam heeft hoofdletters, spaties of andere tekens; die komen zo in het webadres",
                            "hernoem het bestand naar kleine letters, cijfers en streepjes, zoals even-vrij.md",
                            severity="warning",
                        )
                    )
                if path.is_file() and path.suffix != ".md" and not path.name.startswith("."):
                    problems.append(
                        Problem(
                            f"content/{folder}/{path.name}",
                            None,
                            None,
                            "dit bestand wordt niet gebruikt: alleen .md-bestanden tellen",
                            "geef het bestand de extensie .md of haal het weg",
                            severity="warning",
                        )
                    )


def media_files(root: Path) -> dict[str, Path]:
    """The media files that are really in content/media/ (symlinks out of content/ are left out)."""
    content = root / "content"
    base = content / "media"
    if not base.is_dir() or not inside(base, content):
        return {}
    found = {}
    for dirpath, _dirnames, filenames in os.walk(base):
        for name in filenames:
            path = Path(dirpath) / name
            # os.walk does not enter symlinked folders, so only a symlinked file can lead out.
            if path.is_file() and not name.startswith(".") and (not path.is_symlink() or inside(path, content)):
                found["media/" + path.relative_to(base).as_posix()] = path
    return dict(sorted(found.items()))


def load_site(root: Path, today: dt.date) -> Site:
    """Read and validate all of content/ as of ``today``; problems are collected, not raised."""
    code_digest = _code_digest()
    outside = containment_problems(root)
    site, problems, site_digest = load_site_config(root) if not any(p.path == "content/site.yaml" for p in outside) else (None, [], "")
    problems.extend(outside)
    vocabularies, vocab_problems, vocab_digest = load_vocabularies(root)
    problems.extend(vocab_problems)
    parsed, item_problems = read_content(root, code_digest, site.default_language if site is not None else "nl")
    problems.extend(item_problems)
    digests = {entry.key: entry.digest for entry in parsed}
    media = media_files(root)
    for key, path in media.items():
        digests[key] = digest_of(path.read_bytes())
    if site is None:
        raise ContentError(sorted(problems))
    graph, graph_problems = build_graph(site, vocabularies, parsed, today)
    graph.site_digest, graph.vocab_digest = site_digest, vocab_digest
    problems.extend(graph_problems)
    for node in graph.nodes:
        for image_field in ("image", "logo"):
            image = getattr(node.data, image_field, None)
            if image is not None and image.src.removeprefix("/") not in media:
                problems.append(
                    Problem(
                        node.source,
                        node.field_lines.get(image_field),
                        f"{image_field}.src",
                        f"het bestand '{image.src}' bestaat niet",
                        "zet het bestand in content/media/ en schrijf het pad als media/naam.png",
                    )
                )
    by_type: dict[str, list[str]] = {}
    for entry in parsed:
        by_type.setdefault(entry.type_name, []).append(entry.key + ":" + entry.digest)
    for type_name in TYPES.names():
        digests[f"@type:{type_name}"] = hashlib.blake2b("\n".join(sorted(by_type.get(type_name, []))).encode(), digest_size=16).hexdigest()
    digests["@all"] = hashlib.blake2b("\n".join(sorted(f"{k}:{v}" for k, v in digests.items())).encode(), digest_size=16).hexdigest()
    digests["@code"] = code_digest
    graph.digests = digests
    return Site(graph=graph, parsed=parsed, digests=digests, problems=problems)
