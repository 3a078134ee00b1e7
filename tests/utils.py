"""Helpers shared by the test modules."""

import datetime
import re

from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from articles.models import ArticlePage, NewsIndexPage
from cms.models import DepartmentIndexPage, DepartmentPage, StandardPage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from home.models import CampaignIndexPage, CampaignPage, HomePage
from tests import factories

PAGE_TYPES = [
    HomePage,
    NewsIndexPage,
    ArticlePage,
    ExemplarIndexPage,
    ExemplarPage,
    CampaignIndexPage,
    CampaignPage,
    DepartmentIndexPage,
    DepartmentPage,
    StandardPage,
]


def build_site():
    """A HomePage at the root of the default site, as the demo and production have it."""
    home = factories.HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def visible_text(response):
    """The text a reader sees on the page, whitespace collapsed."""
    document = soup(response)
    for hidden in document(["script", "style", "template", "head"]):
        hidden.decompose()
    return " ".join(document.get_text(" ").split())


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def block_form_data(block, value):
    """``value`` as the admin's block editor posts it (streamfield() format for streams)."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child.block_type, block_form_data(child.block, child.value)) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        items = {
            str(i): {
                "value": block_form_data(block.child_block, item),
                "deleted": "",
                "order": str(i),
                "id": "",
            }
            for i, item in enumerate(value)
        }
        return {**items, "count": str(len(items))}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_data(child, value.get(name))
            for name, child in block.child_blocks.items()
        }
    if value is None:
        return ""
    if isinstance(block, blocks.ChooserBlock):
        return str(value.pk)
    formatted = block.field.widget.format_value(block.value_for_form(value))
    return "" if formatted is None else formatted


_SHOWN_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})( \d{2}:\d{2})?$")


def _iso_date(value):
    """Dates as ISO, which every locale's input formats accept.

    The admin shows dates as WAGTAIL_DATE_FORMAT (dd/mm/yyyy), which the Vietnamese and English
    input formats do not parse yet; tests/cms/test_admin.py covers that on its own.
    """
    match = _SHOWN_DATE.match(value)
    if not match:
        return value
    day, month, year, time = match.groups()
    return datetime.date(int(year), int(month), int(day)).isoformat() + (time or "")


def edit_form_data(client, page):
    """What the admin's edit form posts for ``page`` unchanged, StreamFields included.

    The admin builds StreamField inputs in the browser, so they are not in the edit view's
    HTML; they are rebuilt here from the page's own values.
    """
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    for key, value in list(data.items()):
        data[key] = _iso_date(value)
    page = page.specific
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            for key in [k for k in data if k == field.name or k.startswith(f"{field.name}-")]:
                del data[key]
            data.update(nested_form_data({field.name: block_form_data(field.stream_block, stream)}))
    return data


class SiteTestCase(WagtailPageTestCase):
    """Wagtail's page assertions, with the site's home page built once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.home = build_site()
        cls.superuser = cls.create_superuser("quantri.kiemthu", password="mat-khau-kiem-thu")

    def assertPreviewable(self, page):
        """Preview as an editor does: the edit form's own data, posted to the preview view."""
        self.client.force_login(self.superuser)
        data = edit_form_data(self.client, page)
        self.assertPageIsPreviewable(page, post_data=data, user=self.superuser)


class PageTypeTestCase(SiteTestCase):
    """Structure, live rendering and preview of one page type.

    Subclasses set ``model``, ``parents`` and ``children`` and build pages in
    ``setUpTestData`` (``cls.home`` is the site's home page).
    """

    model = None
    parents = ()
    children = ()

    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(self.model, set(self.parents))

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(self.model, set(self.children))

    def test_creatable_only_under_its_parents(self):
        for parent in [Page, *PAGE_TYPES]:
            with self.subTest(parent=parent.__name__):
                if parent in self.parents:
                    self.assertCanCreateAt(parent, self.model)
                else:
                    self.assertCanNotCreateAt(parent, self.model)

    def assertServesLive(self, page, *texts):
        """The page answers 200 at its URL and shows ``texts`` (its title by default)."""
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        shown = visible_text(response)
        for text in texts or (page.title,):
            self.assertIn(text, shown)
        return response
