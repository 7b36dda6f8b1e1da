"""Every filter of every list, by slug and by id, with the date boundaries."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest

from pages.models import QualityLabel
from tests import factories as f

from .conftest import translate, translate_snippet

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# -- news ---------------------------------------------------------------------


def test_news_by_sector_slug_and_by_the_id_of_either_locale(client, content):
    other = f.NewsPageFactory(parent=content["news_index"], title="Druga")
    expected = [content["news"].pk]
    assert ids(client, "/api/v1/news/?sector=textile") == expected
    assert ids(client, f"/api/v1/news/?sector={content['textile'].pk}") == expected
    assert ids(client, f"/api/v1/news/?sector={content['textile_en'].pk}") == expected
    assert ids(client, "/api/v1/news/?sector=ict") == []
    assert other.pk in ids(client, "/api/v1/news/")


def test_news_by_tag_cluster_organisation(client, content):
    news = content["news"]
    organisation = f.OrganisationFactory(slug="esca")
    news.tags.add("benchmarking")
    news.related_clusters.set([content["cluster"]])
    news.related_organisations.set([organisation])
    news.save_revision().publish()
    f.NewsPageFactory(parent=content["news_index"])
    assert ids(client, "/api/v1/news/?tag=benchmarking") == [news.pk]
    assert ids(client, "/api/v1/news/?cluster=klaster-dzemper") == [news.pk]
    assert ids(client, f"/api/v1/news/?cluster={content['cluster'].pk}") == [news.pk]
    assert ids(client, "/api/v1/news/?organisation=esca") == [news.pk]
    other = f.NewsPageFactory(parent=content["news_index"], title="Druga vest")
    other.tags.add("konferencija")
    other.save_revision().publish()
    assert sorted(ids(client, "/api/v1/news/?tag=benchmarking,konferencija")) == sorted([news.pk, other.pk])
    # A tag nobody uses is unknown, as for every other filter: a 400 naming the parameter.
    response = client.get("/api/v1/news/?tag=nothing")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["parameter"] for error in response.json()["errors"]] == ["tag"]


def test_news_by_dates_and_year(client, content):
    old = f.NewsPageFactory(parent=content["news_index"], date=datetime.date(2024, 12, 31))
    new = f.NewsPageFactory(parent=content["news_index"], date=datetime.date(2025, 1, 1))
    content["news"].delete()
    assert ids(client, "/api/v1/news/?year=2024") == [old.pk]
    assert ids(client, "/api/v1/news/?date_from=2025-01-01") == [new.pk]
    assert ids(client, "/api/v1/news/?date_to=2024-12-31") == [old.pk]
    assert ids(client, "/api/v1/news/?date_from=2024-12-31&date_to=2025-01-01") == [new.pk, old.pk]


def test_news_filters_work_in_english(client, content):
    translate(content["news_index"], content["en"])
    article = translate(content["news"], content["en"], title="Opened")
    assert ids(client, "/api/v1/news/?locale=en&sector=textile") == [article.pk]
    assert ids(client, f"/api/v1/news/?locale=en&sector={content['textile'].pk}") == [article.pk]


# -- events -------------------------------------------------------------------


def event(content, start, end, **kwargs):
    return f.EventPageFactory(parent=content["event_index"], start=start, end=end, **kwargs)


def test_upcoming_and_past_relative_to_now(client, content):
    now = timezone.now()
    past = event(content, now - datetime.timedelta(days=2), now - datetime.timedelta(days=1))
    running = event(content, now - datetime.timedelta(hours=1), now + datetime.timedelta(hours=1))
    upcoming = content["event"]
    assert ids(client, "/api/v1/events/?upcoming=true") == [running.pk, upcoming.pk]
    assert ids(client, "/api/v1/events/?past=true") == [past.pk]
    assert ids(client, "/api/v1/events/?upcoming=false") == [past.pk]


def test_an_event_spanning_midnight_is_found_by_its_start_day(client, content):
    # 23:00 on 1 May to 02:00 on 2 May, Belgrade time (21:00 UTC on 1 May).
    night = event(
        content,
        datetime.datetime(2026, 5, 1, 23, 0, tzinfo=BELGRADE),
        datetime.datetime(2026, 5, 2, 2, 0, tzinfo=BELGRADE),
    )
    # 00:30 on 2 May in Belgrade is still 1 May in UTC.
    after_midnight = event(
        content,
        datetime.datetime(2026, 5, 2, 0, 30, tzinfo=BELGRADE),
        datetime.datetime(2026, 5, 2, 3, 0, tzinfo=BELGRADE),
    )
    assert ids(client, "/api/v1/events/?start_from=2026-05-01&start_to=2026-05-01") == [night.pk]
    assert ids(client, "/api/v1/events/?start_from=2026-05-02&start_to=2026-05-02") == [after_midnight.pk]
    # A closed window: the fixture's upcoming event is dated from today, whatever today is.
    assert ids(client, "/api/v1/events/?start_from=2026-05-01&start_to=2026-05-02") == [night.pk, after_midnight.pk]


def test_events_by_country_city_sector_project_status(client, content):
    other = event(
        content,
        timezone.now() + datetime.timedelta(days=3),
        timezone.now() + datetime.timedelta(days=4),
        city="Niš",
        country=content["serbia"],
        status="cancelled",
    )
    sofia = content["event"]
    assert ids(client, "/api/v1/events/?country=bulgaria") == [sofia.pk]
    assert ids(client, f"/api/v1/events/?country={content['bulgaria_en'].pk}") == [sofia.pk]
    assert ids(client, "/api/v1/events/?city=sofija") == [sofia.pk]
    assert ids(client, "/api/v1/events/?sector=textile") == [sofia.pk]
    assert ids(client, "/api/v1/events/?project=klasteri-preko-granice") == [sofia.pk]
    assert ids(client, f"/api/v1/events/?project={content['project'].pk}") == [sofia.pk]
    assert ids(client, "/api/v1/events/?status=cancelled") == [other.pk]
    assert ids(client, "/api/v1/events/?country=bulgaria&sector=textile&upcoming=true") == [sofia.pk]
    # ISO 3166 codes in any case, and a comma meaning "either".
    assert ids(client, "/api/v1/events/?country=BG") == [sofia.pk]
    assert ids(client, "/api/v1/events/?country=bg") == [sofia.pk]
    assert sorted(ids(client, "/api/v1/events/?country=BG,serbia")) == sorted([sofia.pk, other.pk])


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sector=no-such-sector", "sector"),
        ("sector=textile,no-such-sector", "sector"),
        ("country=XX", "country"),
        ("project=999999", "project"),
        ("city=", None),
    ],
)
def test_unknown_filter_values_are_a_400_naming_the_parameter(client, content, query, parameter):
    response = client.get(f"/api/v1/events/?{query}")
    if parameter is None:  # an empty value is no filter at all
        assert response.status_code == 200
        return
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


# -- clusters -----------------------------------------------------------------


def label(cluster, level, awarded_on, valid_until=None):
    QualityLabel.objects.create(page=cluster, level=level, awarded_on=awarded_on, valid_until=valid_until)


def test_a_label_expiring_today_is_still_valid(client, content):
    today = timezone.localdate()
    cluster = content["cluster"]
    label(cluster, "bronze", today - datetime.timedelta(days=700), valid_until=today)
    expired = f.ClusterPageFactory(parent=content["cluster_index"], title="Bez znaka")
    label(expired, "gold", today - datetime.timedelta(days=800), valid_until=today - datetime.timedelta(days=1))
    assert ids(client, "/api/v1/clusters/?has_valid_label=true") == [cluster.pk]
    assert ids(client, "/api/v1/clusters/?has_valid_label=false") == [expired.pk]
    tomorrow = today + datetime.timedelta(days=1)
    assert ids(client, f"/api/v1/clusters/?label_valid_on={tomorrow}") == []
    assert ids(client, f"/api/v1/clusters/?label_valid_on={today - datetime.timedelta(days=1)}") == [
        expired.pk,
        cluster.pk,
    ]
    item = client.get(f"/api/v1/clusters/{cluster.pk}/").json()
    assert item["current_label"] == {
        "level": "bronze",
        "awarded_on": str(today - datetime.timedelta(days=700)),
        "expires_on": str(today),
    }


def test_clusters_by_label_level_sector_country_network(client, content):
    today = timezone.localdate()
    cluster = content["cluster"]
    label(cluster, "silver", today - datetime.timedelta(days=30))
    f.ClusterPageFactory(parent=content["cluster_index"], title="Drugi", country=content["bulgaria"])
    assert ids(client, "/api/v1/clusters/?label=silver") == [cluster.pk]
    assert ids(client, "/api/v1/clusters/?label=gold") == []
    assert ids(client, "/api/v1/clusters/?label=any") == [cluster.pk]
    assert ids(client, "/api/v1/clusters/?sector=textile&country=serbia") == [cluster.pk]
    assert ids(client, "/api/v1/clusters/?network=tci") == [cluster.pk]
    assert ids(client, f"/api/v1/clusters/?network={content['network'].pk}") == [cluster.pk]


# -- galleries and projects ---------------------------------------------------


def test_galleries_by_event(client, content):
    f.GalleryPageFactory(parent=content["gallery_index"], title="Druga")
    assert ids(client, "/api/v1/galleries/?event=dan-klastera") == [content["gallery"].pk]
    assert ids(client, f"/api/v1/galleries/?event={content['event'].pk}") == [content["gallery"].pk]


def test_projects_by_programme_and_active_on(client, content):
    old = f.ProjectPageFactory(
        parent=content["project_index"], start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 12, 31)
    )
    project = content["project"]
    assert ids(client, "/api/v1/projects/?programme=ipa-bg-rs") == [project.pk]
    assert ids(client, "/api/v1/projects/?active_on=2016-12-31") == [old.pk]
    assert ids(client, "/api/v1/projects/?active_on=2017-01-01") == []
    assert ids(client, "/api/v1/projects/?active_on=2026-12-31") == [project.pk]


def test_snippet_lists_filter_by_name_kind_and_iso_code(client, content):
    translate_snippet(content["ict"], content["en"], name="ICT")
    assert [item["slug"] for item in client.get("/api/v1/sectors/?q=tekst").json()["results"]] == ["textile"]
    assert [item["slug"] for item in client.get("/api/v1/organisations/?kind=network").json()["results"]] == ["tci"]
    assert [item["slug"] for item in client.get("/api/v1/countries/?iso_code=bg").json()["results"]] == ["bulgaria"]
