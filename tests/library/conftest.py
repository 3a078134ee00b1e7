import pytest

from tests.library.factories import DocumentLibraryPageFactory


@pytest.fixture
def library(home_page):
    return DocumentLibraryPageFactory(parent=home_page)
