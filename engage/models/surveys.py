"""Surveys of staff, built by the communications board with Wagtail's form builder."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.models.pages import FOLDED_SEARCH_FIELD, BasePage
from engage.dates import long_datetime
from engage.spam import RateLimit, SpamProtectedForm

SURVEY_RATE = RateLimit("survey", per_address=30, per_account=5, window=3600)

CHOICE_TYPES = ("checkboxes", "radio", "dropdown", "multiselect", "checkbox")


def login_url(request):
    from django.contrib.auth.views import redirect_to_login
    from django.urls import reverse

    return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))


class SurveyIndexPage(BasePage):
    """The list of the union's surveys: open ones first, then closed ones with their dates."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Why the union asks, and what it did with earlier answers."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["engage.SurveyPage"]
    max_count_per_parent = 1
    template = "engage/survey_index_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("survey list")
        verbose_name_plural = _("survey lists")

    def surveys_for(self, request):
        """Live surveys the reader may open: members-only ones only for those let in."""
        pages = SurveyPage.objects.child_of(self).live().order_by("-opens_at", "-pk")
        if not request.user.is_authenticated:
            return list(pages.public())
        return [
            page
            for page in pages
            if all(r.accept_request(request) for r in page.get_view_restrictions())
        ]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Which surveys are open changes with the clock, not with a publish: never cached.
        add_never_cache_headers(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = self.surveys_for(request)
        context["open_surveys"] = [s for s in surveys if s.state == SurveyPage.OPEN]
        context["other_surveys"] = [s for s in surveys if s.state != SurveyPage.OPEN]
        return context


class SurveyFormField(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveySubmission(AbstractFormSubmission):
    """One answer to a survey; ``user`` is kept so a member cannot answer twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_submissions",
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [models.Index(fields=["page", "user"])]

    def get_data(self):
        data = super().get_data()
        data["respondent"] = self.user.get_username() if self.user_id else ""
        return data


class SurveyPage(EmailFormMixin, FormMixin, BasePage):
    """A survey built from questions in the admin; answers are listed and exported under Forms."""

    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    CLOSED = "closed"

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What the survey is for, how long it takes, who sees the answers."),
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after someone sends their answers."),
    )
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("Empty: open as soon as it is published."),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Empty: open until unpublished. After this moment the form is not shown."),
    )
    one_answer_per_member = models.BooleanField(
        _("one answer per member"),
        default=False,
        help_text=_(
            "Readers must log in, and each account can answer once. To limit the survey to "
            "members, also set the page's privacy to the members group."
        ),
    )

    parent_page_types = ["engage.SurveyIndexPage"]
    subpage_types = []
    template = "engage/survey_page.html"
    landing_page_template = "engage/survey_page_landing.html"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField(FOLDED_SEARCH_FIELD),
    ]
    content_panels = Page.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("one_answer_per_member"),
            ],
            heading=_("When and who"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail each answer (optional)"),
        ),
    ]

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The survey must close after it opens.")})

    @property
    def state(self):
        now = timezone.now()
        if self.opens_at and now < self.opens_at:
            return self.NOT_YET_OPEN
        if self.closes_at and now >= self.closes_at:
            return self.CLOSED
        return self.OPEN

    @property
    def opens_text(self):
        return long_datetime(self.opens_at)

    @property
    def closes_text(self):
        return long_datetime(self.closes_at)

    # The form --------------------------------------------------------------------------------

    def get_submission_class(self):
        return SurveySubmission

    def get_submissions_list_view_class(self):
        from engage.views import SurveySubmissionsListView

        return SurveySubmissionsListView

    def get_form_class(self):
        return type(
            "SurveyForm",
            (SpamProtectedForm, super().get_form_class()),
            {"rate_limit": SURVEY_RATE},
        )

    def get_data_fields(self):
        fields = super().get_data_fields()
        return [fields[0], ("respondent", _("Respondent")), *fields[1:]]

    def process_form_submission(self, form):
        user = form.user if form.user and form.user.is_authenticated else None
        submission = SurveySubmission.objects.create(
            form_data=form.cleaned_data, page=self, user=user
        )
        if self.to_address:
            self.send_mail(form)
        form.record_submission()
        return submission

    def has_answered(self, user):
        return (
            user.is_authenticated and SurveySubmission.objects.filter(page=self, user=user).exists()
        )

    def serve(self, request, *args, **kwargs):
        response = self._serve(request, *args, **kwargs)
        # A form with a CSRF token and per-person state must never be cached for others.
        add_never_cache_headers(response)
        return response

    def _serve(self, request, *args, **kwargs):
        state = self.state
        if state == self.OPEN and self.one_answer_per_member:
            if not request.user.is_authenticated:
                return login_url(request)
            if self.has_answered(request.user):
                state = "answered"
        if state != self.OPEN:
            context = self.get_context(request)
            context["state"] = state
            return TemplateResponse(request, self.get_template(request), context)
        if request.method == "POST":
            form = self.get_form(
                request.POST, request.FILES, page=self, user=request.user, request=request
            )
            if form.is_valid():
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
        else:
            form = self.get_form(page=self, user=request.user, request=request)
        context = self.get_context(request)
        context["form"] = form
        context["state"] = state
        return TemplateResponse(request, self.get_template(request), context)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["state"] = self.OPEN
        return context

    # Results ---------------------------------------------------------------------------------

    def choice_summary(self):
        """For each choice question: its label and (choice, count, percent) rows, in order."""
        questions = [f for f in self.get_form_fields() if f.field_type in CHOICE_TYPES]
        submissions = list(self.get_submissions().values_list("form_data", flat=True))
        total = len(submissions)
        summary = []
        for question in questions:
            name = question.clean_name
            if question.field_type == "checkbox":
                choices = [_("Yes"), _("No")]
                values = [[choices[0] if data.get(name) else choices[1]] for data in submissions]
            else:
                choices = _split_by_newline_or_comma(question.choices)
                values = []
                for data in submissions:
                    value = data.get(name)
                    if value in (None, ""):
                        values.append([])
                    else:
                        values.append(value if isinstance(value, list) else [value])
            counts = {str(choice): 0 for choice in choices}
            answered = 0
            for chosen in values:
                if chosen:
                    answered += 1
                for value in chosen:
                    counts[str(value)] = counts.get(str(value), 0) + 1
            rows = [
                (choice, count, round(100 * count / answered) if answered else 0)
                for choice, count in counts.items()
            ]
            summary.append(
                {
                    "label": question.label,
                    "multiple": question.field_type in ("checkboxes", "multiselect"),
                    "answered": answered,
                    "rows": rows,
                }
            )
        return {"total": total, "questions": summary}
