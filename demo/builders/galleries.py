"""The photo gallery of the Sofia final conference."""

import datetime

from pages.models import GalleryPage

from .base import DemoContext, T, upsert_page

CREDIT = T("Foto: Kuća klastera", "Photo: House of Clusters")

# image key: (caption, alt text)
PHOTOS = {
    "sofia-1": (
        T("Otvaranje konferencije u sali Preslav", "Opening of the conference in the Preslav hall"),
        T("Govornik za govornicom pred punom salom", "A speaker at the lectern in front of a full hall"),
    ),
    "sofia-2": (
        T("Panel o saradnji klastera preko granice", "Panel on cluster co-operation across the border"),
        T("Četiri panelista za stolom na podijumu", "Four panellists at a table on the stage"),
    ),
    "sofia-3": (
        T("Više od 50 učesnika iz Srbije i Bugarske", "More than 50 participants from Serbia and Bulgaria"),
        T("Publika u sali, pogled sa zadnjeg reda", "The audience in the hall, seen from the back row"),
    ),
    "sofia-4": (
        T("Karsten Lund o razvoju klastera", "Karsten Lund on cluster development"),
        T("Predavač pokazuje slajd sa mapom klastera", "A speaker points at a slide with a cluster map"),
    ),
    "sofia-5": (
        T("Umrežavanje posle zvaničnog dela", "Networking after the official part"),
        T("Učesnici razgovaraju u grupama uz kafu", "Participants talk in small groups over coffee"),
    ),
}


def generate_galleries(ctx: DemoContext) -> None:
    slug = T("finalna-konferencija-sofija-2016", "final-conference-sofia-2016")
    title = T("Finalna konferencija u Sofiji – fotografije", "Final conference in Sofia – photos")
    intro = T(
        "Fotografije sa završne konferencije projekta Balkanski klaster, 22. aprila 2016.",
        "Photos from the closing conference of the Balkan Cluster project, 22 April 2016.",
    )
    rows = [
        {"image": ctx.images[key], "caption": caption, "alt_text": alt, "credit": CREDIT}
        for key, (caption, alt) in PHOTOS.items()
    ]
    values = {
        "title": title,
        "intro": intro,
        "date": datetime.date(2016, 4, 22),
        "event": ctx.pages["event:sofia"],
        "gallery_images": rows,
    }
    page = upsert_page(ctx.pages["gallery_index"], GalleryPage, slug.sr, values)
    ctx.pages["gallery:sofia"] = page
    ctx.translate_later(page, slug, title, intro, rows)
