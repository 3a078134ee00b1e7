import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms import roles
from cms.editorial import sync_editorial
from tests.engage.factories import QAIndexPageFactory, SurveyIndexPageFactory, needs_survey


@pytest.fixture
def editorial(home_page):
    sync_editorial()
    return home_page


def _user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@truong.edu.vn", "mat-khau-kiem-thu", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def board(editorial):
    return _user("truongban.kt", roles.COMMUNICATIONS, first_name="Trần Minh", last_name="Thư")


@pytest.fixture
def member(editorial):
    return _user("doanvien.kt", roles.MEMBERS, first_name="Vũ Hải", last_name="Yến")


@pytest.fixture
def other_member(editorial):
    return _user("doanvien.hai", roles.MEMBERS)


@pytest.fixture
def survey_index(home_page):
    return SurveyIndexPageFactory(parent=home_page)


@pytest.fixture
def survey(survey_index):
    return needs_survey(survey_index)


@pytest.fixture
def qa_index(home_page):
    return QAIndexPageFactory(parent=home_page)
