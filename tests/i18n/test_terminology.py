"""One word for one thing: "văn bản" is a document the union issues (the library's pages),
"tài liệu" a file uploaded to Wagtail's documents. Both English msgids are "document", so the
library's uses carry the context "library"; and no app catalogue translates a msgid the project
catalogue (locale/vi, which Django reads first) also translates differently, where the app's
Vietnamese would silently never show."""

import polib
import pytest

from django.utils import translation

from wagtail.documents import get_document_model

from articles.models import ArticlePage
from library.models import DocumentPage
from tests.i18n.extract import ROOT
from tests.library.factories import DocumentLibraryPageFactory
from tests.utils import visible_text


def entries(path):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def test_no_app_translation_is_hidden_by_the_project_catalogue():
    project = entries(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po")
    hidden = set()
    for path in sorted(ROOT.glob("*/locale/vi/LC_MESSAGES/django.po")):
        app = path.relative_to(ROOT).parts[0]
        if app.startswith("."):
            continue
        for key, msgstr in entries(path).items():
            if key in project and project[key] != msgstr:
                hidden.add((app, *key))
    assert not hidden, sorted(hidden)


def test_documents_and_files_have_their_own_words():
    with translation.override("vi"):
        assert str(DocumentPage._meta.verbose_name) == "văn bản"
        assert str(DocumentPage._meta.verbose_name_plural) == "văn bản"
        assert str(DocumentPage._meta.get_field("summary").verbose_name) == "trích yếu"
        assert str(get_document_model()._meta.verbose_name) == "tài liệu"
        assert str(ArticlePage._meta.get_field("date").verbose_name) == "ngày đăng"
        assert translation.gettext("date") == "ngày"  # planning's sessions: just a day
    with translation.override("en"):
        assert str(DocumentPage._meta.verbose_name) == "document"


@pytest.mark.django_db
def test_library_filter_says_document_type(client, home_page):
    library = DocumentLibraryPageFactory(parent=home_page)
    text = visible_text(client.get(library.url))
    assert "Loại văn bản" in text
