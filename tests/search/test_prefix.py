"""The last word of a query may be a word still being typed: when no page holds every word
whole, it is looked for as the start of words ("nghiê" finds "nghiên cứu"). On SQLite (FTS5
"term"*) and PostgreSQL (to_tsquery 'term:*') alike; other backends match whole words only."""

import datetime

import pytest

from tests import factories, utils


@pytest.fixture
def pages(news_index):
    article = factories.ArticlePageFactory

    def make(title, day, **kwargs):
        page = article(
            parent=news_index,
            title=title,
            lead="Tin hoạt động của công đoàn trường.",
            date=datetime.date(2025, 3, day),
            **kwargs,
        )
        return page

    return {
        # The whole word "nghi", oldest: it still comes first for "nghi".
        "rest": make("Đoàn viên nghỉ mát ở Cửa Lò", 1),
        "research": make("Nghiên cứu khoa học của nữ giảng viên", 2),
        "career": make("Hội thảo nghề nghiệp cho sinh viên", 3),
        "green": make("Ngày hội sống xanh", 4),
        "far": make("Thăm đoàn viên ở xa", 5),
    }


def found(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response, [page.pk for page in response.context["results"]]


def test_the_last_word_is_also_the_start_of_words(client, pages):
    response, ids = found(client, q="nghien c")  # "c": too short to be a start
    assert ids == []
    response, ids = found(client, q="nghiên cứu kho")
    assert ids == [pages["research"].pk]
    assert "<mark>Nghiên</mark> <mark>cứu</mark> <mark>khoa</mark> học" in response.content.decode()
    # Folded like every word: typed with or without marks, in any case ("nghiên", "nghiệp").
    for query in ("NGHIÊ", "nghie", "Nghiê"):
        assert set(found(client, q=query)[1]) == {pages["research"].pk, pages["career"].pk}
    # Only the last word: "nghie cuu" is two whole words, and no page holds "nghie".
    assert found(client, q="nghie cuu")[1] == []


def test_pages_holding_the_whole_word_are_found_alone(client, pages):
    # "nghỉ" is the whole word "nghi": its page only, not the newer "nghiên" and "nghiệp".
    assert found(client, q="nghi")[1] == [pages["rest"].pk]
    assert set(found(client, q="nghie")[1]) == {pages["research"].pk, pages["career"].pk}


def test_a_start_of_one_or_two_letters_is_a_whole_word_only(client, pages):
    # "xa" (far) is a whole word in one title; "xanh" (green) is not found by it.
    assert found(client, q="xa")[1] == [pages["far"].pk]
    assert found(client, q="ng")[1] == []
    response, ids = found(client, q="ngh")  # three letters: a start ("nghỉ" too)
    assert set(ids) == {pages["rest"].pk, pages["research"].pk, pages["career"].pk}
    assert "Tìm thấy 3 kết quả" in utils.visible_text(response)


def test_starts_combine_with_filters(client, pages, exemplar_index):
    exemplar = factories.ExemplarPageFactory(parent=exemplar_index, title="Người mê nghiên cứu")
    assert found(client, q="nghie", loai="guong-sang")[1] == [exemplar.pk]
    assert set(found(client, q="nghie", loai="bai-viet")[1]) == {
        pages["research"].pk,
        pages["career"].pk,
    }
