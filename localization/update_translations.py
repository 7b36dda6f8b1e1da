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

"Publish immediately" would publish every translation past the review workflow,
so only Administrators get it (workflow.security.may_publish_directly): for
everyone else the checkbox is not shown, a forced ``publish_translations`` is
refused and logged, and the sync saves drafts.
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsForm, UpdateTranslationsView

from workflow.security import may_publish_directly, refuse

PUBLISH_TRANSLATIONS_REFUSED = _(
    "Publishing translations directly is reserved for administrators. Sync without "
    '"Publish immediately": the translations are updated as drafts, and each goes live '
    "after it is submitted for review and approved."
)


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


class DraftsOnlyUpdateTranslationsForm(UpdateTranslationsForm):
    """The sync form without "Publish immediately", for people who may not publish directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        # wagtail-localize's form_valid reads the key.
        cleaned_data["publish_translations"] = False
        return cleaned_data


class SyncWithNewSnippetsView(UpdateTranslationsView):
    def get_form(self) -> UpdateTranslationsForm:
        if may_publish_directly(self.request.user):
            return super().get_form()
        data = self.request.POST if self.request.method == "POST" else None
        return DraftsOnlyUpdateTranslationsForm(data)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        # Refused before anything is synced: the editor asked for a publication, so
        # saving drafts instead without a word would surprise them.
        if request.POST.get("publish_translations") and not may_publish_directly(request.user):
            return refuse(
                request,
                "publish translations (sync)",
                PUBLISH_TRANSLATIONS_REFUSED,
                self.object.get_source_instance(),
                request.get_full_path(),
            )
        return super().post(request, **kwargs)

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
