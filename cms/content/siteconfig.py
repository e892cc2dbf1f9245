"""site.yaml <-> site settings and vocabularies/*.yaml <-> vocabulary snippets, as text and field values.

No models here (the models use these functions to validate); texts per language are
{language: text} values (``cms.content.langtext``), for any language of the site.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sitegen.content import frontmatter
from sitegen.content.site_model import SiteConfig
from sitegen.content.site_model import Vocabulary as VocabularyModel

STRUCTURED_KEYS = ("loket", "crisis_lines", "menu", "footer_links", "meilisearch", "map")


def texts(value: dict[str, str] | None) -> dict[str, str]:
    """A {language: text} value without empty languages."""
    return {lang: text.strip() for lang, text in (value or {}).items() if text and text.strip()}


def codes(text: str) -> list[str]:
    """'nl, en, ar' -> ['nl', 'en', 'ar']."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _unchanged_source(model_class, source_text: str, current) -> bool:
    if not source_text:
        return False
    try:
        return model_class.model_validate(frontmatter.load_yaml(source_text)) == current
    except (ValidationError, ValueError):
        return False


# ----------------------------------------------------------------------------- site.yaml


def site_to_text(settings) -> str:
    """The site.yaml text of the site settings; pydantic's ValidationError or ValueError (YAML) when invalid."""
    data: dict[str, Any] = {
        "name": texts(settings.name),
        "municipality": settings.municipality,
        "base_url": settings.base_url.rstrip("/"),
        "languages": codes(settings.languages),
        "theme": settings.theme,
        "review_period_months": settings.review_period_months,
    }
    structured = frontmatter.load_yaml(settings.structured_yaml) if settings.structured_yaml.strip() else {}
    data.update(structured or {})
    config = SiteConfig.model_validate(data)
    if _unchanged_source(SiteConfig, settings.source_text, config):
        return settings.source_text
    return frontmatter.dump_yaml(config.model_dump(mode="python", exclude_defaults=True))


def set_site_fields(settings, text: str) -> None:
    config = SiteConfig.model_validate(frontmatter.load_yaml(text))
    settings.name = dict(config.name)
    settings.municipality = config.municipality
    settings.base_url = config.base_url
    settings.languages = ", ".join(config.languages)
    settings.theme = config.theme
    settings.review_period_months = config.review_period_months
    dumped = config.model_dump(mode="python", exclude_defaults=True)
    structured = {key: dumped[key] for key in STRUCTURED_KEYS if key in dumped}
    settings.structured_yaml = frontmatter.dump_yaml(structured) if structured else ""
    settings.source_text = text


# ----------------------------------------------------------------------------- vocabularies


def vocabulary_to_text(vocabulary) -> str:
    terms = []
    for term in vocabulary.terms.all().order_by("sort_order"):
        entry: dict[str, Any] = {"slug": term.slug, "label": texts(term.label)}
        for name in ("description", "everyday"):
            values = texts(getattr(term, name))
            if values:
                entry[name] = values
        synonyms = [word.strip() for word in term.synonyms.split(",") if word.strip()]
        if synonyms:
            entry["synonyms"] = synonyms
        if term.latitude is not None or term.longitude is not None:
            entry["latitude"], entry["longitude"] = term.latitude, term.longitude
        terms.append(entry)
    model = VocabularyModel.model_validate({"name": texts(vocabulary.title), "terms": terms})
    if _unchanged_source(VocabularyModel, vocabulary.source_text, model):
        return vocabulary.source_text
    return frontmatter.dump_yaml(model.model_dump(mode="python", exclude_defaults=True))


def parse_vocabulary(text: str) -> VocabularyModel:
    return VocabularyModel.model_validate(frontmatter.load_yaml(text))
