from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation

from api.errors import not_found as api_not_found


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A 404 in the reader's language; an Http404 raised under /api/ outside the API's own
    views is the API's problem+json 404, like every other API error."""
    if request.path_info.startswith("/api/"):
        return api_not_found(request)
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request: HttpRequest) -> HttpResponse:
    """A plain 500 page in the active language.

    Rendered without the request context and without touching the database on
    purpose: whatever broke the page (the database, a context processor) must
    not break the error page too.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))
