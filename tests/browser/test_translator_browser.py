"""A translator (not an admin) translates a news article into English in
wagtail-localize's editor in a real browser and submits it; after the reviewer's
and the publisher's approval the English page shows the translation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, TaskState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

import pytest

from tests.browser import admin
from tests.factories import NewsPageFactory, build_site, translate
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, TRANSLATORS, setup_roles

# The live server needs committed data, hence a transactional database;
# build_site() recreates the tree roots that the flush between tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "translator-browser-password"
ENGLISH = {
    "Dan klastera u Nišu": "Cluster Day in Niš",
    "Klasteri iz regiona okupili su se u Nišu.": "Clusters from the region gathered in Niš.",
}


@pytest.fixture
def newsroom(live_server):
    site = build_site()
    setup_roles()
    users = {}
    for username, group in (
        ("editor", EDITORS),
        ("translator", TRANSLATORS),
        ("reviewer", REVIEWERS),
        ("publisher", PUBLISHERS),
    ):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    # The translator works in an English admin.
    profile = UserProfile.get_for_user(users["translator"])
    profile.preferred_language = "en"
    profile.save()

    english = Locale.objects.get(language_code="en")
    article = NewsPageFactory(
        parent=site["news_index"],
        title="Dan klastera u Nišu",
        slug="dan-klastera",
        lead="Klasteri iz regiona okupili su se u Nišu.",
    )
    translate(site["news_index"], english, {"Vesti": "News"})  # the English section is live
    editor = Client()
    editor.force_login(users["editor"])
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    return {"url": live_server.url, "article": article, "english": article.get_translation(english), "users": users}


def log_in(page, base_url: str, username: str) -> None:
    admin.log_in(page, base_url, username, PASSWORD)


def translate_segment(page, source: str, translation: str) -> None:
    segment = page.locator("li", has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    # Saving is an API call; the segment shows "Saving..." until the server has it.
    segment.get_by_role("button", name="Edit").wait_for()
    assert segment.get_by_text(translation, exact=True).is_visible()


def approve(page: Page, username: str, users) -> None:
    client = Client()
    client.force_login(users[username])
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    # Back to the page's editor, with this step approved (a refused or invalid action also redirects).
    assert (response.status_code, response["Location"]) == (302, f"/admin/pages/{page.pk}/edit/")
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED


def test_translator_translates_submits_and_the_approved_page_shows_the_translation(newsroom, new_page):
    base, english, users = newsroom["url"], newsroom["english"], newsroom["users"]
    assert not english.live

    translator = new_page()
    log_in(translator, base, "translator")
    translator.goto(f"{base}/admin/pages/{english.pk}/edit/")
    # wagtail-localize's editor: the Serbian source of each segment with a Translate button.
    translator.get_by_text("Dan klastera u Nišu", exact=True).first.wait_for()
    for source, text in ENGLISH.items():
        translate_segment(translator, source, text)
    assert set(
        StringTranslation.objects.filter(locale=english.locale, translation_of__data__in=ENGLISH).values_list(
            "data", flat=True
        )
    ) == set(ENGLISH.values())

    # "Submit translation for review" (workflow/): the confirmation page, then submit.
    translator.goto(f"{base}{reverse('workflow_submit_translation', args=[english.pk])}")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Submit translation for review").click()
    english = Page.objects.get(pk=english.pk).specific
    assert english.workflow_in_progress and not english.live
    assert english.current_workflow_state.requested_by == users["translator"]

    approve(english, "reviewer", users)
    approve(english, "publisher", users)
    english = Page.objects.get(pk=english.pk).specific
    assert english.live

    reader = new_page()
    reader.goto(f"{base}{english.url}")
    assert reader.locator("h1").inner_text() == "Cluster Day in Niš"
    assert reader.locator("p.lead").inner_text() == "Clusters from the region gathered in Niš."
    assert reader.locator("html").get_attribute("lang") == "en"
    assert not reader.locator(".language-notice").count()
    reader.goto(f"{base}/en/vesti/")
    assert "Cluster Day in Niš" in reader.content()
