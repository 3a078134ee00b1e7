"""Building the editorial site and acting on it through the admin, as its users do.

``build_editorial_site()`` makes a home page with Tin tức and Gương sáng, the department index
with two departments (Khoa Toán – Tin, which has a head, and Khoa Ngữ văn, which has none),
runs ``setup_editorial`` over it, creates one user per role and a few pages in known states,
and returns their primary keys; ``Editorial`` turns those into fresh objects for each test.
"""

import datetime
import io
from dataclasses import dataclass, field

from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction, Site, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import roles
from cms.models import BoardApprovalTask
from cms.text import slugify_vi
from tests import factories

User = get_user_model()

# Every role of the permission matrix, in the order the matrix shows them.
ROLES = [
    "anonymous",
    "member",
    "editor_a",
    "editor_b",
    "head_a",
    "board",
    "executive",
    "superuser",
]

# username -> (role group, department key or None); department groups are looked up on the
# DepartmentPage (its editors_group / heads_group), the others by name.
ACCOUNTS = {
    "member": (roles.MEMBERS, None),
    "editor_a": ("editors", "a"),
    "editor_a2": ("editors", "a"),
    "editor_b": ("editors", "b"),
    "head_a": ("heads", "a"),
    "board": (roles.COMMUNICATIONS, None),
    "board2": (roles.COMMUNICATIONS, None),
    "executive": (roles.EXECUTIVE, None),
    "superuser": (None, None),
}


def email_of(username):
    return f"{username.replace('_', '.')}@truong.edu.vn"


def _quiet_call(*args):
    call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())


def make_user(username, group=None, **extra):
    user = User.objects.create_user(
        username,
        email_of(username),
        first_name=username.replace("_", " ").title(),
        is_superuser=extra.pop("is_superuser", False),
        **extra,
    )
    if group is not None:
        user.groups.add(group)
    return user


def start_review(page, user):
    """Submit ``page``'s latest revision to the workflow as ``user`` does with "Gửi duyệt"."""
    page = Page.objects.get(pk=page.pk).specific
    if page.get_latest_revision() is None:
        page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def draft_article(parent, author, **kwargs):
    """An unpublished ArticlePage under ``parent`` with one revision written by ``author``."""
    kwargs.setdefault("live", False)
    page = factories.ArticlePageFactory(parent=parent, owner=author, **kwargs)
    page.save_revision(user=author)
    return page


def live_article(parent, author, publisher, **kwargs):
    """A published ArticlePage: written by ``author``, published by ``publisher``."""
    page = factories.ArticlePageFactory(parent=parent, owner=author, **kwargs)
    page.save_revision(user=author).publish(user=publisher)
    return Page.objects.get(pk=page.pk).specific


def build_editorial_site(build_content=True):
    """Everything the tests share, as primary keys (objects are fetched fresh per test)."""
    home = factories.HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    news = factories.NewsIndexPageFactory(parent=home)
    exemplar_index = factories.ExemplarIndexPageFactory(parent=home)
    department_index = factories.DepartmentIndexPageFactory(parent=home)
    dept_a = factories.DepartmentPageFactory(
        parent=department_index, title="Công đoàn Khoa Toán – Tin", short_name="Khoa Toán – Tin"
    )
    dept_b = factories.DepartmentPageFactory(
        parent=department_index, title="Công đoàn Khoa Ngữ văn", short_name="Khoa Ngữ văn"
    )
    _quiet_call("setup_editorial")
    dept_a.refresh_from_db()
    dept_b.refresh_from_db()
    departments = {"a": dept_a, "b": dept_b}

    users = {}
    for username, (group_key, department_key) in ACCOUNTS.items():
        if department_key:
            department = departments[department_key]
            group = department.editors_group if group_key == "editors" else department.heads_group
        elif group_key:
            group = Group.objects.get(name=group_key)
        else:
            group = None
        users[username] = make_user(username, group, is_superuser=username == "superuser")

    pks = {
        "home": home.pk,
        "news": news.pk,
        "exemplar_index": exemplar_index.pk,
        "department_index": department_index.pk,
        "dept_a": dept_a.pk,
        "dept_b": dept_b.pk,
        "users": {name: user.pk for name, user in users.items()},
    }
    if not build_content:
        return pks

    # Pages in known states for the permission matrix and the shorter tests.
    members_only = factories.StandardPageFactory(parent=home, title="Tin nội bộ đoàn viên")
    restriction = PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])
    live_a = live_article(
        dept_a, users["editor_a"], users["board"], title="Hội thao Khoa Toán – Tin"
    )
    draft_a = draft_article(dept_a, users["editor_a"], title="Bản nháp Khoa Toán – Tin")
    draft_b = draft_article(dept_b, users["editor_b"], title="Bản nháp Khoa Ngữ văn")
    at_step1 = draft_article(dept_a, users["editor_a2"], title="Chờ trưởng công đoàn bộ phận")
    start_review(at_step1, users["editor_a2"])
    at_step2 = draft_article(dept_a, users["editor_a2"], title="Chờ Ban Tuyên giáo duyệt")
    workflow_state = start_review(at_step2, users["editor_a2"])
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, users["head_a"], "approve")
    assert current_task(at_step2).__class__ is BoardApprovalTask
    pks.update(
        members_only=members_only.pk,
        live_a=live_a.pk,
        draft_a=draft_a.pk,
        draft_b=draft_b.pk,
        at_step1=at_step1.pk,
        at_step2=at_step2.pk,
    )
    return pks


@dataclass
class Editorial:
    """Fresh objects for one test: pages by name (``site.page("draft_a")``), users by role."""

    pks: dict
    _users: dict = field(default_factory=dict)

    def page(self, name):
        return Page.objects.get(pk=self.pks[name]).specific

    def user(self, role):
        if role == "anonymous":
            return None
        if role not in self._users:
            self._users[role] = User.objects.get(pk=self.pks["users"][role])
        return self._users[role]

    def emails(self, *roles_):
        return {email_of(role) for role in roles_}

    @property
    def home(self):
        return self.page("home")

    @property
    def news(self):
        return self.page("news")

    @property
    def exemplar_index(self):
        return self.page("exemplar_index")

    @property
    def department_index(self):
        return self.page("department_index")

    @property
    def dept_a(self):
        return self.page("dept_a")

    @property
    def dept_b(self):
        return self.page("dept_b")


# Reading workflow state -------------------------------------------------------------------


def current_task(page):
    page = Page.objects.get(pk=page.pk)
    task = page.current_workflow_task
    return task.specific if task else None


def current_task_state(page):
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def task_states(page):
    """Task states of ``page``'s latest workflow, oldest first, as (task class, status)."""
    states = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), workflow_state__base_content_type__model="page"
    ).order_by("started_at", "pk")
    return [(type(state.task.specific), state.status) for state in states]


def log_actions(page, prefix=""):
    from wagtail.models import PageLogEntry

    return list(
        PageLogEntry.objects.filter(page_id=page.pk, action__startswith=prefix)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


# Acting through the admin -----------------------------------------------------------------


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action, task_state=None):
    task_state = task_state or current_task_state(page)
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def local_input(value):
    """A datetime as the admin's date-time field posts it (local time)."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def article_form(page=None, *, title=None, slug=None, body="<p>Nội dung bài viết.</p>", **extra):
    """The ArticlePage add/edit form as the admin posts it (``extra`` sets or adds fields)."""
    if page is not None:
        revision = page.get_latest_revision()
        page = revision.as_object() if revision else page
    title = title or page.title
    data = {
        "title": title,
        "slug": slug or (page.slug if page else slugify_vi(title)),
        "lead": page.lead if page else "Sa-pô của bài viết.",
        "hero_image": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield([("paragraph", rich_text(body))]),
        "date": (page.date if page else datetime.date(2025, 11, 20)).isoformat(),
        "byline": "",
        "campaign": "",
        "tags": "",
        "related_links": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(extra)
    return nested_form_data(data)


def exemplar_form(page, **extra):
    """The ExemplarPage edit form for ``page``'s latest revision, with ``extra`` changes."""
    revision = page.get_latest_revision()
    page = revision.as_object() if revision else page

    def checkbox(value):
        return "on" if value else ""

    data = {
        "title": page.title,
        "slug": page.slug,
        "position": page.position,
        "unit": page.unit,
        "portrait": "",
        "category": str(page.category_id),
        "citation": page.citation,
        "story": streamfield([("paragraph", rich_text("<p>Câu chuyện.</p>"))]),
        "year_recognised": str(page.year_recognised),
        "decision_number": page.decision_number,
        "issuing_body": page.issuing_body,
        "nominating_unit": page.nominating_unit,
        "consent_recorded": checkbox(page.consent_recorded),
        "photo_rights_recorded": checkbox(page.photo_rights_recorded),
        "campaign": "",
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    for key, value in extra.items():
        data[key] = checkbox(value) if isinstance(value, bool) else value
    return nested_form_data(data)


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#1f6f5c").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailadmin_login")
    )


def is_refused(response):
    """How the admin says no: 403, the login page, or back to the dashboard with an error."""
    if response.status_code == 403 or is_login_redirect(response):
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
