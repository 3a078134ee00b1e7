"""The public question form; the survey form is built by Wagtail's form builder (models)."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from engage.models import Question, Topic
from engage.spam import RateLimit, SpamProtectedForm

QUESTION_RATE = RateLimit("question", per_address=10, per_account=5, window=3600)
MIN_QUESTION = 20
MAX_QUESTION = 3000


class QuestionForm(SpamProtectedForm, forms.ModelForm):
    rate_limit = QUESTION_RATE

    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("— Choose a topic —")), *Topic.choices],
        error_messages={
            "required": _("Please choose the topic closest to your question."),
            "invalid_choice": _("Please choose one of the topics in the list."),
        },
    )
    question = forms.CharField(
        label=_("Your question"),
        help_text=_(
            "Describe your situation without names or details that identify other people. "
            "At least 20 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_QUESTION}),
        error_messages={"required": _("Please write your question.")},
    )
    name = forms.CharField(
        label=_("How should we address you? (optional)"),
        help_text=_("Only used in the reply e-mail. Your name is never published."),
        required=False,
        max_length=120,
    )
    email = forms.EmailField(
        label=_("E-mail for the reply"),
        help_text=_("We e-mail you the link when the answer is published. Never published."),
        required=False,
        error_messages={"invalid": _("This e-mail address is not valid, e.g. ten@truong.edu.vn.")},
    )

    class Meta:
        model = Question
        fields = ["topic", "question", "name", "email"]

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        self.member = user if user is not None and user.is_authenticated else None
        if self.member and not self.is_bound:
            self.initial.setdefault("email", self.member.email)
            self.initial.setdefault("name", self.member.get_full_name())
        if not self.member:
            self.fields["email"].required = True
            self.fields["email"].error_messages["required"] = _(
                "Please give an e-mail address so we can tell you when the answer is published."
            )

    def clean_question(self):
        text = " ".join(self.cleaned_data["question"].split())
        if len(text) < MIN_QUESTION:
            raise forms.ValidationError(
                _("Your question is too short: please write at least %(min)s characters."),
                params={"min": MIN_QUESTION},
                code="min_length",
            )
        if len(text) > MAX_QUESTION:
            raise forms.ValidationError(
                _("Your question is too long: please keep it under %(max)s characters."),
                params={"max": MAX_QUESTION},
                code="max_length",
            )
        return self.cleaned_data["question"].strip()

    def clean_email(self):
        email = self.cleaned_data.get("email", "")
        return email or (self.member.email if self.member else "")

    def save(self, commit=True):
        question = super().save(commit=False)
        question.asker = self.member
        question.language = (get_language() or "vi")[:10]
        if commit:
            question.save()
            self.record_submission()
        return question
