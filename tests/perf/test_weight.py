"""An article page's weight as a reader's phone downloads it on a first visit: its HTML, and
every stylesheet, script and font it loads (images aside), under 100 KB as written and under
30 KB compressed with gzip, as whitenoise serves them. Static files are hashed and
compressed ahead of time by the production storage, and served with a year's cache."""

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.contrib.staticfiles import finders

from tests import factories, utils

UNCOMPRESSED_BUDGET = 100 * 1024
GZIP_BUDGET = 30 * 1024
FONT_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf))")


@pytest.fixture
def article(news_index, department):
    tags = [factories.TagFactory(name=name) for name in ("Nhà giáo", "Hội thao", "An toàn")]
    campaign = factories.CampaignPageFactory(
        parent=factories.CampaignIndexPageFactory(parent=news_index.get_parent())
    )
    article = factories.ArticlePageFactory(
        parent=department,
        title="Hội thao công đoàn 2026: sáu đơn vị, hơn ba trăm vận động viên",
        hero_image=factories.ImageFactory(),
        body=[("paragraph", factories.paragraph_html()) for _ in range(6)],
        campaign=campaign,
    )
    article.tags.add(*tags)
    article.save()
    for i in range(3):
        related = factories.ArticlePageFactory(
            parent=news_index, campaign=campaign, hero_image=factories.ImageFactory()
        )
        related.tags.add(tags[i])
        related.save()
    return article


def static_path(url):
    path = urlsplit(url).path
    return path.removeprefix("/static/")


def weigh(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content
    document = utils.soup(response)
    files = {"html": html}
    assets = [link["href"] for link in document.select('link[rel~="stylesheet"][href]')]
    assets += [script["src"] for script in document.select("script[src]")]
    assets += [link["href"] for link in document.select('link[rel="preload"][as="font"]')]
    for asset in assets:
        found = finders.find(static_path(asset))
        assert found, f"{asset} is not a static file"
        content = Path(found).read_bytes()
        files[asset] = content
        if asset.endswith(".css"):
            for font in FONT_URL.findall(content.decode("utf-8", "replace")):
                font_file = finders.find(static_path(font).lstrip("./").removeprefix("../"))
                if font_file:
                    files[font] = Path(font_file).read_bytes()
    raw = sum(len(body) for body in files.values())
    packed = sum(len(gzip.compress(body, compresslevel=9)) for body in files.values())
    return files, raw, packed


def test_article_page_weighs_under_100_kb_and_30_kb_gzipped(client, article):
    files, raw, packed = weigh(client, article.url)
    report = ", ".join(f"{name}: {len(body) / 1024:.1f} KB" for name, body in files.items())
    print(f"\nArticle page: {raw / 1024:.1f} KB, {packed / 1024:.1f} KB gzip ({report})")
    assert len(files) >= 3, "the page should load its stylesheet and script"
    assert raw < UNCOMPRESSED_BUDGET, f"{raw / 1024:.1f} KB as written ({report})"
    assert packed < GZIP_BUDGET, f"{packed / 1024:.1f} KB gzipped ({report})"


def test_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path, settings):
    from whitenoise.middleware import WhiteNoiseMiddleware

    from django.core.management import call_command
    from django.test import RequestFactory

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    css = next(tmp_path.glob("css/site.*.css"))
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", css.name)
    assert (tmp_path / "css" / (css.name + ".gz")).exists()

    whitenoise = WhiteNoiseMiddleware(lambda request: None)
    request = RequestFactory().get(f"/static/css/{css.name}", HTTP_ACCEPT_ENCODING="gzip")
    response = whitenoise(request)
    assert response.status_code == 200
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"
