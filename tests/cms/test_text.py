"""cms.text: every Vietnamese letter folds to its plain ASCII letter, for slugs and search."""

import unicodedata

import pytest

from cms.text import fold, slugify_vi

# The Vietnamese vowels as typed, each with no tone and the five tones
# (sắc, huyền, hỏi, ngã, nặng), keyed by the plain letter a reader types without diacritics.
VOWELS = {
    "a": ["aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ"],
    "e": ["eéèẻẽẹ", "êếềểễệ"],
    "i": ["iíìỉĩị"],
    "o": ["oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ"],
    "u": ["uúùủũụ", "ưứừửữự"],
    "y": ["yýỳỷỹỵ"],
}

LETTERS = [
    (letter, plain)
    for plain, series in VOWELS.items()
    for forms in series
    for lower in forms
    for letter in (lower, lower.upper())
] + [("đ", "d"), ("Đ", "d")]


def test_the_alphabet_table_is_complete():
    # 12 vowels (a ă â e ê i o ô ơ u ư y) x 6 tone forms x 2 cases, plus đ and Đ.
    assert len({letter for letter, _ in LETTERS}) == 12 * 6 * 2 + 2
    assert all(len(letter) == 1 for letter, _ in LETTERS)


@pytest.mark.parametrize(("letter", "plain"), LETTERS)
def test_fold_strips_tone_and_vowel_marks(letter, plain):
    assert fold(letter) == plain


@pytest.mark.parametrize(("letter", "plain"), LETTERS)
def test_fold_handles_decomposed_input(letter, plain):
    # Some keyboards and copy-paste from PDFs send the base letter plus combining marks.
    assert fold(unicodedata.normalize("NFD", letter)) == plain


@pytest.mark.parametrize(("letter", "plain"), LETTERS)
def test_slugify_vi_gives_the_plain_letter(letter, plain):
    assert slugify_vi(f"x {letter} x") == f"x-{plain}-x"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng Thị Hường", "dang thi huong"),
        ("NGUYỄN QUỐC BẢO", "nguyen quoc bao"),
        ("Trưởng ban Tuyên giáo – Truyền thông", "truong ban tuyen giao – truyen thong"),
        ("Gương người tốt, việc tốt", "guong nguoi tot, viec tot"),
    ],
)
def test_fold_keeps_words_and_punctuation(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Công đoàn Khoa Toán", "cong-doan-khoa-toan"),
        ("Tri ân Ngày Nhà giáo Việt Nam 20/11", "tri-an-ngay-nha-giao-viet-nam-20-11"),
        ("  Tháng Công nhân – An toàn lao động!  ", "thang-cong-nhan-an-toan-lao-dong"),
        ("Đoàn viên ĐHSP", "doan-vien-dhsp"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify_vi(title, slug):
    assert slugify_vi(title) == slug


def test_slugify_vi_cuts_at_max_length_without_a_trailing_hyphen():
    slug = slugify_vi("Công đoàn Khoa Toán", max_length=10)
    assert slug == "cong-doan"
    assert len(slug) <= 10
