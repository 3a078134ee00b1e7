"""The project's own admin screens (dashboard panels, takedown, pages report) speak the admin
language of the user: Vietnamese by default, English for a user who chose English."""

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

from tests.utils import visible_text
from tests.workflow.conftest import as_user, editorial, editorial_data  # noqa: F401

SCREENS = {
    "dashboard": lambda site: reverse("wagtailadmin_home"),
    "takedown": lambda site: reverse("lantoa_takedown", args=[site.pks["live_a"]]),
    "report": lambda site: reverse("lantoa_report_pages"),
}
WORDS = {
    "vi": {
        "dashboard": ["Chờ Ban Tuyên giáo – Truyền thông quyết định", "Người gửi", "Chờ từ"],
        "takedown": ["Gỡ bài khỏi trang công khai", "Mọi phiên bản vẫn được giữ lại"],
        "report": ["Người tạo", "Cập nhật"],  # "Công đoàn bộ phận" is also a page title
    },
    "en": {
        "dashboard": [
            "Waiting for the Communications Board's decision",
            "Sent by",
            "Waiting since",
        ],
        "takedown": ["Take down from the public site", "Every revision is kept"],
        "report": ["Department union", "Created by", "Updated"],
    },
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_board_screens_follow_the_admin_language(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    screen,
    language,
):
    board = editorial.user("board")
    profile = UserProfile.get_for_user(board)
    profile.preferred_language = language
    profile.save()
    response = as_user("board").get(SCREENS[screen](editorial))
    assert response.status_code == 200
    text = visible_text(response)
    other = "en" if language == "vi" else "vi"
    for word in WORDS[language][screen]:
        assert word in text, (screen, word)
    for word in WORDS[other][screen]:
        assert word not in text, (screen, word)


def test_department_panel_in_english(editorial, as_user):  # noqa: F811
    editor = editorial.user("editor_a")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    text = visible_text(as_user("editor_a").get(reverse("wagtailadmin_home")))
    assert "Write a new article" in text and "Open the unit's folder" in text
    assert "Viết bài mới" not in text and "Trang của" not in text
