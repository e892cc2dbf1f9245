"""Labels and help texts of CMS fields, read from the content model when they are shown.

The texts live in ``sitegen/content/model.py`` (``x-label`` and the description). The page
models refer to them lazily, so the admin always shows the current text, and the texts are
never copied into the page model code or the migrations (``cms.content.dbfields`` leaves
them out): changing a Dutch help text is a change in one file and needs no migration.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import gettext
from pydantic import BaseModel


def _label(model: type[BaseModel], name: str) -> str:
    extra = model.model_fields[name].json_schema_extra
    return gettext(str(extra.get("x-label", name))) if isinstance(extra, dict) else name


def _help(model: type[BaseModel], name: str) -> str:
    description = model.model_fields[name].description
    return gettext(description) if description else ""


def _alt_label(model: type[BaseModel], name: str, alt_model: type[BaseModel]) -> str:
    return f"{_label(model, name)}: {_label(alt_model, 'alt')}"


label = lazy(_label, str)
help_text = lazy(_help, str)
alt_label = lazy(_alt_label, str)


def field(model: type[BaseModel], name: str) -> dict:
    """verbose_name and help_text of a Django field for ``model.name``."""
    return {"verbose_name": label(model, name), "help_text": help_text(model, name)}


def block(model: type[BaseModel], name: str) -> dict:
    """label and help_text of a StreamField block for ``model.name``."""
    return {"label": label(model, name), "help_text": help_text(model, name)}


def alt(model: type[BaseModel], name: str, alt_model: type[BaseModel]) -> dict:
    """The alternative text of an image field: 'Logo: Alternatieve tekst'."""
    return {"verbose_name": alt_label(model, name, alt_model), "help_text": help_text(alt_model, "alt")}
