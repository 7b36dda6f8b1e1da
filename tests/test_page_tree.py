"""Which page types editors may add where (the "Add child page" choices)."""

from wagtail.models import Page

import pytest

from pages.models import (
    ClusterIndexPage,
    ClusterPage,
    EventIndexPage,
    EventPage,
    GalleryIndexPage,
    GalleryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    StandardPage,
)

INDEX_TO_DETAIL = {
    NewsIndexPage: NewsPage,
    EventIndexPage: EventPage,
    GalleryIndexPage: GalleryPage,
    ClusterIndexPage: ClusterPage,
    ProjectIndexPage: ProjectPage,
}
HOME_CHILDREN = {*INDEX_TO_DETAIL, StandardPage}


def test_home_page_offers_the_sections_and_standard_pages():
    assert set(HomePage.allowed_subpage_models()) == HOME_CHILDREN


def test_home_page_lives_only_under_the_tree_root():
    assert HomePage.allowed_parent_page_models() == [Page]


@pytest.mark.parametrize(("index_model", "detail_model"), INDEX_TO_DETAIL.items(), ids=lambda m: m.__name__)
def test_each_section_holds_only_its_own_detail_pages(index_model, detail_model):
    assert index_model.allowed_subpage_models() == [detail_model]
    assert index_model.allowed_parent_page_models() == [HomePage]
    assert detail_model.allowed_parent_page_models() == [index_model]
    assert detail_model.allowed_subpage_models() == []


def test_standard_pages_nest_under_home_and_each_other():
    assert StandardPage.allowed_subpage_models() == [StandardPage]
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}


@pytest.mark.parametrize(
    ("parent_model", "child_model"),
    [
        (HomePage, NewsPage),
        (HomePage, HomePage),
        (NewsIndexPage, EventPage),
        (EventIndexPage, NewsPage),
        (ClusterIndexPage, ProjectPage),
        (StandardPage, NewsIndexPage),
        (NewsPage, StandardPage),
        (GalleryIndexPage, ClusterPage),
    ],
    ids=lambda m: m.__name__,
)
def test_misplaced_page_types_are_refused(parent_model, child_model):
    assert child_model not in parent_model.allowed_subpage_models()
    assert parent_model not in child_model.allowed_parent_page_models()


def test_second_index_of_a_section_is_refused_under_one_home_page(site):
    home = site["home"]
    for index_model in INDEX_TO_DETAIL:
        assert not index_model.can_create_at(home), index_model.__name__
    # Standard pages have no such limit.
    assert StandardPage.can_create_at(home)


def test_each_language_home_page_gets_its_own_sections(site):
    # build_site() made the Serbian sections only; the English home page has none yet.
    home_en = site["home_en"]
    for index_model in INDEX_TO_DETAIL:
        assert index_model.can_create_at(home_en), index_model.__name__


def test_detail_pages_can_be_created_in_their_section(site):
    assert NewsPage.can_create_at(site["news_index"])
    assert EventPage.can_create_at(site["event_index"])
    assert GalleryPage.can_create_at(site["gallery_index"])
    assert ClusterPage.can_create_at(site["cluster_index"])
    assert ProjectPage.can_create_at(site["project_index"])
    assert not NewsPage.can_create_at(site["event_index"])
