"""Hostile markup posted through the admin edit form never reaches a page as script.

The admin's rich text editor posts Draftail's contentstate JSON; an attacker can post any
JSON they like, so the payload here is hand-made contentstate with script in its text, a
``javascript:`` link, a ``javascript:`` embed and an unknown entity type.
"""

import json
import re

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests import factories
from tests.workflow.helpers import article_form

TEXT = "Tin thật <script>alert('xss')</script> <img src=x onerror=alert(1)> bấm vào đây"
CONTENTSTATE = json.dumps(
    {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "depth": 0,
                "text": TEXT,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": TEXT.index("bấm"), "length": 11, "key": 0}],
                "data": {"onclick": "alert(2)"},
            },
            {
                "key": "a2",
                "type": "atomic",
                "depth": 0,
                "text": " ",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 1, "key": 1}],
                "data": {},
            },
            {
                "key": "a3",
                "type": "<script>",
                "depth": 0,
                "text": "khối lạ",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 3, "key": 2}],
                "data": {},
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(3)"}},
            "1": {
                "type": "EMBED",
                "mutability": "IMMUTABLE",
                "data": {"url": "javascript:alert(4)"},
            },
            "2": {
                "type": "SCRIPT",
                "mutability": "MUTABLE",
                "data": {"src": "https://evil.example/x.js"},
            },
        },
    }
)


@pytest.fixture
def article(news_index):
    return factories.ArticlePageFactory(parent=news_index, title="Bản tin công đoàn")


def hostile_form(article, **extra):
    data = {
        key: value
        for key, value in article_form(article, **extra).items()
        if not key.startswith("body-")
    }
    data.update(nested_form_data({"body": streamfield([("paragraph", CONTENTSTATE)])}))
    return data


def assert_no_script(html):
    main = html.split("<main", 1)[-1]
    assert "javascript:" not in main
    assert "evil.example" not in main
    assert not re.search(r"<script\b(?![^>]*ld\+json)", main)
    assert not re.search(r"<img[^>]*onerror", main)
    assert not re.search(r"<[^>]*\son(error|click|load|mouseover)\s*=", main)


def test_hostile_rich_text_and_fields_are_stored_and_shown_harmless(admin_client, article):
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        hostile_form(
            article,
            title="Tiêu đề <script>alert(5)</script>",
            lead='Sa-pô <img src=x onerror="alert(6)">',
            byline="<b onmouseover=alert(7)>Phóng viên</b>",
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    stored = str(article.body.raw_data)
    assert "javascript:" not in stored and "<script" not in stored and "evil.example" not in stored

    html = Client().get(article.url).content.decode()
    assert "Tin thật" in html and "bấm vào đây" in html
    # The script typed as text is shown as text, escaped.
    assert "&lt;script&gt;alert(" in html
    assert_no_script(html)


def test_the_admin_preview_is_harmless_too(admin_client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    response = admin_client.post(url, hostile_form(article))
    assert response.status_code == 200
    html = admin_client.get(url).content.decode()
    assert "Tin thật" in html
    assert_no_script(html)
