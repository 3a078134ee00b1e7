"""Test data: wagtail-factories page and block factories with Vietnamese Faker text.

Pages leave ``slug`` empty so the project's own rule (BasePage folds the title to ASCII and
de-duplicates among siblings) gives every page its address, as the admin would.
"""

import datetime

import factory
import wagtail_factories
from faker import Faker

from django.utils import timezone

from wagtail import blocks as wagtail_blocks
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from articles.models import ArticlePage, NewsIndexPage
from cms import blocks
from cms.models import DepartmentIndexPage, DepartmentPage, StandardPage, Tag
from cms.text import slugify_vi
from exemplars.models import ExemplarCategory, ExemplarIndexPage, ExemplarPage
from home.models import CampaignIndexPage, CampaignPage, HomePage

LOCALE = "vi_VN"
fake = Faker(LOCALE)

UNITS = [
    "Khoa Toán – Tin",
    "Khoa Ngữ văn",
    "Khoa Vật lý",
    "Khoa Hóa học",
    "Khoa Lịch sử",
    "Phòng Đào tạo",
    "Phòng Tổ chức cán bộ",
    "Thư viện",
]


def vi(provider, **kwargs):
    return factory.Faker(provider, locale=LOCALE, **kwargs)


def headline(words=6):
    return factory.LazyFunction(lambda: fake.sentence(nb_words=words).rstrip("."))


def paragraph_html(text=None):
    return RichText(f"<p>{text or fake.paragraph(nb_sentences=4)}</p>")


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    title = vi("sentence", nb_words=4)
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=1200, height=630, color="#1f6f5c")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = vi("sentence", nb_words=5)
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="ke-hoach.pdf", data=b"%PDF-1.4 Lan Toa test\n")


# Blocks -----------------------------------------------------------------------------------


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = factory.LazyFunction(paragraph_html)

    class Meta:
        model = wagtail_blocks.RichTextBlock


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = headline(5)
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = vi("sentence", nb_words=12)
    attribution = vi("name")

    class Meta:
        model = blocks.QuoteBlock


class CaptionedImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(ImageFactory)
    caption = vi("sentence", nb_words=8)
    credit = factory.LazyFunction(lambda: f"Ảnh: {fake.name()}")

    class Meta:
        model = blocks.CaptionedImageBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    heading = factory.SubFactory(HeadingBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    image = factory.SubFactory(CaptionedImageBlockFactory)

    class Meta:
        model = blocks.BodyBlock


class SectionBlockFactory(BodyBlockFactory):
    class Meta:
        model = blocks.SectionBlock


class StreamFieldFactory(wagtail_factories.StreamFieldFactory):
    """wagtail-factories' StreamFieldFactory, with a stream to use when a test asks for none.

    ``default={"0": "paragraph"}`` gives one paragraph made by its block factory; passing
    ``body=[...]`` or ``body__0__heading__text=...`` replaces it.
    """

    def __init__(self, block_types, default=None, **kwargs):
        super().__init__(block_types, **kwargs)
        self.default = default or {}

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra or dict(self.default))


# Snippets and tags ------------------------------------------------------------------------


class ExemplarCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Iterator(
        ["Người tốt việc tốt", "Gương sáng nhà giáo", "Cán bộ công đoàn tiêu biểu"]
    )
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify_vi(o.name)}-{n}")
    description = vi("sentence", nb_words=10)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ExemplarCategory


class TagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"{fake.word()} {n}")

    class Meta:
        model = Tag


# Pages ------------------------------------------------------------------------------------


class BasePageFactory(wagtail_factories.PageFactory):
    title = headline()
    slug = ""  # filled from the title by BasePage, as in the admin

    class Meta:
        abstract = True


class TaggedPageFactory(BasePageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()


class HomePageFactory(BasePageFactory):
    title = "Trang chủ"
    intro = "Trang tin của Công đoàn trường"

    class Meta:
        model = HomePage


class NewsIndexPageFactory(BasePageFactory):
    title = "Tin tức"
    intro = vi("sentence", nb_words=10)

    class Meta:
        model = NewsIndexPage


class ArticlePageFactory(TaggedPageFactory):
    date = factory.LazyFunction(timezone.localdate)
    lead = vi("paragraph", nb_sentences=2)
    byline = factory.LazyFunction(lambda: f"{fake.name()} – Ban Tuyên giáo")
    body = StreamFieldFactory(BodyBlockFactory, default={"0": "paragraph"})

    class Meta:
        model = ArticlePage


class ExemplarIndexPageFactory(BasePageFactory):
    title = "Gương sáng"
    intro = vi("sentence", nb_words=10)

    class Meta:
        model = ExemplarIndexPage


class ExemplarPageFactory(TaggedPageFactory):
    title = vi("name")
    position = factory.Iterator(["Giảng viên chính", "Chuyên viên", "Chủ tịch CĐBP", "Nhân viên"])
    unit = factory.Iterator(UNITS)
    category = factory.SubFactory(ExemplarCategoryFactory)
    citation = vi("sentence", nb_words=14)
    story = StreamFieldFactory(BodyBlockFactory, default={"0": "paragraph"})
    year_recognised = factory.LazyFunction(lambda: timezone.localdate().year)
    decision_number = factory.Sequence(lambda n: f"{100 + n}/QĐ-CĐT")
    issuing_body = "Ban Chấp hành Công đoàn trường"
    consent_recorded = True
    photo_rights_recorded = True

    class Meta:
        model = ExemplarPage


class CampaignIndexPageFactory(BasePageFactory):
    title = "Chiến dịch"

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(TaggedPageFactory):
    """A campaign running today unless dates are given."""

    title = factory.Iterator(
        ["Tri ân Ngày Nhà giáo Việt Nam 20/11", "Tháng Công nhân", "An toàn vệ sinh lao động"]
    )
    theme = "Tri ân thầy cô – Lan tỏa yêu thương"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=20))
    summary = vi("paragraph", nb_sentences=2)
    sections = StreamFieldFactory(SectionBlockFactory, default={"0": "paragraph"})

    class Meta:
        model = CampaignPage


class DepartmentIndexPageFactory(BasePageFactory):
    title = "Công đoàn bộ phận"

    class Meta:
        model = DepartmentIndexPage


class DepartmentPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Công đoàn {UNITS[n % len(UNITS)]}")
    short_name = factory.LazyAttribute(lambda o: o.title.removeprefix("Công đoàn "))
    chair_name = vi("name")
    email = factory.LazyAttribute(lambda o: f"{slugify_vi(o.short_name)}@truong.edu.vn")

    class Meta:
        model = DepartmentPage


class StandardPageFactory(BasePageFactory):
    intro = vi("sentence", nb_words=12)
    body = StreamFieldFactory(BodyBlockFactory, default={"0": "paragraph"})

    class Meta:
        model = StandardPage
