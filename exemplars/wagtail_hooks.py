from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from exemplars.models import ExemplarCategory


class ExemplarCategoryViewSet(SnippetViewSet):
    model = ExemplarCategory
    icon = "tag"
    menu_label = _("Exemplar categories")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


register_snippet(ExemplarCategoryViewSet)
