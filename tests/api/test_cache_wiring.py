"""Which changes empty the API response cache: exactly the models whose rows an API
response shows or is filtered by, and none that only the admin or the serving of a
response writes. connect() runs once at start-up (api.apps); these tests wire it
again from scratch, so a receiver it fails to connect shows here."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

import pytest

from api import cache as response_cache
from pages.models import EventPage
from snippets.models import Sector
from tests.factories import EventPageFactory, ImageFactory, SectorFactory, restrict

WATCHED = [
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "pages.EventPage",
    "pages.NewsPage",
    "pages.QualityLabel",
    "snippets.Sector",
    "snippets.Organisation",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "taggit.Tag",
]
NOT_WATCHED = [
    "wagtailcore.Revision",  # a draft changes nothing visitors see
    "wagtailcore.WorkflowState",
    "wagtailcore.PageLogEntry",
    "wagtailimages.Rendition",  # written while a response is served
    "auth.User",
    "auth.Group",
    "sessions.Session",
]


@pytest.mark.parametrize("label", WATCHED)
def test_content_models_are_watched(label):
    assert response_cache.watched(apps.get_model(label)) is True


@pytest.mark.parametrize("label", NOT_WATCHED)
def test_models_no_response_shows_are_not_watched(label):
    assert response_cache.watched(apps.get_model(label)) is False


def disconnect_all() -> None:
    """Switch the invalidation off by the receivers' names (a bulk import may do this
    and bump once at the end)."""
    page_published.disconnect(dispatch_uid="api_cache_published")
    page_unpublished.disconnect(dispatch_uid="api_cache_unpublished")
    m2m_changed.disconnect(dispatch_uid="api_cache_m2m")
    for model in apps.get_models():
        post_save.disconnect(sender=model, dispatch_uid=f"api_cache_save_{model._meta.label}")
        post_delete.disconnect(sender=model, dispatch_uid=f"api_cache_delete_{model._meta.label}")


@pytest.fixture
def rewired():
    """Every receiver connect() made, disconnected, then connect() called again."""
    disconnect_all()
    response_cache.connect()


@pytest.fixture
def disconnected():
    disconnect_all()
    yield
    response_cache.connect()


def bumps(action) -> bool:
    before = response_cache.generation()
    action()
    return response_cache.generation() > before


def test_publishing_unpublishing_and_saving_a_page_bump(rewired, site):
    event = EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")
    assert bumps(lambda: event.save_revision().publish())
    assert bumps(lambda: event.unpublish())
    # The signals alone, as Wagtail's publish/unpublish actions send them.
    assert bumps(lambda: page_published.send(sender=EventPage, instance=event, revision=None))
    assert bumps(lambda: page_unpublished.send(sender=EventPage, instance=event))
    assert bumps(lambda: Page.objects.get(pk=event.pk).specific.delete())


def test_restrictions_snippets_images_and_tags_bump(rewired, site):
    assert bumps(lambda: restrict(site["home"], PageViewRestriction.LOGIN))
    assert bumps(lambda: PageViewRestriction.objects.all().delete())
    assert bumps(lambda: SectorFactory(name="Energetika"))
    assert bumps(lambda: Sector.objects.filter(name="Energetika").delete())
    image = ImageFactory()
    assert bumps(lambda: image.tags.add("konferencija"))  # m2m_changed


def test_users_and_renditions_do_not_bump(rewired, site):
    user = get_user_model().objects.create_user("urednik", "u@example.org", "x")
    assert not bumps(lambda: user.save())
    assert not bumps(lambda: user.delete())
    image = ImageFactory()
    assert not bumps(lambda: image.get_rendition("fill-20x20"))


def test_the_receivers_are_switched_off_by_their_names_and_on_again(disconnected, site):
    # Nothing of connect()'s is left once its receivers are disconnected by name ...
    event = EventPageFactory(parent=site["event_index"], title="Dani klastera", slug="dani-klastera")
    assert not bumps(lambda: event.save_revision().publish())
    assert not bumps(lambda: event.unpublish())
    image = ImageFactory()
    assert not bumps(lambda: image.tags.add("konferencija"))
    assert not bumps(lambda: Page.objects.get(pk=event.pk).specific.delete())
    # ... and connect() puts every one back, once: one change, one bump.
    response_cache.connect()
    response_cache.connect()
    before = response_cache.generation()
    SectorFactory(name="Energetika")
    assert response_cache.generation() == before + 1
