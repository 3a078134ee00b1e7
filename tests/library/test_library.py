"""The document library: listing, filters, search, document pages, files and privacy."""

import datetime

import pytest

from django.conf import settings
from django.test import override_settings

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import NewsIndexPage
from cms.models import DepartmentPage, StandardPage
from home.models import HomePage
from library.models import FILE_TYPES, DocumentLibraryPage, DocumentPage
from tests import factories, utils
from tests.library.factories import DocumentPageFactory, make_members_only, member


class TestPageTypes(WagtailPageTestCase):
    def test_library_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(DocumentLibraryPage, {HomePage})
        self.assertAllowedSubpageTypes(DocumentLibraryPage, {DocumentPage})
        for parent in (Page, NewsIndexPage, StandardPage, DepartmentPage):
            self.assertCanNotCreateAt(parent, DocumentLibraryPage)

    def test_documents_live_in_the_library_only(self):
        self.assertAllowedParentPageTypes(DocumentPage, {DocumentLibraryPage})
        self.assertAllowedSubpageTypes(DocumentPage, set())
        self.assertCanNotCreateAt(HomePage, DocumentPage)


@pytest.fixture
def shelf(library):
    """Four documents of different types, years and issuers."""
    return {
        "plan": DocumentPageFactory(
            parent=library,
            title="Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028",
            number="15/KH-CĐT",
            kind="ke-hoach",
            date_issued=datetime.date(2024, 4, 25),
            summary="Chuyển đổi số, số hóa tài liệu truyền thông và bồi dưỡng cán bộ.",
            tags=["truyền thông"],
        ),
        "guide": DocumentPageFactory(
            parent=library,
            title="Hướng dẫn thủ tục thăm hỏi đoàn viên ốm đau",
            number="08/HD-CĐT",
            kind="huong-dan",
            date_issued=datetime.date(2025, 1, 10),
            summary="Hồ sơ và trình tự thăm hỏi đoàn viên nằm viện.",
        ),
        "sector": DocumentPageFactory(
            parent=library,
            title="Hướng dẫn triển khai chương trình truyền thông",
            number="04/HD-CĐN",
            kind="huong-dan",
            issuer="Công đoàn Giáo dục Việt Nam",
            date_issued=datetime.date(2024, 4, 10),
            summary="Hướng dẫn của công đoàn ngành.",
        ),
        "notice": DocumentPageFactory(
            parent=library,
            title="Thông báo tổ chức Hội thao chào mừng 20/11",
            number="21/TB-CĐT",
            kind="thong-bao",
            date_issued=datetime.date(2025, 10, 6),
            summary="Bóng chuyền hơi, cầu lông và kéo co.",
        ),
    }


def listed(response):
    return [page.title for page in response.context["documents"]]


def test_library_lists_documents_newest_first(client, library, shelf):
    response = client.get(library.url)
    assert response.status_code == 200
    assert listed(response) == [
        shelf["notice"].title,
        shelf["guide"].title,
        shelf["plan"].title,
        shelf["sector"].title,
    ]
    text = utils.visible_text(response)
    assert "4 văn bản" in text
    assert "Số 15/KH-CĐT" in text
    assert "25/04/2024" in text


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"loai": "huong-dan"}, {"guide", "sector"}),
        ({"nam": "2024"}, {"plan", "sector"}),
        ({"co-quan": "Công đoàn Giáo dục Việt Nam"}, {"sector"}),
        ({"loai": "huong-dan", "nam": "2025"}, {"guide"}),
        ({"the": "truyen-thong"}, {"plan"}),
        ({"q": "thăm hỏi"}, {"guide"}),
        ({"q": "tham hoi"}, {"guide"}),
        ({"q": "15/KH-CĐT"}, {"plan"}),
        ({"q": "so hoa tai lieu"}, {"plan"}),
        ({"q": "không có văn bản nào như thế"}, set()),
    ],
)
def test_filters_and_search(client, library, shelf, params, expected):
    response = client.get(library.url, params)
    assert response.status_code == 200
    assert set(listed(response)) == {shelf[key].title for key in expected}
    if not expected:
        assert "Không có văn bản nào khớp" in utils.visible_text(response)


def test_filter_choices_come_from_the_documents(client, library, shelf):
    document = utils.soup(client.get(library.url))
    years = [o["value"] for o in document.select("#library-year option") if o["value"]]
    issuers = [o["value"] for o in document.select("#library-issuer option") if o["value"]]
    kinds = [o.get_text() for o in document.select("#library-kind option")]
    assert years == ["2025", "2024"]
    assert issuers == ["Ban Chấp hành Công đoàn trường", "Công đoàn Giáo dục Việt Nam"]
    assert {"Kế hoạch", "Hướng dẫn", "Nghị quyết", "Thông báo", "Báo cáo", "Công văn"} <= set(kinds)


@pytest.mark.parametrize(
    "params",
    [
        {"loai": "khong-co"},
        {"nam": "abcd"},
        {"nam": "99999999999"},
        {"q": '"OR 1=1 --'},
        {"q": "\x00"},
        {"q": "a" * 5000},
        {"co-quan": "\x00"},
        {"the": "\x00"},
        {"trang": "-1"},
        {"trang": "999"},
    ],
)
def test_bad_parameters_never_error(client, library, shelf, params):
    response = client.get(library.url, params)
    assert response.status_code == 200


def test_pagination_fifteen_per_page(client, library):
    for number in range(17):
        DocumentPageFactory(
            parent=library,
            title=f"Thông báo số {number:02d}",
            date_issued=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            files=[],
        )
    first = client.get(library.url)
    second = client.get(library.url, {"trang": "2"})
    assert len(listed(first)) == 15
    assert listed(second) == ["Thông báo số 01", "Thông báo số 00"]
    next_link = utils.soup(first).find("a", rel="next")
    assert client.get(library.url + next_link["href"]).context["documents"].number == 2


def test_document_page_shows_metadata_viewer_and_download(client, library):
    pdf = factories.DocumentFactory(title="Bản ký", file__filename="ke-hoach-15.pdf")
    docx = factories.DocumentFactory(
        title="Bản Word", file__filename="ke-hoach-15.docx", file__data=b"PK\x03\x04 word"
    )
    page = DocumentPageFactory(
        parent=library,
        title="Kế hoạch truyền thông 2023–2028",
        number="15/KH-CĐT",
        kind="ke-hoach",
        date_issued=datetime.date(2024, 4, 25),
        effective_date=datetime.date(2024, 5, 1),
        files=[pdf, docx],
        tags=["truyền thông"],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    text = utils.visible_text(response)
    for expected in (
        "Số hiệu 15/KH-CĐT",
        "Loại văn bản Kế hoạch",
        "Cơ quan ban hành Ban Chấp hành Công đoàn trường",
        "Ngày ban hành 25/04/2024",
        "Ngày hiệu lực 01/05/2024",
        "PDF, 22 byte",
        "Word, 9 byte",
    ):
        assert expected in text
    document = utils.soup(response)
    frame = document.select_one(".document__viewer iframe")
    assert frame["src"].startswith(pdf.url)
    downloads = [a["href"] for a in document.select("a[download]")]
    assert downloads == [pdf.url, docx.url]
    assert "truyen-thong" in document.select_one(".tags a")["href"]


def test_pdf_is_served_inline_and_may_be_framed_by_the_site(client, library):
    pdf = factories.DocumentFactory(file__filename="thong-bao.pdf")
    DocumentPageFactory(parent=library, files=[pdf])
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'none'" not in response.get("Content-Security-Policy", "")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_other_files_download(client, library):
    docx = factories.DocumentFactory(file__filename="mau-don.docx", file__data=b"PK\x03\x04")
    DocumentPageFactory(parent=library, files=[docx])
    response = client.get(docx.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_documents_go_through_the_serve_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_documented_file_types_match_the_upload_setting(client, library):
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(FILE_TYPES)
    text = utils.visible_text(client.get(library.url))
    for extension in settings.WAGTAILDOCS_EXTENSIONS:
        assert extension.upper() in text


# Members-only documents ---------------------------------------------------------------------


@pytest.fixture
def private_document(library):
    pdf = factories.DocumentFactory(title="Báo cáo tài chính nội bộ", file__filename="bao-cao.pdf")
    page = DocumentPageFactory(
        parent=library,
        title="Báo cáo công khai tài chính công đoàn 2025",
        kind="bao-cao",
        files=[pdf],
    )
    make_members_only(page)
    return page, pdf


def test_members_only_document_is_hidden_from_anonymous_readers(client, library, private_document):
    page, _ = private_document
    public = DocumentPageFactory(parent=library, title="Thông báo công khai")
    response = client.get(library.url)
    assert listed(response) == [public.title]
    assert page.title not in utils.visible_text(response)
    assert client.get(library.url, {"q": "tài chính"}).context["documents"].paginator.count == 0


def test_member_sees_it_listed_and_marked(client, django_user_model, library, private_document):
    page, _ = private_document
    client.force_login(member(django_user_model))
    response = client.get(library.url)
    assert page.title in listed(response)
    assert "Dành cho đoàn viên" in utils.visible_text(response)


def test_anonymous_reader_following_a_link_logs_in_and_lands_on_it(
    client, django_user_model, library, private_document
):
    page, _ = private_document
    member(django_user_model)
    response = client.get(page.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert "next=" in login_url
    login = client.get(login_url)
    assert "Quên mật khẩu" in utils.visible_text(login)
    landed = client.post(
        login_url,
        {
            "username": "doanvien.kiemthu",
            "password": "mat-khau-doan-vien-2026",
            "next": page.url,
        },
        follow=True,
    )
    assert landed.redirect_chain[-1][0] == page.url
    assert page.title in utils.visible_text(landed)


def test_private_file_needs_the_same_login(client, django_user_model, library, private_document):
    _, pdf = private_document
    anonymous = client.get(pdf.url)
    assert anonymous.status_code == 302
    assert "next=" in anonymous["Location"]

    outsider = django_user_model.objects.create_user("khach", password="mat-khau-khach-2026")
    client.force_login(outsider)
    assert client.get(pdf.url).status_code == 404

    client.force_login(member(django_user_model))
    assert client.get(pdf.url).status_code == 200


def test_file_shared_with_a_public_page_stays_public(client, library, private_document):
    _, pdf = private_document
    DocumentPageFactory(parent=library, title="Bản công khai", files=[pdf])
    assert client.get(pdf.url).status_code == 200


@override_settings(LANGUAGE_CODE="vi")
def test_empty_library_says_so(client, library):
    assert "chưa có văn bản nào" in utils.visible_text(client.get(library.url))
