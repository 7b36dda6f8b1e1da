"""Edges of the one visibility rule (security.visibility): a translation moved out of
its restricted source's subtree stays hidden, and the admin's draft view still shows
pages that visitors may not see."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

from rest_framework.test import APIClient

from tests.factories import StandardPageFactory, restrict, translate


def test_a_translation_moved_out_of_a_restricted_subtree_is_still_hidden(site):
    en = Locale.objects.get(language_code="en")
    private = StandardPageFactory(parent=site["home"], title="Odbor", slug="odbor")
    minutes = StandardPageFactory(parent=private, title="Zapisnik", slug="zapisnik", intro="Tajni zapisnik.")
    translate(private, en, {"Odbor": "Board"})
    english = translate(minutes, en, {"Zapisnik": "Minutes", "Tajni zapisnik.": "Secret minutes."})
    # Moved in English only: its English ancestors are no longer translations of restricted pages.
    english.move(Page.objects.get(pk=site["home_en"].pk), pos="last-child")
    english = Page.objects.get(pk=english.pk).specific
    assert english.url == "/en/zapisnik/"
    restrict(private, PageViewRestriction.LOGIN)

    client = APIClient()
    response = client.get(english.url)
    assert response.status_code == 302
    assert "Secret minutes." not in response.content.decode()
    assert client.get(f"/api/v2/pages/{english.pk}/").status_code == 404
    assert client.get(f"/api/v1/pages/resolve/?path={english.url}").status_code == 404
    assert b"/en/zapisnik/" not in client.get("/sitemap.xml").content


def test_the_admin_draft_view_still_shows_an_expired_or_restricted_page(site):
    en = Locale.objects.get(language_code="en")
    page = StandardPageFactory(parent=site["home"], title="Istekla", slug="istekla", intro="Tekst za urednike.")
    english = translate(page, en, {"Tekst za urednike.": "Text for editors."})
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    restrict(page, PageViewRestriction.LOGIN)
    client = APIClient()
    assert client.get(page.url).status_code == 404  # visitors
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert "Tekst za urednike." in response.content.decode()
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[english.pk]))
    assert response.status_code == 200
    assert "Text for editors." in response.content.decode()
