"""The project and the cluster profiles (the directory side of the site)."""

import datetime
from decimal import Decimal

from pages.models import ClusterPage, ProjectPage, QualityLabel

from .base import DemoContext, T, stream, upsert_page


def generate_projects(ctx: DemoContext) -> None:
    slug, title = T("balkanski-klaster", "balkan-cluster"), T("Balkanski klaster", "Balkan Cluster")
    intro = T(
        "Prekogranični projekat koji je povezao klastere, mala i srednja preduzeća i institucije podrške "
        "Bugarske i Srbije putem zajedničke veb platforme.",
        "A cross-border project that connected clusters, small and medium-sized firms and support institutions "
        "of Bulgaria and Serbia through a shared web platform.",
    )
    body = [
        (
            "paragraph",
            T(
                "<p>Projekat je finansirala Evropska unija kroz IPA program prekogranične saradnje Bugarska–Srbija. "
                "Sproveli su ga FED iz Sofije i Kuća klastera iz Niša.</p>",
                "<p>The European Union funded the project through the IPA Cross-border Programme Bulgaria–Serbia. "
                "It was carried out by FED from Sofia and the House of Clusters from Niš.</p>",
            ),
        ),
        ("heading", {"text": T("Rezultati", "Results"), "level": "h2"}),
        (
            "paragraph",
            T(
                "<ul><li>veb platforma Balkanski klaster, koju Kuća klastera i dalje održava;</li>"
                "<li>mapa klastera prekograničnog regiona;</li>"
                "<li>dva Dana balkanskog klastera, u Nišu i u Sofiji.</li></ul>",
                "<ul><li>the Balkan Cluster web platform, still run by the House of Clusters;</li>"
                "<li>a map of the clusters of the cross-border region;</li>"
                "<li>two Balkan Cluster Days, in Niš and in Sofia.</li></ul>",
            ),
        ),
    ]
    project = upsert_page(
        ctx.pages["project_index"],
        ProjectPage,
        slug.sr,
        {
            "title": title,
            "intro": intro,
            "acronym": "Balkan Cluster",
            "programme": ctx.snippets["programme:ipa-cbc"],
            "lead_partner": ctx.snippets["org:fed-sofia"],
            "partners": [ctx.snippets["org:fed-sofia"], ctx.snippets["org:kuca-klastera"]],
            "start_date": datetime.date(2015, 3, 1),
            "end_date": datetime.date(2016, 4, 30),
            "hero_image": ctx.images["network"],
            "body": stream("project-balkan-cluster", body),
        },
    )
    ctx.pages["project"] = project
    ctx.translate_later(project, slug, title, intro, body)


def _label(level: str, awarded_on: datetime.date) -> dict:
    return {"level": level, "awarded_on": awarded_on, "valid_until": None}


# key: bilingual texts and facts of each cluster profile
CLUSTERS = [
    {
        "key": "kyustendil",
        "slug": T("tekstilni-klaster-custendil", "kyustendil-textile-cluster"),
        "title": T("Tekstilni klaster Ćustendil", "Kyustendil Textile Cluster"),
        "intro": T(
            "Klaster tekstilnih preduzeća iz Ćustendila u Bugarskoj, osnovan 2006. godine.",
            "A cluster of textile companies from Kyustendil, Bulgaria, founded in 2006.",
        ),
        "city": T("Ćustendil", "Kyustendil"),
        "region": T("Oblast Ćustendil", "Kyustendil Province"),
        "country": "bulgaria",
        "sectors": ["textile"],
        "founded_year": 2006,
        "manager": "menadzer-tekstilnog-klastera-custendil",
        "email": "botoyb@abv.bg",
        "phone": "+359 886 533 143",
        "members": ["vital"],
        "networks": ["kuca-klastera"],
        "labels": [],
        "coords": ("42.285400", "22.691100"),
        "logo": None,
    },
    {
        "key": "ikt-jug",
        "slug": T("ikt-klaster-jug", "ict-cluster-south"),
        "title": T("IKT klaster Jug", "ICT Cluster South"),
        "intro": T(
            "Softverske firme i fakulteti juga Srbije; nosilac važeće bronzane oznake kvaliteta.",
            "Software companies and faculties of southern Serbia; holder of a valid Bronze quality label.",
        ),
        "city": T("Niš", "Niš"),
        "region": T("Nišavski okrug", "Nišava District"),
        "country": "serbia",
        "sectors": ["ict", "youth-entrepreneurship"],
        "founded_year": 2011,
        "manager": None,
        "email": "",
        "phone": "",
        "members": [],
        "networks": ["kuca-klastera", "tci-network"],
        "labels": [_label(QualityLabel.Level.BRONZE, datetime.date(2026, 3, 10))],
        "coords": ("43.320900", "21.895400"),
        "logo": "logo-ict",
    },
    {
        "key": "gradjevina",
        "slug": T("klaster-gradjevinarstva-nis", "nis-construction-cluster"),
        "title": T("Klaster građevinarstva Niš", "Niš Construction Cluster"),
        "intro": T(
            "Građevinske firme i proizvođači materijala; bronzanu oznaku iz 2012. nisu obnovili.",
            "Builders and makers of building materials; they did not renew their 2012 Bronze label.",
        ),
        "city": T("Niš", "Niš"),
        "region": T("Nišavski okrug", "Nišava District"),
        "country": "serbia",
        "sectors": ["construction"],
        "founded_year": 2009,
        "manager": None,
        "email": "",
        "phone": "",
        "members": [],
        "networks": ["kuca-klastera"],
        "labels": [_label(QualityLabel.Level.BRONZE, datetime.date(2012, 10, 15))],
        "coords": ("43.316000", "21.900000"),
        "logo": None,
    },
    {
        "key": "agro-toplica",
        "slug": T("agro-klaster-toplica", "toplica-agri-cluster"),
        "title": T("Agro klaster Toplica", "Toplica Agri Cluster"),
        "intro": T(
            "Proizvođači voća i lekovitog bilja iz Toplice; bronzanu oznaku dobili su 2013.",
            "Fruit and herb growers from Toplica; they were awarded a Bronze label in 2013.",
        ),
        "city": T("Prokuplje", "Prokuplje"),
        "region": T("Toplički okrug", "Toplica District"),
        "country": "serbia",
        "sectors": ["agriculture", "tourism"],
        "founded_year": 2010,
        "manager": None,
        "email": "",
        "phone": "",
        "members": [],
        "networks": ["kuca-klastera"],
        "labels": [_label(QualityLabel.Level.BRONZE, datetime.date(2013, 5, 20))],
        "coords": ("43.234200", "21.588000"),
        "logo": None,
    },
]


def generate_clusters(ctx: DemoContext) -> None:
    for spec in CLUSTERS:
        body = [
            (
                "paragraph",
                T(
                    f"<p>{spec['intro'].sr} Profil vodi Kuća klastera prema podacima klastera.</p>",
                    f"<p>{spec['intro'].en} The House of Clusters keeps this profile from the cluster's data.</p>",
                ),
            )
        ]
        values = {
            "title": spec["title"],
            "intro": spec["intro"],
            "city": spec["city"],
            "region": spec["region"],
            "country": ctx.snippets[f"country:{spec['country']}"],
            "sectors": [ctx.snippets[f"sector:{slug}"] for slug in spec["sectors"]],
            "founded_year": spec["founded_year"],
            "cluster_manager": ctx.snippets[f"person:{spec['manager']}"] if spec["manager"] else None,
            "email": spec["email"],
            "phone": spec["phone"],
            "member_organisations": [ctx.snippets[f"org:{slug}"] for slug in spec["members"]],
            "network_memberships": [ctx.snippets[f"org:{slug}"] for slug in spec["networks"]],
            "quality_labels": spec["labels"],
            "latitude": Decimal(spec["coords"][0]),
            "longitude": Decimal(spec["coords"][1]),
            "logo": ctx.images[spec["logo"]] if spec["logo"] else None,
            "body": stream(f"cluster-{spec['key']}", body),
        }
        page = upsert_page(ctx.pages["cluster_index"], ClusterPage, spec["slug"].sr, values)
        ctx.pages[f"cluster:{spec['key']}"] = page
        ctx.translate_later(page, spec["slug"], spec["title"], spec["intro"], spec["city"], spec["region"], body)
