"""The demo's English pages (cms/demo/translations.py) list their children once published.

wagtail-localize publishes each translation when the transaction commits, saving the English
home and indexes from revisions taken before their children existed: numchild 0, so the English
home listed no news and /en/news/ answered 404. The seed recounts the tree after those
publications. Here the commit-time callbacks run as they do at the end of seed_demo's
transaction, in order, over a small site built with factories.
"""

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page

from cms.demo import translations
from tests import factories

ARTICLE = "Gặp mặt kỷ niệm 42 năm Ngày Nhà giáo"


class Seeder:
    def __init__(self):
        self.said = []

    def say(self, text):
        self.said.append(text)


@pytest.fixture
def vietnamese_site(home_page, news_index, campaign_index):
    article = factories.ArticlePageFactory(parent=news_index, title=ARTICLE)
    assert article.slug == "gap-mat-ky-niem-42-nam-ngay-nha-giao"  # one of translations.PAGES
    return home_page, news_index, article


def english(page):
    return Page.objects.get(
        translation_key=page.translation_key, locale=Locale.objects.get(language_code="en")
    )


def test_seeded_english_pages_list_their_children(
    client, vietnamese_site, django_capture_on_commit_callbacks
):
    home, news, article = vietnamese_site
    user = get_user_model().objects.create_superuser("seed", "seed@truong.edu.vn", "x")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        translations.seed(Seeder(), user)
    assert len(callbacks) >= 4  # the publications, then the recount

    english_home, english_news, english_article = (english(p) for p in (home, news, article))
    for page in (english_home, english_news, english_article):
        assert page.live
    # numchild matches the tree: what Wagtail's menus, listings and routing rely on.
    for page in (english_home, english_news):
        assert page.numchild == Page.objects.child_of(page).count() > 0
    assert english_article.get_parent().pk == english_news.pk

    response = client.get("/en/news/")
    assert response.status_code == 200
    assert english_article.url in response.text
    response = client.get("/en/")
    assert response.status_code == 200
    assert english_news.url in response.text
    assert client.get(english_article.url).status_code == 200
