"""Limit/offset pagination with a hard maximum; bad values are a 400, not a silent clamp."""

import re
from collections import OrderedDict
from typing import Any

from django.db.models import QuerySet

from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from .errors import InvalidParameters

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


ASCII_INTEGER = re.compile(r"-?[0-9]+")
# Offsets reach the database as OFFSET: keep them to a signed 64-bit integer.
INT64_MAX = 2**63 - 1


def parse_int(request: Request, name: str, default: int, minimum: int, maximum: int | None = None) -> int:
    """An integer query parameter in ASCII digits ("１" is not 1), or a 400 naming it."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not ASCII_INTEGER.fullmatch(raw):
        raise InvalidParameters({name: "must be an integer (ASCII digits)"})
    value = int(raw)
    maximum = INT64_MAX if maximum is None else maximum
    if value < minimum or value > maximum:
        raise InvalidParameters({name: f"must be at least {minimum} and at most {maximum}"})
    return value


class Pagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list:
        self.request = request
        self.limit = parse_int(request, self.limit_query_param, DEFAULT_LIMIT, 1, MAX_LIMIT)
        self.offset = parse_int(request, self.offset_query_param, 0, 0)
        self.count = self.get_count(queryset)
        if self.count == 0 or self.offset >= self.count:
            return []
        return list(queryset[self.offset : self.offset + self.limit])

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            OrderedDict(
                [
                    ("count", self.count),
                    ("next", self.get_next_link()),
                    ("previous", self.get_previous_link()),
                    ("results", data),
                ]
            )
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 42},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        return [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"Items per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}); "
                "over the maximum is a 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            },
            {
                "name": "offset",
                "in": "query",
                "required": False,
                "description": "Index of the first item to return.",
                "schema": {"type": "integer", "minimum": 0, "maximum": INT64_MAX, "default": 0},
            },
        ]
