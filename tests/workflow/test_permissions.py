"""Who may do what: every role against every editorial action, through the admin's own views.

Each cell of ``MATRIX`` is one test. An action returns whether its effect happened (the page
exists, changed, went live, went offline, moved …); for refused cells it also checks the admin
said no in its usual way (403, the login page, or back to the dashboard with an error) and that
nothing changed. Department A (Khoa Toán – Tin) has a head; department B has none.
"""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState

from articles.models import ArticlePage
from cms import editorial as editorial_setup
from tests import factories
from tests.workflow.helpers import (
    ROLES,
    add_url,
    article_form,
    current_task_state,
    edit_url,
    is_login_redirect,
    is_refused,
    png_upload,
    workflow_action_url,
)

A = True  # allowed: the effect happens
R = False  # refused: the admin says no and nothing changes

# fmt: off
MATRIX = {
    #                          anonymous member editor_a editor_b head_a board executive superuser
    "open_admin":             (R,        R,     A,       A,       A,     A,    A,        A),
    "browse_pages_of_a":      (R,        R,     A,       R,       A,     A,    R,        A),
    "view_live_page":         (A,        A,     A,       A,       A,     A,    A,        A),
    "view_members_only_page": (R,        A,     R,       R,       R,     R,    R,        A),
    "preview_draft_of_a":     (R,        R,     A,       R,       A,     A,    R,        A),
    "create_in_a":            (R,        R,     A,       R,       A,     A,    R,        A),
    "edit_page_of_a":         (R,        R,     A,       R,       A,     A,    R,        A),
    "edit_page_of_b":         (R,        R,     R,       A,       R,     A,    R,        A),
    "submit_page_of_a":       (R,        R,     A,       R,       A,     A,    R,        A),
    "approve_step_1":         (R,        R,     R,       R,       A,     R,    R,        A),
    "approve_step_2":         (R,        R,     R,       R,       R,     A,    R,        A),
    "publish_directly":       (R,        R,     R,       R,       R,     A,    R,        A),
    "unpublish":              (R,        R,     R,       R,       R,     A,    R,        A),
    "delete_published_page":  (R,        R,     R,       R,       R,     A,    R,        A),
    "move_page_of_a_to_b":    (R,        R,     R,       R,       R,     A,    R,        A),
    "upload_image_to_a":      (R,        R,     A,       R,       A,     A,    R,        A),
    "upload_document_to_a":   (R,        R,     A,       R,       A,     A,    R,        A),
    "view_reports":           (R,        R,     R,       R,       R,     A,    A,        A),
    "open_site_history":      (R,        R,     A,       A,       A,     A,    A,        A),
    "open_workflow_report":   (R,        R,     A,       A,       A,     A,    R,        A),
}
# fmt: on

# Cells where the code does not yet do what the issue (and the table) asks: strict xfails, so
# a fix makes the suite fail until its entry is removed here. (None at the moment.)
KNOWN_GAPS = {}

# Step 1 is the department heads' step only: the board does not approve it (it may publish
# directly). Members-only pages use Wagtail's group restriction, so staff outside the member
# group are sent to the login page like anyone else (superusers pass). Wagtail's site history
# report is open to every admin user (each sees the log of the pages it has rights on).
# The executive committee reads the admin through the editorial report (cms.view_reports);
# Wagtail's page explorer and its page reports need add/change/publish rights, which it lacks.


def _refused(response, role):
    if role in {"anonymous", "member"}:
        assert is_login_redirect(response), (response.status_code, response.get("Location"))
    else:
        assert is_refused(response), (response.status_code, response.get("Location"))


def open_admin(client, site, role):
    response = client.get(reverse("wagtailadmin_home"))
    if response.status_code == 200:
        return True
    _refused(response, role)
    return False


def browse_pages_of_a(client, site, role):
    response = client.get(reverse("wagtailadmin_explore", args=[site.dept_a.pk]))
    if response.status_code == 200:
        return True
    if role == "editor_b":  # sent to the part of the tree they may explore instead
        assert response.status_code == 302
        assert response["Location"] != reverse("wagtailadmin_explore", args=[site.dept_a.pk])
    else:
        _refused(response, role)
    return False


def view_live_page(client, site, role):
    page = site.page("live_a")
    response = client.get(page.url)
    return response.status_code == 200 and page.title in response.text


def view_members_only_page(client, site, role):
    page = site.page("members_only")
    response = client.get(page.url)
    if response.status_code == 200:
        return page.title in response.text
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    return False


def preview_draft_of_a(client, site, role):
    page = site.page("draft_a")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if response.status_code == 200:
        return page.get_latest_revision().as_object().title in response.text
    _refused(response, role)
    return False


def create_in_a(client, site, role):
    title = "Bài mới của Khoa Toán – Tin"
    response = client.post(add_url(ArticlePage, site.dept_a), article_form(title=title))
    created = ArticlePage.objects.child_of(site.dept_a).filter(title=title).exists()
    if not created:
        _refused(response, role)
    return created


def _edit(client, site, role, name, **extra):
    page = site.page(name)
    before = page.revisions.count()
    title = f"{page.title} (đã sửa)"
    response = client.post(edit_url(page), article_form(page, title=title, **extra))
    page = site.page(name)
    edited = page.revisions.count() > before and page.get_latest_revision().as_object().title == (
        title
    )
    if not edited:
        _refused(response, role)
    return edited


def edit_page_of_a(client, site, role):
    return _edit(client, site, role, "draft_a")


def edit_page_of_b(client, site, role):
    return _edit(client, site, role, "draft_b")


def submit_page_of_a(client, site, role):
    page = site.page("draft_a")
    response = client.post(edit_url(page), article_form(page, **{"action-submit": "Gửi duyệt"}))
    submitted = site.page("draft_a").workflow_in_progress
    if not submitted:
        _refused(response, role)
    return submitted


def _approve(client, site, role, name):
    page = site.page(name)
    task_state = current_task_state(page)
    response = client.post(workflow_action_url(page, "approve"), {"comment": "Đồng ý."})
    approved = TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    if not approved:
        _refused(response, role)
    return approved


def approve_step_1(client, site, role):
    return _approve(client, site, role, "at_step1")


def approve_step_2(client, site, role):
    approved = _approve(client, site, role, "at_step2")
    assert site.page("at_step2").live is approved
    return approved


def publish_directly(client, site, role):
    page = site.page("draft_a")
    response = client.post(edit_url(page), article_form(page, **{"action-publish": "Đăng"}))
    published = site.page("draft_a").live
    if not published and response.status_code == 302:
        # An editor's "publish" is not refused outright: Wagtail saves it as a draft.
        assert response["Location"] in {edit_url(page), reverse("wagtailadmin_home")} or (
            is_login_redirect(response)
        )
    elif not published:
        _refused(response, role)
    return published


def unpublish(client, site, role):
    """Wagtail's unpublish button; for those allowed it leads to the takedown form."""
    page = site.page("live_a")
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    takedown_url = reverse("lantoa_takedown", args=[page.pk])
    if response.status_code == 302 and response["Location"] == takedown_url:
        assert site.page("live_a").live, "Wagtail's own unpublish must not take it down"
        client.post(takedown_url, {"reason": "Thông tin trong bài đã cũ, cần cập nhật."})
    else:
        _refused(response, role)
    return not site.page("live_a").live


def delete_published_page(client, site, role):
    page = site.page("live_a")
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    deleted = not Page.objects.filter(pk=page.pk).exists()
    if not deleted:
        _refused(response, role)
    return deleted


def move_page_of_a_to_b(client, site, role):
    page = site.page("draft_a")
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, site.dept_b.pk])
    response = client.post(url)
    moved = site.page("draft_a").get_parent().pk == site.dept_b.pk
    if not moved:
        _refused(response, role)
    return moved


def upload_image_to_a(client, site, role):
    collection = site.dept_a.collection
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh hội thao", "file": png_upload(), "collection": collection.pk, "tags": ""},
    )
    images = get_image_model().objects.filter(title="Ảnh hội thao")
    uploaded = images.filter(collection=collection).exists()
    if not uploaded and images.exists():
        # An editor of B may add only to B's collection, so the admin's form has no collection
        # choice for them: whatever they post, the image lands in their own collection.
        assert role == "editor_b"
        assert {image.collection for image in images} == {site.dept_b.collection}
    elif not uploaded:
        _refused(response, role)
    return uploaded


def upload_document_to_a(client, site, role):
    collection = site.dept_a.collection
    upload = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 ke hoach\n", "application/pdf")
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Kế hoạch hội thao", "file": upload, "collection": collection.pk, "tags": ""},
    )
    documents = get_document_model().objects.filter(title="Kế hoạch hội thao")
    uploaded = documents.filter(collection=collection).exists()
    if not uploaded and documents.exists():
        assert role == "editor_b"  # as for images: it lands in B's own collection
        assert {document.collection for document in documents} == {site.dept_b.collection}
    elif not uploaded:
        _refused(response, role)
    return uploaded


def view_reports(client, site, role):
    """The editorial pages report, guarded by cms.view_reports."""
    user = site.user(role)
    has_permission = bool(user and user.has_perm("cms.view_reports"))
    response = client.get(reverse("lantoa_report_pages"))
    if response.status_code == 200:
        assert has_permission
        assert "Hội thao Khoa Toán – Tin" in response.text and "Khoa Toán – Tin" in response.text
        return True
    assert not has_permission
    _refused(response, role)
    return False


def open_site_history(client, site, role):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    if response.status_code == 200:
        return True
    _refused(response, role)
    return False


def open_workflow_report(client, site, role):
    response = client.get(reverse("wagtailadmin_reports:workflow"))
    if response.status_code == 200:
        return True
    _refused(response, role)
    return False


ACTIONS = {
    name: function
    for name, function in globals().items()
    if name in MATRIX and callable(function)  # the functions above, by the matrix's names
}

CELLS = [
    pytest.param(
        action,
        role,
        expected,
        id=f"{action}-{role}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[action, role])]
        if (action, role) in KNOWN_GAPS
        else [],
    )
    for action, row in MATRIX.items()
    for role, expected in zip(ROLES, row, strict=True)
]


def test_matrix_covers_every_action():
    assert set(ACTIONS) == set(MATRIX)


@pytest.mark.parametrize(("action", "role", "expected"), CELLS)
def test_permission_matrix(action, role, expected, editorial, as_user):
    client = as_user(role)
    outcome = ACTIONS[action](client, editorial, role)
    assert outcome is expected, f"{role} {'could' if outcome else 'could not'} {action}"


def test_editors_choose_images_from_their_own_and_the_shared_collection(editorial, as_user):
    site = editorial
    shared = editorial_setup.shared_collection()
    for title, collection in [
        ("Ảnh của Khoa Toán", site.dept_a.collection),
        ("Ảnh dùng chung", shared),
        ("Ảnh của Khoa Ngữ văn", site.dept_b.collection),
    ]:
        factories.ImageFactory(title=title, collection=collection)
    response = as_user("editor_a").get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Ảnh của Khoa Toán" in html and "Ảnh dùng chung" in html
    assert "Ảnh của Khoa Ngữ văn" not in html
