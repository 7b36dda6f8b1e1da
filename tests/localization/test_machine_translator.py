"""The Serbian Latin → Cyrillic machine translator, through wagtail-localize's API."""

from django.contrib.auth import get_user_model

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue
from wagtail_localize.views.edit_translation import apply_machine_translation

import pytest

from localization.machine_translator import SerbianTransliterator
from pages.models import HomePage, StandardPage
from snippets.models import Sector

TRANSLATOR_SETTING = {"CLASS": "localization.machine_translator.SerbianTransliterator"}
LANGUAGES = [("sr-latn", "Srpski"), ("sr-cyrl", "Српски"), ("en", "English")]


@pytest.fixture
def translator() -> SerbianTransliterator:
    return SerbianTransliterator({})


@pytest.fixture
def locales(db, settings) -> dict[str, Locale]:
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TRANSLATOR_SETTING
    # These tests press "Machine translate" by hand; the automatic Cyrillic offer on
    # publish (tests/translation/test_cyrillic_edition.py) would do it first.
    settings.SERBIAN_CYRILLIC_AUTO_TRANSLATE = False
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in LANGUAGES}


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "password")


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("sr-latn", "sr-cyrl", True),
        ("sr-Latn", "sr-Cyrl", True),
        ("sr-cyrl", "sr-latn", False),
        ("sr-latn", "en", False),
        ("en", "sr-cyrl", False),
        ("sr-latn", "sr", False),
    ],
)
def test_can_translate_only_latin_to_cyrillic(
    translator: SerbianTransliterator, source: str, target: str, expected: bool
) -> None:
    assert translator.can_translate(Locale(language_code=source), Locale(language_code=target)) is expected


def test_translate_keeps_links_and_placeholders(translator: SerbianTransliterator) -> None:
    html = 'Vidi <a href="https://example.org/nj">sajt ESCA</a> i piši na <b>info@klasteri.rs</b>.'
    source, attrs = StringValue.from_source_html(html)
    plain = StringValue.from_plaintext("Kuća klastera & Wagtail\nNjegoš")

    result = translator.translate(Locale(language_code="sr-latn"), Locale(language_code="sr-cyrl"), [source, plain])

    assert result[source].data == 'Види <a id="a1">сајт ESCA</a> и пиши на <b>info@klasteri.rs</b>.'
    assert result[source].render_html(attrs) == (
        'Види <a href="https://example.org/nj">сајт ESCA</a> и пиши на <b>info@klasteri.rs</b>.'
    )
    assert result[plain].render_text() == "Кућа кластера & Wagtail\nЊегош"


def test_setting_loads_the_translator(settings) -> None:
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TRANSLATOR_SETTING
    assert isinstance(get_machine_translator(), SerbianTransliterator)


def _machine_translate(instance, target: Locale, user) -> Translation:
    """Start a translation as the admin does (the target copy exists, still in
    the source text), then press "Machine translate" in its editor."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=target)
    translation.save_target(user=user, publish=not isinstance(instance, DraftStateMixin))
    assert apply_machine_translation(translation.id, user, get_machine_translator())
    return translation


def test_snippet_translation_and_correction_survives_sync(locales, editor) -> None:
    sector = Sector.objects.create(
        locale=locales["sr-latn"],
        name="Građevinarstvo i injekcione smese",
        slug="gradjevinarstvo",
        description="Članice ESCA: vidi https://www.tci-network.org/ ili piši na rousseva@fed-bg.org.",
    )
    translation = _machine_translate(sector, locales["sr-cyrl"], editor)
    translation.save_target(user=editor)

    cyrillic = sector.get_translation(locales["sr-cyrl"])
    assert cyrillic.name == "Грађевинарство и инјекционе смесе"
    assert cyrillic.description == "Чланице ESCA: види https://www.tci-network.org/ или пиши на rousseva@fed-bg.org."
    assert cyrillic.slug == "gradjevinarstvo"  # synchronised, not translated
    machine = StringTranslation.objects.filter(locale=locales["sr-cyrl"])
    assert {t.translation_type for t in machine} == {StringTranslation.TRANSLATION_TYPE_MACHINE}

    # A translator corrects the name; then the source description changes and is synced.
    name = machine.get(translation_of__data="Građevinarstvo i injekcione smese")
    name.data = "Грађевинарство (исправљено)"
    name.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    name.save()
    sector.description = "Nova Njegoševa rečenica."
    sector.save()
    translation.source.update_from_db()
    apply_machine_translation(translation.id, editor, get_machine_translator())
    translation.save_target(user=editor)

    cyrillic.refresh_from_db()
    assert cyrillic.name == "Грађевинарство (исправљено)"
    assert cyrillic.description == "Нова Његошева реченица."


def test_page_rich_text_keeps_links(locales, editor, django_capture_on_commit_callbacks) -> None:
    home = HomePage(title="Početna", slug="pocetna", locale=locales["sr-latn"])
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    body = (
        '<p data-block-key="k1">Kuća klastera i projekat <a href="https://example.org/nj">ClusteRo</a> '
        "u Nišu, 22. aprila 2016.</p>"
    )
    page = StandardPage(
        title="Kuća klastera",
        slug="kuca-klastera",
        locale=locales["sr-latn"],
        intro="Konjunktura za EU i IPA projekte.",
        body=[("paragraph", RichText(body))],
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        _machine_translate(home, locales["sr-cyrl"], editor).save_target(user=editor, publish=True)
        translation = _machine_translate(page, locales["sr-cyrl"], editor)
        translation.save_target(user=editor, publish=True)

    for segment in StringSegment.objects.filter(source=translation.source):
        assert StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locales["sr-cyrl"]
        ).exists()
    cyrillic = page.get_translation(locales["sr-cyrl"]).specific
    assert cyrillic.live
    assert cyrillic.title == "Кућа кластера"
    assert cyrillic.slug == "kuca-klastera"  # slugs stay Latin
    assert cyrillic.get_parent().title == "Почетна"
    assert cyrillic.intro == "Конјунктура за EU и IPA пројекте."
    assert cyrillic.body[0].value.source == (
        '<p data-block-key="k1">Кућа кластера и пројекат <a href="https://example.org/nj">ClusteRo</a> '
        "у Нишу, 22. априла 2016.</p>"
    )


@pytest.mark.parametrize("slug", ["kuca-klastera", "vesti", "projekat-2016"])
def test_slugs_stay_latin(translator: SerbianTransliterator, slug: str) -> None:
    string = StringValue.from_plaintext(slug)
    assert translator.translate(Locale(language_code="sr-latn"), Locale(language_code="sr-cyrl"), [string]) == {
        string: string
    }
