"""A listing page costs the same number of SQL queries with 10 items as with 100.

Every item has an image, so a template or tag that fetches an image, a
rendition or a relation per item shows up here as a growing query count. The
listings prefetch the renditions in pages.models.base.LISTING_RENDITIONS.
Each bound is the count measured with 100 items (SQLite and PostgreSQL agree).
"""

import pytest

from pages.models import GalleryImage, QualityLabel
from tests.factories import (
    ClusterPageFactory,
    CountryFactory,
    EventPageFactory,
    GalleryPageFactory,
    ImageFactory,
    NewsPageFactory,
    ProjectPageFactory,
    SectorFactory,
    image_file,
)

# Measured with 100 items; the count with 10 items is the same or lower.
MAX_QUERIES = {
    "news_index": 20,
    "event_index": 21,
    "project_index": 17,
    "gallery_index": 18,
    "cluster_index": 18,
}


def small_image():
    return ImageFactory(file=image_file(size=(48, 30)))


def add_items(site, name, count, taxonomy):
    parent = site[name]
    for number in range(count):
        title = f"{name} {number}"
        if name == "news_index":
            page = NewsPageFactory(parent=parent, title=title, hero_image=small_image())
            page.tags.add("saradnja")
            page.sectors.set([taxonomy["sector"]])
            page.save_revision().publish()
        elif name == "event_index":
            page = EventPageFactory(parent=parent, title=title, hero_image=small_image(), country=taxonomy["country"])
            page.sectors.set([taxonomy["sector"]])
            page.save_revision().publish()
        elif name == "project_index":
            ProjectPageFactory(parent=parent, title=title, hero_image=small_image())
        elif name == "gallery_index":
            page = GalleryPageFactory(parent=parent, title=title)
            page.gallery_images.add(GalleryImage(image=small_image()), GalleryImage(image=small_image()))
            page.save_revision().publish()
        elif name == "cluster_index":
            page = ClusterPageFactory(parent=parent, title=title, logo=small_image(), country=taxonomy["country"])
            page.sectors.set([taxonomy["sector"]])
            QualityLabel.objects.create(
                page=page, level=QualityLabel.Level.SILVER, awarded_on=page.latest_revision_created_at.date()
            )
            page.save_revision().publish()


@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_listing_query_count_does_not_grow_with_items(client, site, monkeypatch, django_assert_max_num_queries, name):
    index = site[name]
    # Everything on one page, so every item is rendered.
    monkeypatch.setattr(type(index), "paginate_by", 200)
    taxonomy = {"sector": SectorFactory(slug="textile"), "country": CountryFactory(slug="serbia")}

    for added, total in ((10, 10), (90, 100)):
        add_items(site, name, added, taxonomy)
        # The first request creates the renditions, which bumps the content generation; the second
        # reads the visibility gate's paths (hidden images) into the cache under the new one. Readers
        # after them get renditions from the database and the gate from the cache.
        for _warm_up in range(2):
            assert client.get(index.url).status_code == 200
        with django_assert_max_num_queries(MAX_QUERIES[name]):
            response = client.get(index.url)
        assert len(response.context["listing"].object_list) == total
