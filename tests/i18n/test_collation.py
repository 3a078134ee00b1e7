"""Names are listed in Vietnamese alphabetical order (A Ă Â B C D Đ E Ê …), tones last."""

import random

import pytest

from cms.text import vi_name_sort_key, vi_sort_key
from tests import factories
from tests.utils import soup

# Ten names in Vietnamese dictionary order. Byte order (and most SQL collations) puts
# Ă, Â, Đ, Ê, Ô, Ơ, Ư after Z, and "Ánh" after "Anh" after "An" is right only by accident.
TEN_NAMES = [
    "An",
    "Anh",
    "Ánh",
    "Ăn",
    "Âu",
    "Dũng",
    "Đào",
    "Ê Đê",
    "Ơn",
    "Ưng",
]


def test_ten_names_in_vietnamese_order():
    shuffled = TEN_NAMES[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=vi_sort_key) == TEN_NAMES
    assert sorted(shuffled) != TEN_NAMES  # what code-point order would give


def test_tones_break_ties_in_dictionary_order():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=vi_sort_key) == tones
    # letters decide before tones: "má" before "mác", "Hà Nam" (two words) before "Hàn"
    assert sorted(["mác", "má"], key=vi_sort_key) == ["má", "mác"]
    assert sorted(["Hàn", "Hà Nam"], key=vi_sort_key) == ["Hà Nam", "Hàn"]


def test_case_and_composition_do_not_matter():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Đặng")
    assert vi_sort_key(decomposed)[:2] == vi_sort_key("đặng")[:2]


def test_people_sort_by_given_name():
    people = ["Nguyễn Văn Bình", "Trần Thị Ánh", "Lê Đức", "Phạm Thu Hà", "Đỗ Văn An"]
    assert sorted(people, key=vi_name_sort_key) == [
        "Đỗ Văn An",
        "Trần Thị Ánh",
        "Nguyễn Văn Bình",
        "Lê Đức",
        "Phạm Thu Hà",
    ]


@pytest.mark.django_db
def test_department_list_is_in_vietnamese_order(client, department_index):
    titles = ["Công đoàn Khoa Ưng dụng", "Công đoàn Khoa Điện", "Công đoàn Khoa Dược"]
    titles += ["Công đoàn Khoa Âm nhạc", "Công đoàn Khoa Anh văn"]
    for title in titles:
        factories.DepartmentPageFactory(
            parent=department_index, title=title, short_name="", email="cd@truong.edu.vn"
        )
    response = client.get(department_index.url)
    shown = [" ".join(h.get_text().split()) for h in soup(response).select("main .card__title")]
    assert shown == sorted(titles, key=vi_sort_key)
    assert shown[:3] == ["Công đoàn Khoa Anh văn", "Công đoàn Khoa Âm nhạc", "Công đoàn Khoa Dược"]


@pytest.mark.django_db
def test_exemplars_of_a_year_by_given_name(client, exemplar_index):
    names = ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Dũng", "Phạm Thị An", "Vũ Hải Ân"]
    for name in names:
        factories.ExemplarPageFactory(parent=exemplar_index, title=name, year_recognised=2025)
    response = client.get(exemplar_index.url)
    shown = [" ".join(h.get_text().split()) for h in soup(response).select("main .card__title")]
    assert shown == ["Phạm Thị An", "Nguyễn Thị Ánh", "Vũ Hải Ân", "Lê Văn Dũng", "Trần Văn Đức"]
