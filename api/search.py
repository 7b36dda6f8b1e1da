"""Search that finds Serbian Latin text with or without diacritics, on SQLite and PostgreSQL.

Two matchers are combined (union of ids):

1. Wagtail's search backend (the database backend), run with the query as typed
   and with its folded form; it covers the indexed text including the body.
2. A folded substring match on the short text fields of each type (title,
   lead/intro, city, venue ...): both the column and the query are folded in SQL
   (č/ć→c, š→s, ž→z so dž→dz, đ→dj, and also đ→d), so "kuca klastera" finds
   "Kuća klastera" and "dzemper" finds "džemper" whatever the database's
   full-text configuration. Every word of the query must match some field.

The search index stores text with diacritics; a folded indexed field on the
models would let the backend do (2) for the body too (proposed, not in our files).
"""

import re

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Lower, Replace

from wagtail.search.backends import get_search_backend

from .search_backend import clean_query_text

MAX_BACKEND_HITS = 1000

FOLD_DJ = {"Č": "c", "č": "c", "Ć": "c", "ć": "c", "Š": "s", "š": "s", "Ž": "z", "ž": "z", "Đ": "dj", "đ": "dj"}
FOLD_D = {**FOLD_DJ, "Đ": "d", "đ": "d"}

# Short text fields matched with folding, per model (title is always included).
FOLDED_FIELDS = {
    "newspage": ["lead"],
    "eventpage": ["intro", "venue", "city"],
    "clusterpage": ["intro", "city", "region"],
    "gallerypage": ["intro"],
    "projectpage": ["intro", "acronym"],
}


def fold(text: str, table: dict[str, str] = FOLD_DJ) -> str:
    return "".join(table.get(char, char) for char in text).lower()


def _folded_column(field: str, table: dict[str, str]):
    expression = field
    for char, replacement in table.items():
        expression = Replace(expression, Value(char), Value(replacement))
    # Lower() after the replacements: SQLite only lower-cases ASCII.
    return Lower(expression)


def folded_contains(fields: list[str], query: str) -> Q:
    """Every word of ``query`` is contained, diacritics folded, in one of ``fields``."""
    from django.db.models import ExpressionWrapper, TextField
    from django.db.models.lookups import Contains

    # Words are runs of letters and digits: "kuca'" or "(kuca" still find "Kuća".
    words = re.findall(r"\w+", query)
    if not words:
        return Q(pk__in=[])  # only punctuation: nothing matches (not everything)
    condition = Q()
    for word in words:
        word_condition = Q()
        for table in (FOLD_DJ, FOLD_D):
            folded_word = fold(word, table)
            for field in fields:
                column = ExpressionWrapper(_folded_column(field, table), output_field=TextField())
                word_condition |= Q(Contains(column, folded_word))
        condition &= word_condition
    return condition


def search_ids(model: type, query: str, queryset: QuerySet | None = None) -> list[int]:
    """Ids of ``model`` objects matching ``query``; the caller intersects them with its visible queryset."""
    # '"' and control characters separate words for the backend: the same for the folded match.
    query = clean_query_text(query).strip()
    if not query:
        return []
    ids: set[int] = set()
    backend = get_search_backend()
    for text in {query, fold(query), fold(query, FOLD_D)}:
        results = backend.search(text, model, operator="and")
        ids.update(result.pk for result in results[:MAX_BACKEND_HITS])
    fields = ["title", *FOLDED_FIELDS.get(model._meta.model_name, [])]
    base = queryset if queryset is not None else model.objects.all()
    ids.update(base.filter(folded_contains(fields, query)).values_list("pk", flat=True)[:MAX_BACKEND_HITS])
    return sorted(ids)
