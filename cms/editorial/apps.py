from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = "Redactie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Wagtail answers "no permission" in the admin with a redirect to the dashboard.
        # A partner who opens another organisation's page gets an HTTP 403 with a clear
        # Dutch page instead, so the refusal is explicit (for people and for tools).
        from wagtail.admin import auth

        from cms.editorial.views import permission_denied

        auth.permission_denied = permission_denied
