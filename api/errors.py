"""One error shape for the API: RFC 7807 problem details (application/problem+json).

Body: ``{"type", "title", "status", "detail", "code"}`` plus ``errors`` (a list
of ``{"parameter", "message"}``) for invalid query parameters, and ``valid``
where a parameter has a closed set of values (e.g. locales).
"""

import logging
import math
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse

from rest_framework import exceptions
from rest_framework.response import Response

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


class InvalidParameters(exceptions.ValidationError):
    """A 400 naming each offending query parameter."""

    default_code = "invalid_parameter"

    def __init__(self, errors: dict[str, str], valid: list[str] | None = None) -> None:
        self.errors = errors
        self.valid = valid
        super().__init__(detail="; ".join(f"{name}: {message}" for name, message in errors.items()))


def problem(status: int, detail: str = "", code: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code or HTTPStatus(status).phrase.lower().replace(" ", "_"),
    }
    body.update({key: value for key, value in extra.items() if value is not None})
    return body


def _detail_text(detail: Any) -> str:
    if isinstance(detail, list):
        return "; ".join(_detail_text(item) for item in detail)
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_detail_text(value)}" for key, value in detail.items())
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler answering every error as problem+json."""
    headers: dict[str, str] = {}
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, InvalidParameters):
        body = problem(
            400,
            exc.detail if isinstance(exc.detail, str) else _detail_text(exc.detail),
            "invalid_parameter",
            errors=[{"parameter": name, "message": message} for name, message in exc.errors.items()],
            valid=exc.valid,
        )
    elif isinstance(exc, exceptions.APIException):
        if getattr(exc, "wait", None):
            # Whole seconds, rounded up: "0" would invite an immediate retry.
            headers["Retry-After"] = str(max(1, math.ceil(exc.wait)))
        if isinstance(exc, exceptions.MethodNotAllowed):
            view = context.get("view")
            if view is not None:
                headers["Allow"] = ", ".join(view.allowed_methods)
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        body = problem(exc.status_code, _detail_text(exc.detail), code)
    else:
        if settings.DEBUG:
            return None  # let Django show the traceback page
        logger.exception("Unhandled error in the API", exc_info=exc)
        body = problem(500, "An unexpected error occurred.", "server_error")
    return Response(body, status=body["status"], headers=headers, content_type=PROBLEM_JSON)


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """404 for any /api/ path that no endpoint matches (instead of the site's HTML page)."""
    body = problem(404, "No endpoint at this address.", "not_found")
    return JsonResponse(body, status=404, content_type=PROBLEM_JSON)
