"""A translator's English page goes live only through the review workflow."""

import logging

from django.urls import reverse

from wagtail.models import Locale

from tests.factories import OrganisationFactory
from tests.workflow.conftest import as_user, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, TRANSLATORS


def test_translators_english_page_needs_both_approvals(users, site, event, caplog, django_capture_on_commit_callbacks):
    editor, translator = users[EDITORS], users[TRANSLATORS]
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(editor).post(
            reverse("wagtail_localize:submit_page_translation", args=[event.pk]), {"locales": [english.pk]}
        )
    assert response.status_code == 302
    page_en = event.get_translation(english)
    assert event.live
    assert not page_en.live, "wagtail-localize must not publish the translation by itself"
    assert page_en.get_workflow().name == "Review and publish"

    # The translator cannot publish from the translation editor ...
    edit_url = reverse("wagtailadmin_pages:edit", args=[page_en.pk])
    with (
        caplog.at_level(logging.WARNING, logger="workflow.security"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        as_user(translator).post(edit_url, {"action": "publish"})
    assert not reload(page_en).live
    assert any("direct publish" in record.getMessage() for record in caplog.records)

    # ... but submits the translation for review from the page explorer.
    explorer = as_user(translator).get(reverse("wagtailadmin_explore", args=[page_en.get_parent().pk]))
    assert "Submit translation for review" in explorer.content.decode()
    submit_url = reverse("workflow_submit_translation", args=[page_en.pk])
    assert as_user(translator).post(submit_url).status_code == 302
    page_en = reload(page_en)
    assert page_en.workflow_in_progress
    assert page_en.current_workflow_state.requested_by == translator
    assert not page_en.live

    workflow_action(as_user(users[REVIEWERS]), page_en)
    assert not reload(page_en).live
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(users[PUBLISHERS]), reload(page_en))
    assert reload(page_en).live


def test_translator_cannot_edit_serbian_source_snippets(users, caplog):
    organisation = OrganisationFactory(name="Srpski klaster")
    url = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = as_user(users[TRANSLATORS]).post(url, {"name": "Promenjeno", "slug": organisation.slug})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Srpski klaster"
    assert not organisation.revisions.filter(user=users[TRANSLATORS]).exists()
    assert any("source-language snippet" in record.getMessage() for record in caplog.records)
