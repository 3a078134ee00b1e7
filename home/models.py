"""The front page and the campaign landing pages."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import SectionBlock
from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage, HeroImageMixin
from cms.models.tags import TaggedPageBase
from cms.utils import attach_departments

# The campaign page lists its newest articles; the campaign's archive lists them all.
CAMPAIGN_ARTICLES = 24
# Above this many articles, its newest are found by walking the date index (perf).
COMMON_CAMPAIGN = 500


class HomePage(BasePage):
    """The union's front page: lead story, latest news, exemplars, the current campaign."""

    intro = models.CharField(
        _("greeting"),
        max_length=255,
        blank=True,
        help_text=_(
            "One sentence under the union's name, e.g. The news site of the university union."
        ),
    )
    lead_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest article."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.NewsIndexPage",
        "exemplars.ExemplarIndexPage",
        "home.CampaignIndexPage",
        "cms.DepartmentIndexPage",
        "cms.StandardPage",
        "library.DocumentLibraryPage",
        "engage.SurveyIndexPage",
        "engage.QAIndexPage",
    ]
    template = "pages/home_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("lead_article"),
        InlinePanel("quick_links", label=_("Quick links"), max_num=6),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from django.utils.functional import SimpleLazyObject

        from exemplars.models import ExemplarPage

        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's page parts are rendered, not when they are kept (perf).
        found = {}

        def listed():
            if not found:
                found.update(self._lead_and_latest())
            return found

        context["lead_article"] = SimpleLazyObject(lambda: listed()["lead"])
        context["latest_articles"] = SimpleLazyObject(lambda: listed()["latest"])
        context["featured_exemplars"] = (
            ExemplarPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("portrait", "category")
            .prefetch_related("portrait__renditions")
            .order_by("-year_recognised", "-first_published_at")[:4]
        )
        context["campaign"] = CampaignPage.current_or_next(self.locale_id)
        context["quick_links"] = self.quick_links.select_related("page")
        return context

    def _lead_and_latest(self):
        from articles.models import ArticlePage, newest_first

        # newest_first: the database walks the date index and stops (issue #8).
        articles = newest_first(
            ArticlePage.objects.live()
            .public()
            .select_related("hero_image", "campaign")
            .prefetch_related("hero_image__renditions"),
            self.locale_id,
        )
        # The chosen lead with its picture in one query (not the article, then its image).
        lead = (
            ArticlePage.objects.filter(pk=self.lead_article_id, live=True)
            .select_related("hero_image", "campaign")
            .first()
            if self.lead_article_id
            else None
        )
        latest = list(articles.exclude(pk=lead.pk)[:6] if lead else articles[:7])
        if lead is None and latest:
            lead = latest.pop(0)
        attach_departments([p for p in [lead, *latest] if p])
        return {"lead": lead, "latest": latest}


class HomeQuickLink(Orderable):
    """A shortcut on the front page: documents, surveys, Q&A …"""

    home = ParentalKey(HomePage, related_name="quick_links", on_delete=models.CASCADE)
    label = models.CharField(
        _("name"), max_length=60, help_text=_("E.g. Documents, Surveys, Questions and answers.")
    )
    description = models.CharField(
        _("description"),
        max_length=160,
        blank=True,
        help_text=_("One line saying where the shortcut leads."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="trang",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page of the site, or fill in an external address."),
    )
    external_url = models.URLField(
        _("external address"), blank=True, help_text=_("E.g. the e-office.")
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("description"),
        FieldPanel("page"),
        FieldPanel("external_url"),
    ]

    def clean(self):
        if bool(self.page_id) == bool(self.external_url):
            raise ValidationError(_("Choose a page of the site or enter an external address."))

    @property
    def url(self):
        if not self.page_id:
            return self.external_url
        from perf.lookups import localized

        # A section's translation is kept in the cache (perf.lookups.localized): no query.
        return localized(self.page).url


class CampaignIndexPage(BasePage):
    """The list of campaigns: those running now, those coming, and past ones."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short paragraph about the campaigns."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    max_count_per_parent = 1
    template = "pages/campaign_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("campaign list")
        verbose_name_plural = _("campaign list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        campaigns = CampaignPage.objects.child_of(self).live().public().select_related("hero_image")
        context["current_campaigns"] = campaigns.filter(
            start_date__lte=today, end_date__gte=today
        ).order_by("end_date")
        context["upcoming_campaigns"] = campaigns.filter(start_date__gt=today).order_by(
            "start_date"
        )
        context["past_campaigns"] = campaigns.filter(end_date__lt=today).order_by("-end_date")
        return context


class CampaignPageTag(TaggedPageBase):
    content_object = ParentalKey(
        "home.CampaignPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CampaignPage(HeroImageMixin, BasePage):
    """A landing page for a peak campaign (20/11, Workers' Month …) and everything linked to it."""

    theme = models.CharField(
        _("theme"),
        max_length=255,
        help_text=_(
            "The campaign's slogan or theme, e.g. Thanking our teachers – Spreading kindness."
        ),
    )
    start_date = models.DateField(_("start date"), help_text=_("The day the campaign starts."))
    end_date = models.DateField(_("end date"), help_text=_("The day the campaign ends."))
    key_date = models.DateField(
        _("key date"),
        null=True,
        blank=True,
        help_text=_("The campaign's main day, e.g. 20/11; the home page counts down to it."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_(
            "Two or three sentences on what the campaign is for, shown on cards and when shared."
        ),
    )
    sections = StreamField(SectionBlock(), verbose_name=_("sections"), blank=True)
    tags = ClusterTaggableManager(_("tags"), through=CampaignPageTag, blank=True)

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    template = "pages/campaign_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("theme", boost=2),
        index.SearchField("summary"),
        index.SearchField("sections"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("key_date"), FieldPanel("end_date")],
            heading=_("Dates"),
        ),
        FieldPanel("summary"),
        *HeroImageMixin.hero_panels,
        FieldPanel("sections"),
        FieldPanel("tags"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date must be after the start date.")
        if (
            self.key_date
            and self.start_date
            and self.end_date
            and not self.start_date <= self.key_date <= self.end_date
        ):
            errors["key_date"] = _("The key date must fall within the campaign.")
        if errors:
            raise ValidationError(errors)

    @property
    def status(self):
        today = timezone.localdate()
        if self.start_date > today:
            return "upcoming"
        if self.end_date < today:
            return "past"
        return "current"

    @property
    def status_label(self):
        return {"upcoming": _("Coming up"), "past": _("Finished"), "current": _("Under way")}[
            self.status
        ]

    @property
    def days_to_key_date(self):
        if not self.key_date:
            return None
        days = (self.key_date - timezone.localdate()).days
        return days if days >= 0 else None

    @classmethod
    def current_or_next(cls, locale_id=None):
        """The campaign running today (ending soonest), else the next one to start: kept in
        the cache for the day until a campaign of the language, an image or a restriction
        changes (perf.lookups.remember; two queries on every home page otherwise)."""
        from perf.lookups import remember

        today = timezone.localdate()

        def find():
            campaigns = cls.objects.live().public().select_related("hero_image")
            if locale_id:
                campaigns = campaigns.filter(locale_id=locale_id)
            current = campaigns.filter(start_date__lte=today, end_date__gte=today).order_by(
                "end_date"
            )
            upcoming = campaigns.filter(
                start_date__gt=today, start_date__lte=today + datetime.timedelta(days=366)
            ).order_by("start_date")
            return current.first() or upcoming.first()

        if not locale_id:
            return find()
        return remember(
            f"campaign-now:{locale_id}:{today.isoformat()}",
            {f"campaigns:{locale_id}", "images", "restrictions"},
            find,
        )

    def get_context(self, request, *args, **kwargs):
        from django.utils.functional import SimpleLazyObject

        from exemplars.models import ExemplarPage

        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's page part is rendered, not when it is kept (perf).
        context["campaign_articles"] = SimpleLazyObject(self._newest_articles)
        context["campaign_exemplars"] = SimpleLazyObject(
            lambda: list(
                ExemplarPage.objects.live()
                .public()
                .filter(campaign=self)
                .select_related("portrait", "category")
                .prefetch_related("portrait__renditions")
                .order_by("title")
            )
        )
        return context

    def _newest_articles(self):
        from django.db.models import F

        from articles.models import ArticlePage, newest_first
        from listings import tally
        from perf.pagination import cached_count

        listed = (
            ArticlePage.objects.live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )
        articles = listed.filter(campaign=self)
        # A campaign with many articles is listed by walking the article date index and
        # stopping after a page (issue #8: flat at 100,000 articles), its campaign written so
        # that the campaign index cannot be taken instead; a small one by its own rows,
        # sorted. The count is kept until an article of this campaign changes.
        # Counted from the kept counts (listings.tally), not from the campaign's rows.
        count = lambda: tally.every_language("campaign", self.pk)  # noqa: E731
        if cached_count(articles, {f"campaign:{self.pk}"}, count=count) > COMMON_CAMPAIGN:
            in_campaign = listed.alias(article_campaign=F("campaign_id") + 0)
            articles = newest_first(in_campaign.filter(article_campaign=self.pk), self.locale_id)
        else:
            articles = articles.order_by("-date", "-pk")
        return attach_departments(list(articles[:CAMPAIGN_ARTICLES]))
