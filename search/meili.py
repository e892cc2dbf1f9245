"""Meilisearch (optional): the same search documents in a live index, one per language.

Runs after each build only when ``MEILI_URL`` and ``MEILI_MASTER_KEY`` are set in
the environment. It sets the index settings from code, then upserts the documents
that changed and deletes those that are gone (expired vacancies, past activities,
removed items). It never fails or blocks the static build: any problem becomes a
Dutch warning and the site keeps working with Pagefind.

The browser never gets the master key: site.yaml holds only a search key
(``meilisearch: {url, search_key}``), made with ``create_search_key``; which key or
tenant token the browser gets is decided in ``search.browser_keys``. See docs/search.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from search import browser_keys, meili_ranking
from search import synonyms as synonym_list
from search.documents import FACETS, digest, documents

# Meilisearch's own locale codes (ISO 639-3) for localizedAttributes, for the languages we have
# checked its tokenizer with. A language not named here is indexed without a locale (Meilisearch
# then detects the script), rather than with a code the server would refuse.
LOCALES = {"nl": "nld", "en": "eng", "ar": "ara", "tr": "tur", "pl": "pol", "uk": "ukr"}
FACET_FIELDS = ["type", *FACETS]
REQUEST_TIMEOUT = 5  # seconds per request: an unreachable server must not hold up a publish
TASK_TIMEOUT = 120  # seconds to wait for one index's tasks (10,000 documents index in well under that)
BATCH = 1000


def index_uid(graph, lang: str) -> str:
    return browser_keys.index_uid((graph.site.meilisearch or {}).get("index_prefix", "hulpwijzer"), lang)


def settings(graph, lang: str) -> dict[str, Any]:
    """The index settings; every search behaviour of the live index is decided here."""
    stop_words = synonym_list.STOP_WORDS.get(lang, [])
    settings = {
        # The registry's field weights as an order: a match in the title counts more than one in the text.
        "searchableAttributes": meili_ranking.searchable_attributes(),
        "displayedAttributes": ["*"],
        # ends_ts: every request leaves out what has ended since the build (meili_ranking.current_filter).
        "filterableAttributes": ["id", *FACET_FIELDS, "stale", "current", "remote", "organisation_id", "ends_ts", "_geo"],
        "sortableAttributes": ["title", "next_date_ts", "posted", "last_reviewed", "_geo"],
        # Neutral ranking: how well the words match, then the type and freshness preference (stale
        # lower). Nothing about who published it or how much they publish.
        "rankingRules": list(meili_ranking.RANKING_RULES),
        "faceting": {"maxValuesPerFacet": 100, "sortFacetValuesBy": {"*": "count"}},
        "typoTolerance": meili_ranking.typo_tolerance(stop_words),
        "stopWords": stop_words,
        "synonyms": synonym_list.full_table(graph, lang),
        "pagination": {"maxTotalHits": 1000},
    }
    if lang in LOCALES:
        settings["localizedAttributes"] = [{"attributePatterns": ["*"], "locales": [LOCALES[lang]]}]
    return settings


def index_documents(graph, lang: str) -> list[dict[str, Any]]:
    """The search documents as Meilisearch stores them (``id`` is the primary key)."""
    return documents(graph, lang)


def search_only_key_options(graph) -> dict[str, Any]:
    """Options for POST /keys: a key that can only search this site's indexes."""
    prefix = (graph.site.meilisearch or {}).get("index_prefix", "hulpwijzer")
    return {
        "name": f"{prefix} zoeken (browser)",
        "description": "Alleen zoeken; mag in de browser staan.",
        "actions": ["search"],
        "indexes": [f"{prefix}-*"],
        "expiresAt": None,
    }


def create_search_key(client, graph) -> str:
    """Create the browser key once (with the master key); put the result in site.yaml."""
    return client.create_key(search_only_key_options(graph)).key


# ----------------------------------------------------------------------------- sync after a build


def configured() -> tuple[str, str] | None:
    url, key = os.environ.get("MEILI_URL", "").strip(), os.environ.get("MEILI_MASTER_KEY", "").strip()
    return (url, key) if url and key else None


def warn(message: str) -> None:
    print(f"waarschuwing: {message}", file=sys.stderr)


def _state_path(public: Path, url: str) -> Path:
    name = hashlib.blake2b(url.encode(), digest_size=6).hexdigest()
    return public.parent / ".hulpwijzer" / f"meilisearch-{name}.json"


def plan_changes(previous: dict[str, str], docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    """(documents to upsert, ids to delete, new state) from the previous state {id: digest}."""
    state = {doc["id"]: digest(doc) for doc in docs}
    upserts = [doc for doc in docs if previous.get(doc["id"]) != state[doc["id"]]]
    deletes = sorted(set(previous) - set(state))
    return upserts, deletes, state


def delete_filter(ids: list[str]) -> str:
    return "id IN [" + ", ".join(json.dumps(i) for i in ids) + "]"


def sync(graph, url: str, master_key: str, state_file: Path) -> dict[str, tuple[int, int]]:
    """Bring every language index up to date; returns {lang: (upserted, deleted)}."""
    import meilisearch

    client = meilisearch.Client(url, master_key, timeout=REQUEST_TIMEOUT)
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    report = {}
    for lang in graph.languages:
        uid = index_uid(graph, lang)
        index = client.index(uid)
        wanted_settings = settings(graph, lang)
        settings_digest = hashlib.blake2b(json.dumps(wanted_settings, sort_keys=True).encode(), digest_size=12).hexdigest()
        lang_state = state.get(lang, {})
        previous = lang_state.get("documents", {})
        tasks = []  # what Meilisearch queued for this language; awaited before the state says "done"
        if lang_state.get("settings") != settings_digest:
            client.create_index(uid, {"primaryKey": "id"})  # a task; fails harmlessly when the index exists
            tasks.append(("instellingen", index.update_settings(wanted_settings)))
            previous = _existing(index)
        else:
            # Trust the saved state only while the index still holds what we think it holds.
            try:
                stored = index.get_stats().number_of_documents
            except Exception:  # noqa: BLE001 - a missing index: send everything
                stored = -1
            if stored != len(previous):
                previous = _existing(index)
        docs = index_documents(graph, lang)
        upserts, deletes, new_state = plan_changes(previous, docs)
        for start in range(0, len(upserts), BATCH):
            tasks.append(("documenten", index.add_documents(upserts[start : start + BATCH], primary_key="id")))
        if deletes:
            tasks.append(("verwijderen", index.delete_documents(filter=delete_filter(deletes))))
        _await(client, uid, tasks)
        # Only what Meilisearch confirmed is remembered: after a failure the next build sends it again.
        state[lang] = {"settings": settings_digest, "documents": new_state}
        report[lang] = (len(upserts), len(deletes))
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
    return report


class SyncFailed(RuntimeError):
    """Meilisearch refused or did not finish a task; the message names the index, the task and why."""


def _await(client, uid: str, tasks: list) -> None:
    """Wait for every task of one index (``TASK_TIMEOUT`` in all) and raise when one failed."""
    from meilisearch.errors import MeilisearchTimeoutError

    deadline = time.monotonic() + TASK_TIMEOUT
    for what, info in tasks:
        left = max(1, int((deadline - time.monotonic()) * 1000))
        try:
            task = client.wait_for_task(info.task_uid, timeout_in_ms=left, interval_in_ms=100)
        except MeilisearchTimeoutError:
            raise SyncFailed(f"{uid}: {what} (taak {info.task_uid}) is na {TASK_TIMEOUT} seconden nog niet klaar") from None
        if task.status != "succeeded":
            error = task.error or {}
            raise SyncFailed(f"{uid}: {what} (taak {info.task_uid}) {task.status}: {error.get('code', '')} {error.get('message', '')}".strip())


def _existing(index) -> dict[str, str]:
    """The ids in the index with an unknown digest: everything is sent again, and what is gone is deleted."""
    found: dict[str, str] = {}
    offset = 0
    try:
        while True:
            page = index.get_documents({"fields": ["id"], "limit": BATCH, "offset": offset})
            found.update((str(doc.id), "") for doc in page.results)
            offset += BATCH
            if offset >= page.total:
                return found
    except Exception:  # noqa: BLE001 - no index yet
        return found


def pending(ctx, public: Path) -> bool:
    """With a live index configured every build compares it with the site (a sync may have failed)."""
    return configured() is not None


def after_publish(ctx, public: Path, changed: set[str]) -> None:
    """Bring the live indexes up to date once the new site is published: a failed build never
    changes what Meilisearch finds, and the indexes never run ahead of the site."""
    env = configured()
    if env is None:
        return
    url, master_key = env
    graph = ctx.graph
    try:
        report = sync(graph, url, master_key, _state_path(public, url))
    except Exception as error:  # noqa: BLE001 - never fail the static build for the live index
        warn(
            f"Meilisearch op {url} is niet bijgewerkt ({type(error).__name__}: {str(error)[:200]}). "
            "De website is wel gebouwd en zoekt met de gewone zoekfunctie. "
            "Controleer MEILI_URL en MEILI_MASTER_KEY; de volgende build probeert het opnieuw."
        )
        return
    for lang, (upserted, deleted) in sorted(report.items()):
        print(f"Meilisearch {index_uid(graph, lang)}: {upserted} bijgewerkt, {deleted} verwijderd", file=sys.stderr)
