"""The Serbian Cyrillic edition, derived from Serbian Latin by transliteration.

The Cyrillic pages and snippets are ordinary wagtail-localize translations
(locale ``sr-cyrl``): translators open them in the translation editor, correct
what the transliterator got wrong, and submit them through the workflow.

``offer_cyrillic_translation()`` runs when a Serbian Latin page is published
(see localization/signals.py). It syncs the translation source, translates any
untranslated ancestors first, fills *only the segments that have no
translation yet* with the transliteration (so a translator's correction is
never overwritten) and saves the result as a draft revision:

- a Cyrillic page that does not exist yet is created unpublished;
- a Cyrillic page that is live keeps its live content; the update is a new
  draft revision that goes through "Review and publish" like any translation
  (wagtail-localize itself would write the row, i.e. change the live page);
- snippets the page refers to (one level, as wagtail-localize does) are
  translated the same way; sectors and countries have no draft state, so their
  translation is saved directly.

``build_cyrillic_edition()`` does the same for every live Serbian page and
snippet at once, optionally publishing the result (demo content, first setup).
"""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Model

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from .machine_translator import SOURCE_LANGUAGE, TARGET_LANGUAGE, SerbianTransliterator

logger = logging.getLogger(__name__)

CYRILLIC = TARGET_LANGUAGE


def cyrillic_locale() -> Locale | None:
    """The sr-cyrl Locale, or None while the Cyrillic edition is not set up."""
    return Locale.objects.filter(language_code=CYRILLIC).first()


def ensure_cyrillic_locale() -> Locale:
    return Locale.objects.get_or_create(language_code=CYRILLIC)[0]


def _is_source(instance: Model) -> bool:
    return getattr(getattr(instance, "locale", None), "language_code", None) == SOURCE_LANGUAGE


def fill_missing_segments(translation: Translation, user: Any = None) -> int:
    """Transliterate the segments of ``translation`` that have no translation yet
    (what "Machine translate" in the editor does, without needing the target to
    exist first). Returns how many were filled."""
    translator = SerbianTransliterator({})
    existing = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    missing = [
        segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string")
        if (segment.string_id, segment.context_id) not in existing
    ]
    if not missing:
        return 0
    values = {segment.string_id: segment.string.as_value() for segment in missing}
    results = translator.translate(translation.source.locale, translation.target_locale, set(values.values()))
    filled = 0
    for segment in missing:
        result = results.get(values[segment.string_id])
        if result is None:
            continue
        _obj, created = StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={
                "data": result.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": str(translator.display_name),
                "last_translated_by": user,
            },
        )
        filled += created
    return filled


def save_translation_draft(translation: Translation, user: Any = None) -> Model:
    """Write the translation's current strings to its target as a draft, never
    touching a live target's public content. Returns the target instance."""
    source = translation.source
    locale = translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        target = None

    if target is None or not (isinstance(target, DraftStateMixin) and target.live):
        # New or unpublished target: wagtail-localize's own save is safe. Models
        # without a draft state can only be saved live (as TranslationCreator does).
        publish = not isinstance(source.as_instance(), DraftStateMixin)
        translation.save_target(user=user, publish=publish)
        return source.get_translated_instance(locale)

    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, target, source.locale, locale, segments)
    # save_revision() stores the content in the revision only; the live row keeps
    # what reviewers approved until this draft is approved and published.
    target.save_revision(user=user)
    return target


def transliterate_instance(instance: Model, locale: Locale, user: Any = None, related: bool = True) -> Model | None:
    """Create or update the Cyrillic translation of one Serbian Latin page or snippet.

    Only segments without a translation are transliterated. Returns the
    Cyrillic instance, or None if it could not be saved (logged).
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    if related:
        for related_segment in source.relatedobjectsegment_set.all():
            try:
                related_instance = related_segment.object.get_instance(source.locale)
            except ObjectDoesNotExist:
                continue
            if isinstance(related_instance, TranslatableMixin) and not isinstance(related_instance, Page):
                transliterate_instance(related_instance, locale, user, related=False)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        return None  # a translator turned syncing off for this object: leave it alone
    fill_missing_segments(translation, user)
    try:
        with transaction.atomic():
            return save_translation_draft(translation, user)
    except ValidationError:
        logger.warning("Cyrillic translation of %r could not be saved", instance, exc_info=True)
        return None


def offer_cyrillic_translation(page: Page, user: Any = None) -> Page | None:
    """Create or update the Cyrillic draft of a published Serbian Latin page
    (and of its untranslated ancestors, top down). Does nothing for pages in
    other languages or while the sr-cyrl locale does not exist."""
    if not getattr(settings, "SERBIAN_CYRILLIC_AUTO_TRANSLATE", True) or not _is_source(page):
        return None
    locale = cyrillic_locale()
    if locale is None or page.depth < 2:
        return None
    for ancestor in page.get_ancestors().filter(depth__gte=2).specific():
        if ancestor.get_translation_or_none(locale) is None:
            transliterate_instance(ancestor, locale, user)
    return transliterate_instance(page, locale, user)


def build_cyrillic_edition(publish: bool = False, user: Any = None) -> Locale:
    """Create the sr-cyrl locale and transliterate every live Serbian Latin page
    (tree order) and snippet. With ``publish`` the Cyrillic drafts are published
    at once (demo and first setup only: it bypasses the review workflow)."""
    from snippets.models import Country, FundingProgramme, Organisation, Person, Sector

    locale = ensure_cyrillic_locale()
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    for model in (Country, Sector, Organisation, Person, FundingProgramme):
        for snippet in model.objects.filter(locale=source_locale).order_by("pk"):
            if isinstance(snippet, DraftStateMixin) and not snippet.live:
                continue
            transliterate_instance(snippet, locale, user, related=False)
    pages = Page.objects.filter(locale=source_locale, depth__gte=2).live().order_by("path").specific()
    for page in pages:
        transliterate_instance(page, locale, user)
    if publish:
        publish_cyrillic_drafts(locale, user)
    return locale


def publish_cyrillic_drafts(locale: Locale, user: Any = None) -> int:
    """Publish the latest revision of every Cyrillic page and draft snippet with
    unpublished changes, parents first. Returns how many were published."""
    from snippets.models import FundingProgramme, Organisation, Person

    count = 0
    for page in Page.objects.filter(locale=locale, has_unpublished_changes=True).order_by("path"):
        revision = page.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)
            count += 1
    for model in (Organisation, Person, FundingProgramme):
        for snippet in model.objects.filter(locale=locale, has_unpublished_changes=True):
            revision = snippet.latest_revision
            if revision is not None:
                revision.publish(user=user)
                count += 1
    return count
