"""The StreamField blocks' labels, help texts, group names and descriptions follow the admin
language: Vietnamese by default, English for a user who chose English."""

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

from cms.blocks import SectionBlock

VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def block_words(block):
    """Every label, help text, group and description a block and its children show editors."""
    meta = block.meta
    words = [block.label] + [
        getattr(meta, name, None) for name in ("help_text", "description", "group")
    ]
    choices = getattr(block.meta, "choices", None) or getattr(block, "_constructor_kwargs", {}).get(
        "choices"
    )
    words += [label for _value, label in choices or ()]
    children = list(getattr(block, "child_blocks", {}).values())
    if getattr(block, "child_block", None) is not None:
        children.append(block.child_block)
    for child in children:
        words += block_words(child)
    return [str(word) for word in words if word]


def test_block_words_are_english_msgids_with_vietnamese():
    block = SectionBlock()
    with translation.override("en"):
        english = block_words(block)
    with translation.override("vi"):
        vietnamese = block_words(block)
    assert len(english) >= 60
    assert not [word for word in english if VIETNAMESE.search(word)]
    assert "Section heading" in english and "Key figures" in english
    assert "Tiêu đề mục" in vietnamese and "Con số nổi bật" in vietnamese
    assert "Nội dung chữ" in vietnamese and "Hình ảnh và video" in vietnamese
    # Every English word has its Vietnamese (a few are the same word in both, e.g. Infographic).
    same = [e for e, v in zip(english, vietnamese, strict=True) if e == v]
    assert set(same) <= {"Infographic"}, same


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("vi", ["Tiêu đề mục", "Lời kêu gọi hành động", "Đoạn văn"], ["Section heading"]),
        ("en", ["Section heading", "Call to action", "Paragraph"], ["Tiêu đề mục"]),
    ],
)
def test_page_editor_shows_block_labels_in_the_admin_language(
    client, news_index, language, expected, absent
):
    user = get_user_model().objects.create_superuser("quantri", "quantri@truong.edu.vn", "x")
    UserProfile.get_for_user(user)
    user.wagtail_userprofile.preferred_language = language
    user.wagtail_userprofile.save()
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    response = client.get(url)
    assert response.status_code == 200
    # The block definitions travel as JSON, with non-ASCII letters escaped.
    text = response.text
    for word in expected:
        assert word in text or json.dumps(word)[1:-1] in text, word
    for word in absent:
        assert word not in text and json.dumps(word)[1:-1] not in text, word
