from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import SluggedSnippet


class Sector(RevisionMixin, SluggedSnippet):
    """An industry a cluster works in: textile, construction, ICT ..."""

    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("description"),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Country(RevisionMixin, SluggedSnippet):
    """A country, named in each language, identified by its ISO code."""

    iso_code = models.CharField(_("ISO code"), max_length=2, help_text=_("Two-letter ISO 3166-1 code, e.g. RS, BG."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("iso_code")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("iso_code", overridable=False),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def save(self, *args, **kwargs) -> None:
        self.iso_code = self.iso_code.upper()
        super().save(*args, **kwargs)
