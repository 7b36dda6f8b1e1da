"""Every v1 detail endpoint answers an unknown query parameter with a 400 naming it.

A partner who misspells a parameter (``?colour=red``, ``?feilds=title``) must be
told, not silently served the full item: a silent 200 hides the typo until the
page built on it looks wrong. The list endpoints are covered in test_errors.py;
these are the detail endpoints, each requested for an item that exists (so the
only reason for a 400 is the parameter).
"""

from typing import Any

import pytest

from tests import factories as f


def _page(kind: str, by: str):
    def url(items: dict[str, Any]) -> str:
        page = items[kind]
        prefix = {"news": "news", "event": "events", "gallery": "galleries", "cluster": "clusters"}.get(
            kind, "projects"
        )
        return f"/api/v1/{prefix}/{page.pk}/" if by == "id" else f"/api/v1/{prefix}/by-slug/{page.slug}/"

    return url


def _snippet(kind: str, prefix: str, by: str):
    def url(items: dict[str, Any]) -> str:
        obj = items[kind]
        return f"/api/v1/{prefix}/{obj.pk}/" if by == "id" else f"/api/v1/{prefix}/by-slug/{obj.slug}/"

    return url


def _media(kind: str, prefix: str):
    def url(items: dict[str, Any]) -> str:
        return f"/api/v1/{prefix}/{items[kind].pk}/"

    return url


ENDPOINTS = {
    **{
        f"{kind}-{by}": _page(kind, by)
        for kind in ("news", "event", "gallery", "cluster", "project")
        for by in ("id", "slug")
    },
    **{
        f"{prefix}-{by}": _snippet(kind, prefix, by)
        for kind, prefix in (
            ("textile", "sectors"),
            ("serbia", "countries"),
            ("network", "organisations"),
            ("person", "people"),
        )
        for by in ("id", "slug")
    },
    "images-id": _media("image", "images"),
    "documents-id": _media("document", "documents"),
}


@pytest.fixture
def items(content) -> dict[str, Any]:
    return {
        **content,
        "person": f.PersonFactory(name="Ana Anić", slug="ana-anic"),
        "image": f.ImageFactory(title="Sajam"),
        "document": f.DocumentFactory(title="Agenda"),
    }


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_an_unknown_parameter_on_a_detail_endpoint_is_a_400_naming_it(client, items, endpoint):
    url = ENDPOINTS[endpoint](items)
    # The item is there: without the stray parameter it is served.
    assert client.get(url).status_code == 200, url

    response = client.get(f"{url}?colour=red")

    assert response.status_code == 400, (url, response.content)
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert body["code"] == "invalid_parameter"
    assert body["errors"] == [{"parameter": "colour", "message": "unknown parameter"}]
