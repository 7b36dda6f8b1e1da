"""count/next/previous/results, limit/offset, ordering and sparse fields."""

import datetime

from tests import factories as f


def test_pages_link_to_each_other(client, content):
    for day in range(1, 5):
        f.NewsPageFactory(parent=content["news_index"], date=datetime.date(2020, 1, day), title=f"Dan {day}")
    body = client.get("/api/v1/news/?limit=2&offset=2&year=2020").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 4
    assert [item["title"] for item in body["results"]] == ["Dan 2", "Dan 1"]
    assert body["next"] is None
    assert body["previous"] == "http://testserver/api/v1/news/?limit=2&year=2020"
    first = client.get("/api/v1/news/?limit=2&year=2020").json()
    assert first["next"] == "http://testserver/api/v1/news/?limit=2&offset=2&year=2020"
    assert client.get("/api/v1/news/?limit=100&offset=50").json()["results"] == []


def test_ordering_whitelist(client, content):
    f.NewsPageFactory(parent=content["news_index"], title="Aaa", date=datetime.date(2000, 1, 1))
    titles = [item["title"] for item in client.get("/api/v1/news/?ordering=title").json()["results"]]
    assert titles == ["Aaa", "Kuća klastera otvorena"]
    titles = [item["title"] for item in client.get("/api/v1/news/?ordering=date").json()["results"]]
    assert titles == ["Aaa", "Kuća klastera otvorena"]
    titles = [item["title"] for item in client.get("/api/v1/news/?ordering=-title").json()["results"]]
    assert titles == ["Kuća klastera otvorena", "Aaa"]


def test_sparse_fields(client, content):
    item = client.get("/api/v1/events/?fields=id,title,local_start").json()["results"][0]
    # id and type come with every sparse request: the schema declares them required.
    assert set(item) == {"id", "type", "title", "local_start"}
    detail = client.get(f"/api/v1/events/{content['event'].pk}/?fields=body,title").json()
    assert set(detail) == {"id", "type", "body", "title"}


# Written out: a field that disappears or moves is a change for every API client.
PAGE_FIELDS = [
    "id", "type", "locale", "fallback", "title", "slug", "url", "api_url", "translations",
    "first_published_at", "last_published_at",
]  # fmt: skip
EVENT_LISTING_FIELDS = PAGE_FIELDS + [
    "start", "end", "time_zone", "local_start", "local_end", "status", "venue", "city", "country", "intro",
    "hero_image", "sectors",
]  # fmt: skip
EVENT_DETAIL_FIELDS = EVENT_LISTING_FIELDS + [
    "street_address", "latitude", "longitude", "organisers", "contact_person", "registration_url", "project",
    "body", "documents", "gallery",
]  # fmt: skip


def test_listing_and_detail_field_sets(client, content):
    item = client.get("/api/v1/events/").json()["results"][0]
    assert list(item) == EVENT_LISTING_FIELDS
    detail = client.get(f"/api/v1/events/{content['event'].pk}/").json()
    assert list(detail) == EVENT_DETAIL_FIELDS
