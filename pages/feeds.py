from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import path
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Locale

from .models import NewsPage
from .models.base import published


class LatestNewsFeed(Feed):
    """The latest news of one language, as RSS (``/feeds/news/<lang>/``)."""

    def get_object(self, request: HttpRequest, language_code: str) -> Locale:
        locale = Locale.objects.get(language_code=language_code)
        translation.activate(language_code)
        self.request = request
        return locale

    def title(self, locale: Locale) -> str:
        return translation.gettext("House of Clusters: news")

    def link(self, locale: Locale) -> str:
        return f"/{locale.language_code}/"

    def description(self, locale: Locale) -> str:
        return translation.gettext("The latest news of the House of Clusters.")

    def items(self, locale: Locale):
        return published(NewsPage.objects.filter(locale=locale)).order_by("-date", "-pk")[:20]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.lead

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestNewsFeed.description


urlpatterns = [
    path("news/<str:language_code>/", LatestNewsFeed(), name="news_feed"),
    path("news/<str:language_code>/atom/", LatestNewsAtomFeed(), name="news_atom_feed"),
]
