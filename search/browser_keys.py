"""The one place that decides which Meilisearch key the browser gets, and signs tenant tokens.

The search page and the vacancy widget both read the result (``graph.browser_search``),
made once per build in ``sitegen.build.pipeline.prepare``. The rules:

- no ``url`` or ``search_key`` in site.yaml: no live search in the browser;
- ``search_key`` equal to the master key: no live search, and a warning;
- ``search_key_uid`` set: tenant tokens signed with the search key, one per purpose, that
  only see current items (the widget: current vacancies). Their lifetime counts from the
  build clock. If a token cannot be signed the browser gets no Meilisearch at all and the
  build warns with the cause: it never falls back to the broader search key;
- otherwise the search key itself (the search page and widget add the filters).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from meilisearch import Client

from sitegen.problems import Problem

PAGE_TOKEN_DAYS = 30  # the search page is rebuilt whenever the build date changes
WIDGET_TOKEN_DAYS = 3  # the widget script is cached by partners' visitors; outlives one missed daily build
PAGE_FILTER = "current = true"
WIDGET_FILTER = 'type = "vacancy" AND current = true'
SITE_YAML = "content/site.yaml"


@dataclass(frozen=True)
class BrowserSearch:
    url: str
    prefix: str
    page_key: str
    widget_key: str


def index_uid(prefix: str, lang: str) -> str:
    return f"{prefix}-{lang}"


def sign_token(search_key: str, search_key_uid: str, rules: dict, expires: dt.datetime, url: str) -> str:
    """A tenant token (HS256 JWT) via the official client; raises ValueError with the client's reason."""
    return Client(url).generate_tenant_token(search_key_uid, rules, expires_at=expires, api_key=search_key)


def browser_search(
    meilisearch: dict | None, languages: list[str], build_day: dt.date, master_key: str, now: dt.datetime
) -> tuple[BrowserSearch | None, list[Problem]]:
    """What the browser may use, and the warnings that explain a refusal.

    ``build_day`` fixes the token lifetime (a rebuild on the same day gives the same
    tokens); ``now`` is the moment of signing: a token that would already have expired
    then is not made."""
    config = meilisearch or {}
    url, key = str(config.get("url") or "").rstrip("/"), str(config.get("search_key") or "")
    if not url or not key:
        return None, []
    if master_key and key == master_key.strip():
        return None, [
            Problem(
                SITE_YAML,
                None,
                "meilisearch.search_key",
                "dit is de hoofdsleutel (MEILI_MASTER_KEY). Die mag nooit op de website staan; de live zoekfunctie staat daarom uit",
                "maak een zoeksleutel (zie docs/search.md) en zet die in site.yaml",
                severity="warning",
            )
        ]
    prefix = str(config.get("index_prefix") or "hulpwijzer")
    uid = str(config.get("search_key_uid") or "")
    if not uid:
        return BrowserSearch(url, prefix, key, key), []
    start = dt.datetime.combine(build_day, dt.time(), tzinfo=dt.UTC)
    page_expires = start + dt.timedelta(days=PAGE_TOKEN_DAYS)
    widget_expires = start + dt.timedelta(days=WIDGET_TOKEN_DAYS)
    if widget_expires <= now:
        return None, [
            Problem(
                SITE_YAML,
                None,
                "meilisearch.search_key_uid",
                f"de bouwdatum {build_day.isoformat()} ligt te ver in het verleden: een zoektoken zou al verlopen zijn. "
                "De live zoekfunctie staat uit; de site zoekt met de gewone zoekfunctie",
                "bouw met de datum van vandaag (laat --today weg)",
                severity="warning",
            )
        ]
    try:
        page = sign_token(key, uid, {index_uid(prefix, lang): {"filter": PAGE_FILTER} for lang in languages}, page_expires, url)
        widget = sign_token(key, uid, {index_uid(prefix, lang): {"filter": WIDGET_FILTER} for lang in languages}, widget_expires, url)
    except ValueError as error:
        return None, [
            Problem(
                SITE_YAML,
                None,
                "meilisearch.search_key_uid",
                f"er kon geen zoektoken worden gemaakt ({error}). De live zoekfunctie staat uit; de site zoekt met de gewone zoekfunctie",
                "zet in search_key_uid de uid (een uuid) van de zoeksleutel; zie docs/search.md",
                severity="warning",
            )
        ]
    return BrowserSearch(url, prefix, page, widget), []
