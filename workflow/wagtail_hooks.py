"""Admin guards for the editorial workflow.

Wagtail lets anyone with a publish permission publish past a workflow. Publishers
need that permission for *unpublish*, so these hooks refuse every direct
publication (page and snippet editors, revision reverts, the translation editor,
bulk actions, copies that are published or aliased) by anyone but Administrators,
and refuse approvals the four-eyes task forbids with a clear message rather than
silently saving a draft. Each refusal is logged to "workflow.security".
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Locale, Page, TranslatableMixin

from workflow.models import FourEyesApprovalTask
from workflow.security import DIRECT_PUBLISH_REFUSED, is_translator_only, may_publish_directly, refuse

COPY_PUBLISH_REFUSED = _(
    "Publishing a copy or creating an alias is reserved for administrators. Copy the page "
    'without "Publish copies" and submit the copy for review.'
)


def _is_publish_post(request: HttpRequest) -> bool:
    # "action-publish" is the Wagtail editor's button; "action=publish" the
    # wagtail-localize translation editor's.
    return request.method == "POST" and (
        bool(request.POST.get("action-publish")) or request.POST.get("action") == "publish"
    )


def _workflow_action_refusal(request: HttpRequest, obj: Any) -> str | None:
    """The reason to refuse an approve/reject posted from the editor, if any."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    task = obj.current_workflow_task
    if not isinstance(task, FourEyesApprovalTask):
        return None
    return task.refusal_reason(obj, request.user)


def _page_edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@hooks.register("before_edit_page")
def guard_page_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    if _is_publish_post(request) and not may_publish_directly(request.user):
        return refuse(request, "direct publish", DIRECT_PUBLISH_REFUSED, page, _page_edit_url(page))
    reason = _workflow_action_refusal(request, page)
    if reason:
        action = request.POST.get("workflow-action-name", "workflow action")
        return refuse(request, f"workflow {action}", reason, page, _page_edit_url(page))
    if request.method == "GET":
        _explain_own_submission(request, page)
    return None


@hooks.register("before_create_page")
def guard_page_create(request: HttpRequest, parent_page: Page, page_class: type[Page]) -> HttpResponse | None:
    if _is_publish_post(request) and not may_publish_directly(request.user):
        return refuse(request, "direct publish (new page)", DIRECT_PUBLISH_REFUSED, parent_page)
    return None


def _is_source_locale(instance: Any) -> bool:
    return isinstance(instance, TranslatableMixin) and instance.locale_id == Locale.get_default().pk


@hooks.register("before_edit_snippet")
def guard_snippet_edit(request: HttpRequest, instance: Any) -> HttpResponse | None:
    # Snippet permissions are per model, not per locale; this keeps translators on
    # the target-language copies as page permissions do for pages.
    if is_translator_only(request.user) and _is_source_locale(instance):
        return refuse(
            request,
            "edit source-language snippet",
            _("Translators edit translations only; the Serbian original is edited by editors."),
            instance,
            reverse("wagtailadmin_home"),
        )
    if _is_publish_post(request) and not may_publish_directly(request.user):
        return refuse(request, "direct publish", DIRECT_PUBLISH_REFUSED, instance)
    reason = _workflow_action_refusal(request, instance)
    if reason:
        return refuse(request, "workflow action", reason, instance)
    if request.method == "GET":
        _explain_own_submission(request, instance)
    return None


@hooks.register("before_create_snippet")
def guard_snippet_create(request: HttpRequest, model: type) -> HttpResponse | None:
    if _is_publish_post(request) and not may_publish_directly(request.user):
        return refuse(request, "direct publish (new snippet)", DIRECT_PUBLISH_REFUSED, None)
    return None


@hooks.register("before_bulk_action")
def guard_bulk_publish(request: HttpRequest, action_type: str, objects: list, action_class_instance: Any):
    if action_type == "publish" and not may_publish_directly(request.user):
        return refuse(
            request,
            "bulk publish",
            DIRECT_PUBLISH_REFUSED,
            f"{len(objects)} objects",
            request.GET.get("next") or reverse("wagtailadmin_home"),
        )
    return None


@hooks.register("before_copy_page")
def guard_page_copy(request: HttpRequest, page: Page) -> HttpResponse | None:
    # "Publish copies" and "Alias" both put a page live at a new URL (an alias
    # mirrors its live original), with a title and slug nobody reviewed.
    publishing = request.POST.get("publish_copies") or request.POST.get("alias")
    if request.method == "POST" and publishing and not may_publish_directly(request.user):
        what = "copy as alias" if request.POST.get("alias") else "copy and publish"
        return refuse(request, what, COPY_PUBLISH_REFUSED, page, request.get_full_path())
    return None


# Action menu items that put content live: Wagtail's Publish, and wagtail-localize's
# "Convert to alias" (an alias of a live page is live).
PUBLISHING_MENU_ITEMS = {"action-publish", "localize-convert-to-alias"}


def _drop_publish_item(menu_items: list, request: HttpRequest, context: dict) -> None:
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if getattr(item, "name", "") not in PUBLISHING_MENU_ITEMS]


hooks.register("construct_page_action_menu", _drop_publish_item)
hooks.register("construct_snippet_action_menu", _drop_publish_item)


def _explain_own_submission(request: HttpRequest, obj: Any) -> None:
    """Say why an approver sees no Approve button on their own submission."""
    task = getattr(obj, "current_workflow_task", None)
    if not isinstance(task, FourEyesApprovalTask) or not request.user.is_authenticated:
        return
    if request.user.is_superuser or task._user_in_groups(request.user):
        reason = task.refusal_reason(obj, request.user)
        if reason:
            messages.warning(request, reason)


@hooks.register("register_admin_urls")
def workflow_admin_urls() -> list:
    from django.urls import path

    from workflow.views import submit_translation

    return [
        path(
            "workflow/translations/<int:page_id>/submit/",
            submit_translation,
            name="workflow_submit_translation",
        )
    ]


def _submit_translation_button(page: Page, user: Any, next_url: str | None = None, **kwargs: Any):
    from wagtail.admin.widgets import Button

    from workflow.views import synced_translation

    if (
        page.locale_id != Locale.get_default().pk
        and not page.workflow_in_progress
        and synced_translation(page) is not None
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Submit translation for review"),
            reverse("workflow_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=25,
        )


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page: Page, user: Any, next_url: str | None = None):
    yield from _submit_translation_button(page, user, next_url)


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page: Page, user: Any, view_name: str, next_url: str | None = None):
    yield from _submit_translation_button(page, user, next_url)
