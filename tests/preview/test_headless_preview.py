"""Headless preview: a signed token shows one page's draft revision, nothing else does."""

import time
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import pytest
from rest_framework.test import APIClient

from preview.models import HeadlessSettings
from preview.tokens import make_token
from tests import factories as f
from workflow.roles import EDITORS, setup_roles

DRAFT_TITLE = "Nacrt: novi naslov"


@pytest.fixture
def news(site):
    page = f.NewsPageFactory(parent=site["news_index"], title="Objavljeno", slug="objavljeno")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def draft(news):
    news.title = DRAFT_TITLE
    revision = news.save_revision()
    return revision


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def preview(api: APIClient, token: str, **extra: str):
    return api.get("/api/v1/preview/", {"token": token, **extra})


def test_token_shows_the_draft_in_the_detail_shape(api, news, draft):
    published = api.get(f"/api/v1/news/{news.pk}/").json()
    response = preview(api, make_token(news.pk, draft.pk))
    assert response.status_code == 200
    body = response.json()
    assert list(body) == list(published)
    assert body["title"] == DRAFT_TITLE and published["title"] == "Objavljeno"
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_expired_token_is_401(api, news, draft, monkeypatch, settings):
    settings.HEADLESS_PREVIEW_SECONDS = 60
    token = make_token(news.pk, draft.pk)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 61)
    response = preview(api, token)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "token_expired"


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + ("aa" if t[-2:] != "aa" else "bb"), lambda t: "garbage"])
def test_tampered_token_is_401(api, news, draft, mangle):
    response = preview(api, mangle(make_token(news.pk, draft.pk)))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_token"


def test_revision_of_another_page_is_403(api, site, news, draft):
    other = f.NewsPageFactory(parent=site["news_index"], title="Druga", slug="druga")
    response = preview(api, make_token(other.pk, draft.pk))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_deleted_page_is_404(api, news, draft):
    token = make_token(news.pk, draft.pk)
    news.delete()
    response = preview(api, token)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"


def test_missing_token_and_unknown_parameter_are_400(api, news, draft):
    missing = api.get("/api/v1/preview/")
    assert missing.status_code == 400
    assert missing["Content-Type"] == "application/problem+json"
    assert [e["parameter"] for e in missing.json()["errors"]] == ["token"]
    unknown = preview(api, make_token(news.pk, draft.pk), locale="en")
    assert unknown.status_code == 400
    assert unknown["Content-Type"] == "application/problem+json"
    assert [e["parameter"] for e in unknown.json()["errors"]] == ["locale"]


@pytest.fixture
def editor(site):
    setup_roles()
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_other_parameters_and_sessions_never_show_drafts(client, editor, news, draft):
    client.force_login(editor)
    for query in ({}, {"preview": "1"}, {"revision": str(draft.pk)}, {"draft": "true"}):
        for url in (f"/api/v1/news/{news.pk}/", "/api/v1/news/", f"/api/v2/pages/{news.pk}/"):
            response = client.get(url, query)
            assert DRAFT_TITLE not in response.content.decode(), (url, query)


def test_editor_sees_the_button_and_is_sent_to_the_front_end(client, editor, news, draft):
    settings_row = HeadlessSettings.for_site(news.get_site())
    settings_row.preview_url = "https://partner.example.org/preview"
    settings_row.save()
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{news.pk}/edit/")
    assert "Preview on partner site" in edit.content.decode()
    response = client.get(f"/admin/headless-preview/{news.pk}/")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://partner.example.org/preview?token=")
    query = parse_qs(urlsplit(location).query)
    assert query["type"] == ["news"] and query["id"] == [str(news.pk)]
    token = query["token"][0]
    assert preview(APIClient(), token).json()["title"] == DRAFT_TITLE


def test_without_front_end_the_editor_gets_the_api_preview(client, editor, news, draft):
    client.force_login(editor)
    response = client.get(f"/admin/headless-preview/{news.pk}/")
    assert response["Location"].startswith("/api/v1/preview/?token=")


def test_user_without_edit_permission_is_refused(client, news, draft, caplog):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/headless-preview/{news.pk}/")
    # Wagtail's admin refusal: back to the dashboard, which says so; no token anywhere.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Sorry, you do not have permission to access this area." in client.get("/admin/").content.decode()
    assert "Headless preview refused" in caplog.text


def test_preview_answers_cross_origin(api, news, draft):
    response = api.get(
        "/api/v1/preview/", {"token": make_token(news.pk, draft.pk)}, HTTP_ORIGIN="https://partner.example.org"
    )
    assert response["Access-Control-Allow-Origin"] == "*"
