"""The site skeleton: locales, the Serbian home page as the default site's root,
one index page per section and the standard pages."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site

from pages.models import (
    ClusterIndexPage,
    EventIndexPage,
    GalleryIndexPage,
    HomePage,
    NewsIndexPage,
    ProjectIndexPage,
    StandardPage,
)

from .base import DemoContext, T, stream, upsert_page

SITE_NAME = "Kuća klastera"

# key: (model, slug, title, intro)
SECTIONS = {
    "news_index": (
        NewsIndexPage,
        T("vesti", "news"),
        T("Vesti", "News"),
        T("Novosti klasterske zajednice Srbije i regiona.", "News of the cluster community of Serbia and the region."),
    ),
    "event_index": (
        EventIndexPage,
        T("dogadjaji", "events"),
        T("Događaji", "Events"),
        T("Konferencije, radionice i proslave klastera.", "Conferences, workshops and cluster celebrations."),
    ),
    "gallery_index": (
        GalleryIndexPage,
        T("galerije", "galleries"),
        T("Galerije", "Galleries"),
        T("Fotografije sa naših događaja.", "Photos from our events."),
    ),
    "cluster_index": (
        ClusterIndexPage,
        T("klasteri", "clusters"),
        T("Klasteri", "Clusters"),
        T(
            "Imenik klastera po sektoru, zemlji i oznaci kvaliteta.",
            "The cluster directory by sector, country and quality label.",
        ),
    ),
    "project_index": (
        ProjectIndexPage,
        T("projekti", "projects"),
        T("Projekti", "Projects"),
        T("Projekti koje vodimo ili u kojima učestvujemo.", "Projects we lead or take part in."),
    ),
}


def ensure_locales() -> tuple[Locale, Locale]:
    """The source locale (from migrations: LANGUAGE_CODE) and English."""
    return (
        Locale.objects.get_or_create(language_code="sr-latn")[0],
        Locale.objects.get_or_create(language_code="en")[0],
    )


def _remove_welcome_page(keep: Page) -> None:
    """Delete Wagtail's initial "Welcome" page (a plain Page with no children)."""
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain).exclude(pk=keep.pk):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()


def generate_home(ctx: DemoContext) -> None:
    """The Serbian home page, set as the root of the one default site."""
    root = Page.get_first_root_node()
    title = T("Kuća klastera", "House of Clusters")
    slug = T("pocetna", "home")
    intro = T(
        "Kuća klastera iz Niša povezuje klastere Srbije, Balkana i Crnog mora.",
        "The House of Clusters in Niš connects clusters of Serbia, the Balkans and the Black Sea region.",
    )
    home = upsert_page(root, HomePage, slug.sr, {"title": title, "intro": intro, "hero_image": ctx.images["nis"]})
    ctx.pages["home"] = home
    ctx.translate_later(home, title, slug, intro)

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, SITE_NAME
    site.save()
    Site.objects.exclude(pk=site.pk).delete()
    _remove_welcome_page(keep=home)


def generate_sections(ctx: DemoContext) -> None:
    home = ctx.pages["home"]
    for key, (model, slug, title, intro) in SECTIONS.items():
        values = {"title": title, "intro": intro, "show_in_menus": True}
        ctx.pages[key] = upsert_page(home, model, slug.sr, values)
        ctx.translate_later(ctx.pages[key], title, slug, intro)


def generate_standard_pages(ctx: DemoContext) -> None:
    home = ctx.pages["home"]
    about_slug, about_title = T("o-nama", "about-us"), T("O nama", "About us")
    about_intro = T(
        "Krovna organizacija klastera sa sedištem u Nišu, osnovana da klasterima da zajednički glas.",
        "An umbrella organisation of clusters based in Niš, set up to give clusters a common voice.",
    )
    about_body = [
        (
            "paragraph",
            T(
                "<p>Kuća klastera okuplja klastere iz Srbije i iz regiona Balkana i Crnog mora. Koordinira "
                "regionalnu mrežu sa više od 180 klasterskih organizacija i nacionalnu mrežu sa više od 50.</p>",
                "<p>The House of Clusters brings together clusters from Serbia and from the Balkan and Black Sea "
                "region. It coordinates a regional network of more than 180 cluster organisations and a national "
                "one of more than 50.</p>",
            ),
        ),
        ("heading", {"text": T("Šta radimo", "What we do"), "level": "h2"}),
        (
            "paragraph",
            T(
                "<ul><li>vodimo prekogranične projekte Evropske unije;</li>"
                "<li>organizujemo <b>Dan balkanskog klastera</b> i <b>Dane klastera</b>;</li>"
                "<li>promovišemo oznake kvaliteta klasterskog menadžmenta.</li></ul>",
                "<ul><li>we run cross-border projects of the European Union;</li>"
                "<li>we organise the <b>Balkan Cluster Day</b> and the <b>Days of Clusters</b>;</li>"
                "<li>we promote the cluster management quality labels.</li></ul>",
            ),
        ),
        (
            "image",
            {
                "image": ctx.images["network"].pk,
                "alt_text": T(
                    "Ilustracija mreže klastera Balkana i Crnog mora",
                    "Illustration of the Balkan and Black Sea cluster network",
                ),
                "caption": T("Mreža klastera regiona", "The region's cluster network"),
                "credit": "Kuća klastera",
            },
        ),
        (
            "quote",
            {
                "text": T(
                    "Klaster je jači kada zna da nije sam: umrežavanje je naš osnovni posao.",
                    "A cluster is stronger when it knows it is not alone: networking is our core business.",
                ),
                "attribution": T("Tim Kuće klastera", "The House of Clusters team"),
            },
        ),
    ]
    about = upsert_page(
        home,
        StandardPage,
        about_slug.sr,
        {
            "title": about_title,
            "intro": about_intro,
            "show_in_menus": True,
            "hero_image": ctx.images["nis"],
            "body": stream("about", about_body),
        },
    )
    ctx.pages["about"] = about
    ctx.translate_later(about, about_slug, about_title, about_intro, about_body)

    member_slug, member_title = T("clanstvo", "membership"), T("Članstvo", "Membership")
    member_intro = T(
        "Kako klaster ili organizacija za podršku može da se pridruži mreži.",
        "How a cluster or a support organisation can join the network.",
    )
    member_body = [
        (
            "paragraph",
            T(
                "<p>Članovi mogu biti klasterske organizacije, univerziteti, javne institucije i preduzeća. "
                "Članstvo donosi pristup međunarodnim mrežama i projektnim partnerstvima.</p>",
                "<p>Members can be cluster organisations, universities, public bodies and companies. Membership "
                "brings access to international networks and project partnerships.</p>",
            ),
        ),
        (
            "call_to_action",
            {
                "title": T("Pridružite se", "Join us"),
                "text": T("Pogledajte imenik klastera i javite nam se.", "Browse the directory and get in touch."),
                "button_label": T("Imenik klastera", "Cluster directory"),
                "page": ctx.pages["cluster_index"].pk,
                "url": "",
            },
        ),
    ]
    membership = upsert_page(
        home,
        StandardPage,
        member_slug.sr,
        {
            "title": member_title,
            "intro": member_intro,
            "show_in_menus": True,
            "body": stream("membership", member_body),
        },
    )
    ctx.pages["membership"] = membership
    ctx.translate_later(membership, member_slug, member_title, member_intro, member_body)


def generate_site(ctx: DemoContext) -> None:
    """Home, sections and standard pages, in tree order."""
    generate_home(ctx)
    generate_sections(ctx)
    generate_standard_pages(ctx)
