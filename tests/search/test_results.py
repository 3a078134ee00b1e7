"""Search results on a fixed set of pages: folding, ranking, filters, paging, the index."""

import datetime

import pytest

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests import factories, utils


def paragraph(text):
    return [("paragraph", factories.paragraph_html(text))]


@pytest.fixture
def corpus(home_page, news_index, exemplar_index, campaign_index, department_index):
    department = factories.DepartmentPageFactory(
        parent=department_index,
        title="Công đoàn Khoa Toán",
        short_name="Khoa Toán",
        chair_name="Lê Minh Châu",
        description="",
    )
    category = factories.ExemplarCategoryFactory(name="Lao động xuất sắc", description="")
    campaign = factories.CampaignPageFactory(
        parent=campaign_index,
        title="Tri ân Ngày Nhà giáo Việt Nam 20/11",
        theme="Lan tỏa yêu thương",
        summary="Chuỗi hoạt động tri ân thầy cô.",
        sections=paragraph("Thi viết về người thầy."),
        start_date=datetime.date(2024, 11, 1),
        end_date=datetime.date(2024, 11, 30),
    )
    article = factories.ArticlePageFactory
    pages = {
        "D": department,
        "C1": campaign,
        "A1": article(
            parent=department,
            title="Gương người tốt việc tốt năm học 2024",
            lead="Công đoàn trường tuyên dương mười hai đoàn viên.",
            body=paragraph("Lễ tuyên dương diễn ra ngày 20/11 tại hội trường lớn."),
            byline="",
            date=datetime.date(2024, 11, 20),
            campaign=campaign,
            tags=["khen thưởng"],
        ),
        "A2": article(
            parent=news_index,
            title="Hội nghị cán bộ công chức năm 2023",
            lead="Hội nghị bàn về quy chế chi tiêu nội bộ.",
            body=paragraph("Đại biểu biểu quyết thông qua nghị quyết."),
            byline="",
            date=datetime.date(2023, 3, 15),
        ),
        "A3": article(
            parent=news_index,
            title="Sửa đường vào ký túc xá",
            lead="Con đường mới rộng hơn.",
            body=paragraph("Thi công trong ba tuần."),
            byline="",
            date=datetime.date(2024, 6, 1),
        ),
        "A4": article(
            parent=news_index,
            title="Giải bóng đá giao hữu",
            lead="Đội của thầy Dương Văn Nam vô địch.",
            body=paragraph("Trận chung kết kết thúc với tỉ số 2-1."),
            byline="",
            date=datetime.date(2022, 9, 10),
            tags=["thể thao"],
        ),
        "E1": factories.ExemplarPageFactory(
            parent=department,
            title="Đặng Thị Hường",
            position="Giảng viên chính",
            unit="Khoa Toán – Tin",
            category=category,
            citation="Giúp sinh viên nghèo vượt khó",
            story=paragraph("Cô dạy học hai mươi năm."),
            year_recognised=2022,
        ),
        "E2": factories.ExemplarPageFactory(
            parent=exemplar_index,
            title="Nguyễn Văn Lân",
            position="Chuyên viên",
            unit="Phòng Đào tạo",
            category=category,
            citation="Hiến máu tình nguyện mười lần",
            story=paragraph("Anh luôn sẵn sàng giúp đỡ."),
            year_recognised=2024,
        ),
        "S1": factories.StandardPageFactory(
            parent=home_page,
            title="Hướng dẫn đăng ký nghỉ mát",
            intro="Thủ tục cho đoàn viên.",
            body=paragraph("Liên hệ văn phòng công đoàn trước ngày 30/5."),
        ),
    }
    # The immediate task backend indexes on post_save, before modelcluster commits the tags;
    # a second save indexes them (a deferred task backend reads them after the commit).
    for name in ("A1", "A4"):
        pages[name].save()
    return pages


def keys(corpus, response):
    names = {page.pk: name for name, page in corpus.items()}
    return [names[page.pk] for page in response.context["results"] if page.pk in names]


def search(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response


# A page is also found by its department, the years of its dates, its category and tags: A1 and
# E1 sit under "Công đoàn Khoa Toán", so "cong doan" and "khoa toan" find them too.
CASES = [
    ("guong nguoi tot viec tot", {"A1"}),
    ("gương người tốt việc tốt", {"A1"}),
    ("GUONG NGUOI TOT", {"A1"}),
    ("Gương Người", {"A1"}),
    ("cong doan", {"A1", "S1", "D", "E1"}),
    ("công đoàn", {"A1", "S1", "D", "E1"}),
    ("CÔNG ĐOÀN", {"A1", "S1", "D", "E1"}),
    ("duong", {"A1", "A3", "A4"}),
    ("đường", {"A1", "A3", "A4"}),
    ("Đặng thi huong", {"E1"}),
    ("dang thi huong", {"E1"}),
    ("ĐẶNG THỊ HƯỜNG", {"E1"}),
    ("huong", {"E1", "S1"}),
    ("hội nghị", {"A2"}),
    ("hoi nghi", {"A2"}),
    ("nghi", {"A2", "S1"}),
    ("tri an", {"C1"}),
    ("20/11", {"A1", "C1"}),
    ("hien mau", {"E2"}),
    ("Hiến máu tình nguyện", {"E2"}),
    ("nguyen", {"E2"}),
    ("lan toa", {"C1"}),
    ("bong da", {"A4"}),
    ("khen thuong", {"A1"}),
    ("Lê Minh Châu", {"D"}),
    ("le minh chau", {"D"}),
    ("khoa toan", {"D", "E1", "A1"}),
    ("sinh vien ngheo", {"E1"}),
    ("ky tuc xa", {"A3"}),
    ("ký túc xá", {"A3"}),
    ("quy chế chi tiêu", {"A2"}),
    ("vo dich", {"A4"}),
    ("thi cong", {"A3", "E1"}),
    ("tuyen duong", {"A1"}),
    ("mười", {"A1", "E1", "E2"}),
    ("xylophone", set()),
    ('"cong doan', {"A1", "S1", "D", "E1"}),
]


def test_queries_find_the_expected_pages(client, corpus):
    wrong = {}
    for query, expected in CASES:
        found = set(keys(corpus, search(client, q=query)))
        if found != expected:
            wrong[query] = (sorted(found), sorted(expected))
    assert wrong == {}


@pytest.mark.parametrize(
    ("query", "first"),
    [("đường", {"A3"}), ("Dương", {"A1", "A4"}), ("mười", {"A1", "E2"}), ("mươi", {"E1"})],
)
def test_exact_marks_rank_first(client, corpus, query, first):
    found = keys(corpus, search(client, q=query))
    assert set(found[: len(first)]) == first and len(found) > len(first)


FILTERS = [
    ({"q": "cong doan", "loai": "bai-viet"}, {"A1"}),
    ({"q": "cong doan", "loai": "cong-doan"}, {"D"}),
    ({"q": "cong doan", "loai": "khac"}, {"S1"}),
    ({"q": "huong", "loai": "guong-sang"}, {"E1"}),
    ({"q": "tri an", "loai": "chien-dich"}, {"C1"}),
    ({"q": "khoa toan", "don-vi": "D"}, {"A1", "E1"}),
    ({"q": "cong doan", "don-vi": "D"}, {"A1", "E1"}),
    ({"q": "tuyen duong", "chien-dich": "C1"}, {"A1"}),
    ({"q": "duong", "chien-dich": "C1"}, {"A1"}),
    ({"q": "ky tuc xa", "chien-dich": "C1"}, set()),
    ({"q": "tuyen duong", "the": "khen-thuong"}, {"A1"}),
    ({"q": "ky tuc xa", "the": "khen-thuong"}, set()),
    ({"q": "duong", "nam": "2022"}, {"A4"}),
    ({"q": "duong", "nam": "2024"}, {"A1", "A3"}),
    ({"q": "huong", "nam": "2022"}, {"E1"}),
    ({"q": "duong", "nam": "2024", "loai": "bai-viet"}, {"A1", "A3"}),
    ({"q": "cong doan", "loai": "bai-viet", "don-vi": "D", "nam": "2024"}, {"A1"}),
    ({"q": "cong doan", "loai": "bai-viet", "nam": "2023"}, set()),
    (
        {"q": "duong", "loai": "xyz", "don-vi": "abc", "nam": "9" * 40, "the": "\x00"},
        {"A1", "A3", "A4"},
    ),
    ({"q": "duong", "ngon-ngu": "vi"}, {"A1", "A3", "A4"}),
    ({"q": "duong", "ngon-ngu": "xx\x00"}, {"A1", "A3", "A4"}),
]


def test_filters_combine_with_the_query_and_each_other(client, corpus):
    wrong = {}
    for params, expected in FILTERS:
        params = {
            key: str(corpus[value].pk) if value in corpus else value
            for key, value in params.items()
        }
        found = set(keys(corpus, search(client, **params)))
        if found != expected:
            wrong[str(params)] = (sorted(found), sorted(expected))
    assert wrong == {}


def test_sort_newest_first(client, corpus):
    response = search(client, q="cong doan", **{"sap-xep": "moi-nhat"})
    assert keys(corpus, response)[0] == "A1"
    assert keys(corpus, search(client, q="duong", **{"sap-xep": "moi-nhat"})) == ["A1", "A3", "A4"]


def test_results_show_type_date_department_and_highlighted_snippet(client, corpus):
    response = search(client, q="nguoi tot")
    html = response.content.decode()
    assert "Tìm thấy 1 kết quả" in html
    assert "<mark>người</mark> <mark>tốt</mark>" in html
    assert "20/11/2024" in html
    text = utils.visible_text(response)
    assert "Bài viết" in text and "Khoa Toán" in text


def test_hostile_query_text_is_escaped(client, corpus):
    html = search(client, q="<script>alert(1)</script> duong").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_pagination_edges(client, news_index):
    for i in range(23):
        factories.ArticlePageFactory(parent=news_index, title=f"Hội nghị tổ {i:02d}")
    first = search(client, q="hoi nghi")
    assert first.context["results"].paginator.count == 23
    assert len(first.context["results"]) == 10
    assert "Tìm thấy 23 kết quả" in first.content.decode()
    last = search(client, q="hoi nghi", trang="3")
    assert len(last.context["results"]) == 3
    seen = set()
    for number in ("1", "2", "3"):
        seen |= {page.pk for page in search(client, q="hoi nghi", trang=number).context["results"]}
    assert len(seen) == 23
    for bad in ("999", "0", "-1", "abc", "1e3", "\x00", "2" * 50):
        assert search(client, q="hoi nghi", trang=bad).context["results"].number in (1, 3)


def test_index_follows_publish_unpublish_edit_and_delete(client, news_index):
    article = factories.ArticlePageFactory(parent=news_index, title="Tập huấn sơ cứu")
    assert keys({"a": article}, search(client, q="so cuu")) == ["a"]
    article.unpublish()
    assert keys({"a": article}, search(client, q="so cuu")) == []
    article.title = "Tập huấn phòng cháy"
    article.save_revision().publish()
    assert keys({"a": article}, search(client, q="phong chay")) == ["a"]
    assert keys({"a": article}, search(client, q="so cuu")) == []
    article.delete()
    assert list(search(client, q="phong chay").context["results"]) == []


def test_editors_picks_and_popular_searches(client, corpus):
    SearchPromotion.objects.create(
        query=Query.get("nghỉ mát"),
        page=corpus["S1"],
        description="Đăng ký trước 30/5.",
        sort_order=0,
    )
    html = search(client, q="nghỉ mát").content.decode()
    assert "Ban biên tập giới thiệu" in html and "Đăng ký trước 30/5." in html
    search(client, q="cong doan")
    empty = search(client, q="xylophone")
    text = utils.visible_text(empty)
    assert "Không tìm thấy kết quả nào" in text
    assert "cong doan" in text  # a popular search
    assert "Tri ân Ngày Nhà giáo Việt Nam 20/11" in text  # the latest campaign
    assert "cong doan" in utils.visible_text(search(client))


def test_a_promotion_shows_at_once_and_goes_with_its_page(client, corpus):
    """The picks are kept in the cache: adding, editing or removing a promotion, or
    unpublishing its page, shows on the next search."""
    assert "Ban biên tập giới thiệu" not in search(client, q="nghi mat").content.decode()
    promotion = SearchPromotion.objects.create(
        query=Query.get("nghi mat"), page=corpus["S1"], description="Hạn chót 30/5.", sort_order=0
    )
    assert "Hạn chót 30/5." in search(client, q="nghi mat").content.decode()
    promotion.description = "Hạn chót 15/6."
    promotion.save()
    html = search(client, q="nghi mat").content.decode()
    assert "Hạn chót 15/6." in html and "Hạn chót 30/5." not in html
    corpus["S1"].unpublish()
    assert "Hạn chót 15/6." not in search(client, q="nghi mat").content.decode()
    corpus["S1"].save_revision().publish()
    assert "Hạn chót 15/6." in search(client, q="nghi mat").content.decode()
    promotion.delete()
    assert "Ban biên tập giới thiệu" not in search(client, q="nghi mat").content.decode()


def test_every_combination_of_filters_is_the_intersection_of_each(client, corpus):
    """All 32 combinations of type, department, campaign, tag and year, for two queries:
    each combination finds exactly the pages every one of its filters finds alone."""
    import itertools

    single = {
        "loai": "bai-viet",
        "don-vi": str(corpus["D"].pk),
        "chien-dich": str(corpus["C1"].pk),
        "the": "khen-thuong",
        "nam": "2024",
    }
    for query in ("cong doan", "duong"):
        alone = {
            key: set(keys(corpus, search(client, q=query, **{key: value})))
            for key, value in single.items()
        }
        everything = set(keys(corpus, search(client, q=query)))
        wrong = {}
        for size in range(2, len(single) + 1):
            for combination in itertools.combinations(single, size):
                params = {key: single[key] for key in combination}
                found = set(keys(corpus, search(client, q=query, **params)))
                expected = everything.intersection(*(alone[key] for key in combination))
                if found != expected:
                    wrong[(query, combination)] = (sorted(found), sorted(expected))
        assert wrong == {}
    assert alone["nam"] == {"A1", "A3"}  # the filters do narrow: "duong" in 2024 only
