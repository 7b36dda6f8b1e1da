"""Refuse (with a reason) and log workflow actions the four-eyes task forbids.

Wagtail's workflow action views (the Approve / Request changes dialogs of pages
and snippets) answer a forbidden action with a generic "no permission" redirect
and log nothing; this middleware checks first, so the user learns why and the
attempt is recorded in the "workflow.security" log.

It also refuses wagtail-localize's "Convert to alias page" to everyone but
Administrators: the alias mirrors the live source page, so converting a draft
translation makes it live at its own URL without any review. (wagtail-localize
offers no hook there, and its translation editor shows the link regardless.)
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, TaskState

from workflow.models import FourEyesApprovalTask
from workflow.security import may_publish_directly, refuse

WORKFLOW_ACTION_VIEWS = {"workflow_action", "collect_workflow_action_data"}
CONVERT_TO_ALIAS_VIEW = "wagtail_localize:convert_to_alias"
CONVERT_TO_ALIAS_REFUSED = _(
    "Converting a translation into an alias publishes it at once, so it is reserved for "
    "administrators. Translate the page and submit the translation for review instead."
)


class WorkflowActionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: dict) -> Any:
        match = request.resolver_match
        if match is not None and match.view_name == CONVERT_TO_ALIAS_VIEW:
            return self._guard_convert_to_alias(request, view_kwargs)
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

    @staticmethod
    def _guard_convert_to_alias(request: HttpRequest, view_kwargs: dict) -> HttpResponse | None:
        if not request.user.is_authenticated or may_publish_directly(request.user):
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None:
            return None  # wagtail-localize answers 404
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return refuse(request, "convert translation to alias", CONVERT_TO_ALIAS_REFUSED, page, edit_url)
