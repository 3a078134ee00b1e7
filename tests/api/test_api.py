"""The read-only API at /api/v2/: public pages, images and documents only, with app fields."""

import datetime

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction

from tests import factories
from tests.library.factories import DocumentPageFactory, make_members_only, member

API = "/api/v2/"


@pytest.fixture
def site(news_index, department, library_page):
    image = factories.ImageFactory(title="Hội thao 20/11")
    public = factories.ArticlePageFactory(
        parent=department,
        title="Hội thao chào mừng Ngày Nhà giáo Việt Nam",
        lead="Hơn 300 đoàn viên tham gia bóng chuyền hơi, cầu lông và kéo co.",
        date=datetime.date(2025, 11, 15),
        hero_image=image,
        tags=["20/11", "thể thao"],
    )
    private = factories.ArticlePageFactory(
        parent=news_index, title="Công khai tài chính nội bộ", lead="Chỉ dành cho đoàn viên."
    )
    make_members_only(private)
    draft = factories.ArticlePageFactory(parent=news_index, title="Bản nháp chưa duyệt", live=False)
    return {"public": public, "private": private, "draft": draft, "image": image}


@pytest.fixture
def library_page(home_page):
    from tests.library.factories import DocumentLibraryPageFactory

    return DocumentLibraryPageFactory(parent=home_page)


def titles(response):
    assert response.status_code == 200, response.content[:500]
    return [item["title"] for item in response.json()["items"]]


def test_listing_has_public_live_pages_only(client, site):
    shown = titles(client.get(API + "pages/", {"limit": 20}))
    assert site["public"].title in shown
    assert site["private"].title not in shown
    assert site["draft"].title not in shown


def test_listing_carries_the_fields_an_app_needs(client, site):
    response = client.get(API + "pages/", {"type": "articles.ArticlePage"})
    (item,) = response.json()["items"]
    assert item["title"] == site["public"].title
    assert item["date"] == "2025-11-15"
    assert item["lead"].startswith("Hơn 300 đoàn viên")
    assert item["tags"] == ["20/11", "thể thao"]
    assert item["department"]["title"] == "Công đoàn Khoa Toán"
    assert item["meta"]["html_url"] == "http://localhost" + site["public"].url
    card = item["image"]["card"]
    assert (card["width"], card["height"]) == (640, 360)
    assert card["url"].startswith("http")
    assert item["image"]["large"]["width"] == 1200


def test_generic_listing_fields_too(client, site):
    items = client.get(API + "pages/", {"limit": 20}).json()["items"]
    article = next(item for item in items if item["id"] == site["public"].pk)
    assert article["lead"].startswith("Hơn 300")
    assert article["department"]["short_name"]


def test_detail_of_public_page(client, site):
    response = client.get(f"{API}pages/{site['public'].pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == site["public"].title
    assert data["image"]["thumbnail"]["width"] == 240


def test_private_and_draft_pages_are_404(client, site):
    for key in ("private", "draft"):
        assert client.get(f"{API}pages/{site[key].pk}/").status_code == 404
    found = client.get(API + "pages/find/", {"html_path": site["private"].url})
    assert found.status_code == 404


def test_private_pages_stay_out_even_for_a_logged_in_member(client, site, django_user_model):
    client.force_login(member(django_user_model))
    assert site["private"].url == client.get(site["private"].url).request["PATH_INFO"]
    shown = titles(client.get(API + "pages/", {"limit": 20}))
    assert site["private"].title not in shown
    assert client.get(f"{API}pages/{site['private'].pk}/").status_code == 404


def test_children_of_a_private_page_stay_out(client, site, news_index):
    child_parent = factories.StandardPageFactory(parent=news_index.get_parent(), title="Nội bộ")
    make_members_only(child_parent)
    child = factories.StandardPageFactory(parent=child_parent, title="Lịch họp nội bộ")
    assert child.title not in titles(client.get(API + "pages/", {"limit": 20}))
    assert client.get(API + "pages/", {"child_of": child_parent.pk}).status_code == 400


def test_search_finds_public_pages_with_or_without_marks(client, site):
    for query in ("Hội thao", "hoi thao", "HỘI THAO nhà giáo"):
        assert titles(client.get(API + "pages/", {"search": query})) == [site["public"].title]


def test_search_never_finds_private_pages(client, site):
    assert titles(client.get(API + "pages/", {"search": "tài chính nội bộ"})) == []


@pytest.mark.parametrize(
    "query", ['"', "\x00", "AND OR NOT", "a" * 5000, "title:*", "(((", "' OR 1=1 --", ""]
)
def test_search_input_is_cleaned(client, site, query):
    for endpoint in ("pages", "images", "documents"):
        response = client.get(f"{API}{endpoint}/", {"search": query})
        assert response.status_code == 200, (endpoint, query)


def test_bad_search_operator_is_a_400_not_a_500(client, site):
    response = client.get(API + "pages/", {"search": "hội thao", "search_operator": "xor"})
    assert response.status_code == 400


def test_api_is_read_only(client, site):
    assert client.post(API + "pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"{API}pages/{site['public'].pk}/").status_code == 405


# Images and documents -----------------------------------------------------------------------


@pytest.fixture
def members_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Tài liệu đoàn viên")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get_or_create(name="Đoàn viên")[0]])
    return collection


def test_images_outside_restricted_collections(client, site, members_collection):
    hidden = factories.ImageFactory(title="Ảnh nội bộ", collection=members_collection)
    shown = titles(client.get(API + "images/"))
    assert site["image"].title in shown
    assert hidden.title not in shown
    assert client.get(f"{API}images/{hidden.pk}/").status_code == 404


def test_documents_of_members_only_pages_never_listed(
    client, library_page, members_collection, django_user_model
):
    public = factories.DocumentFactory(title="Kế hoạch truyền thông 2023–2028")
    DocumentPageFactory(parent=library_page, files=[public])
    private = factories.DocumentFactory(title="Báo cáo tài chính nội bộ")
    make_members_only(DocumentPageFactory(parent=library_page, files=[private]))
    unpublished = factories.DocumentFactory(title="Dự thảo nghị quyết")
    DocumentPageFactory(parent=library_page, files=[unpublished], live=False)
    in_collection = factories.DocumentFactory(title="Biên bản họp", collection=members_collection)
    loose = factories.DocumentFactory(title="Mẫu đơn")

    client.force_login(member(django_user_model))
    shown = titles(client.get(API + "documents/"))
    assert sorted(shown) == sorted([public.title, loose.title])
    for hidden in (private, unpublished, in_collection):
        assert client.get(f"{API}documents/{hidden.pk}/").status_code == 404
    item = client.get(f"{API}documents/{public.pk}/").json()
    assert item["meta"]["download_url"].endswith(public.url)


def test_document_pages_with_their_metadata(client, library_page):
    pdf = factories.DocumentFactory(title="Kế hoạch 15", file__filename="ke-hoach-15.pdf")
    DocumentPageFactory(
        parent=library_page,
        title="Kế hoạch truyền thông 2023–2028",
        number="15/KH-CĐT",
        date_issued=datetime.date(2024, 4, 25),
        files=[pdf],
    )
    response = client.get(
        API + "pages/",
        {
            "type": "library.DocumentPage",
            "fields": "number,kind,issuer,date_issued,file_links",
            "order": "-date_issued",
        },
    )
    (item,) = response.json()["items"]
    assert item["number"] == "15/KH-CĐT"
    assert item["kind"] == "ke-hoach"
    assert item["date_issued"] == "2024-04-25"
    assert item["date"] == "2024-04-25"
    assert item["file_links"] == [
        {"title": "Kế hoạch 15", "url": pdf.url, "type": "pdf", "size": pdf.file_size}
    ]


@pytest.mark.parametrize(
    "params",
    [{"locale": "\x00"}, {"page": "x", "nam": "\x00", "locale": "\x00"}, {"type": "\x00"}],
)
@pytest.mark.parametrize("pk", [1, 2**31, 2**63])
def test_hostile_detail_and_filters_are_never_a_500(client, site, params, pk):
    client.raise_request_exception = False
    for url in (f"{API}pages/{pk}/", f"{API}pages/", f"{API}documents/{pk}/"):
        response = client.get(url, params)
        assert response.status_code < 500, (url, params)
