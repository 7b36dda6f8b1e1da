"""Which serializer handles which page model."""

from wagtail.models import Page

from .pages import ClusterSerializer, EventSerializer, GallerySerializer, NewsSerializer, ProjectSerializer

PAGE_SERIALIZERS = (NewsSerializer, EventSerializer, GallerySerializer, ClusterSerializer, ProjectSerializer)
BY_TYPE_NAME = {serializer.type_name: serializer for serializer in PAGE_SERIALIZERS}
BY_MODEL = {serializer.model: serializer for serializer in PAGE_SERIALIZERS}


def serializer_for_model(model: type[Page]):
    return BY_MODEL.get(model)
