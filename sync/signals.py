"""Mark the sync table stale after any content commit; the next sync request refreshes it.

The same models as the API's response cache (api.cache.watched), so whatever
can change a list changes the feed. The bump runs on commit and is a
single UPDATE: publishing does not wait for a refresh.
"""

from typing import Any

from django.apps import apps
from django.db import OperationalError, ProgrammingError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished


def _bump() -> None:
    from .models import SyncState

    try:
        if not SyncState.objects.filter(name="changes").update(value=F("value") + 1):
            SyncState.objects.get_or_create(name="changes", defaults={"value": 1})
    except (OperationalError, ProgrammingError):
        pass  # during `migrate`, before the sync tables exist: nothing to mark


def content_changed(**kwargs: Any) -> None:
    # One small UPDATE per change, after commit (robust: a failure must not stop
    # wagtail-localize's own on-commit publishing).
    transaction.on_commit(_bump, robust=True)


def connect() -> None:
    from api.cache import watched

    page_published.connect(content_changed, dispatch_uid="sync_published")
    page_unpublished.connect(content_changed, dispatch_uid="sync_unpublished")
    for model in apps.get_models():
        if watched(model):
            uid = f"sync_{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}_save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}_delete")
    m2m_changed.connect(content_changed, dispatch_uid="sync_m2m")
