"""Finding 8: losing Redis must not take the site down.

The cache is an optimisation. With the production cache settings
(``cms.settings.base.redis_cache``) pointed at a port where nothing listens, the
public pages, the content API (v1 and v2) and the throttles answer from the
database, a warning is logged, and once Redis is back the cache is used again.
"""

import logging
import shutil
import socket
import subprocess
import time

from django.core.cache import cache

import pytest

from api import cache as response_cache
from cms.settings.base import redis_cache
from tests.factories import EventPageFactory, ImageFactory


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def event(site):
    return EventPageFactory(
        parent=site["event_index"], title="Dani klastera", slug="dani-klastera", hero_image=ImageFactory()
    )


@pytest.fixture
def redis_down(settings):
    # A port nothing listens on; a new one per test, as the connection pools
    # (and their "unreachable" state) are kept per process and address.
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    # Throttles on at their production defaults: they count in the same cache.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon_burst": "120/second", "anon_sustained": "1200/minute"},
    }
    return settings


def test_site_and_api_answer_while_redis_is_unreachable(redis_down, event, client, caplog):
    pages = {url: client.get(url) for url in ("/sr-latn/", "/sr-latn/dogadjaji/", event.url)}
    api = {
        url: client.get(url)
        for url in (
            "/api/v1/events/",
            f"/api/v1/events/{event.pk}/",
            "/api/v1/search/?q=klastera",
            f"/api/v2/pages/{event.pk}/",
        )
    }

    for url, response in {**pages, **api}.items():
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    assert "Dani klastera" in pages["/sr-latn/dogadjaji/"].content.decode()
    assert "Dani klastera" in pages[event.url].content.decode()
    assert [item["title"] for item in api["/api/v1/events/"].json()["results"]] == ["Dani klastera"]
    assert api[f"/api/v1/events/{event.pk}/"].json()["title"] == "Dani klastera"
    warnings = [
        record.getMessage()
        for record in caplog.get_records("setup") + caplog.records
        if record.levelno >= logging.WARNING and record.name == "api.cache"
    ]
    assert any("Redis is unreachable" in message for message in warnings), warnings


def test_publishing_while_redis_is_unreachable_works_and_shows(redis_down, event, client):
    page = event.specific
    page.title = "Dani klastera 2026"
    page.save_revision().publish()
    assert client.get(f"/api/v1/events/{event.pk}/").json()["title"] == "Dani klastera 2026"
    assert "Dani klastera 2026" in client.get(event.url).content.decode()


class WritesLost:
    """The cache as django-redis presents it while Redis is unreachable: INCR answers None."""

    def __init__(self, real):
        self.real = real

    def incr(self, *args, **kwargs):
        return None

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_change_published_while_redis_was_unreachable_shows_once_it_is_back(event, client, monkeypatch):
    url = f"/api/v1/events/{event.pk}/"
    assert client.get(url).json()["title"] == "Dani klastera"  # cached before the outage
    monkeypatch.setattr(response_cache, "cache", WritesLost(response_cache.cache))
    page = event.specific
    page.title = "Dani klastera 2026"
    page.save_revision().publish()  # its invalidation cannot reach Redis
    monkeypatch.undo()  # Redis answers again, still holding the entry cached before the outage

    assert client.get(url).json()["title"] == "Dani klastera 2026"


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_cache_is_used_again_when_redis_comes_back(settings, event, client, tmp_path):
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {"default": redis_cache(url)}
    assert client.get("/api/v1/events/").status_code == 200
    assert cache.get("api:v1:generation") is None, "no Redis yet"

    server = subprocess.Popen(  # noqa: S603 (a fixed command line)
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        # Same process, same cache client: it must reconnect by itself.
        recovered = False
        for _ in range(100):
            assert client.get("/api/v1/events/").status_code == 200
            if cache.get("api:v1:generation") is not None:
                recovered = True
                break
            time.sleep(0.1)
        assert recovered, "the cache was not used again after Redis came back"
        assert client.get("/api/v1/events/").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
