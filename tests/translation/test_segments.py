"""What a translator is offered in wagtail-localize's editor for each page type and
snippet: text, rich text, StreamField text, captions and alt text are segments to
translate; dates, coordinates, e-mails, URLs, images, documents and foreign keys
are synchronised from the Serbian source."""

import datetime
import json
from decimal import Decimal

from pages.models import GalleryImage
from tests.factories import DocumentFactory, ImageFactory, translate
from tests.translation.conftest import overridable_paths, related_paths, translatable_strings


def full_body(image, document) -> str:
    return json.dumps(
        [
            {"type": "paragraph", "value": '<p>Tekst sa <a href="https://klasteri.rs/o-nama">vezom</a>.</p>'},
            {"type": "heading", "value": {"text": "Naslov odeljka", "level": "h2"}},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Učesnici u sali", "caption": "Otvaranje", "credit": "Foto"},
            },
            {"type": "quote", "value": {"text": "Saradnja je ključ.", "attribution": "Direktorka"}},
            {"type": "documents", "value": {"heading": "Dokumenta", "documents": [{"document": document.pk}]}},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Prijavite se",
                    "text": "Mesta su ograničena.",
                    "button_label": "Prijava",
                    "page": None,
                    "url": "https://example.org/prijava",
                },
            },
        ]
    )


def suffixes(paths) -> set[str]:
    """Context paths without the StreamField block ids: "body.<uuid>.caption" -> "body.caption"."""
    out = set()
    for path in paths:
        parts = path.split(".")
        out.add(".".join(part for part in parts if len(part) != 36 or part.count("-") != 4))
    return out


def test_news_article_offers_its_text_and_synchronises_the_rest(content):
    news = content["news"]
    news.body = full_body(ImageFactory(), DocumentFactory())
    news.save_revision().publish()

    strings = translatable_strings(news)
    assert set(strings.values()) >= {
        "Dan klastera u Nišu",
        "Klasteri su se okupili u Nišu.",
        'Tekst sa <a id="a1">vezom</a>.',  # rich text: the link is a placeholder, its URL is not text
        "Naslov odeljka",
        "Učesnici u sali",  # alt text
        "Otvaranje",  # caption
        "Saradnja je ključ.",
        "Dokumenta",
        "Prijavite se",
        "Mesta su ograničena.",
        "Prijava",
        "Program",  # the attached document's link text
    }
    assert not any("https://" in text for text in strings.values())
    synchronised = suffixes(overridable_paths(news))
    # The rich text's link is synchronised too: its URL, not text to translate.
    assert synchronised == {
        "hero_image",
        "body.image",
        "body.url",
        "body.'https://klasteri.rs/o-nama'",
        "documents.document",
        "project",
    }
    assert "date" not in suffixes(strings)


def test_event_offers_text_translates_snippets_and_synchronises_facts(content):
    event = content["event"]
    event.latitude, event.longitude = Decimal("43.320902"), Decimal("21.895759")
    event.registration_url = "https://example.org/registracija"
    event.street_address = "Bulevar Nemanjića 12"
    event.save_revision().publish()

    strings = translatable_strings(event)
    assert {"title", "intro", "venue", "city", "street_address"} <= suffixes(strings)
    assert "Agenda" in strings.values()
    for fact in ("start", "end", "time_zone", "status", "latitude", "longitude", "registration_url"):
        assert fact not in suffixes(strings)
    # Snippets are translated (the English page points at the English person and country).
    assert related_paths(event) == {"contact_person", "country"}


def test_event_translation_keeps_dates_coordinates_and_links(content, en, django_capture_on_commit_callbacks):
    event = content["event"]
    event.latitude, event.longitude = Decimal("43.320902"), Decimal("21.895759")
    event.registration_url = "https://example.org/registracija"
    event.save_revision().publish()
    translate(content["event_index"], en, {"Događaji": "Events"})
    for snippet in (content["country"], content["person"], content["organisation"]):
        translate(snippet, en, {"Srbija": "Serbia"})
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(event, en, {"Konferencija klastera": "Cluster conference"})
    english.refresh_from_db()
    assert english.title == "Cluster conference"
    # Revisions store times to the millisecond; readers see minutes.
    assert english.start.replace(microsecond=0) == event.start.replace(microsecond=0)
    assert english.end.replace(microsecond=0) == event.end.replace(microsecond=0)
    assert english.time_zone == event.time_zone
    assert (english.latitude, english.longitude) == (Decimal("43.320902"), Decimal("21.895759"))
    assert english.registration_url == "https://example.org/registracija"
    assert english.hero_image_id == event.hero_image_id
    assert english.country.name == "Serbia" and english.country.locale == en
    assert english.documents.get().document_id == event.documents.get().document_id


def test_cluster_profile_translates_text_and_synchronises_contacts(content):
    cluster = content["cluster"]
    cluster.email, cluster.website = "info@klaster.rs", "https://klaster.rs"
    cluster.region = "Nišavski okrug"
    cluster.body = full_body(ImageFactory(), DocumentFactory())
    cluster.save_revision().publish()

    strings = translatable_strings(cluster)
    assert {"title", "intro", "city", "region"} <= suffixes(strings)
    assert "Učesnici u sali" in strings.values()
    for fact in ("email", "website", "founded_year", "latitude", "longitude"):
        assert fact not in suffixes(strings)
    assert "logo" in overridable_paths(cluster)
    assert related_paths(cluster) == {"cluster_manager", "country"}


def test_gallery_offers_captions_and_alt_text_and_keeps_the_photos(content):
    gallery = content["gallery"]
    gallery.gallery_images.add(
        GalleryImage(image=ImageFactory(), caption="Panel", alt_text="Govornici na bini", credit="Marko M.")
    )
    gallery.date = datetime.date(2024, 5, 10)
    gallery.save_revision().publish()

    strings = translatable_strings(gallery)
    assert {"Otvaranje", "Panel", "Govornici na bini", "Marko M."} <= set(strings.values())
    assert {"gallery_images.image", "event"} <= suffixes(overridable_paths(gallery))
    assert "date" not in suffixes(strings)


def test_project_and_standard_page_offer_their_text(content):
    assert {"title", "slug", "intro"} <= set(translatable_strings(content["project"]))
    assert "acronym" in overridable_paths(content["project"])  # "ESCA" stays "ESCA"
    assert related_paths(content["project"]) == {"lead_partner", "programme"}
    assert set(translatable_strings(content["standard"])) == {"title", "slug", "intro"}


def test_snippets_offer_names_and_descriptions_and_keep_identifiers(content):
    organisation = content["organisation"]
    organisation.description = "Najveći univerzitet na jugu Srbije."
    organisation.short_name = "UNI"
    organisation.website = "https://ni.ac.rs"
    organisation.save()
    assert set(translatable_strings(organisation).values()) == {
        "Univerzitet u Nišu",
        "Najveći univerzitet na jugu Srbije.",
    }
    assert {"short_name", "website", "logo"} <= overridable_paths(organisation)
    person = content["person"]
    assert set(translatable_strings(person)) == {"name"}
    assert "email" in overridable_paths(person)
    assert related_paths(person) == {"organisation"}
    assert related_paths(content["programme"]) == {"funder"}
    assert set(translatable_strings(content["sector"])) == {"name"}
    assert set(translatable_strings(content["country"])) == {"name"}
