"""The Content-Security-Policy breaks nothing: an administrator walks the admin (dashboard, page
editor with Draftail and the image chooser, wagtail-localize's translation editor, the preview),
a visitor reads a public page and a developer opens the API docs, in real Chromium, and the
browser reports no CSP violation anywhere (every frame included)."""

from typing import Any

from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest

from tests.browser import admin
from tests.factories import ImageFactory, NewsPageFactory, build_site, translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "csp-browser-password"
# Collected in every frame: the event carries the blocked directive and address.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} on ${document.location.href}`);
});
"""


@pytest.fixture
def newsroom(live_server):
    site = build_site()
    get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
    english = Locale.objects.get(language_code="en")
    image = ImageFactory(title="Naslovna fotografija")
    article = NewsPageFactory(
        parent=site["news_index"],
        title="Dan klastera u Nišu",
        slug="dan-klastera",
        lead="Klasteri iz regiona okupili su se u Nišu.",
        hero_image=image,
        body=[("paragraph", RichText("<p>Program <b>dana</b> klastera.</p>"))],
    )
    translate(site["news_index"], english, {"Vesti": "News"})
    translated = translate(article, english, {"Dan klastera u Nišu": "Cluster Day in Niš"})
    return {"url": live_server.url, "article": article, "english": translated}


@pytest.fixture
def watched_page(new_page):
    """A browser page that records CSP violations from events and from the console."""
    violations: list[str] = []
    page = new_page()
    page.context.expose_binding("reportCspViolation", lambda _source, text: violations.append(text))
    page.context.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(f"console: {message.text}"),
    )
    return page, violations


def settle(page: Any) -> None:
    page.wait_for_load_state("networkidle")


def test_admin_site_preview_and_api_docs_run_without_csp_violations(newsroom, watched_page):
    page, violations = watched_page
    base, article, english = newsroom["url"], newsroom["article"], newsroom["english"]

    admin.log_in(page, base, "admin", PASSWORD)
    settle(page)
    assert page.locator("h1").first.is_visible()

    # The page editor: Draftail holds the paragraph; the image chooser opens in a modal.
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    page.locator(".Draftail-Editor").first.wait_for()
    assert "Program" in page.locator(".Draftail-Editor").first.inner_text()
    chooser = page.locator(".chooser", has_text="Naslovna fotografija")
    chooser.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Change image").click()
    page.locator(".modal").get_by_text("Naslovna fotografija").first.wait_for()
    settle(page)
    page.keyboard.press("Escape")

    # The preview panel frames the rendered page from the same origin.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe, .w-preview iframe").first
    preview.locator("h1").get_by_text("Dan klastera u Nišu").wait_for()
    settle(page)

    # wagtail-localize's React translation editor for the English translation.
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    page.get_by_text("Klasteri iz regiona okupili su se u Nišu.", exact=True).first.wait_for()
    settle(page)

    # The public page, in Serbian and English.
    page.goto(f"{base}{article.url}")
    assert page.locator("h1").inner_text() == "Dan klastera u Nišu"
    page.goto(f"{base}{english.url}")
    assert page.locator("h1").inner_text() == "Cluster Day in Niš"
    settle(page)

    # Swagger UI from drf-spectacular's sidecar files renders the schema's operations.
    page.goto(f"{base}/api/v1/docs/")
    page.locator(".opblock").first.wait_for()
    settle(page)

    assert violations == []
