"""Cluster quality labels: how long a label is valid and which one a cluster shows."""

import datetime

from django.utils import timezone

import pytest

from pages.models import ClusterPage, QualityLabel
from tests.factories import ClusterPageFactory

BRONZE = QualityLabel.Level.BRONZE
SILVER = QualityLabel.Level.SILVER
GOLD = QualityLabel.Level.GOLD
D = datetime.date


def add_label(cluster: ClusterPage, level: str, awarded_on: datetime.date, **kwargs) -> QualityLabel:
    return QualityLabel.objects.create(page=cluster, level=level, awarded_on=awarded_on, **kwargs)


@pytest.fixture
def cluster(site):
    return ClusterPageFactory(parent=site["cluster_index"], title="Klaster A")


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        (D(2012, 3, 14), False),  # the day before the interview
        (D(2012, 3, 15), True),  # the interview day
        (D(2013, 3, 15), True),
        (D(2014, 3, 15), True),  # two years to the day, but the month runs on
        (D(2014, 3, 31), True),  # the last day of the month two years later
        (D(2014, 4, 1), False),
    ],
)
def test_bronze_label_is_valid_until_the_end_of_the_month_two_years_later(cluster, day, valid):
    label = add_label(cluster, BRONZE, D(2012, 3, 15))
    assert label.expires_on == D(2014, 3, 31)
    assert label.is_valid_on(day) is valid
    assert ClusterPage.objects.with_valid_label(day).filter(pk=cluster.pk).exists() is valid


def test_rule_clamps_to_the_end_of_a_shorter_month(cluster):
    label = add_label(cluster, SILVER, D(2014, 1, 31))
    assert label.expires_on == D(2016, 1, 31)
    # February of a leap year
    label = add_label(cluster, GOLD, D(2014, 2, 28))
    assert label.expires_on == D(2016, 2, 29)


def test_entered_end_date_overrides_the_rule_both_ways(cluster):
    shorter = add_label(cluster, BRONZE, D(2012, 3, 15), valid_until=D(2013, 12, 31))
    assert shorter.expires_on == D(2013, 12, 31)
    assert shorter.is_valid_on(D(2013, 12, 31))
    assert not shorter.is_valid_on(D(2014, 1, 1))

    longer = add_label(cluster, SILVER, D(2012, 3, 15), valid_until=D(2014, 6, 30))
    assert longer.expires_on == D(2014, 6, 30)
    assert longer.is_valid_on(D(2014, 6, 30))
    assert not longer.is_valid_on(D(2014, 7, 1))


def test_expiry_is_recomputed_when_the_award_date_or_override_changes(cluster):
    label = add_label(cluster, BRONZE, D(2012, 3, 15))
    label.awarded_on = D(2013, 5, 2)
    label.save()
    label.refresh_from_db()
    assert label.expires_on == D(2015, 5, 31)

    label.valid_until = D(2014, 1, 15)
    label.save()
    label.refresh_from_db()
    assert label.expires_on == D(2014, 1, 15)

    label.valid_until = None
    label.save()
    label.refresh_from_db()
    assert label.expires_on == D(2015, 5, 31)


def test_cluster_shows_its_highest_valid_label(cluster):
    add_label(cluster, BRONZE, D(2012, 3, 15))  # to 2014-03-31
    add_label(cluster, GOLD, D(2013, 6, 10))  # to 2015-06-30
    add_label(cluster, SILVER, D(2015, 2, 1))  # to 2017-02-28
    cluster = ClusterPage.objects.get(pk=cluster.pk)

    assert cluster.label_on(D(2012, 3, 14)) is None
    assert cluster.label_on(D(2012, 3, 15)).level == BRONZE
    assert cluster.label_on(D(2014, 3, 31)).level == GOLD
    assert cluster.label_on(D(2015, 6, 30)).level == GOLD  # gold outranks the newer silver
    assert cluster.label_on(D(2015, 7, 1)).level == SILVER
    assert cluster.label_on(D(2017, 3, 1)) is None


def test_renewal_at_the_same_level_extends_validity(cluster):
    add_label(cluster, SILVER, D(2012, 3, 15))  # to 2014-03-31
    renewal = add_label(cluster, SILVER, D(2014, 3, 20))  # to 2016-03-31
    cluster = ClusterPage.objects.get(pk=cluster.pk)
    assert cluster.label_on(D(2014, 3, 25)) == renewal  # the newer of two equal levels
    assert cluster.label_on(D(2016, 3, 31)) == renewal


def test_label_expiring_today_is_still_valid_today(cluster):
    today = timezone.localdate()
    label = add_label(cluster, GOLD, today - datetime.timedelta(days=400), valid_until=today)
    cluster = ClusterPage.objects.get(pk=cluster.pk)
    assert cluster.current_label == label
    assert list(ClusterPage.objects.with_valid_label(today)) == [cluster]
    assert not ClusterPage.objects.with_valid_label(today + datetime.timedelta(days=1)).exists()


def test_cluster_without_a_valid_label_has_no_current_label(cluster):
    today = timezone.localdate()
    add_label(cluster, GOLD, today - datetime.timedelta(days=900), valid_until=today - datetime.timedelta(days=1))
    cluster = ClusterPage.objects.get(pk=cluster.pk)
    assert cluster.current_label is None


def test_queryset_agrees_with_is_valid_on_around_every_boundary(site):
    index = site["cluster_index"]
    clusters = {
        "bronze": ClusterPageFactory(parent=index, title="B"),
        "silver_override": ClusterPageFactory(parent=index, title="S"),
        "gold_renewed": ClusterPageFactory(parent=index, title="G"),
        "none": ClusterPageFactory(parent=index, title="N"),
    }
    add_label(clusters["bronze"], BRONZE, D(2012, 3, 15))
    add_label(clusters["silver_override"], SILVER, D(2013, 1, 10), valid_until=D(2013, 12, 31))
    add_label(clusters["gold_renewed"], GOLD, D(2011, 11, 30))
    add_label(clusters["gold_renewed"], GOLD, D(2014, 2, 1))
    labels = list(QualityLabel.objects.all())
    boundaries = {day for label in labels for day in (label.awarded_on, label.expires_on)}
    days = sorted({day + datetime.timedelta(days=delta) for day in boundaries for delta in (-1, 0, 1)})

    for day in days:
        for level in (None, BRONZE, SILVER, GOLD):
            expected = {
                label.page_id for label in labels if label.is_valid_on(day) and (level is None or label.level == level)
            }
            found = set(ClusterPage.objects.with_valid_label(day, level=level).values_list("pk", flat=True))
            assert found == expected, (day, level)
