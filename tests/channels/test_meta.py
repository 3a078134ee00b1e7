"""Link previews (Open Graph, Twitter Card) and schema.org JSON-LD, parsed from the HTML."""

import json

from PIL import Image

from django.contrib.staticfiles import finders

from wagtail.models import Site

from cms.models import SiteSettings
from tests import factories, utils
from tests.channels.conftest import translate


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def meta(document):
    tags = {}
    for tag in document.select("head meta[property], head meta[name]"):
        tags[tag.get("property") or tag.get("name")] = tag.get("content")
    return tags


def json_ld(document):
    items = [json.loads(s.string) for s in document.select('script[type="application/ld+json"]')]
    return {item["@type"]: item for item in items}


def test_article_preview_card_and_news_article(client, newsroom):
    article = newsroom["articles"]["board"]
    document = utils.soup(client.get(article.url))
    tags = meta(document)
    assert tags["og:type"] == "article"
    assert tags["og:title"] == tags["twitter:title"] == article.title
    assert tags["og:description"] == article.lead
    assert tags["twitter:description"].startswith(article.lead[:100])
    assert tags["og:locale"] == "vi_VN"
    assert tags["og:url"] == article.get_full_url()
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:type"] == "image/jpeg"
    assert tags["og:image"].startswith("http") and tags["og:image"].endswith(".jpg")
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image:alt"]

    data = json_ld(document)
    story = data["NewsArticle"]
    assert story["@context"] == "https://schema.org"
    assert story["headline"] == article.title
    assert story["description"] == article.lead
    assert story["datePublished"] == "2025-11-03T00:00:00+07:00"
    assert story["dateCreated"] == "2025-11-03"
    assert story["author"] == {"@type": "Person", "name": article.byline}
    assert story["image"][0]["url"] == tags["og:image"]
    assert (story["image"][0]["width"], story["image"][0]["height"]) == (1200, 630)
    assert story["mainEntityOfPage"]["@id"] == article.get_full_url()
    assert story["keywords"] == ["An toàn lao động"]
    assert story["inLanguage"] == "vi"
    union = site_settings().union_name
    assert story["publisher"]["name"] == union
    assert data["Organization"]["name"] == union


def test_department_article_names_its_section(client, newsroom):
    article = newsroom["articles"]["department"]
    story = json_ld(utils.soup(client.get(article.url)))["NewsArticle"]
    assert story["articleSection"] == newsroom["department"].display_name


def test_exemplar_is_a_person(client, exemplar_index):
    portrait = factories.ImageFactory()
    exemplar = factories.ExemplarPageFactory(
        parent=exemplar_index, title="Nguyễn Thị Hồng Nhung", portrait=portrait
    )
    document = utils.soup(client.get(exemplar.url))
    person = json_ld(document)["Person"]
    assert person["name"] == "Nguyễn Thị Hồng Nhung"
    assert person["jobTitle"] == exemplar.position
    assert person["description"] == exemplar.citation
    assert person["award"] == f"{exemplar.category.name} ({exemplar.year_recognised})"
    assert person["url"] == exemplar.get_full_url()
    # A square crop (800×800, or smaller when the upload is smaller), as in the preview card.
    size = person["image"]["width"]
    assert size == person["image"]["height"] >= 600
    tags = meta(document)
    assert (tags["og:image:width"], tags["og:image:height"]) == (str(size), str(size))
    assert tags["og:image"] == person["image"]["url"]


def test_campaign_is_an_event(client, newsroom):
    campaign = newsroom["campaign"]
    settings = site_settings()
    settings.address = "Số 1 đường Sơn Hà, Hà Nội"
    settings.save()
    event = json_ld(utils.soup(client.get(campaign.url)))["Event"]
    assert event["name"] == campaign.title
    assert event["startDate"] == campaign.start_date.isoformat()
    assert event["endDate"] == campaign.end_date.isoformat()
    assert event["description"] == campaign.summary
    assert event["location"]["address"] == "Số 1 đường Sơn Hà, Hà Nội"
    assert event["organizer"]["name"] == settings.union_name
    assert event["eventStatus"] == "https://schema.org/EventScheduled"


def test_every_page_has_a_preview_card_and_the_organization(client, newsroom, exemplar_index):
    settings = site_settings()
    settings.facebook_url = "https://www.facebook.com/congdoansonha"
    settings.email = "congdoan@sonha.edu.vn"
    settings.save()
    urls = [
        newsroom["home"].url,
        newsroom["news"].url,
        exemplar_index.url,
        newsroom["department"].url,
        newsroom["campaign"].url,
        f"/the/{newsroom['tag'].slug}/",
        "/tin-tuc/nam/2025/",
        "/tin-tuc/luu-tru/",
        "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n",
    ]
    for url in urls:
        document = utils.soup(client.get(url))
        tags = meta(document)
        for name in (
            "og:title",
            "og:description",
            "og:image",
            "og:url",
            "og:locale",
            "twitter:card",
            "twitter:title",
            "twitter:image",
        ):
            if name == "og:url" and url.startswith("/tim-kiem/"):
                continue  # search results have no address of their own to share
            assert tags.get(name), (url, name)
        assert int(tags["og:image:width"]) >= 600, url
        org = json_ld(document)["Organization"]
        assert org["name"] == settings.union_name
        assert org["sameAs"] == ["https://www.facebook.com/congdoansonha"]
        assert org["email"] == "congdoan@sonha.edu.vn"
        # Only data scripts inline: the site's one script file is the only code.
        for script in document.select("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", url


def test_default_share_image_is_the_size_facebook_and_zalo_want(client, newsroom):
    tags = meta(utils.soup(client.get(newsroom["news"].url)))
    assert tags["og:image"].startswith("http://testserver/static/img/share-default")
    with Image.open(finders.find("img/share-default.png")) as image:
        assert (
            image.size == (1200, 630) == (int(tags["og:image:width"]), int(tags["og:image:height"]))
        )


def test_english_pages_say_so(client, newsroom):
    translate(newsroom["home"])
    document = utils.soup(client.get("/en/"))
    assert meta(document)["og:locale"] == "en_GB"
    assert {link["href"] for link in document.select('link[type="application/rss+xml"]')} == {
        "/en/rss/"
    }


def test_json_ld_cannot_break_out_of_its_script(client, news_index):
    article = factories.ArticlePageFactory(
        parent=news_index, title="Tiêu đề </script><script>alert(1)</script> & “trích dẫn”"
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    story = json_ld(utils.soup(response))["NewsArticle"]
    assert story["headline"] == article.title
