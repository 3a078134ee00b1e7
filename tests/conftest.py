import factory.random
import pytest

from django.core.cache import cache
from django.test import override_settings

from tests import factories
from tests.utils import build_site


@pytest.fixture(scope="session", autouse=True)
def _isolated_media(tmp_path_factory):
    """Uploads and renditions go to this run's own folder, never to a shared one."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _fresh_state():
    """Same Faker text every run; no cached site root paths leaking from another test."""
    factory.random.reseed_random("lan-toa")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return build_site()


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def exemplar_index(home_page):
    return factories.ExemplarIndexPageFactory(parent=home_page)


@pytest.fixture
def campaign_index(home_page):
    return factories.CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def department_index(home_page):
    return factories.DepartmentIndexPageFactory(parent=home_page)


@pytest.fixture
def department(department_index):
    return factories.DepartmentPageFactory(parent=department_index, title="Công đoàn Khoa Toán")
