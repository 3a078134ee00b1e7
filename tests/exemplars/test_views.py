"""The exemplar index's filters (danh-hieu, don-vi, nam) and its pagination (trang)."""

import pytest

from tests import factories, utils


@pytest.fixture
def exemplars(exemplar_index):
    teachers = factories.ExemplarCategoryFactory(name="Gương sáng nhà giáo", slug="nha-giao")
    good_deeds = factories.ExemplarCategoryFactory(name="Người tốt việc tốt", slug="viec-tot")
    people = {
        "lan": ("Nguyễn Thị Lan", teachers, "Khoa Ngữ văn", 2025),
        "binh": ("Trần Văn Bình", teachers, "Khoa Toán – Tin", 2026),
        "hoa": ("Lê Thị Hoa", good_deeds, "Khoa Ngữ văn", 2026),
        "duc": ("Phạm Minh Đức", good_deeds, "Phòng Đào tạo", 2024),
    }
    return {
        key: factories.ExemplarPageFactory(
            parent=exemplar_index, title=name, category=category, unit=unit, year_recognised=year
        )
        for key, (name, category, unit, year) in people.items()
    }


def shown(client, exemplar_index, exemplars, **query):
    response = client.get(exemplar_index.url, query)
    assert response.status_code == 200
    text = utils.visible_text(response)
    return {key for key, page in exemplars.items() if page.title in text}


def test_everyone_without_filters(client, exemplar_index, exemplars):
    assert shown(client, exemplar_index, exemplars) == {"lan", "binh", "hoa", "duc"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"danh-hieu": "nha-giao"}, {"lan", "binh"}),
        ({"danh-hieu": "viec-tot"}, {"hoa", "duc"}),
        ({"don-vi": "Khoa Ngữ văn"}, {"lan", "hoa"}),
        ({"nam": "2026"}, {"binh", "hoa"}),
        ({"danh-hieu": "nha-giao", "nam": "2026"}, {"binh"}),
        ({"danh-hieu": "viec-tot", "don-vi": "Khoa Ngữ văn", "nam": "2026"}, {"hoa"}),
        ({"danh-hieu": "khong-co"}, set()),
        ({"don-vi": "Khoa Không Tồn Tại"}, set()),
        ({"nam": "1990"}, set()),
    ],
)
def test_filters(client, exemplar_index, exemplars, query, expected):
    assert shown(client, exemplar_index, exemplars, **query) == expected


@pytest.mark.parametrize("year", ["abc", "2026abc", "-1", "20 26", "\x00"])
def test_bad_year_is_ignored(client, exemplar_index, exemplars, year):
    assert shown(client, exemplar_index, exemplars, nam=year) == {"lan", "binh", "hoa", "duc"}


@pytest.mark.parametrize("name", ["danh-hieu", "don-vi", "nam"])
@pytest.mark.parametrize("value", ["\x00", "Khoa\x00Toán", "' OR 1=1 --", "x" * 2000, "9" * 40])
def test_hostile_filter_values_never_error(client, exemplar_index, exemplars, name, value):
    response = client.get(exemplar_index.url, {name: value})
    assert response.status_code == 200


def test_filters_say_what_they_found(client, exemplar_index, exemplars):
    response = client.get(exemplar_index.url, {"danh-hieu": "nha-giao"})
    assert response.context["exemplars"].paginator.count == 2
    assert "Có 2 gương sáng phù hợp." in utils.visible_text(response)


def test_filter_lists_offer_the_categories_units_and_years_in_use(
    client, exemplar_index, exemplars
):
    response = client.get(exemplar_index.url)
    assert list(response.context["years"]) == [2026, 2025, 2024]
    assert list(response.context["units"]) == ["Khoa Ngữ văn", "Khoa Toán – Tin", "Phòng Đào tạo"]
    assert {c.slug for c in response.context["categories"]} >= {"nha-giao", "viec-tot"}


@pytest.mark.parametrize("trang", ["2", "999", "0", "-3", "abc", "1.5", "", "\x00", "9" * 40])
def test_page_parameter_never_errors(client, exemplar_index, trang):
    category = factories.ExemplarCategoryFactory()
    for i in range(13):
        factories.ExemplarPageFactory(
            parent=exemplar_index, title=f"Gương sáng số {i:02d}", category=category
        )
    response = client.get(exemplar_index.url, {"trang": trang})
    assert response.status_code == 200
    page_obj = response.context["exemplars"]
    assert page_obj.paginator.num_pages == 2
    assert page_obj.number in (1, 2)
    assert len(page_obj.object_list) >= 1


def test_out_of_range_page_shows_the_last_one(client, exemplar_index):
    category = factories.ExemplarCategoryFactory()
    for i in range(13):
        factories.ExemplarPageFactory(
            parent=exemplar_index, title=f"Gương sáng số {i:02d}", category=category
        )
    last = client.get(exemplar_index.url, {"trang": "2"})
    beyond = client.get(exemplar_index.url, {"trang": "50"})
    assert beyond.context["exemplars"].number == 2
    assert list(beyond.context["exemplars"]) == list(last.context["exemplars"])
    assert "Trang 2/2" in utils.visible_text(beyond)
