"""What every uncached request shares is kept in the cache, never stale (issue #8): the page a
path leads to (routing), the header's brand and section links, the footer, the home page's
current campaign. Each change is visible at the very next request, and the reader's own
parts (log-in links, the page's language links) are never kept."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from cms.models import SiteSettings
from tests import factories, utils
from tests.library.factories import member


@pytest.fixture
def site(home_page, news_index, exemplar_index, campaign_index, department):
    campaign = factories.CampaignPageFactory(parent=campaign_index, title="Tri ân 20/11")
    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", campaign=campaign
    )
    return {
        "home": home_page,
        "news": news_index,
        "exemplars": exemplar_index,
        "campaigns": campaign_index,
        "campaign": campaign,
        "article": article,
    }


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


def text(client, url):
    return utils.visible_text(get(client, url))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured.captured_queries)


def test_a_routed_page_costs_no_routing_query_once_kept(client, site):
    url = site["article"].url
    first = count_queries(client, url)
    kept = count_queries(client, url)
    assert kept <= first - 2  # the path's pages and the specific page with its relations


def test_a_renamed_page_moves_at_once(client, site):
    article = site["article"]
    old_url = article.url
    get(client, old_url)
    get(client, old_url)  # kept now
    article.slug = "hoi-thao-mua-thu"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.url != old_url
    assert "Hội thao công đoàn 2026" in text(client, article.url)
    get(client, old_url, status=404)


def test_an_unpublished_page_is_gone_at_once(client, site):
    article = site["article"]
    url = article.url
    get(client, url)
    get(client, url)
    article.unpublish()
    get(client, url, status=404)


def test_a_moved_page_moves_at_once(client, site, home_page):
    article = site["article"]
    old_url = article.url
    get(client, old_url)
    other = factories.NewsIndexPageFactory(parent=home_page, title="Thông báo", slug="thong-bao")
    article.move(other, pos="last-child")
    article.refresh_from_db()
    # Wagtail's automatic redirect from the old address, not the kept page.
    moved = get(client, old_url, status=301)
    assert moved["Location"] == article.url
    assert "Hội thao công đoàn 2026" in text(client, article.url)


def test_a_routed_article_follows_its_campaign_title(client, site):
    url = site["article"].url
    assert "Tri ân 20/11" in text(client, url)
    campaign = site["campaign"]
    campaign.title = "Tri ân thầy cô 20/11"
    campaign.save_revision().publish()
    assert "Tri ân thầy cô 20/11" in text(client, url)


def test_a_new_page_on_a_path_that_was_missing_is_found(client, site):
    get(client, site["news"].url + "tin-moi/", status=404)
    factories.ArticlePageFactory(parent=site["news"], title="Tin mới", slug="tin-moi")
    assert "Tin mới" in text(client, site["news"].url + "tin-moi/")


def test_header_marks_the_section_of_each_page(client, site):
    news_url = site["news"].url
    home = get(client, "/").content.decode()
    assert 'aria-current="page"' not in home.split("</nav>")[0]
    news = get(client, news_url).content.decode()
    assert f'href="{news_url}" aria-current="page"' in news
    article = get(client, site["article"].url).content.decode()
    assert f'href="{news_url}" aria-current="true"' in article
    again = get(client, "/").content.decode()
    assert 'aria-current="page"' not in again.split("</nav>")[0]


def test_header_logo_and_contact_follow_the_settings(client, site):
    url = site["article"].url
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "congdoan@sonha.edu.vn"
    settings.save()
    assert "congdoan@sonha.edu.vn" in text(client, url)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "vanphong.congdoan@sonha.edu.vn"
    settings.logo = factories.ImageFactory()
    settings.save()
    response = get(client, url)
    shown = utils.visible_text(response)
    assert "vanphong.congdoan@sonha.edu.vn" in shown
    assert "congdoan@sonha.edu.vn" not in shown.replace("vanphong.congdoan@sonha.edu.vn", "")
    assert 'class="brand__logo"' in response.content.decode()
    assert "img/logo.svg" not in response.content.decode()


def test_a_member_never_gets_the_anonymous_header_nor_the_reverse(client, site, django_user_model):
    url = site["article"].url
    assert "Đoàn viên đăng nhập" in text(client, url)
    user = member(django_user_model)
    client.force_login(user)
    shown = text(client, url)
    assert "Vũ Hải Yến" in shown
    assert "Đoàn viên đăng nhập" not in shown
    client.logout()
    shown = text(client, url)
    assert "Đoàn viên đăng nhập" in shown
    assert "Vũ Hải Yến" not in shown


def test_home_campaign_follows_a_newly_published_campaign(client, site):
    today = timezone.localdate()
    campaign = site["campaign"]
    campaign.start_date = today - datetime.timedelta(days=5)
    campaign.end_date = today + datetime.timedelta(days=30)
    campaign.save_revision().publish()
    assert "Tri ân 20/11" in text(client, "/")
    text(client, "/")  # kept now
    sooner = factories.CampaignPageFactory(
        parent=site["campaigns"],
        title="Hiến máu nhân đạo",
        start_date=today - datetime.timedelta(days=2),
        end_date=today + datetime.timedelta(days=3),
    )
    sooner.save_revision().publish()
    assert "Hiến máu nhân đạo" in text(client, "/")


def test_language_links_follow_a_new_translation_at_once(client, site, home_page):
    from tests.i18n.conftest import publish_translation

    publish_translation(home_page, title="Home", slug="home-en")
    url = site["article"].url

    def english_link():
        links = utils.soup(get(client, url)).select(".language-links a[lang=en]")
        return links[0]["href"] if links else None

    assert english_link() == "/en/"
    assert english_link() == "/en/"  # kept now
    translation = publish_translation(site["article"], title="Union sports day 2026")
    assert english_link() == translation.url


def test_home_campaign_feature_follows_the_campaign_at_once(client, site):
    campaign = site["campaign"]
    campaign.theme = "Tri ân thầy cô giáo"
    campaign.save_revision().publish()
    assert "Tri ân thầy cô giáo" in text(client, "/")
    assert "Tri ân thầy cô giáo" in text(client, "/")  # kept now
    campaign.theme = "Nhớ ơn thầy cô"
    campaign.key_date = timezone.localdate() + datetime.timedelta(days=3)
    campaign.save_revision().publish()
    shown = text(client, "/")
    assert "Nhớ ơn thầy cô" in shown
    assert "Tri ân thầy cô giáo" not in shown


def test_search_head_is_kept_but_follows_the_settings_and_the_query(client, site, monkeypatch):
    """Without a page, the <head>'s share tags and JSON-LD are kept per address (site_part):
    a new query renders neither again, yet the union's name and the query's own links are
    always current."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.union_name = "Công đoàn Trường Đại học Sơn Hà"
    settings.save()

    def head(query):
        return utils.soup(get(client, f"/tim-kiem/?q={query}")).head

    from channels import structured_data

    built = []
    for_page = structured_data.for_page

    def counted(*args, **kwargs):
        built.append(args[1])
        return for_page(*args, **kwargs)

    monkeypatch.setattr(structured_data, "for_page", counted)
    first = head("hội thao")
    assert first.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    assert first.select_one('script[type="application/ld+json"]') is not None
    assert len(built) == 1
    again = head("cong doan")
    assert len(built) == 1  # the JSON-LD was not built again for a new query
    assert str(again.select_one('meta[property="og:site_name"]')) == str(
        first.select_one('meta[property="og:site_name"]')
    )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.union_name = "Công đoàn Đại học Sơn Hà"
    settings.save()
    renamed = head("cong doan")
    assert renamed.select_one('meta[property="og:site_name"]')["content"] == (
        "Công đoàn Đại học Sơn Hà"
    )
    assert (
        "Công đoàn Đại học Sơn Hà"
        in renamed.select_one('script[type="application/ld+json"]').string
    )
    assert len(built) == 2
