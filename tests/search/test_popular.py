"""Popular searches are recorded by the public page and shown to the communications board."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms import roles
from cms.editorial import sync_editorial
from tests import factories, utils


def user(username, group_name):
    account = get_user_model().objects.create_user(
        username, f"{username}@truong.edu.vn", "mat-khau-kiem-thu"
    )
    account.groups.add(Group.objects.get(name=group_name))
    return account


@pytest.fixture
def searched(client, news_index):
    factories.ArticlePageFactory(parent=news_index, title="Đại hội công đoàn khoa Toán")
    sync_editorial()
    for _ in range(3):
        client.get("/tim-kiem/", {"q": "cong doan"})
    client.get("/tim-kiem/", {"q": "Đại hội"})
    client.get("/tim-kiem/", {"q": "xylophone"})  # no result: not counted


def test_the_board_sees_what_members_search_for(client, searched):
    client.force_login(user("truongban.tt", roles.COMMUNICATIONS))
    assert "/admin/tim-kiem-pho-bien/" in client.get("/admin/").content.decode()  # the menu
    response = client.get("/admin/tim-kiem-pho-bien/")
    assert response.status_code == 200
    text = utils.visible_text(response)
    assert "Tìm kiếm phổ biến" in text and "Từ khóa tìm kiếm" in text and "Lượt tìm" in text
    rows = [(query.query_string, query._hits) for query in response.context["object_list"]]
    assert rows == [("cong doan", 3), ("đại hội", 1)]


def test_others_may_not_see_them(client, searched):
    client.force_login(user("doanvien.tt", roles.MEMBERS))
    response = client.get("/admin/tim-kiem-pho-bien/")
    assert response.status_code in (302, 403)
    assert "cong doan" not in response.content.decode()
