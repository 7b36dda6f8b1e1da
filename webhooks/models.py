"""Webhook subscriptions of partner sites and the log of every delivery to them."""

import base64
import secrets
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def generate_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class Event(models.TextChoices):
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    DELETED = "deleted", _("Deleted")
    TRANSLATION_PUBLISHED = "translation_published", _("Translation published")


class Subscription(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("Whose endpoint this is, e.g. the partner site."))
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"], message=_("Enter an http:// or https:// address."))],
    )
    secret = models.CharField(_("secret"), max_length=100, default=generate_secret, editable=False)
    # A list of Event values; a JSON list rather than four columns keeps the filter one lookup.
    events = models.JSONField(_("events"), default=list)
    content_types = models.ManyToManyField(
        ContentType, blank=True, verbose_name=_("content types"), help_text=_("None selected: every type.")
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale", blank=True, verbose_name=_("locales"), help_text=_("None selected: every locale.")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event for one subscription: its body, and how its tries went."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    # Also the ``webhook-id``: the same on every try, so receivers can drop duplicates.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    item = models.CharField(_("item"), max_length=255, help_text=_("API type, id and locale, e.g. events 42 (en)."))
    payload = models.JSONField()
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("tries"), default=0)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last try"), null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # Changes on every enqueue: a task carrying an older token is stale and does nothing.
    token = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.item} → {self.subscription}"

    @property
    def webhook_id(self) -> str:
        return f"msg_{self.id.hex}"
