"""Finding 10: rate limits on the admin login and the public API.

The admin login locks a username out from a client address after
AXES_FAILURE_LIMIT failed passwords (django-axes, counted in the database, so
every app server sees the same count), until AXES_COOLOFF_TIME has passed.
The public API throttles each client (DRF, counted in the shared cache) and
answers 429 with Retry-After and a problem+json body.
"""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axes.models import AccessAttempt

from tests.factories import EventPageFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def axes_on(settings):
    # Off in the test settings (Django's client.login() gives axes no request).
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 10
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    return settings


@pytest.fixture
def admins(site):
    user_model = get_user_model()
    return [user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD) for name in ("ana", "boris")]


def login(client: Client, username: str, password: str):
    return client.post("/admin/login/", {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_admin_login_locks_out_after_repeated_wrong_passwords(axes_on, admins, caplog):
    attacker = Client()
    with caplog.at_level(logging.WARNING, logger="axes"):
        statuses = [login(attacker, "ana", f"guess-{attempt}").status_code for attempt in range(30)]
    assert statuses[:9] == [200] * 9, "wrong passwords redisplay the form until the limit"
    assert set(statuses[10:]) == {429}, statuses
    assert any("Locking out" in record.getMessage() for record in caplog.records)

    # Now even the right password is refused, from this client ...
    response = login(attacker, "ana", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(attacker)
    # ... while another administrator logs in as usual.
    colleague = Client()
    assert login(colleague, "boris", PASSWORD).status_code == 302
    assert logged_in(colleague)


def test_lockout_ends_after_the_cool_off(axes_on, admins):
    client = Client()
    for attempt in range(10):
        login(client, "ana", f"guess-{attempt}")
    assert login(client, "ana", PASSWORD).status_code == 429

    # Fifteen minutes later (the attempts are dated in the database).
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert login(client, "ana", PASSWORD).status_code == 302
    assert logged_in(client)


def test_lockout_is_shared_by_every_app_server(axes_on, admins):
    """The failures are counted in the database, not in one server's memory."""
    for attempt in range(10):
        login(Client(), "ana", f"guess-{attempt}")
    assert AccessAttempt.objects.get(username="ana").failures_since_start == 10


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon_burst": "5/minute", "anon_sustained": "1000/day"},
    }
    return settings


@pytest.fixture
def event(site):
    return EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")


def assert_throttled(response) -> None:
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) >= 1
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "throttled"
    assert body["title"] == "Too Many Requests"


def test_api_throttles_a_client_sending_too_many_requests(low_rates, event):
    client = Client()
    urls = [f"/api/v1/events/?limit={n}" for n in range(1, 8)]
    statuses = [client.get(url).status_code for url in urls[:5]]
    assert statuses == [200] * 5
    assert_throttled(client.get(urls[5]))
    assert_throttled(client.get(f"/api/v2/pages/{event.pk}/"))
    # Another client is not affected.
    assert Client(REMOTE_ADDR="192.0.2.7").get(urls[6]).status_code == 200


def test_cached_responses_are_throttled_too(low_rates, event):
    """A client repeating one URL (served from the response cache) is limited like any other."""
    client = Client()
    url = f"/api/v1/events/{event.pk}/"
    assert [client.get(url).status_code for _ in range(5)] == [200] * 5
    assert_throttled(client.get(url))


def test_forged_forwarded_for_does_not_escape_the_limit(low_rates, event):
    client = Client()
    for n in range(5):
        assert (
            client.get(f"/api/v1/events/?limit={n + 1}", headers={"x-forwarded-for": f"198.51.100.{n}"}).status_code
            == 200
        )
    assert_throttled(client.get("/api/v1/events/?limit=9", headers={"x-forwarded-for": "198.51.100.99"}))


def test_api_is_throttled_by_default():
    """Production settings throttle the public API (the test settings raise the rates)."""
    from cms.settings import base

    rates = base.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates["anon_burst"] and rates["anon_sustained"]
    assert base.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]
