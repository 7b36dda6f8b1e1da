"""A wagtail-localize machine translator that derives Serbian Cyrillic from Serbian Latin.

Enable it with::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "localization.machine_translator.SerbianTransliterator",
    }

Translators then press "Machine translate" in the translation editor of an
sr-cyrl translation; the result is stored as machine translations that they
can review and correct like any other, and a correction survives later syncs
because wagtail-localize only machine-translates segments without a
translation. The rules are those of ``localization.transliteration``.

Slugs stay Latin: wagtail-localize offers a page's slug as a segment like any
other and passes the translated slug through Django's ASCII-only ``slugify``,
which would turn a Cyrillic slug into an empty one and make publishing fail.
So a segment that looks like a slug (lower-case ASCII letters and digits,
optionally joined by hyphens: "kuca-klastera", "vesti") is returned unchanged;
the Cyrillic page then has the same readable Latin slug as its source under
its own /sr-cyrl/ prefix. A one-word lower-case ASCII text segment is treated
the same way; the translator can still change it in the editor.
"""

import re
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .transliteration import latin_html_to_cyrillic

SOURCE_LANGUAGE = "sr-latn"
TARGET_LANGUAGE = "sr-cyrl"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _normalise(language_code: str) -> str:
    return language_code.lower().replace("_", "-")


class SerbianTransliterator(BaseMachineTranslator):
    """Transliterates sr-latn segments to sr-cyrl; offers nothing for other language pairs.

    Segment HTML carries only placeholder tags (``<a id="a1">``; the real
    attributes are kept aside by wagtail-localize), so only text nodes change
    and every tag comes back as it went in.
    """

    display_name = _("Serbian Latin → Cyrillic transliteration")

    def translate(
        self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]
    ) -> dict[StringValue, StringValue]:
        # wagtail-localize's "Sync translated pages" form offers machine translation
        # for every target locale at once: give nothing for English.
        if not self.can_translate(source_locale, target_locale):
            return {}
        return {string: self.transliterate(string) for string in strings}

    @staticmethod
    def transliterate(string: StringValue) -> StringValue:
        """The Cyrillic form of one segment; slug-shaped segments come back unchanged."""
        if _SLUG.fullmatch(string.data):
            return string
        return StringValue.from_translated_html(latin_html_to_cyrillic(string.data))

    def can_translate(self, source_locale: Locale, target_locale: Locale) -> bool:
        return (
            _normalise(source_locale.language_code) == SOURCE_LANGUAGE
            and _normalise(target_locale.language_code) == TARGET_LANGUAGE
        )
