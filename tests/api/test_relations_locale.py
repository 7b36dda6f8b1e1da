"""Relations survive translation: in every locale a related page or snippet is its
visible version in that locale; with fallback=true the Serbian source, marked."""

from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

import pytest

from tests import factories as f

from .conftest import translate, translate_snippet

INDEXES = ("event_index", "gallery_index", "project_index", "news_index")


def publish_version(page: Any, locale: Locale, **changes: Any) -> Any:
    """Publish ``page`` in ``locale``: its existing translation (a Cyrillic draft
    offered on publish) or a new one."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        return translate(page, locale, **changes)
    translation = translation.specific
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture(params=["en", "sr-cyrl"])
def edition(request, content) -> dict[str, Any]:
    """The event, its gallery and project translated into one locale; the organiser
    network is left untranslated."""
    code = request.param
    locale = Locale.objects.get_or_create(language_code=code)[0]
    if code != "en":
        publish_version(content["home"], locale, title="Кућа кластера")
    for name in INDEXES:
        publish_version(content[name], locale)
    content["event"].organisers.set([content["network"]])
    content["event"].save_revision().publish()
    suffix = f" ({code})"
    translated = {
        "source_event": content["event"],
        "source_gallery": content["gallery"],
        "locale": locale,
        "code": code,
        "project": publish_version(content["project"], locale, title="Project" + suffix),
        "event": publish_version(content["event"], locale, title="Cluster day" + suffix),
        "gallery": publish_version(content["gallery"], locale, title="Photos" + suffix),
        "textile": content["textile_en"]
        if code == "en"
        else (content["textile"].get_translation_or_none(locale) or translate_snippet(content["textile"], locale)),
        "bulgaria": content["bulgaria_en"]
        if code == "en"
        else (content["bulgaria"].get_translation_or_none(locale) or translate_snippet(content["bulgaria"], locale)),
    }
    return {**content, **translated}


def ref(obj: Any, **extra: Any) -> dict[str, Any]:
    return {"id": obj.pk, "locale": obj.locale.language_code, **extra}


def test_event_relations_are_the_same_locale_versions(client, edition):
    code, event = edition["code"], edition["event"]
    item = client.get(f"/api/v1/events/{event.pk}/?locale={code}").json()
    assert item["locale"] == code
    gallery = edition["gallery"]
    assert item["gallery"] is not None, "the translated event links its translated gallery"
    assert {key: item["gallery"][key] for key in ("id", "locale", "fallback", "title", "url")} == {
        **ref(gallery),
        "fallback": False,
        "title": gallery.title,
        "url": f"http://testserver{gallery.url}",
    }
    assert item["gallery"]["api_url"] == f"http://testserver/api/v1/galleries/{gallery.pk}/?locale={code}"
    project = edition["project"]
    assert (item["project"]["id"], item["project"]["title"]) == (project.pk, project.title)
    country = edition["bulgaria"]
    assert {key: item["country"][key] for key in ("id", "locale", "fallback", "name")} == {
        **ref(country),
        "fallback": False,
        "name": country.name,
    }
    assert [(s["id"], s["locale"]) for s in item["sectors"]] == [(edition["textile"].pk, code)]
    # The organiser has no translation: left out, unless the client asks for fallback.
    assert item["organisers"] == []
    fallback = client.get(f"/api/v1/events/{event.pk}/?locale={code}&fallback=true").json()
    network = edition["network"]
    assert [(o["id"], o["locale"], o["fallback"]) for o in fallback["organisers"]] == [(network.pk, "sr-latn", True)]
    assert fallback["gallery"]["id"] == gallery.pk  # a translation is preferred to the fallback

    # The other way round: the gallery (list and detail) links the same-locale event.
    listed = client.get(f"/api/v1/galleries/?locale={code}").json()["results"]
    assert [(g["id"], g["event"]["id"], g["event"]["locale"]) for g in listed] == [(gallery.pk, event.pk, code)]
    # The Serbian event still links the Serbian gallery.
    source = client.get(f"/api/v1/events/{edition['source_event'].pk}/").json()
    assert (source["gallery"]["id"], source["gallery"]["locale"]) == (edition["source_gallery"].pk, "sr-latn")


@pytest.fixture
def english(content) -> dict[str, Any]:
    en = content["en"]
    for name in INDEXES:
        translate(content[name], en)
    return {
        **content,
        "event_en": translate(content["event"], en, title="Cluster day"),
        "gallery_en": translate(content["gallery"], en, title="Photos"),
    }


def gallery_of(client, event: Any, query: str = "") -> Any:
    return client.get(f"/api/v1/events/{event.pk}/?locale=en{query}").json()["gallery"]


def test_an_unpublished_or_private_translation_is_never_linked(client, english):
    event_en, gallery_en = english["event_en"], english["gallery_en"]
    assert gallery_of(client, event_en)["id"] == gallery_en.pk
    gallery_en.unpublish()
    cache.clear()
    assert gallery_of(client, event_en) is None
    fallback = gallery_of(client, event_en, "&fallback=true")
    assert (fallback["id"], fallback["locale"], fallback["fallback"]) == (english["gallery"].pk, "sr-latn", True)

    gallery_en.save_revision().publish()
    f.restrict(gallery_en, PageViewRestriction.LOGIN)
    cache.clear()
    assert gallery_of(client, event_en) is None
    assert gallery_of(client, event_en, "&fallback=true")["id"] == english["gallery"].pk

    # A draft translation (never published) of the project is not linked either.
    draft = english["project"].copy_for_translation(english["en"])
    draft.save_revision()
    cache.clear()
    item = client.get(f"/api/v1/events/{event_en.pk}/?locale=en").json()
    assert draft.pk and item["project"] is None
    item = client.get(f"/api/v1/events/{event_en.pk}/?locale=en&fallback=true").json()
    assert (item["project"]["id"], item["project"]["fallback"]) == (english["project"].pk, True)


def test_snippet_foreign_keys_follow_the_locale(client, english):
    en = english["en"]
    person = f.PersonFactory(name="Ana", slug="ana", role="Menadžerka", organisation=english["network"])
    event = english["event_en"]
    event.contact_person = person  # made before the person was translated: points at the Serbian one
    event.save_revision().publish()
    assert client.get(f"/api/v1/events/{event.pk}/?locale=en").json()["contact_person"] is None
    person_en = translate_snippet(person, en, role="Manager")
    cache.clear()
    contact = client.get(f"/api/v1/events/{event.pk}/?locale=en").json()["contact_person"]
    assert (contact["id"], contact["locale"], contact["role"]) == (person_en.pk, "en", "Manager")
    # Snippet endpoints too: the person's organisation (untranslated) only with fallback.
    people = client.get("/api/v1/people/?locale=en").json()["results"]
    assert [(p["id"], p["organisation"]) for p in people] == [(person_en.pk, None)]
    people = client.get("/api/v1/people/?locale=en&fallback=true").json()["results"]
    assert people[0]["organisation"]["id"] == english["network"].pk
    assert people[0]["organisation"]["fallback"] is True


def test_english_event_page_links_the_english_gallery(client, english):
    html = client.get(english["event_en"].url).content.decode()
    assert english["gallery_en"].url in html and "Photo gallery: Photos" in html
    english["gallery_en"].unpublish()
    html = client.get(english["event_en"].url).content.decode()
    # Not translated any more: the site shows the Serbian gallery, as it shows untranslated pages.
    assert english["gallery"].url in html
    assert english["gallery_en"].url not in html


def test_localized_relations_keep_list_queries_flat(client, english, django_assert_max_num_queries):
    en = english["en"]
    for number in range(11):
        event = f.EventPageFactory(
            parent=english["event_index"], title=f"Dogadjaj {number}", country=english["bulgaria"]
        )
        event.sectors.set([english["textile"]])
        event.save_revision().publish()
        gallery = f.GalleryPageFactory(parent=english["gallery_index"], title=f"Galerija {number}", event=event)
        translate(event, en)
        translate(gallery, en)
    for endpoint in ("events", "galleries"):
        client.get(f"/api/v1/{endpoint}/?locale=en&limit=100")
        cache.clear()
        with CaptureQueriesContext(connection) as at_10:
            client.get(f"/api/v1/{endpoint}/?locale=en&limit=10")
        cache.clear()
        with django_assert_max_num_queries(len(at_10), info=endpoint):
            items = client.get(f"/api/v1/{endpoint}/?locale=en&limit=100").json()["results"]
        assert len(items) == 12
        related = [item.get("event") or item["country"] for item in items]
        assert {r["locale"] for r in related} == {"en"}, endpoint
