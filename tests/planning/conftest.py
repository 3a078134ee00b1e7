"""A known editorial history, built once per module with the clock frozen at each step.

The school year 2025–2026 (01/09/2025 – 31/08/2026), seen from 03/06/2026 08:00 (Hà Nội time):

| page | department | author | what happened | published |
| --- | --- | --- | --- | --- |
| A0 article | Khoa Toán – Tin | editor_a | published by the board | 20/08/2025 (last school year) |
| Campaign 20/11 | board | board | published | 01/10/2025 |
| A1 article, campaign 20/11 | Toán – Tin | editor_a | submitted 10/11 09:00, head ok, board ok 11/11 09:00 | 11/11/2025 (1 day) |
| A2 article, campaign 20/11 | Toán – Tin | editor_a2 | submitted 12/11 08:00, head asks for changes, resubmitted, head ok, board asks for changes, resubmitted, head ok, board ok 15/11 08:00 | 15/11/2025 (3 days) |
| B1 article, campaign 20/11 | Khoa Ngữ văn (no head) | editor_b | submitted 18/11 08:00, board ok 20/11 08:00 | 20/11/2025 (2 days) |
| E1 exemplar | Ngữ văn | editor_b | submitted 05/01 08:00, board ok 06/01 08:00 | 06/01/2026 (1 day) |
| N1 article | board (Tin tức) | board | published directly | 01/03/2026 |
| Campaign Workers' Month | board | board | published, no linked pages | 01/04/2026 |
| W1 article | Toán – Tin | editor_a | submitted 01/06/2026 08:00, waiting at step 1 | — |

Member contributions (news tips and nominations through the `contributions` app):

| sent | member | department | what | what happened |
| --- | --- | --- | --- | --- |
| 10/08/2025 | member2 | Toán – Tin | tip "Tin hè" | declined 05/09/2025 |
| 09/11/2025 | member | Toán – Tin | tip, became A1 | published 11/11/2025 |
| 04/01/2026 | member | Ngữ văn | nomination, became E1 | published 06/01/2026 |
| 10/02/2026 | member2 | Ngữ văn | tip "Quảng cáo" | declined 12/02/2026 |
| 20/05/2026 | member2 | Toán – Tin | tip "Tin thể thao" | received |

Training: one session on 10/03/2026 attended by ``executive`` (one of two executive members).
"""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page, Site

from cms import roles
from contributions.models import Contribution
from contributions.services import decline
from planning.models import PlanSettings, TrainingSession
from tests import factories
from tests.workflow.helpers import (
    Editorial,
    build_editorial_site,
    make_user,
    start_review,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime.datetime(2026, 6, 3, 8, 0, tzinfo=HANOI)


def at(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HANOI)


def act(page, user, action, when):
    """``user`` approves or rejects the current step of ``page`` at ``when``."""
    with freeze_time(when):
        task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
        task_state.task.specific.on_action(task_state, user, action)


def submit(page, user, when):
    with freeze_time(when):
        return start_review(page, user)


def resubmit(page, user, when):
    with freeze_time(when):
        page = Page.objects.get(pk=page.pk).specific
        page.save_revision(user=user)
        page.current_workflow_state.resume(user=user)


def draft(parent, author, when, factory=factories.ArticlePageFactory, **kwargs):
    with freeze_time(when):
        page = factory(parent=parent, owner=author, live=False, **kwargs)
        page.save_revision(user=author)
    return page


def publish_now(parent, author, publisher, when, factory=factories.ArticlePageFactory, **kwargs):
    with freeze_time(when):
        page = factory(parent=parent, owner=author, live=False, **kwargs)
        page.save_revision(user=author).publish(user=publisher)
    return Page.objects.get(pk=page.pk).specific


def contribute(member, department, title, when, page=None, kind=None):
    """A member's news tip (or nomination) sent at ``when``, turned into ``page`` if given."""
    with freeze_time(when):
        return Contribution.objects.create(
            kind=kind or Contribution.KIND_TIP,
            submitter=member,
            department=department,
            page=page,
            title=title,
        )


def build_history():
    pks = build_editorial_site(build_content=False)
    site = Editorial(pks)
    users = {role: site.user(role) for role in pks["users"]}
    users["executive2"] = make_user("executive2", Group.objects.get(name=roles.EXECUTIVE))
    campaign_index = factories.CampaignIndexPageFactory(parent=site.home)
    dept_a, dept_b, news = site.dept_a, site.dept_b, site.news

    a0 = publish_now(dept_a, users["editor_a"], users["board"], at(2025, 8, 20), title="A0 hè")
    nov = publish_now(
        campaign_index,
        users["board"],
        users["board"],
        at(2025, 10, 1),
        factory=factories.CampaignPageFactory,
        title="Tri ân thầy cô 20/11/2025",
        start_date=datetime.date(2025, 11, 1),
        key_date=datetime.date(2025, 11, 20),
        end_date=datetime.date(2025, 11, 30),
    )
    may = publish_now(
        campaign_index,
        users["board"],
        users["board"],
        at(2026, 4, 1),
        factory=factories.CampaignPageFactory,
        title="Tháng Công nhân 2026",
        start_date=datetime.date(2026, 5, 1),
        key_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 5, 31),
    )

    # Member contributions (see the table of member contributions above).
    users["member2"] = make_user("member2", Group.objects.get(name=roles.MEMBERS))
    old_tip = contribute(users["member2"], dept_a, "Tin hè", at(2025, 8, 10))
    with freeze_time(at(2025, 9, 5)):
        decline(old_tip, "Tin đã cũ.", users["board"])

    a1 = draft(dept_a, users["editor_a"], at(2025, 11, 9), title="A1 hội giảng", campaign=nov)
    contribute(users["member"], dept_a, "Hội giảng khoa Toán", at(2025, 11, 9, 9), page=a1)
    submit(a1, users["editor_a"], at(2025, 11, 10, 9))
    act(a1, users["head_a"], "approve", at(2025, 11, 10, 15))
    act(a1, users["board"], "approve", at(2025, 11, 11, 9))

    a2 = draft(dept_a, users["editor_a2"], at(2025, 11, 11), title="A2 tri ân", campaign=nov)
    submit(a2, users["editor_a2"], at(2025, 11, 12, 8))
    act(a2, users["head_a"], "reject", at(2025, 11, 12, 10))
    resubmit(a2, users["editor_a2"], at(2025, 11, 13, 8))
    act(a2, users["head_a"], "approve", at(2025, 11, 13, 12))
    act(a2, users["board"], "reject", at(2025, 11, 14, 8))
    resubmit(a2, users["editor_a2"], at(2025, 11, 14, 9))
    act(a2, users["head_a"], "approve", at(2025, 11, 14, 10))
    act(a2, users["board"], "approve", at(2025, 11, 15, 8))

    b1 = draft(dept_b, users["editor_b"], at(2025, 11, 17), title="B1 văn nghệ", campaign=nov)
    submit(b1, users["editor_b"], at(2025, 11, 18, 8))
    act(b1, users["board"], "approve", at(2025, 11, 20, 8))

    category = factories.ExemplarCategoryFactory(name="Người tốt việc tốt")
    e1 = draft(
        dept_b,
        users["editor_b"],
        at(2026, 1, 4),
        factory=factories.ExemplarPageFactory,
        title="Nguyễn Thị Lan",
        category=category,
        unit="Khoa Ngữ văn",
        year_recognised=2025,
    )
    contribute(
        users["member"],
        dept_b,
        "Đề cử cô Lan",
        at(2026, 1, 4, 9),
        page=e1,
        kind=Contribution.KIND_NOMINATION,
    )
    submit(e1, users["editor_b"], at(2026, 1, 5, 8))
    act(e1, users["board"], "approve", at(2026, 1, 6, 8))

    n1 = publish_now(news, users["board"], users["board"], at(2026, 3, 1), title="N1 hội nghị")

    spam = contribute(users["member2"], dept_b, "Quảng cáo", at(2026, 2, 10))
    with freeze_time(at(2026, 2, 12)):
        decline(spam, "Không liên quan.", users["board"])
    contribute(users["member2"], dept_a, "Tin thể thao", at(2026, 5, 20))

    w1 = draft(dept_a, users["editor_a"], at(2026, 5, 31), title="W1 chờ duyệt")
    submit(w1, users["editor_a"], at(2026, 6, 1, 8))

    session = TrainingSession.objects.create(
        title="Viết tin cho trang công đoàn", date=datetime.date(2026, 3, 10)
    )
    session.attendees.add(users["executive"], users["editor_a"])

    plan = PlanSettings.for_site(Site.objects.get(is_default_site=True))
    plan.pages_per_department = 2
    plan.save()

    pks.update(
        a0=a0.pk,
        a1=a1.pk,
        a2=a2.pk,
        b1=b1.pk,
        e1=e1.pk,
        n1=n1.pk,
        w1=w1.pk,
        nov=nov.pk,
        may=may.pk,
        campaign_index=campaign_index.pk,
    )
    pks["users"]["executive2"] = users["executive2"].pk
    pks["users"]["member2"] = users["member2"].pk
    return pks


@pytest.fixture(scope="module")
def history_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_history()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def history(history_data, db, mailoutbox):
    return Editorial(history_data)


@pytest.fixture(autouse=True)
def report_cache(monkeypatch):
    """A cache of report figures of its own for each test: rolled-back rows reuse their ids on
    SQLite, so a stamp seen in one test could come back in the next with other figures."""
    from django.core.cache.backends.locmem import LocMemCache

    from planning.stats import cache as report_cache_module

    fresh = LocMemCache(f"planning-{id(monkeypatch)}", {})
    fresh.clear()
    monkeypatch.setattr(report_cache_module, "cache", fresh)
    return fresh


@pytest.fixture
def now():
    with freeze_time(NOW):
        yield NOW


@pytest.fixture
def as_user(client, history):
    def login(role):
        client.logout()
        user = history.user(role)
        if user is not None:
            client.force_login(user)
        return client

    return login


def quiet(*args, **kwargs):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()
