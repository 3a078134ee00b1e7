"""cms.text.fold on every marked Vietnamese letter, and the search page's query helpers."""

import unicodedata

import pytest

from cms.text import fold
from search.text import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    clean_query,
    engine_query,
    folded_terms,
    has_marks,
    highlight,
    matches_as_typed,
)

# The 67 lower-case marked letters of Vietnamese, grouped by the ASCII letter they fold to.
MARKED = {
    "a": "àáảãạăằắẳẵặâầấẩẫậ",
    "e": "èéẻẽẹêềếểễệ",
    "i": "ìíỉĩị",
    "o": "òóỏõọôồốổỗộơờớởỡợ",
    "u": "ùúủũụưừứửữự",
    "y": "ỳýỷỹỵ",
    "d": "đ",
}
LETTERS = [(letter, plain) for plain, letters in MARKED.items() for letter in letters]
ALL_LETTERS = LETTERS + [(letter.upper(), plain) for letter, plain in LETTERS]


def test_the_list_has_all_134_letters():
    assert len({letter for letter, _ in ALL_LETTERS}) == 134


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_fold_every_marked_letter(form):
    wrong = {
        letter: fold(unicodedata.normalize(form, letter))
        for letter, plain in ALL_LETTERS
        if fold(unicodedata.normalize(form, letter)) != plain
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng Thị Hường", "dang thi huong"),
        ("GƯƠNG NGƯỜI TỐT VIỆC TỐT", "guong nguoi tot viec tot"),
        ("Công đoàn", "cong doan"),
        ("đường", "duong"),
        ("20/11", "20/11"),
    ],
)
def test_fold_words(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_clean_query_normalises_and_drops_control_characters():
    assert clean_query(unicodedata.normalize("NFD", "người")) == "người"
    assert clean_query('  "bóng\x00bàn"\x1b[31m \u200b ') == "bóng bàn [31m"
    assert clean_query(None) == ""
    assert len(clean_query("a" * 2000)) == MAX_QUERY_LENGTH


@pytest.mark.parametrize(
    ("raw", "engine"),
    [
        ("Đặng thi Hường", "dang thi huong"),
        ("20/11", "20 11"),
        ("bóng AND bàn OR NOT", "bong and ban or not"),
        ("NEAR(bóng* -bàn) ^x title:y", "near bong ban x title y"),
        ("' OR 1=1 --", "or 1"),
        ('*** () " - % _ \\', ""),
        ("🏓 bóng bàn", "bong ban"),
        ("duong Đường ĐƯỜNG", "duong"),
    ],
)
def test_engine_query_is_folded_words_only(raw, engine):
    assert engine_query(clean_query(raw)) == engine


def test_engine_query_has_at_most_max_terms():
    words = " ".join(f"tu{i}" for i in range(300))
    assert len(folded_terms(clean_query(words))) == MAX_TERMS


def test_has_marks_and_exact_matching():
    assert has_marks("đường") and not has_marks("duong")
    assert matches_as_typed("Sửa ĐƯỜNG vào ký túc xá", ["đường"])
    assert not matches_as_typed("Thầy Dương Văn Nam", ["đường"])
    assert not matches_as_typed("người thầy", ["ngươi"])


def test_highlight_marks_folded_matches_as_written():
    assert highlight("Cô Đặng Thị Hường dạy", "dang thi huong") == (
        "Cô <mark>Đặng</mark> <mark>Thị</mark> <mark>Hường</mark> dạy"
    )
    assert highlight("Gương người tốt", "NGUOI") == "Gương <mark>người</mark> tốt"


def test_highlight_matches_whole_words_only():
    assert highlight("người nguội", "nguoi") == "<mark>người</mark> <mark>nguội</mark>"
    assert highlight("Ngày 20/11", "20/11") == "Ngày <mark>20</mark>/<mark>11</mark>"
    assert highlight("Giáo viên", "giao vi") == "<mark>Giáo</mark> viên"


def test_highlight_escapes_text_and_query():
    html = highlight("<script>alert(1)</script> người & việc", "<b>nguoi</b>")
    assert html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>người</mark> &amp; việc"


def test_highlight_cuts_around_the_first_match():
    text = "mở đầu " * 100 + "đoàn viên tiêu biểu " + "kết thúc " * 100
    html = highlight(text, "doan vien", length=80)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>đoàn</mark> <mark>viên</mark>" in html
    assert len(html) < 200
