"""Factories for pages and snippets, with traits for visibility states.

Pages are created under a parent with ``parent=...``; by default they are live
and published with a revision, like a page an editor published in the admin.
Traits: ``draft`` (never published), ``expired`` (expire_at in the past),
``scheduled`` (go_live_at in the future, not live yet).
"""

import datetime
import io
from typing import Any

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

import factory
from PIL import Image as PILImage

from pages import models as pages
from snippets import models as snippets


def image_file(name: str = "photo.png", size: tuple[int, int] = (640, 400), color: str = "#336699") -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyFunction(image_file)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="agenda.pdf", data=b"%PDF-1.4\n%%EOF\n")


class SnippetFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Name {n}")
    slug = factory.Sequence(lambda n: f"slug-{n}")


class SectorFactory(SnippetFactory):
    class Meta:
        model = snippets.Sector


class CountryFactory(SnippetFactory):
    class Meta:
        model = snippets.Country

    iso_code = "RS"


class OrganisationFactory(SnippetFactory):
    class Meta:
        model = snippets.Organisation

    kind = snippets.Organisation.Kind.PARTNER


class PersonFactory(SnippetFactory):
    class Meta:
        model = snippets.Person

    email = factory.Sequence(lambda n: f"person{n}@example.org")


class FundingProgrammeFactory(SnippetFactory):
    class Meta:
        model = snippets.FundingProgramme


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` and publishes it unless a trait says otherwise."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    class Params:
        draft = factory.Trait(live=False)
        expired = factory.Trait(expire_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1)))
        scheduled = factory.Trait(
            live=False, go_live_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, parent: Page, **kwargs: Any) -> Page:
        live = kwargs.pop("live", True)
        if not kwargs.get("slug"):
            kwargs.pop("slug", None)
        page = model_class(*args, live=False, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        elif page.go_live_at:
            # Publishing a revision with a future go_live_at schedules it.
            revision.publish()
            page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = pages.HomePage

    title = "Kuća klastera"


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = pages.NewsIndexPage

    title = "Vesti"


class NewsPageFactory(PageFactory):
    class Meta:
        model = pages.NewsPage

    date = factory.LazyFunction(timezone.localdate)
    lead = factory.Sequence(lambda n: f"Lead paragraph {n}")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = pages.EventIndexPage

    title = "Događaji"


class EventPageFactory(PageFactory):
    class Meta:
        model = pages.EventPage

    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    time_zone = "Europe/Belgrade"
    venue = "Hotel"
    city = "Niš"


class GalleryIndexPageFactory(PageFactory):
    class Meta:
        model = pages.GalleryIndexPage

    title = "Galerije"


class GalleryPageFactory(PageFactory):
    class Meta:
        model = pages.GalleryPage


class ClusterIndexPageFactory(PageFactory):
    class Meta:
        model = pages.ClusterIndexPage

    title = "Klasteri"


class ClusterPageFactory(PageFactory):
    class Meta:
        model = pages.ClusterPage

    city = "Niš"


class ProjectIndexPageFactory(PageFactory):
    class Meta:
        model = pages.ProjectIndexPage

    title = "Projekti"


class ProjectPageFactory(PageFactory):
    class Meta:
        model = pages.ProjectPage


class StandardPageFactory(PageFactory):
    class Meta:
        model = pages.StandardPage


def restrict(page: Page, restriction_type: str = PageViewRestriction.PASSWORD, **kwargs: Any) -> PageViewRestriction:
    """Put a view restriction (password, login or groups) on a page and its descendants."""
    if restriction_type == PageViewRestriction.PASSWORD:
        kwargs.setdefault("password", "secret")
    groups = kwargs.pop("groups", None)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **kwargs)
    if groups:
        restriction.groups.set(groups)
    return restriction


def ensure_tree_roots(locale: Locale) -> Page:
    """The root page and root collection that Wagtail's migrations create.

    A transactional test's flush removes them, and serialized rollback cannot
    always restore them: with Playwright's event loop in the test thread the
    test may get a database connection object without the serialized data.
    """
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def build_site() -> dict[str, Page]:
    """The skeleton every page test needs: locales, a Serbian home page set as the
    default site's root, its English translation, and one index page of each kind
    in Serbian. Returns the pages by name."""
    sr = Locale.objects.get_or_create(language_code="sr-latn")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = ensure_tree_roots(sr)
    home = HomePageFactory(parent=root, slug="home-sr", locale=sr)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    home_en = home.copy_for_translation(en)
    home_en.title = "House of Clusters"
    home_en.save_revision().publish()
    home_en.refresh_from_db()
    return {
        "root": root,
        "home": home,
        "home_en": home_en,
        "news_index": NewsIndexPageFactory(parent=home, slug="vesti"),
        "event_index": EventIndexPageFactory(parent=home, slug="dogadjaji"),
        "gallery_index": GalleryIndexPageFactory(parent=home, slug="galerije"),
        "cluster_index": ClusterIndexPageFactory(parent=home, slug="klasteri"),
        "project_index": ProjectIndexPageFactory(parent=home, slug="projekti"),
    }


def translate(instance: Any, locale: Locale, strings: dict[str, str] | None = None, publish: bool = True) -> Any:
    """Translate a page or snippet through wagtail-localize, as a translator would.

    ``strings`` maps source strings to their translations; anything not in it
    falls back to the source text. wagtail-localize publishes a page on
    transaction commit; in a test there is no commit, so the publish callbacks
    run when this returns, as they would at the end of the translator's
    request (callbacks delayed across several translations would publish stale
    copies of the parent pages). Returns the translated instance.
    """
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        source = _translate(instance, locale, strings, publish)
    # Fetched after the callbacks, so that a page's ``live`` is up to date.
    return source.get_translated_instance(locale)


def _translate(instance: Any, locale: Locale, strings: dict[str, str] | None, publish: bool) -> Any:
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if strings and segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": "manual"},
            )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=publish)
    return source


def build_every_page_type(site: dict[str, Page]) -> dict[str, Page]:
    """One live page of every detail type under the site from build_site(), with its
    relations filled in (images, snippets, tags, inlines) so that every part of the
    templates and admin forms has something to show. Returns the pages by name
    (plus the snippets under "sector", "country", "organisation", "person", "programme")."""
    sector = SectorFactory(name="Tekstil", slug="textile")
    country = CountryFactory(name="Srbija", slug="serbia", iso_code="RS")
    organisation = OrganisationFactory(name="Univerzitet u Nišu", slug="uni-nis", country=country, logo=ImageFactory())
    person = PersonFactory(name="Marija Petrović", slug="marija-petrovic", organisation=organisation)
    programme = FundingProgrammeFactory(name="Interreg IPA", slug="interreg-ipa", funder=organisation)

    project = ProjectPageFactory(
        parent=site["project_index"],
        title="Projekat Klasteri Plus",
        slug="klasteri-plus",
        acronym="KP",
        intro="Saradnja klastera.",
        programme=programme,
        lead_partner=organisation,
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        hero_image=ImageFactory(),
    )
    project.partners.set([organisation])
    project.save_revision().publish()

    cluster = ClusterPageFactory(
        parent=site["cluster_index"],
        title="Klaster tekstila",
        slug="klaster-tekstila",
        intro="Proizvođači tekstila.",
        country=country,
        cluster_manager=person,
        logo=ImageFactory(),
        founded_year=2008,
    )
    cluster.sectors.set([sector])
    cluster.member_organisations.set([organisation])
    pages.QualityLabel.objects.create(
        page=cluster, level=pages.QualityLabel.Level.BRONZE, awarded_on=timezone.localdate() - datetime.timedelta(30)
    )
    cluster.save_revision().publish()

    news = NewsPageFactory(
        parent=site["news_index"],
        title="Dan klastera u Nišu",
        slug="dan-klastera",
        lead="Klasteri su se okupili u Nišu.",
        hero_image=ImageFactory(),
        project=project,
    )
    news.tags.add("saradnja")
    news.sectors.set([sector])
    news.related_clusters.set([cluster])
    news.documents.add(pages.NewsPageDocument(document=DocumentFactory(), title="Program"))
    news.save_revision().publish()

    event = EventPageFactory(
        parent=site["event_index"],
        title="Konferencija klastera",
        slug="konferencija",
        intro="Godišnja konferencija.",
        country=country,
        contact_person=person,
        project=project,
        hero_image=ImageFactory(),
    )
    event.sectors.set([sector])
    event.organisers.set([organisation])
    event.documents.add(pages.EventPageDocument(document=DocumentFactory(), title="Agenda"))
    event.save_revision().publish()

    gallery = GalleryPageFactory(
        parent=site["gallery_index"],
        title="Fotografije sa konferencije",
        slug="fotografije",
        date=datetime.date(2024, 5, 10),
        event=event,
    )
    gallery.gallery_images.add(pages.GalleryImage(image=ImageFactory(), caption="Otvaranje"))
    gallery.save_revision().publish()

    standard = StandardPageFactory(parent=site["home"], title="O nama", slug="o-nama", intro="Ko smo mi.")

    return {
        "news": news,
        "event": event,
        "gallery": gallery,
        "cluster": cluster,
        "project": project,
        "standard": standard,
        "sector": sector,
        "country": country,
        "organisation": organisation,
        "person": person,
        "programme": programme,
    }
