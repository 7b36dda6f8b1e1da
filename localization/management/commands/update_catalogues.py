"""Extract the interface strings and fill the three catalogues.

    manage.py update_catalogues

1. ``makemessages`` for sr_Latn, sr_Cyrl and en (the virtualenv and tests ignored);
2. sr_Latn: empty entries are filled from localization/serbian_strings.py
   (an entry already translated in the .po file is left as it is);
3. sr_Cyrl: every entry is the transliteration of the sr_Latn one, with
   placeholders (``%(name)s``, ``{name}``) and HTML tags kept as they are;
4. en: the msgids are English already, entries stay empty (gettext shows the msgid).

Then ``compilemessages`` (``make messages`` does that on setup).
"""

import re
from typing import Any

from django.conf import settings
from django.core.management import BaseCommand, call_command

import polib

from localization.serbian_strings import SERBIAN
from localization.transliteration import latin_to_cyrillic

LOCALES = ["sr_Latn", "sr_Cyrl", "en"]
IGNORE = [".venv", "node_modules", "staticfiles", "media", "test-artifacts", "tests", "bench"]
SERBIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
_KEEP = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|&[a-z]+;")


def to_cyrillic(text: str) -> str:
    """Transliterate a catalogue entry, leaving placeholders and tags alone."""
    out, position = [], 0
    for match in _KEEP.finditer(text):
        out.append(latin_to_cyrillic(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(latin_to_cyrillic(text[position:]))
    return "".join(out)


def catalogue(locale: str) -> str:
    return str(settings.LOCALE_PATHS[0] / locale / "LC_MESSAGES" / "django.po")


def drop_guess(entry: polib.POEntry) -> None:
    """Forget msgmerge's guess for a new string (a "fuzzy" translation of a similar one).

    Shipped unmarked, the guess would read as a translator's text, and the string
    would not be reported as missing; cleared, it is filled from SERBIAN or reported.
    """
    if "fuzzy" not in entry.flags:
        return
    entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    if entry.msgid_plural:
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    else:
        entry.msgstr = ""


class Command(BaseCommand):
    help = "Extract interface strings and fill the sr_Latn, sr_Cyrl and en catalogues."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("makemessages", locale=LOCALES, ignore_patterns=IGNORE, no_obsolete=True, verbosity=0)
        latin = polib.pofile(catalogue("sr_Latn"))
        latin.metadata.update({"Language": "sr_Latn", "Plural-Forms": SERBIAN_PLURALS})
        missing = []
        for entry in latin:
            drop_guess(entry)
            translation = SERBIAN.get((entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid)
            if entry.msgid_plural:
                if not any(entry.msgstr_plural.values()) and isinstance(translation, tuple):
                    entry.msgstr_plural = dict(enumerate(translation))
                elif not any(entry.msgstr_plural.values()):
                    missing.append(entry.msgid)
            elif not entry.msgstr:
                if isinstance(translation, str):
                    entry.msgstr = translation
                else:
                    missing.append(entry.msgid)
        latin.save()

        cyrillic = polib.pofile(catalogue("sr_Cyrl"))
        cyrillic.metadata.update({"Language": "sr_Cyrl", "Plural-Forms": SERBIAN_PLURALS})
        by_id = {(entry.msgctxt, entry.msgid): entry for entry in latin}
        for entry in cyrillic:
            source = by_id.get((entry.msgctxt, entry.msgid))
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            if source is None:
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {index: to_cyrillic(text) for index, text in source.msgstr_plural.items()}
            else:
                entry.msgstr = to_cyrillic(source.msgstr)
        cyrillic.save()

        english = polib.pofile(catalogue("en"))
        english.metadata.update({"Language": "en", "Plural-Forms": "nplurals=2; plural=(n != 1);"})
        for entry in english:
            drop_guess(entry)
        english.save()

        for msgid in missing:
            self.stderr.write(f"No Serbian translation yet: {msgid!r}")
        self.stdout.write(f"{len(latin)} strings; {len(missing)} without a Serbian translation.")
