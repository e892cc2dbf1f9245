"""The rich text editor (Draftail) with an accessible name.

Wagtail labels the hidden input the editor saves into, not the box an editor types in, so a
screen reader announced an unnamed text box. The box is named by the field's own label
(Wagtail gives it the id ``<field id>-label``) through Draftail's ``ariaLabelledBy`` option.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea


class LabelledDraftail(DraftailRichTextArea):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field_id = context["widget"]["attrs"].get("id")
        if field_id:
            options = {**self.options, "ariaLabelledBy": f"{field_id}-label"}
            context["widget"]["attrs"]["data-w-init-detail-value"] = json.dumps(options, cls=DjangoJSONEncoder)
        return context
