"""Wagtail's API v2, read-only, for e-office and mobile apps: public content only.

Whoever calls, the API answers as it would an anonymous reader: live pages without any view
restriction (members-only pages never appear, even to a logged-in member's browser session),
images and documents outside restricted collections, and no file of a members-only or
unpublished library page. ``?search=`` goes through the search page's cleaning and folding.
"""

from collections import defaultdict

from rest_framework.fields import Field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, prefetch_related_objects

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from cms.utils import attach_departments
from search.text import clean_query, engine_query, query_words

# Sizes an app needs: a card (16:9), a square thumbnail, a full-width picture.
RENDITIONS = {
    "card": "fill-640x360",
    "thumbnail": "fill-240x240",
    "large": "width-1200",
}
# Where each page type keeps its date, lead and picture (the first attribute found wins).
DATE_FIELDS = ["date", "date_issued", "start_date"]
LEAD_FIELDS = ["lead", "summary", "citation", "intro"]
IMAGE_FIELDS = ["hero_image", "portrait", "image"]


def _first(page, names):
    for name in names:
        value = getattr(page, name, None)
        if value not in (None, ""):
            return value
    return None


class PageDateField(Field):
    """The date a reader sees on the page (article date, date issued…), else first published."""

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        value = _first(page, DATE_FIELDS)
        if value is None and page.first_published_at:
            value = page.first_published_at.date()
        return value.isoformat() if value else None


class PageLeadField(Field):
    """The one or two sentences under the title, as plain text."""

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        from django.utils.html import strip_tags

        value = _first(page, LEAD_FIELDS) or page.search_description
        return strip_tags(str(value)).strip() if value else ""


class PageImageField(Field):
    """The page's main picture in the sizes an app needs, with its alt text."""

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        image = _first(page, IMAGE_FIELDS)
        if image is None:
            return None
        data = {"id": image.pk, "title": image.title, "alt": image.default_alt_text}
        renditions = image.get_renditions(*RENDITIONS.values())
        for name, spec in RENDITIONS.items():
            rendition = renditions[spec]
            data[name] = {
                "url": rendition.full_url,
                "width": rendition.width,
                "height": rendition.height,
            }
        return data


class PageDepartmentField(Field):
    """The department union the page belongs to: id, name and address."""

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        department = getattr(page, "department", None)
        if department is None:
            return None
        return {
            "id": department.pk,
            "title": department.title,
            "short_name": department.short_name or department.title,
            "html_url": department.get_full_url(self.context.get("request")),
        }


class PageTagsField(Field):
    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        tags = getattr(page, "tags", None)
        if tags is None:
            return []
        return sorted(tag.name for tag in tags.all())


class AppPageSerializer(PageSerializer):
    date = PageDateField(read_only=True)
    lead = PageLeadField(read_only=True)
    image = PageImageField(read_only=True)
    department = PageDepartmentField(read_only=True)
    tags = PageTagsField(read_only=True)


class CleanSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, fed only what the site's own search page would give the engine:
    printable words, at most a dozen, no quotes or operators (search/text.py)."""

    fold = False

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        query = clean_query(request.GET["search"])
        terms = engine_query(query) if self.fold else " ".join(query_words(query))
        if not terms:
            return queryset.none()
        try:
            return get_search_backend().search(
                terms,
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(f"cannot search with this filter or order: {error}") from error


class FoldedSearchFilter(CleanSearchFilter):
    """Pages index their text folded (cms.text.fold), so the query is folded the same way."""

    fold = True


def restricted_collection_ids():
    """Every collection with a view restriction, and the collections inside them."""
    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not paths:
        return []
    inside = Q()
    for path in paths:
        inside |= Q(path__startswith=path)
    return list(Collection.objects.filter(inside).values_list("pk", flat=True))


def specific_in_order(pages):
    """The specific pages of ``pages`` in the same order, their relations fetched per type."""
    pages = list(pages)
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    found = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        items = list(model.objects.filter(pk__in=ids))
        related = [name for name in IMAGE_FIELDS if _has_field(model, name)]
        if related:
            prefetch_related_objects(items, *related, *[f"{n}__renditions" for n in related])
        if hasattr(model, "tags"):
            prefetch_related_objects(items, "tags")
        found.update({item.pk: item for item in items})
    ordered = [found.get(page.pk, page) for page in pages]
    return attach_departments_keeping_own(ordered)


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def attach_departments_keeping_own(pages):
    """Departments from the tree, except for pages that name their own (document pages)."""
    own = {page.pk: page.unit for page in pages if getattr(page, "unit_id", None)}
    if own:
        prefetch_related_objects([p for p in pages if p.pk in own], "unit")
    attach_departments(pages)
    for page in pages:
        if page.pk in own:
            page.department = page.unit
    return pages


class RefuseNulMixin:
    """A NUL character in a query parameter is a 400 (PostgreSQL refuses it in any text it is
    given, e.g. ``?locale=%00``), answered before any query runs; ``search`` is cleaned
    instead, like the search page's query."""

    def initial(self, request, *args, **kwargs):
        if any(
            "\x00" in key or ("\x00" in value and key != "search")
            for key, value in request.GET.items()
        ):
            raise BadRequestError("query parameters cannot contain NUL characters")
        super().initial(request, *args, **kwargs)


class PublicPagesAPIViewSet(RefuseNulMixin, PagesAPIViewSet):
    """Live pages without view restrictions, with the fields an app shows on a card."""

    base_serializer_class = AppPageSerializer
    filter_backends = [
        backend if backend is not SearchFilter else FoldedSearchFilter
        for backend in PagesAPIViewSet.filter_backends
    ]
    body_fields = PagesAPIViewSet.body_fields + ["date", "lead", "image", "department", "tags"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "date",
        "lead",
        "image",
        "department",
        "tags",
    ]

    def get_base_queryset(self):
        # Wagtail's own base queryset lets a logged-in session see the restricted pages it
        # passes; the API answers for the public only.
        return super().get_base_queryset().live().public()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return specific_in_order(page)

    def get_object(self):
        page = super().get_object()
        return specific_in_order([page])[0] if isinstance(page, Page) else page


class PublicImagesAPIViewSet(RefuseNulMixin, ImagesAPIViewSet):
    filter_backends = [
        backend if backend is not SearchFilter else CleanSearchFilter
        for backend in ImagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


class PublicDocumentsAPIViewSet(RefuseNulMixin, DocumentsAPIViewSet):
    filter_backends = [
        backend if backend is not SearchFilter else CleanSearchFilter
        for backend in DocumentsAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        from library.privacy import private_document_ids

        return (
            self.model.objects.exclude(collection__in=restricted_collection_ids())
            .exclude(pk__in=private_document_ids())
            .order_by("id")
        )
