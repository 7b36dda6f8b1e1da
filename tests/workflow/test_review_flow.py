"""The two-step review through the admin views, four eyes, rejection, re-approval."""

import html
import logging
import re

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from pages.models import EventPage
from tests.factories import OrganisationFactory
from tests.workflow.conftest import as_user, create_event, edit_page, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS


def history_rows(response) -> list[tuple[str, str]]:
    """The page history as the editor reads it, newest first: (what happened, by whom)."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", response.content.decode(), re.S):
        cells = [
            html.unescape(" ".join(re.sub(r"<[^>]+>", " ", cell).split()))
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if len(cells) == 3:  # action, user, date
            rows.append((cells[0], cells[1]))
    return rows


def test_event_goes_live_only_after_review_and_publication_approval(users, site, django_capture_on_commit_callbacks):
    editor, reviewer, publisher = users[EDITORS], users[REVIEWERS], users[PUBLISHERS]
    response = create_event(as_user(editor), site["event_index"], "action-submit", title="Balkan Cluster Day")
    assert response.status_code == 302, response.content[:2000]
    page = EventPage.objects.get(title="Balkan Cluster Day")
    assert not page.live
    assert page.workflow_in_progress

    assert workflow_action(as_user(reviewer), page).status_code == 302
    page = reload(page)
    assert not page.live, "one approval is not enough"
    assert page.current_workflow_task.name == "Publication approval"

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(publisher), page)
    page = reload(page)
    assert page.live
    assert page.live_revision.user == editor, "the approved revision is the one the editor wrote"

    # The history shows each step with who did it.
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp").values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "editor") in actions
    assert ("wagtail.workflow.approve", "reviewer") in actions
    assert ("wagtail.workflow.approve", "publisher") in actions
    assert ("wagtail.publish", "publisher") in actions
    history = as_user(editor).get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert history_rows(history)[:4] == [
        ("Published Live version", "Publisher"),
        ("Approved at 'Publication approval'. 'Review and publish' complete", "Publisher"),
        ("Approved at 'Content review'. Next step 'Publication approval'", "Reviewer"),
        ("'Review and publish' started. Next step 'Content review'", "Editor"),
    ]


def test_nobody_approves_their_own_submission(users, site, event, caplog):
    reviewer, other_reviewer = users[REVIEWERS], users["reviewer2"]
    # A reviewer corrects a live event and submits the correction.
    assert edit_page(as_user(reviewer), event, "action-submit", title="Dani klastera 2026").status_code == 302
    page = reload(event)
    assert page.workflow_in_progress
    task_state = page.current_workflow_task_state

    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = workflow_action(as_user(reviewer), page)
    follow = as_user(reviewer).get(response["Location"])
    assert task_state.__class__.objects.get(pk=task_state.pk).status == "in_progress"
    assert any("cannot approve" in record.getMessage() for record in caplog.records)
    assert follow.status_code == 200

    # The editor shows the reason instead of an Approve button.
    editor_view = as_user(reviewer).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "you cannot approve it" in editor_view.content.decode()
    assert 'value="approve"' not in editor_view.content.decode()

    # Posting the approval through the editor is refused too.
    form_post = edit_page(as_user(reviewer), page, "action-workflow-action")
    assert form_post.status_code == 302
    assert reload(page).current_workflow_task.name == "Content review"

    workflow_action(as_user(other_reviewer), page)
    assert reload(page).current_workflow_task.name == "Publication approval"


def test_rejection_returns_the_page_to_the_author_with_the_comment(users, site, mailoutbox):
    editor, reviewer = users[EDITORS], users[REVIEWERS]
    create_event(as_user(editor), site["event_index"], "action-submit", title="Sajam")
    page = EventPage.objects.get(title="Sajam")
    workflow_action(as_user(reviewer), page, "reject", comment="Datum nije tačan.")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not reload(page).live

    # The author is told by e-mail and sees the comment in the editor.
    rejection = [m for m in mailoutbox if editor.email in m.to and "rejected" in m.subject.lower()]
    assert rejection, [(m.subject, m.to) for m in mailoutbox]
    assert "Datum nije tačan." in rejection[0].body
    content = as_user(editor).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Datum nije tačan." in content


def test_edits_during_review_need_approval_again(users, site, django_capture_on_commit_callbacks):
    editor, reviewer, publisher, other_publisher = (
        users[EDITORS],
        users[REVIEWERS],
        users[PUBLISHERS],
        users["publisher2"],
    )
    create_event(as_user(editor), site["event_index"], "action-submit", title="Radionica")
    page = EventPage.objects.get(title="Radionica")
    workflow_action(as_user(reviewer), page)
    assert reload(page).current_workflow_task.name == "Publication approval"

    # The publisher corrects the title before approving: the correction is new
    # content nobody has reviewed, so the review starts again.
    assert edit_page(as_user(publisher), page, title="Radionica (ispravljeno)").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(publisher), reload(page))
    page = reload(page)
    assert not page.live, "the corrected version has not been reviewed yet"
    assert page.current_workflow_task.name == "Content review"
    workflow_action(as_user(reviewer), page)
    # The publisher wrote this version, so another publisher must approve it.
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(publisher), reload(page))
    assert not reload(page).live
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(other_publisher), reload(page))
    page = reload(page)
    assert page.live and page.title == "Radionica (ispravljeno)"


def test_submission_and_approvals_send_emails(users, site, mailoutbox, django_capture_on_commit_callbacks):
    editor, reviewer, publisher = users[EDITORS], users[REVIEWERS], users[PUBLISHERS]
    create_event(as_user(editor), site["event_index"], "action-submit", title="Konferencija")
    page = EventPage.objects.get(title="Konferencija")
    to_reviewers = [m for m in mailoutbox if reviewer.email in m.to]
    assert to_reviewers and "Konferencija" in to_reviewers[0].subject
    assert editor.email not in {address for m in to_reviewers for address in m.to}

    mailoutbox.clear()
    workflow_action(as_user(reviewer), page)
    assert any(publisher.email in m.to for m in mailoutbox), "the publisher is asked for the second step"
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(publisher), reload(page))
    approved = [m for m in mailoutbox if editor.email in m.to]
    assert approved and "approved" in approved[0].subject.lower()
    assert len(mail.outbox) == len(mailoutbox)


def test_snippet_with_drafts_goes_through_the_same_workflow_with_four_eyes(users, site):
    editor, reviewer, publisher = users[EDITORS], users[REVIEWERS], users[PUBLISHERS]
    organisation = OrganisationFactory(name="Klaster Niš", live=False)
    organisation.save_revision(user=editor)
    organisation.get_workflow().start(organisation, editor)
    organisation.refresh_from_db()
    task_state = organisation.current_workflow_task_state
    url_name = "wagtailsnippets_snippets_organisation:workflow_action"

    def act(user, state):
        return as_user(user).post(reverse(url_name, args=[organisation.pk, "approve", state.pk]), {"comment": ""})

    act(editor, task_state)
    organisation.refresh_from_db()
    assert organisation.current_workflow_task.name == "Content review"
    act(reviewer, task_state)
    organisation.refresh_from_db()
    assert organisation.current_workflow_task.name == "Publication approval"
    act(publisher, organisation.current_workflow_task_state)
    organisation.refresh_from_db()
    assert organisation.live
    assert ModelLogEntry.objects.filter(action="wagtail.workflow.approve", user=publisher).exists()
