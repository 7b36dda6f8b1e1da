"""HTTP caching of the API v1 as a partner site or a CDN sees it (api/http_cache.py).

Every test runs twice: with the response cache on (API_CACHE_SECONDS=60) and
off (0): the validators and conditional answers must not depend on it.
"""

import time

from django.utils.http import http_date, parse_http_date

from wagtail.models import Page

import pytest
from rest_framework.test import APIRequestFactory

from api import cache as response_cache
from api.views import NewsViewSet
from tests.factories import EventPageFactory, NewsPageFactory

ORIGIN = "https://partner.example"


@pytest.fixture(params=[60, 0], ids=["cached", "uncached"])
def cache_seconds(request, settings) -> int:
    settings.API_CACHE_SECONDS = request.param
    return request.param


@pytest.fixture
def urls(content) -> list[str]:
    return ["/api/v1/news/", f"/api/v1/news/{content['news'].pk}/", "/api/v1/events/", "/api/v1/sectors/"]


def vary(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


def assert_not_modified(response, etag: str, last_modified: str) -> None:
    assert response.status_code == 304
    assert response.content == b""
    assert "Content-Type" not in response
    assert response["ETag"] == etag
    assert response["Last-Modified"] == last_modified
    assert response["Cache-Control"].startswith("public, max-age=")
    assert vary(response) == {"accept", "origin"}


def test_every_200_has_the_same_validators_first_and_again(client, urls, cache_seconds):
    for url in urls:
        started = int(time.time())
        first, again, head = client.get(url), client.get(url), client.head(url)
        assert first.status_code == again.status_code == head.status_code == 200, url
        assert first["ETag"].startswith('"') and first["ETag"] == again["ETag"] == head["ETag"], url
        assert first["Last-Modified"] == again["Last-Modified"] == head["Last-Modified"], url
        # A real date: the last content change, never in the future.
        assert parse_http_date(first["Last-Modified"]) <= started + 1
        assert first["Cache-Control"] == f"public, max-age={cache_seconds}"
        assert first.content == again.content and head.content == b""
        assert first["Content-Type"] == again["Content-Type"] == "application/json"


def test_vary_names_what_the_response_depends_on(client, urls, cache_seconds):
    for url in urls:
        for response in (client.get(url), client.get(url), client.get(url, HTTP_ORIGIN=ORIGIN)):
            assert vary(response) == {"accept", "origin"}, url


def test_if_none_match_uses_the_weak_comparison(client, content, cache_seconds):
    url = f"/api/v1/news/{content['news'].pk}/"
    first = client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    for header in (etag, f"W/{etag}", f'"other", W/{etag}', f'"other",{etag}', "*"):
        assert_not_modified(client.get(url, HTTP_IF_NONE_MATCH=header), etag, last_modified)
    assert_not_modified(client.head(url, HTTP_IF_NONE_MATCH=f"W/{etag}"), etag, last_modified)
    for header in ('"other"', 'W/"other", "another"', etag.strip('"'), f'{etag[:-2]}x"'):
        response = client.get(url, HTTP_IF_NONE_MATCH=header)
        assert response.status_code == 200, header
        assert response.json()["id"] == content["news"].pk


def test_if_modified_since(client, content, cache_seconds):
    url = "/api/v1/news/"
    first = client.get(url)
    assert_not_modified(
        client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]), first["ETag"], first["Last-Modified"]
    )
    # A date before the last change: the content.
    earlier = http_date(parse_http_date(first["Last-Modified"]) - 1)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    # Ignored when If-None-Match is present (RFC 9110 13.1.3).
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"], HTTP_IF_NONE_MATCH='"other"')
    assert response.status_code == 200 and response.json()["results"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200


def test_a_publish_is_a_new_etag_and_a_new_modification(
    client, site, content, cache_seconds, django_capture_on_commit_callbacks
):
    url = "/api/v1/news/"
    first = client.get(url)
    before_publish = int(time.time())
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=site["news_index"], title="Nova vest", slug="nova-vest")

    # Even within the second of the first answer: the date the client holds
    # labels the old list, so it gets the new one.
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    by_tag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    for response in (by_date, by_tag):
        assert response.status_code == 200
        assert "Nova vest" in [item["title"] for item in response.json()["results"]]
        assert response["ETag"] != first["ETag"]
        assert parse_http_date(response["Last-Modified"]) >= before_publish
    assert by_date["ETag"] == by_tag["ETag"]
    # And the new validators work in turn.
    assert client.get(url, HTTP_IF_NONE_MATCH=by_tag["ETag"]).status_code == 304


def test_a_change_elsewhere_keeps_the_date_of_an_unchanged_item(
    client, site, content, cache_seconds, django_capture_on_commit_callbacks
):
    url = f"/api/v1/events/{content['event'].pk}/"
    first = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=site["news_index"], title="Nova vest", slug="nova-vest")
    assert "Nova vest" in [item["title"] for item in client.get("/api/v1/news/").json()["results"]]
    assert_not_modified(
        client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]), first["ETag"], first["Last-Modified"]
    )


def test_a_change_the_cache_was_not_told_about_is_never_a_304_by_date(client, content, settings):
    """Like an event leaving "upcoming" with the clock: no signal, no new generation."""
    settings.API_CACHE_SECONDS = 0
    url = f"/api/v1/news/{content['news'].pk}/"
    first = client.get(url)
    Page.objects.filter(pk=content["news"].pk).update(title="Promenjeno bez signala")
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200
    assert response.json()["title"] == "Promenjeno bez signala"
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_accept_xml_is_406_every_time(client, content, cache_seconds):
    url = "/api/v1/news/"
    for _ in range(2):
        refused = client.get(url, HTTP_ACCEPT="application/xml")
        assert refused.status_code == 406
        assert refused["Content-Type"] == "application/problem+json"
        assert "ETag" not in refused and "public" not in refused.get("Cache-Control", "")
        assert client.get(url).status_code == 200  # the URL is cached now


def test_the_cache_is_keyed_on_the_negotiated_media_type(client, content, cache_seconds):
    url = "/api/v1/news/"
    compact = client.get(url)
    indented = client.get(url, HTTP_ACCEPT="application/json; indent=4")
    assert indented.status_code == 200
    assert b'\n    "' in indented.content and b"\n" not in compact.content
    assert indented["ETag"] != compact["ETag"]
    assert client.get(url, HTTP_ACCEPT="*/*").content == compact.content


def test_errors_are_not_cached_and_carry_no_validators(client, content, cache_seconds):
    url = "/api/v1/news/999999/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 404
        assert "ETag" not in response and "Last-Modified" not in response
    assert response_cache.cache.get(response_cache.key_for(f"http://testserver{url}")) is None


def test_a_revalidation_from_the_cache_reads_no_database(client, content, settings, django_assert_num_queries):
    settings.API_CACHE_SECONDS = 60
    url = "/api/v1/events/?limit=100"
    for _ in range(30):
        EventPageFactory(parent=content["event_index"])
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get(url).status_code == 200


def test_a_view_can_opt_out(content, cache_seconds):
    private_news = type("PrivateNewsViewSet", (NewsViewSet,), {"http_cache": False}).as_view({"get": "list"})
    response = private_news(APIRequestFactory().get("/api/v1/news/"))
    assert response.status_code == 200
    assert "ETag" not in response and "Last-Modified" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_preflight_allows_the_conditional_headers(client, content):
    response = client.options(
        "/api/v1/news/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    assert response.status_code == 200
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since", "accept"} <= allowed


def test_a_cors_client_can_read_the_validators(client, content, cache_seconds):
    first = client.get("/api/v1/news/", HTTP_ORIGIN=ORIGIN)
    exposed = {name.strip().lower() for name in first["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "retry-after"} <= exposed
    assert first["Access-Control-Allow-Origin"] == "*"
    revalidated = client.get("/api/v1/news/", HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["Access-Control-Allow-Origin"] == "*"
    assert "etag" in revalidated["Access-Control-Expose-Headers"].lower()
