"""An unpublished news item leaves the API at once, although the API caches responses.

A partner site reads /api/v1/news/ and the item's detail; both responses are
kept in the response cache (API_CACHE_SECONDS). When an editor unpublishes the
item (a retraction), the next read must not be served from that cache: the
list no longer counts it and its detail (by id and by slug) is a 404, also
for a client revalidating with the ETag it holds.
"""

from api import cache as response_cache

BASE = "http://testserver"


def cached(path: str) -> bool:
    return response_cache.cache.get(response_cache.key_for(f"{BASE}{path}")) is not None


def read_everything(client, news) -> dict[str, object]:
    """List, detail by id and by slug, as a partner site reads them; returns the detail's ETag."""
    listing = client.get("/api/v1/news/")
    assert listing.status_code == 200
    assert listing.json()["count"] == 1
    assert [item["id"] for item in listing.json()["results"]] == [news.pk]
    detail = client.get(f"/api/v1/news/{news.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Kuća klastera otvorena"
    assert client.get(f"/api/v1/news/by-slug/{news.slug}/").status_code == 200
    return {"etag": detail["ETag"]}


def assert_gone(client, news, etag: str) -> None:
    listing = client.get("/api/v1/news/")
    assert listing.status_code == 200
    assert listing.json()["count"] == 0
    assert listing.json()["results"] == []
    assert client.get(f"/api/v1/news/{news.pk}/").status_code == 404
    assert client.get(f"/api/v1/news/by-slug/{news.slug}/").status_code == 404
    # A CDN revalidating the copy it holds is not told "still valid".
    assert client.get(f"/api/v1/news/{news.pk}/", headers={"if-none-match": etag}).status_code == 404


def test_unpublished_news_leaves_the_cached_list_and_detail(
    client, content, settings, django_capture_on_commit_callbacks
):
    settings.API_CACHE_SECONDS = 60
    news = content["news"]
    seen = read_everything(client, news)
    paths = ["/api/v1/news/", f"/api/v1/news/{news.pk}/", f"/api/v1/news/by-slug/{news.slug}/"]
    assert all(cached(path) for path in paths), "the responses are served from the cache from now on"

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()

    assert_gone(client, news, seen["etag"])


def test_a_response_cached_while_the_unpublish_was_uncommitted_is_retired_on_commit(
    client, content, settings, django_capture_on_commit_callbacks
):
    """Another app server reads while the unpublishing transaction is open: it
    still sees the committed (live) row and stores it under the generation of
    that moment. The bump on commit must retire that entry."""
    settings.API_CACHE_SECONDS = 60
    news = content["news"]
    seen = read_everything(client, news)
    paths = ["/api/v1/news/", f"/api/v1/news/{news.pk}/", f"/api/v1/news/by-slug/{news.slug}/"]
    entries = {path: response_cache.cache.get(response_cache.key_for(f"{BASE}{path}")) for path in paths}
    assert all(entries.values())

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
        for path, entry in entries.items():
            response_cache.cache.set(response_cache.key_for(f"{BASE}{path}"), entry, response_cache.timeout())

    assert_gone(client, news, seen["etag"])
