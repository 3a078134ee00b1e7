import datetime

import pytest

from wagtail.models import Locale, PageViewRestriction

from tests import factories


@pytest.fixture
def newsroom(home_page, news_index, department, campaign_index):
    """Articles over two years: the board's, a department's, a campaign's, a tagged one, and
    one members-only article that must never reach a public channel."""
    campaign = factories.CampaignPageFactory(parent=campaign_index, title="Tháng Công nhân 2025")
    tag = factories.TagFactory(name="An toàn lao động")
    image = factories.ImageFactory(title="Hội thao công đoàn")
    articles = {
        "board": factories.ArticlePageFactory(
            parent=news_index,
            title="Hội nghị cán bộ công chức năm 2025",
            date=datetime.date(2025, 11, 3),
            hero_image=image,
            tags=[tag],
        ),
        "department": factories.ArticlePageFactory(
            parent=department,
            title="Khoa Toán thăm hỏi đoàn viên ốm đau",
            date=datetime.date(2025, 11, 20),
        ),
        "campaign": factories.ArticlePageFactory(
            parent=news_index,
            title="Phát động Tháng Công nhân",
            date=datetime.date(2025, 5, 2),
            campaign=campaign,
            hero_image=image,
        ),
        "old": factories.ArticlePageFactory(
            parent=department,
            title="Tổng kết năm học 2023–2024",
            date=datetime.date(2024, 6, 30),
            campaign=campaign,
            tags=[tag],
        ),
    }
    private = factories.ArticlePageFactory(
        parent=department,
        title="Danh sách đoàn viên được hỗ trợ khó khăn",
        date=datetime.date(2025, 11, 21),
        campaign=campaign,
        tags=[tag],
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {
        "home": home_page,
        "news": news_index,
        "department": department,
        "campaign": campaign,
        "tag": tag,
        "image": image,
        "articles": articles,
        "private": private,
    }


def translate(page, language="en"):
    """The page's English translation, published (its parents are translated as needed)."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    )
    translation.save_revision().publish()
    return translation
