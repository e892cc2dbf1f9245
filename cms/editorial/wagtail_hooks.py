from django.contrib import messages
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.clock import clock
from cms.content import publishing
from cms.content.langtext import default_language
from cms.content.models import OrganisationPage
from cms.editorial import views
from cms.editorial.freshness import build_report
from cms.editorial.groups import COORDINATORS, partner_group_name, setup_partner


@hooks.register("register_admin_urls")
def _urls():
    return [
        path("actueel/", views.stale_report, name="hulpwijzer_stale_report"),
        path("actueel/<int:page_id>/gecontroleerd/", views.reviewed, name="hulpwijzer_reviewed"),
        path("2fa/", views.verify_2fa, name="hulpwijzer_2fa_verify"),
        path("2fa/instellen/", views.setup_2fa, name="hulpwijzer_2fa_setup"),
    ]


@hooks.register("register_admin_menu_item")
def _menu():
    return MenuItem("Actueel houden", reverse("hulpwijzer_stale_report"), icon_name="time", order=250)


class FreshnessPanel(Component):
    """Dashboard: how many pages need checking, and the first few."""

    name = "hulpwijzer_freshness"
    order = 50

    def render_html(self, parent_context=None):
        report = build_report(clock().today)
        return render_to_string("editorial/panel.html", {"report": report, "request": (parent_context or {}).get("request")})


@hooks.register("construct_homepage_panels")
def _panels(request, panels):
    panels.insert(0, FreshnessPanel())


@hooks.register("after_publish_page")
def _partner_group_for_new_organisation(request, page):
    """A new organisation gets its partner group as soon as it is published."""
    page = page.specific
    if isinstance(page, OrganisationPage) and page.locale.language_code == default_language() and Group.objects.filter(name=COORDINATORS).exists():
        if not Group.objects.filter(name=partner_group_name(page)).exists():
            setup_partner(page)


@hooks.register("after_publish_page")
@hooks.register("after_unpublish_page")
@hooks.register("after_delete_page")
def _report_build_problems(request, page):
    """The page is saved, but the site could not be rebuilt: tell the editor what to fix."""
    result = publishing.last_result
    if result is not None and result.error:
        messages.warning(
            request,
            "De pagina is opgeslagen, maar de website kon niet opnieuw gebouwd worden. "
            "Verbeter dit en publiceer opnieuw (of vraag de coördinator): " + result.error.splitlines()[0],
        )
        publishing.last_result = None
