"""Exemplar profiles: "good people, good deeds", "bright teachers", outstanding union officers."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage, InDepartmentMixin
from cms.models.tags import TaggedPageBase
from cms.text import vi_name_sort_key, vi_sort_key
from cms.utils import attach_departments, paginate


class ExemplarCategory(TranslatableMixin, models.Model):
    """A kind of recognition, e.g. "Người tốt việc tốt"; editors keep the list."""

    name = models.CharField(_("name"), max_length=120, help_text=_("E.g. Outstanding teacher."))
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_(
            "Letters without diacritics joined by hyphens; used in filters, e.g. guong-sang-nha-giao."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who is recognised under this heading.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("exemplar category")
        verbose_name_plural = _("exemplar categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class ExemplarIndexPage(BasePage):
    """Gương sáng: every exemplar of the site, filterable by category, unit and year."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One sentence under the title of the exemplars page."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["exemplars.ExemplarPage"]
    max_count_per_parent = 1
    template = "pages/exemplar_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("exemplars page")
        verbose_name_plural = _("exemplars pages")

    def exemplars(self):
        return (
            ExemplarPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("portrait", "category")
            .prefetch_related("portrait__renditions")
            .order_by("-year_recognised", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        everything = self.exemplars()
        exemplars = everything
        # NUL is not valid in a PostgreSQL string parameter (a 500 otherwise).
        category = request.GET.get("danh-hieu", "").replace("\x00", "").strip()
        unit = request.GET.get("don-vi", "").replace("\x00", "").strip()
        year = request.GET.get("nam", "").strip()
        if category:
            exemplars = exemplars.filter(category__slug=category)
        if unit:
            exemplars = exemplars.filter(unit=unit)
        if year.isdigit():
            exemplars = exemplars.filter(year_recognised=int(year))
        else:
            year = ""
        # Newest year first, then by name in Vietnamese order (given name first, as
        # Vietnamese lists do), which SQL collations do not know: sort the keys, fetch a page.
        rows = sorted(
            exemplars.values_list("pk", "year_recognised", "title"),
            key=lambda row: (-(row[1] or 0), vi_name_sort_key(row[2])),
        )
        page_obj = paginate(request, [pk for pk, _, _ in rows])
        found = exemplars.in_bulk(page_obj.object_list)
        page_obj.object_list = [found[pk] for pk in page_obj.object_list if pk in found]
        attach_departments(page_obj.object_list)
        context.update(
            exemplars=page_obj,
            categories=sorted(
                ExemplarCategory.objects.filter(locale_id=self.locale_id),
                key=lambda category: vi_sort_key(category.name),
            ),
            units=sorted(
                set(everything.exclude(unit="").values_list("unit", flat=True)), key=vi_sort_key
            ),
            years=everything.order_by("-year_recognised")
            .values_list("year_recognised", flat=True)
            .distinct(),
            selected={"category": category, "unit": unit, "year": year},
            filtered=bool(category or unit or year),
        )
        return context


class ExemplarPageTag(TaggedPageBase):
    content_object = ParentalKey(
        "exemplars.ExemplarPage", related_name="tagged_items", on_delete=models.CASCADE
    )


def current_year():
    return timezone.localdate().year


class ExemplarPage(InDepartmentMixin, BasePage):
    """One person recognised by the union; the page title is the person's full name."""

    position = models.CharField(
        _("position"),
        max_length=160,
        help_text=_("E.g. Senior lecturer, Chair of the department union."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=160,
        help_text=_("The faculty, office or centre where the person works."),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A portrait photo with the face clearly visible; use it only with the right to use the photo."
        ),
    )
    category = models.ForeignKey(
        ExemplarCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text=_(
            "The kind of recognition; the Communications Board keeps the list under Snippets."
        ),
    )
    citation = models.CharField(
        _("citation"),
        max_length=255,
        help_text=_("One sentence on what is recognised, shown on cards and when shared."),
    )
    story = StreamField(BodyBlock(), verbose_name=_("story"))
    year_recognised = models.PositiveSmallIntegerField(
        _("year recognised"),
        default=current_year,
        help_text=_("The year of the decision to honour the person."),
    )
    decision_number = models.CharField(
        _("decision number"),
        max_length=80,
        blank=True,
        help_text=_("E.g. 125/QĐ-CĐT. Leave empty when the recognition is a unit's nomination."),
    )
    issuing_body = models.CharField(
        _("issued by"),
        max_length=160,
        blank=True,
        help_text=_("E.g. the university union's executive committee."),
    )
    nominating_unit = models.CharField(
        _("nominating unit"),
        max_length=160,
        blank=True,
        help_text=_("The nominating unit, when there is no award decision yet."),
    )
    consent_recorded = models.BooleanField(
        _("the person has consented"),
        default=False,
        help_text=_("Tick only once the person's written or messaged consent is on file."),
    )
    photo_rights_recorded = models.BooleanField(
        _("photo rights cleared"),
        default=False,
        help_text=_("Tick only when you know who took the photo and have permission to use it."),
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemplars",
        help_text=_("The campaign that features this exemplar, if any."),
    )
    tags = ClusterTaggableManager(_("tags"), through=ExemplarPageTag, blank=True)

    parent_page_types = ["exemplars.ExemplarIndexPage", "cms.DepartmentPage"]
    subpage_types = []
    template = "pages/exemplar_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("position"),
        index.SearchField("unit"),
        index.SearchField("citation", boost=2),
        index.SearchField("story"),
        index.FilterField("year_recognised"),
        index.FilterField("category"),
        index.FilterField("campaign"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")], heading=_("Work")),
        FieldPanel("portrait"),
        FieldPanel("category"),
        FieldPanel("citation"),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldPanel("year_recognised"),
                FieldPanel("decision_number"),
                FieldPanel("issuing_body"),
                FieldPanel("nominating_unit"),
            ],
            heading=_("Basis of recognition"),
        ),
        MultiFieldPanel(
            [FieldPanel("consent_recorded"), FieldPanel("photo_rights_recorded")],
            heading=_("Checks before publishing"),
        ),
        FieldPanel("campaign"),
        FieldPanel("tags"),
    ]

    class Meta:
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")

    def get_search_description(self):
        return self.search_description or self.citation

    @property
    def basis(self):
        """The recognition's basis as a reader would write it."""
        if self.decision_number:
            return " – ".join(
                filter(
                    None,
                    [
                        _("Decision no. {number}").format(number=self.decision_number),
                        self.issuing_body,
                    ],
                )
            )
        if self.nominating_unit:
            return _("Nominated by {unit}").format(unit=self.nominating_unit)
        return ""

    @property
    def is_verified(self):
        """Consent, photo rights and the basis are all on record (the workflow's gate)."""
        has_basis = bool(self.decision_number and self.issuing_body) or bool(self.nominating_unit)
        return self.consent_recorded and self.photo_rights_recorded and has_basis
