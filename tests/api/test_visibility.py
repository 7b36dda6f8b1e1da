"""The visibility matrix: no endpoint shows a page, image or document that is not public.

Each non-public state carries MARKER in its text; no response may contain it.
"""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from tests import factories as f

from .conftest import translate

MARKER = "TAJNIMARKER"


@pytest.fixture
def states(content):
    index = content["news_index"]
    public = f.NewsPageFactory(parent=index, title="Javna vest", slug="javna", lead="javno")
    newer_draft = f.NewsPageFactory(parent=index, title="Objavljena vest", slug="sa-nacrtom", lead="objavljeno")
    newer_draft.title = f"{MARKER} nacrt"
    newer_draft.lead = f"{MARKER} nacrt"
    newer_draft.save_revision()
    pages = {
        "draft": f.NewsPageFactory(parent=index, draft=True, slug="nacrt"),
        "password": f.NewsPageFactory(parent=index, slug="lozinka"),
        "login": f.NewsPageFactory(parent=index, slug="prijava"),
        "groups": f.NewsPageFactory(parent=index, slug="grupe"),
        "expired": f.NewsPageFactory(parent=index, expired=True, slug="istekla"),
        "scheduled": f.NewsPageFactory(parent=index, scheduled=True, slug="zakazana"),
    }
    f.restrict(pages["password"], PageViewRestriction.PASSWORD)
    f.restrict(pages["login"], PageViewRestriction.LOGIN)
    f.restrict(pages["groups"], PageViewRestriction.GROUPS, groups=[Group.objects.create(name="Članovi")])
    # A descendant of a restricted page: a gallery under a private gallery index
    # (news pages have no children; the gate is the same for every type).
    f.restrict(content["gallery_index"], PageViewRestriction.LOGIN)
    pages["descendant"] = f.GalleryPageFactory(parent=content["gallery_index"], slug="potomak")
    for name, page in pages.items():
        page.title = f"{MARKER} {name}"
        page.lead = f"{MARKER} {name}"
        # Write the marker to the row too, so that a leak of the page shows it.
        if name == "descendant":
            page.save(update_fields=["title"])
        else:
            page.save(update_fields=["title", "lead"])
    # Another locale: an English article is not in the Serbian responses.
    index_en = translate(index, content["en"])
    english = f.NewsPageFactory(parent=index_en, slug="english-only", locale=content["en"], title="English only")
    return {"public": public, "newer_draft": newer_draft, "hidden": pages, "english": english, **content}


def get_all(client, urls):
    responses = {url: client.get(url) for url in urls}
    for url, response in responses.items():
        assert MARKER not in response.content.decode(), url
    return responses


def test_news_endpoints_show_only_public_live_content(client, states):
    public, newer = states["public"], states["newer_draft"]
    listing = client.get("/api/v1/news/?limit=100").json()
    ids = {item["id"] for item in listing["results"]}
    assert {public.pk, newer.pk} <= ids
    assert ids.isdisjoint(page.pk for page in states["hidden"].values())
    item = next(item for item in listing["results"] if item["id"] == newer.pk)
    assert (item["title"], item["lead"]) == ("Objavljena vest", "objavljeno")

    lists = [
        "/api/v1/news/?limit=100",
        "/api/v1/news/?limit=100&locale=en",
        "/api/v1/news/?locale=en&fallback=true",
        "/api/v1/galleries/?limit=100",
        f"/api/v1/search/?q={MARKER}",
        f"/api/v1/search/?q={MARKER}&locale=en",
        f"/api/v1/news/?q={MARKER}",
        "/api/v2/pages/?type=pages.NewsPage&fields=*&limit=100",
        f"/api/v2/pages/?search={MARKER}",
    ]
    urls = []
    for name, page in states["hidden"].items():
        endpoint, section = ("galleries", "galerije") if name == "descendant" else ("news", "vesti")
        urls += [
            f"/api/v1/{endpoint}/{page.pk}/",
            f"/api/v1/{endpoint}/{page.pk}/?locale=en&fallback=true",
            f"/api/v1/{endpoint}/by-slug/{page.slug}/",
            # The old slug address redirects only where the new one answers.
            f"/api/v1/{endpoint}/{page.slug}/",
            f"/api/v1/pages/resolve/?path=/sr-latn/{section}/{page.slug}/",
            f"/api/v2/pages/{page.pk}/",
        ]
    responses = get_all(client, lists + urls)
    assert {url: responses[url].status_code for url in lists} == dict.fromkeys(lists, 200)
    assert {url: responses[url].status_code for url in urls} == dict.fromkeys(urls, 404)

    detail = client.get(f"/api/v1/news/{newer.pk}/").json()
    assert detail["title"] == "Objavljena vest"
    assert client.get(f"/api/v2/pages/{newer.pk}/").json()["title"] == "Objavljena vest"


def test_the_other_locale_is_shown_only_when_asked_for(client, states):
    english = states["english"]
    assert english.pk not in {item["id"] for item in client.get("/api/v1/news/?limit=100").json()["results"]}
    assert client.get(f"/api/v1/news/{english.pk}/").status_code == 404
    assert client.get("/api/v1/pages/resolve/?path=/sr-latn/vesti/english-only/").status_code == 404
    response = client.get(f"/api/v1/news/{english.pk}/?locale=en")
    assert response.status_code == 200
    assert response.json()["locale"] == "en"


@pytest.mark.parametrize("endpoint", ["events", "clusters", "galleries", "projects"])
def test_every_type_hides_drafts_private_expired_and_scheduled(client, content, endpoint):
    factory, parent = {
        "events": (f.EventPageFactory, "event_index"),
        "clusters": (f.ClusterPageFactory, "cluster_index"),
        "galleries": (f.GalleryPageFactory, "gallery_index"),
        "projects": (f.ProjectPageFactory, "project_index"),
    }[endpoint]
    hidden = [
        factory(parent=content[parent], draft=True, title=f"{MARKER} draft"),
        factory(parent=content[parent], expired=True, title=f"{MARKER} expired"),
        factory(parent=content[parent], scheduled=True, title=f"{MARKER} scheduled"),
        factory(parent=content[parent], title=f"{MARKER} private"),
    ]
    f.restrict(hidden[-1])
    urls = [f"/api/v1/{endpoint}/?limit=100", f"/api/v1/search/?q={MARKER}"]
    urls += [f"/api/v1/{endpoint}/{page.pk}/" for page in hidden]
    responses = get_all(client, urls)
    assert responses[urls[0]].json()["count"] == 1
    assert [responses[url].status_code for url in urls[2:]] == [404] * 4


@pytest.fixture
def private_media(content):
    private = Collection.get_first_root_node().add_child(name="Privatno")
    child = private.add_child(name="Unutra")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    return {
        "private_image": f.ImageFactory(collection=private, title=f"{MARKER} image"),
        "child_image": f.ImageFactory(collection=child, title=f"{MARKER} child image"),
        "public_image": f.ImageFactory(title="Javna slika"),
        "private_document": f.DocumentFactory(collection=child, title=f"{MARKER} document"),
        "public_document": f.DocumentFactory(title="Javni dokument"),
    }


def test_images_and_documents_in_private_collections_are_hidden(client, content, private_media):
    news = content["news"]
    news.hero_image = private_media["child_image"]
    news.body = [("image", {"image": private_media["private_image"], "alt_text": "", "caption": "", "credit": ""})]
    news.save_revision().publish()
    urls = [
        f"/api/v1/images/{private_media['private_image'].pk}/",
        f"/api/v1/images/{private_media['child_image'].pk}/",
        f"/api/v1/documents/{private_media['private_document'].pk}/",
        f"/api/v2/images/{private_media['private_image'].pk}/",
        f"/api/v2/documents/{private_media['private_document'].pk}/",
    ]
    responses = get_all(client, [*urls, "/api/v1/news/", f"/api/v1/news/{news.pk}/", "/api/v2/images/"])
    assert [responses[url].status_code for url in urls] == [404] * 5
    detail = responses[f"/api/v1/news/{news.pk}/"].json()
    assert detail["hero_image"] is None
    assert detail["body"][0]["value"]["image"] is None
    assert client.get(f"/api/v1/images/{private_media['public_image'].pk}/").status_code == 200
    assert client.get(f"/api/v1/documents/{private_media['public_document'].pk}/").status_code == 200


def test_a_page_whose_go_live_at_passed_is_shown(client, content):
    page = f.NewsPageFactory(parent=content["news_index"], title="Sada javno")
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    response = client.get(f"/api/v1/news/{page.pk}/")
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["title"]) == (page.pk, "Sada javno")
    listed = [item["title"] for item in client.get("/api/v1/news/").json()["results"]]
    assert "Sada javno" in listed
