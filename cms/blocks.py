"""StreamField blocks shared by every page type.

Each block has an icon, a template, a description and a preview value; link logic lives on
``LinkStructValue`` and cross-field validation in ``clean()``.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

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
        message = "Chỉ chọn một: trang trong site hoặc địa chỉ bên ngoài."
    elif not page and not url:
        message = "Hãy chọn một trang trong site hoặc nhập địa chỉ bên ngoài."
    else:
        return
    raise StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề", max_length=160)
    level = blocks.ChoiceBlock(
        label="Cấp",
        choices=[("h2", "Tiêu đề mục (H2)"), ("h3", "Tiêu đề phụ (H3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "components/blocks/heading_block.html"
        description = "Tiêu đề chia bài viết thành các mục."
        preview_value = {"text": "Hoạt động nổi bật trong tháng", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=300)
    credit = blocks.CharBlock(label="Nguồn ảnh", required=False, max_length=120)

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "components/blocks/captioned_image_block.html"
        description = "Một ảnh toàn chiều rộng bài viết, với chú thích và nguồn ảnh."
        preview_value = {"caption": "Đoàn viên tham gia hội thao", "credit": "Ảnh: CĐ trường"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người nói", required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "components/blocks/quote_block.html"
        description = "Một câu nói nổi bật, kèm tên người nói."
        preview_value = {
            "text": "Mỗi cán bộ, nhà giáo, người lao động là một tuyên truyền viên.",
            "attribution": "Kế hoạch truyền thông 2023–2028",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label="Địa chỉ video", help_text="Dán liên kết YouTube hoặc Facebook.")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=300)

    class Meta:
        icon = "media"
        label = "Video nhúng"
        template = "components/blocks/video_block.html"
        description = "Video từ YouTube hoặc Facebook, hiển thị ngay trong bài."
        preview_value = {"caption": "Phóng sự ngày Nhà giáo Việt Nam"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(
        label="Tên hiển thị",
        required=False,
        max_length=200,
        help_text="Để trống để dùng tên của tài liệu.",
    )

    class Meta:
        icon = "doc-full"
        label = "Tài liệu đính kèm"
        template = "components/blocks/document_link_block.html"
        description = "Liên kết tải về một văn bản (PDF, Word, Excel …)."
        preview_value = {"title": "Kế hoạch truyền thông 2023–2028"}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên bộ ảnh", required=False, max_length=160)
    images = blocks.ListBlock(CaptionedImageBlock(), label="Các ảnh", min_num=2, max_num=24)

    class Meta:
        icon = "image"
        label = "Bộ ảnh"
        template = "components/blocks/gallery_block.html"
        description = "Một lưới ảnh, mỗi ảnh có chú thích."
        preview_value = {"title": "Hình ảnh hội thao"}


class InfographicBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh infographic")
    title = blocks.CharBlock(label="Tiêu đề", max_length=160)
    description = blocks.TextBlock(
        label="Nội dung bằng chữ",
        help_text="Tóm tắt các số liệu trong ảnh cho người đọc bằng trình đọc màn hình.",
    )

    class Meta:
        icon = "image"
        label = "Infographic"
        template = "components/blocks/infographic_block.html"
        description = "Ảnh infographic cao, có bản chữ và liên kết xem ảnh gốc."
        preview_value = {
            "title": "Công đoàn trường năm học 2025–2026",
            "description": "98% đoàn viên được thăm hỏi khi ốm đau; 12 gương sáng được tuyên dương.",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Lời kêu gọi", max_length=200)
    button_label = blocks.CharBlock(label="Chữ trên nút", max_length=60)
    page = blocks.PageChooserBlock(label="Trang trong site", required=False)
    external_url = blocks.URLBlock(label="Hoặc địa chỉ bên ngoài", required=False)

    class Meta:
        icon = "pick"
        label = "Lời kêu gọi hành động"
        template = "components/blocks/call_to_action_block.html"
        description = "Một khung nổi bật với nút bấm dẫn tới trang hoặc biểu mẫu."
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
                ("number", blocks.CharBlock(label="Con số", max_length=20)),
                ("label", blocks.CharBlock(label="Ý nghĩa", max_length=120)),
            ],
            icon="order",
        ),
        label="Các con số",
        min_num=1,
        max_num=6,
    )

    class Meta:
        icon = "order"
        label = "Con số nổi bật"
        template = "components/blocks/key_figure_block.html"
        description = "Từ một đến sáu con số lớn kèm ý nghĩa, ví dụ chỉ tiêu của kế hoạch."
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
        label="Đoạn văn",
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        description="Đoạn văn bản có định dạng đậm, nghiêng, liên kết, danh sách.",
        preview_value="<p>Sáng 20/11, Công đoàn trường tổ chức gặp mặt các thầy cô giáo.</p>",
        group="Văn bản",
    )
    heading = HeadingBlock(group="Văn bản")
    quote = QuoteBlock(group="Văn bản")
    image = CaptionedImageBlock(group="Hình ảnh và video")
    gallery = GalleryBlock(group="Hình ảnh và video")
    infographic = InfographicBlock(group="Hình ảnh và video")
    video = VideoBlock(group="Hình ảnh và video")
    document = DocumentLinkBlock(group="Liên kết")
    call_to_action = CallToActionBlock(group="Liên kết")

    class Meta:
        block_counts = {}


class SectionBlock(BodyBlock):
    """Campaign landing pages: the body blocks plus key figures."""

    key_figures = KeyFigureBlock(group="Văn bản")
