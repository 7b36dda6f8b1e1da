"""api.cache.client_ip: the one client address the throttles and the login lock-out use."""

from django.test import RequestFactory

import pytest
from rest_framework.settings import api_settings

from api.cache import client_ip


@pytest.fixture
def proxies(settings):
    def set_proxies(count: int) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}
        api_settings.reload()

    yield set_proxies
    api_settings.reload()


def request(forwarded_for: str = ""):
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return RequestFactory().get("/api/v1/news/", REMOTE_ADDR="10.0.0.5", headers=headers)


def test_without_proxies_a_forwarded_for_header_is_not_believed(proxies):
    proxies(0)
    assert client_ip(request()) == "10.0.0.5"
    assert client_ip(request("203.0.113.9")) == "10.0.0.5"


def test_behind_one_proxy_the_address_it_saw_counts(proxies):
    proxies(1)
    # The client may send its own X-Forwarded-For; only the proxy's last entry is trusted.
    assert client_ip(request("198.51.100.1, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(request()) == "10.0.0.5"
