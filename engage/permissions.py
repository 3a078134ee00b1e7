"""Who handles members' questions: the communications board (and superusers).

``setup_editorial`` sets the board group's model permissions to an exact list, so a grant made
here would be undone on its next run; the policy below reads group membership instead, and
still honours ordinary model permissions given to anyone else.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from cms import roles

BOARD_ACTIONS = {"change", "delete", "view"}


def is_board(user):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=roles.COMMUNICATIONS).exists()


class BoardPermissionPolicy(ModelPermissionPolicy):
    """The board may view, answer, edit and delete questions; nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action not in BOARD_ACTIONS:
            return False
        if user.is_authenticated and is_board(user):
            return True
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        board = Q(is_superuser=True) | Q(groups__name=roles.COMMUNICATIONS)
        others = super().users_with_any_permission(set(actions) & BOARD_ACTIONS)
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(board | Q(pk__in=others.values("pk")))
            .distinct()
        )
