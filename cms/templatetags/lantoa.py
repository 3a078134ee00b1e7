from django import template
from django.urls import reverse
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def localized_url(name, *args):
    """The Vietnamese or English address of a non-page view (search, tags)."""
    suffix = "_en" if get_language() == "en" else ""
    return reverse(name + suffix, args=args)


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with ``changes`` applied (None removes a key)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
