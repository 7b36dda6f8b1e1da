"""Rich text and images never reveal what the visitor may not see (issue 8, findings 2 and 6).

A public news page's body embeds an image from a private collection and links
to pages that are not public (never published, unpublished, expired,
scheduled, login-only) and to a document in a private collection. On every
surface (API v1, API v2, the site in Serbian and English, listings) the
private image's file name and the hidden pages' slugs must be absent, the
link text must stay, and the public embed and links next to them must still
render: so each test fails both when something leaks and when everything is
dropped.
"""

import json
import re
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.rich_text import RichText

import factory
import pytest

from pages.models import GalleryImage, NewsPageDocument
from tests import factories as f

HIDDEN_SLUGS = ["nacrt-vesti", "povucena-vest", "istekla-vest", "zakazana-vest", "zakljucana-vest"]
PRIVATE_NAMES = ["tajna-slika", "tajni-zapisnik"]
ENGLISH = {"Vesti": "News", "Dan klastera u Nišu": "Cluster Day in Niš"}


def private_collection() -> Collection:
    """A login-only collection with a child: the child is private through its ancestor."""
    parent = Collection.get_first_root_node().add_child(name="Uprava")
    CollectionViewRestriction.objects.create(collection=parent, restriction_type=CollectionViewRestriction.LOGIN)
    return parent.add_child(name="Zapisnici")


def hidden_pages(news_index: Any) -> list[Any]:
    """One news page in each state that is not public, in HIDDEN_SLUGS order."""
    draft = f.NewsPageFactory(parent=news_index, slug="nacrt-vesti", draft=True)
    unpublished = f.NewsPageFactory(parent=news_index, slug="povucena-vest")
    unpublished.unpublish()
    expired = f.NewsPageFactory(parent=news_index, slug="istekla-vest", expired=True)
    scheduled = f.NewsPageFactory(parent=news_index, slug="zakazana-vest", scheduled=True)
    restricted = f.NewsPageFactory(parent=news_index, slug="zakljucana-vest")
    f.restrict(restricted, PageViewRestriction.LOGIN)
    return [draft, unpublished, expired, scheduled, restricted]


@pytest.fixture
def content(site: dict[str, Any]) -> dict[str, Any]:
    content = {**site, **f.build_every_page_type(site)}
    collection = private_collection()
    content["private_image"] = f.ImageFactory(collection=collection, file=f.image_file("tajna-slika.png"))
    content["public_image"] = f.ImageFactory(file=f.image_file("javna-slika.png"))
    content["private_document"] = f.DocumentFactory(
        collection=collection, file=factory.django.FileField(filename="tajni-zapisnik.pdf", data=b"%PDF-1.4\n")
    )
    content["public_document"] = f.DocumentFactory(
        file=factory.django.FileField(filename="javni-program.pdf", data=b"%PDF-1.4\n")
    )
    content["hidden"] = hidden_pages(site["news_index"])
    content["public_page"] = f.NewsPageFactory(parent=site["news_index"], slug="javna-vest")
    news = content["news"]
    news.body = [("paragraph", RichText(body_html(content)))]
    news.save_revision().publish()
    return content


def body_html(content: dict[str, Any]) -> str:
    hidden_links = "".join(
        f'<p>Pogledaj <a linktype="page" id="{page.pk}">skrivenu vest {number}</a>.</p>'
        for number, page in enumerate(content["hidden"])
    )
    return (
        f'<p>Vidi <a linktype="page" id="{content["public_page"].pk}">javnu vest</a>.</p>'
        f"{hidden_links}"
        f'<embed embedtype="image" id="{content["private_image"].pk}" format="left" alt="Tajna slika"/>'
        f'<embed embedtype="image" id="{content["public_image"].pk}" format="left" alt="Javna slika"/>'
        f'<p>Preuzmi <a linktype="document" id="{content["private_document"].pk}">zapisnik</a>'
        f' i <a linktype="document" id="{content["public_document"].pk}">program</a>.</p>'
    )


def assert_nothing_private(html: str) -> None:
    for secret in [*HIDDEN_SLUGS, *PRIVATE_NAMES, "Tajna slika"]:
        assert secret not in html, secret
    # The text of a dropped link stays, outside any <a>.
    for number in range(len(HIDDEN_SLUGS)):
        assert f"Pogledaj skrivenu vest {number}." in html
    assert "Preuzmi zapisnik i" in html
    assert "<a>" not in html


def assert_public_still_there(html: str) -> None:
    assert re.search(r'<a href="[^"]*/vesti/javna-vest/">javnu vest</a>', html), html
    assert re.search(r'<img [^>]*alt="Javna slika"', html)
    assert re.search(r'<img [^>]*src="[^"]*/javna-slika\.[^"]+"', html)
    assert re.search(r'<a href="[^"]*/documents/\d+/javni-program\.pdf">program</a>', html)


def test_api_v1_rich_text_hides_private_embeds_and_links(client, content):
    response = client.get(f"/api/v1/news/{content['news'].pk}/")
    assert response.status_code == 200
    html = response.json()["body"][0]["value"]
    assert_nothing_private(html)
    assert_public_still_there(html)


def test_api_v2_rich_text_hides_private_embeds_and_links(client, content):
    response = client.get(f"/api/v2/pages/{content['news'].pk}/")
    assert response.status_code == 200
    html = response.json()["body"][0]["value"]
    assert_nothing_private(html)
    assert_public_still_there(html)


@pytest.mark.parametrize("rich_text_format", ["markdown", "db_markdown", "db_html"])
def test_api_v2_refuses_rich_text_formats_that_bypass_the_rule(client, content, rich_text_format):
    response = client.get(f"/api/v2/pages/{content['news'].pk}/?rich_text_format={rich_text_format}")
    assert response.status_code == 400
    assert "rich_text_format" in response.json()["message"]
    for secret in [*HIDDEN_SLUGS, *PRIVATE_NAMES, "Tajna slika"]:
        assert secret not in response.content.decode()


def test_site_rich_text_hides_private_embeds_and_links_in_serbian(client, content):
    response = client.get(content["news"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_nothing_private(html)
    assert_public_still_there(html)


def test_site_rich_text_hides_private_embeds_and_links_in_english(client, content):
    en = Locale.objects.get(language_code="en")
    f.translate(content["news_index"], en, ENGLISH)
    english = f.translate(content["news"], en, ENGLISH)
    assert english.live
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cluster Day in Niš" in html
    assert_nothing_private(html)
    assert_public_still_there(html)


def _with_hero_images(content):
    """The news page gets the private hero image, its public neighbour the public one."""
    news, public = content["news"], content["public_page"]
    news.hero_image = content["private_image"]
    news.save_revision().publish()
    public.hero_image = content["public_image"]
    public.save_revision().publish()
    return news, public


def test_private_hero_image_is_not_shown_on_the_site(client, content):
    news, public = _with_hero_images(content)

    for url in [news.url, content["news_index"].url, content["home"].url]:
        html = client.get(url).content.decode()
        assert "tajna-slika" not in html, url
    # The public hero image next to it is still there, in the listing, on the home page and on its page.
    for url in [content["news_index"].url, content["home"].url, public.url]:
        assert "javna-slika" in client.get(url).content.decode(), url


def test_private_hero_image_is_not_in_api_v1_lists(client, content):
    news, public = _with_hero_images(content)

    items = {item["id"]: item for item in client.get("/api/v1/news/").json()["results"]}
    assert items[news.pk]["hero_image"] is None
    assert items[public.pk]["hero_image"]["id"] == content["public_image"].pk
    text = json.dumps(client.get(f"/api/v1/news/{news.pk}/").json())
    assert "tajna-slika" not in text
    assert json.loads(text)["hero_image"] is None


def test_private_images_in_blocks_galleries_and_logos_are_not_shown_on_the_site(client, content):
    news = content["news"]
    news.body = [
        ("image", {"image": content["private_image"], "alt_text": "Tajna", "caption": "Skriveno", "credit": ""}),
        ("image", {"image": content["public_image"], "alt_text": "Javna", "caption": "Vidljivo", "credit": ""}),
    ]
    news.save_revision().publish()
    gallery = content["gallery"]
    gallery.gallery_images.add(
        GalleryImage(image=content["private_image"], caption="Tajna fotografija"),
        GalleryImage(image=content["public_image"], caption="Javna fotografija"),
    )
    gallery.save_revision().publish()
    cluster = content["cluster"]
    cluster.logo = content["private_image"]
    cluster.save_revision().publish()

    news_html = client.get(news.url).content.decode()
    assert "tajna-slika" not in news_html
    assert "Skriveno" not in news_html
    assert "javna-slika" in news_html and "Vidljivo" in news_html

    gallery_html = client.get(gallery.url).content.decode()
    assert "tajna-slika" not in gallery_html
    assert "Tajna fotografija" not in gallery_html
    assert "javna-slika" in gallery_html and "Javna fotografija" in gallery_html

    assert "tajna-slika" not in client.get(cluster.url).content.decode()


def test_private_gallery_cover_is_not_shown_in_the_gallery_listing(client, content):
    gallery = f.GalleryPageFactory(parent=content["gallery_index"], title="Skrivena naslovna")
    gallery.gallery_images.add(
        GalleryImage(image=content["private_image"], sort_order=0),
        GalleryImage(image=content["public_image"], sort_order=1),
    )
    gallery.save_revision().publish()
    html = client.get(content["gallery_index"].url).content.decode()
    assert "Skrivena naslovna" in html
    assert "tajna-slika" not in html
    # The first public photo becomes the cover.
    assert "javna-slika" in html


def test_private_attachments_are_not_listed_on_the_site(client, content):
    news = content["news"]
    news.documents.add(NewsPageDocument(document=content["private_document"], title="Zapisnik uprave"))
    news.body = [
        (
            "documents",
            {
                "heading": "Materijali",
                "documents": [
                    {"document": content["private_document"], "title": "Tajni zapisnik"},
                    {"document": content["public_document"], "title": "Javni program"},
                ],
            },
        )
    ]
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "tajni-zapisnik" not in html
    assert "Zapisnik uprave" not in html and "Tajni zapisnik" not in html
    assert "javni-program.pdf" in html and "Javni program" in html


def test_call_to_action_buttons_only_lead_to_public_pages(client, content):
    news = content["news"]
    news.body = [
        ("call_to_action", {"title": f"Poziv {number}", "text": "", "button_label": f"Dugme {number}", "page": page})
        for number, page in enumerate([*content["hidden"], content["public_page"]])
    ]
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    for slug in HIDDEN_SLUGS:
        assert slug not in html
    assert "Poziv 0" in html
    assert re.search(r'<a class="button" href="/sr-latn/vesti/javna-vest/">Dugme 5</a>', html)


def many_links_body(content: dict[str, Any], copies: int) -> str:
    pages = [content["public_page"], *content["hidden"]]
    documents = [content["public_document"], content["private_document"]]
    images = [content["public_image"], content["private_image"]]
    parts = []
    for number in range(copies):
        page, document, image = pages[number % len(pages)], documents[number % 2], images[number % 2]
        parts.append(
            f'<p><a linktype="page" id="{page.pk}">veza {number}</a>'
            f' <a linktype="document" id="{document.pk}">dokument {number}</a></p>'
            f'<embed embedtype="image" id="{image.pk}" format="left" alt="slika {number}"/>'
        )
    return "".join(parts)


@pytest.mark.parametrize("surface", ["site", "api_v1", "api_v2"])
def test_links_and_embeds_are_looked_up_in_bulk(client, content, settings, django_assert_max_num_queries, surface):
    settings.API_CACHE_SECONDS = 0  # measure the rendering, not the response cache
    news = content["news"]
    url = {"site": news.url, "api_v1": f"/api/v1/news/{news.pk}/", "api_v2": f"/api/v2/pages/{news.pk}/"}[surface]

    def queries_for(copies: int) -> int:
        news.body = [("paragraph", RichText(many_links_body(content, copies)))]
        news.save_revision().publish()
        # The first request creates the renditions; the measured one reads them.
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries_for(len(content["hidden"]) + 1)
    news.body = [("paragraph", RichText(many_links_body(content, 36)))]
    news.save_revision().publish()
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(few):
        response = client.get(url)
    body = response.content.decode()
    assert "veza 35" in body and "tajna-slika" not in body
