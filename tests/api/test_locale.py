"""locale= and fallback=: the language asked for, the source item where no translation exists."""

from .conftest import translate


def test_default_locale_is_serbian_latin(client, content):
    items = client.get("/api/v1/news/").json()["results"]
    assert [(item["locale"], item["fallback"]) for item in items] == [("sr-latn", False)]


def test_english_list_has_only_english_items_with_translations_linked(client, content):
    news_en = translate(content["news_index"], content["en"])
    article_en = translate(content["news"], content["en"], title="House of Clusters opened")
    assert news_en.pk
    items = client.get("/api/v1/news/?locale=en").json()["results"]
    assert [(item["id"], item["title"], item["locale"]) for item in items] == [
        (article_en.pk, "House of Clusters opened", "en")
    ]
    assert items[0]["url"] == "http://testserver/en/vesti/kuca-klastera/"
    assert items[0]["translations"] == {
        "sr-latn": {
            "id": content["news"].pk,
            "url": "http://testserver/sr-latn/vesti/kuca-klastera/",
            "api_url": f"http://testserver/api/v1/news/{content['news'].pk}/",
        }
    }
    assert items[0]["api_url"] == f"http://testserver/api/v1/news/{article_en.pk}/?locale=en"


def test_many_to_many_relations_are_shown_in_the_requested_locale(client, content):
    translate(content["news_index"], content["en"])
    translate(content["news"], content["en"], title="House of Clusters opened")
    item = client.get("/api/v1/news/?locale=en").json()["results"][0]
    # The relation points at the Serbian sector; the English one is shown.
    assert item["sectors"] == [
        {"id": content["textile_en"].pk, "slug": "textile", "name": "Textile", "locale": "en", "fallback": False}
    ]


def test_without_a_translation_the_english_list_is_empty_unless_fallback(client, content):
    assert client.get("/api/v1/news/?locale=en").json()["count"] == 0
    items = client.get("/api/v1/news/?locale=en&fallback=true").json()["results"]
    assert [(item["id"], item["locale"], item["fallback"]) for item in items] == [
        (content["news"].pk, "sr-latn", True)
    ]


def test_fallback_detail_returns_the_source_item_marked(client, content):
    url = f"/api/v1/events/{content['event'].pk}/?locale=en"
    assert client.get(url).status_code == 404
    item = client.get(url + "&fallback=true").json()
    assert (item["id"], item["fallback"], item["locale"]) == (content["event"].pk, True, "sr-latn")


def test_fallback_is_not_used_where_a_translation_exists(client, content):
    translate(content["news_index"], content["en"])
    article_en = translate(content["news"], content["en"], title="House of Clusters opened")
    items = client.get("/api/v1/news/?locale=en&fallback=true").json()["results"]
    assert [(item["id"], item["fallback"]) for item in items] == [(article_en.pk, False)]


def test_snippets_in_english_and_with_fallback(client, content):
    names = [item["name"] for item in client.get("/api/v1/sectors/?locale=en").json()["results"]]
    assert names == ["Textile"]
    items = client.get("/api/v1/sectors/?locale=en&fallback=true").json()["results"]
    assert [(item["name"], item["fallback"]) for item in items] == [("IKT", True), ("Textile", False)]


def test_unknown_locale_is_a_400_listing_the_valid_ones(client, content):
    response = client.get("/api/v1/news/?locale=de")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["valid"] == ["en", "sr-latn"]
    assert body["errors"] == [{"parameter": "locale", "message": "unknown locale, use one of: en, sr-latn"}]


def test_locale_codes_are_case_insensitive(client, content):
    translate(content["news_index"], content["en"])
    translate(content["news"], content["en"], title="House of Clusters opened")
    for locale, expected in (
        ("SR-Latn", [("Kuća klastera otvorena", "sr-latn")]),
        ("EN", [("House of Clusters opened", "en")]),
    ):
        response = client.get(f"/api/v1/news/?locale={locale}")
        assert response.status_code == 200
        assert [(item["title"], item["locale"]) for item in response.json()["results"]] == expected


def test_locales_endpoint(client, content):
    body = client.get("/api/v1/locales/").json()
    assert body["results"] == [
        {"code": "en", "name": "English", "is_default": False},
        {"code": "sr-latn", "name": "srpski (latinica)", "is_default": True},
    ]
