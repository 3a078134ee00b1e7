"""Creating pages through the real admin views: form data, StreamField blocks, ASCII slugs."""

import datetime

import pytest

from django.core.checks import Error
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.checks import datetime_format_check
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from cms.blocks import BodyBlock
from cms.models import DepartmentPage, Tag
from home.models import CampaignPage
from tests import factories, utils


def article_form(**overrides):
    """An article as the admin posts it; the slug is what its JavaScript proposes (Unicode)."""
    title = overrides.get("title", "Công đoàn Khoa Toán tổ chức hội thao")
    data = {
        "title": title,
        "slug": slugify(title, allow_unicode=True),
        "lead": "Sáng 15/11, hơn 200 đoàn viên tham gia hội thao chào mừng ngày 20/11.",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Các môn thi gồm <b>kéo co</b> và bóng bàn.</p>")),
                ("heading", {"text": "Kết quả", "level": "h2"}),
                ("quote", {"text": "Khỏe để cống hiến.", "attribution": "Chủ tịch Công đoàn"}),
            ]
        ),
        "date": "2026-11-15",
        "byline": "Phạm Thu Hà",
        "tags": "Thể thao, Nhà giáo Việt Nam",
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def posted_block_types(data, field="body"):
    count = int(data[f"{field}-count"])
    return [data[f"{field}-{i}-type"] for i in range(count)]


def test_posted_blocks_exist():
    """Wagtail silently drops unknown block types, so a typo here would test nothing."""
    assert set(posted_block_types(article_form())) <= set(BodyBlock().child_blocks)


def test_create_article_through_the_admin(admin_client, news_index):
    data = article_form()
    assert data["slug"] == "công-đoàn-khoa-toán-tổ-chức-hội-thao"
    response = admin_client.post(utils.add_url(ArticlePage, news_index), data)

    assert response.status_code == 302, utils.visible_text(response)[:2000]
    article = ArticlePage.objects.get(title="Công đoàn Khoa Toán tổ chức hội thao")
    assert article.live
    assert article.get_parent().specific == news_index
    # The admin posted a Unicode slug; the page gets the folded ASCII one (đ -> d).
    assert article.slug == "cong-doan-khoa-toan-to-chuc-hoi-thao"
    assert [block.block_type for block in article.body] == posted_block_types(data)
    assert "<b>kéo co</b>" in article.body[0].value.source
    assert article.body[1].value["text"] == "Kết quả"
    assert article.body[2].value["attribution"] == "Chủ tịch Công đoàn"
    assert article.date == datetime.date(2026, 11, 15)
    assert sorted(article.tags.values_list("slug", flat=True)) == ["nha-giao-viet-nam", "the-thao"]

    page = admin_client.get(article.url)
    assert page.status_code == 200
    assert "Các môn thi gồm kéo co và bóng bàn." in utils.visible_text(page)


def test_create_department_with_unicode_slug(admin_client, department_index):
    data = nested_form_data(
        {
            "title": "Công đoàn Khoa Toán",
            "slug": "công-đoàn-khoa-toán",
            "short_name": "Khoa Toán",
            "description": rich_text("<p>Công đoàn bộ phận của Khoa Toán.</p>"),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(utils.add_url(DepartmentPage, department_index), data)

    assert response.status_code == 302, utils.visible_text(response)[:2000]
    department = DepartmentPage.objects.get(title="Công đoàn Khoa Toán")
    assert department.slug == "cong-doan-khoa-toan"
    assert admin_client.get("/cong-doan-bo-phan/cong-doan-khoa-toan/").status_code == 200


def test_same_title_twice_gets_a_second_slug(admin_client, news_index):
    first = factories.ArticlePageFactory(parent=news_index, title="Thông báo")
    data = article_form(title="Thông báo")
    response = admin_client.post(utils.add_url(ArticlePage, news_index), data)
    assert response.status_code == 302, utils.visible_text(response)[:2000]
    second = ArticlePage.objects.exclude(pk=first.pk).get(title="Thông báo")
    assert first.slug == "thong-bao"
    assert second.slug.startswith("thong-bao-")


def test_unknown_block_is_not_saved(admin_client, news_index):
    """Documents Wagtail's behaviour that makes test_posted_blocks_exist necessary."""
    data = article_form()
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Đoạn văn có thật.</p>")),
                        ("khong_co_khoi_nay", "Khối không tồn tại"),
                    ]
                )
            }
        )
    )
    admin_client.post(utils.add_url(ArticlePage, news_index), data)
    article = ArticlePage.objects.get(title="Công đoàn Khoa Toán tổ chức hội thao")
    assert [block.block_type for block in article.body] == ["paragraph"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Nhà giáo Việt Nam", "nha-giao-viet-nam"),
        ("Đoàn viên", "doan-vien"),
        ("An toàn – vệ sinh lao động", "an-toan-ve-sinh-lao-dong"),
    ],
)
def test_tags_get_ascii_slugs(db, name, slug):
    assert Tag.objects.create(name=name).slug == slug


def test_tags_differing_only_in_marks_get_different_slugs(db):
    first = Tag.objects.create(name="Nhà giáo")
    second = Tag.objects.create(name="Nha giao")
    assert first.slug == "nha-giao"
    assert second.slug != first.slug
    assert second.slug.isascii()
    assert second.slug.startswith("nha-giao")


def test_admin_reads_dates_as_it_shows_them(admin_client, campaign_index):
    """The admin shows dates as dd/mm/yyyy; typed that way, 05/11 is the 5th of November."""
    data = nested_form_data(
        {
            "title": "Tri ân Ngày Nhà giáo Việt Nam",
            "slug": "tri-ân-ngày-nhà-giáo-việt-nam",
            "theme": "Tri ân thầy cô",
            "start_date": "05/11/2026",
            "key_date": "20/11/2026",
            "end_date": "25/11/2026",
            "summary": "Chuỗi hoạt động tri ân thầy cô.",
            "sections": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            "go_live_at": "20/11/2026 00:00",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(utils.add_url(CampaignPage, campaign_index), data)
    assert response.status_code == 302, utils.visible_text(response)[:2000]
    campaign = CampaignPage.objects.get(title="Tri ân Ngày Nhà giáo Việt Nam")
    assert campaign.start_date == datetime.date(2026, 11, 5)
    assert campaign.key_date == datetime.date(2026, 11, 20)
    assert campaign.end_date == datetime.date(2026, 11, 25)
    assert timezone.localtime(campaign.go_live_at).replace(tzinfo=None) == datetime.datetime(
        2026, 11, 20, 0, 0
    )


def test_wagtail_date_formats_are_input_formats():
    # Wagtail's own check (wagtailadmin.E003) skips itself since Django 5 dropped USE_L10N.
    with override_settings(USE_L10N=True):
        errors = [e for e in datetime_format_check(None) if isinstance(e, Error)]
    assert errors == []
