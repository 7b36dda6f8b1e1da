"""api.errors: the exact problem+json a client gets for each kind of error, and the
headers that tell it what to do next (Retry-After, Allow)."""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404

import pytest
from rest_framework import exceptions

from api.errors import InvalidParameters, exception_handler, problem


class ListView:
    allowed_methods = ["GET", "HEAD", "OPTIONS"]


def handled(exc: Exception, view=None):
    response = exception_handler(exc, {"view": view} if view is not None else {})
    assert response.content_type == "application/problem+json"
    return response


def test_a_problem_is_named_after_its_status_unless_given_a_code():
    assert problem(429) == {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "",
        "code": "too_many_requests",
    }
    assert problem(404, "Nema.", "not_found", valid=None, errors=[]) == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Nema.",
        "code": "not_found",
        "errors": [],  # empty is kept; only None is left out
    }


def test_invalid_parameters_name_each_one_and_the_valid_values():
    exc = InvalidParameters({"locale": "unknown locale 'xx'", "colour": "unknown parameter"}, valid=["sr-latn", "en"])
    response = handled(exc)
    assert response.status_code == 400
    assert response.data == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "locale: unknown locale 'xx'; colour: unknown parameter",
        "code": "invalid_parameter",
        "errors": [
            {"parameter": "locale", "message": "unknown locale 'xx'"},
            {"parameter": "colour", "message": "unknown parameter"},
        ],
        "valid": ["sr-latn", "en"],
    }
    assert "valid" not in handled(InvalidParameters({"colour": "unknown parameter"})).data


def test_nested_validation_details_are_flattened_into_one_sentence():
    response = handled(exceptions.ValidationError({"date": ["Enter a date.", "Too early."], "q": "Required."}))
    assert response.status_code == 400
    assert response.data["detail"] == "date: Enter a date.; Too early.; q: Required."
    # Several codes: the exception's own default code.
    assert response.data["code"] == "invalid"
    assert handled(exceptions.ValidationError(["a", "b"])).data["detail"] == "a; b"


@pytest.mark.parametrize(("wait", "retry_after"), [(0.2, "1"), (1.0, "1"), (2.1, "3"), (59.0, "59")])
def test_a_throttled_client_is_told_when_to_retry_in_whole_seconds(wait, retry_after):
    response = handled(exceptions.Throttled(wait=wait))
    assert response.status_code == 429
    assert response["Retry-After"] == retry_after
    assert response.data["code"] == "throttled"


def test_without_a_known_wait_there_is_no_retry_after():
    response = handled(exceptions.Throttled())
    assert response.status_code == 429
    assert "Retry-After" not in response


def test_a_405_lists_the_methods_the_view_allows():
    response = handled(exceptions.MethodNotAllowed("POST"), view=ListView())
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.data["detail"] == 'Method "POST" not allowed.'
    assert response.data["code"] == "method_not_allowed"
    assert "Allow" not in handled(exceptions.MethodNotAllowed("POST"))


def test_djangos_404_and_403_become_problems_too():
    assert handled(Http404("secret path detail")).data == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Not found.",
        "code": "not_found",
    }
    forbidden = handled(PermissionDenied("internal reason"))
    assert forbidden.status_code == 403
    assert forbidden.data["code"] == "permission_denied"
    assert forbidden.data["detail"] == "You do not have permission to perform this action."


def test_an_unexpected_error_is_a_500_that_tells_nothing_and_is_logged(settings, caplog):
    settings.DEBUG = False
    error = RuntimeError("database password is hunter2")
    with caplog.at_level(logging.ERROR, logger="api.errors"):
        response = handled(error)
    assert response.status_code == 500
    assert response.data == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "An unexpected error occurred.",
        "code": "server_error",
    }
    [record] = [r for r in caplog.records if r.name == "api.errors"]
    assert record.getMessage() == "Unhandled error in the API"
    assert record.exc_info[1] is error


def test_with_debug_on_django_shows_the_traceback_page(settings):
    settings.DEBUG = True
    assert exception_handler(RuntimeError("boom"), {}) is None
