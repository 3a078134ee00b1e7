"""StreamField blocks shared by every page type.

Each block has an icon, a template, a description and a preview value; link logic lives on
``LinkStructValue`` and cross-field validation in ``clean()``. Labels, help texts and
descriptions are English msgids (Vietnamese in locale/vi); preview values are sample content of
the union, in Vietnamese like the demo.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

__all__ = [
    "BodyBlock",
    "CallToActionBlock",
    "CaptionedImageBlock",
    "DocumentLinkBlock",
    "GalleryBlock",
    "HeadingBlock",
    "InfographicBlock",
    "KeyFigureBlock",
    "QuoteBlock",
    "SectionBlock",
    "VideoBlock",
]

# Groups of the block chooser.
TEXT = pgettext_lazy("block group", "Text")
MEDIA = _("Images and video")
LINKS = pgettext_lazy("block group", "Links")

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class LinkStructValue(blocks.StructValue):
    """A link to a page of the site or to an external address, whichever the editor chose."""

    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""

    def is_external(self):
        return not self.get("page") and bool(self.get("external_url"))


def _require_one_target(value):
    page, url = value.get("page"), value.get("external_url")
    if page and url:
        message = _("Choose only one: a page of the site or an outside address.")
    elif not page and not url:
        message = _("Choose a page of the site or enter an outside address.")
    else:
        return
    raise StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=pgettext_lazy("block", "Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subheading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "components/blocks/heading_block.html"
        description = _("A heading that divides the article into sections.")
        preview_value = {"text": "Hoạt động nổi bật trong tháng", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=pgettext_lazy("block", "Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Image credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Captioned image")
        template = "components/blocks/captioned_image_block.html"
        description = _("One image the full width of the article, with its caption and credit.")
        preview_value = {"caption": "Đoàn viên tham gia hội thao", "credit": "Ảnh: CĐ trường"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Speaker"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote_block.html"
        description = _("A notable saying, with the name of who said it.")
        preview_value = {
            "text": "Mỗi cán bộ, nhà giáo, người lao động là một tuyên truyền viên.",
            "attribution": "Kế hoạch truyền thông 2023–2028",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("Paste a YouTube or Facebook link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "components/blocks/video_block.html"
        description = _("A YouTube or Facebook video, shown inside the article.")
        preview_value = {"caption": "Phóng sự ngày Nhà giáo Việt Nam"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=pgettext_lazy("block", "Document"))
    title = blocks.CharBlock(
        label=_("Display name"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Attached document")
        template = "components/blocks/document_link_block.html"
        description = _("A link to download a document (PDF, Word, Excel …).")
        preview_value = {"title": "Kế hoạch truyền thông 2023–2028"}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=160)
    images = blocks.ListBlock(
        CaptionedImageBlock(), label=pgettext_lazy("block", "Images"), min_num=2, max_num=24
    )

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "components/blocks/gallery_block.html"
        description = _("A grid of images, each with its caption.")
        preview_value = {"title": "Hình ảnh hội thao"}


class InfographicBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Infographic image"))
    title = blocks.CharBlock(label=pgettext_lazy("block", "Title"), max_length=160)
    description = blocks.TextBlock(
        label=_("Text version"),
        help_text=_("Sum up the figures of the image for readers who use a screen reader."),
    )

    class Meta:
        icon = "image"
        label = _("Infographic")
        template = "components/blocks/infographic_block.html"
        description = _(
            "A tall infographic image with a text version and a link to the full-size image."
        )
        preview_value = {
            "title": "Công đoàn trường năm học 2025–2026",
            "description": "98% đoàn viên được thăm hỏi khi ốm đau; 12 gương sáng được tuyên dương.",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Call to action text"), max_length=200)
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page of the site"), required=False)
    external_url = blocks.URLBlock(label=_("Or an outside address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/blocks/call_to_action_block.html"
        description = _("A highlighted box with a button leading to a page or a form.")
        value_class = LinkStructValue
        preview_value = {
            "text": "Gửi ý kiến của bạn về nội dung bản tin",
            "button_label": "Tham gia khảo sát",
            "external_url": "https://example.org/khao-sat",
        }

    def clean(self, value):
        value = super().clean(value)
        _require_one_target(value)
        return value


class KeyFigureBlock(blocks.StructBlock):
    figures = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("number", blocks.CharBlock(label=_("Figure"), max_length=20)),
                ("label", blocks.CharBlock(label=_("Meaning"), max_length=120)),
            ],
            icon="order",
        ),
        label=_("Figures"),
        min_num=1,
        max_num=6,
    )

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "components/blocks/key_figure_block.html"
        description = _("One to six large figures with their meaning, such as the plan's targets.")
        preview_value = {
            "figures": [
                {"number": "100%", "label": "đoàn viên được tiếp cận thông tin"},
                {"number": "20/11", "label": "Ngày Nhà giáo Việt Nam"},
            ]
        }


class BodyBlock(blocks.StreamBlock):
    """The body of articles and exemplar stories."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        description=_("Formatted text: bold, italic, links, lists."),
        preview_value="<p>Sáng 20/11, Công đoàn trường tổ chức gặp mặt các thầy cô giáo.</p>",
        group=TEXT,
    )
    heading = HeadingBlock(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    image = CaptionedImageBlock(group=MEDIA)
    gallery = GalleryBlock(group=MEDIA)
    infographic = InfographicBlock(group=MEDIA)
    video = VideoBlock(group=MEDIA)
    document = DocumentLinkBlock(group=LINKS)
    call_to_action = CallToActionBlock(group=LINKS)

    class Meta:
        block_counts = {}


class SectionBlock(BodyBlock):
    """Campaign landing pages: the body blocks plus key figures."""

    key_figures = KeyFigureBlock(group=TEXT)
