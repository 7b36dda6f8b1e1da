"""Behaviour every shared snippet takes."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index


class SluggedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A translatable snippet with a stable slug.

    The slug is synchronised across locales, so API clients and listing filters
    can name a sector or a country the same way in every language.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        allow_unicode=False,
        help_text=_("Stable identifier used in URLs and API filters; the same in every language."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EditorialSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, SluggedSnippet):
    """A snippet that editors draft, review and publish like a page.

    Organisations, people and programmes are public facts that change
    (a new manager, a new website), so they get drafts, revisions, locking,
    workflow and preview; sectors and countries are a fixed vocabulary and do not.
    """

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )

    class Meta(SluggedSnippet.Meta):
        abstract = True

    def get_preview_template(self, request, mode_name):
        return "snippets/snippet_preview.html"
