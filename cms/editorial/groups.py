"""Who may do what: the coordinators group, one group per partner organisation, and the approval workflow."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from cms.content.langtext import default_language
from cms.content.models import HomePage, OrganisationIndexPage, OrganisationPage

COORDINATORS = "Coördinatoren"
WORKFLOW = "Goedkeuring door coördinator"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant(group: Group, page: Page, codenames) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))


def _admin_access(group: Group) -> None:
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))


def setup_coordinators(home: Page) -> Group:
    """Coordinators may do everything with the content, settings and vocabularies."""
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    _admin_access(group)
    for language_root in [home] + list(home.get_translations()):
        _grant(group, language_root, PAGE_PERMISSIONS)
    for app_label, models in (("content", ("vocabulary", "term", "sitesettings")), ("wagtailimages", ("image",)), ("wagtaildocs", ("document",))):
        for model in models:
            content_type = ContentType.objects.get(app_label=app_label, model=model)
            group.permissions.add(*Permission.objects.filter(content_type=content_type))
    return group


def setup_workflow(org_index: Page, coordinators: Group) -> Workflow:
    """Changes by partners go to a coordinator for approval before they are published."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name="Controle door coördinator")
        task.groups.set([coordinators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for language_root in [org_index] + list(org_index.get_translations()):
        WorkflowPage.objects.update_or_create(page=language_root, defaults={"workflow": workflow})
    return workflow


def partner_group_name(organisation) -> str:
    return f"Partner: {organisation.title}"


def setup_partner(organisation) -> Group:
    """A group that may edit this organisation and add/edit its activities, offers and vacancies (not publish)."""
    group, _ = Group.objects.get_or_create(name=partner_group_name(organisation))
    _admin_access(group)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="wagtailimages", codename__in=("add_image", "choose_image")))
    for page in [organisation] + list(organisation.get_translations()):
        _grant(group, page, ("add_page", "change_page"))
    return group


def setup_all() -> dict[str, Group]:
    home = HomePage.objects.filter(locale__language_code=default_language()).first()
    if home is None:
        return {}
    coordinators = setup_coordinators(home)
    org_index = OrganisationIndexPage.objects.child_of(home).first()
    if org_index is not None:
        setup_workflow(org_index, coordinators)
    groups = {COORDINATORS: coordinators}
    for organisation in OrganisationPage.objects.filter(locale__language_code=default_language()):
        group = setup_partner(organisation)
        groups[group.name] = group
    return groups
