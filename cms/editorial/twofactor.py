"""Optional two-factor authentication (django-otp, TOTP) for editors.

An editor who has set up an authenticator app (a confirmed TOTP device) must
enter a code after logging in before the admin opens. With
HULPWIJZER_REQUIRE_2FA=1 every editor without a device is sent to set one up.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

EXEMPT_PREFIXES = ("/admin/login/", "/admin/logout/", "/admin/2fa/", "/admin/password_reset/", "/cms-static/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        user = getattr(request, "user", None)
        if path.startswith("/admin/") and not path.startswith(EXEMPT_PREFIXES) and user is not None and user.is_authenticated:
            if not user.is_verified():
                if user_has_device(user):
                    return redirect(reverse("hulpwijzer_2fa_verify") + "?next=" + path)
                if settings.HULPWIJZER_REQUIRE_2FA:
                    return redirect(reverse("hulpwijzer_2fa_setup"))
        return self.get_response(request)
