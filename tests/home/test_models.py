"""HomePage, CampaignIndexPage and CampaignPage: where they live, how they render and preview."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page

from articles.models import NewsIndexPage
from cms.models import DepartmentIndexPage, StandardPage
from engage.models import QAIndexPage, SurveyIndexPage
from exemplars.models import ExemplarIndexPage
from home.models import CampaignIndexPage, CampaignPage, HomePage, HomeQuickLink
from library.models import DocumentLibraryPage
from tests import factories, utils

TODAY = timezone.localdate


class TestHomePage(utils.PageTypeTestCase):
    model = HomePage
    parents = [Page]
    children = [
        NewsIndexPage,
        ExemplarIndexPage,
        CampaignIndexPage,
        DepartmentIndexPage,
        StandardPage,
        DocumentLibraryPage,
        SurveyIndexPage,
        QAIndexPage,
    ]

    def test_renders_on_a_new_site_with_nothing_published(self):
        response = self.assertServesLive(self.home, self.home.intro)
        self.assertIn("Chưa có bài viết nào", utils.visible_text(response))

    def test_renders_with_lead_story_news_exemplars_campaign_and_quick_links(self):
        news = factories.NewsIndexPageFactory(parent=self.home)
        exemplars = factories.ExemplarIndexPageFactory(parent=self.home)
        campaigns = factories.CampaignIndexPageFactory(parent=self.home)
        lead = factories.ArticlePageFactory(
            parent=news, title="Hội nghị đại biểu đoàn viên năm 2026", hero_image=None
        )
        other = factories.ArticlePageFactory(
            parent=news,
            title="Giải bóng bàn truyền thống",
            hero_image=factories.ImageFactory(),
            date=TODAY() - datetime.timedelta(days=1),
        )
        exemplar = factories.ExemplarPageFactory(parent=exemplars, portrait=None)
        campaign = factories.CampaignPageFactory(
            parent=campaigns, title="Tháng Công nhân", hero_image=factories.ImageFactory()
        )
        self.home.lead_article = lead
        self.home.quick_links = [
            HomeQuickLink(label="Tin tức", page=news),
            HomeQuickLink(label="E-office", external_url="https://eoffice.example.edu.vn/"),
        ]
        self.home.save()

        response = self.assertServesLive(
            self.home, lead.title, other.title, exemplar.title, campaign.title, "E-office"
        )
        self.assertContains(response, 'href="https://eoffice.example.edu.vn/"')
        self.assertEqual(response.context["lead_article"], lead)

    def test_previewable(self):
        self.assertPreviewable(self.home)


class TestCampaignIndexPage(utils.PageTypeTestCase):
    model = CampaignIndexPage
    parents = [HomePage]
    children = [CampaignPage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.CampaignIndexPageFactory(parent=cls.home, intro="")

    def test_only_one_per_home_page(self):
        self.assertFalse(CampaignIndexPage.can_create_at(self.home))

    def test_renders_without_campaigns(self):
        self.assertServesLive(self.index)

    def test_renders_with_campaigns_with_and_without_image(self):
        with_image = factories.CampaignPageFactory(
            parent=self.index, hero_image=factories.ImageFactory()
        )
        without_image = factories.CampaignPageFactory(parent=self.index, hero_image=None)
        self.assertServesLive(self.index, with_image.title, without_image.title)

    def test_previewable(self):
        self.assertPreviewable(self.index)


class TestCampaignPage(utils.PageTypeTestCase):
    model = CampaignPage
    parents = [CampaignIndexPage]
    children = []

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.CampaignIndexPageFactory(parent=cls.home)
        cls.news = factories.NewsIndexPageFactory(parent=cls.home)
        cls.exemplars = factories.ExemplarIndexPageFactory(parent=cls.home)
        # Only what an editor must fill in.
        cls.minimal = factories.CampaignPageFactory(
            parent=cls.index, title="An toàn vệ sinh lao động", key_date=None, sections=[]
        )
        cls.full = factories.CampaignPageFactory(
            parent=cls.index,
            title="Tri ân Ngày Nhà giáo Việt Nam 20/11",
            hero_image=factories.ImageFactory(),
            hero_caption="Lễ kỷ niệm tại hội trường A",
            hero_credit="Ảnh: Ban Tuyên giáo",
            key_date=TODAY() + datetime.timedelta(days=3),
            sections=[
                ("heading", {"text": "Các hoạt động chính", "level": "h2"}),
                ("paragraph", factories.paragraph_html("Thăm hỏi các nhà giáo lão thành.")),
                (
                    "key_figures",
                    {"figures": [{"number": "120", "label": "nhà giáo được thăm hỏi"}]},
                ),
            ],
            tags=["Nhà giáo"],
        )
        cls.article = factories.ArticlePageFactory(
            parent=cls.news, title="Gặp mặt nhà giáo lão thành", campaign=cls.full
        )
        cls.exemplar = factories.ExemplarPageFactory(parent=cls.exemplars, campaign=cls.full)

    def test_renders_with_only_required_fields(self):
        self.assertServesLive(self.minimal, self.minimal.title, self.minimal.theme)

    def test_renders_everything_linked_to_it(self):
        self.assertServesLive(
            self.full,
            self.full.title,
            "Các hoạt động chính",
            "Thăm hỏi các nhà giáo lão thành.",
            "nhà giáo được thăm hỏi",
            "Lễ kỷ niệm tại hội trường A",
            self.article.title,
            self.exemplar.title,
            "Nhà giáo",
        )

    def test_previewable(self):
        self.assertPreviewable(self.minimal)
        self.assertPreviewable(self.full)


class TestCampaignDates(utils.SiteTestCase):
    """CampaignPage.clean: the dates an editor enters must make sense."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.campaign = factories.CampaignPageFactory(
            parent=factories.CampaignIndexPageFactory(parent=cls.home),
            start_date=datetime.date(2026, 11, 1),
            end_date=datetime.date(2026, 11, 30),
        )

    def clean_with(self, **dates):
        campaign = CampaignPage.objects.get(pk=self.campaign.pk)
        for name, value in dates.items():
            setattr(campaign, name, value)
        campaign.full_clean()

    def assertRejected(self, field, **dates):
        with self.assertRaises(ValidationError) as caught:
            self.clean_with(**dates)
        self.assertEqual(list(caught.exception.message_dict), [field])

    def test_end_before_start_is_rejected(self):
        self.assertRejected("end_date", end_date=datetime.date(2026, 10, 31))

    def test_key_date_outside_the_campaign_is_rejected(self):
        self.assertRejected("key_date", key_date=datetime.date(2026, 10, 31))
        self.assertRejected("key_date", key_date=datetime.date(2026, 12, 1))

    def test_boundaries_are_accepted(self):
        self.clean_with(end_date=datetime.date(2026, 11, 1), key_date=datetime.date(2026, 11, 1))
        self.clean_with(key_date=datetime.date(2026, 11, 30))
        self.clean_with(key_date=None)

    def test_admin_form_shows_the_error(self):
        self.client.force_login(self.superuser)
        data = utils.edit_form_data(self.client, self.campaign)
        data["end_date"] = "2026-10-01"
        data["action-publish"] = "action-publish"
        response = self.client.post(utils.edit_url(self.campaign), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ngày kết thúc phải sau ngày bắt đầu.", utils.visible_text(response))
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.end_date, datetime.date(2026, 11, 30))
