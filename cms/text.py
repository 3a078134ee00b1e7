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
