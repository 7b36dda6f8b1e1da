"""/healthz/ as a load balancer sees it: 200 while the database answers ("degraded" without
the cache, which the site can do without), 503 without the database; never cached, never
redirected to a language, no cookie."""

import os
import socket
import subprocess
import sys
from pathlib import Path

from django.core.cache import cache
from django.db import DatabaseError, connections

import pytest

from cms.settings.base import redis_cache

ROOT = Path(__file__).resolve().parent.parent
HEALTHY = {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_healthy_server_answers_200_with_every_check_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == HEALTHY


def test_the_answer_is_never_stored_by_a_cache_and_sets_no_cookie(client):
    response = client.get("/healthz/")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_a_database_that_does_not_answer_is_a_503_naming_the_database(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_a_cache_that_loses_what_it_was_given_is_degraded_but_still_in_service(client, monkeypatch):
    # What django-redis with IGNORE_EXCEPTIONS does while Redis is down: no error, just a miss.
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "unavailable"}}


def test_an_unreachable_redis_is_degraded_naming_the_cache(client, settings):
    """The production cache settings against a port nobody listens on (Redis down)."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "unavailable"}}


@pytest.mark.parametrize("language", ["en", "sr-latn", "sr-cyrl"])
def test_it_answers_without_a_language_prefix_and_never_redirects(client, language):
    client.cookies["django_language"] = language
    response = client.get("/healthz/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert "Location" not in response
    assert response.json() == HEALTHY


def test_head_answers_200_without_a_body(client):
    response = client.head("/healthz/")
    assert response.status_code == 200
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]


def test_other_methods_are_refused(client):
    assert client.post("/healthz/").status_code == 405


def test_a_check_costs_one_database_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert client.get("/healthz/").status_code == 200


def test_production_serves_it_over_plain_http_while_redirecting_the_rest(tmp_path):
    """A load balancer checks each app server directly over HTTP: the HTTPS redirect
    (SECURE_SSL_REDIRECT, on in production) must not turn the check into a 301."""
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.get('/healthz/').status_code, c.get('/api/v1/news/').status_code)"
    )
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "healthz-production-test-secret-key-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]
