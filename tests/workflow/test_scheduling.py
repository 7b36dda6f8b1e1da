"""Scheduled publishing and expiry happen when the scheduler runs, not before."""

import datetime

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from pages.models import EventPage
from tests.factories import EventPageFactory
from tests.workflow.conftest import as_user, create_event, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS


@pytest.fixture
def later(monkeypatch):
    """Move the clock forward: later(minutes=2) makes timezone.now() two minutes on."""

    def move(**delta: float) -> None:
        moved = timezone.now() + datetime.timedelta(**delta)
        monkeypatch.setattr(timezone, "now", lambda: moved)

    return move


def run_scheduler() -> None:
    call_command("run_scheduler", "--once")


def test_event_scheduled_a_minute_ahead_goes_live_when_the_scheduler_runs(
    users, site, client, later, django_capture_on_commit_callbacks
):
    go_live_at = timezone.localtime() + datetime.timedelta(minutes=1)
    create_event(
        as_user(users[EDITORS]),
        site["event_index"],
        "action-submit",
        title="Dan klastera u Nišu",
        slug="dan-klastera",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M:%S"),
    )
    page = EventPage.objects.get(slug="dan-klastera")
    workflow_action(as_user(users[REVIEWERS]), page)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(users[PUBLISHERS]), reload(page))
    page = reload(page)
    assert not page.live, "approved, but scheduled for later"
    assert page.go_live_at is not None

    run_scheduler()
    assert not reload(page).live
    assert client.get("/sr-latn/dogadjaji/dan-klastera/").status_code == 404

    later(minutes=2)
    run_scheduler()
    assert reload(page).live
    response = client.get("/sr-latn/dogadjaji/dan-klastera/")
    assert response.status_code == 200
    assert "Dan klastera u Nišu" in response.content.decode()
    assert "Dan klastera u Nišu" in client.get("/sr-latn/dogadjaji/").content.decode()


def test_expired_event_disappears_from_listing_detail_and_search(site, client, later):
    EventPageFactory(
        parent=site["event_index"],
        title="Radionica o klasterima",
        slug="radionica",
        expire_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    assert client.get("/sr-latn/dogadjaji/radionica/").status_code == 200
    assert "Radionica o klasterima" in client.get("/sr-latn/dogadjaji/").content.decode()
    assert EventPage.objects.live().public().search("Radionica").count() == 1

    later(minutes=2)
    run_scheduler()

    page = EventPage.objects.get(slug="radionica")
    assert not page.live and page.expired
    assert client.get("/sr-latn/dogadjaji/radionica/").status_code == 404
    assert "Radionica o klasterima" not in client.get("/sr-latn/dogadjaji/").content.decode()
    assert EventPage.objects.live().public().search("Radionica").count() == 0


def test_scheduler_rejects_a_bad_interval():
    with pytest.raises(CommandError, match="at least 1 second"):
        call_command("run_scheduler", "--interval", "0")
