"""The dashboard notice of occasions whose lead time has started: the reminder, in the admin."""

from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.admin.ui.components import Component

from cms.admin_panels import departments_of
from planning.models import OccasionReminder


class UpcomingOccasionsPanel(Component):
    name = "planning_upcoming_occasions"
    template_name = "planning/panels/upcoming_occasions.html"
    order = 40

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        user = request.user
        readers = user.has_perm("cms.view_reports")
        writers = departments_of(user).exists()
        if not (readers or writers):
            return ""
        today = timezone.localdate()
        rows = []
        reminders = OccasionReminder.objects.select_related("occasion").filter(
            year__gte=today.year - 1
        )
        for reminder in reminders:
            first, last = reminder.occasion.occurrence(reminder.year)
            if last >= today:
                rows.append(
                    {
                        "occasion": reminder.occasion,
                        "year": reminder.year,
                        "first": first,
                        "days_left": (first - today).days,
                    }
                )
        if not rows:
            return ""
        rows.sort(key=lambda row: row["first"])
        from planning.views.drafts import draft_parent

        can_draft = draft_parent(user) is not None
        return render_to_string(
            self.template_name,
            {"rows": rows, "can_draft": can_draft, "can_read": readers},
            request=request,
        )
