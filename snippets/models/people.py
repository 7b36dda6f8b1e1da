from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import EditorialSnippet
from .organisations import Organisation


class Person(EditorialSnippet):
    """A contact person: a cluster manager, an event contact, a project officer."""

    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_("E.g. cluster manager."))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]), FieldPanel("photo")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [*EditorialSnippet.search_fields, index.SearchField("role")]
    # Names are translatable so that the Cyrillic edition can transliterate them.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("photo"),
    ]

    class Meta(EditorialSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
