"""Fixtures for the translation tests: every page type, locales, an admin client
and helpers that read wagtail-localize's segments the way its editor shows them."""

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest

from tests.factories import build_every_page_type


@pytest.fixture
def content(site):
    return {**site, **build_every_page_type(site)}


@pytest.fixture
def en(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def sr(db) -> Locale:
    return Locale.objects.get(language_code="sr-latn")


@pytest.fixture
def cyrl(db) -> Locale:
    """The sr-cyrl locale; while it exists, publishing a Serbian page offers its Cyrillic draft."""
    return Locale.objects.get_or_create(language_code="sr-cyrl")[0]


@pytest.fixture
def admin_client(db) -> Client:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    # The admin's messages are asserted in English (the admin defaults to Serbian).
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def source_of(instance: Any) -> TranslationSource:
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return source


def translatable_strings(instance: Any) -> dict[str, str]:
    """What the translation editor offers: {context path: source text}."""
    source = source_of(instance)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("context", "string")
    }


def related_paths(instance: Any) -> set[str]:
    source = source_of(instance)
    return {segment.context.path for segment in RelatedObjectSegment.objects.filter(source=source)}


def overridable_paths(instance: Any) -> set[str]:
    source = source_of(instance)
    return {segment.context.path for segment in OverridableSegment.objects.filter(source=source)}


def translate_strings(translation: Translation, strings: dict[str, str], translation_type: str = "manual") -> None:
    """Enter translations by source text, as a translator does in the editor."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("context", "string"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": translation_type},
            )


def translation_for(instance: Any, locale: Locale) -> Translation:
    return Translation.objects.get_or_create(source=source_of(instance), target_locale=locale)[0]


def live_page(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific
