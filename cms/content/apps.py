from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "cms.content"
    label = "content"
    verbose_name = "Inhoud"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.content import publishing  # noqa: F401  (connects the signals)
