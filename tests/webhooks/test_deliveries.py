"""Webhooks end to end: publish in Wagtail, the worker POSTs to a real local receiver."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest
from standardwebhooks.webhooks import Webhook

from pages.models import NewsPage
from tests import factories as f
from webhooks.models import Delivery, Event, Subscription

from .conftest import advance_retries, run_worker

# Real commits: the worker, like db_worker in production, reads what the publish committed.
pytestmark = pytest.mark.django_db(transaction=True)

ALL_EVENTS = [e.value for e in Event]


def subscribe(url: str, events: list[str] | None = None, **kwargs) -> Subscription:
    return Subscription.objects.create(name="Partner", url=url, events=events or ALL_EVENTS, **kwargs)


def test_publish_is_delivered_signed_and_retried_after_two_500s(site, receiver):
    subscription = subscribe(receiver.url())
    receiver.codes = [500, 500]
    event = f.EventPageFactory(parent=site["event_index"], title="Dan klastera", slug="dan-klastera")

    run_worker()
    assert len(receiver.requests) == 1
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("pending", 1, 500)
    # Back-off: the first retry is due 30 s after the first try, the second 2 min after that.
    assert delivery.next_attempt_at - delivery.last_attempt_at == datetime.timedelta(seconds=30)
    run_worker()  # not due yet: nothing is sent
    assert len(receiver.requests) == 1

    advance_retries()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.response_code) == (2, 500)
    assert delivery.next_attempt_at - delivery.last_attempt_at == datetime.timedelta(minutes=2)

    advance_retries()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 3, 200)
    assert len(receiver.requests) == 3

    verifier = Webhook(subscription.secret)
    for request in receiver.requests:
        assert verifier.verify(request["body"], request["headers"])["data"]["id"] == event.pk
    # One message: the same id on every try, so a receiver can drop duplicates.
    assert len({r["headers"]["webhook-id"] for r in receiver.requests}) == 1
    body = receiver.payloads()[0]
    assert body["type"] == "published"
    assert body["data"]["type"] == "events"
    assert body["data"]["locale"] == "sr-latn"
    assert datetime.datetime.fromisoformat(body["timestamp"]) <= timezone.now()
    assert "Dan klastera" not in receiver.requests[0]["body"].decode()  # ids only, no content
    # The api_url answers with the published item.
    path = body["data"]["api_url"].removeprefix("http://testserver")
    assert Client().get(path).json()["id"] == event.pk


def test_a_tampered_body_or_another_secret_fails_verification(site, receiver):
    subscription = subscribe(receiver.url())
    f.NewsPageFactory(parent=site["news_index"])
    run_worker()
    request = receiver.requests[0]
    with pytest.raises(Exception, match="signature"):
        Webhook(subscription.secret).verify(request["body"].replace(b"published", b"deleted"), request["headers"])
    with pytest.raises(Exception, match="signature"):
        Webhook("whsec_" + "A" * 32).verify(request["body"], request["headers"])


def test_a_draft_save_sends_nothing(site, receiver):
    subscribe(receiver.url())
    news = f.NewsPageFactory(parent=site["news_index"], draft=True)
    news.title = "Changed in a draft"
    news.save_revision()
    run_worker()
    assert receiver.requests == []
    assert not Delivery.objects.exists()

    news.get_latest_revision().publish()
    run_worker()
    assert [p["type"] for p in receiver.payloads()] == ["published"]


def test_410_gone_disables_the_subscription(site, receiver):
    subscription = subscribe(receiver.url())
    receiver.codes = [410]
    f.NewsPageFactory(parent=site["news_index"])
    run_worker()
    subscription.refresh_from_db()
    assert subscription.active is False
    assert Delivery.objects.get().status == "failed"

    f.NewsPageFactory(parent=site["news_index"])
    run_worker()
    advance_retries()
    run_worker()
    assert len(receiver.requests) == 1


def test_timeouts_and_refused_connections_are_retried(site, receiver, settings):
    subscribe("http://127.0.0.1:9/closed")  # the discard port: nothing listens there
    f.NewsPageFactory(parent=site["news_index"])
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert delivery.response_code is None
    assert "ConnectionError" in delivery.last_error


def test_subscriptions_filter_by_event_content_type_and_locale(site, receiver):
    en = Locale.objects.get(language_code="en")
    subscribe(receiver.url("/all"))
    subscribe(receiver.url("/unpublished"), events=[Event.UNPUBLISHED])
    subscribe(receiver.url("/news")).content_types.set([ContentType.objects.get_for_model(NewsPage)])
    english = subscribe(receiver.url("/english"))
    english.locales.set([en])

    event = f.EventPageFactory(parent=site["event_index"])
    news = f.NewsPageFactory(parent=site["news_index"])
    event_en = event.copy_for_translation(en, copy_parents=True)
    event_en.save_revision().publish()
    event.unpublish()
    run_worker()

    def seen(path: str) -> list[tuple[str, int, str]]:
        return [(p["type"], p["data"]["id"], p["data"]["locale"]) for p in receiver.payloads(path)]

    assert sorted(seen("/all")) == sorted(
        [
            ("published", event.pk, "sr-latn"),
            ("published", news.pk, "sr-latn"),
            ("translation_published", event_en.pk, "en"),
            ("unpublished", event.pk, "sr-latn"),
        ]
    )
    assert seen("/unpublished") == [("unpublished", event.pk, "sr-latn")]
    assert seen("/news") == [("published", news.pk, "sr-latn")]
    assert seen("/english") == [("translation_published", event_en.pk, "en")]


def test_private_pages_are_never_announced_and_deletions_are(site, receiver):
    subscribe(receiver.url())
    private = f.NewsPageFactory(parent=site["news_index"], draft=True)
    f.restrict(private, PageViewRestriction.LOGIN)
    private.get_latest_revision().publish()
    public = f.NewsPageFactory(parent=site["news_index"])
    private.delete()
    public.delete()
    run_worker()
    assert [(p["type"], p["data"]["id"]) for p in receiver.payloads()] == [
        ("published", public.pk),
        ("deleted", public.pk),
    ]


def test_snippets_are_announced(site, receiver):
    subscribe(receiver.url())
    sector = f.SectorFactory(name="Tekstil", slug="textile")
    run_worker()
    assert [(p["type"], p["data"]["type"], p["data"]["id"]) for p in receiver.payloads()] == [
        ("published", "sectors", sector.pk)
    ]
