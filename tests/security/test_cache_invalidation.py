"""Finding 7: the API response cache never serves content older than the last commit.

The cache generation (api/cache.py) used to be bumped by signals inside the
publishing transaction. Another app server reading in that window sees the old
rows (the transaction has not committed), misses the cache under the new
generation and stores the old content under it: stale for API_CACHE_SECONDS on
every server. These tests read the API the way a partner site does, before and
after a publish, an unpublish, a delete and a workflow's final approval.
"""

import threading
from typing import Any

from django.db import connection, transaction
from django.test import Client

import pytest

from api import cache as response_cache
from tests.factories import EventPageFactory
from tests.workflow.conftest import as_user, edit_page, make_user, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, setup_roles


@pytest.fixture
def event(site):
    return EventPageFactory(parent=site["event_index"], title="Stari naslov", slug="dogadjaj")


@pytest.fixture
def people(site) -> dict[str, Any]:
    setup_roles()
    return {
        "editor": make_user("editor", EDITORS),
        "reviewer": make_user("reviewer", REVIEWERS),
        "publisher": make_user("publisher", PUBLISHERS),
    }


def detail_url(page) -> str:
    return f"/api/v1/events/{page.pk}/"


def list_titles(client: Client) -> list[str]:
    response = client.get("/api/v1/events/")
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def submit_change_and_first_approval(people: dict[str, Any], page, title: str) -> None:
    """An editor submits a new title; the reviewer approves step one (the page stays as it was)."""
    assert edit_page(as_user(people["editor"]), page, "action-submit", title=title).status_code == 302
    assert workflow_action(as_user(people["reviewer"]), reload(page)).status_code == 302


def test_final_approval_is_visible_even_if_another_server_cached_during_the_approval(
    people, event, django_capture_on_commit_callbacks
):
    client = Client()
    url = detail_url(event)
    submit_change_and_first_approval(people, event, "Novi naslov")
    assert client.get(url).json()["title"] == "Stari naslov"
    old_entry = response_cache.cache.get(response_cache.key_for(f"http://testserver{url}"))
    assert old_entry is not None, "the detail response is cached"

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(as_user(people["publisher"]), reload(event))
        assert response.status_code == 302
        # Meanwhile a second app server serves the detail: the approval has not
        # committed, so its query still sees the old row, and it stores that
        # response under whatever generation is current now.
        response_cache.cache.set(
            response_cache.key_for(f"http://testserver{url}"), old_entry, response_cache.timeout()
        )

    assert reload(event).live and reload(event).title == "Novi naslov"
    assert client.get(url).json()["title"] == "Novi naslov"
    assert list_titles(client) == ["Novi naslov"]


def test_publish_inside_a_transaction_invalidates_on_commit(event, django_capture_on_commit_callbacks):
    client = Client()
    url = detail_url(event)
    assert client.get(url).json()["title"] == "Stari naslov"
    old_entry = response_cache.cache.get(response_cache.key_for(f"http://testserver{url}"))
    with django_capture_on_commit_callbacks(execute=True):
        page = reload(event)
        page.title = "Novi naslov"
        page.save_revision().publish()
        response_cache.cache.set(
            response_cache.key_for(f"http://testserver{url}"), old_entry, response_cache.timeout()
        )
    assert client.get(url).json()["title"] == "Novi naslov"


def test_unpublished_page_leaves_the_api_list_and_detail(event, django_capture_on_commit_callbacks):
    client = Client()
    assert client.get(detail_url(event)).status_code == 200
    assert list_titles(client) == ["Stari naslov"]

    with django_capture_on_commit_callbacks(execute=True):
        reload(event).unpublish()

    assert client.get(detail_url(event)).status_code == 404
    assert list_titles(client) == []


def test_unpublish_through_the_admin_leaves_the_api(people, event, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    client = Client()
    assert client.get(detail_url(event)).status_code == 200
    assert list_titles(client) == ["Stari naslov"]
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "password")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(admin).post(f"/admin/pages/{event.pk}/unpublish/", {})
    assert response.status_code == 302, response.content[:500]
    assert not reload(event).live

    assert client.get(detail_url(event)).status_code == 404
    assert list_titles(client) == []


def test_deleted_page_leaves_the_api_list_and_detail(event, django_capture_on_commit_callbacks):
    client = Client()
    url = detail_url(event)
    assert client.get(url).status_code == 200
    assert list_titles(client) == ["Stari naslov"]

    with django_capture_on_commit_callbacks(execute=True):
        reload(event).delete()

    assert client.get(url).status_code == 404
    assert list_titles(client) == []


def test_final_approval_shows_the_new_content_in_list_and_detail(people, event, django_capture_on_commit_callbacks):
    client = Client()
    submit_change_and_first_approval(people, event, "Novi naslov")
    # Cached while the change waits for the publisher.
    assert client.get(detail_url(event)).json()["title"] == "Stari naslov"
    assert list_titles(client) == ["Stari naslov"]

    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(as_user(people["publisher"]), reload(event)).status_code == 302

    assert client.get(detail_url(event)).json()["title"] == "Novi naslov"
    assert list_titles(client) == ["Novi naslov"]


@pytest.mark.django_db(transaction=True)
def test_reader_during_an_uncommitted_publish_does_not_pin_the_old_content(site):
    """The real race, with two database connections: PostgreSQL isolates the
    publishing transaction from the reading thread until it commits."""
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that isolates concurrent transactions (PostgreSQL)")
    event = EventPageFactory(parent=site["event_index"], title="Stari naslov", slug="dogadjaj")
    url = detail_url(event)
    seen: list[str] = []

    def other_server() -> None:
        try:
            seen.append(Client().get(url).json()["title"])
        finally:
            connection.close()

    with transaction.atomic():
        page = reload(event)
        page.title = "Novi naslov"
        page.save_revision().publish()
        reader = threading.Thread(target=other_server)
        reader.start()
        reader.join()

    assert seen == ["Stari naslov"], "the reader ran inside the window and saw the committed (old) row"
    assert Client().get(url).json()["title"] == "Novi naslov"
