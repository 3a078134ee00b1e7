"""Images: responsive WebP with a JPEG fallback, sized, lazy below the fold, and made once
(by warm_renditions), never on a reader's request."""

import pytest

from django.core.management import call_command

from wagtail.images.models import Rendition

from tests import factories, utils


@pytest.fixture
def article(news_index):
    hero = factories.ImageFactory()
    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", hero_image=hero
    )
    factories.ArticlePageFactory(
        parent=news_index, title="Tập huấn an toàn lao động", hero_image=factories.ImageFactory()
    )
    return article


def test_hero_and_cards_are_webp_with_a_jpeg_fallback(client, article, news_index):
    page = utils.soup(client.get(article.url))
    hero = page.select_one("figure.hero picture")
    assert hero is not None
    webp = hero.select_one('source[type="image/webp"]')
    assert webp is not None and webp["srcset"].count(".webp") >= 3 and webp.get("sizes")
    img = hero.select_one("img")
    assert ".jpg" in img["src"] and img["srcset"].count(".jpg") >= 3
    assert img["width"] and img["height"]
    assert img.get("loading") != "lazy"  # the hero is above the fold

    listing = utils.soup(client.get(news_index.url))
    cards = listing.select(".card__media picture img")
    assert cards
    for card in cards:
        assert card["loading"] == "lazy" and card["width"] and card["height"]
        assert card.find_previous_sibling("source")["type"] == "image/webp"


def test_warm_renditions_makes_them_once_and_readers_never(client, article, news_index, capsys):
    call_command("warm_renditions")
    out = capsys.readouterr().out
    assert "2/2 ảnh" in out and "Xong" in out
    made = set(Rendition.objects.values_list("pk", flat=True))
    assert len(made) >= 2 * 2 * 4  # two heroes, WebP and JPEG, several widths
    for url in (article.url, news_index.url, news_index.get_parent().url):
        assert client.get(url).status_code == 200
    new = Rendition.objects.exclude(pk__in=made).values_list("filter_spec", flat=True)
    assert not new, f"a reader's request made renditions: {sorted(new)}"
    call_command("warm_renditions")
    assert "Xong: 0 kích cỡ mới" in capsys.readouterr().out
