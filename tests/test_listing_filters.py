"""What readers see on the news, events and cluster listings when they filter and page."""

import datetime

from django.utils import timezone

import pytest

from pages.models import QualityLabel
from tests.factories import (
    ClusterPageFactory,
    CountryFactory,
    EventPageFactory,
    NewsPageFactory,
    SectorFactory,
)

D = datetime.date


def listed_titles(response) -> list[str]:
    assert response.status_code == 200
    return [page.title for page in response.context["listing"]]


def assert_shown(response, shown, hidden=()):
    """The titles in ``shown`` appear on the page in this order; none in ``hidden`` appear."""
    content = response.content.decode()
    positions = [content.find(title) for title in shown]
    assert all(position >= 0 for position in positions), [t for t, p in zip(shown, positions, strict=True) if p < 0]
    assert positions == sorted(positions), "listed in the wrong order"
    for title in hidden:
        assert title not in content, title


@pytest.fixture
def taxonomy(site):
    return {
        "textile": SectorFactory(name="Tekstil", slug="textile"),
        "ict": SectorFactory(name="IKT", slug="ict"),
        "serbia": CountryFactory(name="Srbija", slug="serbia", iso_code="RS"),
        "bulgaria": CountryFactory(name="Bugarska", slug="bulgaria", iso_code="BG"),
    }


# News ---------------------------------------------------------------------


@pytest.fixture
def news(site, taxonomy):
    index = site["news_index"]
    textile = NewsPageFactory(parent=index, title="Sajam tekstila 2023", date=D(2023, 5, 10))
    textile.sectors.set([taxonomy["textile"]])
    textile.tags.add("sajam")
    textile.save_revision().publish()
    ict = NewsPageFactory(parent=index, title="IKT konferencija 2024", date=D(2024, 3, 1))
    ict.sectors.set([taxonomy["ict"]])
    ict.tags.add("konferencija")
    ict.save_revision().publish()
    both = NewsPageFactory(parent=index, title="Zajednički projekat 2024", date=D(2024, 9, 20))
    both.sectors.set([taxonomy["textile"], taxonomy["ict"]])
    both.tags.add("sajam", "konferencija")
    both.save_revision().publish()
    NewsPageFactory(parent=index, title="Nacrt tekstilne vesti", date=D(2024, 1, 1), draft=True)
    return index


def test_news_are_listed_newest_first_without_drafts(client, news):
    response = client.get(news.url)
    assert listed_titles(response) == ["Zajednički projekat 2024", "IKT konferencija 2024", "Sajam tekstila 2023"]
    assert_shown(
        response,
        ["Zajednički projekat 2024", "IKT konferencija 2024", "Sajam tekstila 2023"],
        hidden=["Nacrt tekstilne vesti"],
    )


def test_news_by_sector(client, news):
    response = client.get(news.url, {"sector": "textile"})
    assert listed_titles(response) == ["Zajednički projekat 2024", "Sajam tekstila 2023"]
    assert_shown(response, ["Zajednički projekat 2024", "Sajam tekstila 2023"], hidden=["IKT konferencija 2024"])


def test_news_by_tag(client, news):
    response = client.get(news.url, {"tag": "konferencija"})
    assert listed_titles(response) == ["Zajednički projekat 2024", "IKT konferencija 2024"]
    assert_shown(response, ["Zajednički projekat 2024", "IKT konferencija 2024"], hidden=["Sajam tekstila 2023"])


def test_news_by_year(client, news):
    response = client.get(news.url, {"year": "2023"})
    assert listed_titles(response) == ["Sajam tekstila 2023"]
    assert_shown(response, ["Sajam tekstila 2023"], hidden=["IKT konferencija 2024", "Zajednički projekat 2024"])


def test_news_filters_combine(client, news):
    response = client.get(news.url, {"sector": "textile", "tag": "konferencija", "year": "2024"})
    assert listed_titles(response) == ["Zajednički projekat 2024"]


def test_news_filter_that_matches_nothing_says_so(client, news):
    response = client.get(news.url, {"sector": "ict", "year": "2023"})
    assert listed_titles(response) == []
    assert_shown(response, [], hidden=["Sajam tekstila 2023", "IKT konferencija 2024"])


def test_news_pagination_keeps_the_order_and_the_filter(client, site):
    index = site["news_index"]
    first = D(2024, 1, 1)
    for day in range(15):
        NewsPageFactory(parent=index, title=f"Vest broj {day:02d}", date=first + datetime.timedelta(days=day))
    page_one = client.get(index.url)
    assert listed_titles(page_one) == [f"Vest broj {day:02d}" for day in range(14, 2, -1)]
    assert page_one.context["listing"].paginator.num_pages == 2
    page_two = client.get(index.url, {"page": "2"})
    assert listed_titles(page_two) == ["Vest broj 02", "Vest broj 01", "Vest broj 00"]
    assert_shown(page_two, ["Vest broj 02", "Vest broj 01", "Vest broj 00"], hidden=["Vest broj 03"])
    # The pagination links keep the filter.
    filtered = client.get(index.url, {"year": "2024", "page": "2"})
    assert listed_titles(filtered) == ["Vest broj 02", "Vest broj 01", "Vest broj 00"]
    assert "year=2024" in filtered.content.decode()


# Events -------------------------------------------------------------------


@pytest.fixture
def events(site, taxonomy):
    index = site["event_index"]
    now = timezone.now()

    def event(title, start_in_days, hours=3, country=None, sectors=()):
        start = now + datetime.timedelta(days=start_in_days)
        page = EventPageFactory(
            parent=index,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            country=taxonomy[country] if country else None,
        )
        if sectors:
            page.sectors.set([taxonomy[name] for name in sectors])
            page.save_revision().publish()
        return page

    event("Sajam u Sofiji", 30, country="bulgaria", sectors=["textile"])
    event("Radionica u Nišu", 3, country="serbia", sectors=["ict"])
    event("Trodnevni kongres", -1, hours=72, country="serbia")  # running now
    event("Prošlogodišnji forum", -300, country="bulgaria", sectors=["ict"])
    event("Davni skup", -900, country="serbia", sectors=["textile"])
    return index


def test_upcoming_events_first_soonest_first(client, events):
    response = client.get(events.url)
    expected = ["Trodnevni kongres", "Radionica u Nišu", "Sajam u Sofiji"]
    assert listed_titles(response) == expected
    assert_shown(response, expected, hidden=["Prošlogodišnji forum", "Davni skup"])


def test_past_events_on_request_latest_first(client, events):
    response = client.get(events.url, {"when": "past"})
    assert listed_titles(response) == ["Prošlogodišnji forum", "Davni skup"]
    assert_shown(response, ["Prošlogodišnji forum", "Davni skup"], hidden=["Sajam u Sofiji", "Radionica u Nišu"])


def test_events_by_country(client, events):
    response = client.get(events.url, {"country": "bulgaria"})
    assert listed_titles(response) == ["Sajam u Sofiji"]
    response = client.get(events.url, {"country": "serbia", "when": "past"})
    assert listed_titles(response) == ["Davni skup"]


def test_events_by_sector(client, events):
    response = client.get(events.url, {"sector": "ict"})
    assert listed_titles(response) == ["Radionica u Nišu"]
    assert_shown(response, ["Radionica u Nišu"], hidden=["Sajam u Sofiji", "Trodnevni kongres"])
    response = client.get(events.url, {"sector": "textile", "when": "past"})
    assert listed_titles(response) == ["Davni skup"]


# Clusters -----------------------------------------------------------------


@pytest.fixture
def clusters(site, taxonomy):
    index = site["cluster_index"]
    today = timezone.localdate()

    def cluster(title, country, sectors, labels=()):
        page = ClusterPageFactory(parent=index, title=title, country=taxonomy[country])
        page.sectors.set([taxonomy[name] for name in sectors])
        for level, awarded_on, valid_until in labels:
            QualityLabel.objects.create(page=page, level=level, awarded_on=awarded_on, valid_until=valid_until)
        page.save_revision().publish()
        return page

    year_ago = today - datetime.timedelta(days=365)
    cluster("Alfa klaster", "serbia", ["textile"], [(QualityLabel.Level.BRONZE, year_ago, None)])
    cluster("Beta klaster", "bulgaria", ["ict"], [(QualityLabel.Level.GOLD, year_ago, today)])  # expires today
    cluster("Gama klaster", "serbia", ["ict", "textile"], [(QualityLabel.Level.SILVER, D(2012, 3, 15), None)])
    cluster("Delta klaster", "bulgaria", ["textile"])
    return index


def test_clusters_are_listed_alphabetically(client, clusters):
    expected = ["Alfa klaster", "Beta klaster", "Delta klaster", "Gama klaster"]
    response = client.get(clusters.url)
    assert listed_titles(response) == expected
    assert_shown(response, expected)


def test_clusters_by_sector_and_country(client, clusters):
    assert listed_titles(client.get(clusters.url, {"sector": "ict"})) == ["Beta klaster", "Gama klaster"]
    assert listed_titles(client.get(clusters.url, {"country": "serbia"})) == ["Alfa klaster", "Gama klaster"]
    response = client.get(clusters.url, {"country": "bulgaria", "sector": "textile"})
    assert listed_titles(response) == ["Delta klaster"]
    assert_shown(response, ["Delta klaster"], hidden=["Alfa klaster", "Beta klaster", "Gama klaster"])


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("any", ["Alfa klaster", "Beta klaster"]),  # Gama's silver expired in 2014
        ("bronze", ["Alfa klaster"]),
        ("silver", []),
        ("gold", ["Beta klaster"]),  # valid through today
    ],
)
def test_clusters_by_label_valid_today(client, clusters, label, expected):
    response = client.get(clusters.url, {"label": label})
    assert listed_titles(response) == expected
    hidden = {"Alfa klaster", "Beta klaster", "Gama klaster", "Delta klaster"} - set(expected)
    assert_shown(response, expected, hidden=sorted(hidden))
