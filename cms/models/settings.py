from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The union's name, logo, contact and channels, shown in the header and footer."""

    union_name = models.CharField(
        "tên tổ chức",
        max_length=200,
        default="Công đoàn Trường Đại học",
        help_text="Tên đầy đủ, hiện ở đầu và cuối mỗi trang.",
    )
    short_name = models.CharField(
        "tên ngắn",
        max_length=60,
        default="Lan Tỏa",
        help_text="Tên ngắn cho màn hình điện thoại và tiêu đề tab trình duyệt.",
    )
    tagline = models.CharField(
        "khẩu hiệu",
        max_length=200,
        blank=True,
        help_text="Một dòng dưới tên, ví dụ: Chăm lo – Bảo vệ – Đổi mới.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh vuông hoặc ngang, nền trong suốt nếu có.",
    )
    address = models.CharField(
        "địa chỉ", max_length=255, blank=True, help_text="Địa chỉ văn phòng."
    )
    phone = models.CharField(
        "điện thoại", max_length=40, blank=True, help_text="Số điện thoại liên hệ."
    )
    email = models.EmailField("thư điện tử", blank=True, help_text="Hộp thư liên hệ của công đoàn.")
    facebook_url = models.URLField("trang Facebook", blank=True, help_text="Địa chỉ fanpage.")
    zalo_url = models.URLField("Zalo OA", blank=True, help_text="Địa chỉ Zalo Official Account.")
    website_url = models.URLField(
        "website của trường", blank=True, help_text="Trang chủ của nhà trường."
    )
    eoffice_url = models.URLField(
        "e-office", blank=True, help_text="Địa chỉ hệ thống văn phòng điện tử."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("union_name"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading="Tổ chức",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading="Liên hệ"
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("zalo_url"),
                FieldPanel("website_url"),
                FieldPanel("eoffice_url"),
            ],
            heading="Kênh truyền thông",
        ),
    ]

    class Meta:
        verbose_name = "cài đặt chung"
        verbose_name_plural = "cài đặt chung"

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Zalo", self.zalo_url),
            ("Website trường", self.website_url),
            ("E-office", self.eoffice_url),
        ]
        return [(label, url) for label, url in links if url]
