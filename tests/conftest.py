import os
import shutil

import pytest

from tests.factories import build_site

# TEST_CLOCK=<ISO moment> runs the suite at another date (tests/clock.py).
pytest_plugins = ["tests.clock"]

if os.environ.get("TEST_DB_TEMPLATE"):

    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        """Mutation runs (make mutate) start hundreds of short pytest sessions: each one
        works on its own copy of a migrated SQLite file instead of migrating again."""
        from django.db import connections

        copy = f"{os.environ['TEST_DB_TEMPLATE']}.{os.getpid()}"
        shutil.copyfile(os.environ["TEST_DB_TEMPLATE"], copy)
        with django_db_blocker.unblock():
            connection = connections["default"]
            connection.close()
            connection.settings_dict["NAME"] = copy
        yield
        connections["default"].close()
        os.remove(copy)


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


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Random order (pytest-randomly) within Django's own rule: tests in a rolled-back
    transaction first, then transactional ones. A transactional test empties the tables
    when it ends, so the rows migrations create (the default workflow, groups,
    collection) would be gone for any rolled-back test after it. The sort is stable:
    each group keeps its shuffled order."""
    from pytest_django.plugin import pytest_collection_modifyitems as order_as_django_does

    order_as_django_does(items)


def pytest_configure(config):
    # WhiteNoise warns once per client when STATIC_ROOT has not been collected;
    # tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


def pytest_terminal_summary(terminalreporter):
    """Say it at the end of the run when the browser tests were skipped for want of Chromium
    (tests/browser/conftest.py): otherwise a newcomer sees only some "s" in the progress."""
    reasons = [
        report.longrepr[2].removeprefix("Skipped: ")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and report.longrepr[2].endswith("(apt-get install chromium)")
    ]
    if reasons:
        terminalreporter.write_line(
            f"Browser tests skipped ({len(reasons)}): {reasons[0]}; CI fails instead of skipping.",
            yellow=True,
            bold=True,
        )
