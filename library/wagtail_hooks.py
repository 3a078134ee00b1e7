from django.http import Http404

from wagtail import hooks
from wagtail.wagtail_hooks import require_wagtail_login

from library.privacy import reader_may_open


@hooks.register("before_serve_document")
def keep_members_files_private(document, request):
    """A file of a members-only document page needs the same login as the page."""
    if reader_may_open(document, request) is False:
        if not request.user.is_authenticated:
            return require_wagtail_login(next=request.get_full_path())
        raise Http404
