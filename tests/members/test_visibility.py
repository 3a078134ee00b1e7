"""A members-only page is listed to members only; the public never sees it listed anywhere."""

import pytest

from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory

from wagtail.models import Page, PageViewRestriction

from members.visibility import visible_to
from tests import factories
from tests.library.factories import make_members_only, member


@pytest.fixture
def pages(home_page):
    public = factories.StandardPageFactory(parent=home_page, title="Giới thiệu")
    private = factories.StandardPageFactory(parent=home_page, title="Tin nội bộ")
    below = factories.StandardPageFactory(parent=private, title="Lịch sinh hoạt")
    make_members_only(private)
    logged_in_only = factories.StandardPageFactory(parent=home_page, title="Góp ý")
    PageViewRestriction.objects.create(
        page=logged_in_only, restriction_type=PageViewRestriction.LOGIN
    )
    board_only = factories.StandardPageFactory(parent=home_page, title="Ban Chấp hành")
    restriction = PageViewRestriction.objects.create(
        page=board_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Ban Chấp hành")])
    by_password = factories.StandardPageFactory(parent=home_page, title="Mật khẩu chung")
    PageViewRestriction.objects.create(
        page=by_password, restriction_type=PageViewRestriction.PASSWORD, password="chung-2026"
    )
    return {p.title: p for p in (public, private, below, logged_in_only, board_only, by_password)}


def titles(request, home_page):
    pages = Page.objects.child_of(home_page) | Page.objects.descendant_of(home_page)
    return sorted({page.title for page in visible_to(pages.distinct(), request)})


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return request


def test_anonymous_sees_public_pages_only(pages, home_page):
    assert titles(request_for(AnonymousUser()), home_page) == ["Giới thiệu"]


def test_member_sees_members_and_login_pages(pages, home_page, django_user_model):
    assert titles(request_for(member(django_user_model)), home_page) == [
        "Giới thiệu",
        "Góp ý",
        "Lịch sinh hoạt",
        "Tin nội bộ",
    ]


def test_superuser_sees_group_pages_but_not_password_ones(pages, home_page, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri.kt", password="x" * 12)
    assert "Mật khẩu chung" not in titles(request_for(admin), home_page)
    assert "Ban Chấp hành" in titles(request_for(admin), home_page)


def test_query_count_does_not_grow_with_restrictions(
    pages, home_page, django_user_model, django_assert_max_num_queries
):
    request = request_for(member(django_user_model))
    for number in range(10):
        make_members_only(factories.StandardPageFactory(parent=home_page, title=f"Nội bộ {number}"))
    with django_assert_max_num_queries(4):
        titles(request, home_page)


def test_news_index_lists_members_only_articles_to_members_only(
    client, news_index, django_user_model
):
    factories.ArticlePageFactory(parent=news_index, title="Hội thao chào mừng 20/11")
    private = factories.ArticlePageFactory(parent=news_index, title="Công khai tài chính quý III")
    make_members_only(private)

    def listed():
        return [page.title for page in client.get(news_index.url).context["articles"]]

    assert listed() == ["Hội thao chào mừng 20/11"]
    client.force_login(member(django_user_model))
    assert sorted(listed()) == ["Công khai tài chính quý III", "Hội thao chào mừng 20/11"]
    client.logout()
    assert listed() == ["Hội thao chào mừng 20/11"]
