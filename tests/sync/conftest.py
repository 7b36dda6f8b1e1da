"""A mirror that applies the sync feed, and the lists it must equal."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import _clear_cache, content  # noqa: F401 - shared fixtures

TYPES = ("news", "events", "galleries", "clusters", "projects", "sectors", "countries", "organisations", "people")


@pytest.fixture
def client() -> APIClient:
    return APIClient()


class Mirror:
    """What a partner site holds: items by (type, id), updated from the feed."""

    def __init__(self, client: APIClient) -> None:
        self.client = client
        self.items: dict[tuple[str, int], dict[str, Any]] = {}
        self.cursor: str | None = None
        self.pages = 0

    def sync(self, limit: int = 100) -> list[dict]:
        """Apply the feed until has_more is false; returns the tombstones seen."""
        tombstones = []
        while True:
            params = {"limit": limit} if self.cursor is None else {"cursor": self.cursor, "limit": limit}
            response = self.client.get("/api/v1/sync/", params)
            assert response.status_code == 200, response.content
            body = response.json()
            self.pages += 1
            for item in body["items"]:
                self.items[(item["type"], item["id"])] = item
            for gone in body["deleted"]:
                self.items.pop((gone["type"], gone["id"]), None)
                tombstones.append(gone)
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return tombstones


def lists(client: APIClient) -> dict[tuple[str, int], dict[str, Any]]:
    """Every item of every v1 list in every locale, following ``next``."""
    locales = [locale["code"] for locale in client.get("/api/v1/locales/").json()["results"]]
    found = {}
    for type_name in TYPES:
        for code in locales:
            url = f"/api/v1/{type_name}/?locale={code}&limit=100"
            while url:
                response = client.get(url)
                assert response.status_code == 200, response.content
                body = response.json()
                for item in body["results"]:
                    found[(item["type"], item["id"])] = item
                url = body["next"]
    return found


def differences(mirror: Mirror, client: APIClient) -> list[str]:
    expected = lists(client)
    problems = [f"missing {key}" for key in expected.keys() - mirror.items.keys()]
    problems += [f"extra {key}" for key in mirror.items.keys() - expected.keys()]
    problems += [
        f"differs {key}" for key in expected.keys() & mirror.items.keys() if expected[key] != mirror.items[key]
    ]
    return sorted(problems)


@pytest.fixture
def mirror(client: APIClient) -> Mirror:
    return Mirror(client)
