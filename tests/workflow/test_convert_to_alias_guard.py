"""'Convert to alias page' on a draft translation: refused, explained and logged for
everyone but Administrators, since an alias mirrors the live source and so would put
the translation live without review."""

import logging

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

from tests.factories import EventPageFactory, translate
from tests.workflow.conftest import as_user, reload
from workflow.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, TRANSLATORS

REFUSAL = (
    "Converting a translation into an alias publishes it at once, so it is reserved for "
    "administrators. Translate the page and submit the translation for review instead."
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def english_draft(site):
    en = Locale.objects.get(language_code="en")
    translate(site["event_index"], en)
    event = EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")
    return translate(event, en, {"Dani klastera": "Cluster days"}, publish=False)


def convert(user, page, **headers):
    return as_user(user).post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]), headers=headers)


@pytest.mark.parametrize("role", [TRANSLATORS, EDITORS, PUBLISHERS])
def test_others_are_sent_back_to_the_editor_with_the_reason_and_it_is_logged(users, english_draft, role, caplog):
    user = users[role]
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = convert(user, english_draft)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english_draft.pk])
    assert [str(message).strip() for message in get_messages(response.wsgi_request)] == [REFUSAL]
    assert reload(english_draft).live is False
    assert reload(english_draft).alias_of_id is None
    [record] = [r for r in caplog.records if r.name == "workflow.security"]
    assert record.getMessage() == (
        f"Refused convert translation to alias by user {user.pk} ({user.username}) on Page 'Cluster days': "
        f"{REFUSAL} [POST /admin/localize/page/{english_draft.pk}/convert_to_alias/]"
    )


def test_the_admin_modal_gets_the_reason_as_json(users, english_draft):
    response = convert(users[TRANSLATORS], english_draft, x_requested_with="XMLHttpRequest")
    assert response.status_code == 403
    assert response.json() == {"step": "error", "error": REFUSAL}


def test_the_confirmation_screen_is_refused_too(users, english_draft):
    client = as_user(users[TRANSLATORS])
    response = client.get(reverse("wagtail_localize:convert_to_alias", args=[english_draft.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english_draft.pk])


def test_an_administrator_may_convert(users, english_draft):
    response = convert(users[ADMINISTRATORS], english_draft)
    assert response.status_code == 302
    assert reload(english_draft).alias_of_id is not None


def test_an_unknown_page_is_wagtail_localizes_404(users):
    response = as_user(users[TRANSLATORS]).post(reverse("wagtail_localize:convert_to_alias", args=[999999]))
    assert response.status_code == 404
