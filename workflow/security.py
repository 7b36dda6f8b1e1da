"""Refusing an action: tell the user why, log who tried what, send them back."""

import logging
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages

from workflow.roles import ADMINISTRATORS, EDITORS, TRANSLATORS

logger = logging.getLogger("workflow.security")

DIRECT_PUBLISH_REFUSED = _(
    "Publishing directly is reserved for administrators. Submit it for review instead: "
    "it goes live after the content review and the publication approval."
)


def in_group(user: Any, name: str) -> bool:
    return user.is_authenticated and any(group.name == name for group in user.groups.all())


def may_publish_directly(user: Any) -> bool:
    """Only Administrators may publish past the workflow (e.g. an urgent correction)."""
    return user.is_superuser or in_group(user, ADMINISTRATORS)


def is_translator_only(user: Any) -> bool:
    """A translator who is not also an editor or administrator works on target locales only."""
    return (
        not user.is_superuser
        and in_group(user, TRANSLATORS)
        and not (in_group(user, EDITORS) or in_group(user, ADMINISTRATORS))
    )


def refuse(request: HttpRequest, action: str, reason: str, target: Any = None, redirect_to: str = "") -> HttpResponse:
    """Log the refused ``action`` and answer with ``reason`` (a message and a redirect,
    or JSON for the admin's modal requests)."""
    user = getattr(request, "user", AnonymousUser())
    logger.warning(
        "Refused %s by user %s (%s) on %s %r: %s [%s %s]",
        action,
        user.pk,
        user.get_username(),
        type(target).__name__ if target is not None else "-",
        str(target) if target is not None else "",
        reason,
        request.method,
        request.path,
    )
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"step": "error", "error": str(reason)}, status=403)
    messages.error(request, reason)
    return HttpResponseRedirect(redirect_to or request.path)
