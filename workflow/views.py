"""Submitting a synced translation for review.

wagtail-localize's translation editor offers only "Publish", which translators
(no publish permission) cannot use. This view saves the translated segments as a
draft revision of the target page and starts the "Review and publish" workflow.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation

from workflow.security import refuse


def synced_translation(page: Page) -> Translation | None:
    if page.locale_id == Locale.get_default().pk:
        return None
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def submit_translation(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    explore_url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    translation = synced_translation(page)
    if translation is None:
        messages.error(request, _("This page is not a synced translation."))
        return redirect(explore_url)
    if not page.permissions_for_user(request.user).can_edit():
        return refuse(request, "submit translation", _("You cannot edit this translation."), page, explore_url)
    if request.method != "POST":
        return TemplateResponse(
            request, "workflow/confirm_submit_translation.html", {"page": page, "header_title": page.title}
        )

    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("'%(title)s' is already in review.") % {"title": page.title})
        return redirect(explore_url)
    # Writes the translated segments into a new draft revision by this user.
    translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=request.user)
    else:
        page.get_workflow().start(page, request.user)
    messages.success(request, _("'%(title)s' was submitted for review.") % {"title": page.title})
    return redirect(explore_url)
