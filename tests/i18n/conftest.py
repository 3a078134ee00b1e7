import pytest

from wagtail.models import Locale, Page

from tests import factories


def publish_translation(page, locale=None, title=None, slug=None):
    """An English (or ``locale``) copy of ``page``, published, its parents copied too."""
    locale = locale or Locale.objects.get(language_code="en")
    translation = page.copy_for_translation(locale, copy_parents=True)
    if title:
        translation.title = title
    if slug:
        translation.slug = slug
    translation.save_revision().publish()
    return Page.objects.get(pk=translation.pk).specific


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def english_home(home_page):
    return publish_translation(home_page, title="Home", slug="home-en")


@pytest.fixture
def article(news_index):
    return factories.ArticlePageFactory(
        parent=news_index, title="Công đoàn trường đón đoàn khách quốc tế"
    )
