"""The four-eyes approval task: nobody approves a revision they submitted or wrote."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, TaskState

security_log = logging.getLogger("workflow.security")

APPROVE = "approve"


def authors_of(task_state: TaskState | None) -> set[int]:
    """The ids of the people who may not approve ``task_state``: whoever submitted the
    workflow and whoever wrote the revision under review (e.g. a reviewer who edited)."""
    if task_state is None:
        return set()
    ids = {task_state.workflow_state.requested_by_id, task_state.revision.user_id}
    ids.discard(None)
    return ids


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """A group approval step that refuses approval by the author of the revision.

    Members of the chosen groups approve or request changes, as with Wagtail's
    GroupApprovalTask. The person who submitted the object for review, or who
    saved the revision being reviewed, gets no approve/reject actions on it and an
    approval posted by them anyway is refused, logged and explained.
    """

    class Meta:
        verbose_name = _("four-eyes group approval task")
        verbose_name_plural = _("four-eyes group approval tasks")

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve this step; nobody can approve their own submission.")

    def refusal_reason(self, obj: Any, user: Any, task_state: TaskState | None = None) -> str | None:
        """Why ``user`` may not approve ``obj`` at this step, or None if they may."""
        if task_state is None:
            task_state = getattr(obj, "current_workflow_task_state", None)
        if user.pk in authors_of(task_state):
            return _(
                "You submitted or wrote this version, so you cannot approve it. "
                "Another member of %(groups)s must review it."
            ) % {"groups": self.group_names()}
        if not (user.is_superuser or self._user_in_groups(user)):
            return _("Only members of %(groups)s can approve the step '%(task)s'.") % {
                "groups": self.group_names(),
                "task": self.name,
            }
        return None

    def group_names(self) -> str:
        return ", ".join(sorted(self.groups.values_list("name", flat=True))) or "-"

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, str, bool]]:
        if self.refusal_reason(obj, user) is not None:
            return []
        return super().get_actions(obj, user)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        # The author keeps whatever edit rights their groups give them, but the task
        # itself grants editor access only to people who could approve.
        return self.refusal_reason(obj, user) is None

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return self.refusal_reason(obj, user) is not None

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> models.QuerySet:
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        # Keep one's own submissions off the "Awaiting your review" dashboard panel.
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> Any:
        # The admin views check get_actions() first; this is the last line of defence
        # for any other caller (scripts, future views).
        reason = self.refusal_reason(task_state.workflow_state.content_object, user, task_state)
        if reason is not None:
            security_log.warning(
                "Refused workflow action %r by user %s on task state %s (%s): %s",
                action_name,
                getattr(user, "pk", None),
                task_state.pk,
                self.name,
                reason,
            )
            raise PermissionDenied(reason)
        return super().on_action(task_state, user, action_name, **kwargs)
