"""Share links, the campaign's QR code and print stylesheet, and redirects on a slug change."""

import io
import re
from pathlib import Path
from urllib.parse import quote

import segno
import zxingcpp
from PIL import Image

from django.conf import settings

from wagtail.models import Page, PageViewRestriction

from tests import utils

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"


def test_article_share_links_are_plain_links(client, newsroom):
    article = newsroom["articles"]["board"]
    document = utils.soup(client.get(article.url))
    share = document.select_one(".share")
    hrefs = {a.get_text(strip=True): a["href"] for a in share.select("a")}
    target = quote(article.get_full_url(), safe="")
    assert hrefs == {
        "Facebook": f"https://www.facebook.com/sharer/sharer.php?u={target}",
        "Zalo": f"https://sp.zalo.me/share_inline?url={target}",
    }
    copy = share.select_one("[data-copy-link]")
    assert copy["data-copy-link"] == article.get_full_url()
    # No third-party script anywhere on the page.
    for script in document.select("script[src]"):
        assert script["src"].startswith("/static/"), script["src"]


def test_campaign_offers_a_qr_code_of_its_address(client, newsroom):
    campaign = newsroom["campaign"]
    response = client.get(campaign.url)
    document = utils.soup(response)
    figure = document.select_one("figure.qr")
    svg = figure.select_one("svg.qr__code")
    address = campaign.get_full_url()
    code = segno.make(address, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    assert svg["viewbox"] == f"0 0 {modules} {modules}"
    # The inline code is exactly the code of the page's address.
    expected = code.svg_inline(scale=1, border=4, omitsize=True)
    assert svg.path["d"] == re.search(r' d="([^"]+)"', expected).group(1)
    assert svg.title.get_text() == "Mã QR dẫn tới trang này"
    assert address in figure.get_text()

    downloads = {a.get_text(strip=True): a["href"] for a in figure.select(".qr__downloads a")}
    png = client.get(downloads["PNG"])
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(png.content)) as image:
        assert image.width >= 300
        decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [address]
    svg_file = client.get(downloads["SVG"])
    assert svg_file["Content-Type"] == "image/svg+xml"
    assert svg_file.content.startswith(b"<?xml")


def test_printed_qr_code_is_large_enough_to_scan(client, newsroom):
    css = PRINT_CSS.read_text()
    width_mm = float(re.search(r"\.qr__code \{[^}]*width: (\d+)mm", css).group(1))
    modules = segno.make(newsroom["campaign"].get_full_url(), error="m").symbol_size(border=4)[0]
    # ISO/IEC 18004 scanners want modules of at least about 0.5 mm on paper.
    assert width_mm / modules >= 0.5


def test_campaign_links_its_print_stylesheet(client, newsroom):
    document = utils.soup(client.get(newsroom["campaign"].url))
    links = document.select('head link[rel="stylesheet"][media="print"]')
    assert [link["href"] for link in links] == ["/static/css/print.css"]
    assert "@page" in PRINT_CSS.read_text()


def test_qr_code_of_a_private_or_unknown_page_is_not_found(client, newsroom):
    private = newsroom["private"]
    assert client.get(f"/ma-qr/{private.pk}.png").status_code == 404
    assert client.get("/ma-qr/999999.svg").status_code == 404
    # The tree's root is live and public but has no address (it gave a 500).
    assert client.get(f"/ma-qr/{Page.get_first_root_node().pk}.svg").status_code == 404
    assert client.get(f"/ma-qr/{newsroom['campaign'].pk}.gif").status_code == 404
    PageViewRestriction.objects.create(
        page=newsroom["campaign"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(f"/ma-qr/{newsroom['campaign'].pk}.svg").status_code == 404


def test_renaming_a_slug_in_the_admin_leaves_a_permanent_redirect(
    client, newsroom, django_user_model, django_capture_on_commit_callbacks
):
    admin = django_user_model.objects.create_superuser(
        "quantri.kenh", "qt@example.com", "mat-khau-1"
    )
    client.force_login(admin)
    article = newsroom["articles"]["board"]
    old_url = article.url
    data = utils.edit_form_data(client, article)
    data["slug"] = "hoi-nghi-can-bo-2025"
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(utils.edit_url(article), data)
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()
    assert article.slug == "hoi-nghi-can-bo-2025"
    client.logout()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/tin-tuc/hoi-nghi-can-bo-2025/")
    assert client.get(response["Location"]).status_code == 200
