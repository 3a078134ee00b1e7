"""Files of members-only document pages stay members-only, wherever their link is opened.

A document attached to library pages is served only when at least one of those pages is live
and open to the reader; otherwise an anonymous reader is sent to the login page and a logged-in
one without access gets 404. The API lists only files attached to live public pages (or to no
library page at all), and Wagtail's collection privacy applies on top of both.
"""

from wagtail.models import Page

from members.visibility import visible_to


def library_page_ids(document):
    from library.models import DocumentPageFile

    return list(
        DocumentPageFile.objects.filter(document=document).values_list("page_id", flat=True)
    )


def reader_may_open(document, request):
    """None when ``document`` is in no library page, else whether the reader may open it."""
    page_ids = library_page_ids(document)
    if not page_ids:
        return None
    pages = Page.objects.filter(pk__in=page_ids).live()
    return visible_to(pages, request).exists()


def private_document_ids():
    """Documents attached only to library pages that are not live and public."""
    from library.models import DocumentPage, DocumentPageFile

    public_pages = DocumentPage.objects.live().public().values("pk")
    attached = DocumentPageFile.objects.values("document_id")
    shown = DocumentPageFile.objects.filter(page_id__in=public_pages).values("document_id")
    return attached.exclude(document_id__in=shown)
