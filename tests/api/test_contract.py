"""What a partner site's developer relies on beyond the schema: stable addresses and messages."""

from tests import factories as f


def test_the_old_slug_address_redirects_to_by_slug_keeping_the_query(client, content):
    response = client.get("/api/v1/news/kuca-klastera/?fields=id,title")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/news/by-slug/kuca-klastera/?fields=id,title"
    followed = client.get(response["Location"])
    assert followed.json() == {"id": content["news"].pk, "type": "news", "title": "Kuća klastera otvorena"}


def test_the_old_slug_address_of_a_hidden_page_is_a_404_not_a_redirect(client, content):
    draft = f.NewsPageFactory(parent=content["news_index"], slug="nacrt", live=False)
    assert draft.live is False
    response = client.get("/api/v1/news/nacrt/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "Location" not in response


def test_error_messages_follow_locale_not_accept_language(client, content):
    url = "/api/v1/news/?date_from=2026-13-01"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="sr-latn").json()
    serbian = client.get(f"{url}&locale=sr-latn", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["errors"] == [{"parameter": "date_from", "message": "Enter a valid date."}]
    assert serbian["errors"][0]["parameter"] == "date_from"
    assert serbian["errors"][0]["message"] != "Enter a valid date."  # Django's own Serbian text
    cyrillic = client.get(f"{url}&locale=sr-cyrl").json()
    assert cyrillic["errors"][0]["message"] not in {english["errors"][0]["message"]}


def test_vary_names_what_the_answer_depends_on(client, content):
    response = client.get("/api/v1/news/", HTTP_ACCEPT_LANGUAGE="sr-latn")
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert "accept-language" not in vary
    assert "accept" in vary
    assert client.get("/api/v1/news/", HTTP_ACCEPT_LANGUAGE="en").content == response.content
