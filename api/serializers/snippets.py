"""Snippet serializers: public fields only (no e-mail or phone of people)."""

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from snippets.models import Country, Organisation, Person, Sector

from ..shapes import image_shape, localize_objects, snippet_shape
from .base import SNIPPET_REF, ImageSerializer, LocalizedItemSerializer


class SnippetSerializer(LocalizedItemSerializer):
    model: ClassVar[type]
    # Foreign keys to other snippets, fetched with the row and shown in the requested locale.
    select_related: ClassVar[tuple[str, ...]] = ()
    image_fields: ClassVar[tuple[str, ...]] = ()

    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)

    def __init__(self, *args: Any, only: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if only:
            self.keep_fields(only)

    @classmethod
    def all_field_names(cls) -> set[str]:
        return set(cls().fields)

    def localized_relations(self) -> dict[tuple[type, int], Any]:
        """The related snippets of every object in this response, in the requested
        locale (see localize_objects): one query per related model, on first use."""
        loaded = self.context["loaded"]
        if "snippet_relations" not in loaded:
            parent = self.parent
            objects = parent.instance if isinstance(parent, serializers.ListSerializer) else [self.instance]
            related = [getattr(obj, field) for obj in objects for field in self.select_related]
            related = [obj for obj in related if obj is not None]
            choice = self.choice
            loaded["snippet_relations"] = localize_objects(
                related, choice.locale, choice.source if choice.fallback else None
            )
        return loaded["snippet_relations"]

    def snippet(self, obj: Any, *fields: str) -> dict | None:
        if obj is None:
            return None
        return snippet_shape(self.localized_relations().get((type(obj), obj.pk)), fields, self.choice.locale)


class SectorSerializer(SnippetSerializer):
    type_name = "sectors"
    model = Sector
    description = serializers.CharField(read_only=True)


class CountrySerializer(SnippetSerializer):
    type_name = "countries"
    model = Country
    iso_code = serializers.CharField(read_only=True)


class OrganisationSerializer(SnippetSerializer):
    type_name = "organisations"
    model = Organisation
    select_related = ("country",)
    image_fields = ("logo",)

    short_name = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices, read_only=True)
    description = serializers.CharField(read_only=True)
    country = serializers.SerializerMethodField()
    city = serializers.CharField(read_only=True)
    website = serializers.CharField(read_only=True)
    logo = serializers.SerializerMethodField()

    @extend_schema_field(SNIPPET_REF(allow_null=True))
    def get_country(self, obj: Organisation) -> dict | None:
        return self.snippet(obj.country)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_logo(self, obj: Organisation) -> dict | None:
        return image_shape(self.context["request"], obj.logo)


class PersonSerializer(SnippetSerializer):
    type_name = "people"
    model = Person
    select_related = ("organisation",)
    image_fields = ("photo",)

    role = serializers.CharField(read_only=True)
    organisation = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()

    @extend_schema_field(SNIPPET_REF(allow_null=True))
    def get_organisation(self, obj: Person) -> dict | None:
        return self.snippet(obj.organisation)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_photo(self, obj: Person) -> dict | None:
        return image_shape(self.context["request"], obj.photo)


SNIPPET_SERIALIZERS = (SectorSerializer, CountrySerializer, OrganisationSerializer, PersonSerializer)


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Use as the locale= parameter.")
    name = serializers.CharField()
    is_default = serializers.BooleanField()
