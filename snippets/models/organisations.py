from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import EditorialSnippet


class Organisation(EditorialSnippet):
    """A partner, network, funder, member company, university or public body."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Project partner")
        NETWORK = "network", _("Network")
        FUNDER = "funder", _("Funder")
        CLUSTER = "cluster", _("Cluster organisation")
        COMPANY = "company", _("Member company")
        UNIVERSITY = "university", _("University or research body")
        PUBLIC_BODY = "public_body", _("Public body")
        OTHER = "other", _("Other")

    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Acronym such as ESCA or TCI.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    description = models.TextField(_("description"), blank=True)
    country = models.ForeignKey(
        "snippets.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("kind")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("country"), FieldPanel("city")]), FieldPanel("website"), FieldPanel("logo")],
            heading=_("Contact and identity"),
        ),
    ]
    search_fields = [
        *EditorialSnippet.search_fields,
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("short_name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
        TranslatableField("description"),
        TranslatableField("country"),
        TranslatableField("city"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(EditorialSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class FundingProgramme(EditorialSnippet):
    """A funding programme, e.g. the IPA cross-border programme Bulgaria–Serbia."""

    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldPanel("slug"),
        FieldPanel("funder"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("short_name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("funder"),
        SynchronizedField("website"),
        TranslatableField("description"),
    ]

    class Meta(EditorialSnippet.Meta):
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
