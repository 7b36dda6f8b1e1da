"""Serializers: one per content type (pages.py, snippets.py), shared shapes in base.py."""
