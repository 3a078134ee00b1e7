"""The reports' summary (planning.stats.summary) against the raw tables.

Every report reads its figures from the summary (counts per day, month and year). Here the
history of conftest is extended through the real admin (submit, approve, request changes,
resubmit, publish, unpublish, move, delete) and after each step every report's figures read
from the summary are compared with the same figures counted from Wagtail's tables, over
periods that read days, months and years.
"""

import datetime
import io

import pytest
from freezegun import freeze_time

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from wagtail.models import Page, Site

from articles.models import ArticlePage
from planning import periods, stats
from planning.models import PageFact, PlanSettings, ReportFigure
from planning.stats import summary
from planning.stats.campaigns import campaigns_raw
from planning.stats.contributions import contributions_raw, shortlist_raw
from planning.stats.moderation import moderation_figures_raw, timing
from planning.stats.targets import pages_per_department_year, pages_per_department_year_raw
from tests import factories
from tests.planning.conftest import at
from tests.planning.test_reports import csv_rows
from tests.workflow.helpers import article_form, edit_url, workflow_action_url

pytestmark = pytest.mark.django_db

D = datetime.date
PERIODS = [
    periods.Period(D(2025, 9, 1), D(2026, 8, 31)),  # the school year: months
    periods.Period(D(2025, 11, 1), D(2025, 11, 30)),  # a month
    periods.Period(D(2025, 11, 12), D(2026, 1, 5)),  # days, a month, days
    periods.Period(D(2025, 11, 15), D(2025, 11, 15)),  # one day
    periods.Period(D(2000, 1, 1), D(2030, 12, 31)),  # thirty years
    periods.Period(D(2024, 7, 3), D(2027, 2, 9)),  # days, months, a year, months, days
]


def every_figure(period):
    """(name, from the summary, counted from the tables) for every report's figures."""
    plan = PlanSettings.for_site(Site.objects.get(is_default_site=True))
    years = list(range(plan.plan_start_year, plan.plan_end_year + 1))
    return [
        ("contributions", stats.contributions(period), contributions_raw(period)),
        ("moderation", stats.moderation_figures(period), moderation_figures_raw(period)),
        ("campaigns", stats.campaigns(period), campaigns_raw(period)),
        ("shortlist", stats.shortlist(period, 10), shortlist_raw(period, 10)),
        ("targets", pages_per_department_year(years), pages_per_department_year_raw(years)),
    ]


def assert_summary_matches():
    for period in PERIODS:
        for name, from_summary, from_tables in every_figure(period):
            assert from_summary == from_tables, (name, period)


def department_row(figures, name):
    return next(row for row in figures["departments"] if row["name"] == name)


SCHOOL_YEAR = PERIODS[0]
NOVEMBER = PERIODS[1]


def test_summary_matches_the_tables_through_the_admin(
    client, history, now, django_capture_on_commit_callbacks
):
    assert_summary_matches()
    before = stats.contributions(SCHOOL_YEAR)
    assert before["total"]["total"] == 7  # not an empty comparison

    editor, head, board = (history.user(r) for r in ("editor_a", "head_a", "board"))
    superuser = history.user("superuser")

    # A new article through the admin's workflow: submitted, the head asks for changes,
    # resubmitted, the head and the board approve. The summary is counted when each request's
    # transaction commits.
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 1, 9)):
        client.force_login(editor)
        response = client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["articles", "articlepage", history.dept_a.pk],
            ),
            article_form(title="Hội thao tháng Sáu", **{"action-submit": "Gửi duyệt"}),
        )
        assert response.status_code == 302
    page = ArticlePage.objects.get(title="Hội thao tháng Sáu")
    with django_capture_on_commit_callbacks(execute=True):
        with freeze_time(at(2026, 6, 1, 15)):
            client.force_login(head)
            response = client.post(workflow_action_url(page, "reject"), {"comment": "Thêm ảnh."})
            assert response.status_code == 302
        with freeze_time(at(2026, 6, 2, 8)):
            client.force_login(editor)
            response = client.post(
                edit_url(page), article_form(page, **{"action-submit": "Gửi duyệt"})
            )
            assert response.status_code == 302
        with freeze_time(at(2026, 6, 2, 10)):
            client.force_login(head)
            client.post(workflow_action_url(page, "approve"), {"comment": ""})
        with freeze_time(at(2026, 6, 3, 7)):
            client.force_login(board)
            client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    assert summary.is_current()  # counted after the commit, not at the next report
    assert_summary_matches()
    toan = department_row(stats.moderation_figures(SCHOOL_YEAR), "Khoa Toán – Tin")
    assert (toan["submitted"], toan["approved"], toan["rejected"], toan["published"]) == (
        7,
        7,
        3,
        3,
    )

    # The board publishes a page of its own directly.
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 3, 7, 30)):
        client.force_login(board)
        response = client.post(
            reverse("wagtailadmin_pages:add", args=["articles", "articlepage", history.news.pk]),
            article_form(title="Thông báo nghỉ hè", **{"action-publish": "Đăng"}),
        )
        assert response.status_code == 302
    assert_summary_matches()
    assert stats.contributions(SCHOOL_YEAR)["total"]["total"] == 9

    # Unpublished (the takedown form behind Wagtail's button): still first published then.
    a1 = Page.objects.get(pk=history.page("a1").pk)
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 3, 7, 40)):
        client.force_login(board)
        client.post(reverse("wagtailadmin_pages:unpublish", args=[a1.pk]))
        client.post(
            reverse("lantoa_takedown", args=[a1.pk]),
            {"reason": "Thông tin trong bài đã cũ, cần cập nhật."},
        )
    assert not Page.objects.get(pk=a1.pk).live
    assert_summary_matches()

    # Moved to the other department: its page and its workflow actions count there now.
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 3, 7, 50)):
        client.force_login(superuser)
        response = client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[a1.pk, history.dept_b.pk])
        )
        assert response.status_code == 302
    assert Page.objects.get(pk=a1.pk).get_parent().pk == history.dept_b.pk
    assert_summary_matches()
    van = department_row(stats.moderation_figures(NOVEMBER), "Khoa Ngữ văn")
    assert (van["submitted"], van["approved"], van["published"]) == (2, 3, 2)

    # Deleted: its page, its workflow and its actions per department are gone; the
    # reviewers' actions stay in the audit log.
    a2 = history.page("a2")
    reviewer_before = stats.moderation_figures(NOVEMBER)["reviewers"]
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 3, 7, 55)):
        client.force_login(superuser)
        response = client.post(reverse("wagtailadmin_pages:delete", args=[a2.pk]))
        assert response.status_code == 302
    assert not Page.objects.filter(pk=a2.pk).exists()
    assert not PageFact.objects.filter(page=a2.pk).exists()
    assert_summary_matches()
    assert stats.contributions(SCHOOL_YEAR)["total"]["total"] == 8
    after = stats.moderation_figures(NOVEMBER)
    assert [(r["name"], r["approved"], r["rejected"]) for r in after["reviewers"]] == [
        (r["name"], r["approved"], r["rejected"]) for r in reviewer_before
    ]
    assert department_row(after, "Khoa Toán – Tin")["published"] == 0

    # The campaign's key date moves: its pages' days around it are counted again.
    nov = history.page("nov")
    with django_capture_on_commit_callbacks(execute=True), freeze_time(at(2026, 6, 3, 7, 58)):
        nov.key_date = D(2025, 11, 18)
        nov.save_revision(user=board).publish(user=board)
    assert_summary_matches()
    (campaign,) = [c for c in stats.campaigns(NOVEMBER)["campaigns"] if c["pk"] == nov.pk]
    assert campaign["days"] == {-7: 1, 2: 1}  # A1 on 11/11 (D-7), B1 on 20/11 (D+2)


def test_reports_read_the_summary(board_client, history, report_cache):
    """The figures the reports show come from the summary: changed behind its back, the
    summary shows it (the reference counted from the tables does not)."""
    summary.ensure_current()
    # N1, the only page first published in March 2026: the school year reads the month row.
    assert (
        ReportFigure.objects.filter(
            metric=ReportFigure.PUBLISHED, grain=ReportFigure.MONTH, start=D(2026, 3, 1)
        ).update(n=5)
        == 1
    )
    assert csv_rows(board_client, "planning_report_contributions")[-1][-1] == "11"
    assert contributions_raw(SCHOOL_YEAR)["total"]["total"] == 7
    # The command counts it again from the tables.
    call_command("rebuild_report_summary", stdout=io.StringIO())
    # The site itself did not change (same stamp): empty the report cache to read again.
    report_cache.clear()
    assert csv_rows(board_client, "planning_report_contributions")[-1][-1] == "7"
    assert_summary_matches()


@pytest.fixture
def board_client(as_user, now):
    return as_user("board")


def test_pages_written_without_an_audit_log_entry_are_counted(board_client, history):
    """``seed_bulk`` and imports write pages without an audit-log entry: the next report
    counts them (the summary notices the new page ids)."""
    summary.ensure_current()
    before = csv_rows(board_client, "planning_report_contributions")[-1][-1]
    page = factories.ArticlePageFactory(
        parent=history.dept_b, owner=history.user("editor_b"), live=False, title="Nhập từ cũ"
    )
    Page.objects.filter(pk=page.pk).update(
        live=True, first_published_at=at(2026, 2, 2), last_published_at=at(2026, 2, 2)
    )
    assert not summary.is_current()
    after = csv_rows(board_client, "planning_report_contributions")[-1][-1]
    assert int(after) == int(before) + 1
    assert_summary_matches()


def test_time_to_publication_from_the_histogram_is_the_median_of_the_values():
    from planning.stats.common import median, percentile

    for values in ([1], [1, 2], [3, 1, 2], [5, 5, 1, 9], list(range(1, 21)), [7] * 5 + [30]):
        histogram = {}
        for value in values:
            histogram[value] = histogram.get(value, 0) + 1
        days = sorted(v / 10 for v in values)
        assert timing(histogram) == {
            "published": len(values),
            "median_days": round(median(days), 1),
            "p90_days": round(percentile(days, 0.9), 1),
        }
    assert timing({}) == {"published": 0, "median_days": None, "p90_days": None}


def test_a_period_is_read_as_years_months_and_days():
    Y, M, Dd = ReportFigure.YEAR, ReportFigure.MONTH, ReportFigure.DAY
    assert summary.buckets(D(2000, 1, 1), D(2030, 12, 31)) == [(Y, D(2000, 1, 1), D(2030, 1, 1))]
    assert summary.buckets(D(2025, 9, 1), D(2026, 8, 31)) == [(M, D(2025, 9, 1), D(2026, 8, 1))]
    assert summary.buckets(D(2024, 7, 3), D(2027, 2, 9)) == [
        (Dd, D(2024, 7, 3), D(2024, 7, 31)),
        (M, D(2024, 8, 1), D(2024, 12, 1)),
        (Y, D(2025, 1, 1), D(2026, 1, 1)),
        (M, D(2027, 1, 1), D(2027, 1, 1)),
        (Dd, D(2027, 2, 1), D(2027, 2, 9)),
    ]
    # Whatever the length, a handful of ranges: the same query.
    assert len(summary.buckets(D(1, 1, 2), D(9999, 12, 30))) <= 5


def test_summary_is_filled_after_migrate_and_by_the_command(history):
    from planning.apps import _fill_summary
    from planning.models import SummaryState

    ReportFigure.objects.all().delete()
    PageFact.objects.all().delete()
    SummaryState.objects.all().delete()
    _fill_summary(sender=None, using=connection.alias)
    assert ReportFigure.objects.exists() and summary.is_current()
    assert_summary_matches()
    out = io.StringIO()
    call_command("rebuild_report_summary", stdout=out)
    assert "figures" in out.getvalue()
    assert_summary_matches()
