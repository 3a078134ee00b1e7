"""The dashboard panel "Từ đoàn viên": contributions waiting in the editor's departments."""

from django.template.loader import render_to_string

from wagtail.admin.ui.components import Component

from cms.admin_panels import departments_of, is_board
from contributions.models import Contribution


class MemberContributionsPanel(Component):
    name = "lantoa_member_contributions"
    template_name = "contributions/admin/panel.html"
    order = 60

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        open_ones = Contribution.objects.filter(
            status=Contribution.STATUS_RECEIVED, page__isnull=False
        ).select_related("page", "department", "submitter")
        if not is_board(request.user):
            departments = list(departments_of(request.user).values_list("pk", flat=True))
            if not departments:
                return ""
            open_ones = open_ones.filter(department_id__in=departments)
        rows = [c for c in open_ones[:50] if not c.page.live]
        return render_to_string(self.template_name, {"rows": rows}, request=request)
