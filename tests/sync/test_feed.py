"""The sync feed: initial sync == every list, deltas with tombstones, cursors."""

import datetime

from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from sync import feed
from tests import factories as f
from tests.sync.conftest import differences

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as its own committed request would (wagtail-localize, the feed's bump)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_initial_sync_is_the_union_of_every_list(content, client, mirror):
    mirror.sync(limit=3)
    assert mirror.pages > 3  # paged, following next_cursor
    assert differences(mirror, client) == []
    assert {key[0] for key in mirror.items} >= {"news", "events", "galleries", "clusters", "projects", "sectors"}
    assert ("sectors", content["textile_en"].pk) in mirror.items  # every locale


def test_nothing_changed_gives_an_empty_delta(content, client, mirror):
    mirror.sync()
    body = client.get("/api/v1/sync/", {"cursor": mirror.cursor}).json()
    assert body["items"] == [] and body["deleted"] == [] and body["has_more"] is False


def test_publish_edit_unpublish_delete(content, client, mirror, committed):
    mirror.sync()
    news = committed(f.NewsPageFactory, parent=content["news_index"], title="Nova vest", slug="nova-vest")
    mirror.sync()
    assert mirror.items[("news", news.pk)]["title"] == "Nova vest"

    def edit():
        news.title = "Izmenjena vest"
        news.save_revision().publish()

    committed(edit)
    assert mirror.sync() == []
    assert mirror.items[("news", news.pk)]["title"] == "Izmenjena vest"

    committed(news.unpublish)
    assert mirror.sync() == [{"type": "news", "id": news.pk, "locale": "sr-latn", "reason": "unpublished"}]

    event = content["event"]
    committed(Page.objects.get(pk=event.pk).delete)
    gone = mirror.sync()
    assert {"type": "events", "id": event.pk, "locale": "sr-latn", "reason": "deleted"} in gone
    # The gallery listed the event: its list data changed too.
    assert mirror.items[("galleries", content["gallery"].pk)]["event"] is None
    assert differences(mirror, client) == []


def test_expiry_and_go_live_without_any_event(content, client, mirror, committed):
    news = content["news"]
    later = timezone.now() + datetime.timedelta(hours=1)
    committed(lambda: type(news).objects.filter(pk=news.pk).update(expire_at=later))
    scheduled = committed(f.NewsPageFactory, parent=content["news_index"], slug="zakazana", scheduled=True)
    type(scheduled).objects.filter(pk=scheduled.pk).update(live=True, go_live_at=later)
    committed(feed.refresh, force=True)
    mirror.sync()
    assert ("news", news.pk) in mirror.items and ("news", scheduled.pk) not in mirror.items
    # The hour passes: no save, no signal, no scheduler run.
    moment = later + datetime.timedelta(minutes=1)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=moment):
        gone = mirror.sync()
        assert {"type": "news", "id": news.pk, "locale": "sr-latn", "reason": "expired"} in gone
        assert ("news", scheduled.pk) in mirror.items
        assert differences(mirror, client) == []


def test_restricting_the_serbian_source_tombstones_its_translations(content, client, mirror, committed):
    en = Locale.objects.get(language_code="en")
    committed(f.translate, content["news_index"], en)
    news_en = committed(f.translate, content["news"], en, {"Kuća klastera otvorena": "Cluster House opened"})
    mirror.sync()
    assert mirror.items[("news", news_en.pk)]["title"] == "Cluster House opened"  # translation published
    restriction = committed(f.restrict, content["news"])
    gone = mirror.sync()
    assert {"type": "news", "id": news_en.pk, "locale": "en", "reason": "private"} in gone
    assert {"type": "news", "id": content["news"].pk, "locale": "sr-latn", "reason": "private"} in gone
    committed(restriction.delete)
    mirror.sync()
    assert ("news", news_en.pk) in mirror.items
    assert differences(mirror, client) == []


def test_snippet_edit_reaches_the_pages_that_list_it(content, client, mirror, committed):
    mirror.sync()
    textile = content["textile"]
    textile.name = "Tekstil i odeća"
    committed(textile.save)
    mirror.sync()
    assert mirror.items[("news", content["news"].pk)]["sectors"][0]["name"] == "Tekstil i odeća"
    assert mirror.items[("sectors", textile.pk)]["name"] == "Tekstil i odeća"
    assert differences(mirror, client) == []


@pytest.mark.parametrize("cursor", ["x", "not-a-cursor", "W10:abc:def", "%00"])
def test_malformed_cursor_is_a_400_naming_cursor(content, client, cursor):
    response = client.get("/api/v1/sync/", {"cursor": cursor})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] == "cursor"


def test_an_empty_cursor_is_the_initial_sync(content, client):
    initial = client.get("/api/v1/sync/")
    empty = client.get("/api/v1/sync/", {"cursor": ""})
    assert (initial.status_code, empty.status_code) == (200, 200)
    assert [item["id"] for item in empty.json()["items"]] == [item["id"] for item in initial.json()["items"]]
    assert empty.json()["items"]


def test_unknown_parameter_and_bad_limit(content, client):
    assert client.get("/api/v1/sync/", {"since": "x"}).json()["errors"][0]["parameter"] == "since"
    assert client.get("/api/v1/sync/", {"limit": "0"}).json()["errors"][0]["parameter"] == "limit"


def test_rebuild_expires_old_cursors(content, client, mirror):
    mirror.sync()
    feed.rebuild()
    response = client.get("/api/v1/sync/", {"cursor": mirror.cursor})
    assert response.status_code == 410
    assert response.json()["code"] == "cursor_expired"


def test_refresh_command_is_idempotent(content):
    from django.core.management import call_command

    call_command("refresh_sync")
    before = feed.last_seq()
    call_command("refresh_sync")
    assert feed.last_seq() == before > 0


def test_queries_per_page_do_not_grow_with_page_size(content, client, django_assert_max_num_queries, committed):
    for number in range(60):
        f.SectorFactory(name=f"Sektor {number}", slug=f"sektor-{number}")
    committed(feed.refresh, force=True)
    client.get("/api/v1/sync/", {"limit": 1})  # the first request creates the counters
    counts = []
    for limit in (10, 50):
        with django_assert_max_num_queries(10) as captured:
            response = client.get("/api/v1/sync/", {"limit": limit})
        assert len(response.json()["items"]) == limit
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_urls_use_the_requesting_host(content, client):
    item = next(i for i in client.get("/api/v1/sync/", HTTP_HOST="partner.example").json()["items"] if "url" in i)
    assert item["api_url"].startswith("http://partner.example/")


def test_updated_since(content, client, committed):
    cutoff = timezone.now()
    news = committed(f.NewsPageFactory, parent=content["news_index"], slug="posle")
    results = client.get("/api/v1/news/", {"updated_since": cutoff.isoformat()}).json()["results"]
    assert [item["id"] for item in results] == [news.pk]
    assert len(client.get("/api/v1/news/", {"updated_since": "2000-01-01"}).json()["results"]) == 2
    # A snippet seen changing by the feed: sectors have no timestamp of their own.
    committed(feed.refresh, force=True)
    cutoff = timezone.now()
    content["ict"].name = "ICT"
    committed(content["ict"].save)
    committed(feed.refresh)
    sectors = client.get("/api/v1/sectors/", {"updated_since": cutoff.isoformat()}).json()["results"]
    assert [item["slug"] for item in sectors] == ["ict"]
    for path in ("/api/v1/news/", "/api/v1/sectors/", "/api/v1/events/"):
        response = client.get(path, {"updated_since": "yesterday"})
        assert response.status_code == 400
        assert response.json()["errors"][0]["parameter"] == "updated_since"
