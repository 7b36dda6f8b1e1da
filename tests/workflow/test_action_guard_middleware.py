"""WorkflowActionGuardMiddleware: the Approve dialog posted by someone the four-eyes task
refuses, for pages and for snippets; and what it leaves to Wagtail."""

import logging

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import TaskState

from tests.factories import OrganisationFactory
from tests.workflow.conftest import as_user, refusals, reload, submit, workflow_action
from workflow.roles import ADMINISTRATORS, REVIEWERS

REASON = (
    "You submitted or wrote this version, so you cannot approve it. "
    "Another member of Administrators, Reviewers must review it."
)


def test_an_author_approving_their_own_page_is_refused_with_the_reason_and_logged(users, event, caplog):
    # An administrator is in the review group: only authorship stops them.
    admin = users[ADMINISTRATORS]
    page = reload(event)
    page.title = "Dani klastera – nova satnica"
    submit(page, admin)
    state = reload(event).current_workflow_task_state
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = workflow_action(as_user(admin), reload(event))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [REASON]
    path = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", state.pk])
    assert refusals(caplog) == [
        f"Refused workflow approve by user {admin.pk} (administrator) on Page 'Dani klastera': {REASON} [POST {path}]"
    ]
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_an_author_approving_their_own_snippet_is_refused_too(users, caplog):
    admin = users[ADMINISTRATORS]
    organisation = OrganisationFactory(name="Klaster Vital")
    organisation.name = "Klaster Vital Niš"
    organisation.save_revision(user=admin)
    organisation.get_workflow().start(organisation, admin)
    state = type(organisation).objects.get(pk=organisation.pk).current_workflow_task_state
    url = reverse("wagtailsnippets_snippets_organisation:workflow_action", args=[organisation.pk, "approve", state.pk])
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = as_user(admin).post(url, {"comment": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert refusals(caplog) == [
        f"Refused workflow approve by user {admin.pk} (administrator) on Organisation 'Klaster Vital': "
        f"{REASON} [POST {url}]"
    ]
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    # Another reviewer approves the same step through the same dialog.
    response = as_user(users[REVIEWERS]).post(url, {"comment": ""})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED


def test_an_unknown_task_state_is_wagtails_404(users, event, caplog):
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", 987654])
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = as_user(users[REVIEWERS]).post(url, {"comment": ""})
    assert response.status_code == 404
    assert refusals(caplog) == []


def test_a_finished_step_is_left_to_wagtail(users, event, caplog, django_capture_on_commit_callbacks):
    author = users["author"]
    page = reload(event)
    page.title = "Dani klastera – ispravka"
    submit(page, author)
    state = reload(event).current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(users[REVIEWERS]), reload(event))
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", state.pk])
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        as_user(author).post(url, {"comment": ""})
    # Nothing for the guard to refuse: the step is over (Wagtail answers the stale dialog).
    assert refusals(caplog) == []
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
