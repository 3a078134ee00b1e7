"""ExemplarIndexPage and ExemplarPage: where they live, how they render and preview."""

from cms.models import DepartmentPage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from home.models import HomePage
from tests import factories, utils


class TestExemplarIndexPage(utils.PageTypeTestCase):
    model = ExemplarIndexPage
    parents = [HomePage]
    children = [ExemplarPage]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.ExemplarIndexPageFactory(parent=cls.home, intro="")

    def test_only_one_per_home_page(self):
        self.assertFalse(ExemplarIndexPage.can_create_at(self.home))

    def test_renders_without_exemplars(self):
        response = self.assertServesLive(self.index)
        self.assertIn("Chưa có gương sáng nào", utils.visible_text(response))

    def test_lists_exemplars_with_and_without_portrait(self):
        with_portrait = factories.ExemplarPageFactory(
            parent=self.index, title="Nguyễn Thị Lan", portrait=factories.ImageFactory()
        )
        without_portrait = factories.ExemplarPageFactory(
            parent=self.index, title="Trần Văn Bình", portrait=None
        )
        self.assertServesLive(self.index, with_portrait.title, without_portrait.title)

    def test_previewable(self):
        self.assertPreviewable(self.index)


class TestExemplarPage(utils.PageTypeTestCase):
    model = ExemplarPage
    parents = [ExemplarIndexPage, DepartmentPage]
    children = []

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = factories.ExemplarIndexPageFactory(parent=cls.home)
        departments = factories.DepartmentIndexPageFactory(parent=cls.home)
        cls.department = factories.DepartmentPageFactory(
            parent=departments, title="Công đoàn Khoa Vật lý", short_name="Khoa Vật lý"
        )
        campaigns = factories.CampaignIndexPageFactory(parent=cls.home)
        cls.campaign = factories.CampaignPageFactory(parent=campaigns, title="Tháng Công nhân")
        # No portrait, no decision (nominated by a unit), no campaign, no tags.
        cls.minimal = factories.ExemplarPageFactory(
            parent=cls.index,
            title="Lê Thị Hồng",
            portrait=None,
            decision_number="",
            issuing_body="",
            nominating_unit="Công đoàn Phòng Đào tạo",
        )
        cls.full = factories.ExemplarPageFactory(
            parent=cls.department,
            title="Đặng Văn Hùng",
            position="Giảng viên chính",
            unit="Khoa Vật lý",
            portrait=factories.ImageFactory(),
            decision_number="125/QĐ-CĐT",
            issuing_body="Ban Chấp hành Công đoàn trường",
            campaign=cls.campaign,
            tags=["Gương sáng nhà giáo"],
            story=[
                ("paragraph", factories.paragraph_html("Thầy Hùng dạy học 30 năm.")),
                ("quote", {"text": "Dạy chữ và dạy người.", "attribution": "Đặng Văn Hùng"}),
            ],
        )

    def test_renders_without_portrait_or_decision(self):
        self.assertServesLive(
            self.minimal,
            self.minimal.title,
            self.minimal.citation,
            "Theo đề cử của Công đoàn Phòng Đào tạo",
        )

    def test_renders_with_every_optional_field(self):
        self.assertServesLive(
            self.full,
            self.full.title,
            "Giảng viên chính",
            "Quyết định số 125/QĐ-CĐT – Ban Chấp hành Công đoàn trường",
            "Thầy Hùng dạy học 30 năm.",
            "Dạy chữ và dạy người.",
            self.campaign.title,
            "Gương sáng nhà giáo",
        )

    def test_previewable(self):
        self.assertPreviewable(self.minimal)
        self.assertPreviewable(self.full)

    def test_verified_only_with_consent_photo_rights_and_a_basis(self):
        self.assertTrue(self.full.is_verified)
        self.assertTrue(self.minimal.is_verified)  # nominated by a unit is a basis too
        for change in (
            {"consent_recorded": False},
            {"photo_rights_recorded": False},
            {"decision_number": "", "issuing_body": "", "nominating_unit": ""},
            {"issuing_body": "", "nominating_unit": ""},
        ):
            with self.subTest(**change):
                page = ExemplarPage.objects.get(pk=self.full.pk)
                for name, value in change.items():
                    setattr(page, name, value)
                self.assertFalse(page.is_verified)
