"""``manage.py load_demo [--scale N]``: build the bilingual demo site.

Safe to run again: every builder looks objects up by a stable key (slug,
title) and updates them, so a second run leaves the object counts unchanged.
"""

import contextlib
import logging
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import models, transaction

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.builders import directory, events, galleries, media, news, site, snippets
from demo.builders.base import DemoContext
from demo.builders.synthetic import generate_synthetic
from demo.builders.translations import generate_translations
from demo.builders.users import generate_demo_superuser
from localization.cyrillic import build_cyrillic_edition
from pages import models as pages
from snippets import models as snippet_models
from workflow.roles import create_demo_users, setup_roles

# The Serbian content, in dependency order (see demo/builders/__init__.py).
BUILD_STEPS: list[Callable[[DemoContext], None]] = [
    media.generate_images,
    media.generate_documents,
    snippets.generate_snippets,
    site.generate_site,
    directory.generate_projects,
    directory.generate_clusters,
    events.generate_events,
    galleries.generate_galleries,
    news.generate_news,
]


def create_demo_superuser(ctx: DemoContext) -> list[str]:
    if not settings.DEBUG:
        return []
    username, password = generate_demo_superuser()
    return [f"Demo login (development only): {username} / {password} at /admin/"]


def create_roles_and_demo_users(ctx: DemoContext) -> list[str]:
    """Roles and the review workflow always; one login per role only in development."""
    setup_roles()
    if not settings.DEBUG:
        return []
    return [
        f"Demo login (development only): {user.username} / {user.password} ({user.role})"
        for user in create_demo_users()
    ]


def create_cyrillic_edition(ctx: DemoContext) -> list[str]:
    """The Serbian Cyrillic edition, transliterated and published at once (demo only: skips review)."""
    build_cyrillic_edition(publish=True)
    return []


# Steps run after all content (and --scale pages) exist. Each gets the run's
# context and returns lines to print.
POST_LOAD_STEPS: list[Callable[[DemoContext], list[str]]] = [
    create_demo_superuser,
    # Before the roles, so that Translators get rights on the Cyrillic home page.
    create_cyrillic_edition,
    create_roles_and_demo_users,
]

SUMMARY_MODELS: list[type[models.Model]] = [
    pages.HomePage,
    pages.StandardPage,
    pages.NewsIndexPage,
    pages.NewsPage,
    pages.EventIndexPage,
    pages.EventPage,
    pages.GalleryIndexPage,
    pages.GalleryPage,
    pages.ClusterIndexPage,
    pages.ClusterPage,
    pages.ProjectIndexPage,
    pages.ProjectPage,
    snippet_models.Sector,
    snippet_models.Country,
    snippet_models.Organisation,
    snippet_models.FundingProgramme,
    snippet_models.Person,
]


def count_objects() -> dict[str, str]:
    """Object counts per type (per locale for translatable ones), for the summary."""
    locales = list(Locale.objects.order_by("pk"))
    counts = {}
    for model in SUMMARY_MODELS:
        per_locale = [f"{model.objects.filter(locale=locale).count()} {locale.language_code}" for locale in locales]
        counts[model.__name__] = ", ".join(per_locale)
    counts["Image"] = str(Image.objects.count())
    counts["Document"] = str(Document.objects.count())
    counts["TranslationSource"] = str(TranslationSource.objects.count())
    counts["Translation"] = str(Translation.objects.count())
    counts["StringTranslation"] = str(StringTranslation.objects.count())
    counts["Revision"] = str(Revision.objects.count())
    return counts


@contextlib.contextmanager
def quiet_logging(enabled: bool) -> Iterator[None]:
    """Hide the per-page INFO lines (tasks, publishing, redirects) Wagtail logs."""
    root = logging.getLogger()
    level = root.level
    if enabled:
        root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.setLevel(level)


class Command(BaseCommand):
    help = "Create or update the bilingual demo content (idempotent). --scale N adds N synthetic pages per type."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also create N synthetic Serbian pages per type (news, events, galleries, clusters, projects).",
        )

    def handle(self, *args: object, scale: int = 0, verbosity: int = 1, **options: object) -> None:
        with quiet_logging(verbosity < 2):
            self.load(scale, verbosity)

    def load(self, scale: int, verbosity: int) -> None:
        started = time.monotonic()
        sr, en = site.ensure_locales()
        ctx = DemoContext(sr=sr, en=en, verbosity=verbosity)

        # The Serbian content is all or nothing.
        with transaction.atomic():
            for step in BUILD_STEPS:
                step(ctx)

        # Outside the transaction above: wagtail-localize publishes in on_commit.
        report = generate_translations(ctx)
        self.stdout.write(f"Translations: {report.saved} saved, {report.unchanged} unchanged.")
        if verbosity >= 2:
            for line in report.kept_as_source:
                self.stdout.write(f"  kept as in Serbian: {line}")

        if scale:
            added = generate_synthetic(ctx, scale)
            self.stdout.write("Synthetic pages added: " + ", ".join(f"{kind} {n}" for kind, n in added.items()))

        extra_lines = [line for post_step in POST_LOAD_STEPS for line in post_step(ctx)]

        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.1f} s:"))
        for name, value in count_objects().items():
            self.stdout.write(f"  {name:<18} {value}")
        for line in extra_lines:
            self.stdout.write(self.style.WARNING(line))
