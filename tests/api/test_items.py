"""What an item looks like: images with renditions, rich text as HTML, typed blocks, times."""

import datetime
import zoneinfo

from wagtail.rich_text import RichText

from pages.models import GalleryImage
from tests import factories as f


def test_image_shape_with_webp_renditions(client, content):
    image = f.ImageFactory(
        title="Sajam", focal_point_x=10, focal_point_y=20, focal_point_width=30, focal_point_height=40
    )
    news = content["news"]
    news.hero_image = image
    news.save_revision().publish()
    hero = client.get("/api/v1/news/").json()["results"][0]["hero_image"]
    assert set(hero) == {"id", "title", "alt", "width", "height", "focal_point", "renditions"}
    assert (hero["id"], hero["title"], hero["width"], hero["height"]) == (image.pk, "Sajam", 640, 400)
    assert hero["focal_point"] == {"x": 10, "y": 20, "width": 30, "height": 40}
    assert set(hero["renditions"]) == {"thumbnail", "medium", "large"}
    thumbnail = hero["renditions"]["thumbnail"]
    assert thumbnail["url"].startswith("http://testserver/media/images/")
    assert thumbnail["url"].endswith(".webp")
    assert (thumbnail["width"], thumbnail["height"]) == (300, 200)
    assert client.get(f"/api/v1/images/{image.pk}/").json() == hero


def test_body_blocks_are_typed_with_clean_html_and_expanded_images(client, content):
    image = f.ImageFactory()
    document = f.DocumentFactory(title="Agenda")
    project = content["project"]
    news = content["news"]
    news.body = [
        ("heading", {"text": "Uvod", "level": "h2"}),
        ("paragraph", RichText(f'<p>Vidi <a linktype="page" id="{project.pk}">projekat</a>.</p>')),
        ("image", {"image": image, "alt_text": "Sala", "caption": "Otvaranje", "credit": "KK"}),
        ("documents", {"heading": "Materijali", "documents": [{"document": document, "title": ""}]}),
        ("call_to_action", {"title": "Prijava", "text": "", "button_label": "Prijavi se", "page": project, "url": ""}),
    ]
    news.save_revision().publish()
    body = client.get(f"/api/v1/news/{news.pk}/").json()["body"]
    assert [block["type"] for block in body] == ["heading", "paragraph", "image", "documents", "call_to_action"]
    assert all(set(block) == {"type", "id", "value"} for block in body)
    assert body[0]["value"] == {"text": "Uvod", "level": "h2"}
    assert body[1]["value"] == (
        '<p>Vidi <a href="http://testserver/sr-latn/projekti/klasteri-preko-granice/">projekat</a>.</p>'
    )
    assert body[2]["value"]["image"]["id"] == image.pk
    assert body[2]["value"]["image"]["renditions"]["medium"]["url"].endswith(".webp")
    assert body[2]["value"]["alt_text"] == "Sala"
    attached = body[3]["value"]["documents"][0]["document"]
    assert (attached["title"], attached["file_extension"]) == ("Agenda", "pdf")
    assert attached["url"].startswith("http://testserver/documents/")
    assert body[4]["value"]["page"]["url"] == "http://testserver/sr-latn/projekti/klasteri-preko-granice/"


def test_event_times_with_offset_and_the_venues_time_zone(client, content):
    sofia = zoneinfo.ZoneInfo("Europe/Sofia")
    event = f.EventPageFactory(
        parent=content["event_index"],
        start=datetime.datetime(2030, 6, 1, 11, 0, tzinfo=sofia),
        end=datetime.datetime(2030, 6, 1, 17, 0, tzinfo=sofia),
        time_zone="Europe/Sofia",
    )
    item = client.get(f"/api/v1/events/{event.pk}/").json()
    assert (item["start"], item["end"]) == ("2030-06-01T08:00:00+00:00", "2030-06-01T14:00:00+00:00")
    assert (item["local_start"], item["local_end"]) == ("2030-06-01T11:00:00+03:00", "2030-06-01T17:00:00+03:00")
    assert item["time_zone"] == "Europe/Sofia"
    # Every other datetime is UTC, written +00:00 whatever the season.
    published = datetime.datetime.fromisoformat(item["first_published_at"])
    event.refresh_from_db()
    assert published == event.first_published_at
    assert item["first_published_at"].endswith("+00:00")
    assert item["last_published_at"].endswith("+00:00")


def test_event_detail_links_project_gallery_and_contact_without_email(client, content):
    person = f.PersonFactory(name="Ana", slug="ana", role="Menadžerka", email="ana@example.org", phone="123")
    event = content["event"]
    event.contact_person = person
    event.save_revision().publish()
    item = client.get(f"/api/v1/events/{event.pk}/").json()
    assert item["contact_person"] == {
        "id": person.pk,
        "slug": "ana",
        "name": "Ana",
        "locale": "sr-latn",
        "fallback": False,
        "role": "Menadžerka",
    }
    assert item["project"]["api_url"] == f"http://testserver/api/v1/projects/{content['project'].pk}/"
    assert item["gallery"]["id"] == content["gallery"].pk
    people = client.get("/api/v1/people/by-slug/ana/").json()
    assert "email" not in people
    assert "phone" not in people
    assert people["role"] == "Menadžerka"


def test_gallery_photos_in_order(client, content):
    gallery = content["gallery"]
    first, second = f.ImageFactory(title="Prva"), f.ImageFactory(title="Druga")
    GalleryImage.objects.create(page=gallery, image=first, caption="Jedan", locale=gallery.locale, sort_order=0)
    GalleryImage.objects.create(page=gallery, image=second, alt_text="Dva", locale=gallery.locale, sort_order=1)
    item = client.get(f"/api/v1/galleries/{gallery.pk}/").json()
    assert [(photo["image"]["title"], photo["alt"]) for photo in item["photos"]] == [
        ("Prva", "Jedan"),
        ("Druga", "Dva"),
    ]
    assert item["photo_count"] == 2
    assert item["cover"]["image"]["id"] == first.pk


def test_unpublished_snippets_are_not_shown(client, content):
    organisation = f.OrganisationFactory(slug="skica", live=False)
    event = content["event"]
    event.organisers.set([organisation, content["network"]])
    event.save_revision().publish()
    item = client.get(f"/api/v1/events/{event.pk}/").json()
    assert [org["slug"] for org in item["organisers"]] == ["tci"]
    assert client.get("/api/v1/organisations/by-slug/skica/").status_code == 404
