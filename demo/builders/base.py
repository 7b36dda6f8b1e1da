"""Shared helpers of the demo builders: bilingual values, the run context and
idempotent "upsert" helpers for snippets and pages.

Every builder writes its content once, in both languages, as ``T(sr, en)``
values. The Serbian side is saved; the English side goes into a per-object
glossary that the translations builder feeds to wagtail-localize.
"""

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_serializable_data_for_fields
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin
from wagtail_localize.strings import extract_strings

# Block ids are derived from this namespace and a stable key, so that a second
# run writes the same StreamField JSON and wagtail-localize sees the same
# translation contexts (random ids would make every run look like new content).
BLOCK_ID_NAMESPACE = uuid.UUID("6b1f3c0e-2f7a-4c55-9a4e-3d8a1c0b7e21")


@dataclass(frozen=True)
class T:
    """A text in Serbian (Latin script) and English. HTML if it starts with '<'."""

    sr: str
    en: str


def sr(value: Any) -> Any:
    """The Serbian side of a structure that may contain ``T`` values."""
    if isinstance(value, T):
        return value.sr
    if isinstance(value, dict):
        return {key: sr(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(sr(item) for item in value)
    return value


def glossary_of(value: Any, into: dict[str, str] | None = None) -> dict[str, str]:
    """Map every Serbian string of ``value`` to its English counterpart.

    Rich text is split into the same segments wagtail-localize makes (one per
    block element, inline tags kept), so that the keys match StringSegment data.
    """
    glossary = {} if into is None else into
    if isinstance(value, T):
        if value.sr.lstrip().startswith("<"):
            sr_strings = [string.data for string, _attrs in extract_strings(value.sr)[1]]
            en_strings = [string.data for string, _attrs in extract_strings(value.en)[1]]
            if len(sr_strings) != len(en_strings):
                raise ValueError(f"Serbian and English rich text differ in structure: {value.sr[:60]!r}")
            glossary.update(zip(sr_strings, en_strings, strict=True))
        else:
            glossary[value.sr] = value.en
    elif isinstance(value, dict):
        for item in value.values():
            glossary_of(item, glossary)
    elif isinstance(value, list | tuple):
        for item in value:
            glossary_of(item, glossary)
    return glossary


def stream(key: str, blocks: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Raw StreamField data with stable block ids; list items get stable ids too."""

    def block_id(suffix: str) -> str:
        return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{key}:{suffix}"))

    data = []
    for index, (block_type, value) in enumerate(blocks):
        value = sr(value)
        if isinstance(value, dict):
            value = {
                name: (
                    [{"type": "item", "value": it, "id": block_id(f"{index}:{name}:{n}")} for n, it in enumerate(v)]
                    if isinstance(v, list)
                    else v
                )
                for name, v in value.items()
            }
        data.append({"type": block_type, "value": value, "id": block_id(str(index))})
    return data


@dataclass
class DemoContext:
    """What the builders share during one run: locales, objects by key and the
    queue of objects to translate, in the order they must be translated."""

    sr: Locale
    en: Locale
    verbosity: int = 1
    images: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)
    snippets: dict[str, models.Model] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    # (object, Serbian -> English strings), in translation order.
    to_translate: list[tuple[models.Model, dict[str, str]]] = field(default_factory=list)

    def translate_later(self, obj: models.Model, *bilingual: Any) -> dict[str, str]:
        """Queue ``obj`` for translation; returns its glossary so that a builder
        can add strings of fields it fills in later."""
        glossary: dict[str, str] = {}
        for value in bilingual:
            glossary_of(value, glossary)
        self.to_translate.append((obj, glossary))
        return glossary


def _comparable(obj: models.Model, name: str) -> Any:
    """A value of field ``name`` that compares equal when nothing changed."""
    model_field = obj._meta.get_field(name)
    if isinstance(model_field, ParentalManyToManyField):
        return sorted(item.pk for item in getattr(obj, name).all())
    if isinstance(model_field, TaggableManager):
        return sorted(tag.name for tag in getattr(obj, name).all())
    if isinstance(model_field, models.ManyToOneRel):
        return [get_serializable_data_for_fields(child) for child in getattr(obj, name).all()]
    if isinstance(model_field, StreamField):
        return json.dumps(model_field.get_prep_value(getattr(obj, name)), sort_keys=True, default=str)
    return model_field.value_from_object(obj)


def _assign(obj: models.Model, values: dict[str, Any]) -> None:
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if isinstance(model_field, ParentalManyToManyField | TaggableManager):
            getattr(obj, name).set(value)
        else:
            setattr(obj, name, value)


def upsert_snippet(model: type[models.Model], locale: Locale, slug: str, values: dict[str, Any]) -> models.Model:
    """Create or update the snippet ``slug`` in ``locale``; publish only if it changed."""
    obj = model.objects.filter(locale=locale, slug=slug).first()
    created = obj is None
    if created:
        obj = model(locale=locale, slug=slug)
    values = sr(values)
    before = {name: _comparable(obj, name) for name in values} if not created else None
    _assign(obj, values)
    if created or before != {name: _comparable(obj, name) for name in values}:
        obj.save()
        if isinstance(obj, RevisionMixin):
            revision = obj.save_revision()
            if isinstance(obj, DraftStateMixin):
                revision.publish()
    return obj


def children(page: Page, relation: str, rows: list[dict[str, Any]]) -> list[models.Model]:
    """Inline rows for ``relation``, reusing existing rows in order.

    Reuse keeps their primary and translation keys, so translations of a
    caption stay attached to the same row on every run.
    """
    existing = list(getattr(page, relation).all()) if page.pk else []
    model = page._meta.get_field(relation).related_model
    result = []
    for index, row in enumerate(rows):
        child = existing[index] if index < len(existing) else model()
        for name, value in sr(row).items():
            setattr(child, name, value)
        if hasattr(child, "locale_id") and not child.locale_id:
            child.locale = page.locale
        if hasattr(child, "compute_expires_on"):
            child.expires_on = child.compute_expires_on()
        child.sort_order = index
        result.append(child)
    return result


def upsert_page(parent: Page, model: type[Page], slug: str, values: dict[str, Any]) -> Page:
    """Create or update the child page ``slug`` of ``parent`` and publish it.

    ``values`` may hold plain fields, StreamField raw data, many-to-many lists
    and child relations (lists of dicts, see ``children``). An unchanged page
    gets no new revision, which keeps a second run cheap and quiet.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = model(slug=slug, locale=parent.locale)
    values = dict(values)
    for name, value in list(values.items()):
        if isinstance(page._meta.get_field(name), models.ManyToOneRel):
            values[name] = children(page, name, value)
    values = sr(values)
    before = None if created else {name: _comparable(page, name) for name in values}
    _assign(page, values)
    if created:
        parent.add_child(instance=page)
    else:
        unchanged = before == {name: _comparable(page, name) for name in values}
        if unchanged and page.live and not page.has_unpublished_changes:
            return page
    page.save_revision().publish()
    page.refresh_from_db()
    return page
