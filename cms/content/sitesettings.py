"""content/site.yaml as Wagtail settings. The simple parts are fields; menus and help lines are YAML."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cms.content import dbfields, siteconfig
from cms.content.langtext import LangTextField
from sitegen.content.parse import problems_from_validation


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    name = LangTextField(_("naam van de site"), default_required=True, help_text=_("Bijvoorbeeld: Hulpwijzer Lindeveld. In elke taal van de site."))
    municipality = dbfields.CharField(_("gemeente"), max_length=200, help_text=_("Naam van de gemeente."))
    base_url = dbfields.URLField(_("webadres"), help_text=_("Het adres waar de site staat, zonder / aan het eind."))
    languages = dbfields.CharField(
        _("talen"),
        max_length=60,
        default="nl, en, ar",
        help_text=_("Talen van de site, als taalcode en gescheiden door komma's, bijvoorbeeld nl, en, ar, tr. De eerste is de standaardtaal."),
    )
    theme = dbfields.CharField(_("thema"), max_length=60, default="default", help_text=_("Naam van de map in themes/."))
    review_period_months = dbfields.PositiveIntegerField(
        _("controletermijn in maanden"),
        default=12,
        help_text=_("Na hoeveel maanden moet een pagina opnieuw gecontroleerd worden? Standaard 12."),
    )
    structured_yaml = dbfields.TextField(
        _("loket, hulplijnen en menu's (YAML)"),
        blank=True,
        help_text=_("Het centrale loket, de hulplijnen, het hoofdmenu en de links onderaan, in YAML zoals in content/site.yaml."),
    )
    source_text = dbfields.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("languages"),
        FieldPanel("name"),
        FieldPanel("municipality"),
        FieldPanel("base_url"),
        FieldPanel("theme"),
        FieldPanel("review_period_months"),
        FieldPanel("structured_yaml"),
    ]

    class Meta:
        verbose_name = _("instellingen van de Hulpwijzer")

    def language_codes(self) -> list[str]:
        return siteconfig.codes(self.languages)

    def clean(self):
        try:
            siteconfig.site_to_text(self)
        except ValidationError as error:
            messages = [f"{p.field or ''}: {p.message}; {p.fix}" for p in problems_from_validation(error, "content/site.yaml", None)]
            raise DjangoValidationError(messages) from None
        except ValueError as error:
            raise DjangoValidationError(_("De YAML klopt niet: %(error)s") % {"error": error}) from None
