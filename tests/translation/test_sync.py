"""Syncing after the Serbian source changes loses no translation work."""

import json

from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation

from tests.factories import PersonFactory, translate
from tests.translation.conftest import translate_strings, translation_for

TRANSLATED = {
    "Konferencija klastera": "Cluster conference",
    "Godišnja konferencija.": "Annual conference.",
    "Hotel": "Hotel",
    "Niš": "Nis",
    "Agenda": "Agenda (PDF)",
    "<b>Prvi</b> pasus.": "<b>First</b> paragraph.",
    "Drugi pasus.": "Second paragraph.",
    "konferencija": "conference",
}


def paragraphs(*texts: str) -> str:
    # Stable block ids, as the editor keeps them when a paragraph is edited.
    return json.dumps(
        [
            {"type": "paragraph", "value": f"<p>{text}</p>", "id": f"00000000-0000-4000-8000-00000000000{number}"}
            for number, text in enumerate(texts)
        ]
    )


def needing_translation(translation) -> set[str]:
    """Source texts the editor shows as untranslated."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    return {
        segment.string.data
        for segment in segments
        if not StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=translation.target_locale
        ).exists()
    }


def test_sync_keeps_unchanged_translations_and_asks_for_the_changed_ones(
    admin_client, client, content, en, django_capture_on_commit_callbacks
):
    event = content["event"]
    event.body = paragraphs("<b>Prvi</b> pasus.", "Drugi pasus.")
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(content["event_index"], en, {"Događaji": "Events"})
        for snippet in (content["country"], content["person"], content["organisation"]):
            translate(snippet, en)
        english = translate(event, en, TRANSLATED)
    translation = translation_for(event, en)
    assert needing_translation(translation) == set()

    # The editor changes the intro and the second paragraph and names a new contact.
    new_contact = PersonFactory(name="Jovan Jovanović", slug="jovan-jovanovic", role="Koordinator")
    event.refresh_from_db()
    event.intro = "Godišnja konferencija klastera Balkana."
    event.body = paragraphs("<b>Prvi</b> pasus.", "Drugi pasus, dopunjen.")
    event.contact_person = new_contact
    event.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    assert needing_translation(translation) == {"Godišnja konferencija klastera Balkana.", "Drugi pasus, dopunjen."}
    english.refresh_from_db()
    assert english.title == "Cluster conference"
    assert english.city == "Nis"
    assert english.documents.get().title == "Agenda (PDF)"
    rendered = client.get(english.url).content.decode()
    assert "<b>First</b> paragraph." in rendered
    # Changed segments fall back to the new Serbian text until translated.
    assert "Godišnja konferencija klastera Balkana." in rendered
    assert "Drugi pasus, dopunjen." in rendered
    assert "Second paragraph." not in rendered

    # The newly referenced person was submitted for translation into English too.
    contact_en = english.contact_person
    assert contact_en.locale == en
    assert contact_en.translation_key == new_contact.translation_key
    assert needing_translation(translation_for(new_contact, en)) == {"Jovan Jovanović", "Koordinator"}


def test_a_translators_correction_survives_a_sync_with_machine_translation(
    admin_client, content, en, cyrl, settings, django_capture_on_commit_callbacks
):
    """Machine translation on sync fills only empty segments, and never English ones."""
    about = content["standard"]
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()  # offers the Cyrillic draft
        translate(about, en, {"O nama": "About us"}, publish=False)
    cyrillic_translation = translation_for(about, cyrl)
    translate_strings(cyrillic_translation, {"O nama": "О НАМА"})  # a translator's correction
    settings.SERBIAN_CYRILLIC_AUTO_TRANSLATE = False  # this time only the sync fills segments
    about.intro = "Ko smo i šta radimo."
    about.save_revision().publish()

    admin_client.post(
        reverse("wagtail_localize:update_translations", args=[cyrillic_translation.source.pk]),
        {"use_machine_translation": "on"},
    )
    strings = dict(
        StringTranslation.objects.filter(locale=cyrl, context__object=cyrillic_translation.source.object).values_list(
            "translation_of__data", "data"
        )
    )
    assert strings["O nama"] == "О НАМА"
    assert strings["Ko smo i šta radimo."] == "Ко смо и шта радимо."
    english_strings = dict(
        StringTranslation.objects.filter(locale=en, context__object=cyrillic_translation.source.object).values_list(
            "translation_of__data", "data"
        )
    )
    assert english_strings == {"O nama": "About us"}
