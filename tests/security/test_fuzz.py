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


def public_routes():
    """Every URL pattern the site answers outside the admin, as it is configured now."""
    from django.urls import URLResolver, get_resolver
    from django.urls.resolvers import LocalePrefixPattern, RoutePattern

    def walk(patterns, prefix=""):
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, RoutePattern):
                text = pattern._route
            elif isinstance(pattern, LocalePrefixPattern):
                text = ""
            else:
                text = pattern._regex.lstrip("^").rstrip("$")
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + text)
            else:
                yield prefix + text

    return sorted({r for r in walk(get_resolver().url_patterns) if not r.startswith("admin/")})


def concrete(route, value, number):
    """The route with every parameter filled: numbers for digits, the fuzz text elsewhere."""
    import re
    from urllib.parse import quote

    text = quote(value, safe="")
    # Regular expressions first (their group names look like route converters).
    url = re.sub(r"\((?:\?P<\w+>)?\\d\+\)", str(number), route)
    url = re.sub(r"\(\?P<\w+>(\w+)\|[\w|]+\)", r"\1", url)  # (rss|atom) -> rss
    url = re.sub(r"\((?:\?P<\w+>)?[^()]*(?:\([^()]*\)[^()]*)*\)\*?", text, url)
    url = re.sub(r"<int:\w+>", str(number), url)
    url = re.sub(r"<(?:\w+:)?\w+>", text, url)
    url = url.replace("\\.", ".").replace("\\", "")
    assert not set("()[]*+^$|") & set(url.replace(text, "")), (route, url)
    return "/" + url


API_PARAMETERS = ["search", "type", "fields", "order", "limit", "offset", "child_of", "locale"]


@hsettings(FUZZ, max_examples=12)
@given(
    value=TEXT,
    number=st.one_of(st.integers(0, 10**6), st.just(2**63)),
    params=st.dictionaries(st.sampled_from(PARAMETERS + API_PARAMETERS), TEXT, max_size=4),
)
def test_every_public_url_pattern_never_gives_a_500(site, django_user_model, value, number, params):
    member, _ = django_user_model.objects.get_or_create(username="doanvien.fuzz")
    anonymous = Client(raise_request_exception=False)
    logged_in = Client(raise_request_exception=False)
    logged_in.force_login(member)
    value = safe(value).replace("/", "").replace("?", "").replace("#", "") or "x"
    query = {key: safe(text) for key, text in params.items()}
    for route in public_routes():
        url = concrete(route, value, number)
        for send in (anonymous.get, anonymous.post, logged_in.get):
            response = send(url, query)
            assert response.status_code < 500, (route, url, query)


def test_every_public_url_pattern_is_fuzzed():
    routes = public_routes()
    # The patterns of every part of the site, including the API, feeds, QR codes and members.
    for expected in ("api/v2/", "gop-tin/", "quen-mat-khau/", "ma-qr/", "rss|atom", "_util/"):
        assert any(expected in route for route in routes), expected
    for route in routes:
        assert concrete(route, "gia-tri", 7).startswith("/")
