"""Odd query strings on a listing give a sensible page, never a server error."""

import datetime

from django.utils import timezone

import pytest

from tests.factories import (
    ClusterPageFactory,
    EventPageFactory,
    GalleryPageFactory,
    NewsPageFactory,
    ProjectPageFactory,
    SectorFactory,
)

LISTINGS = ["news_index", "event_index", "cluster_index", "gallery_index", "project_index"]
BAD_QUERIES = [
    {"page": "abc"},
    {"page": "99999"},
    {"page": "-1"},
    {"page": "0"},
    {"page": ""},
    {"sector": "unknown"},
    {"country": "atlantis"},
    {"tag": "no-such-tag"},
    {"year": "x"},
    {"year": "99999"},
    {"year": "0"},
    {"year": "2023.5"},
    {"when": "sometimes"},
    {"when": ""},
    {"label": "platinum"},
    {"sector": "nul\x00byte"},
    {"sector": ["textile", "unknown"]},
]


@pytest.fixture
def listings(site, monkeypatch):
    """Each listing with three items on two pages (two items a page)."""
    for name in LISTINGS:
        monkeypatch.setattr(type(site[name]), "paginate_by", 2)
    SectorFactory(name="Tekstil", slug="textile")
    start = timezone.now() + datetime.timedelta(days=1)
    for number in range(3):
        NewsPageFactory(parent=site["news_index"], title=f"Vest {number}")
        EventPageFactory(parent=site["event_index"], title=f"Događaj {number}", start=start)
        GalleryPageFactory(parent=site["gallery_index"], title=f"Galerija {number}")
        ProjectPageFactory(parent=site["project_index"], title=f"Projekat {number}")
        ClusterPageFactory(parent=site["cluster_index"], title=f"Klaster {number}")
    return site


@pytest.mark.parametrize("name", LISTINGS)
def test_bad_query_gives_a_listing_page(client, listings, subtests, name):
    index = listings[name]
    for query in BAD_QUERIES:
        with subtests.test(query=query):
            response = client.get(index.url, query)
            assert response.status_code == 200
            listing = response.context["listing"]
            assert listing.paginator.count == 3, "a bad value is ignored: it filters nothing out"
            assert f"<h1>{index.title}</h1>" in response.content.decode()


@pytest.mark.parametrize("name", LISTINGS)
def test_page_beyond_the_end_shows_the_last_page(client, listings, name):
    response = client.get(listings[name].url, {"page": "99999"})
    listing = response.context["listing"]
    assert listing.number == listing.paginator.num_pages == 2


@pytest.mark.parametrize("name", LISTINGS)
def test_page_that_is_not_a_number_shows_the_first_page(client, listings, name):
    response = client.get(listings[name].url, {"page": "abc"})
    assert response.context["listing"].number == 1


def test_unknown_sector_is_ignored_and_reported(client, listings):
    index = listings["news_index"]
    response = client.get(index.url, {"sector": "unknown"})
    assert response.context["listing"].paginator.count == 3
    assert response.context["filterset"].errors


def test_impossible_year_is_ignored_and_reported(client, listings):
    response = client.get(listings["news_index"].url, {"year": "99999"})
    assert response.context["listing"].paginator.count == 3
    assert "year" in response.context["filterset"].errors


def test_bad_when_falls_back_to_upcoming_events(client, site):
    index = site["event_index"]
    now = timezone.now()
    EventPageFactory(parent=index, title="Stari događaj", start=now - datetime.timedelta(days=400))
    EventPageFactory(parent=index, title="Sledeći događaj", start=now + datetime.timedelta(days=4))
    for when in ("sometimes", ""):
        response = client.get(index.url, {"when": when})
        assert response.status_code == 200
        assert [page.title for page in response.context["listing"]] == ["Sledeći događaj"]
        assert "Stari događaj" not in response.content.decode()
