from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.content.models import Vocabulary
from cms.content.publishing import export_vocabulary


class VocabularyViewSet(SnippetViewSet):
    model = Vocabulary
    icon = "list-ul"
    menu_label = "Lijsten met termen"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title_nl", "name"]
    search_fields = ["title_nl", "name"]


register_snippet(VocabularyViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _export_vocabulary(request, instance):
    if isinstance(instance, Vocabulary):
        export_vocabulary(instance)


# ----------------------------------------------------------------------------- flat listings per page type

import django_filters  # noqa: E402
from wagtail.admin.views.pages.listing import PageFilterSet  # noqa: E402
from wagtail.admin.ui.tables import Column  # noqa: E402
from wagtail.admin.viewsets.pages import PageListingViewSet  # noqa: E402

from cms.content.models import ActivityPage, InfoPagePage, OrganisationPage, RespiteOfferPage, VacancyPage  # noqa: E402


def _filterset(page_model, extra_fields: list[str]):
    meta = type("Meta", (), {"model": page_model, "fields": extra_fields})
    attrs = {"Meta": meta, "last_reviewed_before": django_filters.DateFilter(
        field_name="last_reviewed", lookup_expr="lt", label="Laatst gecontroleerd vóór")}
    return type(f"{page_model.__name__}FilterSet", (PageFilterSet,), attrs)


def _listing(page_model, label: str, icon: str, columns: list[tuple[str, str]], filters: list[str], order: int):
    attrs = {
        "model": page_model,
        "icon": icon,
        "menu_label": label,
        "add_to_admin_menu": True,
        "menu_order": order,
        "columns": PageListingViewSet.columns + [Column(name, label=title) for name, title in columns],
        "filterset_class": _filterset(page_model, filters),
    }
    return type(f"{page_model.__name__}ListingViewSet", (PageListingViewSet,), attrs)


LISTINGS = [
    (_listing(VacancyPage, "Vacatures", "user", [("valid_through", "Geldig tot"), ("last_reviewed", "Gecontroleerd")], ["commitment", "remote"], 210), "vacatures"),
    (_listing(ActivityPage, "Activiteiten", "date", [("start", "Begin"), ("last_reviewed", "Gecontroleerd")], ["activity_type", "online"], 220), "activiteiten"),
    (_listing(OrganisationPage, "Organisaties", "group", [("phone", "Telefoon"), ("last_reviewed", "Gecontroleerd")], [], 200), "organisaties"),
    (_listing(RespiteOfferPage, "Respijtzorg", "pick", [("last_reviewed", "Gecontroleerd")], ["referral_needed"], 230), "respijtzorg"),
    (_listing(InfoPagePage, "Informatie", "doc-full", [("weight", "Volgorde"), ("last_reviewed", "Gecontroleerd")], [], 190), "informatie"),
]


@hooks.register("register_admin_viewset")
def _register_listings():
    return [viewset(name) for viewset, name in LISTINGS]
