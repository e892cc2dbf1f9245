"""Keeping the Hulpwijzer current: stale pages, vacancies about to expire, quiet organisations, expiry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from cms.content.convert import ItemInvalid, page_to_item
from cms.content.models import PAGE_MODELS, ActivityPage, OrganisationPage, SiteSettings, VacancyPage
from sitegen import dates as sitegen_dates

EXPIRING_DAYS = 14


def review_period_months() -> int:
    return SiteSettings.load().review_period_months or 12


def stale_limit(on: dt.date) -> dt.date:
    """Pages last reviewed before this day need a check (the same rule as the site's "stale")."""
    return sitegen_dates.stale_before(on, review_period_months())


@dataclass
class Report:
    stale: list[Page]
    expiring: list[Page]
    quiet_organisations: list[Page]
    limit: dt.date


def build_report(on: dt.date) -> Report:
    limit = stale_limit(on)
    stale: list[Page] = []
    for model in PAGE_MODELS.values():
        stale.extend(model.objects.live().filter(alias_of__isnull=True, last_reviewed__lt=limit).order_by("last_reviewed"))
    stale.sort(key=lambda page: page.last_reviewed)
    expiring = list(
        VacancyPage.objects.live().filter(valid_through__gte=on, valid_through__lte=on + dt.timedelta(days=EXPIRING_DAYS)).order_by("valid_through")
    )
    quiet = []
    cutoff = timezone.make_aware(dt.datetime.combine(limit, dt.time()))
    for organisation in OrganisationPage.objects.live().filter(alias_of__isnull=True):
        pages = [organisation] + [child.specific for child in organisation.get_descendants().live()]
        latest_review = max(page.last_reviewed for page in pages if getattr(page, "last_reviewed", None))
        latest_publish = max((page.last_published_at for page in pages if page.last_published_at), default=None)
        if latest_review < limit and (latest_publish is None or latest_publish < cutoff):
            quiet.append(organisation)
    return Report(stale=stale, expiring=expiring, quiet_organisations=quiet, limit=limit)


def mark_reviewed(page, on: dt.date, user=None) -> None:
    """'Gecontroleerd, klopt nog': set last_reviewed to ``on`` and publish that (or submit it, for partners)."""
    page.last_reviewed = on
    revision = page.save_revision(user=user, log_action=True)
    if user is None or page.permissions_for_user(user).can_publish():
        revision.publish(user=user)


def expired_pages(on: dt.date) -> list[Page]:
    """Live vacancies past their end date and activities whose last date has passed."""
    pages: list[Page] = list(VacancyPage.objects.live().filter(valid_through__lt=on))
    now = sitegen_dates.start_of_day(on)
    for page in ActivityPage.objects.live():
        try:
            end = sitegen_dates.last_end(page_to_item(page))
        except ItemInvalid:  # an invalid page is reported by the build and the editor, not unpublished here
            continue
        if end is not None and end <= now:
            pages.append(page)
    return pages


def unpublish_expired(on: dt.date) -> list[Page]:
    pages = expired_pages(on)
    for page in pages:
        # Expired, not withdrawn: the file stays in content/ (the site shows it as past) and the admin says "verlopen".
        page.unpublish(set_expired=True, log_action="wagtail.unpublish")
    return pages
