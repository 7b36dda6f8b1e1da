"""``{% load privacy_tags %}``: the template filters and tags of security.richtext (images and
documents that visitors may see). Django finds tag libraries only in an app's templatetags package."""

from security.richtext import register  # noqa: F401
