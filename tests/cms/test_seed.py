"""The demo site: seed_demo runs twice without adding anything, and every public page answers.

The demo is built once for the module, in a transaction rolled back at the end, so these
tests cost one seed however many there are.
"""

import io
import os
from collections import deque
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageLogEntry, Revision

from tests import utils

pytestmark = pytest.mark.seed

COUNTED = {
    "pages": Page,
    "revisions": Revision,
    "log entries": PageLogEntry,
    "images": get_image_model(),
    "documents": get_document_model(),
    "users": get_user_model(),
}

SKIPPED_PREFIXES = ("/admin/",)


def counts():
    return {name: model.objects.count() for name, model in COUNTED.items()}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo site, seeded once; yields the counts right after the first run."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            yield counts()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_seed_builds_a_site(seeded, db):
    assert seeded["pages"] > 20
    assert seeded["images"] > 0
    assert seeded["documents"] > 0
    assert seeded["users"] > 0
    assert seeded["revisions"] > 0


def test_seed_demo_twice_changes_nothing(seeded, db):
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == seeded


def tiny_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1, 1), "#1f6f5c").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def quick_renditions(monkeypatch):
    """One-pixel renditions: resizing every demo picture to every size takes minutes and
    tells the crawl nothing; test_every_demo_image_makes_a_rendition covers the pictures."""
    pixel = tiny_png()

    def generate_rendition_file(self, filter, *, source=None):
        stem = os.path.splitext(os.path.basename(self.file.name))[0][:30]
        spec = filter.spec.replace("|", ".")
        return File(io.BytesIO(pixel), name=f"{stem}.{filter.get_cache_key(self)}.{spec}.png")

    monkeypatch.setattr(AbstractImage, "generate_rendition_file", generate_rendition_file)


def test_every_demo_image_makes_a_rendition(seeded, db):
    for image in get_image_model().objects.all():
        rendition = image.get_rendition("fill-80x45|format-webp")
        assert (rendition.width, rendition.height) == (80, 45), image.title


def followed(href):
    """Pages and their pagination; filter and search combinations (tested per view) would
    multiply without end through the library, archive, exemplar and search filters."""
    query = parse_qs(urlsplit(href).query)
    return set(query) <= {"trang"}


def links(response, url):
    """Internal links of an HTML page, absolute paths without fragments."""
    found = set()
    for anchor in utils.soup(response).find_all(["a", "link"], href=True):
        href = anchor["href"].strip()
        if href.startswith("?"):
            href = urljoin(url, href)
        if not href.startswith("/") or href.startswith("//"):
            continue
        href = urldefrag(href)[0]
        if followed(href):
            found.add(href)
    return found


def check_asset(path, prefix, exists):
    name = path[len(prefix) :].split("?")[0]
    return 200 if exists(name) else 404


def crawl(client, start="/"):
    """Every internal URL reachable from ``start``: {url: status}."""
    client.raise_request_exception = False
    seen = {start}
    queue = deque([start])
    statuses = {}
    while queue:
        url = queue.popleft()
        path = urlsplit(url).path
        if path.startswith("/static/"):
            statuses[url] = check_asset(path, "/static/", finders.find)
            continue
        if path.startswith("/media/"):
            statuses[url] = check_asset(path, "/media/", default_storage.exists)
            continue
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code in (301, 302):
            targets = {response["Location"]}
        elif response.status_code == 200 and "html" in response.get("Content-Type", ""):
            targets = links(response, url)
        else:
            targets = set()
        for target in targets:
            if target not in seen and not target.startswith(SKIPPED_PREFIXES):
                seen.add(target)
                queue.append(target)
    return statuses


def test_every_public_page_answers(seeded, db, client, quick_renditions):
    statuses = crawl(client)
    print(f"\nCrawled {len(statuses)} URLs of the demo site.")
    broken = {url: status for url, status in statuses.items() if status >= 400}
    assert broken == {}
    assert len(statuses) > seeded["pages"] / 2

    # Every live public page is reachable from the home page by following links.
    public = Page.objects.live().public().filter(depth__gt=1).specific()
    unreachable = sorted(page.url for page in public if page.url not in statuses)
    assert unreachable == []
