"""The visibility rule's building blocks at their edges: the instant a page goes live or
expires, restricted subtrees given as path prefixes, fallback to the source locale,
and snippets with and without drafts."""

import datetime

from wagtail.models import Locale, Page, PageViewRestriction

import pytest
import time_machine

from pages.models import NewsPage
from security import visibility
from snippets.models import Organisation, Sector
from tests.factories import NewsPageFactory, OrganisationFactory, SectorFactory, restrict, translate

NOW = datetime.datetime(2026, 5, 4, 10, 0, tzinfo=datetime.UTC)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def news(site):
    return NewsPageFactory(parent=site["news_index"], title="Vest", slug="vest")


def visible(page: Page) -> bool:
    """Both forms of the time rule agree: the query (lists) and the one-page check (serving)."""
    row = Page.objects.get(pk=page.pk)
    in_query = Page.objects.filter(pk=page.pk).filter(visibility.current_q()).exists()
    assert in_query is visibility.is_current(row)
    return in_query


@pytest.mark.parametrize(
    ("go_live_at", "expire_at", "shown"),
    [
        (None, None, True),
        (NOW, None, True),  # goes live this very second
        (NOW + SECOND, None, False),
        (NOW - SECOND, None, True),
        (None, NOW, False),  # expires this very second
        (None, NOW + SECOND, True),
        (None, NOW - SECOND, False),
        (NOW - SECOND, NOW + SECOND, True),
    ],
)
def test_the_time_window_at_its_edges(frozen, news, go_live_at, expire_at, shown):
    Page.objects.filter(pk=news.pk).update(go_live_at=go_live_at, expire_at=expire_at)
    assert visible(news) is shown
    assert visibility.is_public_page(news) is shown


def test_not_live_or_marked_expired_is_never_shown(frozen, news):
    Page.objects.filter(pk=news.pk).update(expired=True)
    assert visible(news) is False
    Page.objects.filter(pk=news.pk).update(expired=False, live=False)
    assert visible(news) is False
    Page.objects.filter(pk=news.pk).update(live=True)
    assert visible(news) is True


def test_outermost_keeps_only_paths_no_other_path_covers():
    assert visibility._outermost({"00010002", "000100020003", "00010003", "0001000200030004"}) == [
        "00010002",
        "00010003",
    ]
    assert visibility._outermost(set()) == []
    assert visibility._outermost({"0001"}) == ["0001"]


def test_under_any_matches_a_node_and_its_descendants_only(site, news):
    index = site["news_index"]
    under_index = Page.objects.filter(visibility._under_any("path", [index.path]))
    assert set(under_index.values_list("pk", flat=True)) == {index.pk, news.pk}
    assert not Page.objects.filter(visibility._under_any("path", [])).exists()


def test_restricted_subtrees_and_their_translations_are_the_gate(site, news):
    en = Locale.objects.get(language_code="en")
    translate(site["news_index"], en)
    english = translate(news, en, {"Vest": "News item"})
    assert visibility.gate_paths()["pages"] == []
    restrict(news, PageViewRestriction.LOGIN)
    assert visibility.gate_paths()["pages"] == sorted([news.path, Page.objects.get(pk=english.pk).path])
    assert set(visibility.published(NewsPage.objects.all())) == set()
    assert visibility.source_view_restrictions(Page.objects.get(pk=english.pk)) == list(
        PageViewRestriction.objects.filter(page=news)
    )
    # The source page's own restriction is Wagtail's to apply, not an inherited one.
    assert visibility.source_view_restrictions(Page.objects.get(pk=news.pk)) == []


def test_site_roots_are_the_home_page_in_every_locale(site):
    assert set(visibility.site_roots()) == {
        Page.objects.get(pk=site["home"].pk),
        Page.objects.get(pk=site["home_en"].pk),
    }
    assert sorted(visibility.gate_paths()["roots"]) == sorted([site["home"].path, site["home_en"].path])


def test_a_page_outside_the_site_is_published_but_not_public(site):
    outside = NewsPageFactory(parent=Page.get_first_root_node(), title="Van sajta", slug="van-sajta")
    assert NewsPage.objects.filter(pk=outside.pk).filter(visibility.current_q()).exists()
    assert visibility.is_public_page(outside) is False
    assert outside.pk not in set(visibility.public_pages(NewsPage).values_list("pk", flat=True))


def test_fallback_lists_a_translation_where_one_is_public_else_the_source(site):
    sr, en = Locale.objects.get(language_code="sr-latn"), Locale.objects.get(language_code="en")
    translate(site["news_index"], en)
    translated = NewsPageFactory(parent=site["news_index"], title="Prevedena", slug="prevedena")
    untranslated = NewsPageFactory(parent=site["news_index"], title="Neprevedena", slug="neprevedena")
    english = translate(translated, en, {"Prevedena": "Translated"})
    listed = set(visibility.public_pages_with_fallback(NewsPage, en, sr).values_list("pk", flat=True))
    assert listed == {english.pk, untranslated.pk}
    # An English translation that is not public lets the Serbian page show instead.
    Page.objects.filter(pk=english.pk).update(live=False)
    listed = set(visibility.public_pages_with_fallback(NewsPage, en, sr).values_list("pk", flat=True))
    assert listed == {translated.pk, untranslated.pk}
    serbian = set(visibility.public_pages_with_fallback(NewsPage, sr, sr).values_list("pk", flat=True))
    assert serbian == {translated.pk, untranslated.pk}


def test_snippets_with_drafts_show_live_and_unexpired_rows_only(site):
    sr, en = Locale.objects.get(language_code="sr-latn"), Locale.objects.get(language_code="en")
    live = OrganisationFactory(name="Živa")
    draft = OrganisationFactory(name="Nacrt")
    Organisation.objects.filter(pk=draft.pk).update(live=False)
    expired = OrganisationFactory(name="Istekla")
    Organisation.objects.filter(pk=expired.pk).update(expired=True)
    assert set(visibility.public_snippets(Organisation)) == {live}
    assert set(visibility.public_snippets(Organisation, sr)) == {live}
    assert set(visibility.public_snippets(Organisation, en)) == set()
    # Sectors have no drafts: every row is public.
    sector = SectorFactory(name="Energetika")
    assert set(visibility.public_snippets(Sector, sr)) == {sector}
    assert set(visibility.public_snippets(Sector, en)) == set()
