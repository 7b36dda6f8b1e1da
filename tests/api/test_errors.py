"""Every error is application/problem+json with the same keys."""

import pytest

PROBLEM_KEYS = {"type", "title", "status", "detail", "code"}


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    return body


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/news/?colour=red", "colour"),
        ("/api/v1/news/?date_from=2026-13-01", "date_from"),
        ("/api/v1/news/?year=twenty", "year"),
        ("/api/v1/events/?start_from=yesterday", "start_from"),
        ("/api/v1/events/?upcoming=maybe", "upcoming"),
        ("/api/v1/events/?status=late", "status"),
        ("/api/v1/clusters/?label=platinum", "label"),
        ("/api/v1/clusters/?label_valid_on=31.12.2026", "label_valid_on"),
        ("/api/v1/projects/?active_on=2026-02-30", "active_on"),
        ("/api/v1/news/?limit=0", "limit"),
        (f"/api/v1/news/?limit={10**9}", "limit"),
        ("/api/v1/news/?limit=ten", "limit"),
        ("/api/v1/news/?offset=-1", "offset"),
        ("/api/v1/news/?ordering=lead", "ordering"),
        ("/api/v1/news/?fields=title,secret", "fields"),
        ("/api/v1/news/?fields=body", "fields"),
        ("/api/v1/news/?locale=xx", "locale"),
        ("/api/v1/news/?fallback=perhaps", "fallback"),
        ("/api/v1/sectors/?colour=red", "colour"),
        ("/api/v1/search/", "q"),
        ("/api/v1/search/?q=x&type=blogs", "type"),
        ("/api/v1/pages/resolve/", "path"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, content, url, parameter):
    body = problem(client.get(url), 400)
    assert body["code"] == "invalid_parameter"
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_several_unknown_parameters_are_all_named(client, content):
    body = problem(client.get("/api/v1/events/?b=1&a=2&upcoming=true"), 400)
    assert [error["parameter"] for error in body["errors"]] == ["a", "b"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/news/999999/",
        "/api/v1/news/12abc/",
        "/api/v1/news/no-such-slug/",
        "/api/v1/sectors/999999/",
        "/api/v1/images/999999/",
        "/api/v1/images/abc/",
        "/api/v1/documents/999999/",
        "/api/v1/pages/resolve/?path=/sr-latn/nema/",
        "/api/v1/pages/resolve/?path=/de/",
        "/api/v1/nothing-here/",
        "/api/nothing/",
    ],
)
def test_unknown_ids_and_paths_are_a_404(client, content, url):
    assert problem(client.get(url), 404)["code"] == "not_found"


def test_a_news_id_of_another_type_is_a_404(client, content):
    problem(client.get(f"/api/v1/news/{content['event'].pk}/"), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/news/", "/api/v1/news/{pk}/", "/api/v1/sectors/"])
def test_writes_are_a_405(client, content, method, url):
    response = getattr(client, method)(url.format(pk=content["news"].pk), {"title": "x"}, format="json")
    body = problem(response, 405)
    assert body["code"] == "method_not_allowed"
    assert "POST" not in response["Allow"]


def test_a_server_error_is_problem_json(client, content, monkeypatch):
    from api.serializers.pages import NewsSerializer

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(NewsSerializer, "load", classmethod(broken))
    body = problem(client.get("/api/v1/news/"), 500)
    assert "boom" not in body["detail"]


def test_too_many_requests_is_problem_json(client, content, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon_burst": "2/minute", "anon_sustained": "100/minute"},
    }
    for number in range(2):
        assert client.get(f"/api/v1/news/?offset={number}").status_code == 200
    response = client.get("/api/v1/news/?offset=5")
    body = problem(response, 429)
    assert body["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
