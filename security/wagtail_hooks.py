"""Wagtail hooks of the security app. Each concern registers its hooks in its own
module; importing them here is what registers them."""

from security import richtext, serving  # noqa: F401
