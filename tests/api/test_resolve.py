"""pages/resolve: a site path gives the typed item a front end needs, or 404."""

from .conftest import translate


def test_resolve_returns_the_typed_detail(client, content):
    event = content["event"]
    body = client.get("/api/v1/pages/resolve/?path=/sr-latn/dogadjaji/dan-klastera/").json()
    assert (body["id"], body["type"], body["time_zone"]) == (event.pk, "events", "Europe/Sofia")
    assert "body" in body


def test_resolve_an_english_path(client, content):
    translate(content["news_index"], content["en"])
    article = translate(content["news"], content["en"], title="Opened")
    body = client.get("/api/v1/pages/resolve/?path=/en/vesti/kuca-klastera/").json()
    assert (body["id"], body["locale"], body["title"]) == (article.pk, "en", "Opened")


def test_resolve_pages_without_a_typed_endpoint(client, content):
    body = client.get("/api/v1/pages/resolve/?path=/sr-latn/").json()
    assert (body["id"], body["type"], body["page_type"], body["api_url"]) == (
        content["home"].pk,
        "page",
        "pages.HomePage",
        None,
    )


def test_resolve_accepts_a_full_url_and_no_trailing_slash(client, content):
    url = "/api/v1/pages/resolve/?path=http://example.org/sr-latn/vesti/kuca-klastera"
    assert client.get(url).json()["id"] == content["news"].pk


def test_resolve_unknown_path_is_404(client, content):
    assert client.get("/api/v1/pages/resolve/?path=/sr-latn/vesti/nema/").status_code == 404
    assert client.get("/api/v1/pages/resolve/?path=/").status_code == 404
