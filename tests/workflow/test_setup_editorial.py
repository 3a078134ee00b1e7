"""Roles as groups: ``setup_editorial`` is idempotent, and each department's groups, collection
and permissions follow its page when it is created, renamed and removed in the admin."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms import editorial as editorial_setup
from cms import roles
from cms.models import BoardApprovalTask, DepartmentPage, DepartmentReviewTask
from tests.workflow.helpers import add_url, edit_url

GLOBAL_GROUPS = {roles.COMMUNICATIONS, roles.EXECUTIVE, roles.MEMBERS}
WAGTAIL_DEFAULT_GROUPS = {"Editors", "Moderators"}


def setup_editorial():
    out = io.StringIO()
    call_command("setup_editorial", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything setup_editorial owns, as plain comparable values."""
    return {
        "groups": {
            group.name: sorted(
                f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
            )
            for group in Group.objects.prefetch_related("permissions__content_type")
        },
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "page_permission_count": GroupPagePermission.objects.count(),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        "collection_permission_count": GroupCollectionPermission.objects.count(),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("workflow__name", "task__name", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "tasks": sorted(Task.objects.values_list("name", "content_type__model")),
        "board_task_groups": sorted(
            BoardApprovalTask.objects.get().groups.values_list("name", flat=True)
        ),
        "members": sorted(Group.objects.values_list("name", "user__username")),
    }


def test_setup_editorial_twice_changes_nothing(editorial):
    before = snapshot()
    output = setup_editorial()
    assert "Đã thiết lập quy trình biên tập." in output
    assert "2 đơn vị" in output
    assert snapshot() == before
    setup_editorial()
    assert snapshot() == before


def test_setup_editorial_creates_the_vietnamese_roles_and_the_workflow(editorial):
    state = snapshot()
    assert set(state["groups"]) == GLOBAL_GROUPS | WAGTAIL_DEFAULT_GROUPS | {
        "Biên tập viên – Khoa Toán – Tin",
        "Trưởng công đoàn bộ phận – Khoa Toán – Tin",
        "Biên tập viên – Khoa Ngữ văn",
        "Trưởng công đoàn bộ phận – Khoa Ngữ văn",
    }
    # Wagtail's own "Editors" and "Moderators" (from its migrations) are left alone, empty.
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=False).exists()
    assert "cms.view_reports" in state["groups"][roles.COMMUNICATIONS]
    assert state["groups"][roles.EXECUTIVE] == sorted(
        [
            "wagtailadmin.access_admin",
            "cms.view_reports",
            "cms.view_takedownrequest",
            "exemplars.view_exemplarcategory",
            "planning.view_occasion",
            "planning.view_trainingsession",
            "security.view_account",
        ]
    )
    assert state["groups"][roles.MEMBERS] == []  # no admin at all
    active = [name for name, is_active in state["workflows"] if is_active]
    assert active == [editorial_setup.WORKFLOW_NAME]
    ours = [row for row in state["workflow_tasks"] if row[0] == editorial_setup.WORKFLOW_NAME]
    assert ours == [
        (editorial_setup.WORKFLOW_NAME, editorial_setup.DEPARTMENT_TASK_NAME, 0),
        (editorial_setup.WORKFLOW_NAME, editorial_setup.BOARD_TASK_NAME, 1),
    ]
    assert state["workflow_pages"] == [(editorial.home.pk, editorial_setup.WORKFLOW_NAME)]
    assert state["board_task_groups"] == [roles.COMMUNICATIONS]
    assert isinstance(
        Workflow.objects.get(name=editorial_setup.WORKFLOW_NAME)
        .workflow_tasks.get(sort_order=0)
        .task.specific,
        DepartmentReviewTask,
    )
    assert (
        sorted(page for group, page, _ in state["page_permissions"] if group == roles.MEMBERS) == []
    )


def test_setup_editorial_repairs_hand_made_drift(editorial):
    before = snapshot()
    board = Group.objects.get(name=roles.COMMUNICATIONS)
    board.permissions.remove(board.permissions.get(codename="view_reports"))
    editors = editorial.dept_a.editors_group
    GroupPagePermission.objects.create(
        group=editors,
        page=editorial.home,
        permission=GroupPagePermission.objects.filter(permission__codename="publish_page")
        .first()
        .permission,
    )
    GroupCollectionPermission.objects.filter(group=editors).delete()
    Workflow.objects.update(active=False)

    setup_editorial()
    assert snapshot() == before


def department_form(title, short_name, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "short_name": short_name,
            "slug": slug,
            "description": rich_text("<p>Công đoàn bộ phận mới.</p>"),
            "image": "",
            "chair_name": "Trần Văn Bình",
            "email": "",
            "phone": "",
            "office": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **extra,
        }
    )


def department_grants(department):
    """What the department's two groups may do, by group."""
    department = DepartmentPage.objects.get(pk=department.pk)
    grants = {}
    for group in (department.editors_group, department.heads_group):
        grants[group.name] = {
            "pages": sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
            "collections": sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
            "model": sorted(group.permissions.values_list("codename", flat=True)),
        }
    return grants


def expected_grants(department, shared):
    pages = sorted([(department.pk, "add_page"), (department.pk, "change_page")])
    own = department.collection.pk
    collections = sorted(
        [
            (own, f"{action}_{model}")
            for action in ("add", "change", "choose")
            for model in ("image", "document")
        ]
        + [(shared.pk, "choose_image"), (shared.pk, "choose_document")]
    )
    model = sorted(["access_admin", "add_takedownrequest", "submit_translation"])
    return {"pages": pages, "collections": collections, "model": model}


def test_department_created_renamed_and_removed_in_the_admin(editorial, as_user):
    client = as_user("board")
    shared = editorial_setup.shared_collection()
    groups_before = set(Group.objects.values_list("name", flat=True))

    # Created: its two groups, its own collection and their permissions, in one step.
    response = client.post(
        add_url(DepartmentPage, editorial.department_index),
        department_form(
            "Công đoàn Phòng Đào tạo", "Phòng Đào tạo", "phong-dao-tao", **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    department = DepartmentPage.objects.get(slug="phong-dao-tao")
    assert department.live
    editors, heads = department.editors_group, department.heads_group
    assert editors.name == "Biên tập viên – Phòng Đào tạo"
    assert heads.name == "Trưởng công đoàn bộ phận – Phòng Đào tạo"
    assert department.collection.name == "Phòng Đào tạo"
    assert department.collection.get_parent() == Collection.get_first_root_node()
    expected = expected_grants(department, shared)
    assert department_grants(department) == {editors.name: expected, heads.name: expected}
    assert set(Group.objects.values_list("name", flat=True)) == groups_before | {
        editors.name,
        heads.name,
    }

    # Renamed (and published): the same groups and collection, renamed; nothing added.
    page_count = GroupPagePermission.objects.count()
    collection_count = GroupCollectionPermission.objects.count()
    form = department_form(
        "Công đoàn Phòng Đào tạo và Khảo thí",
        "Phòng Đào tạo và Khảo thí",
        "phong-dao-tao",
    )
    client.post(edit_url(department), form)  # a draft: the live name still rules
    department.refresh_from_db()
    assert department.editors_group.name == "Biên tập viên – Phòng Đào tạo"
    form["action-publish"] = "1"
    response = client.post(edit_url(department), form)
    assert response.status_code == 302
    department = DepartmentPage.objects.get(pk=department.pk)
    assert department.editors_group.pk == editors.pk and department.heads_group.pk == heads.pk
    assert department.editors_group.name == "Biên tập viên – Phòng Đào tạo và Khảo thí"
    assert department.heads_group.name == "Trưởng công đoàn bộ phận – Phòng Đào tạo và Khảo thí"
    assert department.collection.name == "Phòng Đào tạo và Khảo thí"
    assert GroupPagePermission.objects.count() == page_count
    assert GroupCollectionPermission.objects.count() == collection_count
    assert department_grants(department) == {
        department.editors_group.name: expected,
        department.heads_group.name: expected,
    }
    assert "Biên tập viên – Phòng Đào tạo" not in set(Group.objects.values_list("name", flat=True))
    # … and setup_editorial agrees with what the signal did.
    before = snapshot()
    setup_editorial()
    assert snapshot() == before

    # Removed: its groups go with it; its collection (and any files) stay.
    collection_pk = department.collection.pk
    response = client.post(reverse("wagtailadmin_pages:delete", args=[department.pk]))
    assert response.status_code == 302
    assert not DepartmentPage.objects.filter(pk=department.pk).exists()
    assert not Group.objects.filter(pk__in=[editors.pk, heads.pk]).exists()
    assert set(Group.objects.values_list("name", flat=True)) == groups_before
    assert Collection.objects.filter(pk=collection_pk).exists()
    assert not GroupCollectionPermission.objects.filter(collection_id=collection_pk).exists()
    before = snapshot()
    setup_editorial()
    assert snapshot() == before


def test_department_groups_of_the_demo_site_have_their_users(editorial):
    """Re-running keeps people in their groups (nobody is dropped from a role)."""
    head = editorial.user("head_a")
    setup_editorial()
    head.refresh_from_db()
    assert list(head.groups.values_list("name", flat=True)) == [
        "Trưởng công đoàn bộ phận – Khoa Toán – Tin"
    ]


def test_a_second_department_with_the_same_name_is_refused_with_a_form_error(editorial, as_user):
    response = as_user("board").post(
        add_url(DepartmentPage, editorial.department_index),
        department_form(
            "Công đoàn Khoa Toán – Tin (cơ sở 2)",
            "Khoa Toán – Tin",
            "khoa-toan-tin-co-so-2",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert DepartmentPage.objects.filter(short_name="Khoa Toán – Tin").count() == 1
