"""Page querysets whose ``.public()`` reads the view restrictions from the cache."""

from django.db.models import Q

from wagtail.models import PageManager as WagtailPageManager
from wagtail.query import PageQuerySet

from perf.lookups import restrictions


class CachedRestrictionsPageQuerySet(PageQuerySet):
    def private_q(self):
        """Pages in a private section, without a query for the sections (Wagtail runs one)."""
        q = Q()
        for path in restrictions()[0]:
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


class PageManager(WagtailPageManager.from_queryset(CachedRestrictionsPageQuerySet)):
    pass
