"""Exemplar profiles: "good people, good deeds", "bright teachers", outstanding union officers."""

from django.db import models
from django.utils import timezone

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

    name = models.CharField("tên", max_length=120, help_text="Ví dụ: Gương sáng nhà giáo.")
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        help_text="Chữ không dấu, nối bằng gạch ngang; dùng trong bộ lọc, ví dụ: guong-sang-nha-giao.",
    )
    description = models.TextField("mô tả", blank=True, help_text="Ai được ghi nhận ở mục này.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "danh hiệu gương sáng"
        verbose_name_plural = "danh hiệu gương sáng"
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class ExemplarIndexPage(BasePage):
    """Gương sáng: every exemplar of the site, filterable by category, unit and year."""

    intro = models.TextField(
        "giới thiệu", blank=True, help_text="Một câu dưới tiêu đề trang gương sáng."
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
        verbose_name = "trang gương sáng"
        verbose_name_plural = "trang gương sáng"

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
        "chức vụ", max_length=160, help_text="Ví dụ: Giảng viên chính, Chủ tịch CĐBP."
    )
    unit = models.CharField(
        "đơn vị", max_length=160, help_text="Khoa, phòng, trung tâm nơi người đó công tác."
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh dọc, rõ mặt; chỉ dùng khi đã có quyền sử dụng ảnh.",
    )
    category = models.ForeignKey(
        ExemplarCategory,
        verbose_name="danh hiệu",
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text="Nhóm ghi nhận; danh sách do Ban Tuyên giáo quản lý trong mục Snippets.",
    )
    citation = models.CharField(
        "lời ghi nhận",
        max_length=255,
        help_text="Một câu về việc làm được ghi nhận, hiện trên thẻ và khi chia sẻ.",
    )
    story = StreamField(BodyBlock(), verbose_name="câu chuyện")
    year_recognised = models.PositiveSmallIntegerField(
        "năm được ghi nhận", default=current_year, help_text="Năm ra quyết định tuyên dương."
    )
    decision_number = models.CharField(
        "số quyết định",
        max_length=80,
        blank=True,
        help_text="Ví dụ: 125/QĐ-CĐT. Để trống nếu ghi nhận theo đề cử của đơn vị.",
    )
    issuing_body = models.CharField(
        "cơ quan ban hành",
        max_length=160,
        blank=True,
        help_text="Ví dụ: Ban Chấp hành Công đoàn trường.",
    )
    nominating_unit = models.CharField(
        "đơn vị đề cử",
        max_length=160,
        blank=True,
        help_text="Đơn vị đề cử, khi chưa có quyết định khen thưởng.",
    )
    consent_recorded = models.BooleanField(
        "đã có sự đồng ý của người được nêu gương",
        default=False,
        help_text="Chỉ đánh dấu khi đã lưu văn bản hoặc tin nhắn đồng ý của người đó.",
    )
    photo_rights_recorded = models.BooleanField(
        "đã có quyền sử dụng ảnh",
        default=False,
        help_text="Chỉ đánh dấu khi biết ai chụp ảnh và đã được phép dùng.",
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name="chiến dịch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemplars",
        help_text="Đợt tuyên truyền mà gương sáng được giới thiệu, nếu có.",
    )
    tags = ClusterTaggableManager("thẻ", through=ExemplarPageTag, blank=True)

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
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")], heading="Công tác"),
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
            heading="Căn cứ ghi nhận",
        ),
        MultiFieldPanel(
            [FieldPanel("consent_recorded"), FieldPanel("photo_rights_recorded")],
            heading="Xác minh trước khi đăng",
        ),
        FieldPanel("campaign"),
        FieldPanel("tags"),
    ]

    class Meta:
        verbose_name = "gương sáng"
        verbose_name_plural = "gương sáng"

    def get_search_description(self):
        return self.search_description or self.citation

    @property
    def basis(self):
        """The recognition's basis as a reader would write it."""
        if self.decision_number:
            return " – ".join(
                filter(None, [f"Quyết định số {self.decision_number}", self.issuing_body])
            )
        if self.nominating_unit:
            return f"Theo đề cử của {self.nominating_unit}"
        return ""

    @property
    def is_verified(self):
        """Consent, photo rights and the basis are all on record (the workflow's gate)."""
        has_basis = bool(self.decision_number and self.issuing_body) or bool(self.nominating_unit)
        return self.consent_recorded and self.photo_rights_recorded and has_basis
