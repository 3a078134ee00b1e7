from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The union's name, logo, contact and channels, shown in the header and footer."""

    union_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Công đoàn Trường Đại học",
        help_text=_("Full name, shown at the top and bottom of every page."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        default="Lan Tỏa",
        help_text=_("Short name for phone screens and the browser tab title."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("One line under the name, e.g. Care – Protect – Renew."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square or wide image, with a transparent background if possible."),
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Office address.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("Contact phone number.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("The union's contact mailbox."))
    facebook_url = models.URLField(
        _("Facebook page"), blank=True, help_text=_("Address of the fan page.")
    )
    zalo_url = models.URLField(
        _("Zalo OA"), blank=True, help_text=_("Address of the Zalo Official Account.")
    )
    website_url = models.URLField(
        _("university website"), blank=True, help_text=_("The university's home page.")
    )
    eoffice_url = models.URLField(
        _("e-office"), blank=True, help_text=_("Address of the e-office system.")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("union_name"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("zalo_url"),
                FieldPanel("website_url"),
                FieldPanel("eoffice_url"),
            ],
            heading=_("Channels"),
        ),
    ]

    class Meta:
        verbose_name = _("general settings")
        verbose_name_plural = _("general settings")

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Zalo", self.zalo_url),
            (_("University website"), self.website_url),
            ("E-office", self.eoffice_url),
        ]
        return [(label, url) for label, url in links if url]


class SiteText(TranslatableMixin, models.Model):
    """The header and footer words readers see, one per language, translated with
    wagtail-localize like pages (Wagtail's settings cannot be translated; wagtail#11508).

    Empty fields fall back to the general settings (name, tagline, address).
    """

    union_name = models.CharField(
        _("organisation name"),
        max_length=200,
        blank=True,
        help_text=_("Full name in this language; empty: the name in the general settings."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("One line under the name; empty: the tagline in the general settings."),
    )
    address = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_("Office address in this language; empty: the address in the settings."),
    )
    footer_note = models.CharField(
        _("footer note"),
        max_length=300,
        blank=True,
        help_text=_("The sentence after the copyright at the bottom of every page."),
    )

    panels = [
        FieldPanel("union_name"),
        FieldPanel("tagline"),
        FieldPanel("address"),
        FieldPanel("footer_note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("header and footer text")
        verbose_name_plural = _("header and footer text")

    def __str__(self):
        return str(self.union_name or _("Header and footer text"))
