"""Vietnamese text helpers: one folding function for slugs and search alike."""

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text):
    """Plain lower-case ASCII letters for Vietnamese text: "Đặng Thị Hường" -> "dang thi huong".

    Strips tone and vowel marks by decomposition, and maps đ/Đ, which Unicode does not decompose.
    """
    decomposed = unicodedata.normalize("NFD", str(text).translate(_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify_vi(text, max_length=255):
    """A readable ASCII slug: "Công đoàn Khoa Toán" -> "cong-doan-khoa-toan"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")


# Vietnamese alphabetical order, with the letters Vietnamese borrows (f, j, w, z) where the
# Latin alphabet has them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=20)}
# Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_sort_key(text):
    """A key that sorts Vietnamese text alphabetically: A Ă Â B C D Đ E Ê … Y, then by tone.

    Letters decide first (a < ă < â, d < đ, words before longer words); tones only break ties
    (ma < mà < mả < mã < má < mạ), and case last.
    """
    letters, tones, cases = [], [], []
    for char in unicodedata.normalize("NFC", str(text)):
        lower = char.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        tone = 0
        marks = ""
        for mark in decomposed[1:]:
            if mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
            else:
                marks += mark
        letter = unicodedata.normalize("NFC", decomposed[0] + marks)
        if letter.isspace() or letter in "-–—,.;:/()":
            rank = 0
        elif letter.isdigit():
            rank = 1 + int(letter) if letter.isascii() else 11
        else:
            rank = _LETTER_RANK.get(letter, 100 + ord(letter))
        letters.append(rank)
        tones.append(tone)
        cases.append(char != lower)
    return tuple(letters), tuple(tones), tuple(cases)


def vi_name_sort_key(full_name):
    """Vietnamese order for people: by given name (the last word), then family and middle names.

    "Trần Văn Bình" sorts under B, before "Nguyễn Thị Cúc", as class and staff lists do.
    """
    words = str(full_name).split()
    if not words:
        return vi_sort_key("")
    return vi_sort_key(words[-1]), vi_sort_key(" ".join(words[:-1]))
