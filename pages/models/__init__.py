"""Page types. Each module holds one section: index page and detail page."""

from .base import AttachedDocument, BodyMixin, HeroImageMixin, IntroMixin, ListingPageMixin
from .clusters import ClusterIndexPage, ClusterPage, QualityLabel
from .events import EventIndexPage, EventPage, EventPageDocument
from .galleries import GalleryImage, GalleryIndexPage, GalleryPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage, NewsPageDocument, NewsPageTag
from .projects import ProjectIndexPage, ProjectPage
from .standard import StandardPage

__all__ = [
    "AttachedDocument",
    "BodyMixin",
    "ClusterIndexPage",
    "ClusterPage",
    "EventIndexPage",
    "EventPage",
    "EventPageDocument",
    "GalleryImage",
    "GalleryIndexPage",
    "GalleryPage",
    "HeroImageMixin",
    "HomePage",
    "IntroMixin",
    "ListingPageMixin",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageDocument",
    "NewsPageTag",
    "ProjectIndexPage",
    "ProjectPage",
    "QualityLabel",
    "StandardPage",
]
