"""News articles. The Kyustendil anniversary note stays in Serbian only, so
that the language fallback has an example."""

import datetime
from typing import Any

from pages.models import NewsPage

from .base import DemoContext, T, stream, upsert_page


def _esca(ctx: DemoContext) -> dict[str, Any]:
    return {
        "slug": T("esca-i-kuca-klastera-za-klastersku-izuzetnost", "esca-and-house-of-clusters-cluster-excellence"),
        "title": T(
            "ESCA i Kuća klastera zajedno ka klasterskoj izuzetnosti u Srbiji",
            "ESCA and the House of Clusters team up for cluster excellence in Serbia",
        ),
        "date": datetime.date(2017, 1, 16),
        "lead": T(
            "Evropski sekretarijat za analizu klastera želi da produbi saradnju sa Kućom klastera; "
            "nameru je potvrdio dopisom od 9. januara 2017.",
            "The European Secretariat for Cluster Analysis wants closer co-operation with the House of Clusters "
            "and confirmed this in a letter of 9 January 2017.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>ESCA je mreža stručnjaka za klastere iz više od trideset zemalja i deo je evropskog "
                    "nastojanja da Evropa dobije više klastera svetske klase. Razgovori su počeli na petoj "
                    "konferenciji klastera Rumunije u Galacu, 5. i 6. oktobra 2016, koju je pokrenula "
                    "Rumunska asocijacija klastera ClusteRo.</p>",
                    "<p>ESCA is a network of cluster experts from more than thirty countries and part of the European "
                    "effort to give Europe more world-class clusters. The talks began at the fifth Romanian cluster "
                    "conference in Galați on 5–6 October 2016, an initiative of the Romanian Cluster Association "
                    "ClusteRo.</p>",
                ),
            ),
            ("heading", {"text": T("Dve oblasti saradnje", "Two fields of co-operation"), "level": "h2"}),
            (
                "paragraph",
                T(
                    "<ol><li>ocenjivanje menadžmenta klasterskih organizacija i <b>oznake kvaliteta</b>, koje ESCA "
                    "dodeljuje u ime Evropske inicijative za klastersku izuzetnost (ECEI);</li>"
                    "<li>savetovanje donosilaca odluka o programima razvoja zasnovanim na klasterima.</li></ol>",
                    "<ol><li>benchmarking of cluster organisations' management and the <b>quality labels</b>, which "
                    "ESCA awards on behalf of the European Cluster Excellence Initiative (ECEI);</li>"
                    "<li>advice to decision makers on development programmes built on clusters.</li></ol>",
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "Dopis od 9. januara za nas je jasan znak: Srbija može ponovo da ima klastere sa "
                        "evropskom oznakom kvaliteta.",
                        "The letter of 9 January is a clear sign for us: Serbia can again have clusters with a "
                        "European quality label.",
                    ),
                    "attribution": T("Tim Kuće klastera", "The House of Clusters team"),
                },
            ),
        ],
        "sectors": [],
        "clusters": ["gradjevina"],
        "organisations": ["esca", "ecei", "clustero", "kuca-klastera"],
        "tags": ["ESCA", "ECEI"],
        "hero_image": "labels",
        "project": None,
    }


def _labels(ctx: DemoContext) -> dict[str, Any]:
    return {
        "slug": T("srbija-bez-vazecih-oznaka-kvaliteta-klastera", "serbia-without-valid-cluster-quality-labels"),
        "title": T(
            "Zašto Srbija danas nema klaster sa važećom oznakom kvaliteta",
            "Why Serbia has no cluster with a valid quality label today",
        ),
        "date": datetime.date(2017, 1, 23),
        "lead": T(
            "Pet srpskih klastera imalo je bronzanu oznaku 2012–2013, ali je nijedan nije obnovio.",
            "Five Serbian clusters held a Bronze label in 2012–2013, but none of them renewed it.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Oznaka važi ograničeno vreme, pa klaster mora ponovo na ocenjivanje da bi je zadržao. "
                    "Bez sistemske podrške na nacionalnom i regionalnom nivou, svih pet bronzanih klastera pustilo je "
                    "da oznake isteknu.</p>",
                    "<p>A label is valid for a limited time, so a cluster has to be benchmarked again to keep it. "
                    "With no systematic support at national and regional level, all five Bronze clusters let their "
                    "labels expire.</p>",
                ),
            ),
            (
                "image",
                {
                    "image": ctx.images["labels"].pk,
                    "alt_text": T("Tri medalje: bronzana, srebrna i zlatna", "Three medals: bronze, silver and gold"),
                    "caption": T("Tri nivoa oznake kvaliteta", "The three levels of the quality label"),
                    "credit": "Kuća klastera",
                },
            ),
            ("heading", {"text": T("Šta to znači za COSME", "What this means for COSME"), "level": "h2"}),
            (
                "paragraph",
                T(
                    "<p>Srbija je platila učešće u programu COSME, ali jedan od uslova za klastere je važeća "
                    "oznaka kvaliteta. Zato nijedan srpski klaster trenutno ne može da konkuriše. Saradnja sa ESCA "
                    "treba da približi klasterima uslove i smisao sertifikacije.</p>",
                    "<p>Serbia has paid to take part in the COSME programme, but one of the conditions for "
                    "clusters is a valid quality label. So no Serbian cluster can apply at the moment. "
                    "The co-operation with ESCA is meant to explain the conditions and the point of "
                    "certification to clusters.</p>",
                ),
            ),
        ],
        "sectors": [],
        "clusters": ["gradjevina", "agro-toplica"],
        "organisations": ["esca", "ecei"],
        "tags": ["COSME", "ESCA"],
        "hero_image": "labels",
        "project": None,
    }


def _tci(ctx: DemoContext) -> dict[str, Any]:
    return {
        "slug": T("kuca-klastera-clan-tci-mreze", "house-of-clusters-joins-tci-network"),
        "title": T("Kuća klastera postala član TCI mreže", "House of Clusters joins the TCI Network"),
        "date": datetime.date(2016, 11, 15),
        "lead": T(
            "Kao organizacioni član globalne mreže za konkurentnost, klastere i inovacije, Kuća klastera "
            "povezuje region Balkana i Crnog mora sa svetskim znanjem o klasterima.",
            "As an organisational member of the global network for competitiveness, clusters and innovation, the "
            "House of Clusters links the Balkan and Black Sea region with the world's cluster know-how.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Članstvo otvara pristup iskustvima iz razvoja klastera širom sveta, povezivanju klastera "
                    "preko granica i boljoj predstavi regiona u svetu.</p>",
                    "<p>Membership opens access to cluster development experience from around the world, to "
                    "cluster-to-cluster links across borders and to a better image of the region abroad.</p>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Preko kanala TCI mreže, koja ima više od 9.000 kontakata, Kuća klastera će širiti vesti o "
                    "svojim projektima i aktivnostima.</p>",
                    "<p>Through the channels of the TCI Network, which has more than 9,000 contacts, the House of "
                    "Clusters will spread news of its projects and activities.</p>",
                ),
            ),
        ],
        "sectors": [],
        "clusters": [],
        "organisations": ["tci-network", "kuca-klastera"],
        "tags": ["TCI"],
        "hero_image": "network",
        "project": None,
    }


def _sofia_report(ctx: DemoContext) -> dict[str, Any]:
    return {
        "slug": T("dan-balkanskog-klastera-u-sofiji-izvestaj", "balkan-cluster-day-in-sofia-report"),
        "title": T(
            "Dan balkanskog klastera u Sofiji zatvorio projekat", "Balkan Cluster Day in Sofia closes the project"
        ),
        "date": datetime.date(2016, 4, 25),
        "lead": T(
            "Posle martovskog Dana balkanskog klastera u Nišu, završna konferencija u Sofiji okupila je više od "
            "50 učesnika iz Srbije i Bugarske.",
            "After the Balkan Cluster Day in Niš in March, the closing conference in Sofia brought together more "
            "than 50 participants from Serbia and Bulgaria.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Gost iz Danske bio je Karsten Lund, stručnjak za razvoj klastera i predsednik Skupštine "
                    "Saveza LEDIB KK iz Niša. Razgovaralo se o povezivanju klastera iz tekstila, građevinarstva, "
                    "poljoprivrede, turizma, IKT i omladinskog preduzetništva.</p>",
                    "<p>The guest from Denmark was Karsten Lund, a cluster development expert and chair of the "
                    "Assembly of the LEDIB KK Alliance in Niš. The talks covered links between clusters in textiles, "
                    "construction, agriculture, tourism, ICT and youth entrepreneurship.</p>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Konferencija je i zvanični kraj projekta. Kuća klastera nastavlja da održava veb platformu "
                    "Balkanski klaster i da sarađuje sa FED-om i mapiranim klasterima regiona.</p>",
                    "<p>The conference is also the official end of the project. The House of Clusters goes on "
                    "running the Balkan Cluster web platform and working with FED and the mapped clusters of the "
                    "region.</p>",
                ),
            ),
            (
                "call_to_action",
                {
                    "title": T("Galerija", "Gallery"),
                    "text": T("Fotografije sa konferencije.", "Photos from the conference."),
                    "button_label": T("Pogledajte fotografije", "See the photos"),
                    "page": ctx.pages["gallery:sofia"].pk,
                    "url": "",
                },
            ),
        ],
        "sectors": ["textile", "construction", "agriculture", "tourism", "ict", "youth-entrepreneurship"],
        "clusters": ["kyustendil"],
        "organisations": ["fed-sofia", "kuca-klastera", "ledib"],
        "tags": ["IPA CBC", "Balkan Cluster"],
        "hero_image": "sofia-3",
        "project": "project",
    }


def _kyustendil_note(ctx: DemoContext) -> dict[str, Any]:
    # Serbian only on purpose: the English site shows it through the fallback.
    return {
        "slug": T("srecna-godisnjica-tekstilnom-klasteru-custendil", ""),
        "title": T("Srećna godišnjica Tekstilnom klasteru iz Ćustendila", ""),
        "date": datetime.date(2016, 4, 12),
        "lead": T(
            "Tekstilni klaster iz Ćustendila slavi deset godina rada u subotu, 16. aprila, u hotelu Park.",
            "",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Proslava počinje obilaskom firme Vital, a završava se predstavljanjem klastera i koktelom. "
                    "Tim Kuće klastera čestita partnerima iz Bugarske i želi im još mnogo uspešnih godina!</p>",
                    "",
                ),
            ),
        ],
        "sectors": ["textile"],
        "clusters": ["kyustendil"],
        "organisations": ["vital"],
        "tags": [],
        "hero_image": "kyustendil",
        "project": None,
        "untranslated": True,
    }


def generate_news(ctx: DemoContext) -> None:
    for key, spec in (
        ("esca", _esca),
        ("labels", _labels),
        ("tci", _tci),
        ("sofia-report", _sofia_report),
        ("kyustendil-note", _kyustendil_note),
    ):
        data = spec(ctx)
        values = {
            "title": data["title"],
            "date": data["date"],
            "lead": data["lead"],
            "body": stream(f"news-{key}", data["body"]),
            "sectors": [ctx.snippets[f"sector:{slug}"] for slug in data["sectors"]],
            "related_clusters": [ctx.pages[f"cluster:{slug}"] for slug in data["clusters"]],
            "related_organisations": [ctx.snippets[f"org:{slug}"] for slug in data["organisations"]],
            "tags": data["tags"],
            "hero_image": ctx.images[data["hero_image"]],
            "project": ctx.pages[data["project"]] if data["project"] else None,
        }
        page = upsert_page(ctx.pages["news_index"], NewsPage, data["slug"].sr, values)
        ctx.pages[f"news:{key}"] = page
        if not data.get("untranslated"):
            ctx.translate_later(page, data["slug"], data["title"], data["lead"], data["body"])
