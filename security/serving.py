"""Page serving that applies the visibility rule (security.visibility) to every page
Wagtail's serve view is about to show, including the pages that
``ListingPageMixin.route`` returns for the English fallback.

- ``before_serve_page`` (runs before every ``on_serve_page`` wrapper): a page
  outside its time window (``expire_at`` passed, ``go_live_at`` ahead) is a 404,
  even before the scheduler has unpublished it.
- ``on_serve_page``: a translation is also subject to the view restrictions of
  its source-locale page and that page's ancestors, answered exactly as Wagtail's
  own ``check_view_restrictions`` answers them (password form posting to
  ``wagtailcore_authenticate_with_password``, so the same password unlocks every
  language, also a translation's own copy of the restriction; login redirect for
  login and group restrictions; never cached). Wagtail's own
  ``check_view_restrictions`` (registered first, so it wraps this one) has
  already checked the page's own restrictions.

Admin previews call ``serve_preview`` directly and do not pass through these hooks.
"""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.wagtail_hooks import require_wagtail_login

from .visibility import is_current, source_view_restrictions


@hooks.register("before_serve_page")
def refuse_pages_outside_their_time_window(page: Page, request: HttpRequest, args: Any, kwargs: Any) -> None:
    if not is_current(page):
        raise Http404


def _refusal(page: Page, request: HttpRequest, restriction: PageViewRestriction) -> HttpResponse:
    """Wagtail's answer to a restriction the request does not pass."""
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        from wagtail.forms import PasswordViewRestrictionForm

        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.get_full_path()})
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
    else:
        response = require_wagtail_login(next=request.get_full_path())
    add_never_cache_headers(response)
    return response


def _share_passwords(page: Page, request: HttpRequest, restrictions: list[PageViewRestriction]) -> None:
    """A translation made after its source was protected carries its own copy of the
    restriction (Wagtail copies restrictions with the page), with the same password:
    a visitor who entered that password for one of them has passed the others."""
    passwords = [r for r in [*restrictions, *page.get_view_restrictions()] if r.restriction_type == r.PASSWORD]
    passed = {r.password for r in passwords if r.accept_request(request)}
    for restriction in passwords:
        if restriction.password in passed and not restriction.accept_request(request):
            restriction.mark_as_passed(request)


@hooks.register("on_serve_page")
def apply_source_view_restrictions(callback: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def inner(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> HttpResponse:
        restrictions = source_view_restrictions(page)
        if restrictions:
            _share_passwords(page, request, restrictions)
        for restriction in restrictions:
            if not restriction.accept_request(request):
                return _refusal(page, request, restriction)
        response = callback(page, request, serve_args, serve_kwargs)
        if restrictions:
            add_never_cache_headers(response)
        return response

    return inner
