"""drf-spectacular hooks."""

from typing import Any


def only_v1(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list[tuple[str, str, str, Any]]:
    """Keep only our documented API; Wagtail's admin and v2 endpoints stay out of the schema."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
