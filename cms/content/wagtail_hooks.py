"""Admin: the vocabularies as a snippet menu, and a flat listing with filters per content type."""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.content.models import PAGE_MODELS, Vocabulary
from cms.content.publishing import export_vocabulary
from sitegen.content.types import TYPES


class VocabularyViewSet(SnippetViewSet):
    model = Vocabulary
    icon = "list-ul"
    menu_label = _("Lijsten met termen")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["display_title", "name"]
    search_fields = ["name"]


register_snippet(VocabularyViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _export_vocabulary(request, instance):
    if isinstance(instance, Vocabulary):
        export_vocabulary(instance)


# ----------------------------------------------------------------------------- flat listings per page type

# What a coordinator wants to see and filter on per type, besides the title and "last reviewed".
# (icon, extra columns as (field, heading), filter fields); a new type gets a plain listing.
LISTING_EXTRAS = {
    "page": ("doc-full", [("weight", _("Volgorde"))], []),
    "organisation": ("group", [("phone", _("Telefoon"))], []),
    "activity": ("date", [("start", _("Begin"))], ["activity_type", "online"]),
    "offer": ("pick", [], ["referral_needed"]),
    "vacancy": ("user", [("valid_through", _("Geldig tot"))], ["commitment", "remote"]),
}


def _filterset(page_model, extra_fields: list[str]):
    meta = type("Meta", (), {"model": page_model, "fields": extra_fields})
    attrs = {
        "Meta": meta,
        "last_reviewed_before": django_filters.DateFilter(field_name="last_reviewed", lookup_expr="lt", label=_("Laatst gecontroleerd vóór")),
    }
    return type(f"{page_model.__name__}FilterSet", (PageFilterSet,), attrs)


def _listing(content_type, order: int):
    page_model = PAGE_MODELS[content_type.name]
    icon, columns, filters = LISTING_EXTRAS.get(content_type.name, ("doc-empty", [], []))
    attrs = {
        "model": page_model,
        "icon": icon,
        "menu_label": capfirst(_(content_type.cms_name[1])),
        "add_to_admin_menu": True,
        "menu_order": order,
        "columns": PageListingViewSet.columns + [Column(name, label=title) for name, title in columns] + [Column("last_reviewed", label=_("Gecontroleerd"))],
        "filterset_class": _filterset(page_model, filters),
    }
    return type(f"{page_model.__name__}ListingViewSet", (PageListingViewSet,), attrs)


@hooks.register("register_admin_viewset")
def _register_listings():
    # URL: /admin/<section>/, the same words as the site's own address of the type.
    return [_listing(content_type, 190 + 10 * number)(content_type.section) for number, content_type in enumerate(TYPES)]
