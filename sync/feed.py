"""The sync table: refreshed from the v1 list code, read page by page by the feed.

A refresh serializes every visible item of every v1 list (each type × locale)
with the list endpoints' own viewset code (``base_queryset``, ``optimize``,
``serialize``), compares each item's hash with its row and gives a new ``seq``
to rows whose data or visibility changed. Items no longer listed become
tombstones with the reason they left. It is a full comparison, not dependency
tracking, so a snippet rename, an image change, a restriction on an ancestor
or on the Serbian source, an expiry or a go-live without any event, and the
date (``is_active``, ``current_label``) all reach the feed exactly as the lists
show them.

A refresh runs when a sync request finds the table stale: content committed
since the last refresh (sync.signals), a go_live_at/expire_at passed, or a new
day. ``manage.py refresh_sync`` does the same from cron or a worker.

Absolute URLs depend on the request's host: items are stored with
``SNAPSHOT_BASE`` and the feed writes the requesting host in its place.
"""

import datetime
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, QueryDict
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request

from security.visibility import published

from .models import SyncItem, SyncState

SNAPSHOT_HOST = "sync-snapshot.invalid"
SNAPSHOT_BASE = f"http://{SNAPSHOT_HOST}"
CHUNK = 100


class _SnapshotRequest(HttpRequest):
    """A request whose host is the placeholder (no ALLOWED_HOSTS check, plain http)."""

    def get_host(self) -> str:
        return SNAPSHOT_HOST

    def _get_scheme(self) -> str:
        return "http"


def snapshot_request() -> Request:
    http_request = _SnapshotRequest()
    http_request.method = "GET"
    http_request.path = "/api/v1/sync/"
    http_request.META = {"SERVER_NAME": SNAPSHOT_HOST, "SERVER_PORT": "80"}
    http_request.GET = QueryDict()
    return Request(http_request)


def list_viewsets() -> list[type]:
    """The viewset of every v1 list of pages or snippets, in URL order."""
    from api import urls
    from api.snippet_views import SnippetViewSet
    from api.views import PageViewSet

    found = []
    for pattern in urls.v1_patterns:
        cls = getattr(pattern.callback, "cls", None)
        if (pattern.name or "").endswith("-list") and cls and issubclass(cls, PageViewSet | SnippetViewSet):
            found.append(cls)
    return found


def _make_view(viewset: type, request: Request, locale: Locale, source: Locale) -> Any:
    from api.locales import LocaleChoice

    view = viewset()
    view.request, view.args, view.kwargs, view.format_kwarg, view.action = request, (), {}, None, "list"
    view.choice = LocaleChoice(locale=locale, source=source, fallback=False)
    return view


def _chunks(queryset: Any) -> Iterator[list]:
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def current_items() -> dict[tuple[str, int], tuple[str, str, str]]:
    """Every listed item now: (type, id) → (locale code, model label, list-shape JSON text)."""
    from api.views import PageViewSet

    request = snapshot_request()
    locales = list(Locale.objects.all())
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    source = next((locale for locale in locales if locale.language_code == code), None) or Locale.get_default()
    renderer = JSONRenderer()
    items: dict[tuple[str, int], tuple[str, str, str]] = {}
    for viewset in list_viewsets():
        serializer = viewset.serializer_class
        label = serializer.model._meta.label_lower
        for locale in locales:
            view = _make_view(viewset, request, locale, source)
            if issubclass(viewset, PageViewSet):
                queryset = serializer.optimize(view.base_queryset(), "listing")
                for chunk in _chunks(queryset):
                    for data in view.serialize(chunk, "listing", None):
                        items[(data["type"], data["id"])] = (
                            locale.language_code,
                            label,
                            renderer.render(data).decode(),
                        )
            else:
                for chunk in _chunks(view.base_queryset()):
                    for data in view.serialize(chunk, None, many=True):
                        items[(data["type"], data["id"])] = (
                            locale.language_code,
                            label,
                            renderer.render(data).decode(),
                        )
    return items


def _reasons(rows: list[SyncItem], now: datetime.datetime) -> dict[int, str]:
    """Why each row left the lists: deleted, unpublished, expired, scheduled, private or removed."""
    from django.apps import apps

    by_model: dict[str, list[SyncItem]] = {}
    for row in rows:
        by_model.setdefault(row.model, []).append(row)
    reasons: dict[int, str] = {}
    for label, group in by_model.items():
        model = apps.get_model(label)
        ids = [row.object_id for row in group]
        fields = {field.name for field in model._meta.concrete_fields}
        wanted = [name for name in ("live", "expired", "expire_at", "go_live_at") if name in fields]
        existing = {values["pk"]: values for values in model.objects.filter(pk__in=ids).values("pk", *wanted)}
        public = set()
        if issubclass(model, Page):
            public = set(published(Page.objects.filter(pk__in=list(existing))).values_list("pk", flat=True))
        for row in group:
            values = existing.get(row.object_id)
            if values is None:
                reason = "deleted"
            elif values.get("live") is False and not (values.get("go_live_at") and values["go_live_at"] > now):
                reason = "unpublished"
            elif values.get("expired") or (values.get("expire_at") and values["expire_at"] <= now):
                reason = "expired"
            elif values.get("go_live_at") and values["go_live_at"] > now:
                reason = "scheduled"
            elif issubclass(model, Page) and row.object_id not in public:
                reason = "private"
            else:
                reason = "removed"  # moved out of the site, or otherwise no longer listed
            reasons[row.object_id] = reason
    return reasons


def _value(name: str) -> int:
    return SyncState.objects.get_or_create(name=name)[0].value


def _set(name: str, value: int) -> None:
    SyncState.objects.update_or_create(name=name, defaults={"value": value})


def _micros(moment: datetime.datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def is_stale(now: datetime.datetime | None = None) -> bool:
    """Content committed, a go-live or expiry passed, or a new day since the last refresh."""
    now = now or timezone.now()
    states = dict(
        SyncState.objects.filter(name__in=["changes", "refreshed_changes", "refreshed_at"]).values_list(
            "name", "value"
        )
    )
    if "refreshed_at" not in states or states.get("changes", 0) != states.get("refreshed_changes", 0):
        return True
    last = datetime.datetime.fromtimestamp(states["refreshed_at"] / 1_000_000, tz=datetime.UTC)
    if timezone.localdate(last) != timezone.localdate(now):
        return True
    window = Q(go_live_at__gt=last, go_live_at__lte=now) | Q(expire_at__gt=last, expire_at__lte=now)
    return Page.objects.filter(window).exists()


@dataclass
class RefreshResult:
    changed: int
    last_seq: int


def refresh(force: bool = False) -> RefreshResult | None:
    """Bring the table up to date (if stale, or ``force``); one refresh at a time."""
    if not force and not is_stale():
        return None
    with transaction.atomic():
        _value("last_seq")  # the row must exist to be locked
        last_seq = SyncState.objects.select_for_update().get(name="last_seq").value
        now = timezone.now()
        if not force and not is_stale(now):
            return None  # another request refreshed while this one waited for the lock
        changes = _value("changes")  # read before serializing: a commit from now on makes it stale again
        current = current_items()
        rows = {(row.type, row.object_id): row for row in SyncItem.objects.defer("data")}
        created, updated, leaving = [], [], []
        for key, (locale, label, text) in current.items():
            digest = hashlib.sha256(text.encode()).hexdigest()
            row = rows.get(key)
            if row is None:
                last_seq += 1
                created.append(
                    SyncItem(
                        type=key[0],
                        object_id=key[1],
                        locale=locale,
                        model=label,
                        seq=last_seq,
                        digest=digest,
                        data=text,
                        changed_at=now,
                    )
                )
            elif not row.visible or row.digest != digest:
                last_seq += 1
                row.locale, row.model, row.seq, row.visible, row.reason = locale, label, last_seq, True, ""
                row.digest, row.data, row.changed_at = digest, text, now
                updated.append(row)
        leaving = [row for key, row in rows.items() if row.visible and key not in current]
        reasons = _reasons(leaving, now)
        for row in leaving:
            last_seq += 1
            row.seq, row.visible, row.reason, row.changed_at = last_seq, False, reasons[row.object_id], now
            row.data, row.digest = "", ""
            updated.append(row)
        # Unique seq: move updated rows out of the way first (their new seqs are above every old one).
        SyncItem.objects.bulk_create(created, batch_size=500)
        SyncItem.objects.bulk_update(
            updated, ["locale", "model", "seq", "visible", "reason", "digest", "data", "changed_at"], batch_size=500
        )
        _set("last_seq", last_seq)
        _set("refreshed_changes", changes)
        _set("refreshed_at", _micros(now))
        return RefreshResult(changed=len(created) + len(updated), last_seq=last_seq)


def rebuild() -> RefreshResult:
    """Empty the table and start a new epoch: every earlier cursor is refused (410)."""
    with transaction.atomic():
        _value("last_seq")
        SyncState.objects.select_for_update().get(name="last_seq")
        SyncItem.objects.all().delete()
        _set("epoch", _value("epoch") + 1)
        _set("last_seq", 0)
    return refresh(force=True)


def epoch() -> int:
    return _value("epoch")


def last_seq() -> int:
    return _value("last_seq")


def with_host(text: str, base: str) -> str:
    return text.replace(SNAPSHOT_BASE, base)


def tombstone(row: SyncItem) -> dict[str, Any]:
    return {"type": row.type, "id": row.object_id, "locale": row.locale, "reason": row.reason}
