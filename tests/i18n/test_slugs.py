"""Slugs from Vietnamese titles are readable ASCII, for new pages and translations alike, and
never clash with a sibling's."""

import pytest

from wagtail.models import Locale, Page

from cms.text import slugify_vi
from tests import factories
from tests.i18n.conftest import publish_translation

# Twenty real titles: every tone on every vowel family, đ/Đ, punctuation, dates, emoji.
TITLES = {
    "Gương sáng nhà giáo Đặng Thị Hường": "guong-sang-nha-giao-dang-thi-huong",
    "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)": (
        "ky-niem-44-nam-ngay-nha-giao-viet-nam-20-11-1982-20-11-2026"
    ),
    "Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động": (
        "thang-cong-nhan-thang-hanh-dong-ve-an-toan-ve-sinh-lao-dong"
    ),
    "Đoàn viên ĐẠI HỌC Sơn Hà đón Tết": "doan-vien-dai-hoc-son-ha-don-tet",
    "Chương trình thơ “Lời ru của mẹ”": "chuong-trinh-tho-loi-ru-cua-me",
    "Hỏi & đáp: chế độ thai sản?": "hoi-dap-che-do-thai-san",
    "Ứng dụng bảng tính trực tuyến trong quản lý đoàn phí": (
        "ung-dung-bang-tinh-truc-tuyen-trong-quan-ly-doan-phi"
    ),
    "Luật Bảo hiểm xã hội năm 2024: những điểm mới": "luat-bao-hiem-xa-hoi-nam-2024-nhung-diem-moi",
    "Chăm lo Tết Nguyên đán Đinh Mùi 2027 🎉🧧": "cham-lo-tet-nguyen-dan-dinh-mui-2027",
    "Ngày Quốc tế Phụ nữ 8/3 💐": "ngay-quoc-te-phu-nu-8-3",
    "Khoa Toán – Tin tập huấn sơ cứu": "khoa-toan-tin-tap-huan-so-cuu",
    "Nữ giảng viên vượt khó: cô Phạm Thị Ngọc Ánh": "nu-giang-vien-vuot-kho-co-pham-thi-ngoc-anh",
    "Thầy Nguyễn Hữu Dũng – 30 năm đứng lớp": "thay-nguyen-huu-dung-30-nam-dung-lop",
    "Hội thao: bóng đá, cầu lông, kéo co…": "hoi-thao-bong-da-cau-long-keo-co",
    "Tuyên dương 15 “Người tốt, việc tốt”!": "tuyen-duong-15-nguoi-tot-viec-tot",
    "Ỷ lại, ỡm ờ, ỳ ạch: chuyện nhỏ ở phòng máy": "y-lai-om-o-y-ach-chuyen-nho-o-phong-may",
    "Ấm áp mùa đông – tặng áo ấm cho sinh viên": "am-ap-mua-dong-tang-ao-am-cho-sinh-vien",
    "Ơn thầy: những lá thư tay": "on-thay-nhung-la-thu-tay",
    "Quỹ “Mái ấm Công đoàn” năm 2025 – 2026": "quy-mai-am-cong-doan-nam-2025-2026",
    "Dự án xanh: ủ phân, tái chế, tiết kiệm điện ♻️": ("du-an-xanh-u-phan-tai-che-tiet-kiem-dien"),
}


def test_twenty_titles():
    assert len(TITLES) == 20
    for title, slug in TITLES.items():
        assert slugify_vi(title) == slug, title


def test_only_emoji_or_punctuation_gives_no_slug():
    assert slugify_vi("🎉🧧 – …") == ""


@pytest.mark.django_db
def test_new_pages_get_folded_slugs(news_index):
    for title, slug in list(TITLES.items())[:5]:
        page = factories.ArticlePageFactory(parent=news_index, title=title, slug="")
        assert Page.objects.get(pk=page.pk).slug == slug


@pytest.mark.django_db
def test_a_clash_gets_a_number(news_index):
    first = factories.ArticlePageFactory(parent=news_index, title="Gặp mặt đầu xuân", slug="")
    second = factories.ArticlePageFactory(parent=news_index, title="Gặp mặt đầu Xuân!", slug="")
    assert first.slug == "gap-mat-dau-xuan"
    assert second.slug == "gap-mat-dau-xuan-2"
    assert first.url != second.url


@pytest.mark.django_db
def test_admin_typed_unicode_slug_is_folded(news_index):
    page = factories.ArticlePageFactory(parent=news_index, title="Bài viết", slug="đón-tết-ấm")
    assert Page.objects.get(pk=page.pk).slug == "don-tet-am"


@pytest.mark.django_db
def test_translation_takes_its_slug_from_its_english_title(news_index, english_home):
    article = factories.ArticlePageFactory(
        parent=news_index, title="Gương sáng nhà giáo Đặng Thị Hường", slug=""
    )
    english = Locale.objects.get(language_code="en")
    translation = publish_translation(article, english, title="Outstanding teacher Dang Thi Huong")
    assert translation.slug == "outstanding-teacher-dang-thi-huong"
    # An untranslated title keeps the Vietnamese slug, folded.
    other = factories.ArticlePageFactory(parent=news_index, title="Hội thao mùa thu", slug="")
    copy = publish_translation(other, english)
    assert copy.slug == "hoi-thao-mua-thu"


@pytest.mark.django_db
def test_translated_slugs_do_not_clash(news_index, english_home):
    english = Locale.objects.get(language_code="en")
    one = factories.ArticlePageFactory(parent=news_index, title="Đón Tết 2026", slug="")
    two = factories.ArticlePageFactory(parent=news_index, title="Đón Tết 2027", slug="")
    first = publish_translation(one, english, title="Lunar New Year")
    second = publish_translation(two, english, title="Lunar New Year")
    assert first.slug == "lunar-new-year"
    assert second.slug == "lunar-new-year-2"
