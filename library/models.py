"""The document library (thư viện văn bản): the union's plans, guidance, resolutions and forms."""

import os

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage, InDepartmentMixin
from cms.models.tags import TaggedPageBase
from cms.utils import paginate
from members.visibility import visible_to
from perf.lookups import restrictions

PER_PAGE = 15

# The kinds of Vietnamese administrative documents the union issues; the key is the address
# parameter (?loai=ke-hoach), so it stays ASCII.
KINDS = [
    ("ke-hoach", _("Plan")),
    ("huong-dan", _("Guidance")),
    ("nghi-quyet", _("Resolution")),
    ("quyet-dinh", _("Decision")),
    ("thong-bao", _("Notice")),
    ("bao-cao", _("Report")),
    ("cong-van", _("Official letter")),
    ("quy-che", _("Regulation")),
    ("bieu-mau", _("Form")),
]

# Names people know the file types by; the keys are WAGTAILDOCS_EXTENSIONS.
FILE_TYPES = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "odt": "OpenDocument",
    "rtf": "RTF",
    "txt": _("Plain text"),
    "xlsx": "Excel",
    "csv": "CSV",
    "pptx": "PowerPoint",
    "zip": "ZIP",
}


def accepted_extensions():
    """The file types editors may upload, as configured for Wagtail's documents."""
    return list(getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or FILE_TYPES)


def files_with_documents():
    return Prefetch("files", queryset=DocumentPageFile.objects.select_related("document"))


class DocumentLibraryPage(BasePage):
    """Thư viện văn bản: every document page below it, with filters by type, year and issuer."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences under the title: what readers find here."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.DocumentPage"]
    max_count_per_parent = 1
    template = "library/document_library_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def documents(self, request):
        """The live documents below this library that ``request``'s reader may open."""
        pages = DocumentPage.objects.child_of(self).live()
        return visible_to(pages, request)

    def filters(self, request):
        """The filters from the address; anything unknown or malformed is ignored."""
        from search.text import clean_query

        def param(name, max_length=100):
            return clean_query(request.GET.get(name, ""))[:max_length]

        kind = param("loai")
        year = param("nam", 4)
        return {
            "kind": kind if kind in dict(KINDS) else "",
            "year": int(year) if year.isdigit() and len(year) == 4 else None,
            "issuer": param("co-quan", 255),
            "tag": param("the"),
            "query": param("q"),
        }

    def filter_documents(self, documents, filters):
        from search.text import engine_query

        if filters["kind"]:
            documents = documents.filter(kind=filters["kind"])
        if filters["year"]:
            documents = documents.filter(date_issued__year=filters["year"])
        if filters["issuer"]:
            documents = documents.filter(issuer=filters["issuer"])
        if filters["tag"]:
            documents = documents.filter(tagged_items__tag__slug=filters["tag"]).distinct()
        if filters["query"]:
            terms = engine_query(filters["query"])
            if not terms:
                return documents.none()
            matches = DocumentPage.objects.live().child_of(self).search(terms, operator="and")
            documents = documents.filter(pk__in=[page.pk for page in matches])
        return documents

    def choices(self, documents):
        """Years and issuers that occur among the documents a reader can see."""
        pairs = set(documents.values_list("date_issued", "issuer").order_by())
        years = sorted({day.year for day, _issuer in pairs if day}, reverse=True)
        issuers = sorted({issuer for _day, issuer in pairs if issuer})
        return {"kinds": KINDS, "years": years, "issuers": issuers}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visible = self.documents(request)
        filters = self.filters(request)
        listed = (
            self.filter_documents(visible, filters)
            .select_related("unit")
            .prefetch_related(files_with_documents())
            .order_by("-date_issued", "-pk")
        )
        page_obj = paginate(request, listed, per_page=PER_PAGE)
        # Anonymous readers are only ever shown public documents: nothing to mark.
        user = getattr(request, "user", None)
        private = restrictions()[0] if user and user.is_authenticated else []
        for document in page_obj.object_list:
            document.members_only = any(document.path.startswith(path) for path in private)
        context.update(
            documents=page_obj,
            filters=filters,
            filtered=any(filters[key] for key in ("kind", "year", "issuer", "tag", "query")),
            choices=self.choices(visible),
            extensions=", ".join(ext.upper() for ext in accepted_extensions()),
        )
        return context


class DocumentPageTag(TaggedPageBase):
    content_object = ParentalKey(
        "library.DocumentPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class DocumentPage(InDepartmentMixin, BasePage):
    """Một văn bản: its number, type, issuer, dates, summary and file(s), shown and downloadable.

    Make it members-only with the page's privacy setting ("Private" → members group).
    """

    number = models.CharField(
        _("document number"),
        max_length=60,
        blank=True,
        help_text=_("As printed on the document, e.g. 15/KH-CĐT. Empty for forms."),
    )
    kind = models.CharField(
        _("document type"),
        max_length=20,
        choices=KINDS,
        default="thong-bao",
        help_text=_("Plan, guidance, resolution, notice, report, official letter…"),
    )
    issuer = models.CharField(
        _("issuing body"),
        max_length=255,
        help_text=_("Who issued it, e.g. Ban Chấp hành Công đoàn trường."),
    )
    date_issued = models.DateField(_("date issued"), help_text=_("The date on the document."))
    effective_date = models.DateField(
        _("effective date"),
        null=True,
        blank=True,
        help_text=_("When it takes effect, if the document says so."),
    )
    summary = models.TextField(
        pgettext_lazy("library", "summary"),
        help_text=_("Two or three sentences: what the document is about and who it concerns."),
    )
    unit = models.ForeignKey(
        "cms.DepartmentPage",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The department union the document concerns or comes from, if any."),
    )
    tags = ClusterTaggableManager(_("tags"), through=DocumentPageTag, blank=True)

    parent_page_types = ["library.DocumentLibraryPage"]
    subpage_types = []
    template = "library/document_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("issuer"),
        index.AutocompleteField("number"),
        index.FilterField("kind"),
        index.FilterField("date_issued"),
        index.FilterField("issuer"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("kind")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("effective_date")]),
                FieldPanel("unit"),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", label=_("Files"), min_num=1, max_num=6),
        FieldPanel("tags"),
    ]

    # What /api/v2/pages/?type=library.DocumentPage&fields=… may ask for (README "API").
    api_fields = [
        APIField("number"),
        APIField("kind"),
        APIField("issuer"),
        APIField("date_issued"),
        APIField("effective_date"),
        APIField("summary"),
        APIField("file_links"),
    ]

    class Meta:
        # "văn bản" (an issued document), not Wagtail's "tài liệu" (an uploaded file).
        verbose_name = pgettext_lazy("library", "document")
        verbose_name_plural = pgettext_lazy("library", "documents")

    @cached_property
    def department(self):
        """The chosen department, else the department above the page in the tree."""
        if self.unit_id:
            return self.unit
        return InDepartmentMixin.department.func(self)

    def get_search_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):  # a preview shows the edited files
            prefetch_related_objects([self], files_with_documents())
        context["library"] = self.get_parent()
        return context

    @property
    def kind_label(self):
        return self.get_kind_display()

    def file_list(self):
        """The attached files in order, each with what a reader needs to pick one."""
        return [item for item in self.files.all() if item.document_id]

    def file_links(self):
        """The files as an app needs them: title, address, type and size in bytes."""
        return [
            {
                "title": item.title,
                "url": item.url,
                "type": item.extension,
                "size": item.document.file_size,
            }
            for item in self.file_list()
        ]

    @property
    def main_file(self):
        files = self.file_list()
        return files[0] if files else None


class DocumentPageFile(Orderable):
    """One file of a document page: the signed PDF, an editable copy, an annex…"""

    page = ParentalKey(DocumentPage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Upload or choose the file: a PDF is shown in the browser; Word, Excel or ZIP files "
            "are offered for download."
        ),
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Signed copy, Editable form, Annex 1. Empty: the file's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def title(self):
        return self.label or self.document.title

    @property
    def extension(self):
        return os.path.splitext(self.document.filename)[1].lstrip(".").lower()

    @property
    def type_label(self):
        return FILE_TYPES.get(self.extension, self.extension.upper())

    @property
    def is_pdf(self):
        return self.extension == "pdf"

    @property
    def size_label(self):
        try:
            size = self.document.get_file_size()
        except OSError:  # the file is missing from storage
            size = None
        return filesizeformat(size) if size else ""

    @property
    def url(self):
        return self.document.url
