from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from contributions import admin_views
from contributions.panels import MemberContributionsPanel
from contributions.services import RECEIVED_ACTION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "contributions/<int:pk>/decline/",
            admin_views.decline_view,
            name="contributions_decline",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_contributions_panel(request, panels):
    panels.append(MemberContributionsPanel())


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(RECEIVED_ACTION)
    class ReceivedFormatter(LogFormatter):
        label = _("Received from a member")

        def format_message(self, log_entry):
            note = log_entry.data.get("note", "")
            if note:
                return _("Received from a member. Note for the editors: {}").format(note)
            return _("Received from a member.")

    @actions.register_action("contributions.declined")
    class DeclinedFormatter(LogFormatter):
        label = _("Member contribution declined")

        def format_message(self, log_entry):
            return _("Member contribution declined. Reason: {}").format(
                log_entry.data.get("reason", "")
            )
