"""Parts of a page kept in the cache with the page cache off ({% page_part %}: an article's
body and related articles, an exemplar's profile, a campaign's lists, <head> tags), never
shown stale: each change is visible at the very next request, and a kept part costs no
query for what it lists."""

import pytest

from django.db import connection
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleRelatedLink
from perf import cache
from perf.lookups import remember_part
from tests import factories, utils


@pytest.fixture
def site(home_page, news_index, exemplar_index, campaign_index, department):
    tag = factories.TagFactory(name="Nhà giáo")
    campaign = factories.CampaignPageFactory(parent=campaign_index, title="Tri ân 20/11")
    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", lead="Khai mạc hội thao mùa thu."
    )
    article.tags.add(tag)
    article.save_revision().publish()
    return {
        "news": news_index,
        "exemplars": exemplar_index,
        "campaigns": campaign_index,
        "campaign": campaign,
        "article": article,
        "tag": tag,
    }


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Cache" not in response  # the page cache is off in these tests
    return utils.visible_text(response)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_kept_article_costs_no_query_for_its_related_articles(client, site):
    other = factories.ArticlePageFactory(parent=site["news"], title="Giải bóng đá nữ công")
    other.tags.add(site["tag"])
    other.save_revision().publish()
    url = site["article"].url
    first = queries(client, url)
    assert "Giải bóng đá nữ công" in text(client, url)
    kept = queries(client, url)
    related = [sql for sql in first if "articles_articlepagetag" in sql and "IN (SELECT" in sql]
    assert related, "the first visit reads the related articles"
    assert not [sql for sql in kept if "articles_articlepagetag" in sql and "IN (SELECT" in sql]
    assert len(kept) < len(first)


def test_article_edit_shows_at_once(client, site):
    article = site["article"]
    assert "Khai mạc hội thao mùa thu." in text(client, article.url)
    article.lead = "Bế mạc hội thao mùa thu."
    article.save_revision().publish()
    shown = text(client, article.url)
    assert "Bế mạc hội thao mùa thu." in shown
    assert "Khai mạc hội thao mùa thu." not in shown


def test_new_article_sharing_a_tag_joins_read_next_at_once(client, site):
    url = site["article"].url
    assert "Đọc tiếp" not in text(client, url)
    other = factories.ArticlePageFactory(parent=site["news"], title="Giải bóng đá nữ công")
    other.tags.add(site["tag"])
    other.save_revision().publish()
    assert "Giải bóng đá nữ công" in text(client, url)
    other.unpublish()
    assert "Giải bóng đá nữ công" not in text(client, url)


def test_chosen_related_article_follows_its_own_changes(client, site):
    """A chosen related article shares no tag nor campaign: the part depends on its card."""
    chosen = factories.ArticlePageFactory(parent=site["news"], title="Ngày hội văn hóa")
    article = site["article"]
    ArticleRelatedLink.objects.create(source=article, page=chosen)
    url = article.url
    assert "Ngày hội văn hóa" in text(client, url)
    chosen.title = "Ngày hội văn hóa dân gian"
    chosen.save_revision().publish()
    assert "Ngày hội văn hóa dân gian" in text(client, url)
    chosen.unpublish()
    assert "Ngày hội văn hóa dân gian" not in text(client, url)


def test_campaign_lists_follow_new_and_renamed_pages(client, site):
    campaign = site["campaign"]
    url = campaign.url
    assert "Hội thao công đoàn 2026" not in text(client, url)
    article = site["article"]
    article.campaign = campaign
    article.save_revision().publish()
    assert "Hội thao công đoàn 2026" in text(client, url)
    # The article shows the campaign's new title; the campaign shows the article's.
    campaign.title = "Tri ân thầy cô 20/11"
    campaign.save_revision().publish()
    assert "Tri ân thầy cô 20/11" in text(client, article.url)
    exemplar = factories.ExemplarPageFactory(
        parent=site["exemplars"], title="Nguyễn Thị Lan", campaign=campaign
    )
    assert "Nguyễn Thị Lan" in text(client, url)
    exemplar.unpublish()
    assert "Nguyễn Thị Lan" not in text(client, url)
    article.campaign = None
    article.save_revision().publish()
    assert "Hội thao công đoàn 2026" not in text(client, url)


def test_exemplar_profile_follows_its_category(client, site):
    exemplar = factories.ExemplarPageFactory(parent=site["exemplars"], title="Trần Văn Hùng")
    category = exemplar.category
    category.name = "Nhà giáo tiêu biểu"
    category.save()
    assert "Nhà giáo tiêu biểu" in text(client, exemplar.url)
    category.name = "Nhà giáo mẫu mực"
    category.save()
    shown = text(client, exemplar.url)
    assert "Nhà giáo mẫu mực" in shown
    assert "Nhà giáo tiêu biểu" not in shown


def test_head_tags_follow_the_page(client, site):
    article = site["article"]
    assert '"headline":"Hội thao công đoàn 2026"' in client.get(article.url).content.decode()
    article.title = "Hội thao công đoàn mùa đông 2026"
    article.save_revision().publish()
    page = client.get(article.url).content.decode()
    assert '"headline":"Hội thao công đoàn mùa đông 2026"' in page
    assert '<meta property="og:title" content="Hội thao công đoàn mùa đông 2026">' in page


def request_for_part():
    request = RequestFactory().get("/")
    request._perf_epoch = cache.epoch()
    return request


def test_a_part_rendered_while_something_changed_is_not_kept(db):
    renders = []

    def render_while_publishing():
        renders.append(1)
        cache.invalidate({"page:1"})  # a publish lands while the part is rendered
        return "<p>cũ</p>"

    remember_part(request_for_part(), "thu", {"page:1"}, render_while_publishing)
    remember_part(request_for_part(), "thu", {"page:1"}, lambda: renders.append(2) or "<p>mới</p>")
    assert renders == [1, 2]


def test_a_part_with_a_csrf_token_is_never_kept(db):
    renders = []

    def render_form(request):
        renders.append(1)
        return f'<input type="hidden" value="{get_token(request)}">'

    for _ in range(2):
        request = request_for_part()
        remember_part(request, "bieu-mau", {"page:1"}, lambda request=request: render_form(request))
    assert renders == [1, 1]


def test_a_kept_part_is_served_until_its_tags_change(db):
    renders = []

    def render():
        renders.append(1)
        return "<p>phần</p>"

    for _ in range(2):
        assert remember_part(request_for_part(), "phan", {"page:7"}, render) == "<p>phần</p>"
    assert renders == [1]
    cache.invalidate({"page:7"})
    remember_part(request_for_part(), "phan", {"page:7"}, render)
    assert renders == [1, 1]
