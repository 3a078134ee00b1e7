"""Random and hostile input on every public URL pattern and form: never a 500."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from django.test import Client

from tests import factories

HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "%00%ff%fe",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ Đặng Thị Hường",
        "a" * 5000,
        "\ud800",
        "${jndi:ldap://x}",
        "NaN",
        "-1",
        "99999999999999999999",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=300))

pytestmark = pytest.mark.django_db

FUZZ = hsettings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(news_index):
    factories.ArticlePageFactory(parent=news_index, title="Tin công đoàn")
    return news_index


def safe(value):
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


PARAMETERS = ["q", "loai", "don-vi", "chien-dich", "the", "nam", "ngon-ngu", "sap-xep", "page", "p"]
PATHS = ["/", "/tim-kiem/", "/en/search/", "/rss/", "/atom/", "/sitemap.xml", "/robots.txt"]


@FUZZ
@given(path=st.sampled_from(PATHS), params=st.dictionaries(st.sampled_from(PARAMETERS), TEXT))
def test_query_strings_never_give_a_500(site, path, params):
    client = Client(raise_request_exception=False)
    response = client.get(path, {key: safe(value) for key, value in params.items()})
    assert response.status_code < 500, (path, params)


@FUZZ
@given(segment=TEXT)
def test_paths_never_give_a_500(site, segment):
    client = Client(raise_request_exception=False)
    for prefix in ("/", "/the/", "/en/tag/", "/tin-tuc/", "/documents/1/", "/ma-qr/"):
        response = client.get(prefix + safe(segment).replace("?", "").replace("#", ""))
        assert response.status_code < 500, (prefix, segment)


@FUZZ
@given(username=TEXT, password=TEXT, next_url=TEXT)
def test_login_forms_never_give_a_500(site, username, password, next_url):
    client = Client(raise_request_exception=False)
    for url in ("/admin/login/", "/_util/login/"):
        response = client.post(
            url,
            {"username": safe(username), "password": safe(password), "next": safe(next_url)},
            REMOTE_ADDR="10.20.30.40",
        )
        assert response.status_code < 500
