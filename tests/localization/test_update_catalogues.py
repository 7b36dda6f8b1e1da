"""``manage.py update_catalogues`` on a copy of the project (the real locale/
is never written): what a developer gets in the three catalogues after
changing interface strings.

- New strings from templates and models are extracted into every catalogue;
  strings only the tests use are not.
- Serbian Latin: an empty entry is filled from localization/serbian_strings.py,
  an entry a translator already wrote is kept, strings no longer in the code go.
- Serbian Cyrillic is the transliteration of the Latin catalogue, placeholders
  untouched; English entries stay empty (the msgids are English).
"""

import hashlib
import re
import shutil
from io import StringIO
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command

import polib
import pytest

REAL_LOCALE = Path(django_settings.BASE_DIR) / "locale"
# Unlike any existing msgid, so that msgmerge has no translation to guess from.
NEW_STRING = "Zqxw: recalibrate the flux capacitor"
# Close to "Button label": msgmerge guesses its translation ("fuzzy").
NEAR_STRING = "A brand new button label"
TEST_ONLY_STRING = "A string only a test uses"
OBSOLETE_STRING = "A string no template uses any more"
# Not copied: no interface strings in them (tests get a file of their own below).
NOT_COPIED = {"locale", "tests", "bench", "media", "static", "staticfiles", "node_modules", "test-artifacts"}


def _sources_only(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name == "__pycache__" or (Path(directory, name).is_file() and not name.endswith((".py", ".html", ".txt")))
    ]


def fingerprint(locale_dir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(locale_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(locale_dir.rglob("*"))
        if path.is_file()
    }


def po(project: Path, locale: str) -> polib.POFile:
    return polib.pofile(str(project / "locale" / locale / "LC_MESSAGES" / "django.po"))


@pytest.fixture
def project(tmp_path, monkeypatch, settings) -> Path:
    """The project's sources and catalogues, copied; the command runs there."""
    base = Path(settings.BASE_DIR)
    for entry in base.iterdir():
        if entry.name.startswith(".") or entry.name in NOT_COPIED:
            continue
        if entry.is_dir():
            shutil.copytree(entry, tmp_path / entry.name, ignore=_sources_only)
        elif entry.suffix == ".py":
            shutil.copy(entry, tmp_path / entry.name)
    shutil.copytree(REAL_LOCALE, tmp_path / "locale")
    # A developer adds a button to a template; a test file has a string of its own.
    (tmp_path / "templates" / "new_button.html").write_text(
        f'{{% load i18n %}}<button>{{% translate "{NEW_STRING}" %}}</button>'
        f'<button>{{% translate "{NEAR_STRING}" %}}</button>\n',
        encoding="utf-8",
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_strings.py").write_text(
        f'from django.utils.translation import gettext as _\n\nLABEL = _("{TEST_ONLY_STRING}")\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    return tmp_path


def edit_latin(project: Path) -> None:
    """A translator's state of the Serbian catalogue before the run."""
    latin = po(project, "sr_Latn")
    latin.find("Page not found").msgstr = "Stranica ne postoji"  # their own wording
    latin.find("Server error").msgstr = ""  # not translated yet
    latin.find("April", msgctxt="alt. month").msgstr = ""  # an entry with a context
    latin.append(polib.POEntry(msgid=OBSOLETE_STRING, msgstr="Tekst koji više niko ne koristi"))
    latin.save()


def test_update_catalogues_extracts_fills_and_derives_the_three_catalogues(project):
    real_before = fingerprint(REAL_LOCALE)
    edit_latin(project)
    out, err = StringIO(), StringIO()

    call_command("update_catalogues", stdout=out, stderr=err)

    latin, cyrillic, english = (po(project, locale) for locale in ("sr_Latn", "sr_Cyrl", "en"))
    missing = re.findall(r"^No Serbian translation yet: (.*)$", err.getvalue(), re.MULTILINE)
    assert out.getvalue().strip() == f"{len(latin)} strings; {len(missing)} without a Serbian translation."

    # Extracted from templates and models, into every catalogue; not from tests.
    for catalogue in (latin, cyrillic, english):
        assert catalogue.find(NEW_STRING) is not None
        assert catalogue.find("Something went wrong").occurrences[0][0] == "templates/500.html"
        assert "pages/models/clusters.py" in {path for path, _line in catalogue.find("cluster manager").occurrences}
        assert catalogue.find(TEST_ONLY_STRING, include_obsolete_entries=True) is None
    assert repr(NEW_STRING) in missing
    assert latin.find(NEW_STRING).msgstr == ""

    # Serbian Latin: filled, kept, cleaned.
    assert latin.find("cluster manager").msgstr == "menadžer klastera"
    assert latin.find("Server error").msgstr == "Greška na serveru"
    assert latin.find("Page not found").msgstr == "Stranica ne postoji"
    assert latin.find("Something went wrong").msgstr == "Nešto nije u redu"
    # Filled by (context, msgid): the genitive month of a date, Django's own msgid.
    assert latin.find("April", msgctxt="alt. month").msgstr == "aprila"
    assert latin.find("April", msgctxt="alt. month").occurrences[0][0] == "localization/months.py"
    assert OBSOLETE_STRING not in (project / "locale" / "sr_Latn" / "LC_MESSAGES" / "django.po").read_text()
    assert latin.metadata["Language"] == "sr_Latn"
    assert latin.metadata["Plural-Forms"].startswith("nplurals=3;")

    # Serbian Cyrillic follows the Latin catalogue (including the translator's
    # wording), transliterated around the placeholders.
    assert cyrillic.find("Page not found").msgstr == "Страница не постоји"
    assert cyrillic.find("Server error").msgstr == "Грешка на серверу"
    assert cyrillic.find("cluster manager").msgstr == "менаџер кластера"
    assert cyrillic.find("April", msgctxt="alt. month").msgstr == "априла"
    assert cyrillic.find("'%(title)s' was submitted for review.").msgstr == "„%(title)s” је послат на преглед."
    assert cyrillic.metadata["Language"] == "sr_Cyrl"

    # English: nothing to translate.
    assert all(entry.msgstr == "" and not any(entry.msgstr_plural.values()) for entry in english)
    assert english.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"

    assert fingerprint(REAL_LOCALE) == real_before, "the real locale/ was not written"


def test_a_second_run_changes_no_translation(project):
    call_command("update_catalogues", stdout=StringIO(), stderr=StringIO())
    first = {
        locale: {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in po(project, locale)}
        for locale in ("sr_Latn", "sr_Cyrl", "en")
    }
    call_command("update_catalogues", stdout=StringIO(), stderr=StringIO())
    second = {
        locale: {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in po(project, locale)}
        for locale in ("sr_Latn", "sr_Cyrl", "en")
    }
    assert second == first
    assert first["sr_Latn"][(None, "Something went wrong")] == ("Nešto nije u redu", {})


def test_a_new_string_does_not_ship_msgmerges_guess_as_its_serbian_translation(project):
    err = StringIO()
    call_command("update_catalogues", stdout=StringIO(), stderr=err)
    entry = po(project, "sr_Latn").find(NEAR_STRING)
    # msgmerge guessed the translation of the similar "Button label": dropped and reported.
    assert (entry.msgstr, entry.flags) == ("", [])
    assert f"No Serbian translation yet: {NEAR_STRING!r}" in err.getvalue()
