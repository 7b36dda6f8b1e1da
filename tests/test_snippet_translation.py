"""Snippets in two languages: names are translated, slugs stay the same everywhere."""

from django.db import IntegrityError, transaction

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

import pytest

from snippets.models import Country, FundingProgramme, Organisation, Person, Sector
from tests.factories import (
    CountryFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    PersonFactory,
    SectorFactory,
    translate,
)

SNIPPET_FACTORIES = {
    Sector: SectorFactory,
    Country: CountryFactory,
    Organisation: OrganisationFactory,
    Person: PersonFactory,
    FundingProgramme: FundingProgrammeFactory,
}


@pytest.fixture
def en(site):
    return Locale.objects.get(language_code="en")


def source_strings(instance) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def test_copy_for_translation_of_a_sector_keeps_the_slug(en):
    sector = SectorFactory(name="Tekstilna industrija", slug="textile")
    copy = sector.copy_for_translation(en)
    copy.save()
    assert copy.locale == en
    assert copy.slug == "textile"
    assert copy.translation_key == sector.translation_key
    assert sector.get_translation(en) == copy


@pytest.mark.parametrize("model", SNIPPET_FACTORIES, ids=lambda m: m.__name__)
def test_name_is_offered_for_translation_and_slug_is_not(en, model):
    snippet = SNIPPET_FACTORIES[model](name="Naziv za prevod", slug="stable-slug")
    strings = source_strings(snippet)
    assert "Naziv za prevod" in strings
    assert "stable-slug" not in strings


@pytest.mark.parametrize("model", SNIPPET_FACTORIES, ids=lambda m: m.__name__)
def test_translation_has_translated_name_and_the_source_slug(en, model):
    snippet = SNIPPET_FACTORIES[model](name="Građevinarstvo", slug="construction")
    translated = translate(snippet, en, {"Građevinarstvo": "Construction"})
    assert translated.locale == en
    assert translated.name == "Construction"
    assert translated.slug == "construction"
    assert translated.pk != snippet.pk


@pytest.mark.parametrize("model", SNIPPET_FACTORIES, ids=lambda m: m.__name__)
def test_a_changed_slug_reaches_the_translation_on_sync(en, model):
    snippet = SNIPPET_FACTORIES[model](name="Energetika", slug="energy")
    translated = translate(snippet, en, {"Energetika": "Energy"})
    snippet.slug = "energy-efficiency"
    snippet.save()

    translated = translate(snippet, en)
    assert translated.slug == "energy-efficiency"
    assert translated.name == "Energy"  # the earlier translation is kept


def test_sector_description_is_translated(en):
    sector = SectorFactory(name="IKT", slug="ict", description="Informacione tehnologije")
    translated = translate(sector, en, {"IKT": "ICT", "Informacione tehnologije": "Information technology"})
    assert (translated.name, translated.description) == ("ICT", "Information technology")


def test_country_iso_code_is_synchronised_not_translated(en):
    country = CountryFactory(name="Bugarska", slug="bulgaria", iso_code="bg")
    assert country.iso_code == "BG"
    assert "BG" not in source_strings(country)
    translated = translate(country, en, {"Bugarska": "Bulgaria"})
    assert (translated.name, translated.iso_code, translated.slug) == ("Bulgaria", "BG", "bulgaria")


def test_same_slug_twice_in_one_language_is_refused(en):
    SectorFactory(slug="textile")
    with pytest.raises(IntegrityError), transaction.atomic():
        SectorFactory(slug="textile")
