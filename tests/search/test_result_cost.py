"""What the search page reads for its results and filters: result bodies without a query
each, the year filter from the kept article counts (listings.tally), never stale."""

import datetime
import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def paragraph(text):
    return [("paragraph", factories.paragraph_html(text))]


def years_offered(response):
    page = response.content.decode()
    select = re.search(r'<select[^>]* name="nam">(.*?)</select>', page, re.S).group(1)
    return [html.unescape(value) for value in re.findall(r'<option value="([^"]+)"', select)]


def get(client, **params):
    client.get("/tim-kiem/", params)  # the query's first hit creates its row; lists kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response, len(queries)


def ten_body_results_cost_what_two_do(client, news_index, body):
    """Articles whose lead holds no "đại hội" and whose body (``body(i)``) does: each result
    shows the words of its body, and ten such results cost the queries two do, within 12."""

    def make(count, start=0):
        for i in range(start, start + count):
            factories.ArticlePageFactory(
                parent=news_index,
                title=f"Tin tổ chức số {i}",
                lead="Thông báo của ban chấp hành.",
                body=body(i),
                date=datetime.date(2024, 5, 1 + i),
            )

    make(2)
    response, two = get(client, q="đại hội")
    assert len(response.context["items"]) == 2
    assert "<mark>Đại</mark> <mark>hội</mark> công đoàn khoa lần 1" in response.content.decode()
    make(10, start=2)
    response, ten = get(client, q="đại hội")
    assert len(response.context["items"]) == 10
    assert ten <= two <= 12
    page = response.content.decode()
    assert page.count("<mark>Đại</mark> <mark>hội</mark> công đoàn khoa lần") == 10


def test_results_found_by_their_body_show_it_without_a_query_each(client, news_index):
    """A result whose summary holds no match shows the matching words of its body: the bodies
    are read with the pages (as stored text, parsed only for those results), so ten such
    results cost the queries two do."""
    ten_body_results_cost_what_two_do(
        client,
        news_index,
        lambda i: paragraph(f"Đại hội công đoàn khoa lần {i} bầu ban chấp hành mới."),
    )


def test_the_years_follow_a_publish_in_a_new_year_at_once(client, news_index):
    """The year filter lists this year and each year with a public article, from the kept
    counts; an article published in a year no article had adds it to the next search, and
    its unpublishing takes it away again."""
    this_year = datetime.date.today().year
    factories.ArticlePageFactory(
        parent=news_index, title="Hội thao 2024", date=datetime.date(2024, 5, 1)
    )
    response, _count = get(client, q="hội thao")
    assert years_offered(response) == [str(this_year), "2024"]

    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao 2019", date=datetime.date(2019, 5, 1), live=False
    )
    article.save_revision().publish()
    response = client.get("/tim-kiem/", {"q": "hội thao"})
    assert years_offered(response) == [str(this_year), "2024", "2019"]

    article.refresh_from_db()
    article.unpublish()
    response = client.get("/tim-kiem/", {"q": "hội thao"})
    assert years_offered(response) == [str(this_year), "2024"]


def test_results_with_chosen_images_pages_and_documents_cost_no_query_each(
    client, news_index, home_page
):
    """A body holding an image, a document and a link to a page (chooser blocks) is shown
    by the words of its own text: what a chooser points at (the image's, document's or
    page's title) is not looked up for each result (13-18 queries at 100,000 articles for a
    campaign or English search, before)."""
    image = factories.ImageFactory(title="Ảnh hội thao")
    document = factories.DocumentFactory(title="Điều lệ công đoàn")
    link = {"text": "Xem thêm", "button_label": "Đọc", "page": home_page}
    ten_body_results_cost_what_two_do(
        client,
        news_index,
        lambda i: [
            ("image", {"image": image, "caption": "Toàn cảnh", "credit": ""}),
            ("paragraph", factories.paragraph_html(f"Đại hội công đoàn khoa lần {i}.")),
            ("document", {"document": document, "title": "Điều lệ"}),
            ("call_to_action", link),
        ],
    )
