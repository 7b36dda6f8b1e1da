"""The admin side: who may manage subscriptions, and "send again" in the delivery log."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from tests import factories as f
from webhooks.models import Delivery, Subscription
from workflow.roles import ADMINISTRATORS, EDITORS, setup_roles

from .conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def login(role: str) -> Client:
    user = get_user_model().objects.create_user(username=role.lower(), password="password")
    user.groups.set([Group.objects.get(name=role)])
    client = Client()
    client.force_login(user)
    return client


def form(url: str) -> dict:
    return {"name": "Partner", "url": url, "events": ["published", "deleted"], "active": "on"}


@pytest.fixture
def roles(site):
    return setup_roles()


def test_an_administrator_creates_a_subscription_and_sees_its_secret(roles):
    admin = login(ADMINISTRATORS)
    response = admin.post(reverse("webhook_subscriptions:add"), form("https://partner.example/hooks"))
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.events == ["published", "deleted"]
    assert subscription.secret.startswith("whsec_")
    edit = admin.get(reverse("webhook_subscriptions:edit", args=[subscription.pk]))
    assert subscription.secret in edit.content.decode()


def test_only_http_and_https_addresses_are_accepted(roles):
    admin = login(ADMINISTRATORS)
    response = admin.post(reverse("webhook_subscriptions:add"), form("ftp://partner.example/hooks"))
    assert response.status_code == 200
    # The URL field shows its error (the admin speaks Serbian by default).
    assert re.search(r'class="error-message">\s*Unesite ispravan URL\.', response.content.decode())
    assert not Subscription.objects.exists()


REFUSED = "Sorry, you do not have permission to access this area."


def assert_refused(client: Client, response) -> None:
    """Wagtail's admin refuses with a redirect to the dashboard, which says so."""
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert REFUSED in client.get(response["Location"]).content.decode()


def test_an_editor_can_neither_see_nor_create_subscriptions(roles):
    editor = login(EDITORS)
    assert_refused(editor, editor.get(reverse("webhook_subscriptions:index")))
    assert_refused(editor, editor.post(reverse("webhook_subscriptions:add"), form("https://partner.example/hooks")))
    assert_refused(editor, editor.get(reverse("webhooks_deliveries")))
    assert not Subscription.objects.exists()


def test_send_again_resets_and_resends_a_failed_delivery(roles, site, receiver):
    Subscription.objects.create(name="Partner", url=receiver.url(), events=["published"])
    receiver.codes = [410]
    f.NewsPageFactory(parent=site["news_index"])
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == "failed"
    Subscription.objects.update(active=True)  # the partner fixed its endpoint

    admin = login(ADMINISTRATORS)
    log = admin.get(reverse("webhooks_deliveries"))
    assert delivery.item in log.content.decode()
    send_again = reverse("webhooks_send_again", args=[delivery.pk])
    assert admin.get(send_again).status_code == 405  # POST only
    editor = login(EDITORS)
    assert_refused(editor, editor.post(send_again))
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert admin.post(send_again).status_code == 302
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 1, 200)
    assert len(receiver.requests) == 2
    assert receiver.requests[0]["headers"]["webhook-id"] == receiver.requests[1]["headers"]["webhook-id"]
