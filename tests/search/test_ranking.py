"""What a page is found by beyond its own fields, how results are ranked, and who may see them."""

import datetime
import functools
import html
import re

import pytest

from django.contrib.auth.models import Group
from django.utils import translation

from wagtail.models import PageViewRestriction

from cms.text import slugify_vi
from tests import factories


def paragraph(text):
    return [("paragraph", factories.paragraph_html(text))]


def offered_options(response, name):
    """The options of the filter ``name`` as the reader sees them: value -> label."""
    page = response.content.decode()
    select = re.search(rf'<select[^>]* name="{name}">(.*?)</select>', page, re.S).group(1)
    return {
        html.unescape(value): html.unescape(label)
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    }


def found(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return [page.pk for page in response.context["results"]]


@pytest.fixture
def teachers(home_page, news_index, exemplar_index, department):
    bright = factories.ExemplarCategoryFactory(name="Gương sáng nhà giáo", description="")
    good = factories.ExemplarCategoryFactory(name="Người tốt việc tốt", description="")
    # Each profile's unit is fixed: the factory's unit cycles through the faculties across the
    # whole run, and "Khoa Toán – Tin" on another profile would rightly match "khoa toan".
    profile = functools.partial(factories.ExemplarPageFactory, unit="Phòng Đào tạo")
    pages = {
        "bright-2024": profile(
            parent=department,
            title="Phan Thu Hà",
            category=bright,
            citation="Hai mươi năm đứng lớp",
            year_recognised=2024,
        ),
        "bright-2024-b": profile(
            parent=exemplar_index,
            title="Trịnh Văn Quang",
            category=bright,
            citation="Người thầy của sinh viên vùng cao",
            year_recognised=2024,
        ),
        "bright-2023": profile(
            parent=exemplar_index,
            title="Lý Thị Mai",
            category=bright,
            citation="Tận tụy với học trò",
            year_recognised=2023,
        ),
        "good-2024": profile(
            parent=exemplar_index,
            title="Hồ Văn Sơn",
            category=good,
            citation="Nhặt được của rơi trả lại người mất",
            year_recognised=2024,
        ),
        # An article about the same subject and year, richer in the words than any profile.
        "article-2024": factories.ArticlePageFactory(
            parent=news_index,
            title="Tôn vinh gương sáng nhà giáo năm 2024",
            lead="Gương sáng nhà giáo 2024: nhà giáo tiêu biểu, gương sáng của nhà trường.",
            body=paragraph("Lễ tôn vinh gương sáng nhà giáo."),
            date=datetime.date(2024, 11, 20),
        ),
    }
    return pages


def names(pages, pks):
    by_pk = {page.pk: name for name, page in pages.items()}
    return [by_pk.get(pk, pk) for pk in pks]


@pytest.mark.parametrize(
    "query", ["guong sang nha giao 2024", "gương sáng nhà giáo 2024", "GUONG SANG NHA GIAO 2024"]
)
def test_a_category_and_year_find_that_years_profiles_first(client, teachers, query):
    results = names(teachers, found(client, q=query))
    assert set(results[:2]) == {"bright-2024", "bright-2024-b"}
    assert "bright-2023" not in results and "good-2024" not in results
    assert "article-2024" in results


def test_a_profile_is_found_by_its_department_and_year(client, teachers, department):
    assert names(teachers, found(client, q="khoa toan 2024")) == ["bright-2024"]
    teachers["department"] = department
    results = names(teachers, found(client, q="Công đoàn Khoa Toán"))
    assert sorted(results) == ["bright-2024", "department"]


def test_when_no_page_has_every_word_pages_with_all_but_one_are_shown(client, teachers):
    response = client.get("/tim-kiem/", {"q": "guong sang nha giao 2024 xylophone"})
    results = names(teachers, [page.pk for page in response.context["results"]])
    assert set(results[:2]) == {"bright-2024", "bright-2024-b"}
    assert response.context["partial"]
    assert 'class="result-note"' in response.content.decode()
    # Two words of which one is unknown: nothing rather than a page with one word.
    assert found(client, q="tôn xylophone") == []


def test_tags_are_searchable_as_soon_as_they_change(client, news_index):
    article = factories.ArticlePageFactory(parent=news_index, title="Hội diễn văn nghệ")
    assert found(client, q="an sinh") == []
    article.tags.add("an sinh xã hội")
    article.save()
    assert found(client, q="an sinh") == [article.pk]
    tag = article.tags.get()
    tag.name = "phúc lợi"
    tag.save()
    assert found(client, q="phuc loi") == [article.pk]
    assert found(client, q="an sinh") == []
    article.tags.clear()
    article.save()
    assert found(client, q="phuc loi") == []


def test_a_renamed_category_is_searchable_at_once(client, exemplar_index):
    category = factories.ExemplarCategoryFactory(name="Cán bộ tiêu biểu", description="")
    profile = factories.ExemplarPageFactory(parent=exemplar_index, category=category)
    category.name = "Chiến sĩ thi đua"
    category.save()
    assert found(client, q="chien si thi dua") == [profile.pk]


def test_members_only_pages_and_their_children_are_never_found(client, home_page, news_index):
    public = factories.StandardPageFactory(parent=home_page, title="Quy chế chi tiêu công khai")
    login_only = factories.StandardPageFactory(parent=home_page, title="Quy chế chi tiêu nội bộ")
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    child = factories.StandardPageFactory(parent=login_only, title="Quy chế chi tiêu phụ lục")
    groups_only = factories.StandardPageFactory(parent=home_page, title="Quy chế chi tiêu mật")
    restriction = PageViewRestriction.objects.create(
        page=groups_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Đoàn viên thử"))
    password = factories.StandardPageFactory(parent=home_page, title="Quy chế chi tiêu khóa")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert found(client, q="quy che chi tieu") == [public.pk]
    assert child.pk not in found(client, q="phu luc")


def selected(response, name):
    """The values the filter ``name`` shows as chosen."""
    page = response.content.decode()
    select = re.search(rf'<select[^>]* name="{name}">(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_the_form_shows_the_chosen_filters_and_only_them(client, news_index, department):
    factories.ArticlePageFactory(
        parent=department, title="Hội nghị người lao động", date=datetime.date(2024, 3, 8)
    )
    query = {"q": "hoi nghi", "loai": "bai-viet", "nam": "2024", "sap-xep": "moi-nhat"}
    response = client.get("/tim-kiem/", {**query, "don-vi": str(department.pk)})
    assert selected(response, "loai") == ["bai-viet"]
    assert selected(response, "nam") == ["2024"]
    assert selected(response, "sap-xep") == ["moi-nhat"]
    assert selected(response, "don-vi") == [str(department.pk)]
    assert selected(response, "chien-dich") == selected(response, "the") == []
    assert offered_options(response, "nam")["2024"] == "2024"
    # The next reader's choice is marked on the same kept lists; an unknown value marks nothing.
    other = client.get("/tim-kiem/", {"q": "hoi nghi", "nam": "1999", "loai": "<b>"})
    assert selected(other, "nam") == selected(other, "loai") == []
    assert selected(other, "sap-xep") == ["lien-quan"]


def test_type_filter_offers_each_type_there_is(client, home_page, news_index, department):
    factories.ArticlePageFactory(parent=news_index, title="Hội nghị cán bộ")
    standard = factories.StandardPageFactory(parent=home_page, title="Hội nghị thường niên")
    response = client.get("/tim-kiem/", {"q": "hoi nghi"})
    offered = offered_options(response, "loai")
    assert offered["bai-viet"] == "Bài viết"
    assert offered["cong-doan"] == "Công đoàn bộ phận"
    assert "trang-noi-dung" in offered and "guong-sang" not in offered  # no profile yet
    assert found(client, q="hoi nghi", loai="trang-noi-dung") == [standard.pk]


def test_documents_are_found_by_number_title_and_summary(client, home_page):
    from tests.library.factories import DocumentLibraryPageFactory, DocumentPageFactory

    library = DocumentLibraryPageFactory(parent=home_page)
    plan = DocumentPageFactory(
        parent=library,
        title="Kế hoạch truyền thông công đoàn giai đoạn 2023 – 2028",
        number="15/KH-CĐT",
        summary="Nhiệm vụ và giải pháp truyền thông cho cán bộ, nhà giáo, người lao động.",
        files=[],
    )
    for query in ("15/KH-CĐT", "15/kh-cdt", "ke hoach truyen thong", "giải pháp truyền thông"):
        assert found(client, q=query) == [plan.pk], query
    offered = offered_options(client.get("/tim-kiem/", {"q": "x"}), "loai")
    # Offered under the slug of its Vietnamese plural name, whatever the catalogue says it is.
    with translation.override("vi"):
        name = str(type(plan)._meta.verbose_name_plural)
    key = slugify_vi(name)
    assert offered[key] == name.capitalize()
    assert found(client, q="truyen thong", loai=key) == [plan.pk]
    assert found(client, q="truyen thong", loai=key, nam="2025") == [plan.pk]
    assert found(client, q="truyen thong", loai=key, nam="2024") == []


def test_a_moved_page_is_found_under_its_new_department(client, news_index, department):
    article = factories.ArticlePageFactory(parent=news_index, title="Tập huấn sơ cấp cứu")
    assert found(client, q="so cap cuu", **{"don-vi": str(department.pk)}) == []
    article.move(department, pos="last-child")
    assert found(client, q="so cap cuu", **{"don-vi": str(department.pk)}) == [article.pk]
    assert found(client, q="so cap cuu khoa toan") == [article.pk]
    response = client.get("/tim-kiem/", {"q": "so cap cuu"})
    assert "Khoa Toán" in response.content.decode()


def test_a_word_found_everywhere_is_ranked_among_its_newest_pages(
    client, news_index, monkeypatch, settings
):
    from search import engine

    settings.SEARCH_KEEP_MATCHES = False  # the second search runs with fewer candidates

    pages = [
        factories.ArticlePageFactory(parent=news_index, title=f"Hội thao {i}") for i in range(5)
    ]
    assert sorted(found(client, q="hoi thao")) == sorted(page.pk for page in pages)
    monkeypatch.setattr(engine, "CANDIDATES", 3)
    assert sorted(found(client, q="hoi thao")) == sorted(page.pk for page in pages[2:])
