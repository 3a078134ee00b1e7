"""Mark the Wagtail pages a reader may be served from the page cache, and load what every
template of a page asks for in one go."""

from django.db.models import prefetch_related_objects

from wagtail import hooks


@hooks.register("on_serve_page")
def mark_cacheable_page(serve_chain):
    """Runs after Wagtail's view-restriction check let the reader in; previews never get here."""

    def serve(page, request, *args, **kwargs):
        if getattr(request, "_perf_cache_candidate", False) and not page.get_view_restrictions():
            request._perf_cache_page = page
        # The tag list, related articles, structured data and share text all read the page's
        # tags: one query for all of them.
        if hasattr(page, "tagged_items") and hasattr(page, "tags"):
            prefetch_related_objects([page], "tags")
        return serve_chain(page, request, *args, **kwargs)

    return serve
