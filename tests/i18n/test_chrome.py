"""Every page type in English shows no Vietnamese label the project wrote (header, footer,
headings, buttons, labels), and in Vietnamese shows the Vietnamese ones."""

import re

import pytest

from wagtail.models import Locale

from cms.models import SiteText
from tests import factories
from tests.i18n.conftest import publish_translation
from tests.utils import soup

# What the templates write around the content, not what editors typed.
CHROME = ", ".join(
    [
        ".site-header",
        ".site-footer",
        ".breadcrumbs",
        ".skip-link",
        "main label",
        "main button",
        "main dt",
        "main .kicker",
        "main .empty",
        "main .result-count",
        "main .section__title",
        "main .section__more",
        "main .share__label",
        "main .tags__heading",
        "main .status",
        "main .campaign__dates",
        "main .contact-card__title",
        "main .profile__story-title",
        "main .pagination",
        "main .countdown__text",
        "main option[value='']",
    ]
)
VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def chrome_text(response):
    document = soup(response)
    for switcher in document.select(".language-links"):
        switcher.decompose()  # "Tiếng Việt" is the name of the other language, on purpose
    for example in document.select("main .empty em"):
        example.decompose()  # sample Vietnamese queries on the empty search page, on purpose
    return " ".join(" ".join(node.get_text(" ").split()) for node in document.select(CHROME))


@pytest.fixture
def site(home_page, news_index, exemplar_index, campaign_index, department_index):
    """One page of every type in Vietnamese, all translated to English and published."""
    english = Locale.objects.get(language_code="en")
    SiteText.objects.create(
        locale=Locale.get_default(), union_name="Công đoàn Trường Đại học Sơn Hà"
    )
    SiteText.objects.create(
        locale=english, union_name="Son Ha University Trade Union", tagline="Care and share"
    )
    tag = factories.TagFactory(name="An toàn lao động")
    department = factories.DepartmentPageFactory(
        parent=department_index,
        title="Công đoàn Khoa Toán – Tin",
        short_name="",
        chair_name="Nguyễn Quốc Bảo",
        email="toan@truong.edu.vn",
        phone="0123 456 789",
        office="Phòng A2-301",
    )
    campaign = factories.CampaignPageFactory(parent=campaign_index)
    article = factories.ArticlePageFactory(parent=news_index, campaign=campaign)
    article.tags.add(tag)
    article.save_revision().publish()
    exemplar = factories.ExemplarPageFactory(parent=exemplar_index)
    standard = factories.StandardPageFactory(parent=home_page, title="Giới thiệu")
    pages = {
        "home": home_page,
        "campaign_index": campaign_index,
        "campaign": campaign,
        "news_index": news_index,
        "article": article,
        "exemplar_index": exemplar_index,
        "exemplar": exemplar,
        "department_index": department_index,
        "department": department,
        "standard": standard,
    }
    translated = {}
    for number, (name, page) in enumerate(pages.items()):
        translated[name] = publish_translation(
            page, english, title=f"English {name.replace('_', ' ')} {number}"
        )
    # wagtail-localize points a translation at the translated campaign and category; a plain
    # copy does not.
    translated["article"].campaign = translated["campaign"]
    translated["article"].save_revision().publish()
    category = translated["exemplar"].category
    if category is not None:
        english_category = category.copy_for_translation(english)
        english_category.name = "Good people, good deeds"
        english_category.save()
        translated["exemplar"].category = english_category
        translated["exemplar"].save_revision().publish()
    return pages, translated, tag


@pytest.mark.django_db
def test_english_pages_show_no_vietnamese_labels(client, site):
    _, translated, tag = site
    urls = [page.url for page in translated.values()]
    urls += [f"/en/tag/{tag.slug}/", "/en/search/?q=union", "/en/search/", "/en/_util/login/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup(response).html["lang"] == "en", url
        text = chrome_text(response)
        assert "Son Ha University Trade Union" in text, url
        found = sorted(set(VIETNAMESE.findall(text)))
        assert not found, f"{url}: Vietnamese in the English chrome: {text}"


@pytest.mark.django_db
def test_english_not_found_page(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    text = chrome_text(response)
    assert not VIETNAMESE.search(text), text
    assert "This page cannot be found" in response.text


@pytest.mark.django_db
def test_vietnamese_pages_show_vietnamese_labels(client, site):
    pages, _, tag = site
    expected = {
        "home": ["Bỏ qua đến nội dung chính", "Tin tức", "Chuyên mục", "Danh mục"],
        "news_index": ["Gương sáng", "Chiến dịch", "Công đoàn bộ phận"],
        "article": ["Chia sẻ bài này", "Chủ đề", "Bài viết thuộc chiến dịch"],
        "exemplar_index": ["Danh hiệu", "Tất cả đơn vị", "Lọc"],
        "exemplar": ["Năm được ghi nhận", "Câu chuyện"],
        "campaign_index": ["Danh mục"],
        "campaign": ["Từ", "đến"],
        "department": ["Liên hệ", "Chủ tịch công đoàn bộ phận", "Thư điện tử", "Văn phòng"],
        "department_index": ["Chủ tịch: Nguyễn Quốc Bảo"],
    }
    for name, labels in expected.items():
        response = client.get(pages[name].url)
        assert response.status_code == 200
        assert soup(response).html["lang"] == "vi"
        text = " ".join(soup(response).get_text(" ").split())
        for label in labels:
            assert label in text, (name, label)
    for english in ["Skip to main content", "Share this", "Year recognised", "Latest news"]:
        assert english not in client.get(pages["home"].url).text


def chrome_attributes(response):
    """aria-label, placeholder and title attributes, and the alt text of the site's own images
    (logo, icons): words the templates write that a reader hears or sees on hovering."""
    document = soup(response)
    for switcher in document.select(".language-links"):
        switcher.decompose()
    values = []
    for node in document.select("[aria-label], [placeholder], [title]"):
        if node.name in ("link", "meta", "abbr"):
            continue
        values += [node.get(name) for name in ("aria-label", "placeholder", "title")]
    values += [img.get("alt") for img in document.select(".site-header img, .site-footer img")]
    return [value for value in values if value]


@pytest.mark.django_db
def test_english_pages_have_no_vietnamese_attributes_or_descriptions(client, site):
    _, translated, tag = site
    urls = [page.url for page in translated.values()]
    urls += [f"/en/tag/{tag.slug}/", "/en/search/?q=union", "/en/search/", "/en/_util/login/"]
    for url in urls:
        response = client.get(url)
        found = [value for value in chrome_attributes(response) if VIETNAMESE.search(value)]
        # Page titles typed by editors may appear in labels ("Share …"); none are Vietnamese
        # here except the tag's own name.
        found = [value for value in found if tag.name not in value]
        assert not found, f"{url}: {found}"
    description = soup(client.get(f"/en/tag/{tag.slug}/")).select_one("meta[name=description]")
    assert VIETNAMESE.search(description["content"].replace(tag.name, "")) is None
