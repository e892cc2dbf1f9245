"""Admin views: the report of what needs checking, 'checked, still correct', and two-factor login."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from cms.clock import clock
from cms.editorial.freshness import build_report, mark_reviewed


def stale_report(request):
    report = build_report(clock().today)
    return TemplateResponse(request, "editorial/report.html", {"report": report, "header_title": "Actueel houden"})


@require_POST
def reviewed(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "last_reviewed") or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    mark_reviewed(page, clock().today, user=request.user)
    messages.success(request, f"‘{page.title}’ is gecontroleerd: de datum is nu vandaag.")
    target = request.POST.get("next") or "hulpwijzer_stale_report"
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect("hulpwijzer_stale_report")


def verify_2fa(request):
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "").strip().replace(" ", "")
        for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
            if device.verify_token(code):
                otp_login(request, device)
                target = request.GET.get("next") or "/admin/"
                if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                    target = "/admin/"
                return HttpResponseRedirect(target)
        error = "Deze code klopt niet. Kijk in uw app en typ de zes cijfers die nu getoond worden."
    return TemplateResponse(request, "editorial/verify_2fa.html", {"error": error})


def setup_2fa(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Authenticator-app", confirmed=False
    )
    error = ""
    if request.method == "POST":
        if device.verify_token(request.POST.get("code", "").strip().replace(" ", "")):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, "Inloggen in twee stappen staat aan.")
            return redirect("wagtailadmin_home")
        error = "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer het opnieuw."
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(request, "editorial/setup_2fa.html", {"secret": secret, "url": device.config_url, "error": error})


def permission_denied(request):
    """403 for admin pages a user may not open (replaces Wagtail's redirect to the dashboard)."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return TemplateResponse(request, "editorial/permission_denied.html", status=403)
