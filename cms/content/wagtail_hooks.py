from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.content.models import Vocabulary
from cms.content.publishing import export_vocabulary


class VocabularyViewSet(SnippetViewSet):
    model = Vocabulary
    icon = "list-ul"
    menu_label = "Lijsten met termen"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title_nl", "name"]
    search_fields = ["title_nl", "name"]


register_snippet(VocabularyViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _export_vocabulary(request, instance):
    if isinstance(instance, Vocabulary):
        export_vocabulary(instance)
