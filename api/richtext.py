"""Rich text and StreamField as JSON: clean HTML with absolute URLs, typed blocks.

Rich text uses Wagtail's ``html`` API format (expand_db_html, with the
visibility-checking handlers of security.richtext), then makes links absolute.
StreamField blocks come out as ``{type, id, value}``; images, documents and
pages inside blocks are fetched in bulk through the visibility gate, so a
private image in a block is ``null``, never a bare id.
"""

from typing import Any

from django.http import HttpRequest

from wagtail.api.rich_text import APIRichText

# Rich text expands through security.richtext's handlers (registered with Wagtail's
# hooks): links to non-public pages and private documents are dropped, private
# images left out. Imported here so that its last rewriting pass is in place even
# when the API renders before anything else has loaded Wagtail's hooks.
import security.richtext  # noqa: F401

from .shapes import absolute, absolutize_html, document_shape, image_shape, images_queryset
from .visibility import public_documents, public_pages


def rich_text_html(request: HttpRequest, source: str) -> str:
    return absolutize_html(request, APIRichText.serialize(source or "", format=APIRichText.FORMAT_HTML))


def _list_items(value: Any) -> list:
    # ListBlock raw data is either plain values or {"type": "item", "value": ..., "id": ...}.
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in value or []]


def stream_json(request: HttpRequest, stream: Any) -> list[dict[str, Any]]:
    raw = list(stream.raw_data) if stream is not None else []
    image_ids, document_ids, page_ids = set(), set(), set()
    for block in raw:
        value = block.get("value") or {}
        if block["type"] == "image" and value.get("image"):
            image_ids.add(value["image"])
        elif block["type"] == "documents":
            document_ids.update(item.get("document") for item in _list_items(value.get("documents")))
        elif block["type"] == "call_to_action" and value.get("page"):
            page_ids.add(value["page"])
    images = images_queryset().in_bulk(image_ids) if image_ids else {}
    documents = public_documents().in_bulk(document_ids - {None}) if document_ids else {}
    pages = (
        {page.pk: page for page in public_pages().filter(pk__in=page_ids).select_related("locale")} if page_ids else {}
    )

    blocks = []
    for block in raw:
        kind, value = block["type"], block.get("value")
        if kind == "paragraph":
            value = rich_text_html(request, value)
        elif kind == "image":
            value = {
                "image": image_shape(request, images.get(value.get("image"))),
                "alt_text": value.get("alt_text", ""),
                "caption": value.get("caption", ""),
                "credit": value.get("credit", ""),
            }
        elif kind == "embed":
            value = {"url": value}
        elif kind == "documents":
            value = {
                "heading": value.get("heading", ""),
                "documents": [
                    {
                        "title": item.get("title", ""),
                        "document": document_shape(request, documents.get(item.get("document"))),
                    }
                    for item in _list_items(value.get("documents"))
                ],
            }
        elif kind == "call_to_action":
            page = pages.get(value.get("page"))
            value = {
                "title": value.get("title", ""),
                "text": value.get("text", ""),
                "button_label": value.get("button_label", ""),
                "page": {"id": page.pk, "title": page.title, "url": absolute(request, page.get_url(request))}
                if page
                else None,
                "url": value.get("url") or None,
            }
        blocks.append({"type": kind, "id": block.get("id"), "value": value})
    return blocks
