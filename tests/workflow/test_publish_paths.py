"""Every admin URL that can make content live, tried as each role.

Each path runs once per role against fresh content, and the cell says what a
person would notice: "live" (the content, or the scheduled revision, went live),
"refused" (nothing went live and the refusal was logged to "workflow.security"),
or "-" (nothing went live; Wagtail's own permissions stopped it, or the path
does not publish). Outside the workflow only Administrators may make content
live; through the workflow only an approver other than the author.
The list of paths, with how each is guarded, is in workflow/README.md.
"""

import datetime
import logging
from collections.abc import Callable
from typing import Any

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, Revision, WorkflowContentType
from wagtail_localize.models import Translation, TranslationSource

import pytest

from pages.models import EventPage, StandardPage
from snippets.models import Organisation
from tests.factories import EventPageFactory, OrganisationFactory, StandardPageFactory, translate
from tests.workflow.conftest import (
    approve,
    as_user,
    create_event,
    edit_page,
    event_form,
    make_user,
    reload,
    submit,
    unique_title,
    workflow_action,
)
from workflow.roles import (
    ADMINISTRATORS,
    CLUSTER_MANAGERS,
    EDITORS,
    PUBLISHERS,
    REVIEWERS,
    TRANSLATORS,
    WORKFLOW_NAME,
    WORKFLOW_SNIPPETS,
)

# A person in two groups is the realistic way to hold both "add/change" and
# "publish"; Wagtail would then let them publish past the workflow.
EDITOR_PUBLISHER = "Editors+Publishers"
ROLES = (EDITORS, REVIEWERS, PUBLISHERS, TRANSLATORS, CLUSTER_MANAGERS, EDITOR_PUBLISHER, ADMINISTRATORS)
LIVE, REFUSED, NONE = "live", "refused", "-"
L, R, N = LIVE, REFUSED, NONE
Check = Callable[[], bool]


@pytest.fixture
def people(users: dict) -> dict:
    people = {role: users[role] for role in ROLES if role in users}
    people[EDITOR_PUBLISHER] = make_user("editor-publisher", EDITORS, PUBLISHERS)
    return people


class Paths:
    """One method per publishing path: do it as ``user`` on fresh content. Each returns
    a check, called after the on-commit callbacks (wagtail-localize publishes on
    commit): True if the content went live (or a revision was scheduled to)."""

    def __init__(self, site: dict, users: dict) -> None:
        self.site, self.users = site, users
        self.en = Locale.objects.get(language_code="en")
        self._event_index_en: Page | None = None

    # -- content -----------------------------------------------------------------

    def live_event(self, **kwargs: Any) -> EventPage:
        return EventPageFactory(parent=self.site["event_index"], title=unique_title(), **kwargs)

    def english_draft(self) -> EventPage:
        """A live Serbian event and its English translation, saved as a draft."""
        if self._event_index_en is None:
            self._event_index_en = translate(self.site["event_index"], self.en)
        return translate(self.live_event(), self.en, publish=False)

    def english_snippet_draft(self) -> Organisation:
        return translate(OrganisationFactory(name=unique_title("Klaster")), self.en, publish=False)

    @staticmethod
    def organisation_form(organisation: Organisation | None = None, **overrides: Any) -> dict[str, Any]:
        data = {
            "name": organisation.name if organisation else unique_title("Klaster"),
            "short_name": "",
            "slug": organisation.slug if organisation else f"klaster-{unique_title('').strip()}",
            "kind": "partner",
            "description": "",
            "city": "",
            "website": "",
        }
        data.update(overrides)
        return data

    # -- pages -------------------------------------------------------------------

    def page_create_publish(self, user: Any) -> Check:
        title = unique_title()
        create_event(as_user(user), self.site["event_index"], "action-publish", title=title)
        return lambda: EventPage.objects.filter(title=title, live=True).exists()

    def page_edit_publish(self, user: Any) -> Check:
        page, title = self.live_event(), unique_title()
        edit_page(as_user(user), page, "action-publish", title=title)
        return lambda: reload(page).title == title

    def page_edit_schedule(self, user: Any) -> Check:
        page, title = self.live_event(), unique_title()
        go_live_at = timezone.localtime() + datetime.timedelta(days=1)
        edit_page(as_user(user), page, "action-publish", title=title, go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"))
        scheduled = Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        return scheduled.exists

    def page_bulk_publish(self, user: Any) -> Check:
        page = EventPageFactory(parent=self.site["event_index"], title=unique_title(), draft=True)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
        as_user(user).post(url, {"include_descendants": "on"})
        return lambda: reload(page).live

    def page_revision_revert_publish(self, user: Any) -> Check:
        page = self.live_event()
        old = page.latest_revision
        page.title = unique_title()
        page.save_revision().publish()
        title = unique_title()
        url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk])
        # The revert screen posts the editor form to its own URL.
        form = event_form(reload(page), title=title)
        form["action-publish"] = "1"
        as_user(user).post(url, form)
        return lambda: reload(page).title == title

    def page_copy_publish(self, user: Any) -> Check:
        page, title = self.live_event(), unique_title()
        url = reverse("wagtailadmin_pages:copy", args=[page.pk])
        data = {
            "new_title": title,
            "new_slug": f"kopija-{page.pk}",
            "new_parent_page": self.site["event_index"].pk,
            "publish_copies": "on",
        }
        as_user(user).post(url, data)
        return lambda: EventPage.objects.filter(title=title, live=True).exists()

    def page_copy_alias(self, user: Any) -> Check:
        page = self.live_event()
        slug = f"alias-{page.pk}"
        url = reverse("wagtailadmin_pages:copy", args=[page.pk])
        data = {
            "new_title": page.title,
            "new_slug": slug,
            "new_parent_page": self.site["event_index"].pk,
            "alias": "on",
        }
        as_user(user).post(url, data)
        return lambda: Page.objects.filter(slug=slug, live=True).exists()

    # -- snippets ----------------------------------------------------------------

    def snippet_create_publish(self, user: Any) -> Check:
        form = self.organisation_form()
        form["action-publish"] = "1"
        url = reverse("wagtailsnippets_snippets_organisation:add") + "?locale=sr-latn"
        as_user(user).post(url, form)
        return lambda: Organisation.objects.filter(name=form["name"], live=True).exists()

    def snippet_copy_publish(self, user: Any) -> Check:
        organisation = OrganisationFactory(name=unique_title("Klaster"))
        form = self.organisation_form(name=unique_title("Klaster"))
        form["action-publish"] = "1"
        as_user(user).post(reverse("wagtailsnippets_snippets_organisation:copy", args=[organisation.pk]), form)
        return lambda: Organisation.objects.filter(name=form["name"], live=True).exists()

    def snippet_edit_publish(self, user: Any) -> Check:
        organisation = OrganisationFactory(name=unique_title("Klaster"))
        form = self.organisation_form(organisation, name=unique_title("Klaster"))
        form["action-publish"] = "1"
        as_user(user).post(reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk]), form)
        return lambda: Organisation.objects.get(pk=organisation.pk).name == form["name"]

    def snippet_revision_revert_publish(self, user: Any) -> Check:
        organisation = OrganisationFactory(name=unique_title("Klaster"))
        old = organisation.save_revision()
        organisation.name = unique_title("Klaster")
        organisation.save_revision().publish()
        form = self.organisation_form(organisation, name=unique_title("Klaster"))
        form["action-publish"] = "1"
        url = reverse("wagtailsnippets_snippets_organisation:revisions_revert", args=[organisation.pk, old.pk])
        as_user(user).post(url, form)
        return lambda: Organisation.objects.get(pk=organisation.pk).name == form["name"]

    # -- wagtail-localize ----------------------------------------------------------

    def translation_editor_publish(self, user: Any) -> Check:
        page = self.english_draft()
        as_user(user).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
        return lambda: reload(page).live

    def snippet_translation_editor_publish(self, user: Any) -> Check:
        organisation = self.english_snippet_draft()
        url = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
        as_user(user).post(url, {"action": "publish"})
        return lambda: Organisation.objects.get(pk=organisation.pk).live

    def sync_translations_publish(self, user: Any) -> Check:
        """Finding 5: "Sync translated pages" with "Publish immediately"."""
        page = self.english_draft()
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=Locale.get_default())
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        as_user(user).post(url, {"publish_translations": "on"})
        return lambda: reload(page).live

    def translate_this_page(self, user: Any) -> Check:
        """'Translate this page' (with its subtree) saves drafts, for everyone."""
        page = self.live_event()
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        as_user(user).post(url, {"locales": [self.en.pk], "include_subtree": "on"})
        translations = EventPage.objects.filter(translation_key=page.translation_key, locale=self.en, live=True)
        return translations.exists

    def convert_to_alias(self, user: Any) -> Check:
        """An alias mirrors the live Serbian page, so converting a draft translation
        into one puts it live at its /en/ URL."""
        page = self.english_draft()
        as_user(user).post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
        return lambda: reload(page).live

    def restart_translation(self, user: Any) -> Check:
        page = self.english_draft()
        Translation.objects.filter(source__object_id=page.translation_key, target_locale=self.en).update(enabled=False)
        as_user(user).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"localize-restart-translation": "1"})
        return lambda: reload(page).live

    # -- the workflow itself -------------------------------------------------------

    def approve_last_step(self, user: Any) -> Check:
        page = self.live_event()
        title = unique_title()
        page.title = title
        submit(page, self.users["author"])
        approve(page, self.users["reviewer2"])
        workflow_action(as_user(user), reload(page))
        return lambda: reload(page).title == title

    def approve_own_last_step(self, user: Any) -> Check:
        page = self.live_event()
        title = unique_title()
        page.title = title
        submit(page, user)
        approve(page, self.users["reviewer2"])
        workflow_action(as_user(user), reload(page))
        return lambda: reload(page).title == title


#: path -> (Editors, Reviewers, Publishers, Translators, Cluster managers, Editors+Publishers, Administrators)
EXPECTED: dict[str, tuple[str, ...]] = {
    "page_create_publish": (R, N, N, N, N, R, L),
    "page_edit_publish": (R, R, N, N, N, R, L),
    "page_edit_schedule": (R, R, N, N, N, R, L),
    "page_bulk_publish": (R, R, R, R, R, R, L),
    "page_revision_revert_publish": (R, R, N, N, N, R, L),
    "page_copy_publish": (R, R, N, N, N, R, L),
    "page_copy_alias": (R, R, N, N, N, R, L),
    "snippet_create_publish": (R, N, N, N, N, R, L),
    "snippet_copy_publish": (R, N, N, N, N, R, L),
    "snippet_edit_publish": (R, R, N, R, N, R, L),
    "snippet_revision_revert_publish": (R, R, N, R, N, R, L),
    "translation_editor_publish": (R, R, N, R, N, R, L),
    "snippet_translation_editor_publish": (R, R, N, R, N, R, L),
    "sync_translations_publish": (R, N, N, N, N, R, L),
    "translate_this_page": (N, N, N, N, N, N, N),
    "convert_to_alias": (R, R, R, R, R, R, L),
    "restart_translation": (N, N, N, N, N, N, N),
    "approve_last_step": (R, R, L, R, R, L, L),
    "approve_own_last_step": (R, R, R, R, R, R, R),
}


def _cell(run: Callable[[Any], Check], user: Any, caplog: pytest.LogCaptureFixture, capture: Any) -> str:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="workflow.security"), capture(execute=True):
        went_live = run(user)
    if went_live():
        return LIVE
    logged = any(record.name == "workflow.security" for record in caplog.records)
    return REFUSED if logged else NONE


@pytest.mark.parametrize("path", list(EXPECTED))
def test_publish_path_as_each_role(path, site, users, people, caplog, django_capture_on_commit_callbacks):
    run = getattr(Paths(site, users), path)
    actual = tuple(_cell(run, people[role], caplog, django_capture_on_commit_callbacks) for role in ROLES)
    assert actual == EXPECTED[path], "\n".join(
        f"{role:<20} expected {want:<8} got {got}{'  (!)' if got != want else ''}"
        for role, want, got in zip(ROLES, EXPECTED[path], actual, strict=True)
    )


# -- finding 5 in detail: the sync as an editor ------------------------------------


def _sync_url(page: Page) -> str:
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=Locale.get_default())
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def test_sync_offers_publish_immediately_only_to_administrators(site, users):
    page = Paths(site, users).english_draft()
    url = _sync_url(page)
    editor_form = as_user(users[EDITORS]).get(url)
    assert editor_form.status_code == 200
    assert 'name="publish_translations"' not in editor_form.content.decode()
    admin_form = as_user(users[ADMINISTRATORS]).get(url)
    assert 'name="publish_translations"' in admin_form.content.decode()


def test_editor_sync_saves_drafts_and_a_forced_publish_is_refused(
    site, users, caplog, django_capture_on_commit_callbacks
):
    page = Paths(site, users).english_draft()
    source_page = page.get_translation(Locale.get_default())
    source_page.title = "Dani klastera 2027"
    source_page.save_revision().publish()
    url, editor = _sync_url(page), as_user(users[EDITORS])

    with (
        caplog.at_level(logging.WARNING, logger="workflow.security"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        refused = editor.post(url, {"publish_translations": "on"}, follow=True)
    assert not reload(page).live
    assert "reserved for administrators" in refused.content.decode()
    assert any("publish translations" in record.getMessage() for record in caplog.records)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=Locale.get_default())
    assert "Dani klastera 2027" not in str(source.export_po()), "a refused sync changes nothing"

    # The same sync without "Publish immediately" works and leaves a draft.
    with django_capture_on_commit_callbacks(execute=True):
        synced = editor.post(url, {}, follow=True)
    assert "Successfully updated translations" in synced.content.decode()
    assert not reload(page).live
    source.refresh_from_db()
    assert "Dani klastera 2027" in str(source.export_po())


# -- move, scheduler ------------------------------------------------------------------


def test_moving_a_page_does_not_publish_its_draft(site, people):
    for role in ROLES:
        page = StandardPageFactory(parent=site["home"], title=unique_title("Strana"))
        destination = StandardPageFactory(parent=site["home"], title=unique_title("Odredište"))
        live_title = page.title
        page.title = unique_title("Nacrt")
        page.save_revision()
        as_user(people[role]).post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
        moved = StandardPage.objects.get(pk=page.pk)
        assert moved.live and moved.title == live_title, role
        assert moved.has_unpublished_changes, role
        if role == ADMINISTRATORS:
            assert moved.get_parent().pk == destination.pk, "the move itself is allowed"


def _later(monkeypatch: pytest.MonkeyPatch, **delta: float) -> None:
    moved = timezone.now() + datetime.timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moved)


def test_scheduler_publishes_nothing_an_editor_scheduled_themselves(site, users, monkeypatch):
    """Wagtail schedules (approved_go_live_at) only when a revision is published, so an
    editor's go-live date on a draft, or on a submission still in review, does nothing."""
    editor = as_user(users[EDITORS])
    past = (timezone.localtime() - datetime.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    create_event(editor, site["event_index"], title="Nacrt sa datumom", slug="nacrt-sa-datumom", go_live_at=past)
    create_event(editor, site["event_index"], "action-submit", title="U pregledu", slug="u-pregledu", go_live_at=past)
    assert EventPage.objects.get(slug="u-pregledu").workflow_in_progress
    _later(monkeypatch, days=1)
    call_command("run_scheduler", "--once")
    assert not EventPage.objects.get(slug="nacrt-sa-datumom").live
    assert not EventPage.objects.get(slug="u-pregledu").live


def test_scheduler_publishes_the_approved_revision_not_a_later_draft(
    site, users, monkeypatch, django_capture_on_commit_callbacks
):
    page = EventPageFactory(parent=site["event_index"], title="Pre odobrenja", slug="zakazano")
    page.title = "Odobreno"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    submit(page, users["author"])
    approve(page, users[REVIEWERS])
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, users[PUBLISHERS])
    assert reload(page).title == "Pre odobrenja", "scheduled, not live yet"

    # An edit after the approval is a new draft; it is not what was approved.
    draft = reload(page)
    draft.title = "Neodobreno"
    draft.save_revision(user=users[EDITORS])

    _later(monkeypatch, hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once")
    assert reload(page).title == "Odobreno"


# -- every locale's tree and snippets -------------------------------------------------


def test_workflow_covers_every_locale_including_one_added_later(site, users):
    cyrl = Locale.objects.get_or_create(language_code="sr-cyrl")[0]
    # Added after setup_roles (the users fixture) ran, without running it again.
    home_cyrl = site["home"].copy_for_translation(cyrl)
    event = EventPageFactory(parent=site["event_index"], title=unique_title())
    en = Locale.objects.get(language_code="en")
    # Publishing the Serbian event may already have made its Cyrillic draft.
    pages = {
        "sr-latn": event,
        "en": event.copy_for_translation(en, copy_parents=True),
        "sr-cyrl home": home_cyrl,
        "sr-cyrl": event.get_translation_or_none(cyrl) or event.copy_for_translation(cyrl, copy_parents=True),
    }
    for name, page in pages.items():
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME, name

    organisation = OrganisationFactory()
    for locale in (en, cyrl):
        translated = organisation.get_translation_or_none(locale) or organisation.copy_for_translation(locale)
        translated.save()
        assert translated.get_workflow().name == WORKFLOW_NAME, locale
    assert {
        wct.content_type.model_class() for wct in WorkflowContentType.objects.select_related("content_type")
    } >= set(WORKFLOW_SNIPPETS)

    # Through the admin: an editor's new Cyrillic-only event goes into review, not live.
    title = unique_title("Догађај")
    response = create_event(as_user(users[EDITORS]), pages["sr-cyrl"].get_parent(), "action-submit", title=title)
    assert response.status_code == 302
    page = EventPage.objects.get(title=title)
    assert page.locale == cyrl
    assert page.workflow_in_progress and not page.live
