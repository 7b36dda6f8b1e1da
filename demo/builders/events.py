"""Events: the Sofia final conference, the Kyustendil anniversary and an
upcoming Days of Clusters in Niš. Times are wall-clock times at the venue."""

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

from pages.models import EventPage

from .base import DemoContext, T, stream, upsert_page


def at(zone: str, *args: int) -> datetime.datetime:
    """An aware datetime in the venue's time zone (stored as UTC by Django)."""
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone))


def _sofia(ctx: DemoContext) -> tuple[dict[str, Any], list[Any]]:
    agenda = ctx.documents["agenda"]
    texts = {
        "slug": T("finalna-konferencija-balkanski-klaster-sofija", "balkan-cluster-final-conference-sofia"),
        "title": T(
            "Dan balkanskog klastera u Sofiji – finalna konferencija", "Balkan Cluster Day in Sofia – final conference"
        ),
        "intro": T(
            "Završna konferencija projekta Balkanski klaster, u petak 22. aprila 2016. od 11 časova u Sofiji.",
            "The closing conference of the Balkan Cluster project, on Friday 22 April 2016 from 11:00 in Sofia.",
        ),
        "venue": T("Sala Preslav, hotel Hermus", "Preslav hall, Hotel Hermus"),
        "street_address": T("Bulevar Černi vrh 31", "31 Cherni Vrah Blvd."),
        "city": T("Sofija", "Sofia"),
    }
    body = [
        (
            "paragraph",
            T(
                "<p>Projekat Balkanski klaster finansira Evropska unija kroz IPA program prekogranične saradnje "
                "Bugarske i Srbije. Cilj mu je platforma na kojoj klasteri, mala i srednja preduzeća i institucije "
                "podrške sa obe strane granice sarađuju.</p>",
                "<p>The European Union funds the Balkan Cluster project through the IPA cross-border programme of "
                "Bulgaria and Serbia. Its aim is a platform where clusters, small and medium-sized firms and support "
                "institutions from both sides of the border work together.</p>",
            ),
        ),
        (
            "paragraph",
            T(
                "<p>Konferenciju organizuju FED iz Sofije i Kuća klastera iz Niša. Kontakt osoba je Dotchka "
                'Rousseva, <a href="mailto:rousseva@fed-bg.org">rousseva@fed-bg.org</a>.</p>',
                "<p>FED from Sofia and the House of Clusters from Niš organise the conference. The contact person is "
                'Dotchka Rousseva, <a href="mailto:rousseva@fed-bg.org">rousseva@fed-bg.org</a>.</p>',
            ),
        ),
        (
            "documents",
            {
                "heading": T("Program", "Programme"),
                "documents": [{"document": agenda.pk, "title": T("Agenda konferencije", "Conference agenda")}],
            },
        ),
    ]
    values = {
        "start": at("Europe/Sofia", 2016, 4, 22, 11, 0),
        "end": at("Europe/Sofia", 2016, 4, 22, 15, 0),
        "time_zone": "Europe/Sofia",
        "country": ctx.snippets["country:bulgaria"],
        "latitude": Decimal("42.670000"),
        "longitude": Decimal("23.320000"),
        "organisers": [ctx.snippets["org:fed-sofia"], ctx.snippets["org:kuca-klastera"]],
        "contact_person": ctx.snippets["person:dotchka-rousseva"],
        "project": ctx.pages["project"],
        "sectors": [ctx.snippets[f"sector:{slug}"] for slug in ("textile", "construction", "agriculture", "tourism")],
        "hero_image": ctx.images["sofia-1"],
        "documents": [{"document": agenda, "title": T("Agenda (na engleskom)", "Agenda")}],
        "body": stream("event-sofia", body),
    }
    return texts | values, [texts, body, values["documents"]]


def _kyustendil(ctx: DemoContext) -> tuple[dict[str, Any], list[Any]]:
    texts = {
        "slug": T("deset-godina-tekstilnog-klastera-custendil", "kyustendil-textile-cluster-10-years"),
        "title": T("Deset godina Tekstilnog klastera Ćustendil", "Ten years of the Kyustendil Textile Cluster"),
        "intro": T(
            "Proslava desetog rođendana klastera u subotu 16. aprila 2016. u Ćustendilu.",
            "The cluster celebrates its tenth birthday on Saturday 16 April 2016 in Kyustendil.",
        ),
        "venue": T("Hotel Park", "Hotel Park"),
        "city": T("Ćustendil", "Kyustendil"),
    }
    body = [
        (
            "paragraph",
            T(
                "<p>Dan počinje u 11 časova posetom firmi Vital, članici klastera koja šije muške i ženske pantalone. "
                "Zvanični deo u hotelu Park počinje u 13 časova, a u 14 časova sledi predstavljanje rada klastera "
                "uz koktel.</p>",
                "<p>The day starts at 11:00 with a visit to Vital, a member company that makes men's and women's "
                "trousers. The official part at Hotel Park begins at 13:00, followed at 14:00 by a presentation "
                "of the cluster's work and a cocktail.</p>",
            ),
        ),
    ]
    values = {
        "start": at("Europe/Sofia", 2016, 4, 16, 13, 0),
        "end": at("Europe/Sofia", 2016, 4, 16, 16, 0),
        "time_zone": "Europe/Sofia",
        "country": ctx.snippets["country:bulgaria"],
        "latitude": Decimal("42.284300"),
        "longitude": Decimal("22.690800"),
        "contact_person": ctx.snippets["person:menadzer-tekstilnog-klastera-custendil"],
        "sectors": [ctx.snippets["sector:textile"]],
        "organisers": [ctx.snippets["org:tekstilni-klaster-custendil"]],
        "hero_image": ctx.images["kyustendil"],
        "body": stream("event-kyustendil", body),
    }
    return texts | values, [texts, body]


def _days_of_clusters(ctx: DemoContext) -> tuple[dict[str, Any], list[Any]]:
    texts = {
        "slug": T("dani-klastera-2027", "days-of-clusters-2027"),
        "title": T("Dani klastera 2027", "Days of Clusters 2027"),
        "intro": T(
            "Godišnji susret klastera Srbije i regiona u Nišu, 20. i 21. maja 2027.",
            "The yearly meeting of the clusters of Serbia and the region in Niš, 20–21 May 2027.",
        ),
        "venue": T("Kuća klastera", "House of Clusters"),
        "city": T("Niš", "Niš"),
    }
    body = [
        (
            "paragraph",
            T(
                "<p>Dva dana predavanja, radionica i poslovnih susreta. Tema ove godine su oznake kvaliteta "
                "klasterskog menadžmenta i pristup programima Evropske unije.</p>",
                "<p>Two days of talks, workshops and business meetings. This year's theme is the cluster management "
                "quality labels and access to European Union programmes.</p>",
            ),
        ),
        (
            "call_to_action",
            {
                "title": T("Imenik klastera", "Cluster directory"),
                "text": T("Pronađite partnere pre susreta.", "Find partners before the meeting."),
                "button_label": T("Pogledajte klastere", "Browse clusters"),
                "page": ctx.pages["cluster_index"].pk,
                "url": "",
            },
        ),
    ]
    values = {
        "start": at("Europe/Belgrade", 2027, 5, 20, 10, 0),
        "end": at("Europe/Belgrade", 2027, 5, 21, 17, 0),
        "time_zone": "Europe/Belgrade",
        "country": ctx.snippets["country:serbia"],
        "latitude": Decimal("43.320900"),
        "longitude": Decimal("21.895400"),
        "organisers": [ctx.snippets["org:kuca-klastera"]],
        "sectors": [ctx.snippets[f"sector:{slug}"] for slug in ("ict", "youth-entrepreneurship")],
        "hero_image": ctx.images["nis"],
        "body": stream("event-days-of-clusters-2027", body),
    }
    return texts | values, [texts, body]


def generate_events(ctx: DemoContext) -> None:
    for key, spec in (("sofia", _sofia), ("kyustendil", _kyustendil), ("days-2027", _days_of_clusters)):
        values, bilingual = spec(ctx)
        slug = values.pop("slug")
        page = upsert_page(ctx.pages["event_index"], EventPage, slug.sr, values)
        ctx.pages[f"event:{key}"] = page
        ctx.translate_later(page, slug, *bilingual)
