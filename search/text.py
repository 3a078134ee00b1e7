"""Query cleaning, folding and highlighting for the search page; all built on cms.text.fold.

Every query goes through ``clean_query`` once: NFC, no control characters or NUL, no double
quotes, at most MAX_QUERY_LENGTH characters. The engine only ever sees ``engine_query``: the
folded words (letters and digits) joined by spaces, at most MAX_TERMS of them, so operators,
quotes, parentheses, stars and SQL fragments never reach it and a long query cannot recurse.
"""

import functools
import re
import unicodedata
from html import escape  # Django's escape on a str, without its lazy wrapper: ~40 a page

from django.utils.safestring import mark_safe

from cms.text import fold

MAX_QUERY_LENGTH = 200  # characters of the cleaned query
MAX_TERMS = 12  # words passed to the engine; more only slows it (and hundreds recurse)
SNIPPET_LENGTH = 240  # characters around the first match

_WORD = re.compile(r"[^\W_]+")


def clean_query(raw):
    """Printable text only, at most MAX_QUERY_LENGTH characters, spaces collapsed.

    Double quotes go too: the SQLite backend wraps terms in quotes without escaping them,
    so one stray quote is an FTS5 syntax error (a 500).
    """
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = "".join(ch if ch.isprintable() and ch != '"' else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The words of a cleaned query as typed (lower case), at most MAX_TERMS, no repeats."""
    words = []
    for word in _WORD.findall(query.lower()):
        if word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def folded_terms(query):
    """The folded words of a query: "Đặng thị Hường" -> ["dang", "thi", "huong"]."""
    terms = []
    for word in query_words(query):
        for term in _WORD.findall(fold(word)):
            if term not in terms:
                terms.append(term)
    return terms[:MAX_TERMS]


def engine_query(query):
    """What the search engine is given: folded words only, never operators or quotes."""
    return " ".join(folded_terms(query))


def has_marks(query):
    """Whether a query was typed with Vietnamese marks (so exact matches can rank first)."""
    return any(word != fold(word) for word in query_words(query))


def matches_as_typed(text, words):
    """Every word of the query appears, marks and all, in ``text`` (case-insensitive)."""
    text = unicodedata.normalize("NFC", text)
    # The words (lower case) found as they are: found in the lowered text too, since lowering
    # leaves lower-case letters and the signs around them as they are. Most texts hold them
    # so, and lowering whole texts (40 a search) cost more than the rest of the check.
    if all(word in text for word in words) and all(_word_in(w, text) for w in words):
        return True
    lowered = text.lower()
    # A plain substring test first: most texts lack some word, and it is far cheaper.
    return all(word in lowered for word in words) and all(_word_in(w, lowered) for w in words)


def _word_in(word, text):
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None


@functools.lru_cache(maxsize=8192)
def _fold_char(ch):
    folded = fold(ch)
    return folded if len(folded) == 1 else " "


class _FoldTable(dict):
    """``str.translate``'s table of ``_fold_char``: each character folded once per process,
    then looked up without a Python call (a snippet is folded in 60% of the time)."""

    def __missing__(self, code):
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text):
    """``fold(text)`` one character per character, so positions map back to ``text``."""
    return text.translate(_FOLD_TABLE)


def _spans(folded_text, terms, prefix=False):
    spans = []
    for number, term in enumerate(terms):
        # The last term as a word's start: the whole word it starts is marked.
        end = r"[^\W_]*" if prefix and number == len(terms) - 1 else r"(?![^\W_])"
        pattern = re.compile(rf"(?<![^\W_]){re.escape(term)}{end}")
        spans.extend(match.span() for match in pattern.finditer(folded_text))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, query, length=SNIPPET_LENGTH, prefix=False, terms=None):
    """An escaped snippet of ``text`` around the first match, matched words in <mark>.

    Matching is done on the folded text, so "nguoi" marks "người"; the marked words are
    shown as written (``prefix``: the last word of the query marks the words it starts).
    ``terms``: ``folded_terms(query)``, when the caller has them already (a page of results).
    Only escaped text and our own <mark> tags are marked safe.
    """
    text = " ".join(unicodedata.normalize("NFC", str(text or "")).split())
    if not text:
        return ""
    folded = fold_aligned(text)
    spans = _spans(folded, folded_terms(query) if terms is None else terms, prefix=prefix)
    start = 0
    if spans and len(text) > length:
        start = max(0, spans[0][0] - length // 4)
        space = text.rfind(" ", 0, start)
        start = space + 1 if start and space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
