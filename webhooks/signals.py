"""Wagtail and model signals → webhook events, queued after the transaction commits.

The request only checks that an active subscription exists and, if so, queues one
fan-out task on the "webhooks" backend; matching subscriptions, creating deliveries
and sending them happen in the worker, so publishing costs the same with 0 or 20
subscribers. A draft save (a revision without publish) sends no signal we listen to.
"""

import logging
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone

from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, published, unpublished

from .events import api_types, is_public_page, publish_event, was_ever_public
from .models import Event, Subscription

logger = logging.getLogger("webhooks")


def queue(event: str, instance: Model, *, checked: bool = False) -> None:
    """After commit, hand the event to the worker (if anybody listens). ``checked``: the
    caller has decided the page may be announced (unpublished, deleted pages)."""
    type_name = api_types().get(type(instance))
    if type_name is None:
        return
    args = {
        "event": event,
        "model": instance._meta.label_lower,
        "pk": instance.pk,
        "locale": instance.locale.language_code,
        "timestamp": timezone.now().isoformat(),
    }

    def enqueue() -> None:
        if not Subscription.objects.filter(active=True).exists():
            return
        if not checked and isinstance(instance, Page) and not is_public_page(instance.pk):
            # Decided as committed: a publish of a private page (or one outside the site) is not announced.
            return
        if event == Event.UNPUBLISHED and not type(instance)._base_manager.filter(pk=instance.pk).exists():
            # Wagtail unpublishes a page it deletes: the receiver gets "deleted" alone.
            return
        from .tasks import fan_out

        fan_out.using(backend="webhooks").enqueue(**args)

    # robust: a failing webhook enqueue must not stop the other after-commit work.
    transaction.on_commit(enqueue, robust=True)


def on_page_published(sender: type, instance: Page, **kwargs: Any) -> None:
    queue(publish_event(instance.locale.language_code), instance)


def on_page_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    if was_ever_public(instance):
        queue(Event.UNPUBLISHED, instance, checked=True)


def on_page_deleted(sender: type, instance: Page, **kwargs: Any) -> None:
    # pre_delete: every row (and view restriction) of the cascade still exists.
    if was_ever_public(instance):
        queue(Event.DELETED, instance, checked=True)


def on_snippet_published(sender: type, instance: Model, **kwargs: Any) -> None:
    queue(publish_event(instance.locale.language_code), instance)


def on_snippet_unpublished(sender: type, instance: Model, **kwargs: Any) -> None:
    queue(Event.UNPUBLISHED, instance)


def on_plain_snippet_saved(sender: type, instance: Model, raw: bool = False, **kwargs: Any) -> None:
    # Sectors and countries have no drafts: every save is live at once.
    if not raw:
        queue(publish_event(instance.locale.language_code), instance)


def on_snippet_deleted(sender: type, instance: Model, **kwargs: Any) -> None:
    if getattr(instance, "live", True) or getattr(instance, "first_published_at", None):
        queue(Event.DELETED, instance, checked=True)


def connect() -> None:
    for model in api_types():
        uid = f"webhooks_{model._meta.label_lower}"
        if issubclass(model, Page):
            page_published.connect(on_page_published, sender=model, dispatch_uid=f"{uid}_published")
            page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid=f"{uid}_unpublished")
            pre_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
            continue
        if issubclass(model, DraftStateMixin):
            published.connect(on_snippet_published, sender=model, dispatch_uid=f"{uid}_published")
            unpublished.connect(on_snippet_unpublished, sender=model, dispatch_uid=f"{uid}_unpublished")
        else:
            post_save.connect(on_plain_snippet_saved, sender=model, dispatch_uid=f"{uid}_saved")
        pre_delete.connect(on_snippet_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
