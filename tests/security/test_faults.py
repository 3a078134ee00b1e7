"""Faults: the database goes away mid-request, a publish fails halfway."""

import pytest

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django.test import Client
from django.urls import reverse

from wagtail.signals import page_published

from tests import factories
from tests.utils import build_site
from tests.workflow.helpers import article_form

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.fixture
def article(news_index):
    return factories.ArticlePageFactory(parent=news_index, title="Đại hội công đoàn")


class DatabaseGoesAway:
    """Fails every query after the first ``after`` ones, as a dropped connection does."""

    def __init__(self, after=0):
        self.after = after

    def __call__(self, execute, sql, params, many, context):
        if self.after <= 0:
            raise OperationalError("server closed the connection unexpectedly")
        self.after -= 1
        return execute(sql, params, many, context)


def test_a_lost_database_gives_a_vietnamese_503_and_the_site_recovers(article):
    client = Client(raise_request_exception=False)
    assert client.get(article.url).status_code == 200
    with connection.execute_wrapper(DatabaseGoesAway(after=1)):
        response = client.get(article.url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Trang tạm thời không truy cập được" in html
    assert "Traceback" not in html and "OperationalError" not in html
    # The next request works again, with nothing to restart.
    assert client.get(article.url).status_code == 200


def test_a_lost_database_during_a_form_post_asks_to_send_again(article, admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    with connection.execute_wrapper(DatabaseGoesAway(after=3)):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            article_form(article, title="Tiêu đề mới"),
        )
    assert response.status_code == 503
    assert "gửi lại" in response.content.decode()


@pytest.mark.skipif(not ON_POSTGRES, reason="a real server-side disconnect needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_connection_killed_by_the_server_then_reconnected():
    import psycopg

    build_site()
    client = Client(raise_request_exception=False)
    assert client.get("/").status_code == 200
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"}) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    response = client.get("/")
    assert response.status_code == 503
    # What Django does between two requests: drop the broken connection (health checks).
    close_old_connections()
    assert client.get("/").status_code == 200


def test_a_publish_that_fails_halfway_leaves_the_old_version_live(article, admin_user):
    def explode(sender, instance, **kwargs):
        raise RuntimeError("publishing interrupted")

    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    page_published.connect(explode)
    try:
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            article_form(article, title="Phiên bản mới", **{"action-publish": "action-publish"}),
        )
    finally:
        page_published.disconnect(explode)
    assert response.status_code == 500
    article.refresh_from_db()
    assert article.title == "Đại hội công đoàn"
    assert (
        article.live_revision is None or article.live_revision.content["title"] != "Phiên bản mới"
    )
    assert not article.revisions.filter(content__title="Phiên bản mới").exists()
    assert Client().get(article.url).content.decode().count("Đại hội công đoàn") >= 1

    # Without the fault, the same publish goes through.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(article, title="Phiên bản mới", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Phiên bản mới"
