"""Signing and sending one delivery, and the retry schedule."""

import datetime
import json
import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import requests
from standardwebhooks.webhooks import Webhook

from .models import Delivery

logger = logging.getLogger("webhooks")

# Waits after the 1st, 2nd, … failed try; 9 tries over 34 hours, then the delivery has failed.
RETRY_DELAYS = tuple(
    datetime.timedelta(seconds=s) for s in (30, 120, 600, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 12 * 3600)
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


def body(delivery: Delivery) -> str:
    return json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False)


def signed_headers(secret: str, msg_id: str, data: str, when: datetime.datetime) -> dict[str, str]:
    """Standard Webhooks headers: the signature is HMAC-SHA256 of "{id}.{timestamp}.{body}"."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, when, data),
        "content-type": "application/json",
        "user-agent": "KucaKlastera-Webhooks/1",
    }


def enqueue(delivery: Delivery, run_after: datetime.datetime | None = None) -> None:
    """Queue a try of ``delivery`` on the "webhooks" backend (after the current transaction)."""
    from .tasks import deliver

    with transaction.atomic():
        delivery.token = uuid.uuid4()
        delivery.next_attempt_at = run_after or timezone.now()
        delivery.save(update_fields=["token", "next_attempt_at"])
        task = deliver.using(backend="webhooks", run_after=run_after)
        task.enqueue(str(delivery.pk), str(delivery.token))


def attempt(delivery: Delivery) -> None:
    """One POST; record the outcome and schedule the next try or stop."""
    subscription = delivery.subscription
    if not subscription.active:
        delivery.status = Delivery.Status.CANCELLED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "next_attempt_at"])
        return
    now = timezone.now()
    data = body(delivery)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_code = None
    delivery.last_error = ""
    try:
        response = requests.post(
            subscription.url,
            data=data.encode(),
            headers=signed_headers(subscription.secret, delivery.webhook_id, data, now),
            timeout=settings.WEBHOOKS_TIMEOUT,
            allow_redirects=False,  # a redirect is not a delivery (and could send the body elsewhere)
        )
    except requests.RequestException as error:
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
    else:
        delivery.response_code = response.status_code
        if 200 <= response.status_code < 300:
            delivery.status = Delivery.Status.DELIVERED
            delivery.next_attempt_at = None
            delivery.save()
            return
        delivery.last_error = f"HTTP {response.status_code}"
        if response.status_code == 410:
            # The receiver says the endpoint is gone for good: stop sending it anything.
            subscription.active = False
            subscription.save(update_fields=["active"])
            logger.warning(
                "Webhook subscription %s (%s) answered 410 Gone: disabled.", subscription.pk, subscription.url
            )
            delivery.status = Delivery.Status.FAILED
            delivery.next_attempt_at = None
            delivery.save()
            return
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.save()
        logger.warning(
            "Webhook delivery %s failed after %s tries: %s", delivery.pk, delivery.attempts, delivery.last_error
        )
        return
    delivery.save()
    enqueue(delivery, now + RETRY_DELAYS[delivery.attempts - 1])
