"""Mark the Wagtail pages a reader may be served from the page cache."""

from wagtail import hooks


@hooks.register("on_serve_page")
def mark_cacheable_page(serve_chain):
    """Runs after Wagtail's view-restriction check let the reader in; previews never get here."""

    def serve(page, request, *args, **kwargs):
        if getattr(request, "_perf_cache_candidate", False) and not page.get_view_restrictions():
            request._perf_cache_page = page
        return serve_chain(page, request, *args, **kwargs)

    return serve
