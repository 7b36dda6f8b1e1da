"""Search finds Serbian Latin text with or without diacritics, localized."""

import pytest

from tests import factories as f

from .conftest import translate


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("kuca klastera", "Kuća klastera otvorena"),
        ("Kuća klastera", "Kuća klastera otvorena"),
        ("KUCA", "Kuća klastera otvorena"),
        ("dzemper", "Klaster džemper"),
        ("džemper", "Klaster džemper"),
    ],
)
def test_search_with_and_without_diacritics(client, content, query, title):
    assert title in titles(client, f"/api/v1/search/?q={query}")


def test_cacak_finds_cacak(client, content):
    f.EventPageFactory(parent=content["event_index"], title="Sajam u Čačku", city="Čačak")
    assert titles(client, "/api/v1/search/?q=cacak&type=events") == ["Sajam u Čačku"]
    assert titles(client, "/api/v1/events/?q=cacak") == ["Sajam u Čačku"]
    assert titles(client, "/api/v1/events/?q=čačak") == ["Sajam u Čačku"]


def test_dj_and_d_both_find_dj(client, content):
    f.NewsPageFactory(parent=content["news_index"], title="Đorđe Đurić u Nišu")
    assert titles(client, "/api/v1/news/?q=djordje") == ["Đorđe Đurić u Nišu"]
    assert titles(client, "/api/v1/news/?q=dorde duric") == ["Đorđe Đurić u Nišu"]


def test_search_is_localized(client, content):
    translate(content["news_index"], content["en"])
    translate(content["news"], content["en"], title="House of Clusters opened")
    assert titles(client, "/api/v1/search/?q=house&locale=en") == ["House of Clusters opened"]
    assert titles(client, "/api/v1/search/?q=house") == []
    assert titles(client, "/api/v1/search/?q=kuca&locale=en") == []


def test_search_finds_body_text(client, content):
    news = content["news"]
    news.body = [("paragraph", "<p>Predstavljen novi benchmarking izveštaj</p>")]
    news.save_revision().publish()
    assert titles(client, "/api/v1/search/?q=benchmarking") == ["Kuća klastera otvorena"]


def test_search_items_use_their_types_listing_fields(client, content):
    body = client.get("/api/v1/search/?q=klaster").json()
    assert {item["type"] for item in body["results"]} == {"news", "clusters", "events", "projects"}
    fields = {item["type"]: list(item) for item in body["results"]}
    page = [
        "id", "type", "locale", "fallback", "title", "slug", "url", "api_url", "translations",
        "first_published_at", "last_published_at",
    ]  # fmt: skip
    # The same fields, in the same order, as the items of /api/v1/clusters/ and /api/v1/news/.
    assert fields["clusters"] == page + ["intro", "sectors", "country", "city", "region", "logo", "current_label"]
    assert fields["news"] == page + ["date", "lead", "hero_image", "tags", "sectors"]
