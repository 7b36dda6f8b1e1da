"""The four-eyes rule holds even for a caller that skips the admin views.

The admin views hide the Approve action from the author (get_actions()), so the
tests through the admin never reach FourEyesApprovalTask.on_action's own check.
These call the task action directly, as a script or a future view would: the
author's approval is refused (PermissionDenied, logged) and nothing goes live.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from wagtail.models import TaskState

import pytest

from tests.workflow.conftest import approve, make_user, refusals, reload, submit
from workflow.roles import ADMINISTRATORS, PUBLICATION_TASK_NAME, PUBLISHERS, REVIEW_TASK_NAME

EVENT_URL = "/sr-latn/dogadjaji/dani-klastera/"


@pytest.fixture(autouse=True)
def _english():
    # The refusal is worded in the active language; these tests read the English one.
    with translation.override("en"):
        yield


def public_title_shown(client: Client) -> str:
    response = client.get(EVENT_URL)
    assert response.status_code == 200
    return response.content.decode()


def test_an_administrator_cannot_approve_their_own_submission_by_calling_the_task(
    users, event, caplog, django_capture_on_commit_callbacks
):
    # Administrators belong to both steps' groups: only authorship stops them.
    admin = users[ADMINISTRATORS]
    page = reload(event)
    page.title = "Dani klastera – novi datum"
    submit(page, admin)

    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        for step, other_approver in ((REVIEW_TASK_NAME, users["reviewer2"]), (PUBLICATION_TASK_NAME, None)):
            task_state = reload(event).current_workflow_task_state
            assert task_state.task.name == step
            with (
                django_capture_on_commit_callbacks(execute=True),
                pytest.raises(PermissionDenied, match="you cannot approve it"),
            ):
                task_state.task.specific.on_action(task_state, admin, "approve")
            assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
            assert reload(event).current_workflow_task.name == step
            if other_approver is not None:
                approve(reload(event), other_approver)

    messages = refusals(caplog)
    assert len(messages) == 2
    assert all(f"Refused workflow action 'approve' by user {admin.pk}" in message for message in messages)

    # Refused at the publication step: the readers still see the old version.
    page = reload(event)
    assert page.title == "Dani klastera"
    assert page.workflow_in_progress
    assert "Dani klastera – novi datum" not in public_title_shown(Client())

    # Another publisher approves: then (and only then) the change is live.
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, users[PUBLISHERS])
    assert reload(event).title == "Dani klastera – novi datum"
    assert "Dani klastera – novi datum" in public_title_shown(Client())


def test_the_writer_of_the_revision_cannot_approve_it_at_the_publication_step(
    users, event, caplog, django_capture_on_commit_callbacks
):
    # A publisher drafts a correction and an editor submits it: the publisher
    # wrote the version under review, so another publisher must approve it.
    publisher, author = users[PUBLISHERS], users["author"]
    page = reload(event)
    page.title = "Dani klastera (ispravka)"
    page.save_revision(user=publisher)
    page.get_workflow().start(page, author)
    approve(reload(event), users["reviewer2"])

    task_state = reload(event).current_workflow_task_state
    assert task_state.task.name == PUBLICATION_TASK_NAME
    assert task_state.revision.user == publisher
    with (
        caplog.at_level(logging.WARNING, logger="workflow.security"),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(PermissionDenied, match="you cannot approve it"),
    ):
        # Through the workflow state, as a script holding only the page would.
        task_state.workflow_state.current_task_state.task.specific.on_action(task_state, publisher, "approve")

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert len(refusals(caplog)) == 1
    page = reload(event)
    assert page.title == "Dani klastera"
    assert page.workflow_in_progress
    assert "Dani klastera (ispravka)" not in public_title_shown(Client())

    with django_capture_on_commit_callbacks(execute=True):
        approve(page, users["publisher2"])
    assert reload(event).title == "Dani klastera (ispravka)"


def test_a_second_administrator_may_approve_what_the_first_submitted(users, event, django_capture_on_commit_callbacks):
    # The refusal is about authorship, not about the role: the same call by
    # another administrator goes through.
    first, second = users[ADMINISTRATORS], make_user("administrator2", ADMINISTRATORS)
    page = reload(event)
    page.title = "Dani klastera 2027"
    submit(page, first)
    task_state = reload(event).current_workflow_task_state
    task_state.task.specific.on_action(task_state, second, "approve")
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert reload(event).current_workflow_task.name == PUBLICATION_TASK_NAME
