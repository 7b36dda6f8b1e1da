"""Template tags for the public site's layout and page types.

Navigation and breadcrumbs, event times in the venue's time zone, the pages
that belong to a project, gallery photos with their renditions prefetched,
pagination and the generic field list of the snippet preview.
"""

import datetime
from typing import Any

from django import template
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from localization.templatetags.localization_tags import active_content_language
from pages.models import EventPage, GalleryPage, NewsPage, ProjectPage, QualityLabel
from pages.models.base import with_listing_images
from security.visibility import published

register = template.Library()

# Renditions of the gallery detail page, prefetched by ``gallery_photos``;
# keep equal to the specs templates/pages/gallery_page.html asks for.
GALLERY_RENDITIONS = [
    "width-480|format-webp",
    "width-480|format-jpeg",
    "width-960|format-webp",
    "width-960|format-jpeg",
]

_HOME_ATTR = "_site_tags_home_page"


def _request(context: template.Context) -> HttpRequest | None:
    return context.get("request")


@register.simple_tag(takes_context=True)
def site_home(context: template.Context) -> Page | None:
    """The home page in the active language: the site root's live translation,
    else the site root itself. One query, kept on the request."""
    request = _request(context)
    if request is None:
        return None
    if hasattr(request, _HOME_ATTR):
        return getattr(request, _HOME_ATTR)
    site = Site.find_for_request(request)
    home = None
    if site is not None:
        root = site.root_page
        home = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale__language_code=active_content_language())
            .first()
        ) or root
    setattr(request, _HOME_ATTR, home)
    return home


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context, home: Page | None) -> list[dict[str, Any]]:
    """The home page's live children shown in menus, each as
    ``{"page", "url", "is_current", "is_ancestor"}`` for the current ``page``."""
    if home is None:
        return []
    request = _request(context)
    current = context.get("page")
    current_path = getattr(current, "path", "") if isinstance(current, Page) else ""
    items = []
    for child in home.get_children().live().in_menu():
        items.append(
            {
                "page": child,
                "url": child.get_url(request),
                "is_current": current_path == child.path,
                "is_ancestor": current_path.startswith(child.path) and current_path != child.path,
            }
        )
    return items


@register.simple_tag
def breadcrumbs(page: Any, home: Page | None) -> list[Page]:
    """Live ancestors of ``page`` below the home page (not the home page, not the page)."""
    if not isinstance(page, Page) or page.pk is None or home is None or page.depth <= home.depth + 1:
        return []
    return list(page.get_ancestors().live().filter(depth__gt=home.depth))


@register.simple_tag
def meta_description(page: Any) -> str:
    """The page's search description, else its introduction or lead, at most 160 characters."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return Truncator(" ".join(str(text).split())).chars(160)


@register.filter
def in_venue_zone(value: datetime.datetime | None) -> str:
    """An aware datetime formatted with the locale's DATETIME_FORMAT in its own
    time zone plus the zone's abbreviation: "22. april 2016. 11:00 EEST".

    The ``date`` filter would first convert to the site's zone (Belgrade);
    ``event.local_start`` is already in the venue's zone and must stay so.
    """
    if not value:
        return ""
    return f"{date_format(value, 'DATETIME_FORMAT')} {value.tzname() or ''}".strip()


@register.simple_tag
def event_time(event: EventPage) -> SafeString:
    """Start and end of an event in the venue's time zone, as ``<time>`` elements;
    the end shows only the time when the event ends on the day it starts."""
    start, end = event.local_start, event.local_end
    start_text = date_format(start, "DATETIME_FORMAT")
    same_zone = start.tzname() == end.tzname()
    if start == end:
        return format_html(
            '<time datetime="{}">{}</time> {}', start.isoformat(timespec="minutes"), start_text, start.tzname()
        )
    same_day = start.date() == end.date()
    end_text = time_format(end, "TIME_FORMAT") if same_day else date_format(end, "DATETIME_FORMAT")
    if same_zone:
        return format_html(
            '<time datetime="{}">{}</time>–<time datetime="{}">{}</time> {}',
            start.isoformat(timespec="minutes"),
            start_text,
            end.isoformat(timespec="minutes"),
            end_text,
            start.tzname(),
        )
    # The clocks change during the event: name the zone at both ends.
    return format_html(
        '<time datetime="{}">{} {}</time> – <time datetime="{}">{} {}</time>',
        start.isoformat(timespec="minutes"),
        start_text,
        start.tzname(),
        end.isoformat(timespec="minutes"),
        end_text,
        end.tzname(),
    )


@register.simple_tag
def project_pages(project: ProjectPage, kind: str) -> QuerySet:
    """The project's live, public events (``kind="events"``) or news (``"news"``) in the
    project page's locale. Matched by the project's translation key, so a
    translated event still counts when it names another version of the project."""
    model: type[Page] = EventPage if kind == "events" else NewsPage
    ordering = ["-start"] if model is EventPage else ["-date", "-pk"]
    queryset = published(
        model.objects.filter(project__translation_key=project.translation_key, locale_id=project.locale_id)
    )
    if model is EventPage:
        queryset = queryset.select_related("country")
    return queryset.order_by(*ordering)


@register.simple_tag
def event_gallery(event: EventPage) -> GalleryPage | None:
    """The event's live photo gallery, preferably in the event's language.

    Like ``EventPage.gallery``, but a gallery that names another language
    version of the event also counts (translations are made at different times).
    """
    return (
        published(GalleryPage.objects.filter(event__translation_key=event.translation_key))
        .annotate(
            same_locale=Case(
                When(locale_id=event.locale_id, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("same_locale", "-first_published_at")
        .first()
    )


@register.simple_tag
def gallery_photos(gallery: GalleryPage) -> Any:
    """The gallery's photos in order, with images and their renditions fetched up front."""
    images = get_image_model().objects.prefetch_renditions(*GALLERY_RENDITIONS)
    return gallery.gallery_images.all().prefetch_related(Prefetch("image", queryset=images))


@register.filter
def with_images(queryset: Any, field: str = "hero_image") -> Any:
    """Prefetch listing images and their renditions (LISTING_RENDITIONS) for a queryset."""
    if isinstance(queryset, QuerySet):
        return with_listing_images(queryset, field)
    return queryset


@register.filter
def label_state(label: QualityLabel) -> str:
    """``"valid"``, ``"expired"`` or ``"future"`` for a quality label today."""
    today = timezone.localdate()
    if label.awarded_on > today:
        return "future"
    return "valid" if label.is_valid_on(today) else "expired"


@register.simple_tag
def page_links(listing: PaginatorPage) -> list[int | str]:
    """Page numbers around the current one, with the paginator's ellipsis between."""
    return list(listing.paginator.get_elided_page_range(listing.number, on_each_side=2, on_ends=1))


@register.filter
def lazy_after(counter: int, eager_count: int = 3) -> str:
    """``"eager"`` for the first items of a list (likely on screen), ``"lazy"`` after them."""
    try:
        return "eager" if int(counter) <= int(eager_count) else "lazy"
    except (TypeError, ValueError):
        return "lazy"


# Bookkeeping fields that mean nothing to a reader of the snippet preview.
_PREVIEW_SKIP = {
    "id",
    "translation_key",
    "locale",
    "slug",
    "latest_revision",
    "live_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
}


@register.simple_tag
def field_list(obj: models.Model) -> list[tuple[str, Any]]:
    """``[(label, value), ...]`` for an object's editable, non-empty fields, for the
    generic snippet preview: choices as their labels, relations as text."""
    rows = []
    for field in obj._meta.get_fields():
        if field.auto_created or not getattr(field, "editable", False) or field.name in _PREVIEW_SKIP:
            continue
        if field.many_to_many:
            value = ", ".join(str(item) for item in getattr(obj, field.name).all())
        elif getattr(field, "choices", None):
            value = getattr(obj, f"get_{field.name}_display")()
        else:
            value = getattr(obj, field.name, None)
        if value in (None, ""):
            continue
        if isinstance(value, bool):
            value = gettext("yes") if value else gettext("no")
        elif isinstance(value, datetime.datetime):
            value = date_format(timezone.localtime(value), "DATETIME_FORMAT")
        elif isinstance(value, datetime.date):
            value = date_format(value, "DATE_FORMAT")
        rows.append((capfirst(str(field.verbose_name)), value))
    return rows


@register.filter
def verbose_name_of(obj: models.Model) -> str:
    """The object's model name for readers, e.g. "Organisation"."""
    return capfirst(str(obj._meta.verbose_name))
