"""The page cache through HTTP: anonymous readers get cached pages, never stale ones, and
members, editors and private pages never share a copy with anyone."""

import pytest

from django.contrib.auth.models import Group
from django.test import override_settings

from wagtail.models import PageViewRestriction, Site

from cms.models import SiteSettings
from perf import cache
from tests import factories, utils

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_ENABLED=True):
        cache.clear()
        yield


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the test's own transaction never does)."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def cached(client, url):
    """Visit twice: the second visit must come from the cache."""
    first = get(client, url)
    second = get(client, url)
    assert second["X-Cache"] == "HIT", url
    assert second.content == first.content
    return second


@pytest.fixture
def site(home_page, news_index, exemplar_index, campaign_index, department):
    # The first page view would create the settings row (a change, so nothing is stored).
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    tag = factories.TagFactory(name="Nhà giáo")
    article = factories.ArticlePageFactory(parent=news_index, title="Hội thao công đoàn 2026")
    article.tags.add(tag)
    article.save_revision().publish()
    exemplar = factories.ExemplarPageFactory(parent=exemplar_index, title="Nguyễn Thị Lan")
    campaign = factories.CampaignPageFactory(parent=campaign_index, title="Tri ân 20/11")
    return {
        "home": home_page,
        "news": news_index,
        "exemplars": exemplar_index,
        "campaign": campaign,
        "department": department,
        "article": article,
        "exemplar": exemplar,
        "tag": tag,
    }


def test_anonymous_readers_share_one_cached_copy(client, site):
    first = get(client, site["home"].url)
    assert first["X-Cache"] == "MISS"
    again = cached(client, site["home"].url)
    assert "Hội thao công đoàn 2026" in utils.visible_text(again)
    # Links shared on Facebook and Zalo carry tracking parameters: still the same copy.
    assert get(client, site["home"].url + "?fbclid=abc&utm_source=zalo")["X-Cache"] == "HIT"
    # A different page of a list is a different copy.
    assert get(client, site["news"].url + "?trang=2")["X-Cache"] == "MISS"


def test_a_publish_is_visible_to_the_next_anonymous_request(client, site, commit):
    for name in ("home", "news", "department"):
        cached(client, site[name].url)
    article = factories.ArticlePageFactory(
        parent=site["department"], title="Đại hội Công đoàn Khoa Toán"
    )
    commit(article.save_revision().publish)
    for name in ("home", "news", "department"):
        response = get(client, site[name].url)
        assert response["X-Cache"] == "MISS", name
        assert "Đại hội Công đoàn Khoa Toán" in utils.visible_text(response), name
    assert "Đại hội Công đoàn Khoa Toán" in utils.visible_text(get(client, article.url))


def test_the_sitemap_is_cached_until_a_page_changes(client, site, commit):
    cached(client, "/sitemap.xml")
    article = factories.ArticlePageFactory(parent=site["news"], title="Đại hội Công đoàn Khoa Lý")
    commit(article.save_revision().publish)
    response = get(client, "/sitemap.xml")
    assert response["X-Cache"] == "MISS"
    assert article.full_url in response.content.decode()
    cached(client, "/sitemap.xml")
    commit(article.unpublish)
    response = get(client, "/sitemap.xml")
    assert response["X-Cache"] == "MISS"
    assert article.full_url not in response.content.decode()


def test_an_edit_refreshes_the_article_and_every_list_showing_it(client, site, commit):
    article = site["article"]
    tag_url = f"/the/{site['tag'].slug}/"
    for url in (article.url, site["home"].url, site["news"].url, tag_url):
        cached(client, url)
    article.title = "Hội thao công đoàn 2026: kết quả chung cuộc"
    commit(article.save_revision().publish)
    for url in (article.url, site["home"].url, site["news"].url, tag_url):
        assert "kết quả chung cuộc" in utils.visible_text(get(client, url)), url


def test_only_the_pages_that_show_a_change_are_invalidated(client, site, commit):
    untouched = [site["exemplars"].url, site["exemplar"].url, site["campaign"].url]
    for url in [*untouched, site["home"].url]:
        cached(client, url)
    article = site["article"]
    article.lead = "Sa-pô mới của bài hội thao."
    commit(article.save_revision().publish)
    assert get(client, site["home"].url)["X-Cache"] == "MISS"
    for url in untouched:
        assert get(client, url)["X-Cache"] == "HIT", url


def test_a_tag_taken_off_leaves_the_tag_page(client, site, commit):
    tag_url = f"/the/{site['tag'].slug}/"
    assert "Hội thao công đoàn 2026" in utils.visible_text(cached(client, tag_url))
    article = site["article"]
    article.tags.clear()
    commit(article.save_revision().publish)
    assert "Hội thao công đoàn 2026" not in utils.visible_text(get(client, tag_url))


def test_unpublish_and_delete_take_effect_at_once(client, site, commit):
    article = site["article"]
    cached(client, article.url)
    cached(client, site["home"].url)
    commit(article.unpublish)
    assert client.get(article.url).status_code == 404
    assert "Hội thao công đoàn 2026" not in utils.visible_text(get(client, site["home"].url))

    exemplar = site["exemplar"]
    url = exemplar.url
    cached(client, url)
    cached(client, site["exemplars"].url)
    commit(exemplar.delete)
    assert client.get(url).status_code == 404
    assert "Nguyễn Thị Lan" not in utils.visible_text(get(client, site["exemplars"].url))


def test_a_moved_page_is_gone_from_its_old_address(client, site, commit):
    article = site["article"]
    old_url = article.url
    cached(client, old_url)
    commit(article.move, site["department"], pos="last-child")
    article.refresh_from_db()
    # Wagtail's redirects app sends the old address on; the cached copy is never served.
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.url
    assert "Hội thao công đoàn 2026" in utils.visible_text(get(client, article.url))


def test_site_settings_change_every_page(client, site, commit):
    for name in ("home", "article", "exemplar"):
        cached(client, site[name].url)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.union_name = "Công đoàn Trường Đại học Sơn Hà (mới)"
    commit(settings.save)
    for name in ("home", "article", "exemplar"):
        assert "Sơn Hà (mới)" in utils.visible_text(get(client, site[name].url)), name


def test_a_renamed_snippet_shows_on_the_pages_that_use_it(client, site, commit):
    exemplar = site["exemplar"]
    cached(client, exemplar.url)
    cached(client, site["exemplars"].url)
    category = exemplar.category
    category.name = "Gương sáng nhà giáo tiêu biểu"
    commit(category.save)
    assert "Gương sáng nhà giáo tiêu biểu" in utils.visible_text(get(client, exemplar.url))
    assert "Gương sáng nhà giáo tiêu biểu" in utils.visible_text(get(client, site["exemplars"].url))


def test_editors_never_get_the_anonymous_copy_and_never_leave_theirs(client, site, admin_user):
    url = site["article"].url
    editor = type(client)()
    editor.force_login(admin_user)
    # The editor first: their page (with Wagtail's user bar) is not stored for anyone.
    mine = get(editor, url)
    assert "X-Cache" not in mine
    assert "private" in mine["Cache-Control"]
    assert b"wagtail-userbar" in mine.content
    anonymous = get(client, url)
    assert anonymous["X-Cache"] == "MISS"
    assert b"wagtail-userbar" not in anonymous.content
    cached(client, url)
    # The anonymous copy is now cached; the editor still gets their own page.
    again = get(editor, url)
    assert "X-Cache" not in again
    assert b"wagtail-userbar" in again.content


def test_members_only_pages_are_never_cached(client, site, django_user_model):
    members = Group.objects.create(name="Đoàn viên (thử)")
    private = factories.StandardPageFactory(parent=site["home"], title="Tin nội bộ đoàn viên")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    member = django_user_model.objects.create_user("doanvien.thu", password="x" * 12)
    member.groups.add(members)

    assert client.get(private.url).status_code == 302
    reader = type(client)()
    reader.force_login(member)
    for _ in range(2):
        response = get(reader, private.url)
        assert "X-Cache" not in response
        assert "Tin nội bộ đoàn viên" in utils.visible_text(response)
    # Anonymous readers after the member are still sent to the login page.
    assert client.get(private.url).status_code == 302
    assert client.get(private.url).get("X-Cache") is None


def test_cookies_and_forms_keep_a_response_out_of_the_cache(client, site):
    url = site["home"].url
    client.cookies["sessionid"] = "not-a-session"
    assert "X-Cache" not in get(client, url)
    del client.cookies["sessionid"]
    assert get(client, url)["X-Cache"] == "MISS"
