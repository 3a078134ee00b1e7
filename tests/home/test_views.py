"""Campaigns by date: the index's current/upcoming/past groups and the home page's campaign."""

import datetime

import pytest

from django.utils import timezone

from tests import factories, utils

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


def campaign(parent, title, start, end):
    return factories.CampaignPageFactory(parent=parent, title=title, start_date=start, end_date=end)


def test_campaign_index_groups_by_today(client, campaign_index, today):
    past = campaign(campaign_index, "Tháng Công nhân 2025", today - 40 * DAY, today - DAY)
    ends_today = campaign(campaign_index, "Tuần lễ An toàn", today - 6 * DAY, today)
    running = campaign(campaign_index, "Tri ân Ngày Nhà giáo", today - 3 * DAY, today + 10 * DAY)
    starts_today = campaign(campaign_index, "Ngày hội đọc sách", today, today + 2 * DAY)
    upcoming = campaign(campaign_index, "Chào Xuân Bính Ngọ", today + DAY, today + 30 * DAY)
    hidden = campaign(campaign_index, "Bản nháp", today - DAY, today + DAY)
    hidden.unpublish()

    response = client.get(campaign_index.url)

    assert response.status_code == 200
    # Running ones ending soonest first; coming ones starting soonest first; past newest first.
    assert list(response.context["current_campaigns"]) == [ends_today, starts_today, running]
    assert list(response.context["upcoming_campaigns"]) == [upcoming]
    assert list(response.context["past_campaigns"]) == [past]
    text = utils.visible_text(response)
    for shown in (past, ends_today, running, starts_today, upcoming):
        assert shown.title in text
    assert hidden.title not in text


def test_campaign_status_label_follows_today(client, campaign_index, today):
    cases = {
        "Đang diễn ra": campaign(campaign_index, "Đợt đang chạy", today - DAY, today + DAY),
        "Sắp diễn ra": campaign(campaign_index, "Đợt sắp tới", today + DAY, today + 2 * DAY),
        "Đã kết thúc": campaign(campaign_index, "Đợt đã qua", today - 2 * DAY, today - DAY),
    }
    for label, page in cases.items():
        assert page.status_label == label
        assert label in utils.visible_text(client.get(page.url))


def test_home_shows_the_running_campaign(client, home_page, campaign_index, today):
    campaign(campaign_index, "Đợt đã qua", today - 30 * DAY, today - DAY)
    campaign(campaign_index, "Đợt sắp tới", today + DAY, today + 5 * DAY)
    later = campaign(campaign_index, "Đợt dài ngày", today - 5 * DAY, today + 60 * DAY)
    sooner = campaign(campaign_index, "Tri ân Ngày Nhà giáo", today - DAY, today + 3 * DAY)

    response = client.get(home_page.url)

    assert response.context["campaign"] == sooner
    text = utils.visible_text(response)
    assert sooner.title in text
    assert later.title not in text


def test_home_shows_the_next_campaign_when_none_is_running(
    client, home_page, campaign_index, today
):
    campaign(campaign_index, "Đợt đã qua", today - 30 * DAY, today - DAY)
    next_one = campaign(campaign_index, "Tháng Công nhân", today + 10 * DAY, today + 40 * DAY)
    campaign(campaign_index, "Đợt sau nữa", today + 50 * DAY, today + 60 * DAY)

    response = client.get(home_page.url)

    assert response.context["campaign"] == next_one
    assert next_one.title in utils.visible_text(response)


def test_home_shows_no_campaign_when_only_past_or_far_ones(
    client, home_page, campaign_index, today
):
    past = campaign(campaign_index, "Đợt đã qua", today - 30 * DAY, today - DAY)
    far = campaign(campaign_index, "Đợt năm sau nữa", today + 400 * DAY, today + 410 * DAY)
    unpublished = campaign(campaign_index, "Bản nháp", today - DAY, today + DAY)
    unpublished.unpublish()

    response = client.get(home_page.url)

    assert response.context["campaign"] is None
    text = utils.visible_text(response)
    for page in (past, far, unpublished):
        assert page.title not in text
