from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware


class PrefixExemptLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware that leaves language-neutral paths alone.

    Django's LocaleMiddleware answers a 404 with a redirect to the same path
    under a language prefix when that path would resolve there. Wagtail's
    catch-all page route resolves everything, so a 404 under /api/ would become
    a redirect to /sr-latn/api/... instead of the 404 an API client expects.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(settings.LOCALE_EXEMPT_PREFIXES):
            return response
        return super().process_response(request, response)
