"""Pages shared across apps: the departments, generic content pages and page mixins."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.text import fold, slugify_vi, vi_sort_key
from cms.utils import attach_departments
from perf.lookups import restrictions, routed_page
from perf.queryset import PageManager

FOLDED_SEARCH_FIELD = "folded_search_text"
CONTEXT_SEARCH_FIELD = "search_context_text"


class PageTextField(index.SearchField):
    """A SearchField read from a FoldedSearchMixin method: defined on each concrete model.

    Elasticsearch names a field after the model that defines it, and a plain mixin has no
    ``_meta``; the concrete page model stands in for it.
    """

    def get_definition_model(self, cls):
        return cls


class FoldedSearchMixin:
    """Search text folded to plain ASCII by cms.text.fold, indexed beside the original text.

    Search engines fold some Vietnamese letters and not others (SQLite's FTS5 leaves "người"
    and "đoàn" alone; PostgreSQL folds nothing), so each page also indexes its own text folded
    by the one folding function, and the search view folds the query the same way.

    Readers also search by what surrounds a page ("guong sang nha giao 2024": a category and a
    year), so the page's department, the years of its dates, its tags and its category are
    indexed too (``search_context_text``), as written and folded. Both fields are added to
    every subclass's search fields by ``get_search_fields``, so a new page type cannot forget them.
    """

    @classmethod
    def get_search_fields(cls):
        fields = list(super().get_search_fields())
        names = {f.field_name for f in fields if isinstance(f, index.SearchField)}
        fields = [
            PageTextField(f.field_name, boost=f.boost, **f.kwargs)
            if isinstance(f, index.SearchField) and f.field_name == FOLDED_SEARCH_FIELD
            else f
            for f in fields
        ]
        for name in (CONTEXT_SEARCH_FIELD, FOLDED_SEARCH_FIELD):
            if name not in names:
                fields.append(PageTextField(name))
        return fields

    def searchable_text(self, choosers=True):
        """The page's title and the values of its own SearchFields, as one plain string.

        ``choosers=False``: without what a StreamField's chooser blocks point at (an image's,
        a document's or a page's title, each read from its own row), for text shown beside
        many pages at once (the search page's snippets), where those reads came one a page."""
        parts = [self.title or ""]
        for search_field in self.get_search_fields():
            if isinstance(search_field, index.SearchField):
                name = search_field.field_name
                if name in (FOLDED_SEARCH_FIELD, CONTEXT_SEARCH_FIELD, "title"):
                    continue
                parts.extend(_field_text(self, name, choosers))
            elif isinstance(search_field, index.RelatedFields):
                related = getattr(self, search_field.field_name, None)
                if related is None:
                    continue
                objects = related.all() if hasattr(related, "all") else [related]
                for obj in objects:
                    for sub in search_field.fields:
                        if isinstance(sub, index.SearchField):
                            parts.extend(_field_text(obj, sub.field_name))
        return " ".join(part for part in parts if part)

    def save(self, *args, **kwargs):
        self.__dict__.pop("_search_texts", None)
        return super().save(*args, **kwargs)

    def _cached_search_text(self, name, compute):
        # Wagtail's indexer reads every search field once for the title, the body and the
        # autocomplete text; computed once per save (save() forgets them).
        cache = self.__dict__.setdefault("_search_texts", {})
        if name not in cache:
            cache[name] = compute()
        return cache[name]

    def search_context(self):
        return self._cached_search_text("context", self._search_context)

    def _search_context(self):
        """Words around the page a reader may search by: department, years, category, tags."""
        parts = []
        if "department" not in self.__dict__:
            attach_departments([self])
        department = self.__dict__.get("department")
        if department is not None:
            parts += [department.title, department.short_name]
        years = set()
        for field in self._meta.concrete_fields:
            if isinstance(field, models.DateField) and field.model is not Page:
                value = getattr(self, field.attname, None)
                if value is not None:
                    years.add(value.year)
        for name in ("year_recognised", "first_published_at"):
            value = getattr(self, name, None)
            years.add(getattr(value, "year", value))
        parts += [str(year) for year in sorted(y for y in years if y)]
        category = getattr(self, "category", None)
        if isinstance(category, models.Model):
            parts.append(str(category))
        tags = getattr(self, "tags", None)
        if tags is not None and hasattr(tags, "all"):
            parts += [tag.name for tag in tags.all()]
        return [part for part in parts if part]

    def search_context_text(self):
        return " ".join(self.search_context())

    def folded_search_text(self):
        """The folded words only, so every engine splits them alike ("20/11" -> "20 11")."""
        return self._cached_search_text("folded", self._folded_search_text)

    def _folded_search_text(self):
        text = " ".join([self.searchable_text(), *self.search_context()])
        return " ".join(re.findall(r"[^\W_]+", fold(text)))


def _field_text(obj, name, choosers=True):
    value = getattr(obj, name, None)
    if callable(value):
        value = value()
    if value in (None, ""):
        return []
    try:
        field = obj._meta.get_field(name)
    except Exception:  # a method or property, not a model field
        field = None
    if isinstance(field, StreamField):
        if not choosers and isinstance(value, StreamValue):
            texts = _raw_block_text(field.stream_block, list(value.raw_data))
        else:
            texts = field.get_searchable_content(value)
        return [strip_tags(str(text)) for text in texts]
    if isinstance(field, RichTextField):
        return [strip_tags(str(value))]
    return [str(value)]


def _raw_block_text(block, raw):
    """A block's searchable text from its stored (JSON) value, as Wagtail's
    ``get_searchable_content`` gives it, but nothing for a chooser: the chosen object is
    never read."""
    if raw is None or isinstance(block, blocks.ChooserBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text
            for child in raw
            if isinstance(child, dict) and child.get("type") in block.child_blocks
            for text in _raw_block_text(block.child_blocks[child["type"]], child.get("value"))
        ]
    if isinstance(block, blocks.StructBlock):
        values = raw if isinstance(raw, dict) else {}
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _raw_block_text(child, values.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        items = [
            item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            for item in raw
        ]
        return [text for item in items for text in _raw_block_text(block.child_block, item)]
    return block.get_searchable_content(block.to_python(raw))


class BasePage(FoldedSearchMixin, Page):
    """Every Lan Tỏa page: slugs are readable ASCII (Công đoàn -> cong-doan), whoever typed them.

    Wagtail's admin proposes Unicode slugs (and its ASCII mode turns đ into "dj"); folding here
    gives one rule for the admin, imports, translations and the demo seed.
    """

    class Meta:
        abstract = True

    def _fold_slug(self):
        source = self.slug or self.title or ""
        # A slug folded before the parent was known (the admin form cleans the page first)
        # still has to be made unique among its siblings once the parent is known.
        pending = getattr(self, "_folded_slug_pending", False)
        if source.isascii() and self.slug and not pending:
            return
        folded = slugify_vi(source)
        if not folded:
            return
        if self.path or getattr(self, "_cached_parent_obj", None):
            folded = self._get_autogenerated_slug(folded)
            self._folded_slug_pending = False
        else:
            self._folded_slug_pending = True
        self.slug = folded

    def _slug_from_translated_title(self):
        # wagtail-localize copies the original's slug unless the translator translates it;
        # a translation still carrying it takes one from its own (translated) title instead.
        if not (self.pk and self.title and self.locale_id and self.translation_key):
            return
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return
        original = (
            Page.objects.filter(translation_key=self.translation_key, locale=default)
            .values_list("slug", flat=True)
            .first()
        )
        own = slugify_vi(self.title)
        if original and self.slug == original and own and own != original:
            self.slug = own
            self._folded_slug_pending = True

    def full_clean(self, *args, **kwargs):
        self._slug_from_translated_title()
        self._fold_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._slug_from_translated_title()
        self._fold_slug()
        super().minimal_clean()

    # ``.public()`` reads the private sections from the cache, not with a query each time.
    objects = PageManager()

    @property
    def localized(self):
        """Wagtail's ``localized``, kept in the cache for site roots and sections (perf)."""
        from perf.lookups import localized

        return localized(self)

    def get_view_restrictions(self):
        """No query when no private section contains the page (perf.lookups.restrictions)."""
        paths, aliases = restrictions()
        if not aliases and not any(self.path.startswith(path) for path in paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """The page at the end of the path in two queries, not two per level, and none while
        the page and what it links to are unchanged (perf.lookups.routed_page).

        Wagtail walks the tree one slug at a time. Every page on the path is fetched at once
        by its url_path instead; when a page on the way has routes of its own that could
        answer the rest of the path (a RoutablePage's archive or feed), Wagtail's walk runs.
        """
        if path_components:
            target = routed_page(
                request, self, path_components, lambda: self._page_at(path_components), _route_tags
            )
            if target is not None:
                return target.route(request, [])
        return super().route(request, path_components)

    def _page_at(self, components):
        from django.contrib.contenttypes.models import ContentType
        from django.urls import Resolver404

        prefixes = [
            self.url_path + "/".join(components[:i]) + "/" for i in range(1, len(components) + 1)
        ]
        found = {
            page.url_path: page
            # slug__in: url_path has no index, slug has (without it a scan of every page).
            for page in Page.objects.filter(
                slug__in=set(components), url_path__in=prefixes, path__startswith=self.path
            )
        }
        if len(found) != len(prefixes):
            return None
        for depth, prefix in enumerate(prefixes[:-1], start=1):
            model = ContentType.objects.get_for_id(found[prefix].content_type_id).model_class()
            if model is None:
                return None
            if getattr(model.route, "__func__", model.route) not in (BasePage.route, Page.route):
                resolver = getattr(model, "get_resolver", None)
                if resolver is None:
                    return None
                try:
                    resolver().resolve("/" + "/".join(components[depth:]) + "/")
                    return None  # the page's own route may answer: let Wagtail walk
                except Resolver404:
                    pass
        # The page with what its template shows beside it (hero image, portrait, campaign,
        # category) in the same query.
        target = found[prefixes[-1]]
        model = ContentType.objects.get_for_id(target.content_type_id).model_class()
        if model is None:
            return None
        related = [
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one and field.model is not Page and field.related_model is not None
        ]
        page = model.objects.select_related(*related).filter(pk=target.pk).first()
        if page is not None and hasattr(page, "tagged_items") and hasattr(page, "tags"):
            # Read by the tag list, related articles, structured data and the cache's tags.
            models.prefetch_related_objects([page], "tags")
        return page


def _route_tags(page):
    """What a routed page (kept by perf.lookups.routed_page) holds: its own row and tags, the
    rows its foreign keys point to (images, campaign, category, department, other pages)."""
    from perf.dependencies import tags_for_page

    tags = tags_for_page(page)
    for field in page._meta.concrete_fields:
        if field.many_to_one and field.related_model is not None:
            value = getattr(page, field.attname, None)
            if value is not None and issubclass(field.related_model, Page):
                tags.add(f"page:{value}")
    return tags


class HeroImageMixin(models.Model):
    """A large image at the top of a page, with its caption and credit."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A landscape image of at least 1200×630 pixels, also used when shared on Facebook and Zalo."
        ),
    )
    hero_caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Who is in the picture, where, doing what."),
    )
    hero_credit = models.CharField(
        _("credit"), max_length=120, blank=True, help_text=_("E.g. Photo: Nguyễn Văn An.")
    )

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        )
    ]

    class Meta:
        abstract = True


class InDepartmentMixin:
    """Pages that may belong to a department: the DepartmentPage above them, if any."""

    @cached_property
    def department(self):
        return attach_departments([self])[0].__dict__.get("department")


class DepartmentIndexPage(BasePage):
    """The list of department unions; each department's pages live under its own page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short paragraph introducing the department unions."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.DepartmentPage"]
    max_count_per_parent = 1
    template = "pages/department_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("department union list")
        verbose_name_plural = _("department union list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = sorted(
            DepartmentPage.objects.child_of(self).live().public(),
            key=lambda department: vi_sort_key(department.title),
        )
        return context


class DepartmentPage(BasePage):
    """A department union (công đoàn bộ phận). Its editors draft pages under it."""

    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("The short name shown on article cards, e.g. Khoa Toán – Tin."),
    )
    description = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Who belongs to this department union and what it does."),
    )
    chair_name = models.CharField(
        _("chair of the department union"), max_length=120, blank=True, help_text=_("Full name.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Contact mailbox."))
    phone = models.CharField(_("phone"), max_length=40, blank=True, help_text=_("Contact number."))
    office = models.CharField(
        _("office"), max_length=200, blank=True, help_text=_("The office, e.g. Room A2-301.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A group photo or a photo of the unit's building."),
    )

    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="edited_department",
    )
    heads_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("heads group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="headed_department",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("image and document collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="department",
    )

    # The groups and collection belong to the original department; copies and translations
    # share them through it (one-to-one links cannot be copied).
    exclude_fields_in_copy = ["editors_group", "heads_group", "collection"]

    parent_page_types = ["cms.DepartmentIndexPage"]
    subpage_types = ["articles.ArticlePage", "exemplars.ExemplarPage", "cms.StandardPage"]
    template = "pages/department_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.SearchField("chair_name"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("chair_name"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("office"),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("department union")
        verbose_name_plural = _("department unions")

    @property
    def display_name(self):
        return self.short_name or self.title

    def _drop_shared_links(self):
        # However a translation is made (Wagtail's copy, wagtail-localize's source data), it
        # must not carry the original's one-to-one links.
        if self.locale_id and self.locale_id != Locale.get_default().pk:
            self.editors_group = self.heads_group = self.collection = None

    def full_clean(self, *args, **kwargs):
        self._drop_shared_links()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._drop_shared_links()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # Group and collection names come from the display name, so two departments sharing
        # one would share (and fight over) the same groups.
        others = DepartmentPage.objects.exclude(translation_key=self.translation_key)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        name = self.display_name.strip().lower()
        if any(other.display_name.strip().lower() == name for other in others):
            field = "short_name" if self.short_name else "title"
            raise ValidationError(
                {
                    field: _(
                        "There is already a department union called “{name}”. Choose another name."
                    ).format(name=self.display_name)
                }
            )

    @property
    def original(self):
        """The department in the default language, which owns the groups and collection."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return (
            DepartmentPage.objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            ).first()
            or self
        )

    def latest_pages(self):
        from articles.models import ArticlePage
        from exemplars.models import ExemplarPage

        articles = list(
            ArticlePage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-date", "-pk")[:6]
        )
        exemplars = list(
            ExemplarPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("portrait", "category")
            .order_by("-year_recognised", "-pk")[:6]
        )
        return articles, exemplars

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"], context["latest_exemplars"] = self.latest_pages()
        return context


class StandardPage(InDepartmentMixin, HeroImageMixin, BasePage):
    """A plain content page: about us, contacts, a guide, a page of documents."""

    intro = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title and when shared."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "cms.StandardPage", "cms.DepartmentPage"]
    subpage_types = ["cms.StandardPage"]
    template = "pages/standard_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
