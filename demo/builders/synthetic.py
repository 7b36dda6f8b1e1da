"""Synthetic pages for ``load_demo --scale N``: N pages per type, Serbian only.

Fast path on purpose: pages are placed in the tree by computing their
materialised paths (no add_child per page), saved once and given one
published revision, with no wagtail-localize work and no new images. Content
is derived from the page number with a seeded RNG, so slugs
(``synthetic-news-0001``) and content are the same on every run and existing
slugs are skipped.
"""

import contextlib
import datetime
import random
import zoneinfo
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import connect_reference_index_signal_handlers, disconnect_reference_index_signal_handlers

from modelsearch.signal_handlers import post_save_signal_handler as search_post_save

from pages.models import ClusterPage, EventPage, GalleryImage, GalleryPage, NewsPage, ProjectPage, QualityLabel

from .base import DemoContext, stream

TOPICS = [
    "Sastanak klastera",
    "Radionica o izvozu",
    "Obuka za menadžere klastera",
    "Poslovni susreti",
    "Sajam inovacija",
    "Okrugli sto o digitalizaciji",
    "Studijska poseta",
    "Info dan o fondovima EU",
]
CITIES = {
    "serbia": (["Niš", "Beograd", "Novi Sad", "Kragujevac", "Pirot", "Leskovac"], "Europe/Belgrade"),
    "bulgaria": (["Sofija", "Ćustendil", "Vidin", "Plovdiv"], "Europe/Sofia"),
    "romania": (["Galac", "Temišvar", "Krajova"], "Europe/Bucharest"),
    "denmark": (["Kopenhagen", "Orhus"], "Europe/Copenhagen"),
}
PAGE_MODELS: list[type[Page]] = [NewsPage, EventPage, GalleryPage, ClusterPage, ProjectPage]
POOL_IMAGES = ["sofia-1", "sofia-2", "sofia-3", "sofia-4", "sofia-5", "nis", "kyustendil", "network"]
# Events from 2015 to the end of 2028, so that both past and upcoming exist.
EVENT_RANGE = (datetime.date(2015, 1, 1), datetime.date(2028, 12, 31))


def _day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days))


class Builder:
    """Shared pools for one synthetic run."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.sectors = [obj for key, obj in ctx.snippets.items() if key.startswith("sector:")]
        self.countries = {key.split(":", 1)[1]: obj for key, obj in ctx.snippets.items() if key.startswith("country:")}
        self.organisations = [obj for key, obj in ctx.snippets.items() if key.startswith("org:")]
        self.images = [ctx.images[key] for key in POOL_IMAGES]

    def place(self, rng: random.Random) -> tuple[str, str, str]:
        country = rng.choice(list(CITIES))
        cities, zone = CITIES[country]
        return country, rng.choice(cities), zone

    def body(self, key: str, text: str) -> list[dict]:
        return stream(key, [("paragraph", f"<p>{text}</p>")])

    def news(self, n: int, rng: random.Random) -> NewsPage:
        topic, (_country, city, _zone) = rng.choice(TOPICS), self.place(rng)
        page = NewsPage(
            title=f"{topic} u gradu {city} ({n})",
            date=_day(rng, datetime.date(2014, 1, 1), datetime.date(2026, 11, 27)),
            lead=f"Kratka vest broj {n}: {topic.lower()} okupio je klastere iz grada {city}.",
            hero_image=rng.choice(self.images),
            body=self.body(f"synthetic-news-{n}", f"Sintetički sadržaj za testiranje, vest {n}."),
        )
        page.sectors.set(rng.sample(self.sectors, rng.randint(1, 2)))
        return page

    def event(self, n: int, rng: random.Random) -> EventPage:
        topic, (country, city, zone) = rng.choice(TOPICS), self.place(rng)
        day = _day(rng, *EVENT_RANGE)
        start = datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 11, 13])), zoneinfo.ZoneInfo(zone))
        status = rng.choices(list(EventPage.Status), weights=[18, 1, 1])[0]
        page = EventPage(
            title=f"{topic}, {city} ({n})",
            start=start,
            end=start + datetime.timedelta(hours=rng.choice([2, 3, 6, 30])),
            time_zone=zone,
            status=status,
            venue="Kongresna sala",
            city=city,
            country=self.countries[country],
            intro=f"Događaj broj {n} u gradu {city}.",
            hero_image=rng.choice(self.images),
        )
        page.sectors.set(rng.sample(self.sectors, rng.randint(1, 2)))
        return page

    def gallery(self, n: int, rng: random.Random) -> GalleryPage:
        page = GalleryPage(
            title=f"Fotografije sa događaja ({n})",
            date=_day(rng, datetime.date(2014, 1, 1), datetime.date(2026, 11, 27)),
            intro=f"Galerija broj {n}.",
        )
        photos = rng.sample(self.images, 3)
        page.gallery_images = [
            GalleryImage(image=image, caption=f"Fotografija {i + 1}", credit="Kuća klastera", locale=self.ctx.sr)
            for i, image in enumerate(photos)
        ]
        return page

    def cluster(self, n: int, rng: random.Random) -> ClusterPage:
        country, city, _zone = self.place(rng)
        sectors = rng.sample(self.sectors, rng.randint(1, 2))
        page = ClusterPage(
            title=f"Klaster {sectors[0].name.lower()} {city} {n}",
            intro=f"Sintetički profil klastera broj {n}.",
            city=city,
            country=self.countries[country],
            founded_year=rng.randint(2000, 2024),
        )
        page.sectors.set(sectors)
        page.network_memberships.set([self.ctx.snippets["org:kuca-klastera"]] if rng.random() < 0.6 else [])
        labels = []
        kind = rng.choice(["none", "none", "expired", "valid"])
        if kind != "none":
            window = (datetime.date(2012, 1, 1), datetime.date(2015, 1, 1))
            if kind == "valid":
                window = (datetime.date(2025, 1, 1), datetime.date(2026, 11, 1))
            level = rng.choice(list(QualityLabel.Level))
            label = QualityLabel(level=level, awarded_on=_day(rng, *window), sort_order=0)
            label.expires_on = label.compute_expires_on()
            labels.append(label)
        page.quality_labels = labels
        return page

    def project(self, n: int, rng: random.Random) -> ProjectPage:
        start = _day(rng, datetime.date(2010, 1, 1), datetime.date(2027, 1, 1))
        page = ProjectPage(
            title=f"Projekat saradnje klastera {n}",
            intro=f"Sintetički projekat broj {n}.",
            programme=self.ctx.snippets["programme:ipa-cbc"],
            lead_partner=rng.choice(self.organisations),
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.choice([365, 540, 730])),
            budget_eur=Decimal(rng.randrange(50_000, 900_000, 1_000)),
        )
        page.partners.set(rng.sample(self.organisations, 2))
        return page


@contextlib.contextmanager
def index_signals_paused(models: list[type[Page]]) -> Iterator[None]:
    """Pause the per-save search and reference index updates (one task per save);
    the caller indexes each batch in bulk instead."""
    disconnect_reference_index_signal_handlers()
    for model in models:
        post_save.disconnect(search_post_save, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(search_post_save, sender=model)
        connect_reference_index_signal_handlers()


def _append_children(parent: Page, pages: list[Page]) -> None:
    """Add ``pages`` as the last children of ``parent``, each live with one published revision.

    Equivalent to add_child + save_revision().publish() without the per-page
    overhead: the tree path is computed here, the page is saved once, and the
    revision bookkeeping is one UPDATE.
    """
    last = parent.get_last_child()
    step = int(last.path[-Page.steplen :], 36) if last else 0
    now = timezone.now()
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.locale = parent.locale
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
        page.draft_title = page.title
        page.save(clean=False)
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
        )
        Page.objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(type(pages[0]), pages)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def generate_synthetic(ctx: DemoContext, scale: int, batch_size: int = 1000) -> dict[str, int]:
    """Create the missing synthetic pages; returns how many were added per type."""
    builder = Builder(ctx)
    makers: dict[str, tuple[str, Callable[[int, random.Random], Page]]] = {
        "news": ("news_index", builder.news),
        "event": ("event_index", builder.event),
        "gallery": ("gallery_index", builder.gallery),
        "cluster": ("cluster_index", builder.cluster),
        "project": ("project_index", builder.project),
    }
    added = {}
    with index_signals_paused(PAGE_MODELS):
        for kind, (index_key, make) in makers.items():
            parent = Page.objects.get(pk=ctx.pages[index_key].pk)
            prefix = f"synthetic-{kind}-"
            existing = set(parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True))
            missing = [n for n in range(1, scale + 1) if f"{prefix}{n:04d}" not in existing]
            for offset in range(0, len(missing), batch_size):
                batch = []
                for n in missing[offset : offset + batch_size]:
                    page = make(n, random.Random(f"{kind}-{n}"))  # noqa: S311 - demo data, not security
                    page.slug = f"{prefix}{n:04d}"
                    batch.append(page)
                # One transaction per batch: SQLite commits are the slow part.
                with transaction.atomic():
                    parent.refresh_from_db()
                    _append_children(parent, batch)
            added[kind] = len(missing)
    return added
