"""Security headers a browser receives: Content-Security-Policy, Permissions-Policy,
Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options and nosniff, on the public site,
the API and the admin."""

import pytest


def directives(header: str) -> dict[str, list[str]]:
    """Parse a CSP header into {directive: [sources]}."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.fixture
def pages(site, client):
    return {
        "site": client.get("/sr-latn/"),
        "english site": client.get("/en/"),
        "api": client.get("/api/v1/news/"),
        "api v2": client.get("/api/v2/pages/"),
        "admin login": client.get("/admin/login/"),
    }


@pytest.mark.parametrize("name", ["site", "english site", "api", "api v2", "admin login"])
def test_every_surface_sends_the_security_headers(pages, name):
    response = pages[name]
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("name", ["site", "english site", "api", "api v2"])
def test_the_site_and_the_api_allow_no_inline_script_or_style_and_no_framing(pages, name):
    policy = directives(pages[name]["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]


def test_only_the_admin_gets_inline_scripts_styles_and_same_origin_framing(pages):
    """Wagtail's admin widgets need inline scripts; the site and the API never get them."""
    policy = directives(pages["admin login"]["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_report_only_mode_sends_the_policy_without_enforcing_it(site, client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get("/sr-latn/")
    assert "Content-Security-Policy" not in response
    assert directives(response["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'"]


def test_the_server_error_page_may_use_its_inline_style_but_no_inline_script(rf):
    """templates/500.html stands alone with an inline <style>; scripts stay 'self' only."""
    from cms.csp import PathScopedCSPMiddleware
    from localization.views import server_error

    response = PathScopedCSPMiddleware(server_error)(rf.get("/sr-latn/vesti/"))
    assert response.status_code == 500
    assert "<style>" in response.content.decode()
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]
