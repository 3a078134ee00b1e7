"""DepartmentIndexPage, DepartmentPage and StandardPage: structure, rendering and preview."""

from articles.models import ArticlePage
from cms.models import DepartmentIndexPage, DepartmentPage, StandardPage
from exemplars.models import ExemplarPage
from home.models import HomePage
from tests import factories, utils


class TestDepartmentIndexPage(utils.PageTypeTestCase):
    model = DepartmentIndexPage
    parents = [HomePage]
    children = [DepartmentPage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.DepartmentIndexPageFactory(parent=cls.home, intro="")

    def test_only_one_per_home_page(self):
        self.assertFalse(DepartmentIndexPage.can_create_at(self.home))

    def test_renders_without_departments(self):
        self.assertServesLive(self.index)

    def test_lists_published_departments_by_name(self):
        van = factories.DepartmentPageFactory(parent=self.index, title="Công đoàn Khoa Ngữ văn")
        hoa = factories.DepartmentPageFactory(parent=self.index, title="Công đoàn Khoa Hóa học")
        hidden = factories.DepartmentPageFactory(parent=self.index, title="Công đoàn Đã giải thể")
        hidden.unpublish()
        response = self.assertServesLive(self.index, van.title, hoa.title)
        self.assertEqual(list(response.context["departments"]), [hoa, van])
        self.assertNotIn(hidden.title, utils.visible_text(response))

    def test_previewable(self):
        self.assertPreviewable(self.index)


class TestDepartmentPage(utils.PageTypeTestCase):
    model = DepartmentPage
    parents = [DepartmentIndexPage]
    children = [ArticlePage, ExemplarPage, StandardPage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.DepartmentIndexPageFactory(parent=cls.home)
        cls.minimal = factories.DepartmentPageFactory(
            parent=cls.index,
            title="Công đoàn Thư viện",
            short_name="",
            chair_name="",
            email="",
        )
        cls.full = factories.DepartmentPageFactory(
            parent=cls.index,
            title="Công đoàn Khoa Toán – Tin",
            short_name="Khoa Toán – Tin",
            description="<p>Gồm 85 đoàn viên là giảng viên và chuyên viên.</p>",
            chair_name="Nguyễn Quốc Bảo",
            email="cd.toantin@truong.edu.vn",
            phone="024 3754 7823",
            office="Phòng A2-301",
            image=factories.ImageFactory(),
        )
        cls.article = factories.ArticlePageFactory(parent=cls.full, title="Khoa Toán – Tin họp")
        cls.exemplar = factories.ExemplarPageFactory(
            parent=cls.full,
            title="Phạm Minh Đức",
            category=factories.ExemplarCategoryFactory(),
        )

    def test_renders_with_only_a_name(self):
        self.assertServesLive(self.minimal)

    def test_renders_contacts_and_its_latest_pages(self):
        self.assertServesLive(
            self.full,
            "Gồm 85 đoàn viên",
            "Nguyễn Quốc Bảo",
            "cd.toantin@truong.edu.vn",
            "Phòng A2-301",
            self.article.title,
            self.exemplar.title,
        )

    def test_display_name_falls_back_to_the_title(self):
        self.assertEqual(self.full.display_name, "Khoa Toán – Tin")
        self.assertEqual(self.minimal.display_name, "Công đoàn Thư viện")

    def test_previewable(self):
        self.assertPreviewable(self.minimal)
        self.assertPreviewable(self.full)


class TestStandardPage(utils.PageTypeTestCase):
    model = StandardPage
    parents = [HomePage, StandardPage, DepartmentPage]
    children = [StandardPage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = factories.StandardPageFactory(
            parent=cls.home, title="Giới thiệu", intro="", body=[], hero_image=None
        )
        departments = factories.DepartmentIndexPageFactory(parent=cls.home)
        department = factories.DepartmentPageFactory(parent=departments)
        cls.guide = factories.StandardPageFactory(
            parent=department,
            title="Hướng dẫn thủ tục trợ cấp ốm đau",
            intro="Các bước đề nghị trợ cấp khi đoàn viên ốm đau.",
            hero_image=factories.ImageFactory(),
            body=[
                ("heading", {"text": "Hồ sơ cần chuẩn bị", "level": "h2"}),
                ("paragraph", factories.paragraph_html("Giấy ra viện và đơn đề nghị.")),
                ("document", {"document": factories.DocumentFactory(), "title": "Mẫu đơn"}),
                (
                    "call_to_action",
                    {
                        "text": "Cần hỗ trợ?",
                        "button_label": "Liên hệ",
                        "page": cls.about,
                        "external_url": "",
                    },
                ),
            ],
        )
        cls.nested = factories.StandardPageFactory(parent=cls.about, title="Ban Chấp hành")

    def test_renders_with_title_only(self):
        self.assertServesLive(self.about)

    def test_renders_every_block(self):
        response = self.assertServesLive(
            self.guide, "Hồ sơ cần chuẩn bị", "Giấy ra viện và đơn đề nghị.", "Mẫu đơn", "Liên hệ"
        )
        self.assertContains(response, f'href="{self.about.url}"')

    def test_nested_page_is_served(self):
        self.assertServesLive(self.nested)

    def test_previewable(self):
        self.assertPreviewable(self.about)
        self.assertPreviewable(self.guide)
