"""NewsIndexPage and ArticlePage: where they live, how they render and preview, related reading."""

import datetime

from django.utils import timezone

from articles.models import ArticlePage, ArticleRelatedLink, NewsIndexPage
from cms.models import DepartmentPage
from home.models import HomePage
from tests import factories, utils


class TestNewsIndexPage(utils.PageTypeTestCase):
    model = NewsIndexPage
    parents = [HomePage]
    children = [ArticlePage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.NewsIndexPageFactory(parent=cls.home, intro="")

    def test_only_one_per_home_page(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_renders_without_articles(self):
        response = self.assertServesLive(self.index)
        self.assertIn("Chưa có bài viết nào", utils.visible_text(response))

    def test_lists_the_articles_of_the_board_and_of_the_departments(self):
        board = factories.ArticlePageFactory(
            parent=self.index, title="Tọa đàm kỷ niệm Ngày Nhà giáo", hero_image=None
        )
        departments = factories.DepartmentIndexPageFactory(parent=self.home)
        department = factories.DepartmentPageFactory(
            parent=departments, title="Công đoàn Khoa Ngữ văn", short_name="Khoa Ngữ văn"
        )
        from_department = factories.ArticlePageFactory(
            parent=department,
            title="Khoa Ngữ văn thăm hỏi đoàn viên ốm đau",
            hero_image=factories.ImageFactory(),
        )
        draft = factories.ArticlePageFactory(parent=self.index, title="Bản nháp chưa duyệt")
        draft.unpublish()

        response = self.assertServesLive(
            self.index, board.title, from_department.title, "Khoa Ngữ văn"
        )
        self.assertNotIn(draft.title, utils.visible_text(response))

    def test_newest_first(self):
        today = timezone.localdate()
        older = factories.ArticlePageFactory(
            parent=self.index, title="Tin tuần trước", date=today - datetime.timedelta(days=7)
        )
        newer = factories.ArticlePageFactory(parent=self.index, title="Tin hôm nay", date=today)
        text = utils.visible_text(self.client.get(self.index.url))
        self.assertLess(text.index(newer.title), text.index(older.title))

    def test_previewable(self):
        self.assertPreviewable(self.index)


class TestArticlePage(utils.PageTypeTestCase):
    model = ArticlePage
    parents = [NewsIndexPage, DepartmentPage]
    children = []

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news = factories.NewsIndexPageFactory(parent=cls.home)
        cls.campaigns = factories.CampaignIndexPageFactory(parent=cls.home)
        cls.departments = factories.DepartmentIndexPageFactory(parent=cls.home)
        cls.department = factories.DepartmentPageFactory(
            parent=cls.departments, title="Công đoàn Khoa Toán – Tin", short_name="Khoa Toán – Tin"
        )
        # Only what an editor must fill in: no image, campaign, tags, byline or related links.
        cls.minimal = factories.ArticlePageFactory(
            parent=cls.news, title="Thông báo lịch nghỉ Tết", byline="", hero_image=None
        )
        cls.campaign = factories.CampaignPageFactory(parent=cls.campaigns, title="Tháng Công nhân")
        cls.full = factories.ArticlePageFactory(
            parent=cls.department,
            title="Hội thao chào mừng Tháng Công nhân",
            hero_image=factories.ImageFactory(),
            hero_caption="Đoàn viên Khoa Toán – Tin thi kéo co",
            hero_credit="Ảnh: Phạm Thu Hà",
            byline="Phạm Thu Hà – CĐBP Khoa Toán – Tin",
            campaign=cls.campaign,
            tags=["Thể thao", "Tháng Công nhân"],
            body=[
                (
                    "paragraph",
                    factories.paragraph_html("Sáng thứ Bảy, hơn 200 đoàn viên tham gia."),
                ),
                ("heading", {"text": "Kết quả các môn thi", "level": "h2"}),
                ("quote", {"text": "Khỏe để cống hiến.", "attribution": "Chủ tịch Công đoàn"}),
                (
                    "image",
                    {
                        "image": factories.ImageFactory(),
                        "caption": "Trao giải kéo co",
                        "credit": "",
                    },
                ),
            ],
        )

    def test_renders_with_only_required_fields(self):
        self.assertServesLive(self.minimal, self.minimal.title, self.minimal.lead)

    def test_renders_with_every_optional_field(self):
        self.assertServesLive(
            self.full,
            self.full.title,
            "Sáng thứ Bảy, hơn 200 đoàn viên tham gia.",
            "Kết quả các môn thi",
            "Khỏe để cống hiến.",
            "Trao giải kéo co",
            "Đoàn viên Khoa Toán – Tin thi kéo co",
            "Phạm Thu Hà – CĐBP Khoa Toán – Tin",
            "Thể thao",
        )

    def test_department_is_the_department_page_above_it(self):
        self.assertEqual(self.full.department, self.department)
        self.assertIsNone(self.minimal.department)

    def test_previewable(self):
        self.assertPreviewable(self.minimal)
        self.assertPreviewable(self.full)


class TestRelatedArticles(utils.SiteTestCase):
    """The "read next" list: chosen links first, else the same campaign, else a shared tag."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news = factories.NewsIndexPageFactory(parent=cls.home)
        campaigns = factories.CampaignIndexPageFactory(parent=cls.home)
        cls.campaign = factories.CampaignPageFactory(parent=campaigns)
        cls.article = factories.ArticlePageFactory(parent=cls.news, tags=["Nhà giáo"])

    def test_chosen_links_win(self):
        chosen = factories.ArticlePageFactory(parent=self.news, title="Bài được chọn")
        factories.ArticlePageFactory(parent=self.news, tags=["Nhà giáo"])
        self.article.related_links = [ArticleRelatedLink(page=chosen)]
        self.article.save()
        response = self.client.get(self.article.url)
        self.assertEqual(response.context["related_articles"], [chosen])

    def test_unpublished_chosen_links_are_skipped(self):
        chosen = factories.ArticlePageFactory(parent=self.news, title="Bài đã gỡ")
        sharing_tag = factories.ArticlePageFactory(parent=self.news, tags=["Nhà giáo"])
        self.article.related_links = [ArticleRelatedLink(page=chosen)]
        self.article.save()
        chosen.unpublish()
        response = self.client.get(self.article.url)
        self.assertEqual(response.context["related_articles"], [sharing_tag])
        self.assertNotIn(chosen.title, utils.visible_text(response))

    def test_same_campaign_when_nothing_is_chosen(self):
        self.article.campaign = self.campaign
        self.article.save()
        same = factories.ArticlePageFactory(parent=self.news, campaign=self.campaign)
        factories.ArticlePageFactory(parent=self.news, tags=["Nhà giáo"])
        self.assertEqual(self.article.related_articles(), [same])

    def test_shared_tag_without_campaign(self):
        sharing = factories.ArticlePageFactory(parent=self.news, tags=["nhà giáo", "Công đoàn"])
        factories.ArticlePageFactory(parent=self.news, tags=["Thể thao"])
        self.assertEqual(self.article.related_articles(), [sharing])

    def test_nothing_without_tags_or_campaign(self):
        lonely = factories.ArticlePageFactory(parent=self.news)
        factories.ArticlePageFactory(parent=self.news)
        self.assertEqual(lonely.related_articles(), [])
