"""The review banner of wagtail-localize's translation editor (see cms/translation_workflow.py)."""

from django import template

from cms.translation_workflow import render_review_banner

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review_banner(context, instance):
    return render_review_banner(context["request"], instance)
