"""Policy and law Q&A: members ask, the board answers on a page of its own.

Each published answer is a QAPage, not a row rendered into a list: it then goes through the
editorial workflow and revisions like every page, and site search, the sitemap, feeds and the
editorial reports count it without code of their own. The question as asked (and who asked it)
stays in the ``Question`` model, which only the board sees in the admin; the page carries only
the wording the board chose to publish.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage
from engage.dates import long_date
from search.text import clean_query, folded_terms, highlight


class Topic(models.TextChoices):
    LABOUR = "lao-dong", _("Labour Code, contracts and leave")
    SOCIAL_INSURANCE = "bhxh", _("Social and health insurance")
    MATERNITY = "thai-san", _("Maternity benefits")
    PAY = "tien-luong", _("Pay, allowances and ranks")
    TEACHERS = "nha-giao", _("Teachers' working rules")
    UNION = "cong-doan", _("Union dues and members' rights")
    OTHER = "khac", _("Other questions")


class Question(models.Model):
    """A question sent through the Q&A form. Who asked is never shown on the site."""

    class Status(models.TextChoices):
        NEW = "moi", _("New")
        ANSWERING = "dang-tra-loi", _("Being answered")
        PUBLISHED = "da-dang", _("Answer published")
        DECLINED = "tu-choi", _("Declined")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    question = models.TextField(_("question as asked"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by (account)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_questions",
    )
    name = models.CharField(
        _("name for the reply"),
        max_length=120,
        blank=True,
        help_text=_("How the asker wants to be addressed in the e-mail. Never published."),
    )
    email = models.EmailField(_("e-mail for the reply"), blank=True)
    language = models.CharField(max_length=10, default="vi", editable=False)
    board_note = models.TextField(
        _("board's note"),
        blank=True,
        help_text=_("Only the board sees this: who checks the answer, what to look up."),
    )
    page = models.OneToOneField(
        "engage.QAPage",
        verbose_name=_("answer page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_question",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    notified_at = models.DateTimeField(_("asker told at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return Truncator(self.question).chars(80)

    @property
    def short_question(self):
        return Truncator(" ".join(self.question.split())).chars(120)


class QAIndexPage(BasePage):
    """The Q&A page: published answers grouped by topic, in-page search, and the question form."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What readers can ask, and that answers are general information."),
    )
    questions_from_anyone = models.BooleanField(
        _("anyone may ask"),
        default=False,
        help_text=_("Off: only logged-in members see the form. On: anyone with an e-mail."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["engage.QAPage"]
    max_count_per_parent = 1
    template = "engage/qa_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions_from_anyone"),
    ]

    class Meta:
        verbose_name = _("Q&A page")
        verbose_name_plural = _("Q&A pages")

    def answers(self):
        return QAPage.objects.child_of(self).live().public().order_by("title")

    def search_answers(self, query):
        """Answers whose folded text holds every folded word of the query."""
        terms = folded_terms(query)
        found = []
        for page in self.answers():
            words = set(page.folded_search_text().split())
            if all(term in words for term in terms):
                found.append(page)
        return found

    def grouped(self, pages):
        by_topic = {}
        for page in pages:
            by_topic.setdefault(page.topic, []).append(page)
        return [
            {"key": value, "label": label, "pages": by_topic[value]}
            for value, label in Topic.choices
            if value in by_topic
        ]

    def can_ask(self, request):
        return self.questions_from_anyone or request.user.is_authenticated

    def serve(self, request, *args, **kwargs):
        from engage.forms import QuestionForm

        form = None
        if self.can_ask(request):
            if request.method == "POST":
                form = QuestionForm(request.POST, request=request, page=self)
                if form.is_valid():
                    form.save()
                    return HttpResponseRedirect(self.url + "?da-gui=1#gui-cau-hoi")
            else:
                form = QuestionForm(request=request, page=self)
        query = clean_query(request.GET.get("q", ""))
        pages = self.search_answers(query) if query else list(self.answers())
        for found in pages if query else []:
            found.snippet = highlight(f"{found.question} {found.searchable_text()}", query)
        context = self.get_context(request, *args, **kwargs)
        context.update(
            {
                "form": form,
                "query": query,
                "groups": self.grouped(pages),
                "result_count": len(pages),
                "sent": request.GET.get("da-gui") == "1",
            }
        )
        response = TemplateResponse(request, self.get_template(request), context)
        if form is not None:
            # A form with a CSRF token and the member's own details: never shared from a cache.
            add_never_cache_headers(response)
        return response


class QAPage(BasePage):
    """One answered question, as the board publishes it: no asker's name, ever."""

    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=Topic.choices,
        help_text=_("The group it is listed under on the Q&A page."),
    )
    question = models.TextField(
        _("question"),
        help_text=_(
            "The question as published: remove names, units and anything that identifies who asked."
        ),
    )
    answer = RichTextField(
        _("answer"),
        features=["bold", "italic", "link", "ul", "ol", "document-link"],
        help_text=_("General information with the legal basis; not advice on one person's case."),
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        blank=True,
        help_text=_("For example: Bộ luật Lao động 2019, Điều 113."),
    )

    parent_page_types = ["engage.QAIndexPage"]
    subpage_types = []
    template = "engage/qa_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.SearchField("legal_basis"),
        index.FilterField("topic"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("legal_basis"),
    ]

    class Meta:
        verbose_name = _("answered question")
        verbose_name_plural = _("answered questions")

    @property
    def topic_label(self):
        return Topic(self.topic).label if self.topic in Topic.values else ""

    @cached_property
    def answered_on(self):
        return long_date(self.first_published_at or self.last_published_at)
