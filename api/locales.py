"""The ``locale`` and ``fallback`` query parameters shared by every endpoint."""

from dataclasses import dataclass

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from rest_framework.request import Request

from .errors import InvalidParameters

# The language of API messages when the request names no (valid) locale.
API_DEFAULT_LANGUAGE = "en"

TRUE_VALUES = {"true", "1", "yes"}
FALSE_VALUES = {"false", "0", "no", ""}


def parse_bool(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise InvalidParameters({name: "must be true or false"})


@dataclass(frozen=True)
class LocaleChoice:
    locale: Locale
    source: Locale
    fallback: bool


def resolve_locale(request: Request) -> LocaleChoice:
    """The requested locale (default: the site's default), or a 400 listing the valid ones."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    # One query per request: the default comes from settings, not another lookup.
    source = locales.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if source is None:
        source = Locale.get_default()
    code = (request.query_params.get("locale") or source.language_code).strip().lower()
    if code not in locales:
        valid = sorted(locales)
        raise InvalidParameters({"locale": f"unknown locale, use one of: {', '.join(valid)}"}, valid=valid)
    return LocaleChoice(locale=locales[code], source=source, fallback=bool(parse_bool(request, "fallback")))


def locale_codes() -> list[str]:
    """Every content locale code, the default first: the ``locale`` enum of the schema."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if not getattr(settings, "SERBIAN_CYRILLIC_AUTO_TRANSLATE", True):
        codes = [code for code in codes if code != "sr-cyrl"]
    return sorted(codes, key=lambda code: code != default)


def api_language(raw: str | None) -> str:
    """The language of the API's messages: that of the ``locale`` parameter, else English."""
    code = (raw or "").strip().lower()
    return code if code in {code for code, _name in settings.LANGUAGES} else API_DEFAULT_LANGUAGE
