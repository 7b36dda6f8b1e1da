"""Serbian dates read as Serbian writes them: the day's month in the genitive
("22. aprila 2016.", "22. априла 2016."), one full stop after the year."""

import datetime

from django.template import Context, Template
from django.utils import translation

import pytest
import time_machine

from pages.models import QualityLabel
from tests.factories import ClusterPageFactory, NewsPageFactory

D = datetime.date


def rendered(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load i18n %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("month", "latin", "cyrillic"),
    [
        (1, "7. januara 2016.", "7. јануара 2016."),
        (2, "7. februara 2016.", "7. фебруара 2016."),
        (3, "7. marta 2016.", "7. марта 2016."),
        (4, "7. aprila 2016.", "7. априла 2016."),
        (5, "7. maja 2016.", "7. маја 2016."),
        (6, "7. juna 2016.", "7. јуна 2016."),
        (7, "7. jula 2016.", "7. јула 2016."),
        (8, "7. avgusta 2016.", "7. августа 2016."),
        (9, "7. septembra 2016.", "7. септембра 2016."),
        (10, "7. oktobra 2016.", "7. октобра 2016."),
        (11, "7. novembra 2016.", "7. новембра 2016."),
        (12, "7. decembra 2016.", "7. децембра 2016."),
    ],
)
def test_every_month_of_a_date_is_in_the_genitive(month, latin, cyrillic):
    day = D(2016, month, 7)
    assert rendered('{{ day|date:"DATE_FORMAT" }}', "sr-latn", day=day) == latin
    assert rendered('{{ day|date:"DATE_FORMAT" }}', "sr-cyrl", day=day) == cyrillic


def test_a_month_on_its_own_stays_nominative_and_english_is_unchanged():
    day = D(2016, 4, 22)
    assert rendered('{{ day|date:"YEAR_MONTH_FORMAT" }}', "sr-latn", day=day) == "april 2016."
    assert rendered('{{ day|date:"YEAR_MONTH_FORMAT" }}', "sr-cyrl", day=day) == "април 2016."
    assert rendered('{{ day|date:"DATE_FORMAT" }}', "en", day=day) == "April 22, 2016"
    moment = datetime.datetime(2016, 4, 22, 11, 0)
    assert rendered('{{ moment|date:"DATETIME_FORMAT" }}', "sr-latn", moment=moment) == "22. aprila 2016. 11:00"


def test_a_news_date_on_the_site(client, site):
    NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera", date=D(2016, 4, 22))
    content = client.get("/sr-latn/vesti/dan-klastera/").content.decode()
    assert '<time datetime="2016-04-22">22. aprila 2016.</time>' in content


@time_machine.travel(datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.UTC), tick=False)
def test_a_label_valid_until_a_date_ends_with_one_full_stop(client, site):
    cluster = ClusterPageFactory(parent=site["cluster_index"], title="Klaster Vital", slug="klaster-vital")
    QualityLabel.objects.create(
        page=cluster, level=QualityLabel.Level.GOLD, awarded_on=D(2026, 3, 2), valid_until=D(2028, 3, 31)
    )
    content = client.get("/sr-latn/klasteri/klaster-vital/").content.decode()
    assert "Trenutna oznaka, važi do 31. marta 2028.</p>" in content
    assert "2028.." not in content
