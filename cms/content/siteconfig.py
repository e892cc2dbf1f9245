"""site.yaml <-> SiteSettings and vocabularies/*.yaml <-> Vocabulary snippets."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sitegen.content import frontmatter
from sitegen.content.site_model import SiteConfig, Vocabulary as VocabularyModel

LANGS = ("nl", "en", "ar")
STRUCTURED_KEYS = ("loket", "crisis_lines", "menu", "footer_links", "meilisearch")


def _lang_fields(obj, prefix: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{prefix}_{lang}").strip() for lang in LANGS if getattr(obj, f"{prefix}_{lang}", "").strip()}


def _set_lang_fields(obj, prefix: str, values: dict[str, str]) -> None:
    for lang in LANGS:
        setattr(obj, f"{prefix}_{lang}", values.get(lang, ""))


# ----------------------------------------------------------------------------- site.yaml


def site_to_text(settings) -> str:
    data: dict[str, Any] = {
        "name": _lang_fields(settings, "name"),
        "municipality": settings.municipality,
        "base_url": settings.base_url.rstrip("/"),
        "languages": [part.strip() for part in settings.languages.split(",") if part.strip()],
        "theme": settings.theme,
        "review_period_months": settings.review_period_months,
    }
    structured = frontmatter.load_yaml(settings.structured_yaml) if settings.structured_yaml.strip() else {}
    data.update(structured or {})
    config = SiteConfig.model_validate(data)
    if settings.source_text:
        try:
            if SiteConfig.model_validate(frontmatter.load_yaml(settings.source_text)) == config:
                return settings.source_text
        except (ValidationError, ValueError):
            pass
    return frontmatter.dump_yaml(config.model_dump(mode="python", exclude_defaults=True))


def set_site_fields(settings, text: str) -> None:
    config = SiteConfig.model_validate(frontmatter.load_yaml(text))
    _set_lang_fields(settings, "name", config.name)
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
        entry: dict[str, Any] = {"slug": term.slug, "label": _lang_fields(term, "label")}
        for prefix in ("description", "everyday"):
            values = _lang_fields(term, prefix)
            if values:
                entry[prefix] = values
        synonyms = [word.strip() for word in term.synonyms.split(",") if word.strip()]
        if synonyms:
            entry["synonyms"] = synonyms
        terms.append(entry)
    model = VocabularyModel.model_validate({"name": _lang_fields(vocabulary, "title"), "terms": terms})
    if vocabulary.source_text:
        try:
            if VocabularyModel.model_validate(frontmatter.load_yaml(vocabulary.source_text)) == model:
                return vocabulary.source_text
        except (ValidationError, ValueError):
            pass
    return frontmatter.dump_yaml(model.model_dump(mode="python", exclude_defaults=True))


def load_vocabulary(name: str, text: str):
    """Create or replace the snippet for one vocabulary file."""
    from cms.content.models import Term, Vocabulary

    model = VocabularyModel.model_validate(frontmatter.load_yaml(text))
    vocabulary = Vocabulary.objects.filter(name=name).first() or Vocabulary(name=name)
    _set_lang_fields(vocabulary, "title", model.name)
    vocabulary.source_text = text
    terms = []
    for term in model.terms:
        row = Term(slug=term.slug, synonyms=", ".join(term.synonyms))
        _set_lang_fields(row, "label", term.label)
        _set_lang_fields(row, "description", term.description)
        _set_lang_fields(row, "everyday", term.everyday)
        terms.append(row)
    vocabulary.terms = terms
    vocabulary.save()
    return vocabulary
