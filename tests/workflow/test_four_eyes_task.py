"""FourEyesApprovalTask answered directly: who gets actions, editor access and a lock,
what the refusal says, and whose submissions a reviewer's dashboard lists."""

import logging

from django.core.exceptions import PermissionDenied
from django.utils import translation

from wagtail.models import TaskState

import pytest

from tests.factories import EventPageFactory
from tests.workflow.conftest import make_user, refusals, reload, submit
from workflow.models import FourEyesApprovalTask, authors_of
from workflow.roles import EDITORS, REVIEW_TASK_NAME, REVIEWERS


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def review(users, event):
    """The event submitted by the author; its first step (review) in progress."""
    page = reload(event)
    page.title = "Dani klastera – izmena"
    submit(page, users["author"])
    task_state = reload(event).current_workflow_task_state
    assert task_state.task.name == REVIEW_TASK_NAME
    return {"page": reload(event), "task": task_state.task.specific, "state": task_state}


def test_the_author_gets_no_actions_no_editor_access_and_a_lock(users, review):
    task, page, author = review["task"], review["page"], users["author"]
    assert task.get_actions(page, author) == []
    assert task.user_can_access_editor(page, author) is False
    assert task.locked_for_user(page, author) is True
    assert task.refusal_reason(page, author) == (
        "You submitted or wrote this version, so you cannot approve it. "
        "Another member of Administrators, Reviewers must review it."
    )


def test_another_reviewer_gets_approve_and_reject_and_may_edit(users, review):
    task, page, reviewer = review["task"], review["page"], users[REVIEWERS]
    assert [name for name, _label, _modal in task.get_actions(page, reviewer)] == ["reject", "approve", "approve"]
    assert task.user_can_access_editor(page, reviewer) is True
    assert task.locked_for_user(page, reviewer) is False
    assert task.refusal_reason(page, reviewer) is None


def test_someone_outside_the_groups_is_told_who_may_approve(users, review):
    task, page = review["task"], review["page"]
    outsider = users[EDITORS]
    assert task.get_actions(page, outsider) == []
    assert task.refusal_reason(page, outsider) == (
        "Only members of Administrators, Reviewers can approve the step 'Content review'."
    )
    assert task.locked_for_user(page, outsider) is True


def test_a_superuser_who_did_not_write_it_may_approve(review, django_user_model):
    boss = django_user_model.objects.create_superuser("direktor", "direktor@example.org", "x")
    assert review["task"].refusal_reason(review["page"], boss) is None
    assert review["task"].get_actions(review["page"], boss) != []


def test_whoever_saved_the_revision_counts_as_an_author(users, review):
    state = review["state"]
    # Another editor saved the revision under review; the author submitted it.
    state.revision.user = users[EDITORS]
    state.revision.save(update_fields=["user"])
    assert authors_of(TaskState.objects.get(pk=state.pk)) == {users["author"].pk, users[EDITORS].pk}
    assert authors_of(None) == set()
    state.revision.user = None
    state.revision.save(update_fields=["user"])
    assert authors_of(TaskState.objects.get(pk=state.pk)) == {users["author"].pk}


def test_group_names_are_sorted_and_a_task_without_groups_says_so(roles):
    task = FourEyesApprovalTask.objects.create(name="Proba")
    assert task.group_names() == "-"
    task.groups.set([roles[REVIEWERS], roles[EDITORS]])
    assert task.group_names() == "Editors, Reviewers"


def test_a_reviewers_dashboard_lists_others_submissions_only(users, review, event, site):
    reviewer = users[REVIEWERS]
    task = review["task"]
    assert list(task.get_task_states_user_can_moderate(reviewer)) == [review["state"]]
    # The reviewer's own submission elsewhere is not waiting for them.
    own = EventPageFactory(parent=site["event_index"], title="Moj događaj", slug="moj-dogadjaj")
    submit(reload(own), reviewer)
    assert list(task.get_task_states_user_can_moderate(reviewer)) == [review["state"]]
    other_reviewer = users["reviewer2"]
    assert set(task.get_task_states_user_can_moderate(other_reviewer)) == {
        review["state"],
        reload(own).current_workflow_task_state,
    }


def test_the_task_describes_itself_in_the_admin():
    assert str(FourEyesApprovalTask.get_description()) == (
        "Members of the chosen groups approve this step; nobody can approve their own submission."
    )


def test_make_user_in_no_group_is_an_outsider(review):
    nobody = make_user("niko")
    assert review["task"].get_actions(review["page"], nobody) == []


def test_a_reviewer_who_submitted_their_own_change_gets_no_actions_and_a_lock(users, event):
    # A reviewer is in the step's group: only authorship keeps them from approving.
    reviewer = users[REVIEWERS]
    page = reload(event)
    page.title = "Dani klastera – moja izmena"
    submit(page, reviewer)
    page = reload(event)
    task = page.current_workflow_task.specific
    assert task.get_actions(page, reviewer) == []
    assert task.user_can_access_editor(page, reviewer) is False
    assert task.locked_for_user(page, reviewer) is True
    # Another reviewer still gets the usual three actions.
    assert [name for name, _label, _modal in task.get_actions(page, users["reviewer2"])] == [
        "reject",
        "approve",
        "approve",
    ]


def test_asked_about_an_object_outside_any_workflow_only_the_groups_count(users, review):
    task = review["task"]
    assert task.refusal_reason(None, users[REVIEWERS]) is None
    assert task.refusal_reason(None, users[EDITORS]) == (
        "Only members of Administrators, Reviewers can approve the step 'Content review'."
    )


def test_submissions_without_a_known_submitter_or_writer_still_wait_for_review(users, review):
    # A script or a since-deleted account leaves requested_by / the revision's user empty:
    # such a submission must stay on every reviewer's dashboard.
    state = review["state"]
    state.revision.user = None
    state.revision.save(update_fields=["user"])
    state.workflow_state.requested_by = None
    state.workflow_state.save(update_fields=["requested_by"])
    task = review["task"]
    assert list(task.get_task_states_user_can_moderate(users[REVIEWERS])) == [state]
    assert task.refusal_reason(review["page"], users[REVIEWERS]) is None


def test_an_approval_through_the_task_records_who_approved(users, review, django_capture_on_commit_callbacks):
    reviewer = users[REVIEWERS]
    with django_capture_on_commit_callbacks(execute=True):
        review["task"].on_action(review["state"], reviewer, "approve", comment="U redu.")
    state = TaskState.objects.get(pk=review["state"].pk)
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by == reviewer
    assert state.get_comment() == "U redu."


def test_a_refused_task_action_is_logged_with_who_what_where_and_why(users, review, caplog):
    author, state = users["author"], review["state"]
    with caplog.at_level(logging.WARNING, logger="workflow.security"), pytest.raises(PermissionDenied):
        review["task"].on_action(state, author, "approve")
    assert refusals(caplog) == [
        f"Refused workflow action 'approve' by user {author.pk} on task state {state.pk} (Content review): "
        "You submitted or wrote this version, so you cannot approve it. "
        "Another member of Administrators, Reviewers must review it."
    ]
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
