"""When the board publishes an answer page, the asker is told by e-mail (once)."""

from django.conf import settings
from django.core.mail import send_mail
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.signals import page_published


@receiver(page_published)
def tell_the_asker(sender, instance, **kwargs):
    from engage.models import QAPage, Question

    if not isinstance(instance, QAPage):
        return
    question = Question.objects.filter(page_id=instance.pk).first()
    if question is None:
        return
    if question.status != Question.Status.PUBLISHED:
        Question.objects.filter(pk=question.pk).update(status=Question.Status.PUBLISHED)
    if question.notified_at or not question.email:
        return
    notify_asker(question, instance)


def notify_asker(question, page):
    from engage.models import Question

    language = question.language if question.language in dict(settings.LANGUAGES) else "vi"
    with translation.override(language):
        context = {"question": question, "page": page, "url": page.get_full_url()}
        subject = gettext("Your question has been answered – %(site)s") % {
            "site": settings.WAGTAIL_SITE_NAME
        }
        body = render_to_string("engage/email/answer_published.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [question.email])
    Question.objects.filter(pk=question.pk).update(notified_at=timezone.now())
