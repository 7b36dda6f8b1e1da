"""Refuse (with a reason) and log workflow actions the four-eyes task forbids.

Wagtail's workflow action views (the Approve / Request changes dialogs of pages
and snippets) answer a forbidden action with a generic "no permission" redirect
and log nothing; this middleware checks first, so the user learns why and the
attempt is recorded in the "workflow.security" log.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from wagtail.models import TaskState

from workflow.models import FourEyesApprovalTask
from workflow.security import refuse

WORKFLOW_ACTION_VIEWS = {"workflow_action", "collect_workflow_action_data"}


class WorkflowActionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: dict) -> Any:
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in WORKFLOW_ACTION_VIEWS:
            return None
        if not match.namespace.startswith(("wagtailadmin_pages", "wagtailsnippets_")):
            return None
        if not request.user.is_authenticated:
            return None  # Wagtail's admin sends anonymous users to the login page.
        task_state = TaskState.objects.filter(pk=view_kwargs.get("task_state_id")).select_related("task").first()
        if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
            return None
        task = task_state.task.specific
        if not isinstance(task, FourEyesApprovalTask):
            return None
        obj = task_state.workflow_state.content_object
        reason = task.refusal_reason(obj, request.user, task_state)
        if reason is None:
            return None
        action = view_kwargs.get("action_name", "workflow action")
        return refuse(request, f"workflow {action}", reason, obj, reverse("wagtailadmin_home"))
