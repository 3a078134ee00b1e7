"""Helpers shared by listing pages: pagination that never errors, and departments in bulk."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PER_PAGE = 12


def paginate(request, items, per_page=PER_PAGE, paginator=None):
    """The requested page of ``items`` (through ``paginator`` when given, e.g. one with a
    cached count); a bad or out-of-range number gives the first or last."""
    paginator = paginator or Paginator(items, per_page)
    number = request.GET.get("trang") or request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def attach_departments(pages):
    """Set ``page.department`` to its DepartmentPage ancestor (or None), in one query.

    A page's department is derived from the tree, never stored: departments are few, so one
    query for all of them and a path-prefix match beats one ancestor query per page.
    """
    from perf.lookups import live_departments

    pages = list(pages)
    if not pages:
        return pages
    departments = live_departments()  # kept in the cache until a department changes
    for page in pages:
        page.department = next(
            (d for d in departments if page.path.startswith(d.path) and page.path != d.path),
            None,
        )
    return pages
