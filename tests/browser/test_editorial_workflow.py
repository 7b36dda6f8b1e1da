"""An event travels editor -> reviewer -> publisher -> public site in a real browser."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from pages.models import EventPage
from tests.browser import admin
from tests.factories import build_site
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, setup_roles

# The live server needs committed data, hence a transactional database;
# build_site() recreates the tree roots that the flush between tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-test-password"


@pytest.fixture
def newsroom(live_server):
    site = build_site()
    setup_roles()
    users = {}
    for username, group in (("editor", EDITORS), ("reviewer", REVIEWERS), ("publisher", PUBLISHERS)):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return {"site": site, "users": users, "url": live_server.url}


def log_in(page, base_url: str, username: str) -> None:
    admin.log_in(page, base_url, username, PASSWORD)


def open_more_actions(page) -> None:
    # The footer's split button: the default action plus a dropdown of the others.
    page.locator("footer [data-w-dropdown-target='toggle'], footer button[aria-label='More actions']").first.click()


def create_and_submit_event(page, base_url: str, event_index_id: int, title: str) -> None:
    page.goto(f"{base_url}/admin/pages/add/pages/eventpage/{event_index_id}/")
    start = timezone.localtime() + datetime.timedelta(days=14)
    page.fill("#id_title", title)
    page.fill("#id_start", start.strftime("%Y-%m-%d %H:%M"))
    page.fill("#id_end", (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"))
    page.fill("#id_venue", "Kuća klastera")
    open_more_actions(page)
    with page.expect_navigation():
        page.click("button[name='action-submit']")
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$|.*/admin/pages/\d+/$"))


def workflow_button(page, base_url: str, page_id: int, label: str) -> None:
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    open_more_actions(page)
    button = page.get_by_role("button", name=label, exact=True)
    if label == "Approve":
        with page.expect_navigation():
            button.click()
    else:
        button.click()  # opens the comment dialog


def test_event_is_submitted_reviewed_approved_and_shown_on_the_public_site(newsroom, new_page):
    base, site = newsroom["url"], newsroom["site"]
    editor = new_page()
    log_in(editor, base, "editor")
    create_and_submit_event(editor, base, site["event_index"].pk, "Balkan Cluster Day 2030")
    event = EventPage.objects.get(title="Balkan Cluster Day 2030")
    assert event.workflow_in_progress and not event.live

    reviewer = new_page()
    log_in(reviewer, base, "reviewer")
    workflow_button(reviewer, base, event.pk, "Approve")
    event = EventPage.objects.get(pk=event.pk)
    assert [r.user.username for r in event.revisions.order_by("id")] == ["editor"], "approving must not add a revision"
    assert event.current_workflow_task.name == "Publication approval"

    publisher = new_page()
    log_in(publisher, base, "publisher")
    workflow_button(publisher, base, event.pk, "Approve")
    event = EventPage.objects.get(pk=event.pk)
    assert event.live

    reader = new_page()
    reader.goto(f"{base}{event.url}")
    assert "Balkan Cluster Day 2030" in reader.content()
    reader.goto(f"{base}{site['event_index'].url}")
    assert "Balkan Cluster Day 2030" in reader.content()


def test_reviewer_rejects_with_a_comment_and_the_editor_sees_it(newsroom, new_page):
    base, site = newsroom["url"], newsroom["site"]
    editor = new_page()
    log_in(editor, base, "editor")
    create_and_submit_event(editor, base, site["event_index"].pk, "Dani klastera 2030")
    event = EventPage.objects.get(title="Dani klastera 2030")

    reviewer = new_page()
    log_in(reviewer, base, "reviewer")
    workflow_button(reviewer, base, event.pk, "Request changes")
    # Wagtail's workflow action dialog (a modal loaded into the page).
    comment = reviewer.locator("textarea[name=comment]:visible")
    comment.fill("Proverite datum i mesto održavanja.")
    with reviewer.expect_navigation():
        comment.locator("xpath=ancestor::form").locator("button[type=submit]").click()
    event = EventPage.objects.get(pk=event.pk)
    assert event.current_workflow_state.status == "needs_changes"

    editor.goto(f"{base}/admin/pages/{event.pk}/edit/")
    assert "Proverite datum i mesto održavanja." in editor.content()
