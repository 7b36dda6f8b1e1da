"""Invalid and unauthorised input changes nothing, says why, and is logged."""

import logging

from django.urls import reverse

from wagtail.models import Revision, TaskState, WorkflowState

from pages.models import EventPage
from tests.factories import EventPageFactory
from tests.workflow.conftest import as_user, create_event, edit_page, refusals, reload, submit, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, TRANSLATORS


def test_submitting_without_required_fields_shows_errors_and_starts_no_review(users, site, event):
    editor = as_user(users[EDITORS])
    response = create_event(editor, site["event_index"], "action-submit", title="", start="")
    assert response.status_code == 200
    assert {"title", "start"} <= set(response.context["form"].errors)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not EventPage.objects.filter(title="").exists()

    revisions = Revision.objects.count()
    response = edit_page(editor, event, "action-submit", title="", end="kasnije")
    assert response.status_code == 200
    assert {"title", "end"} <= set(response.context["form"].errors)
    assert Revision.objects.count() == revisions
    assert not WorkflowState.objects.exists()


def test_editors_direct_publish_post_is_refused_and_logged(users, site, event, caplog):
    editor = as_user(users[EDITORS])
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = edit_page(editor, event, "action-publish", title="Objavljeno bez pregleda")
        message = editor.get(response["Location"]).content.decode()
        create_event(editor, site["event_index"], "action-publish", title="Nova bez pregleda")
    assert response.status_code == 302
    assert reload(event).title == "Dani klastera"
    assert not Revision.page_revisions.filter(object_id=str(event.pk), user=users[EDITORS]).exists()
    assert not EventPage.objects.filter(title="Nova bez pregleda").exists()
    assert len(refusals(caplog)) == 2
    assert "Publishing directly is reserved for administrators" in message


def test_publishers_bulk_publish_is_refused(users, site, caplog):
    event = EventPageFactory(parent=site["event_index"], draft=True, title="Nacrt")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={event.pk}"
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        as_user(users[PUBLISHERS]).post(url, {})
    assert not reload(event).live
    assert any("bulk publish" in message for message in refusals(caplog))


def test_approval_by_someone_outside_the_tasks_group_is_refused_and_logged(users, site, event, caplog):
    submit(event, users["author"])
    task_state = reload(event).current_workflow_task_state
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        for outsider in (users[EDITORS], users[TRANSLATORS], users[PUBLISHERS]):
            client = as_user(outsider)
            response = workflow_action(client, reload(event))
            # Back to the dashboard, which says why.
            assert (response.status_code, response["Location"]) == (302, "/admin/")
            dashboard = client.get("/admin/").content.decode()
            assert (
                "Only members of Administrators, Reviewers can approve the step &#x27;Content review&#x27;."
                in dashboard
            )
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert len(refusals(caplog)) == 3
    assert all("Only members of" in message for message in refusals(caplog))
    workflow_action(as_user(users[REVIEWERS]), reload(event))
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
