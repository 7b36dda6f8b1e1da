"""What an event is about, whether it may be announced, and its payload.

An event names an item by API type, id and locale only: never any content, so a
draft can never leak through a webhook. Only items of the API v1 types are announced,
and only pages the public can see (security.visibility): a publish of a private page,
or of one outside the site, sends nothing; a scheduled page is announced when the
scheduler makes it live (Wagtail sends ``page_published`` then, not when it is scheduled).
"""

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.urls import reverse

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from security import visibility

from .models import Event


def api_types() -> dict[type[Model], str]:
    """Model → API v1 type name ("events", "people"...), for every type the API serves."""
    from api.serializers.registry import PAGE_SERIALIZERS
    from api.serializers.snippets import SNIPPET_SERIALIZERS

    return {serializer.model: serializer.type_name for serializer in (*PAGE_SERIALIZERS, *SNIPPET_SERIALIZERS)}


def source_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def publish_event(locale_code: str) -> str:
    return Event.PUBLISHED if locale_code == source_language() else Event.TRANSLATION_PUBLISHED


def api_url(type_name: str, pk: int, locale_code: str) -> str:
    path = reverse(f"api:v1:{type_name}-detail", args=[pk])
    return f"{settings.WEBHOOKS_API_BASE_URL.rstrip('/')}{path}?locale={locale_code}"


def payload(event: str, type_name: str, pk: int, locale_code: str, when: datetime.datetime) -> dict[str, Any]:
    return {
        "type": event,
        "timestamp": when.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
        "data": {"id": pk, "type": type_name, "locale": locale_code, "api_url": api_url(type_name, pk, locale_code)},
    }


def was_ever_public(page: Page) -> bool:
    """Unpublished or deleted: announce it only if it could have been seen, i.e. it was
    published once, sits under the site and under no view restriction (its own, an
    ancestor's, or its source page's)."""
    if page.first_published_at is None:
        return False
    gates = visibility.gate_paths()
    in_site = any(page.path.startswith(root) for root in gates["roots"])
    restricted = any(page.path.startswith(prefix) for prefix in gates["pages"])
    return in_site and not restricted


def is_public_page(page_id: int) -> bool:
    return visibility.public_pages(Page).filter(pk=page_id).exists()
