"""Tasks of the "webhooks" backend, run by its worker (``manage.py db_worker --backend webhooks``)."""

import datetime
import logging

from django.apps import apps
from django.db import transaction

from django_tasks import task

from . import delivery as sending
from .events import api_types, payload
from .models import Delivery, Subscription

logger = logging.getLogger("webhooks")


@task(backend="webhooks")
def fan_out(event: str, model: str, pk: int, locale: str, timestamp: str) -> int:
    """One event → a delivery for every active subscription that wants it. Returns how many."""
    model_class = apps.get_model(model)
    type_name = api_types()[model_class]
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model_class)
    body = payload(event, type_name, pk, locale, datetime.datetime.fromisoformat(timestamp))
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(active=True).prefetch_related("content_types", "locales")
        if event in subscription.events
        and (not subscription.content_types.all() or content_type in subscription.content_types.all())
        and (not subscription.locales.all() or locale in {loc.language_code for loc in subscription.locales.all()})
    ]
    item = f"{type_name} {pk} ({locale})"
    with transaction.atomic():
        deliveries = Delivery.objects.bulk_create(
            [Delivery(subscription=s, event=event, item=item, payload=body) for s in subscriptions]
        )
        for delivery in deliveries:
            sending.enqueue(delivery)
    return len(deliveries)


@task(backend="webhooks")
def deliver(delivery_id: str, token: str) -> str:
    """One try of one delivery; a task whose token is stale (the delivery was sent again since) does nothing."""
    delivery = Delivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or str(delivery.token) != token or delivery.status != Delivery.Status.PENDING:
        return "stale"
    sending.attempt(delivery)
    return delivery.status
