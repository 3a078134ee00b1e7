"""News about union work: the news index and the articles."""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from channels.archives import NewsArchiveMixin
from cms.blocks import BodyBlock
from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage, HeroImageMixin, InDepartmentMixin
from cms.models.tags import TaggedPageBase
from cms.utils import attach_departments
from listings import tally
from perf.pagination import paginate


def newest_first(articles, locale_id):
    """``articles`` of one language, newest first, in a form the database answers by walking
    the ``article_date_desc`` index and stopping after a page (issue #8).

    Filtered on ``locale_id`` directly, SQLite (even with statistics) reads every article of
    the language through the locale index and sorts them all for a short LIMIT; ``locale_id
    + 0`` cannot use that index, so the date index is the plan. tests/perf/test_flat.py
    checks the plan. Only for the site's main language, which holds nearly every article: a
    language with few of them is read through the locale index and sorted (a few rows).

    PostgreSQL gets the plain filter: its statistics know how many articles a language has,
    so it walks the date index for the main language and reads a small one's rows. Given
    ``locale_id + 0`` it cannot estimate the filter, guesses 0.5 % of the rows, and reads and
    sorts the whole archive instead (the tag page at 100,000 articles: 930 ms, now 2–9 ms;
    the news index's page 50: 460 ms, now 3–18 ms).
    """
    from django.db import connections

    from wagtail.models import Locale

    if connections[articles.db].vendor == "postgresql":
        return articles.filter(locale_id=locale_id).order_by("-date", "-pk")
    # Locale lookups are kept in the cache (perf.lookups.locale_for_language): no query.
    if locale_id != Locale.get_default().pk:
        # An expression the date index cannot serve, so the locale index is the plan.
        return articles.filter(locale_id=locale_id).order_by(Coalesce("date", "date").desc(), "-pk")
    return (
        articles.alias(article_locale=F("locale_id") + 0)
        .filter(article_locale=locale_id)
        .order_by("-date", "-pk")
    )


class NewsIndexPage(NewsArchiveMixin, BasePage):
    """Tin tức: every article of the site, the board's and the departments', newest first.

    Its archives (by year, month, department, campaign) are routes below it: channels.archives.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One sentence under the title of the news page.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1
    template = "pages/news_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def articles(self, request=None):
        """Live articles, newest first; members-only ones too when ``request`` is a member's."""
        return self._visible_articles(request)[0]

    def _visible_articles(self, request):
        """The articles ``request``'s reader may see, and a name for that set of articles
        (perf.pagination.visible_listing)."""
        from perf.pagination import visible_listing

        live = ArticlePage.objects.live()
        visible, seen = visible_listing(live, request) if request else (live.public(), "public")
        listed = visible.select_related("hero_image").prefetch_related("hero_image__renditions")
        return newest_first(listed, self.locale_id), seen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The count is cached until an article of this language changes, under a name that
        # says which articles this reader may see (no query compiled for the key); the page's
        # articles are read only if the template's list part is rendered (perf.pagination).
        # Every public live article of the language is listed, so an anonymous reader's
        # count is the kept total (listings.tally: no COUNT(*) over the archive), and a page
        # reached directly is read from its month (no OFFSET over every newer article).
        articles, seen = self._visible_articles(request)
        public = seen == "public"
        context["articles"] = paginate(
            request,
            articles,
            {f"articles:{self.locale_id}"},
            name=f"news:{self.pk}:{self.locale_id}:{seen}",
            prepare=attach_departments,
            count=(lambda: tally.counts(self.locale_id).total) if public else None,
            months=(lambda: tally.counts(self.locale_id).months()) if public else None,
        )
        context["articles_seen_by"] = seen
        return context


class ArticlePageTag(TaggedPageBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(InDepartmentMixin, HeroImageMixin, BasePage):
    """A news story. Department editors write under their department; the board under Tin tức."""

    date = models.DateField(
        pgettext_lazy("article", "date"),
        default=timezone.localdate,
        help_text=_("The date shown on the article; news is ordered by it."),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_(
            "The opening paragraph in bold, two or three sentences: who, what, where, when."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    byline = models.CharField(
        _("byline"),
        max_length=160,
        blank=True,
        help_text=_(
            "The writer's name shown on the article, e.g. Nguyễn Thị Lan – Faculty of Mathematics union."
        ),
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The campaign the article belongs to, if any."),
    )
    tags = ClusterTaggableManager(_("tags"), through=ArticlePageTag, blank=True)

    parent_page_types = ["articles.NewsIndexPage", "cms.DepartmentPage"]
    subpage_types = []
    template = "pages/article_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("date"),
        index.FilterField("campaign"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("byline"), FieldPanel("campaign"), FieldPanel("tags")],
            heading=_("Article details"),
        ),
        InlinePanel("related_links", label=_("Related articles"), max_num=6),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Every listing sorts by (-date, -pk): with this index the database walks the newest
        # articles and stops after a page, instead of sorting the whole archive (issue #8).
        # A search filtered by year checks each walked match's date by its page: read from
        # this narrow index, not from the article's row, which holds its whole body.
        indexes = [
            models.Index(fields=["-date", "-page_ptr"], name="article_date_desc"),
            models.Index(fields=["page_ptr", "date"], name="article_page_date"),
        ]

    def get_search_description(self):
        return self.search_description or self.lead

    def related_articles(self):
        """Chosen related articles, else the latest of the same campaign or sharing a tag."""
        chosen = [
            link.page
            for link in self.related_links.select_related("page__hero_image").prefetch_related(
                "page__hero_image__renditions"
            )
            if link.page.live
        ]
        if chosen:
            return chosen
        others = newest_first(
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions"),
            self.locale_id,
        )
        if self.campaign_id:
            others = others.filter(campaign_id=self.campaign_id)
        else:
            tag_ids = [tag.pk for tag in self.tags.all()]
            if not tag_ids:
                return []
            # A subquery, not a join: no DISTINCT over every page column.
            others = others.filter(
                pk__in=ArticlePageTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")
            )
        return list(others[:3])

    def get_context(self, request, *args, **kwargs):
        from django.utils.functional import SimpleLazyObject

        context = super().get_context(request, *args, **kwargs)
        # The cards' department names in one pass (one cache read, not one per card). Read
        # only when the template's page part is rendered, not when it is kept (perf).
        context["related_articles"] = SimpleLazyObject(
            lambda: attach_departments(self.related_articles())
        )
        return context


class ArticleRelatedLink(Orderable):
    source = ParentalKey(ArticlePage, related_name="related_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Another article worth reading next."),
    )

    panels = [FieldPanel("page")]
