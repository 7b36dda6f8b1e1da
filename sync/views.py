"""GET /api/v1/sync/: the initial sync and the deltas, page by page.

Response: ``{"items": [...], "deleted": [...], "next_cursor": "…", "has_more": bool}``.
``items`` are created or changed items in exactly their list shape (the item of
/api/v1/<type>/?locale=<locale>, with ``type``, ``id`` and ``locale``);
``deleted`` are tombstones ``{type, id, locale, reason}``. While ``has_more``,
ask again at once with ``cursor=next_cursor``; then store ``next_cursor`` and
send it later to get what changed since.
"""

import json

from django.core import signing
from django.http import HttpResponse

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.views import APIView

from api.errors import InvalidParameters
from api.pagination import parse_int
from api.shapes import base_url
from api.views import ERROR_RESPONSES, PROBLEM, check_params

from . import feed
from .models import SyncItem

SALT = "sync.cursor"
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
REASONS = ["deleted", "unpublished", "expired", "scheduled", "private", "removed"]


class CursorExpired(APIException):
    status_code = 410
    default_detail = "cursor: from before the sync table was rebuilt; start again with an initial sync (no cursor)"
    default_code = "cursor_expired"


def make_cursor(epoch: int, seq: int, skip_upto: int) -> str:
    return signing.dumps([epoch, seq, skip_upto], salt=SALT, compress=False)


def read_cursor(raw: str) -> tuple[int, int, int]:
    try:
        value = signing.loads(raw, salt=SALT)
    except signing.BadSignature:
        raise InvalidParameters({"cursor": "malformed or tampered cursor; use a next_cursor from this feed"}) from None
    if not (isinstance(value, list) and len(value) == 3 and all(type(part) is int for part in value)):
        raise InvalidParameters({"cursor": "malformed cursor; use a next_cursor from this feed"})
    return value[0], value[1], value[2]


SYNC_RESPONSE = {
    "type": "object",
    "required": ["items", "deleted", "next_cursor", "has_more"],
    "properties": {
        "items": {
            "type": "array",
            "description": "Created or changed items, each in the list shape of its type "
            "(as /api/v1/<type>/?locale=<locale> serves it).",
            "items": {
                "type": "object",
                "required": ["type", "id", "locale"],
                "properties": {"type": {"type": "string"}, "id": {"type": "integer"}, "locale": {"type": "string"}},
                "additionalProperties": True,
            },
        },
        "deleted": {
            "type": "array",
            "description": "Items that left the lists.",
            "items": {
                "type": "object",
                "required": ["type", "id", "locale", "reason"],
                "properties": {
                    "type": {"type": "string"},
                    "id": {"type": "integer"},
                    "locale": {"type": "string"},
                    "reason": {"type": "string", "enum": REASONS},
                },
            },
        },
        "next_cursor": {"type": "string", "description": "Pass as cursor= (at once while has_more, later otherwise)."},
        "has_more": {"type": "boolean"},
    },
}


class SyncView(APIView):
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary="Sync feed: every visible item, then what changed (with tombstones)",
        description=__doc__,
        parameters=[
            OpenApiParameter("cursor", str, description="A next_cursor from an earlier response; none: initial sync."),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
                description="Changes per page.",
            ),
        ],
        responses={
            200: OpenApiResponse(response=SYNC_RESPONSE, description="One page of the feed."),
            **ERROR_RESPONSES,
            410: OpenApiResponse(
                response=PROBLEM, description="Cursor from before a rebuild: sync again from scratch."
            ),
        },
    )
    def get(self, request: Request) -> HttpResponse:
        check_params(request, {"cursor", "limit"})
        limit = parse_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        raw = request.query_params.get("cursor")
        cursor = read_cursor(raw) if raw else None
        feed.refresh()
        epoch, top = feed.epoch(), feed.last_seq()
        if cursor is None:
            seq, skip_upto = 0, top  # initial sync: nothing to delete yet
        else:
            cursor_epoch, seq, skip_upto = cursor
            if cursor_epoch != epoch:
                raise CursorExpired()
        rows = SyncItem.objects.filter(seq__gt=seq).order_by("seq")
        if skip_upto > seq:
            rows = rows.exclude(visible=False, seq__lte=skip_upto)
        page = list(rows[: limit + 1])
        has_more = len(page) > limit
        page = page[:limit]
        if page:
            seq = page[-1].seq
        if not has_more:
            seq = max(seq, skip_upto)
        base = base_url(request)
        items = ",".join(feed.with_host(row.data, base) for row in page if row.visible)
        deleted = json.dumps([feed.tombstone(row) for row in page if not row.visible])
        tail = json.dumps({"next_cursor": make_cursor(epoch, seq, skip_upto), "has_more": has_more})
        # The stored items are already JSON: joined, not parsed and rendered again.
        body = '{"items":[' + items + '],"deleted":' + deleted + "," + tail[1:]
        response = HttpResponse(body.encode(), content_type="application/json")
        response["Cache-Control"] = "no-store"
        return response
