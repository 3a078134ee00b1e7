from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    """Reaching readers outside the site: archives, feeds, sitemap, link previews, sharing."""

    name = "channels"
    verbose_name = _("Publishing channels")
