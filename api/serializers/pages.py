"""One serializer per content type; the listing and detail field sets are
declared on each, the detail set extending the listing one."""

import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from pages.models import ClusterPage, EventPage, GalleryImage, GalleryPage, NewsPage, ProjectPage

from ..richtext import stream_json
from ..shapes import document_shape, images_queryset
from ..visibility import public_documents, public_images, public_pages
from .base import (
    COMMON_FIELDS,
    PAGE_REF,
    REF_LOCALE_FIELDS,
    SNIPPET_REF,
    STREAM_SCHEMA,
    DocumentSerializer,
    ImageSerializer,
    PageItemSerializer,
    shape,
)

ATTACHMENT = shape("Attachment", {"title": serializers.CharField(), "document": DocumentSerializer(allow_null=True)})

# Coordinates are null until an editor places the item on the map.
NULLABLE_DOUBLE = {"type": "number", "format": "double", "nullable": True}


PERSON_REF = shape(
    "PersonRef",
    {
        "id": serializers.IntegerField(),
        "slug": serializers.CharField(),
        "name": serializers.CharField(),
        **REF_LOCALE_FIELDS,
        "role": serializers.CharField(),
    },
)


LABEL = shape(
    "QualityLabel",
    {
        "level": serializers.ChoiceField(choices=["bronze", "silver", "gold"]),
        "awarded_on": serializers.DateField(),
        "expires_on": serializers.DateField(),
    },
)


PHOTO = shape(
    "GalleryPhoto",
    {
        "image": ImageSerializer(),
        "caption": serializers.CharField(),
        "alt": serializers.CharField(),
        "credit": serializers.CharField(),
    },
)


def documents_prefetch(model: type) -> Prefetch:
    related_model = model._meta.get_field("documents").related_model
    return Prefetch(
        "documents",
        queryset=related_model.objects.filter(document__in=public_documents()).select_related("document"),
    )


def decimal(value: Any) -> float | None:
    return float(value) if value is not None else None


class BodyFieldMixin(serializers.Serializer):
    body = serializers.SerializerMethodField()

    @extend_schema_field(STREAM_SCHEMA)
    def get_body(self, page: Any) -> list[dict[str, Any]]:
        return stream_json(self.request, page.body)


class AttachmentsMixin(serializers.Serializer):
    documents = serializers.SerializerMethodField()

    @extend_schema_field(ATTACHMENT(many=True))
    def get_documents(self, page: Any) -> list[dict[str, Any]]:
        return [
            {"title": item.link_text, "document": document_shape(self.request, item.document)}
            for item in page.documents.all()
        ]


class NewsSerializer(BodyFieldMixin, AttachmentsMixin, PageItemSerializer):
    type_name = "news"
    model = NewsPage
    listing_fields = (*COMMON_FIELDS, "date", "lead", "hero_image", "tags", "sectors")
    detail_fields = (*listing_fields, "body", "documents", "related_clusters", "related_organisations", "project")
    image_fields = ("hero_image",)
    m2m_fields = ("sectors", "related_clusters", "related_organisations")
    page_fk_fields = ("project",)

    date = serializers.DateField(read_only=True)
    lead = serializers.CharField(read_only=True)
    hero_image = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    sectors = serializers.SerializerMethodField()
    related_clusters = serializers.SerializerMethodField()
    related_organisations = serializers.SerializerMethodField()
    project = serializers.SerializerMethodField()

    @classmethod
    def optimize(cls, queryset, field_set):
        queryset = super().optimize(queryset, field_set).prefetch_related("tags")
        if field_set == "detail":
            queryset = queryset.prefetch_related(documents_prefetch(NewsPage))
        return queryset

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_hero_image(self, page: NewsPage) -> dict | None:
        return self.image(page.hero_image)

    @extend_schema_field(
        inline_serializer("Tag", {"slug": serializers.CharField(), "name": serializers.CharField()}, many=True)
    )
    def get_tags(self, page: NewsPage) -> list[dict[str, str]]:
        # Sorted: the database gives tags in no fixed order (it changes after a restore).
        return [{"slug": tag.slug, "name": tag.name} for tag in sorted(page.tags.all(), key=lambda tag: tag.name)]

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_sectors(self, page: NewsPage) -> list[dict]:
        return self.snippets(page, "sectors")

    @extend_schema_field(PAGE_REF(many=True))
    def get_related_clusters(self, page: NewsPage) -> list[dict]:
        return [self.page_ref(cluster) for cluster in page.related_clusters.all() if self.localized(cluster)]

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_related_organisations(self, page: NewsPage) -> list[dict]:
        return self.snippets(page, "related_organisations")

    @extend_schema_field(PAGE_REF(allow_null=True))
    def get_project(self, page: NewsPage) -> dict | None:
        return self.page_ref(page.project)


class EventSerializer(BodyFieldMixin, AttachmentsMixin, PageItemSerializer):
    type_name = "events"
    model = EventPage
    listing_fields = (
        *COMMON_FIELDS,
        "start",
        "end",
        "time_zone",
        "local_start",
        "local_end",
        "status",
        "venue",
        "city",
        "country",
        "intro",
        "hero_image",
        "sectors",
    )
    detail_fields = (
        *listing_fields,
        "street_address",
        "latitude",
        "longitude",
        "organisers",
        "contact_person",
        "registration_url",
        "project",
        "body",
        "documents",
        "gallery",
    )
    select_related = ("country", "contact_person")
    image_fields = ("hero_image",)
    m2m_fields = ("sectors", "organisers")
    page_fk_fields = ("project",)

    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    time_zone = serializers.CharField(read_only=True, help_text="IANA time zone of the venue, e.g. Europe/Sofia.")
    local_start = serializers.SerializerMethodField()
    local_end = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=EventPage.Status.choices, read_only=True)
    venue = serializers.CharField(read_only=True)
    street_address = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    country = serializers.SerializerMethodField()
    latitude = serializers.SerializerMethodField()
    longitude = serializers.SerializerMethodField()
    intro = serializers.CharField(read_only=True)
    hero_image = serializers.SerializerMethodField()
    sectors = serializers.SerializerMethodField()
    organisers = serializers.SerializerMethodField()
    contact_person = serializers.SerializerMethodField()
    registration_url = serializers.CharField(read_only=True)
    project = serializers.SerializerMethodField()
    gallery = serializers.SerializerMethodField()

    @classmethod
    def optimize(cls, queryset, field_set):
        queryset = super().optimize(queryset, field_set)
        if field_set == "detail":
            queryset = queryset.prefetch_related(documents_prefetch(EventPage))
        return queryset

    @classmethod
    def load(cls, pages, request, choice, field_set):
        loaded = super().load(pages, request, choice, field_set)
        loaded["galleries"] = {}
        names = cls.detail_fields if field_set == "detail" else cls.listing_fields
        if "gallery" in names and pages:
            # The gallery links to one language version of the event: found by
            # translation key, then shown in the requested locale (see page_ref()).
            fallback = choice.source if choice.fallback else None
            galleries = EventPage.galleries_by_event(pages, choice.locale, fallback, public_pages(GalleryPage))
            loaded["galleries"] = galleries
            loaded["localized"].update({(GalleryPage, gallery.pk): gallery for gallery in galleries.values()})
        return loaded

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_start(self, page: EventPage) -> str:
        return page.start.astimezone(datetime.UTC).isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_end(self, page: EventPage) -> str:
        return page.end.astimezone(datetime.UTC).isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_local_start(self, page: EventPage) -> str:
        return page.local_start.isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_local_end(self, page: EventPage) -> str:
        return page.local_end.isoformat()

    @extend_schema_field(
        inline_serializer(
            "CountryRef",
            {
                "id": serializers.IntegerField(),
                "slug": serializers.CharField(),
                "name": serializers.CharField(),
                **REF_LOCALE_FIELDS,
                "iso_code": serializers.CharField(),
            },
            allow_null=True,
        )
    )
    def get_country(self, page: EventPage) -> dict | None:
        return self.snippet(page.country, "iso_code")

    @extend_schema_field(NULLABLE_DOUBLE)
    def get_latitude(self, page: EventPage) -> float | None:
        return decimal(page.latitude)

    @extend_schema_field(NULLABLE_DOUBLE)
    def get_longitude(self, page: EventPage) -> float | None:
        return decimal(page.longitude)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_hero_image(self, page: EventPage) -> dict | None:
        return self.image(page.hero_image)

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_sectors(self, page: EventPage) -> list[dict]:
        return self.snippets(page, "sectors")

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_organisers(self, page: EventPage) -> list[dict]:
        return self.snippets(page, "organisers")

    @extend_schema_field(PERSON_REF(allow_null=True))
    def get_contact_person(self, page: EventPage) -> dict | None:
        return self.snippet(page.contact_person, "role")

    @extend_schema_field(PAGE_REF(allow_null=True))
    def get_project(self, page: EventPage) -> dict | None:
        return self.page_ref(page.project)

    @extend_schema_field(PAGE_REF(allow_null=True))
    def get_gallery(self, page: EventPage) -> dict | None:
        return self.page_ref(self.context["loaded"].get("galleries", {}).get(page.translation_key))


class ClusterSerializer(BodyFieldMixin, PageItemSerializer):
    type_name = "clusters"
    model = ClusterPage
    listing_fields = (*COMMON_FIELDS, "intro", "sectors", "country", "city", "region", "logo", "current_label")
    detail_fields = (
        *listing_fields,
        "founded_year",
        "website",
        "email",
        "phone",
        "latitude",
        "longitude",
        "cluster_manager",
        "quality_labels",
        "member_organisations",
        "network_memberships",
        "body",
    )
    select_related = ("country", "cluster_manager")
    image_fields = ("logo",)
    m2m_fields = ("sectors", "member_organisations", "network_memberships")

    intro = serializers.CharField(read_only=True)
    sectors = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    city = serializers.CharField(read_only=True)
    region = serializers.CharField(read_only=True)
    logo = serializers.SerializerMethodField()
    current_label = serializers.SerializerMethodField()
    founded_year = serializers.IntegerField(read_only=True, allow_null=True)
    website = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)
    latitude = serializers.SerializerMethodField()
    longitude = serializers.SerializerMethodField()
    cluster_manager = serializers.SerializerMethodField()
    quality_labels = serializers.SerializerMethodField()
    member_organisations = serializers.SerializerMethodField()
    network_memberships = serializers.SerializerMethodField()

    @classmethod
    def optimize(cls, queryset, field_set):
        return super().optimize(queryset, field_set).prefetch_related("quality_labels")

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_sectors(self, page: ClusterPage) -> list[dict]:
        return self.snippets(page, "sectors")

    @extend_schema_field(
        inline_serializer(
            "ClusterCountryRef",
            {
                "id": serializers.IntegerField(),
                "slug": serializers.CharField(),
                "name": serializers.CharField(),
                **REF_LOCALE_FIELDS,
                "iso_code": serializers.CharField(),
            },
            allow_null=True,
        )
    )
    def get_country(self, page: ClusterPage) -> dict | None:
        return self.snippet(page.country, "iso_code")

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_logo(self, page: ClusterPage) -> dict | None:
        return self.image(page.logo)

    @extend_schema_field(LABEL(allow_null=True))
    def get_current_label(self, page: ClusterPage) -> dict | None:
        label = page.label_on(self.context.get("today") or timezone.localdate())
        return label_json(label)

    @extend_schema_field(NULLABLE_DOUBLE)
    def get_latitude(self, page: ClusterPage) -> float | None:
        return decimal(page.latitude)

    @extend_schema_field(NULLABLE_DOUBLE)
    def get_longitude(self, page: ClusterPage) -> float | None:
        return decimal(page.longitude)

    @extend_schema_field(PERSON_REF(allow_null=True))
    def get_cluster_manager(self, page: ClusterPage) -> dict | None:
        return self.snippet(page.cluster_manager, "role")

    @extend_schema_field(LABEL(many=True))
    def get_quality_labels(self, page: ClusterPage) -> list[dict]:
        return [label_json(label) for label in sorted(page.quality_labels.all(), key=lambda x: x.awarded_on)]

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_member_organisations(self, page: ClusterPage) -> list[dict]:
        return self.snippets(page, "member_organisations")

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_network_memberships(self, page: ClusterPage) -> list[dict]:
        return self.snippets(page, "network_memberships")


def label_json(label: Any) -> dict | None:
    if label is None:
        return None
    return {
        "level": label.level,
        "awarded_on": label.awarded_on.isoformat(),
        "expires_on": label.expires_on.isoformat(),
    }


class GallerySerializer(PageItemSerializer):
    type_name = "galleries"
    model = GalleryPage
    listing_fields = (*COMMON_FIELDS, "date", "intro", "event", "cover", "photo_count")
    detail_fields = (*listing_fields, "photos")
    page_fk_fields = ("event",)

    date = serializers.DateField(read_only=True, allow_null=True)
    intro = serializers.CharField(read_only=True)
    event = serializers.SerializerMethodField()
    cover = serializers.SerializerMethodField()
    photo_count = serializers.SerializerMethodField()
    photos = serializers.SerializerMethodField()

    @classmethod
    def optimize(cls, queryset, field_set):
        photos = GalleryImage.objects.filter(image__in=public_images().values("pk")).prefetch_related(
            Prefetch("image", queryset=images_queryset())
        )
        return (
            super()
            .optimize(queryset, field_set)
            .prefetch_related(Prefetch("gallery_images", queryset=photos, to_attr="public_photos"))
        )

    @extend_schema_field(PAGE_REF(allow_null=True))
    def get_event(self, page: GalleryPage) -> dict | None:
        return self.page_ref(page.event)

    def photo(self, item: GalleryImage) -> dict:
        return {"image": self.image(item.image), "caption": item.caption, "alt": item.alt, "credit": item.credit}

    @extend_schema_field(PHOTO(allow_null=True))
    def get_cover(self, page: GalleryPage) -> dict | None:
        return self.photo(page.public_photos[0]) if page.public_photos else None

    def get_photo_count(self, page: GalleryPage) -> int:
        return len(page.public_photos)

    @extend_schema_field(PHOTO(many=True))
    def get_photos(self, page: GalleryPage) -> list[dict]:
        return [self.photo(item) for item in page.public_photos]


class ProjectSerializer(BodyFieldMixin, PageItemSerializer):
    type_name = "projects"
    model = ProjectPage
    listing_fields = (
        *COMMON_FIELDS,
        "acronym",
        "intro",
        "hero_image",
        "programme",
        "start_date",
        "end_date",
        "is_active",
    )
    detail_fields = (*listing_fields, "reference_number", "lead_partner", "partners", "budget_eur", "website", "body")
    select_related = ("programme", "lead_partner")
    image_fields = ("hero_image",)
    m2m_fields = ("partners",)

    acronym = serializers.CharField(read_only=True)
    intro = serializers.CharField(read_only=True)
    hero_image = serializers.SerializerMethodField()
    programme = serializers.SerializerMethodField()
    start_date = serializers.DateField(read_only=True, allow_null=True)
    end_date = serializers.DateField(read_only=True, allow_null=True)
    is_active = serializers.SerializerMethodField()
    reference_number = serializers.CharField(read_only=True)
    lead_partner = serializers.SerializerMethodField()
    partners = serializers.SerializerMethodField()
    budget_eur = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    website = serializers.CharField(read_only=True)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_hero_image(self, page: ProjectPage) -> dict | None:
        return self.image(page.hero_image)

    @extend_schema_field(
        inline_serializer(
            "ProgrammeRef",
            {
                "id": serializers.IntegerField(),
                "slug": serializers.CharField(),
                "name": serializers.CharField(),
                **REF_LOCALE_FIELDS,
                "short_name": serializers.CharField(),
            },
            allow_null=True,
        )
    )
    def get_programme(self, page: ProjectPage) -> dict | None:
        return self.snippet(page.programme, "short_name")

    def get_is_active(self, page: ProjectPage) -> bool:
        return page.is_active_on(timezone.localdate())

    @extend_schema_field(SNIPPET_REF(allow_null=True))
    def get_lead_partner(self, page: ProjectPage) -> dict | None:
        return self.snippet(page.lead_partner)

    @extend_schema_field(SNIPPET_REF(many=True))
    def get_partners(self, page: ProjectPage) -> list[dict]:
        return self.snippets(page, "partners")
