"""Demo images and documents, drawn and written locally (nothing is downloaded).

Images and documents are looked up by title in the "Demo" collection, so a
second run reuses them instead of adding copies.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from PIL import Image as PILImage
from PIL import ImageColor, ImageDraw, ImageFont

from .base import DemoContext

COLLECTION_NAME = "Demo"
SIZE = (1200, 800)
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]

# key: (title, caption drawn on the image, top colour, bottom colour)
IMAGES: dict[str, tuple[str, str, str, str]] = {
    "sofia-1": ("Sofija 2016 — otvaranje konferencije", "Final conference · Sofia · 22.4.2016", "#1d3557", "#457b9d"),
    "sofia-2": ("Sofija 2016 — panel klastera", "Cluster panel · Hotel Hermus", "#264653", "#2a9d8f"),
    "sofia-3": ("Sofija 2016 — učesnici", "50+ participants · Serbia & Bulgaria", "#3d405b", "#81b29a"),
    "sofia-4": ("Sofija 2016 — gost iz Danske", "Guest from Denmark · cluster development", "#6d597a", "#b56576"),
    "sofia-5": ("Sofija 2016 — umrežavanje", "Networking · Preslav hall", "#283618", "#606c38"),
    "labels": ("Oznake kvaliteta klastera", "Bronze · Silver · Gold", "#7f5539", "#ddb892"),
    "nis": ("Niš — Kuća klastera", "Kuća klastera · Niš", "#003049", "#669bbc"),
    "kyustendil": ("Ćustendil — tekstilni klaster", "Textile cluster · Kyustendil", "#9d0208", "#f48c06"),
    "network": ("Mreža klastera Balkana i Crnog mora", "Balkan & Black Sea cluster network", "#14213d", "#fca311"),
    "logo-ict": ("Logo — IKT klaster Jug", "IKT JUG", "#0b3954", "#087e8b"),
}

AGENDA_TITLE = "Agenda — Final conference, Sofia, 22 April 2016"
AGENDA_LINES = [
    "Agenda \u2014 Final conference, Sofia, 22 April 2016",
    "Balkan Cluster project (IPA CBC Bulgaria \u2013 Serbia)",
    "Preslav hall, Hotel Hermus, 31 Cherni Vrah Blvd., Sofia",
    "",
    "10:30  Registration of participants",
    "11:00  Opening and welcome: FED Sofia and House of Clusters Niš",
    "11:30  Results of the Balkan Cluster project and web platform",
    "12:30  Clusters across the border: textile, construction, agriculture,",
    "       tourism, ICT and youth entrepreneurship",
    "13:30  Lunch and networking",
    "14:30  Closing of the project",
]


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def draw_image(caption: str, top: str, bottom: str, seed: int) -> bytes:
    """A vertical gradient with a few translucent circles and the caption."""
    width, height = SIZE
    start, end = ImageColor.getrgb(top), ImageColor.getrgb(bottom)
    gradient = PILImage.new("RGB", (1, height))
    for y in range(height):
        ratio = y / (height - 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * ratio) for a, b in zip(start, end, strict=True)))
    image = gradient.resize(SIZE)
    overlay = PILImage.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for n in range(5):
        radius = 80 + (seed * 37 + n * 53) % 160
        x, y = (seed * 151 + n * 241) % width, (seed * 97 + n * 173) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 40))
    draw.rectangle((0, height - 150, width, height), fill=(0, 0, 0, 110))
    draw.text((60, height - 110), caption, font=_font(52), fill=(255, 255, 255, 255))
    image = PILImage.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def generate_images(ctx: DemoContext) -> None:
    collection = demo_collection()
    for seed, (key, (title, caption, top, bottom)) in enumerate(IMAGES.items()):
        image = Image.objects.filter(title=title, collection=collection).first()
        if image is None:
            image = Image(title=title, collection=collection)
            image.file = ImageFile(io.BytesIO(draw_image(caption, top, bottom, seed)), name=f"demo-{key}.jpg")
            image._set_image_file_metadata()
            image.save()
        ctx.images[key] = image


def _pdf_text(text: str) -> bytes:
    # The standard Helvetica font with WinAnsiEncoding covers the dashes.
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 with the given lines, xref offsets computed by hand."""
    content = b"BT /F1 13 Tf 56 780 Td 18 TL\n"
    content += b"".join(b"(" + _pdf_text(line) + b") Tj T*\n" for line in lines)
    content += b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return output


def generate_documents(ctx: DemoContext) -> None:
    collection = demo_collection()
    document = Document.objects.filter(title=AGENDA_TITLE, collection=collection).first()
    if document is None:
        document = Document(title=AGENDA_TITLE, collection=collection)
        document.file = ContentFile(minimal_pdf(AGENDA_LINES), name="agenda-final-conference-sofia-2016.pdf")
        document._set_document_file_metadata()
        document.save()
    ctx.documents["agenda"] = document
