"""English translations, made through wagtail-localize.

Each queued object gets a TranslationSource and a Translation to English, its
string segments get English StringTranslation rows from the builders'
glossaries, and the translation is saved with save_target and published, as
if a translator had filled in the translation editor. Translators therefore
find the demo content as ordinary, editable translations.
"""

import json
from dataclasses import dataclass, field

from django.db import models, transaction

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.models import Translation as LocalizeTranslation

from .base import DemoContext


@dataclass
class TranslationReport:
    saved: int = 0
    unchanged: int = 0
    # Segments without an English text in the glossary; they keep the
    # Serbian text (names, phone numbers) and are listed at verbosity 2.
    kept_as_source: list[str] = field(default_factory=list)


def _english_strings(
    source: TranslationSource, en: Locale, glossary: dict[str, str], report: TranslationReport
) -> bool:
    """Create or update the English StringTranslation of every segment; True if any changed."""
    changed = False
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        english = glossary.get(text)
        if english is None:
            report.kept_as_source.append(f"{source.object_repr}: {segment.context.path} = {text[:60]!r}")
            english = text
        translation, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=en,
            context=segment.context,
            defaults={"data": english, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        if created:
            changed = True
        elif translation.data != english:
            translation.data = english
            translation.has_error = False
            translation.save()
            changed = True
    return changed


def _content(source: TranslationSource) -> dict:
    # numchild changes whenever children are added (e.g. by --scale); it is
    # no reason to save the English page again.
    content = json.loads(source.content_json)
    content.pop("numchild", None)
    return content


def translate(obj: models.Model, en: Locale, glossary: dict[str, str], report: TranslationReport) -> None:
    # A fresh copy: the builders' instances can be stale after publishing
    # (live_revision, published dates, saved inline rows).
    obj = type(obj)._default_manager.get(pk=obj.pk)
    previous = TranslationSource.objects.get_for_instance_or_none(obj)
    previous_content = _content(previous) if previous else None
    # Re-extracts the source only when the Serbian content changed.
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    translation, translation_created = LocalizeTranslation.objects.get_or_create(source=source, target_locale=en)
    strings_changed = _english_strings(source, en, glossary, report)
    target_missing = not source.object.has_translation(en)
    if translation_created or strings_changed or target_missing or _content(source) != previous_content:
        # wagtail-localize publishes drafts (pages, editorial snippets) in
        # transaction.on_commit, with the page instance of that moment. Inside
        # a test transaction that runs after later children were added and
        # writes a stale numchild, breaking the tree; so save the translation
        # as a draft and publish its revision here, synchronously.
        draftable = isinstance(obj, DraftStateMixin)
        translation.save_target(user=None, publish=not draftable)
        if draftable:
            translation.get_target_instance().get_latest_revision().publish()
        report.saved += 1
    else:
        report.unchanged += 1


def generate_translations(ctx: DemoContext) -> TranslationReport:
    """Translate the queue in order: snippets first, then pages parent before child.

    One transaction per object, so that a failure leaves the earlier
    translations in place and a rerun continues from there.
    """
    report = TranslationReport()
    for obj, glossary in ctx.to_translate:
        with transaction.atomic():
            translate(obj, ctx.en, glossary, report)
    return report
