"""Two moderators approve the same page at the same moment, in two real threads with their own
database connections and transactions: the page is published once.

Needs committed data and real row locks, so it runs on PostgreSQL only (SQLite serialises
writers and the other tests already cover the stale-state logic on both databases).
"""

import threading
from unittest import mock

import pytest

from django.conf import settings
from django.db import connections
from django.test import Client

from wagtail.models import PageLogEntry, TaskState

from cms.models import BoardApprovalTask
from cms.models import workflow as workflow_module
from tests.workflow.helpers import Editorial, build_editorial_site, workflow_action_url

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]

pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="real concurrent transactions need PostgreSQL"),
    # Restore the migrations' data (locales, root page, site) that the flush after each
    # transactional test removes, whatever ran before.
    pytest.mark.django_db(transaction=True, serialized_rollback=ON_POSTGRES),
]


def test_two_moderators_in_two_threads_publish_once():
    site = Editorial(build_editorial_site())
    page = site.page("at_step2")
    revisions = page.revisions.count()
    url = workflow_action_url(page, "approve")
    moderators = {role: site.user(role) for role in ("board", "board2")}

    # Both requests have loaded and checked the task before either tries to claim it.
    barrier = threading.Barrier(2, timeout=30)
    checks = workflow_module.verification_problems

    def both_arrive(checked_page):
        barrier.wait()
        return checks(checked_page)

    results = {}

    def approve(role):
        try:
            client = Client()
            client.force_login(moderators[role])
            results[role] = client.post(url, {"comment": f"Duyệt ({role})."}).status_code
        except Exception as error:  # reported below, with the thread's role
            results[role] = error
        finally:
            connections.close_all()

    with mock.patch.object(workflow_module, "verification_problems", side_effect=both_arrive):
        threads = [threading.Thread(target=approve, args=(role,)) for role in moderators]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert results == {"board": 302, "board2": 302}

    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish").count() == 1
    board_approvals = PageLogEntry.objects.filter(
        page_id=page.pk, action="wagtail.workflow.approve", user__in=moderators.values()
    )
    assert board_approvals.count() == 1
    state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), task__in=BoardApprovalTask.objects.all()
    )
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by == board_approvals.get().user
    assert page.revisions.count() == revisions
    assert page.live_revision == page.get_latest_revision()
