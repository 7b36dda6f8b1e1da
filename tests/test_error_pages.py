"""What a visitor sees when something goes wrong.

- A page that crashes shows the site's own 500 page (HTML, in the visitor's
  language, status 500), never a traceback or the error's text, and the error
  is logged for the operators.
- An unknown API address answers a problem+json 404, as every API error does
  (a partner's client parses it); an unknown site address gets the HTML 404 page.
"""

import json
import logging

from django.http import Http404
from django.test import Client
from django.utils import translation

import pytest

from localization.views import page_not_found, server_error
from pages.models import HomePage

SECRET = "database password is hunter2"


@pytest.fixture
def crashing_home(site, monkeypatch, settings):
    settings.DEBUG = False

    def serve(self, request, *args, **kwargs):
        raise RuntimeError(f"home page exploded: {SECRET}")

    monkeypatch.setattr(HomePage, "serve", serve)
    return site


@pytest.fixture
def visitor() -> Client:
    client = Client()
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "lang", "heading", "title"),
    [
        ("/en/", "en", "Something went wrong", "Server error"),
        ("/sr-latn/", "sr-Latn", "Nešto nije u redu", "Greška na serveru"),
    ],
)
def test_a_crashing_page_shows_the_sites_500_page_without_a_traceback(
    crashing_home, visitor, caplog, path, lang, heading, title
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = visitor.get(path)

    assert response.status_code == 500
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{title} – " in html
    assert f'href="/{path.strip("/")}/"' in html, "a way back to the home page in the same language"
    for leak in ("Traceback", "RuntimeError", "exploded", SECRET, "serve(self", "site-packages"):
        assert leak not in html

    # "We have been notified": the error and its traceback go to the log.
    errors = [record for record in caplog.records if record.name == "django.request"]
    assert len(errors) == 1
    assert errors[0].exc_info is not None
    assert isinstance(errors[0].exc_info[1], RuntimeError)


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/nothing/", "/api/v1/news/1/extra/", "/api/"])
def test_an_unknown_api_address_is_a_problem_json_404(site, visitor, path):
    response = visitor.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No endpoint at this address.",
        "code": "not_found",
    }


@pytest.mark.parametrize(
    ("path", "lang", "heading", "home"),
    [
        ("/en/nothing-here/", "en", "Page not found", ("/en/", "House of Clusters")),
        ("/sr-latn/nema-ovde/", "sr-Latn", "Stranica nije pronađena", ("/sr-latn/", "Kuća klastera")),
    ],
)
def test_an_unknown_site_address_is_the_html_404_page(site, visitor, path, lang, heading, home):
    response = visitor.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"<code>{path}</code>" in html
    # The site around it: the title, and a way back to this language's home page.
    home_url, site_name = home
    assert f"<title>{heading} – {site_name}</title>" in html
    assert f'<a href="{home_url}">' in html


def test_an_http404_raised_under_api_outside_the_api_views_is_problem_json(rf):
    response = page_not_found(rf.get("/api/v1/schema/missing/"), Http404())
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content) == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No endpoint at this address.",
        "code": "not_found",
    }


def test_an_unknown_address_without_a_language_ends_on_the_serbian_404_page(site, visitor):
    response = visitor.get("/nothing-here/", follow=True)
    assert response.redirect_chain == [("/sr-latn/nothing-here/", 302)]
    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Stranica nije pronađena</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("active", "lang", "heading", "home"),
    [
        ("en", "en", "Something went wrong", "/en/"),
        ("sr-cyrl", "sr-Cyrl", "Нешто није у реду", "/sr-cyrl/"),
        # No language chosen yet (the error came before the locale middleware): Serbian.
        (None, "sr-Latn", "Nešto nije u redu", "/sr-latn/"),
    ],
)
def test_the_500_page_speaks_the_active_language_or_serbian(rf, active, lang, heading, home):
    with translation.override(active, deactivate=True):
        response = server_error(rf.get("/bilo-gde/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="{home}">' in html
