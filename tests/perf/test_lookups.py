"""What every page shares (site settings, header and footer text, section links, language
versions, cards in lists) is kept in the cache between requests, with the page cache off,
and never shown stale: each change is visible at the very next request."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Locale, PageViewRestriction, Site

from cms.models import SiteSettings, SiteText
from tests import factories, utils


@pytest.fixture
def site(home_page, news_index, exemplar_index, department):
    article = factories.ArticlePageFactory(parent=news_index, title="Hội thao công đoàn 2026")
    exemplar = factories.ExemplarPageFactory(parent=exemplar_index, title="Nguyễn Thị Lan")
    return {
        "home": home_page,
        "news": news_index,
        "exemplars": exemplar_index,
        "article": article,
        "exemplar": exemplar,
    }


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Cache" not in response  # the page cache is off in these tests
    return utils.visible_text(response)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_site_settings_change_shows_at_once(client, site):
    url = site["article"].url
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "024 3869 0001"
    settings.save()
    assert "024 3869 0001" in text(client, url)
    assert "024 3869 0001" in text(client, url)  # from the cache now
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "024 3869 0002"
    settings.save()
    shown = text(client, url)
    assert "024 3869 0002" in shown
    assert "024 3869 0001" not in shown


def test_header_text_change_shows_at_once(client, site):
    url = site["news"].url
    text(client, url)
    snippet = SiteText.objects.create(
        locale=Locale.get_default(), union_name="Công đoàn Trường Đại học Sơn Hà"
    )
    assert "Công đoàn Trường Đại học Sơn Hà" in text(client, url)
    snippet.union_name = "Công đoàn Đại học Sơn Hà"
    snippet.save()
    shown = text(client, url)
    assert "Công đoàn Đại học Sơn Hà" in shown
    assert "Công đoàn Trường Đại học Sơn Hà" not in shown


def test_section_link_follows_a_new_address_at_once(client, site):
    url = site["article"].url
    assert f'href="{site["exemplars"].url}"' in html(client, url)
    exemplars = site["exemplars"]
    exemplars.slug = "guong-nguoi-tot"
    exemplars.save_revision().publish()
    exemplars.refresh_from_db()
    page = html(client, site["news"].url)
    assert 'href="/guong-nguoi-tot/"' in page
    assert 'href="/guong-sang/"' not in page


def test_card_shows_the_published_title_at_once(client, site):
    article = site["article"]
    assert "Hội thao công đoàn 2026" in text(client, site["news"].url)
    assert "Hội thao công đoàn 2026" in text(client, site["home"].url)
    article.title = "Hội thao công đoàn mùa thu 2026"
    article.save_revision().publish()
    for url in (site["news"].url, site["home"].url):
        shown = text(client, url)
        assert "Hội thao công đoàn mùa thu 2026" in shown
        assert "Hội thao công đoàn 2026" not in shown


def test_exemplar_card_follows_its_category(client, site):
    exemplar = site["exemplar"]
    category = exemplar.category
    category.name = "Nhà giáo tiêu biểu"
    category.save()
    assert "Nhà giáo tiêu biểu" in text(client, site["exemplars"].url)
    category.name = "Nhà giáo mẫu mực"
    category.save()
    shown = text(client, site["exemplars"].url)
    assert "Nhà giáo mẫu mực" in shown
    assert "Nhà giáo tiêu biểu" not in shown


def test_unpublished_article_leaves_the_lists_at_once(client, site):
    assert "Hội thao công đoàn 2026" in text(client, site["news"].url)
    site["article"].unpublish()
    assert "Hội thao công đoàn 2026" not in text(client, site["news"].url)
    assert "Hội thao công đoàn 2026" not in text(client, site["home"].url)


def test_member_listing_follows_the_groups_a_restriction_lets_in(client, django_user_model, site):
    """The restriction's groups are set after it is saved: the cached rules follow them."""
    article = factories.ArticlePageFactory(parent=site["news"], title="Tin nội bộ Ban Chấp hành")
    board = Group.objects.create(name="Ban Chấp hành (thử)")
    user = django_user_model.objects.create_user("doanvien.thu", password="mat-khau-2026")
    client.force_login(user)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([board])
    assert "Tin nội bộ Ban Chấp hành" not in text(client, site["news"].url)
    user.groups.add(board)
    assert "Tin nội bộ Ban Chấp hành" in text(client, site["news"].url)
    restriction.groups.clear()
    restriction.groups.set([Group.objects.create(name="Nhóm khác (thử)")])
    assert "Tin nội bộ Ban Chấp hành" not in text(client, site["news"].url)


def test_breadcrumbs_follow_a_renamed_section_at_once(client, site):
    url = site["article"].url
    news = site["news"]
    assert f'<a href="{news.url}">{news.title}</a>' in html(client, url)
    news.title = "Tin hoạt động công đoàn"
    news.save_revision().publish()
    assert f'<a href="{news.url}">Tin hoạt động công đoàn</a>' in html(client, url)
