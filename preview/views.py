"""The editor's "Preview on partner site" redirect and the token-only preview endpoint."""

import logging
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Revision

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import PROBLEM_JSON, InvalidParameters
from api.locales import LocaleChoice
from api.serializers.registry import serializer_for_model
from api.views import ERROR_RESPONSES, PROBLEM, ApiLanguageMixin, check_params

from .models import HeadlessSettings
from .tokens import TokenExpired, TokenInvalid, make_token, read_token

logger = logging.getLogger(__name__)


def partner_preview(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    """Admin view: sign the page's latest revision and send the editor to the partner front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        logger.warning("Headless preview refused: user %s may not edit page %s", request.user.pk, page.pk)
        raise PermissionDenied
    serializer = serializer_for_model(type(page))
    revision = page.get_latest_revision()
    if serializer is None or revision is None:
        messages.error(request, "This page type has no partner-site preview (the API does not serve it).")
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    token = make_token(page.pk, revision.pk)
    query = urlencode({"token": token, "type": serializer.type_name, "id": page.pk})
    front_end = HeadlessSettings.for_request(request).preview_url
    if not front_end:
        # No partner front end configured for this site: show the API's answer itself.
        messages.info(request, "No partner preview URL is set (Settings → Headless settings); showing the API.")
        return HttpResponseRedirect(f"{reverse('api:v1:preview')}?token={token}")
    separator = "&" if "?" in front_end else "?"
    return HttpResponseRedirect(f"{front_end}{separator}{query}")


class TokenError(exceptions.APIException):
    # Not AuthenticationFailed: DRF turns that into a 403 when no authenticator names a scheme.
    status_code = 401
    default_code = "invalid_token"
    default_detail = "The preview token is invalid."


# The typed detail item, a oneOf of the detail components discriminated by ``type``: the
# ResolvedItem component that /api/v1/pages/resolve/ defines (api.other_views), referenced, not redefined.
DETAIL_ITEM = {"$ref": "#/components/schemas/ResolvedItem"}
PREVIEW_ERRORS = {
    **ERROR_RESPONSES,
    (400, PROBLEM_JSON): OpenApiResponse(
        response=PROBLEM, description="No token, or a parameter other than token (application/problem+json)."
    ),
    (401, PROBLEM_JSON): OpenApiResponse(
        response=PROBLEM,
        description="Tampered, malformed (code invalid_token) or expired (code token_expired) token.",
    ),
    (403, PROBLEM_JSON): OpenApiResponse(
        response=PROBLEM, description="The token's revision does not belong to the token's page."
    ),
    (404, PROBLEM_JSON): OpenApiResponse(
        response=PROBLEM, description="The previewed page was deleted, or the API serves no item of its type."
    ),
}


class PreviewView(ApiLanguageMixin, APIView):
    """``GET /api/v1/preview/?token=…``: one revision in the shape of its type's detail endpoint.

    The token is the whole authorisation (also for private pages): no session,
    no other parameter, and never cached by anyone but the requesting client.
    """

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        summary="Preview a page revision (draft) by token",
        description="For the partner front end's preview page: the revision a signed token names, in the shape "
        "of its type's detail endpoint (detail field set), drafts and private pages included. The admin's "
        '"Preview on partner site" action issues the token (valid HEADLESS_PREVIEW_SECONDS, default one hour, '
        "for one page and one revision). Never cached: Cache-Control: private, no-store.",
        parameters=[
            OpenApiParameter(
                "token",
                str,
                required=True,
                description="The signed preview token of the partner front end's ?token=… (the only parameter).",
            )
        ],
        responses={
            200: OpenApiResponse(response=DETAIL_ITEM, description="The revision as its type's detail item."),
            **PREVIEW_ERRORS,
        },
    )
    def get(self, request: Request) -> Response:
        check_params(request, {"token"})
        raw = request.query_params.get("token", "").strip()
        if not raw:
            raise InvalidParameters({"token": "required"})
        try:
            claim = read_token(raw)
        except TokenExpired as exc:
            raise TokenError("The preview token has expired.", "token_expired") from exc
        except TokenInvalid as exc:
            raise TokenError() from exc
        page = Page.objects.filter(pk=claim.page_id).first()
        if page is None:
            raise exceptions.NotFound("The previewed page no longer exists.")
        revision = Revision.page_revisions.filter(pk=claim.revision_id).first()
        if revision is None or str(revision.object_id) != str(page.pk):
            raise exceptions.PermissionDenied("The token's revision does not belong to its page.")
        draft = revision.as_object()
        serializer_class = serializer_for_model(type(draft))
        if serializer_class is None:
            raise exceptions.NotFound("The API does not serve this page type.")
        source = (
            Locale.objects.filter(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)).first()
            or Locale.get_default()
        )
        choice = LocaleChoice(locale=draft.locale, source=source, fallback=False)
        context = {
            "request": request,
            "choice": choice,
            "view": self,
            "loaded": serializer_class.load([draft], request, choice, "detail"),
        }
        return Response(serializer_class([draft], many=True, context=context, field_set="detail").data[0])
