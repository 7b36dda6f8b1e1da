"""The API's names for the one visibility rule, which lives in security.visibility.

Every endpoint, search, resolve and the Wagtail v2 mount build their querysets
from these functions; the site, listings, feeds and sitemap use the same ones.
"""

from security.visibility import (
    gate_paths as _gate_paths,
)
from security.visibility import (
    is_public_page,
    public_documents,
    public_images,
    public_pages,
    public_pages_with_fallback,
    public_snippets,
)
from security.visibility import (
    site_roots as _site_roots,
)

__all__ = [
    "_gate_paths",
    "_site_roots",
    "is_public_page",
    "public_documents",
    "public_images",
    "public_pages",
    "public_pages_with_fallback",
    "public_snippets",
]
