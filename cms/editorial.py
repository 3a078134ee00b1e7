"""Roles, permissions and the moderation workflow, created and kept in sync idempotently.

``sync_editorial()`` is what ``manage.py setup_editorial`` runs; ``sync_department()`` runs
whenever a department page is saved, so adding a department is one step and its groups,
collection and permissions follow. Nobody ticks permission boxes by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms import roles

SHARED_COLLECTION = "Dùng chung"
WORKFLOW_NAME = "Quy trình duyệt tin bài"
DEPARTMENT_TASK_NAME = "Công đoàn bộ phận duyệt"
BOARD_TASK_NAME = "Trưởng ban Tuyên giáo – Truyền thông duyệt"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
BOARD_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]

# app_label.codename for each global group, besides page and collection permissions.
BOARD_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "exemplars.add_exemplarcategory",
    "exemplars.change_exemplarcategory",
    "exemplars.delete_exemplarcategory",
    "cms.change_sitesettings",
    "cms.add_sitetext",
    "cms.change_sitetext",
    "cms.delete_sitetext",
    "cms.add_tag",
    "cms.change_tag",
    "cms.delete_tag",
    "cms.view_reports",
    "cms.change_takedownrequest",
    "cms.view_takedownrequest",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtail_localize.submit_translation",
    # The plan's calendar and register (planning/): occasions, training sessions, targets.
    "planning.add_occasion",
    "planning.change_occasion",
    "planning.delete_occasion",
    "planning.add_trainingsession",
    "planning.change_trainingsession",
    "planning.delete_trainingsession",
    "planning.view_occasionreminder",
    "planning.change_plansettings",
    # Who may send news and nominations besides members (contributions/).
    "contributions.change_contributionsettings",
    # The audit log of accounts (security/): logins, failures, group and permission changes.
    "security.view_account",
]
EXECUTIVE_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "cms.view_reports",
    "cms.view_takedownrequest",
    "exemplars.view_exemplarcategory",
    "planning.view_occasion",
    "planning.view_trainingsession",
    "security.view_account",
]
DEPARTMENT_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "cms.add_takedownrequest",
    "wagtail_localize.submit_translation",
]


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def _set_page_permissions(group, pages, codenames):
    """Exactly ``codenames`` on each of ``pages`` (a page or a list) for ``group``."""
    pages = pages if isinstance(pages, list | tuple) else [pages]
    wanted = _page_permissions(codenames)
    GroupPagePermission.objects.filter(group=group).exclude(
        page__in=pages, permission__in=wanted
    ).delete()
    for page in pages:
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _set_collection_permissions(group, grants):
    """``grants``: {collection: [codename, …]} — exactly these, nothing else, for ``group``."""
    keep = []
    for collection, codenames in grants.items():
        for app_label, model in MEDIA_MODELS:
            for action in codenames:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                grant, _ = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
                keep.append(grant.pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=keep).delete()


def _group(name, model_permissions=()):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(model_permissions))
    return group


def shared_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SHARED_COLLECTION).first()
    return existing or root.add_child(name=SHARED_COLLECTION)


def _rename_or_create_group(current, name):
    if current is None:
        group, _ = Group.objects.get_or_create(name=name)
        return group
    if current.name != name:
        current.name = name
        current.save(update_fields=["name"])
    return current


@transaction.atomic
def sync_department(department):
    """Create or update the department's editor and head groups, collection and permissions."""
    from cms.models import DepartmentPage

    department = DepartmentPage.objects.select_related(
        "editors_group", "heads_group", "collection", "locale"
    ).get(pk=department.pk)
    # Translations of a department share its groups and collection: sync the original.
    default_locale = Locale.get_default()
    if department.locale_id != default_locale.pk:
        original = DepartmentPage.objects.filter(
            translation_key=department.translation_key, locale=default_locale
        ).first()
        if original is None:
            return None
        return sync_department(original)
    translations = list(DepartmentPage.objects.filter(translation_key=department.translation_key))
    name = department.display_name
    collection = department.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])

    editors = _rename_or_create_group(
        department.editors_group, roles.editors_group_name(department)
    )
    heads = _rename_or_create_group(department.heads_group, roles.heads_group_name(department))
    shared = shared_collection()
    for group in (editors, heads):
        group.permissions.set(_permissions(DEPARTMENT_MODEL_PERMISSIONS))
        _set_page_permissions(group, translations, EDITOR_PAGE_PERMISSIONS)
        _set_collection_permissions(
            group, {collection: ["add", "change", "choose"], shared: ["choose"]}
        )
    DepartmentPage.objects.filter(pk=department.pk).update(
        editors_group=editors, heads_group=heads, collection=collection
    )
    return editors, heads, collection


def remove_department_groups(department):
    """A removed department takes its groups with it; its collection (and files) stay.

    Translations share the groups, so they go only with the last copy of the department.
    """
    from cms.models import DepartmentPage

    others = DepartmentPage.objects.filter(translation_key=department.translation_key).exclude(
        pk=department.pk
    )
    if not others.exists():
        Group.objects.filter(
            pk__in=[department.editors_group_id, department.heads_group_id]
        ).delete()


def sync_workflow(board):
    """The one workflow, its two steps, assigned at every home page (each locale's tree)."""
    from cms.models.workflow import BoardApprovalTask, DepartmentReviewTask
    from home.models import HomePage

    department_task = DepartmentReviewTask.objects.filter(name=DEPARTMENT_TASK_NAME).first()
    if department_task is None:
        department_task = DepartmentReviewTask.objects.create(name=DEPARTMENT_TASK_NAME)
    board_task = BoardApprovalTask.objects.filter(name=BOARD_TASK_NAME).first()
    if board_task is None:
        board_task = BoardApprovalTask.objects.create(name=BOARD_TASK_NAME)
    board_task.groups.set([board])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for order, task in enumerate([department_task, board_task]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowTask.objects.filter(workflow=workflow).exclude(
        task__in=[department_task, board_task]
    ).delete()
    for home in HomePage.objects.all():
        assign_workflow(home, workflow)
    # One workflow for the site: Wagtail's default "Moderators approval" is assigned at the root
    # and would still cover pages outside the home pages' trees. Workflows an administrator
    # assigned deeper in the tree (or to snippets) are left alone.
    tops = [Page.get_first_root_node().pk, *HomePage.objects.values_list("pk", flat=True)]
    for other in (
        Workflow.objects.filter(active=True, workflow_pages__page__in=tops)
        .exclude(pk=workflow.pk)
        .distinct()
    ):
        other.deactivate()
    return workflow


def assign_workflow(page, workflow=None):
    workflow = workflow or Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


@transaction.atomic
def sync_editorial():
    """Everything ``setup_editorial`` promises; safe to run any number of times on a live site."""
    from cms.models import DepartmentPage

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    board = _group(roles.COMMUNICATIONS, BOARD_MODEL_PERMISSIONS)
    _set_page_permissions(board, root_page, BOARD_PAGE_PERMISSIONS)
    _set_collection_permissions(board, {root_collection: ["add", "change", "choose", "delete"]})

    executive = _group(roles.EXECUTIVE, EXECUTIVE_MODEL_PERMISSIONS)
    _set_page_permissions(executive, root_page, ["view_page"])
    _set_collection_permissions(executive, {})

    members = _group(roles.MEMBERS)
    _set_page_permissions(members, root_page, [])
    _set_collection_permissions(members, {})

    shared_collection()
    departments = list(DepartmentPage.objects.all())
    for department in departments:
        sync_department(department)
    workflow = sync_workflow(board)
    return {"departments": len(departments), "workflow": workflow}
