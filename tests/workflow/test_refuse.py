"""workflow.security.refuse: what a refused user reads, where they are sent, and the log line."""

import json
import logging

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

import pytest

from tests.workflow.conftest import refusals
from workflow.security import refuse


def admin_request(method: str = "post", path: str = "/admin/pages/7/edit/", **headers):
    request = getattr(RequestFactory(), method)(path, headers=headers)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.django_db
def test_without_a_destination_the_user_is_sent_back_where_they_were(django_user_model, caplog):
    request = admin_request()
    request.user = django_user_model.objects.create_user("urednik")
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = refuse(request, "publish", "Samo administratori.")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/7/edit/"
    assert [str(m).strip() for m in get_messages(request)] == ["Samo administratori."]
    assert refusals(caplog) == [
        f"Refused publish by user {request.user.pk} (urednik) on - '': Samo administratori. "
        "[POST /admin/pages/7/edit/]"
    ]


@pytest.mark.django_db
def test_a_given_destination_wins(django_user_model):
    request = admin_request()
    request.user = django_user_model.objects.create_user("urednik")
    response = refuse(request, "publish", "Ne.", redirect_to="/admin/")
    assert response["Location"] == "/admin/"


def test_a_request_without_a_user_is_refused_as_anonymous(caplog):
    # E.g. a view reached before the authentication middleware ran.
    request = admin_request()
    with caplog.at_level(logging.WARNING, logger="workflow.security"):
        response = refuse(request, "workflow approve", "Ne.", target="Dani klastera")
    assert response.status_code == 302
    assert refusals(caplog) == [
        "Refused workflow approve by user None () on str 'Dani klastera': Ne. [POST /admin/pages/7/edit/]"
    ]


def test_the_admins_modal_gets_json(caplog):
    request = admin_request(x_requested_with="XMLHttpRequest")
    response = refuse(request, "workflow approve", "Ne.")
    assert response.status_code == 403
    assert json.loads(response.content) == {"step": "error", "error": "Ne."}
