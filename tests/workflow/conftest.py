"""Roles, users and admin-view helpers for the workflow tests.

The helpers post to the Wagtail admin the way the browser does, so a test proves
what a person in a role can actually do, not only what a model method says.
"""

import datetime
import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from tests.factories import ClusterPageFactory, EventPageFactory
from workflow.roles import (
    ADMINISTRATORS,
    CLUSTER_MANAGERS,
    EDITORS,
    PUBLISHERS,
    REVIEWERS,
    TRANSLATORS,
    assign_cluster_manager,
    setup_roles,
)

_numbers = itertools.count(1)


def make_user(username: str, *group_names: str) -> Any:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="password", first_name=username.title()
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def roles(site):
    return setup_roles()


@pytest.fixture
def users(roles, site):
    """One user per role, plus a second reviewer and publisher and an author
    (another editor) whose submissions the others review."""
    cluster_a = ClusterPageFactory(parent=site["cluster_index"], title="Klaster A", slug="klaster-a")
    cluster_b = ClusterPageFactory(parent=site["cluster_index"], title="Klaster B", slug="klaster-b")
    manager = make_user("manager")
    assign_cluster_manager(manager, cluster_a)
    return {
        EDITORS: make_user("editor", EDITORS),
        REVIEWERS: make_user("reviewer", REVIEWERS),
        PUBLISHERS: make_user("publisher", PUBLISHERS),
        TRANSLATORS: make_user("translator", TRANSLATORS),
        CLUSTER_MANAGERS: manager,
        ADMINISTRATORS: make_user("administrator", ADMINISTRATORS),
        "author": make_user("author", EDITORS),
        "reviewer2": make_user("reviewer2", REVIEWERS),
        "publisher2": make_user("publisher2", PUBLISHERS),
        "cluster_a": cluster_a,
        "cluster_b": cluster_b,
    }


def as_user(user: Any) -> Client:
    # The admin speaks Serbian by default; these tests read its English messages.
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def unique_title(prefix: str = "Događaj") -> str:
    return f"{prefix} {next(_numbers)}"


def event_form(page: Page | None = None, **overrides: Any) -> dict[str, Any]:
    """POST data of the event editor, for a new event or an existing ``page``."""
    start = timezone.localtime(page.start) if page else timezone.localtime() + datetime.timedelta(days=10)
    end = timezone.localtime(page.end) if page else start + datetime.timedelta(hours=2)
    data = {
        "title": page.title if page else unique_title(),
        "slug": page.slug if page else f"dogadjaj-{next(_numbers)}",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": end.strftime("%Y-%m-%d %H:%M"),
        "time_zone": "Europe/Belgrade",
        "status": "scheduled",
        "venue": page.venue if page else "Kuća klastera",
        "city": "Niš",
        "intro": page.intro if page else "",
        "body": streamfield([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def cluster_form(page: Page, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": page.title,
        "slug": page.slug,
        "city": page.city,
        "intro": page.intro,
        "body": streamfield([]),
        "quality_labels": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def create_event(client: Client, parent: Page, action: str = "", **overrides: Any):
    data = event_form(**overrides)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:add", args=["pages", "eventpage", parent.pk]), data)


def edit_page(client: Client, page: Page, action: str = "", form: dict | None = None, **overrides: Any):
    page = page.specific
    if form is None:
        form = (
            cluster_form(page, **overrides)
            if page.specific_class.__name__ == "ClusterPage"
            else event_form(page, **overrides)
        )
    if action:
        form[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)


def workflow_action(client: Client, page: Page, action: str = "approve", comment: str = ""):
    """Post Approve / Request changes for the page's current step, as the dialog does."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def submit(page: Page, user: Any) -> WorkflowState:
    """Submit the latest revision of ``page`` for review as ``user`` (as the editor's
    "Submit to Review and publish" button does)."""
    page = page.specific
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def approve(page: Page, user: Any) -> TaskState:
    page = Page.objects.get(pk=page.pk).specific
    return page.current_workflow_task.on_action(page.current_workflow_task_state, user, "approve")


@pytest.fixture
def event(site):
    """A live Serbian event."""
    return EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")


def reload(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def refusals(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The messages of the "workflow.security" log (every refused action is one)."""
    return [r.getMessage() for r in caplog.records if r.name == "workflow.security"]
