import re

from django.test import Client

from tests.utils import soup, visible_text  # noqa: F401

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def field_names(survey):
    """{label: clean_name} of a survey's questions."""
    return {field.label: field.clean_name for field in survey.get_form_fields()}


def answers(survey, topics=("Chính sách, pháp luật",), channel="Zalo", comment=""):
    names = field_names(survey)
    return {
        names["Bạn muốn đọc thêm về chủ đề nào?"]: list(topics),
        names["Bạn thường đọc tin công đoàn ở đâu?"]: channel,
        names["Góp ý khác"]: comment,
    }


def post_as_a_browser(url, data, client=None):
    """GET the form, then POST it with its CSRF token, as a browser with cookies does."""
    client = client or Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    token = CSRF.search(page.content.decode())
    assert token, "the form has no CSRF token"
    return client.post(url, {**data, "csrfmiddlewaretoken": token.group(1)})
