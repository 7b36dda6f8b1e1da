"""Wagtail's database search backend, with the query text made safe for the full-text engine.

Wagtail (modelsearch) puts each word of a plain-text query inside double quotes
in SQLite's FTS5 ``MATCH`` expression without doubling a ``"`` in the word, so
``q=kuca"`` is an FTS5 syntax error (a 500) in the API v1, the API v2
``search=``, the site search and the admin. NUL and other control characters are
refused by PostgreSQL and make no sense in a search either.

For the tokenizers of both engines ``"`` and control characters are separators,
not part of a word, so replacing them by a space changes no result: ``kuca"``
finds what ``kuca`` finds. A query with no word left finds nothing, as Wagtail
does for an empty query. Configured in ``WAGTAILSEARCH_BACKENDS``; the actual
backend (SQLite FTS5, PostgreSQL, MySQL or the fallback) is still chosen by
Wagtail from the database in use.
"""

import unicodedata
from typing import Any

from wagtail.search.backends import database
from wagtail.search.backends.base import EmptySearchResults
from wagtail.search.query import Phrase, PlainText

# Unicode categories that are never part of a searchable word: controls (NUL ...),
# surrogates, unassigned and private-use code points.
_DROPPED_CATEGORIES = {"Cc", "Cs", "Cn", "Co"}


def clean_query_text(text: str) -> str:
    """``text`` with ``"`` and control characters replaced by spaces."""
    return "".join(" " if char == '"' or unicodedata.category(char) in _DROPPED_CATEGORIES else char for char in text)


def _clean(query: Any) -> Any:
    if isinstance(query, str):
        return clean_query_text(query)
    if isinstance(query, PlainText):
        return PlainText(clean_query_text(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(clean_query_text(query.query_string))
    return query


def _is_blank(query: Any) -> bool:
    text = query if isinstance(query, str) else getattr(query, "query_string", None)
    return text is not None and not text.split()


class SafeQueryMixin:
    """Clean the query before Wagtail compiles it into MATCH / to_tsquery."""

    def _search(self, query_compiler_class: type, query: Any, model_or_queryset: Any, **kwargs: Any) -> Any:
        query = _clean(query)
        if _is_blank(query):
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


_classes: dict[type, type] = {}


# Named like a class: get_search_backend() looks up "SearchBackend" in the module.
def SearchBackend(params: dict[str, Any]) -> Any:
    """The backend Wagtail's database backend would choose, with :class:`SafeQueryMixin` in front."""
    backend = database.SearchBackend(params)
    base = type(backend)
    if base not in _classes:
        _classes[base] = type(f"Safe{base.__name__}", (SafeQueryMixin, base), {})
    backend.__class__ = _classes[base]
    return backend
