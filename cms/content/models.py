"""The models of the content app, as Django loads them.

The page tree decides who may edit what (parents and children come from
``sitegen.content.types.TYPES``; the page models are generated into ``pages/``):

    Home ─┬─ Informatie (InformationIndexPage) ── InfoPagePage
          └─ Organisaties (OrganisationIndexPage) ── OrganisationPage ─┬─ ActivityPage
                                                                       ├─ RespiteOfferPage
                                                                       └─ VacancyPage

Activities, respite offers and vacancies live under the organisation that runs
them (their ``organiser``/``provider``/``organisation`` reference is the parent),
so a partner group that may edit one organisation page may edit exactly its
own activities and vacancies.
"""

from cms.content.pages.base import ContentPage, ContentPageForm
from cms.content.pages.catalog import *  # noqa: F403  (every page model)
from cms.content.pages.catalog import INDEX_PAGES, PAGE_MODELS
from cms.content.sitesettings import SiteSettings
from cms.content.vocabulary import Term, Vocabulary, term_choices

TYPE_OF_MODEL = {model: type_name for type_name, model in PAGE_MODELS.items()}

__all__ = ["ContentPage", "ContentPageForm", "INDEX_PAGES", "PAGE_MODELS", "SiteSettings", "TYPE_OF_MODEL", "Term", "Vocabulary", "term_choices"]
