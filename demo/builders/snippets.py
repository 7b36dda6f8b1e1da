"""Shared snippets: sectors, countries, organisations, programmes, people.

Built in dependency order (an organisation names its country, a person their
organisation) and queued for translation in the same order, because
wagtail-localize needs a related snippet's translation before the object that
points at it.
"""

from snippets.models import Country, FundingProgramme, Organisation, Person, Sector

from .base import DemoContext, T, upsert_snippet

SECTORS = {
    "textile": (T("Tekstil", "Textile"), T("Proizvodnja tkanina, odeće i obuće.", "Fabrics, clothing and footwear.")),
    "construction": (
        T("Građevinarstvo", "Construction"),
        T("Gradnja, građevinski materijali i projektovanje.", "Building, building materials and design."),
    ),
    "agriculture": (
        T("Poljoprivreda", "Agriculture"),
        T("Proizvodnja i prerada hrane i bilja.", "Growing and processing food and herbs."),
    ),
    "tourism": (
        T("Turizam", "Tourism"),
        T("Smeštaj, vodiči i seoski turizam.", "Accommodation, guides and rural tourism."),
    ),
    "ict": (
        T("IKT", "ICT"),
        T("Informacione i komunikacione tehnologije.", "Information and communication technologies."),
    ),
    "youth-entrepreneurship": (
        T("Omladinsko preduzetništvo", "Youth entrepreneurship"),
        T("Podrška mladima koji pokreću sopstveni posao.", "Support for young people who start a business."),
    ),
}

COUNTRIES = {
    "serbia": (T("Srbija", "Serbia"), "RS"),
    "bulgaria": (T("Bugarska", "Bulgaria"), "BG"),
    "romania": (T("Rumunija", "Romania"), "RO"),
    "denmark": (T("Danska", "Denmark"), "DK"),
    "germany": (T("Nemačka", "Germany"), "DE"),
    "spain": (T("Španija", "Spain"), "ES"),
    "belgium": (T("Belgija", "Belgium"), "BE"),
}

K = Organisation.Kind
# slug: (name, short name, kind, country slug, city, website, description)
ORGANISATIONS = {
    "kuca-klastera": (
        T("Kuća klastera", "House of Clusters"),
        "KK",
        K.NETWORK,
        "serbia",
        T("Niš", "Niš"),
        "",
        T(
            "Krovna organizacija klastera iz Niša koja koordinira regionalnu i nacionalnu mrežu klastera.",
            "An umbrella organisation of clusters in Niš that coordinates a regional and a national cluster network.",
        ),
    ),
    "esca": (
        T("Evropski sekretarijat za analizu klastera", "European Secretariat for Cluster Analysis"),
        "ESCA",
        K.NETWORK,
        "germany",
        T("Berlin", "Berlin"),
        "https://www.cluster-analysis.org",
        T(
            "Mreža stručnjaka za klastere iz više od trideset zemalja; sprovodi ocenjivanje menadžmenta klastera.",
            "A network of cluster experts from more than thirty countries; it runs cluster management benchmarking.",
        ),
    ),
    "tci-network": (
        T("TCI mreža", "TCI Network"),
        "TCI",
        K.NETWORK,
        "spain",
        T("Barselona", "Barcelona"),
        "https://www.tci-network.org",
        T(
            "Globalna mreža za konkurentnost, klastere i inovacije.",
            "The global network for competitiveness, clusters and innovation.",
        ),
    ),
    "ecei": (
        T("Evropska inicijativa za klastersku izuzetnost", "European Cluster Excellence Initiative"),
        "ECEI",
        K.OTHER,
        "",
        T("", ""),
        "",
        T(
            "Inicijativa koja je utvrdila metodologiju oznaka kvaliteta klasterskog menadžmenta.",
            "The initiative that set up the method behind the cluster management quality labels.",
        ),
    ),
    "clustero": (
        T("Rumunska asocijacija klastera", "Romanian Cluster Association"),
        "ClusteRo",
        K.NETWORK,
        "romania",
        T("", ""),
        "",
        T("Udruženje klastera iz Rumunije.", "The association of Romanian clusters."),
    ),
    "fed-sofia": (
        T("FED Sofija", "FED Sofia"),
        "FED",
        K.PARTNER,
        "bulgaria",
        T("Sofija", "Sofia"),
        "",
        T(
            "Bugarski partner projekta Balkanski klaster.",
            "The Bulgarian partner of the Balkan Cluster project.",
        ),
    ),
    "ledib": (
        T("Savez LEDIB KK", "LEDIB KK Alliance"),
        "LEDIB",
        K.OTHER,
        "serbia",
        T("Niš", "Niš"),
        "",
        T("Savez za lokalni ekonomski razvoj iz Niša.", "An alliance for local economic development in Niš."),
    ),
    "vital": (
        T("Vital", "Vital"),
        "",
        K.COMPANY,
        "bulgaria",
        T("Ćustendil", "Kyustendil"),
        "",
        T(
            "Proizvođač muških i ženskih pantalona, član tekstilnog klastera.",
            "A maker of men's and women's trousers and a member of the textile cluster.",
        ),
    ),
    "tekstilni-klaster-custendil": (
        T("Tekstilni klaster Ćustendil", "Kyustendil Textile Cluster"),
        "",
        K.CLUSTER,
        "bulgaria",
        T("Ćustendil", "Kyustendil"),
        "",
        T("Klaster tekstilnih firmi iz Ćustendila, osnovan 2006.", "Textile firms of Kyustendil, since 2006."),
    ),
    "eu": (
        T("Evropska unija", "European Union"),
        "EU",
        K.FUNDER,
        "belgium",
        T("Brisel", "Brussels"),
        "https://european-union.europa.eu",
        T("Finansira prekogranične programe saradnje.", "Funds the cross-border co-operation programmes."),
    ),
}

# slug: (name, role, organisation slug, e-mail, phone)
PEOPLE = {
    "dotchka-rousseva": (
        T("Dotchka Rousseva", "Dotchka Rousseva"),
        T("Kontakt osoba za finalnu konferenciju", "Contact for the final conference"),
        "fed-sofia",
        "rousseva@fed-bg.org",
        "",
    ),
    "karsten-lund": (
        T("Karsten Lund", "Karsten Lund"),
        T(
            "Stručnjak za razvoj klastera, predsednik Skupštine Saveza LEDIB KK",
            "Cluster development expert, chair of the Assembly of the LEDIB KK Alliance",
        ),
        "ledib",
        "",
        "",
    ),
    "menadzer-tekstilnog-klastera-custendil": (
        T("Menadžer klastera", "Cluster manager"),
        T("Menadžer Tekstilnog klastera Ćustendil", "Manager of the Kyustendil Textile Cluster"),
        "tekstilni-klaster-custendil",
        "botoyb@abv.bg",
        "+359 886 533 143",
    ),
}


def generate_sectors(ctx: DemoContext) -> None:
    for slug, (name, description) in SECTORS.items():
        sector = upsert_snippet(Sector, ctx.sr, slug, {"name": name, "description": description})
        ctx.snippets[f"sector:{slug}"] = sector
        ctx.translate_later(sector, name, description)


def generate_countries(ctx: DemoContext) -> None:
    for slug, (name, iso_code) in COUNTRIES.items():
        country = upsert_snippet(Country, ctx.sr, slug, {"name": name, "iso_code": iso_code})
        ctx.snippets[f"country:{slug}"] = country
        ctx.translate_later(country, name)


def generate_organisations(ctx: DemoContext) -> None:
    for slug, (name, short_name, kind, country, city, website, description) in ORGANISATIONS.items():
        values = {
            "name": name,
            "short_name": short_name,
            "kind": kind,
            "country": ctx.snippets[f"country:{country}"] if country else None,
            "city": city,
            "website": website,
            "description": description,
        }
        organisation = upsert_snippet(Organisation, ctx.sr, slug, values)
        ctx.snippets[f"org:{slug}"] = organisation
        ctx.translate_later(organisation, name, city, description)


def generate_programmes(ctx: DemoContext) -> None:
    name = T(
        "IPA program prekogranične saradnje Bugarska–Srbija",
        "IPA Cross-border Programme Bulgaria–Serbia",
    )
    description = T(
        "Program Evropske unije koji finansira zajedničke projekte sa obe strane bugarsko-srpske granice.",
        "A European Union programme that funds joint projects on both sides of the Bulgarian–Serbian border.",
    )
    values = {
        "name": name,
        "short_name": "IPA CBC BG–RS",
        "funder": ctx.snippets["org:eu"],
        "description": description,
    }
    programme = upsert_snippet(FundingProgramme, ctx.sr, "ipa-cbc-bulgaria-serbia", values)
    ctx.snippets["programme:ipa-cbc"] = programme
    ctx.translate_later(programme, name, description)


def generate_people(ctx: DemoContext) -> None:
    for slug, (name, role, organisation, email, phone) in PEOPLE.items():
        values = {
            "name": name,
            "role": role,
            "organisation": ctx.snippets[f"org:{organisation}"] if organisation else None,
            "email": email,
            "phone": phone,
        }
        person = upsert_snippet(Person, ctx.sr, slug, values)
        ctx.snippets[f"person:{slug}"] = person
        ctx.translate_later(person, name, role)


def generate_snippets(ctx: DemoContext) -> None:
    """All snippets, dependencies first."""
    generate_sectors(ctx)
    generate_countries(ctx)
    generate_organisations(ctx)
    generate_programmes(ctx)
    generate_people(ctx)
