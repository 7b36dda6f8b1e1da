"""workflow.views.submit_translation ("Submit translation for review"): who is
refused, and what a second submission of the same translation does.

- Someone who may not edit the translated page is refused, told why, and the
  refusal is logged; nothing is saved and no review starts.
- Submitting again while the translation is in review changes nothing.
- Submitting again after the reviewer asked for changes resumes the same review
  with the updated translation (no second workflow, no duplicate page).
"""

import html
import logging
from typing import Any

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState
from wagtail_localize.models import Translation

import pytest

from tests.factories import EventPageFactory
from tests.translation.conftest import translate_strings
from tests.workflow.conftest import as_user, make_user, workflow_action
from workflow.roles import CLUSTER_MANAGERS, EDITORS, REVIEWERS, TRANSLATORS, setup_roles


@pytest.fixture
def people(site) -> dict[str, Any]:
    setup_roles()
    return {
        "editor": make_user("editor", EDITORS),
        "translator": make_user("translator", TRANSLATORS),
        "reviewer": make_user("reviewer", REVIEWERS),
        "manager": make_user("manager", CLUSTER_MANAGERS),
    }


@pytest.fixture
def english(people, site, django_capture_on_commit_callbacks) -> dict[str, Any]:
    """A live Serbian event whose English translation an editor has started (a synced draft)."""
    event = EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")
    en = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(people["editor"]).post(
            reverse("wagtail_localize:submit_page_translation", args=[event.pk]), {"locales": [en.pk]}
        )
    assert response.status_code == 302
    page = event.get_translation(en)
    assert not page.live
    translation = Translation.objects.get(source__object_id=event.translation_key, target_locale=en)
    return {
        "page": page,
        "translation": translation,
        "url": reverse("workflow_submit_translation", args=[page.pk]),
        "explore": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
    }


def states(page: Page) -> list[WorkflowState]:
    return list(WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)))


def texts(response) -> list[str]:
    """The messages the response leaves for the next page, as the reader sees them.

    Read from the request the client sent, which also holds messages still
    unread from earlier requests: each client here reads them after every request."""
    shown = [html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]
    response.client.cookies.pop("messages", None)
    return shown


def reload(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_who_cannot_edit_the_translation_is_refused_and_logged(people, english, caplog, method):
    manager, page = people["manager"], english["page"]
    revisions_before = Revision.objects.filter(object_id=str(page.pk)).count()

    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = getattr(as_user(manager), method)(english["url"])

    assert response.status_code == 302
    assert response["Location"] == english["explore"]
    assert texts(response) == ["You cannot edit this translation."]
    (record,) = [r for r in caplog.records if r.name == "workflow.security"]
    message = record.getMessage()
    assert message.startswith(f"Refused submit translation by user {manager.pk} (manager) on EventPage")
    assert "You cannot edit this translation." in message
    assert f"[{method.upper()} {english['url']}]" in message
    # Nothing was saved and no review started.
    assert states(page) == []
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions_before
    assert not reload(page).live


def test_a_refusal_asked_for_by_the_admins_modal_is_a_403_with_the_reason(people, english, caplog):
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = as_user(people["manager"]).post(english["url"], headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert response.json() == {"step": "error", "error": "You cannot edit this translation."}
    assert len([r for r in caplog.records if r.name == "workflow.security"]) == 1
    assert states(english["page"]) == []


def test_the_translator_sees_a_confirmation_before_anything_is_saved(people, english):
    response = as_user(people["translator"]).get(english["url"])
    assert response.status_code == 200
    assert "Submit translation for review" in response.content.decode()
    assert states(english["page"]) == []


def test_submitting_again_while_in_review_changes_nothing(people, english):
    translator, page = as_user(people["translator"]), english["page"]
    translate_strings(english["translation"], {"Dani klastera": "Cluster Days"})
    first = translator.post(english["url"])
    assert first.status_code == 302
    assert texts(first) == ["'Cluster Days' was submitted for review."]
    (state,) = states(page)
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()

    translate_strings(english["translation"], {"Dani klastera": "Days of Clusters"})
    again = translator.post(english["url"])

    assert again.status_code == 302
    assert again["Location"] == english["explore"]
    assert texts(again) == ["'Cluster Days' is already in review."]
    assert [s.pk for s in states(page)] == [state.pk]
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    assert reload(page).get_latest_revision_as_object().title == "Cluster Days"


def test_resubmitting_after_requested_changes_resumes_the_same_review(people, english):
    translator, page = as_user(people["translator"]), english["page"]
    translate_strings(english["translation"], {"Dani klastera": "Cluster Days"})
    first = translator.post(english["url"])
    assert first.status_code == 302
    assert texts(first) == ["'Cluster Days' was submitted for review."]
    (state,) = states(page)
    rejection = workflow_action(as_user(people["reviewer"]), reload(page), "reject", comment="Say 'Days'.")
    assert rejection.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    translate_strings(english["translation"], {"Dani klastera": "Cluster Days 2026"})
    response = translator.post(english["url"])

    assert response.status_code == 302
    assert texts(response) == ["'Cluster Days 2026' was submitted for review."]
    # The same review goes on: one workflow state, back in progress, at the step
    # that asked for changes, now looking at the updated translation.
    assert [s.pk for s in states(page)] == [state.pk]
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_states = TaskState.objects.filter(workflow_state=state).order_by("pk")
    assert [t.status for t in task_states] == [TaskState.STATUS_REJECTED, TaskState.STATUS_IN_PROGRESS]
    current = task_states.last()
    assert current.task.name == "Content review"
    assert current.revision.as_object().title == "Cluster Days 2026"
    assert current.revision.user == people["translator"]
    # Still one English page, still not live.
    en = Locale.objects.get(language_code="en")
    assert Page.objects.filter(translation_key=page.translation_key, locale=en).count() == 1
    assert not reload(page).live
