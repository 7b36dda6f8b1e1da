"""Wagtail's stock API v2 is mounted at /api/v2/ with our api_fields and HTML rich text."""

from wagtail.rich_text import RichText


def test_v2_lists_pages_with_their_api_fields(client, content):
    body = client.get("/api/v2/pages/?type=pages.EventPage&fields=*").json()
    assert body["meta"]["total_count"] == 1
    item = body["items"][0]
    assert (item["id"], item["time_zone"], item["city"]) == (content["event"].pk, "Europe/Sofia", "Sofija")


def test_v2_rich_text_is_html(client, content):
    project = content["project"]
    news = content["news"]
    news.body = [("paragraph", RichText(f'<p><a linktype="page" id="{project.pk}">projekat</a></p>'))]
    news.save_revision().publish()
    body = client.get(f"/api/v2/pages/{news.pk}/").json()["body"]
    assert 'href="/sr-latn/projekti/klasteri-preko-granice/"' in body[0]["value"]
    assert "linktype" not in body[0]["value"]


def test_v2_images_and_documents_endpoints(client, content):
    from tests import factories as f

    image = f.ImageFactory(title="Otvaranje sajma")
    document = f.DocumentFactory(title="Program konferencije")
    response = client.get(f"/api/v2/images/{image.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": image.pk,
        "meta": {
            "type": "wagtailimages.Image",
            "detail_url": f"http://testserver/api/v2/images/{image.pk}/",
            "tags": [],
            "download_url": "/media/original_images/photo.png",
        },
        "title": "Otvaranje sajma",
        "width": 640,
        "height": 400,
    }
    response = client.get(f"/api/v2/documents/{document.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": document.pk,
        "meta": {
            "type": "wagtaildocs.Document",
            "detail_url": f"http://testserver/api/v2/documents/{document.pk}/",
            "tags": [],
            "download_url": f"http://testserver/documents/{document.pk}/agenda.pdf",
        },
        "title": "Program konferencije",
    }
