"""Front-end weight: an article's HTML, CSS, JS and fonts, as the browser downloads them on a
first visit (empty cache), stay under 100 KB (issue #8). Images are counted apart and only
reported. tests/perf/test_weight.py checks the same budget without a browser, and the 30 KB
gzip budget.

Measured with the Resource Timing API (``transferSize``: bytes on the wire, headers included)
and cross-checked with the response bodies Playwright sees. The test server sends files
uncompressed, so this is an upper bound of what whitenoise's compressed files weigh.
"""

import pytest

from tests.browser.helpers import settle_images

pytestmark = pytest.mark.browser

BUDGET = 100 * 1024
IMAGE_TYPES = {"image", "media"}
FRONT_END_TYPES = {"document", "stylesheet", "script", "font"}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_article_page_weight(new_page, demo_site, reader_urls, viewport):
    page = new_page(viewport)
    bodies = {}

    def record(response):
        kind = response.request.resource_type
        if response.url.startswith(demo_site.url):
            try:
                bodies[response.url] = (kind, len(response.body()))
            except Exception:  # redirects and aborted requests have no body
                bodies[response.url] = (kind, 0)

    page.on("response", record)
    page.goto(demo_site(reader_urls["article"]))
    settle_images(page)

    entries = page.evaluate(
        """() => [
            ...performance.getEntriesByType('navigation').map(e => ({
                url: e.name, type: 'document', size: e.transferSize, body: e.encodedBodySize})),
            ...performance.getEntriesByType('resource').map(e => ({
                url: e.name, type: e.initiatorType, size: e.transferSize,
                body: e.encodedBodySize})),
        ]"""
    )
    assert entries and all(entry["size"] > 0 for entry in entries if entry["type"] == "document")

    def is_image(url):
        kind = bodies.get(url, ("other", 0))[0]
        return kind in IMAGE_TYPES or url.split("?")[0].endswith(
            (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg", ".ico")
        )

    front = [entry for entry in entries if not is_image(entry["url"])]
    images = [entry for entry in entries if is_image(entry["url"])]
    total = sum(entry["size"] for entry in front)
    image_total = sum(entry["size"] for entry in images)
    body_total = sum(size for kind, size in bodies.values() if kind in FRONT_END_TYPES)

    lines = [f"\nArticle page weight ({viewport}, {reader_urls['article']}):"]
    for entry in sorted(front, key=lambda e: -e["size"]):
        path = entry["url"].removeprefix(demo_site.url)
        lines.append(f"  {entry['size'] / 1024:7.1f} KB  {entry['type']:<10} {path}")
    lines.append(f"  {total / 1024:7.1f} KB  HTML, CSS, JS and fonts transferred")
    lines.append(f"  {body_total / 1024:7.1f} KB  the same, response bodies")
    lines.append(f"  {image_total / 1024:7.1f} KB  images ({len(images)}), not counted")
    print("\n".join(lines))

    assert body_total <= total + 1024, "resource timing missed some responses"
    assert total < BUDGET, (
        f"the article page's HTML, CSS, JS and fonts weigh {total / 1024:.1f} KB, over the "
        f"{BUDGET // 1024} KB budget"
    )
