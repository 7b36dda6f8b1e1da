"""The Serbian Cyrillic edition: offered as a draft translation on publish, filled
by transliteration, corrected by translators, reviewed, and served at /sr-cyrl/."""

import re

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

import pytest

from localization.cyrillic import build_cyrillic_edition
from tests.factories import NewsPageFactory
from tests.translation.conftest import translate_strings, translation_for


@pytest.fixture
def article(site, cyrl, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return NewsPageFactory(
            parent=site["news_index"],
            title="Ljubav prema ESCA klasterima",
            slug="ljubav-esca",
            lead="Piši na info@klasteri.rs ili poseti https://klasteri.rs/nj.",
        )


def test_publishing_a_serbian_page_offers_its_cyrillic_draft(article, cyrl, site):
    cyrillic = article.get_translation(cyrl)
    assert not cyrillic.live, "the Cyrillic page waits for review like any translation"
    revision = cyrillic.get_latest_revision_as_object()
    assert revision.title == "Љубав према ESCA кластерима"
    assert revision.lead == "Пиши на info@klasteri.rs или посети https://klasteri.rs/nj."
    assert cyrillic.slug == "ljubav-esca"  # Latin slugs stay readable
    # Its ancestors were offered too, so the tree is complete.
    assert site["news_index"].get_translation(cyrl).title == "Вести"
    assert site["home"].get_translation(cyrl).title == "Кућа клaстера".replace("a", "а")
    # Marked as machine translations, which the editor shows for review.
    types = set(
        StringTranslation.objects.filter(
            locale=cyrl, context__object=translation_for(article, cyrl).source.object
        ).values_list("translation_type", flat=True)
    )
    assert types == {"machine"}


def test_a_translators_correction_survives_the_next_publish(article, cyrl, django_capture_on_commit_callbacks):
    translation = translation_for(article, cyrl)
    translate_strings(translation, {"Ljubav prema ESCA klasterima": "Љубав према ЕСЦА кластерима"})
    article.lead = "Novi uvod."
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    draft = article.get_translation(cyrl).get_latest_revision_as_object()
    assert draft.title == "Љубав према ЕСЦА кластерима"
    assert draft.lead == "Нови увод."


def test_a_live_cyrillic_page_changes_only_after_approval(article, cyrl, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for page in Page.objects.filter(locale=cyrl).order_by("path"):
            page.get_latest_revision().publish()
    cyrillic = article.get_translation(cyrl)
    assert client.get(cyrillic.url).status_code == 200

    article.title = "Ljubav prema klasterima"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    cyrillic.refresh_from_db()
    assert cyrillic.live and cyrillic.title == "Љубав према ESCA кластерима"  # still the approved text
    assert cyrillic.has_unpublished_changes
    assert cyrillic.get_latest_revision_as_object().title == "Љубав према кластерима"


def test_cyrillic_edition_renders_in_cyrillic_with_urls_and_emails_intact(article, cyrl, client, site):
    build_cyrillic_edition(publish=True)
    cyrillic = article.get_translation(cyrl)
    assert cyrillic.url == "/sr-cyrl/vesti/ljubav-esca/"
    response = client.get(cyrillic.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="sr-Cyrl">' in content
    assert "Љубав према ESCA кластерима" in content
    assert "info@klasteri.rs" in content and "https://klasteri.rs/nj" in content
    assert client.get(article.url).status_code == 200  # the Latin page too
    assert client.get("/sr-cyrl/").status_code == 200
    hreflang = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content))
    assert hreflang["sr-Cyrl"] == "http://localhost/sr-cyrl/vesti/ljubav-esca/"
    assert hreflang["sr-Latn"] == "http://localhost/sr-latn/vesti/ljubav-esca/"


def test_language_switcher_names_each_language_in_its_own_script(article, client):
    content = client.get(article.url).content.decode()
    switcher = content.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    assert ">Srpski</a>" in switcher
    assert "Српски" in switcher
    assert "English" in switcher


def test_translator_can_open_the_cyrillic_draft_in_the_translation_editor(article, cyrl, admin_client):
    cyrillic = article.get_translation(cyrl)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[cyrillic.pk]))
    assert response.status_code == 200
    content = response.content.decode().replace("&quot;", '"')
    # The editor offers the transliterator for the segments still to check.
    assert '"machineTranslator": {"name": "Serbian Latin \\u2192 Cyrillic transliteration"' in content


def test_nothing_is_offered_without_the_cyrillic_locale(site):
    page = NewsPageFactory(parent=site["news_index"], title="Vest", slug="vest")
    assert page.get_translations().count() == 0
