"""Nothing meant for members leaks: a members-only article and document never appear in the
public channels (search, feeds, sitemap, API), to anonymous readers or through a member's
session where the channel is public by nature."""

import pytest

from tests import factories
from tests.library.factories import (
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    make_members_only,
    member,
)

SECRET = "Quyettoannoibo"  # one word, so every engine finds it the same way


@pytest.fixture
def secrets(home_page, news_index):
    public = factories.ArticlePageFactory(
        parent=news_index, title=f"Hội thao {SECRET} công khai", tags=["nội bộ"]
    )
    article = factories.ArticlePageFactory(
        parent=news_index, title=f"Báo cáo {SECRET} tài chính", tags=["nội bộ"]
    )
    make_members_only(article)
    library = DocumentLibraryPageFactory(parent=home_page)
    document = DocumentPageFactory(parent=library, title=f"Văn bản {SECRET} nội bộ")
    make_members_only(document)
    return public, article, document


def test_members_only_pages_absent_from_every_public_channel(client, secrets):
    public, article, document = secrets
    channels = {
        "search": client.get("/tim-kiem/", {"q": SECRET}),
        "rss": client.get("/rss/"),
        "atom": client.get("/atom/"),
        "tag feed": client.get("/rss/the/noi-bo/"),
        "sitemap": client.get("/sitemap.xml"),
        "api": client.get("/api/v2/pages/", {"search": SECRET}),
        "api listing": client.get("/api/v2/pages/", {"limit": 20}),
    }
    for name, response in channels.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert article.title not in body, name
        assert document.title not in body, name
        assert article.url not in body, name
        assert document.url not in body, name
    # The same channels do show the public article (search highlights its words).
    assert public.url in channels["search"].content.decode()
    assert public.url in channels["api"].content.decode()


def test_a_members_session_does_not_open_the_public_channels(client, secrets, django_user_model):
    _, article, document = secrets
    client.force_login(member(django_user_model))
    for url in ("/sitemap.xml", "/rss/", "/api/v2/pages/?limit=20"):
        body = client.get(url).content.decode()
        assert article.title not in body, url
        assert document.title not in body, url
