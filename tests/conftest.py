import pytest

from tests.factories import build_site


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded test images and documents go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a
    test, but a Redis cache (REDIS_URL) would keep site root paths and
    renditions of rows that no longer exist."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def site(db):
    """Locales, the Serbian home page as the site root, its English translation
    and an index page of each section (see tests.factories.build_site)."""
    return build_site()


def pytest_configure(config):
    # WhiteNoise warns once per client when STATIC_ROOT has not been collected;
    # tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
