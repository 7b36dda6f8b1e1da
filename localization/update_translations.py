"""wagtail-localize's "Sync translated pages" view, which also translates new snippets.

When the source page starts referring to a snippet that has no translation yet
(a new contact person), wagtail-localize's sync leaves the translated page
pointing at the Serbian snippet. This view first submits such snippets for
translation into the same locales (as drafts, like any translation), so the
synced page points at a translation that translators then see in their list.

"Use machine translation" is applied only to the locales the machine
translator handles (Serbian Cyrillic): wagtail-localize's view answers 404 for
the whole sync as soon as one translation is into another language (English).
Either way only segments without a translation are filled.
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpResponse

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView


def translate_new_related_objects(source: Any, user: Any = None) -> list[Any]:
    """Translate the snippets ``source`` refers to into each of its enabled
    translation locales where they have no translation yet. Returns them."""
    source.update_from_db()
    locales = [translation.target_locale for translation in source.translations.filter(enabled=True)]
    created = []
    for segment in source.relatedobjectsegment_set.select_related("object"):
        try:
            instance = segment.object.get_instance(source.locale)
        except ObjectDoesNotExist:
            continue
        if isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
            continue
        missing = [locale for locale in locales if instance.get_translation_or_none(locale) is None]
        if missing:
            TranslationCreator(user, missing).create_translations(instance, include_related_objects=False)
            created.append(instance)
    return created


class SyncWithNewSnippetsView(UpdateTranslationsView):
    def form_valid(self, form: Any) -> HttpResponse:
        translate_new_related_objects(self.object, self.request.user)
        if form.cleaned_data.get("use_machine_translation"):
            form.cleaned_data["use_machine_translation"] = False
            machine_translator = get_machine_translator()
            translations = self.object.translations.filter(enabled=True).select_related("target_locale")
            for translation in translations:
                if not machine_translator.can_translate(self.object.locale, translation.target_locale):
                    continue
                try:
                    apply_machine_translation(translation.id, self.request.user, machine_translator)
                except ObjectDoesNotExist:
                    continue  # no target yet: the first save will be transliterated on publish
        return super().form_valid(form)
