"""List endpoints make the same number of SQL queries whatever the page size."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories as f

ENDPOINTS = ["news", "events", "clusters", "galleries", "projects", "sectors", "organisations", "people", "countries"]


@pytest.fixture
def many_items(content):
    """Twelve items of each type, each with an image, sectors and relations to localize."""
    for number in range(11):
        image = f.ImageFactory()
        news = f.NewsPageFactory(parent=content["news_index"], title=f"Vest {number}", hero_image=image)
        news.sectors.set([content["textile"], content["ict"]])
        news.tags.add("klasteri")
        news.save_revision().publish()
        event = f.EventPageFactory(
            parent=content["event_index"],
            title=f"Događaj {number}",
            hero_image=image,
            country=content["bulgaria"],
            project=content["project"],
        )
        event.sectors.set([content["textile"]])
        event.organisers.set([content["network"]])
        event.save_revision().publish()
        cluster = f.ClusterPageFactory(parent=content["cluster_index"], title=f"Klaster {number}", logo=image)
        cluster.sectors.set([content["textile"]])
        cluster.network_memberships.set([content["network"]])
        cluster.save_revision().publish()
        gallery = f.GalleryPageFactory(parent=content["gallery_index"], title=f"Galerija {number}", event=event)
        f.ProjectPageFactory(parent=content["project_index"], title=f"Projekat {number}", hero_image=image)
        f.OrganisationFactory(logo=image)
        f.PersonFactory(photo=image)
        f.SectorFactory()
        f.CountryFactory()
        from pages.models import GalleryImage

        GalleryImage.objects.create(page=gallery, image=image, locale=gallery.locale, caption="Foto")
    return content


def count_queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


def test_list_queries_at_limit_10_and_100(client, many_items, django_assert_max_num_queries):
    for endpoint in ENDPOINTS:
        # Warm up: rendition files are created (and stored) on first use only.
        client.get(f"/api/v1/{endpoint}/?limit=100")
        at_10 = count_queries(client, f"/api/v1/{endpoint}/?limit=10")
        assert at_10 <= 15, endpoint
        cache.clear()
        with django_assert_max_num_queries(at_10, info=endpoint):
            response = client.get(f"/api/v1/{endpoint}/?limit=100")
        assert len(response.json()["results"]) > 10, endpoint


def test_a_cached_response_makes_no_query(client, many_items, django_assert_max_num_queries):
    client.get("/api/v1/events/?limit=20")
    with django_assert_max_num_queries(0):
        response = client.get("/api/v1/events/?limit=20")
    assert response.status_code == 200
    assert response["ETag"]


def test_publishing_invalidates_the_cache(client, many_items):
    first = client.get("/api/v1/news/?limit=100").json()["count"]
    f.NewsPageFactory(parent=many_items["news_index"], title="Nova vest", date=datetime.date(2030, 1, 1))
    assert client.get("/api/v1/news/?limit=100").json()["count"] == first + 1
