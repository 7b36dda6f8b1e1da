"""Content for the API tests: a small site in Serbian with some English translations."""

import datetime
from typing import Any

from django.core.cache import cache
from django.utils import timezone

import pytest
from rest_framework.test import APIClient

from tests import factories as f


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rendered responses are cached between requests; each test starts cold.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def translate(page: Any, locale: Any, **changes: Any) -> Any:
    """Publish a translation of ``page`` (its parent must be translated first)."""
    translation = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def translate_snippet(obj: Any, locale: Any, **changes: Any) -> Any:
    translation = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def content(site) -> dict[str, Any]:
    """Sectors and countries (with English names), and one item of each type."""
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    textile = f.SectorFactory(name="Tekstil", slug="textile")
    ict = f.SectorFactory(name="IKT", slug="ict")
    textile_en = translate_snippet(textile, en, name="Textile")
    serbia = f.CountryFactory(name="Srbija", slug="serbia", iso_code="RS")
    bulgaria = f.CountryFactory(name="Bugarska", slug="bulgaria", iso_code="BG")
    bulgaria_en = translate_snippet(bulgaria, en, name="Bulgaria")
    translate_snippet(serbia, en, name="Serbia")
    network = f.OrganisationFactory(name="TCI mreža", slug="tci", kind="network")
    programme = f.FundingProgrammeFactory(name="IPA Bugarska–Srbija", slug="ipa-bg-rs")
    project = f.ProjectPageFactory(
        parent=site["project_index"],
        title="Klasteri preko granice",
        slug="klasteri-preko-granice",
        programme=programme,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    news = f.NewsPageFactory(
        parent=site["news_index"], title="Kuća klastera otvorena", slug="kuca-klastera", lead="Čačak i Niš"
    )
    news.sectors.set([textile])
    news.save_revision().publish()
    event = f.EventPageFactory(
        parent=site["event_index"],
        title="Dan klastera",
        slug="dan-klastera",
        country=bulgaria,
        city="Sofija",
        time_zone="Europe/Sofia",
        project=project,
    )
    event.sectors.set([textile])
    event.save_revision().publish()
    cluster = f.ClusterPageFactory(
        parent=site["cluster_index"], title="Klaster džemper", slug="klaster-dzemper", country=serbia
    )
    cluster.sectors.set([textile])
    cluster.network_memberships.set([network])
    cluster.save_revision().publish()
    gallery = f.GalleryPageFactory(parent=site["gallery_index"], title="Fotografije", slug="fotografije", event=event)
    for name in ("news", "event", "cluster", "project", "gallery"):
        locals()[name].refresh_from_db()
    return {
        "en": en,
        "textile": textile,
        "textile_en": textile_en,
        "ict": ict,
        "serbia": serbia,
        "bulgaria": bulgaria,
        "bulgaria_en": bulgaria_en,
        "network": network,
        "programme": programme,
        "project": project,
        "news": news,
        "event": event,
        "cluster": cluster,
        "gallery": gallery,
        "now": timezone.now(),
        **site,
    }
