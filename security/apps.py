from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from PIL import Image

        from django.conf import settings

        from security import audit  # noqa: F401  (connects the audit signals)

        # Pillow refuses decompression bombs itself once this is below its default.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
