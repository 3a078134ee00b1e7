"""The library and a document page run a fixed number of queries, however many documents.

Each is measured with 5 and with 40 documents (each with a file and tags, every fifth
members-only), for an anonymous reader and for a member; the counts must be equal and within
the budget.
"""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.library.factories import (
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    make_members_only,
    member,
)

# Measured in November 2026 for an anonymous reader; about seven of each are the site's own
# (site, page routing, settings, header and footer). A member's session, account, groups,
# permissions and the restrictions they pass add up to eight more.
BUDGETS = {"library": 14, "library_search": 13, "document": 12}
MEMBER_EXTRA = 8


def add_documents(library, start, stop):
    pages = [
        DocumentPageFactory(
            parent=library,
            title=f"Văn bản số {i:03d}",
            date_issued=datetime.date(2020 + i % 6, 1 + i % 12, 1),
            issuer=f"Cơ quan {i % 4}",
            tags=["truyền thông", f"chủ đề {i % 3}"],
        )
        for i in range(start, stop)
    ]
    for page in pages[::5]:
        make_members_only(page)
    return pages


def count(client, url, params=None):
    client.get(url, params)  # warm the caches every request shares (site root, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_member", [False, True], ids=["anonymous", "member"])
def test_query_counts_do_not_grow_with_documents(
    client, django_user_model, settings, home_page, as_member
):
    settings.PAGE_CACHE_ENABLED = False
    library = DocumentLibraryPageFactory(parent=home_page)
    document = add_documents(library, 0, 5)[1]
    if as_member:
        client.force_login(member(django_user_model))
    counts = {}
    for n in (5, 40):
        if n > 5:
            add_documents(library, 5, n)
        counts[n] = {
            "library": count(client, library.url),
            "library_search": count(client, library.url, {"q": "văn bản", "loai": "ke-hoach"}),
            "document": count(client, document.url),
        }
    assert counts[5] == counts[40]
    for name, budget in BUDGETS.items():
        allowed = budget + (MEMBER_EXTRA if as_member else 0)
        assert counts[40][name] <= allowed, (name, counts[40][name])
