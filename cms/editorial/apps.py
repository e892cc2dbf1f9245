from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = "Redactie"
    default_auto_field = "django.db.models.BigAutoField"
