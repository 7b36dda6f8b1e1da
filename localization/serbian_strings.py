"""Serbian (Latin) translations of the interface strings, the source of
locale/sr_Latn/LC_MESSAGES/django.po; the Cyrillic catalogue is transliterated
from it by ``manage.py update_catalogues`` (see localization/README.md).

Keep msgids exactly as in the code; an entry with a context is keyed by
(msgctxt, msgid). Plural entries map to a tuple of the three
Serbian plural forms (one, few, many: 1 vest, 2 vesti, 5 vesti).
"""

SERBIAN: dict[str | tuple[str, str], str | tuple[str, str, str]] = {
    "House of Clusters": "Kuća klastera",
    "Serbian Latin → Cyrillic transliteration": "Preslovljavanje sa latinice na ćirilicu",
    "“%(object)s” (%(language)s)": "„%(object)s” (%(language)s)",
    "This is not a valid PO file; nothing was imported.": "Ovo nije ispravna PO datoteka; ništa nije uvezeno.",
    "This PO file was not downloaded from this site (it has no %(header)s); nothing was imported.": (
        "Ova PO datoteka nije preuzeta sa ovog sajta (nema zaglavlje %(header)s); ništa nije uvezeno."
    ),
    "This PO file is for %(other)s, not for %(this)s; nothing was imported.": (
        "Ova PO datoteka je za %(other)s, a ne za %(this)s; ništa nije uvezeno."
    ),
    "This PO file is for a translation that no longer exists; nothing was imported.": (
        "Ova PO datoteka je za prevod koji više ne postoji; ništa nije uvezeno."
    ),
    "%(count)d string was not imported because it is no longer in the source: %(strings)s": (
        "%(count)d tekst nije uvezen jer ga više nema u izvoru: %(strings)s",
        "%(count)d teksta nisu uvezena jer ih više nema u izvoru: %(strings)s",
        "%(count)d tekstova nije uvezeno jer ih više nema u izvoru: %(strings)s",
    ),
    "Imported %(count)d translated string from the PO file.": (
        "Iz PO datoteke je uvezen %(count)d prevedeni tekst.",
        "Iz PO datoteke su uvezena %(count)d prevedena teksta.",
        "Iz PO datoteke je uvezeno %(count)d prevedenih tekstova.",
    ),
    "%(language)s (page only in %(source_language)s)": "%(language)s (stranica samo na jeziku: %(source_language)s)",
    "This page is not yet available in Cyrillic; it is shown in the Latin script.": (
        "Ova stranica još nije dostupna na ćirilici; prikazana je latinicom."
    ),
    "Latin script only": "Samo latinicom",
    "This article is available only in Serbian.": "Ovaj članak je dostupan samo na srpskom.",
    "Only in Serbian": "Samo na srpskom",
    "This page is available only in Serbian.": "Ova stranica je dostupna samo na srpskom.",
    "yes": "da",
    "no": "ne",
    "Text": "Tekst",
    "Heading 2": "Naslov 2",
    "Heading 3": "Naslov 3",
    "Level": "Nivo",
    "Image": "Slika",
    "Alternative text": "Alternativni tekst",
    "Describe the image for people who cannot see it; leave empty to use the image title.": (
        "Opišite sliku za one koji je ne vide; ostavite prazno da bi se koristio naziv slike."
    ),
    "Caption": "Potpis",
    "Credit": "Autor fotografije",
    "Quote": "Citat",
    "Attribution": "Autor citata",
    "Document": "Dokument",
    "Link text": "Tekst veze",
    "Defaults to the document title.": "Ako je prazno, koristi se naziv dokumenta.",
    "Heading": "Naslov",
    "Documents": "Dokumenti",
    "Title": "Naslov",
    "Button label": "Tekst dugmeta",
    "Page": "Stranica",
    "External URL": "Spoljna adresa (URL)",
    "Choose a page or enter a URL.": "Izaberite stranicu ili unesite adresu (URL).",
    "Paragraph": "Pasus",
    "Embed": "Ugrađeni sadržaj",
    "A YouTube or Vimeo address.": "Adresa sa YouTube-a ili Vimeo-a.",
    "Call to action": "Poziv na akciju",
    "House of Clusters: news": "Kuća klastera: vesti",
    "The latest news of the House of Clusters.": "Najnovije vesti Kuće klastera.",
    "Sector": "Sektor",
    "All sectors": "Svi sektori",
    "Tag": "Oznaka",
    "All tags": "Sve oznake",
    "Year": "Godina",
    "Upcoming": "Predstojeći",
    "Past": "Prošli",
    "When": "Kada",
    "Country": "Zemlja",
    "All countries": "Sve zemlje",
    "Any valid label": "Bilo koja važeća oznaka",
    "Quality label valid today": "Oznaka kvaliteta važeća danas",
    "With or without a label": "Sa oznakom ili bez nje",
    "introduction": "uvod",
    "One or two sentences shown in listings and search results.": (
        "Jedna ili dve rečenice koje se prikazuju u spiskovima i rezultatima pretrage."
    ),
    "body": "sadržaj",
    "hero image": "naslovna slika",
    "Shown at the top of the page and in listings. Landscape, at least 1200 px wide.": (
        "Prikazuje se na vrhu stranice i u spiskovima. Položena, najmanje 1200 px široka."
    ),
    "document": "dokument",
    "link text": "tekst veze",
    "Defaults to the document's title.": "Ako je prazno, koristi se naziv dokumenta.",
    "Bronze": "Bronzana",
    "Silver": "Srebrna",
    "Gold": "Zlatna",
    "level": "nivo",
    "benchmarking / award date": "datum benčmarkinga / dodele",
    "valid until": "važi do",
    "Leave empty to apply the labelling rules (two years from the month of the interview).": (
        "Ostavite prazno da bi se primenila pravila (dve godine od meseca intervjua)."
    ),
    "quality label": "oznaka kvaliteta",
    "quality labels": "oznake kvaliteta",
    "sectors": "sektori",
    "country": "zemlja",
    "city": "grad",
    "region": "region",
    "founding year": "godina osnivanja",
    "website": "veb-sajt",
    "e-mail": "e-pošta",
    "phone": "telefon",
    "logo": "logo",
    "latitude": "geografska širina",
    "longitude": "geografska dužina",
    "cluster manager": "menadžer klastera",
    "member organisations": "organizacije članice",
    "network memberships": "članstvo u mrežama",
    "Networks the cluster belongs to (organisations of the kind 'network').": (
        "Mreže kojima klaster pripada (organizacije vrste „mreža”)."
    ),
    "Profile": "Profil",
    "Contact": "Kontakt",
    "Quality labels": "Oznake kvaliteta",
    "cluster profile": "profil klastera",
    "cluster profiles": "profili klastera",
    "cluster directory": "imenik klastera",
    "Scheduled": "Zakazan",
    "Postponed": "Odložen",
    "Cancelled": "Otkazan",
    "start": "početak",
    "In the venue's time zone.": "U vremenskoj zoni mesta održavanja.",
    "end": "kraj",
    "time zone": "vremenska zona",
    "The venue's time zone; start and end are entered and shown in it.": (
        "Vremenska zona mesta održavanja; u njoj se unose i prikazuju početak i kraj."
    ),
    "status": "status",
    "venue": "mesto održavanja",
    "street address": "ulica i broj",
    "organisers": "organizatori",
    "contact person": "kontakt osoba",
    "registration link": "veza za prijavu",
    "project": "projekat",
    "Date and time": "Datum i vreme",
    "Venue": "Mesto održavanja",
    "Attachments (e.g. agenda)": "Prilozi (npr. agenda)",
    "Organisation": "Organizacija",
    "event": "događaj",
    "events": "događaji",
    "The event cannot end before it starts.": "Događaj ne može da se završi pre nego što počne.",
    "event index": "spisak događaja",
    "image": "slika",
    "caption": "potpis",
    "alternative text": "alternativni tekst",
    "What the photo shows, for people who cannot see it. Defaults to the caption.": (
        "Šta fotografija prikazuje, za one koji je ne vide. Ako je prazno, koristi se potpis."
    ),
    "credit": "autor fotografije",
    "gallery image": "fotografija galerije",
    "date": "datum",
    "The event these photos are from; the event page links back here.": (
        "Događaj sa kog su fotografije; stranica događaja vodi nazad ovamo."
    ),
    "Photos": "Fotografije",
    "gallery": "galerija",
    "galleries": "galerije",
    "gallery index": "spisak galerija",
    "home page": "početna stranica",
    "lead": "uvodni pasus",
    "The opening paragraph, shown in listings and feeds.": "Uvodni pasus, prikazuje se u spiskovima i fidovima.",
    "tags": "oznake",
    "related clusters": "povezani klasteri",
    "related organisations": "povezane organizacije",
    "Attached documents": "Priloženi dokumenti",
    "Classification and relations": "Klasifikacija i veze",
    "news article": "vest",
    "news articles": "vesti",
    "news index": "spisak vesti",
    "acronym": "akronim",
    "funding programme": "program finansiranja",
    "reference number": "referentni broj",
    "lead partner": "vodeći partner",
    "partners": "partneri",
    "start date": "datum početka",
    "end date": "datum završetka",
    "budget (EUR)": "budžet (EUR)",
    "Funding and partners": "Finansiranje i partneri",
    "projects": "projekti",
    "The project cannot end before it starts.": "Projekat ne može da se završi pre nego što počne.",
    "project index": "spisak projekata",
    "standard page": "obična stranica",
    "name": "naziv",
    "slug": "slug",
    "Stable identifier used in URLs and API filters; the same in every language.": (
        "Stalna oznaka u adresama i API filterima; ista na svim jezicima."
    ),
    "Project partner": "Projektni partner",
    "Network": "Mreža",
    "Funder": "Finansijer",
    "Cluster organisation": "Klasterska organizacija",
    "Member company": "Preduzeće članica",
    "University or research body": "Univerzitet ili istraživačka ustanova",
    "Public body": "Javna ustanova",
    "Other": "Drugo",
    "short name": "kratak naziv",
    "Acronym such as ESCA or TCI.": "Akronim, npr. ESCA ili TCI.",
    "kind": "vrsta",
    "description": "opis",
    "Contact and identity": "Kontakt i identitet",
    "organisation": "organizacija",
    "organisations": "organizacije",
    "funder": "finansijer",
    "funding programmes": "programi finansiranja",
    "role": "uloga",
    "E.g. cluster manager.": "Npr. menadžer klastera.",
    "photo": "fotografija",
    "person": "osoba",
    "people": "osobe",
    "sector": "sektor",
    "ISO code": "ISO kod",
    "Two-letter ISO 3166-1 code, e.g. RS, BG.": "Dvoslovni ISO 3166-1 kod, npr. RS, BG.",
    "countries": "zemlje",
    "Shared content": "Zajednički sadržaj",
    "Page not found": "Stranica nije pronađena",
    (
        "Sorry, there is no page at this address. It may have been moved "
        "or removed, or it may not exist in this language."
    ): ("Nažalost, na ovoj adresi nema stranice. Možda je premeštena ili uklonjena, ili ne postoji na ovom jeziku."),
    "Address: <code>%(path)s</code>": "Adresa: <code>%(path)s</code>",
    "Go to the home page": "Idite na početnu stranicu",
    "Server error": "Greška na serveru",
    "Something went wrong": "Nešto nije u redu",
    (
        "The page could not be shown because of an error on our side. We have "
        "been notified. Please try again in a few minutes."
    ): (
        "Stranica nije mogla da se prikaže zbog greške na našoj strani. Obavešteni smo. "
        "Pokušajte ponovo za nekoliko minuta."
    ),
    "News": "Vesti",
    "Skip to main content": "Preskoči na glavni sadržaj",
    "Main menu": "Glavni meni",
    "Language": "Jezik",
    "Breadcrumbs": "Putanja",
    "Niš, Serbia": "Niš, Srbija",
    "News feed (RSS)": "Fid vesti (RSS)",
    "Sitemap": "Mapa sajta",
    "© %(year)s House of Clusters": "© %(year)s Kuća klastera",
    "Photo: %(credit)s": "Foto: %(credit)s",
    "Filter": "Filter",
    "Apply filters": "Primeni filtere",
    "Reset filters": "Poništi filtere",
    "%(counter)s item": ("%(counter)s stavka", "%(counter)s stavke", "%(counter)s stavki"),
    "(page %(number)s of %(total)s)": "(strana %(number)s od %(total)s)",
    "Pages": "Strane",
    "Previous": "Prethodna",
    "page": "strana",
    "Next": "Sledeća",
    "since %(date)s": "od %(date)s",
    "until %(date)s": "do %(date)s",
    "Clusters": "Klasteri",
    "%(level)s label": "%(level)s oznaka",
    "valid until %(date)s": "važi do %(date)s",
    "No clusters match these filters.": "Nijedan klaster ne odgovara ovim filterima.",
    "Logo of %(name)s": "Logo: %(name)s",
    "Sectors": "Sektori",
    "City": "Grad",
    "Region": "Region",
    "Founded": "Osnovan",
    "Website": "Veb-sajt",
    "E-mail": "E-pošta",
    "Phone": "Telefon",
    "Location": "Lokacija",
    "Show on the map (OpenStreetMap)": "Prikaži na mapi (OpenStreetMap)",
    "Cluster manager": "Menadžer klastera",
    "Cluster management quality labels": "Oznake kvaliteta upravljanja klasterom",
    # A Serbian date ends with its own full stop ("31. marta 2028."): none after it.
    "Current label, valid until %(date)s.": "Trenutna oznaka, važi do %(date)s",
    "The cluster has no valid label today.": "Klaster danas nema važeću oznaku.",
    "All quality labels of the cluster": "Sve oznake kvaliteta klastera",
    "Awarded": "Dodeljena",
    "Valid until": "Važi do",
    "Status": "Status",
    "Current": "Trenutna",
    "Valid": "Važeća",
    "Not yet valid": "Još ne važi",
    "Expired": "Istekla",
    "Members": "Članovi",
    "Network memberships": "Članstvo u mrežama",
    "Upcoming or past events": "Predstojeći ili prošli događaji",
    "Upcoming events": "Predstojeći događaji",
    "Past events": "Prošli događaji",
    "No past events match these filters.": "Nijedan prošli događaj ne odgovara ovim filterima.",
    "No upcoming events match these filters.": "Nijedan predstojeći događaj ne odgovara ovim filterima.",
    "See past events": "Pogledajte prošle događaje",
    "Event details": "Detalji događaja",
    "Times are in the venue’s time zone: %(zone)s (%(abbreviation)s).": (
        "Vreme je u vremenskoj zoni mesta održavanja: %(zone)s (%(abbreviation)s)."
    ),
    "Where": "Gde",
    "Organisers": "Organizatori",
    "Project": "Projekat",
    "Register": "Prijavite se",
    "Attachments": "Prilozi",
    "Photo gallery: %(title)s": "Galerija fotografija: %(title)s",
    "Galleries": "Galerije",
    "There are no galleries yet.": "Još nema galerija.",
    "Event:": "Događaj:",
    "This gallery has no photos yet.": "Ova galerija još nema fotografija.",
    "All events": "Svi događaji",
    "Latest news": "Najnovije vesti",
    "All news": "Sve vesti",
    "No news matches these filters.": "Nijedna vest ne odgovara ovim filterima.",
    "Related": "Povezano",
    "Tags": "Oznake",
    "Related clusters": "Povezani klasteri",
    "Related organisations": "Povezane organizacije",
    "Projects": "Projekti",
    "There are no projects yet.": "Još nema projekata.",
    "About the project": "O projektu",
    "Funding programme": "Program finansiranja",
    "Reference number": "Referentni broj",
    "Period": "Period",
    "Budget": "Budžet",
    "Lead partner": "Vodeći partner",
    "Partners": "Partneri",
    "Events of the project": "Događaji projekta",
    "News of the project": "Vesti projekta",
    "In this section": "U ovom odeljku",
    "four-eyes group approval task": "zadatak odobravanja po principu četiri oka",
    "four-eyes group approval tasks": "zadaci odobravanja po principu četiri oka",
    "Members of the chosen groups approve this step; nobody can approve their own submission.": (
        "Ovaj korak odobravaju članovi izabranih grupa; niko ne može da odobri ono što je sam podneo."
    ),
    "You submitted or wrote this version, so you cannot approve it. Another member of %(groups)s must review it.": (
        "Vi ste podneli ili napisali ovu verziju, pa je ne možete odobriti. "
        "Mora je pregledati drugi član grupe %(groups)s."
    ),
    "Only members of %(groups)s can approve the step '%(task)s'.": (
        "Samo članovi grupe %(groups)s mogu da odobre korak „%(task)s”."
    ),
    (
        'Save the translation of "%(title)s" as a draft and submit it for review? It '
        "goes live after the content review and the publication approval."
    ): (
        "Sačuvati prevod „%(title)s” kao nacrt i poslati ga na pregled? Biće objavljen "
        "posle pregleda sadržaja i odobrenja objave."
    ),
    "Submit translation for review": "Pošalji prevod na pregled",
    "This page is not a synced translation.": "Ova stranica nije sinhronizovani prevod.",
    "You cannot edit this translation.": "Ne možete da menjate ovaj prevod.",
    "'%(title)s' is already in review.": "„%(title)s” je već na pregledu.",
    "'%(title)s' was submitted for review.": "„%(title)s” je poslat na pregled.",
    (
        "Publishing directly is reserved for administrators. Submit it for review instead: "
        "it goes live after the content review and the publication approval."
    ): (
        "Neposredno objavljivanje je rezervisano za administratore. Pošaljite na pregled: "
        "biće objavljeno posle pregleda sadržaja i odobrenja objave."
    ),
    "Translators edit translations only; the Serbian original is edited by editors.": (
        "Prevodioci menjaju samo prevode; srpski original menjaju urednici."
    ),
    # Month names in dates (the genitive): "22. aprila 2016." (localization/months.py).
    ("alt. month", "January"): "januara",
    ("alt. month", "February"): "februara",
    ("alt. month", "March"): "marta",
    ("alt. month", "April"): "aprila",
    ("alt. month", "May"): "maja",
    ("alt. month", "June"): "juna",
    ("alt. month", "July"): "jula",
    ("alt. month", "August"): "avgusta",
    ("alt. month", "September"): "septembra",
    ("alt. month", "October"): "oktobra",
    ("alt. month", "November"): "novembra",
    ("alt. month", "December"): "decembra",
    # Webhooks admin and the remaining publishing-path refusals.
    'Publishing translations directly is reserved for administrators. Sync without "Publish immediately": '
    "the translations are updated as drafts, and each goes live after it is submitted for review and approved.": (
        "Neposredno objavljivanje prevoda dozvoljeno je samo administratorima. Sinhronizujte bez opcije "
        "„Objavi odmah”: prevodi se ažuriraju kao nacrti, a svaki postaje javan tek kada se pošalje na pregled "
        "i odobri."
    ),
    "Webhooks": "Vebhukovi",
    "URL": "URL adresa",
    "An http:// or https:// address.": "Adresa koja počinje sa http:// ili https://.",
    "Events": "Događaji",
    "Secret": "Tajni ključ",
    "Give this to the receiver to verify signatures (Standard Webhooks). Keep it private.": (
        "Dajte ga primaocu da bi proveravao potpise (Standard Webhooks). Ne delite ga ni sa kim drugim."
    ),
    "Generate a new secret": "Napravi novi tajni ključ",
    "The old one stops working at once.": "Stari odmah prestaje da važi.",
    "Published": "Objavljeno",
    "Unpublished": "Povučeno iz objave",
    "Deleted": "Obrisano",
    "Translation published": "Prevod objavljen",
    "Whose endpoint this is, e.g. the partner site.": "Čija je ovo adresa, npr. sajt partnera.",
    "Enter an http:// or https:// address.": "Unesite adresu koja počinje sa http:// ili https://.",
    "secret": "tajni ključ",
    "content types": "vrste sadržaja",
    "None selected: every type.": "Ništa nije izabrano: sve vrste.",
    "locales": "jezici",
    "None selected: every locale.": "Ništa nije izabrano: svi jezici.",
    "active": "aktivna",
    "webhook subscription": "pretplata na vebhuk",
    "webhook subscriptions": "pretplate na vebhukove",
    "Pending": "Na čekanju",
    "Delivered": "Isporučeno",
    "Failed": "Neuspelo",
    "item": "stavka",
    "API type, id and locale, e.g. events 42 (en).": "Vrsta u API-ju, ID i jezik, npr. events 42 (en).",
    "tries": "pokušaji",
    "next try": "sledeći pokušaj",
    "last try": "poslednji pokušaj",
    "response code": "kod odgovora",
    "last error": "poslednja greška",
    "created": "napravljeno",
    "webhook delivery": "isporuka vebhuka",
    "webhook deliveries": "isporuke vebhukova",
    "Webhook deliveries": "Isporuke vebhukova",
    "Time": "Vreme",
    "Subscription": "Pretplata",
    "Event": "Događaj",
    "Item": "Stavka",
    "Tries": "Pokušaji",
    "Response code": "Kod odgovora",
    "Last error": "Poslednja greška",
    "Send again": "Pošalji ponovo",
    "No deliveries yet.": "Još nema isporuka.",
    "The delivery will be sent again shortly.": "Isporuka će uskoro biti ponovo poslata.",
    "Converting a translation into an alias publishes it at once, so it is reserved for administrators. "
    "Translate the page and submit the translation for review instead.": (
        "Pretvaranje prevoda u alijas odmah ga objavljuje, zato je dozvoljeno samo administratorima. Umesto "
        "toga prevedite stranicu i pošaljite prevod na pregled."
    ),
    'Publishing a copy or creating an alias is reserved for administrators. Copy the page without "Publish '
    'copies" and submit the copy for review.': (
        "Objavljivanje kopije ili pravljenje alijasa dozvoljeno je samo administratorima. Kopirajte stranicu "
        "bez opcije „Objavi kopije” i pošaljite kopiju na pregled."
    ),
}
