"""Which photo gallery an event links (EventPage.galleries_by_event): the newest public
one in the reader's language, only the asked-for events, one query."""

import datetime

from django.utils import timezone

from wagtail.models import Locale, Page

import pytest
from rest_framework.test import APIClient

from pages.models import EventPage
from tests.factories import EventPageFactory, GalleryPageFactory


def gallery_for(event: EventPage, parent: Page, title: str, published_days_ago: int):
    gallery = GalleryPageFactory(parent=parent, title=title)
    gallery.event = event
    gallery.save_revision().publish()
    first_published = timezone.now() - datetime.timedelta(days=published_days_ago)
    type(gallery).objects.filter(pk=gallery.pk).update(first_published_at=first_published)
    return gallery


@pytest.fixture
def event(site):
    return EventPageFactory(parent=site["event_index"], title="Forum u Sofiji", slug="forum-sofija")


def test_of_two_galleries_the_most_recently_first_published_is_linked(site, event):
    # The older gallery comes first in the tree: publication date decides, not position.
    gallery_for(event, site["gallery_index"], "Prvi dan foruma", published_days_ago=30)
    newer = gallery_for(event, site["gallery_index"], "Ceo forum", published_days_ago=2)
    sr = Locale.get_default()
    assert EventPage.galleries_by_event([event], sr) == {event.translation_key: newer}
    assert EventPage.objects.get(pk=event.pk).localized_gallery == newer


def test_only_the_events_asked_for_are_answered(site, event):
    other = EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")
    gallery = gallery_for(event, site["gallery_index"], "Foto forum", published_days_ago=3)
    gallery_for(other, site["gallery_index"], "Foto dani", published_days_ago=1)
    assert EventPage.galleries_by_event([event], Locale.get_default()) == {event.translation_key: gallery}


def test_the_galleries_locale_comes_with_them(site, event, django_assert_num_queries):
    gallery_for(event, site["gallery_index"], "Foto forum", published_days_ago=3)
    found = EventPage.galleries_by_event([event], Locale.get_default())
    # The API names each gallery's language: no query per gallery for it.
    with django_assert_num_queries(0):
        assert [g.locale.language_code for g in found.values()] == ["sr-latn"]


def test_the_api_links_no_gallery_outside_the_public_site(site, event):
    # A gallery on a page tree that no site serves (e.g. an intranet section) is not content.
    outside = Page.get_first_root_node()
    gallery_for(event, outside, "Interne fotografije", published_days_ago=1)
    item = APIClient().get(f"/api/v1/events/{event.pk}/").json()
    assert item["gallery"] is None
    public = gallery_for(event, site["gallery_index"], "Foto forum", published_days_ago=5)
    item = APIClient().get(f"/api/v1/events/{event.pk}/").json()
    assert item["gallery"]["id"] == public.pk
