"""The API cache's generation counter (api.cache.generation): every app server reads the
same one, it does not expire on a quiet site, and a bump lost while Redis was
unreachable is made up exactly once."""

import datetime

from django.core.cache import cache
from django.db import transaction

import pytest
import time_machine

from api import cache as response_cache


@pytest.fixture(autouse=True)
def no_lost_bump():
    response_cache._bump_lost = False
    yield
    response_cache._bump_lost = False


class AnotherServerWinsTheRace:
    """The shared cache, where another app server creates the generation between our
    read (nothing there) and our add()."""

    def __init__(self, theirs: int) -> None:
        self.theirs = theirs

    def get(self, key):
        return cache.get(key)

    def add(self, key, value, timeout):
        cache.set(key, self.theirs, None)
        return cache.add(key, value, timeout)


def test_a_new_generation_is_adopted_from_whoever_created_it_first(monkeypatch):
    cache.delete(response_cache.GENERATION_KEY)
    monkeypatch.setattr(response_cache, "cache", AnotherServerWinsTheRace(theirs=1_700_000_000_123))
    assert response_cache.generation() == 1_700_000_000_123


def test_the_generation_does_not_expire_on_a_quiet_site():
    cache.delete(response_cache.GENERATION_KEY)
    first = response_cache.generation()
    assert cache.get(response_cache.GENERATION_KEY) == first
    with time_machine.travel(datetime.timedelta(days=2)):
        # Two days without a change: the same generation, so the same ETags.
        assert response_cache.generation() == first


def test_a_lost_bump_is_made_up_once_redis_answers_again(monkeypatch):
    start = response_cache.generation()

    class Unreachable:
        def incr(self, key):
            return None  # what django-redis answers with IGNORE_EXCEPTIONS

        def set(self, *args, **kwargs):
            return None

    monkeypatch.setattr(response_cache, "cache", Unreachable())
    response_cache._increment()
    monkeypatch.undo()
    assert response_cache.generation() == start + 1  # the lost bump, once
    assert response_cache.generation() == start + 1  # and not again


def test_a_generation_recreated_after_redis_lost_it_is_above_every_earlier_one():
    moment = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        cache.delete(response_cache.GENERATION_KEY)
        # Milliseconds since the epoch: an operator can read when it was created.
        assert response_cache.generation() == int(moment.timestamp()) * 1000
        for _change in range(500):  # a busy hour of edits
            response_cache.bump()
        before_the_loss = response_cache.generation()
    cache.delete(response_cache.GENERATION_KEY)  # Redis restarted or evicted the key
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert response_cache.generation() > before_the_loss


def test_a_bump_on_an_empty_cache_starts_a_shared_generation_that_does_not_expire():
    moment = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC)
    cache.delete(response_cache.GENERATION_KEY)
    with time_machine.travel(moment, tick=False):
        response_cache.bump()
        # Written for the other app servers to read, not only kept in this process.
        assert cache.get(response_cache.GENERATION_KEY) == int(moment.timestamp()) * 1000
    with time_machine.travel(moment + datetime.timedelta(days=2), tick=False):
        assert response_cache.generation() == int(moment.timestamp()) * 1000


def test_the_last_change_time_is_when_content_changed_not_when_it_was_read():
    start = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        response_cache.state()
    with time_machine.travel(start + datetime.timedelta(seconds=100), tick=False):
        response_cache.bump()
    with time_machine.travel(start + datetime.timedelta(seconds=200), tick=False):
        generation, changed = response_cache.state()
    assert changed == int(start.timestamp()) + 100  # what Last-Modified says
    assert generation == response_cache.generation()


class LostAtCommit:
    """The cache answers the bump during the transaction, then is gone at commit."""

    def __init__(self) -> None:
        self.increments = 0

    def incr(self, key):
        self.increments += 1
        if self.increments > 1:
            raise ConnectionError("Redis is unreachable")
        return cache.incr(key)

    def set(self, *args, **kwargs):
        return cache.set(*args, **kwargs)


@pytest.mark.django_db
def test_an_unreachable_cache_at_commit_does_not_stop_the_other_commit_callbacks(
    monkeypatch, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes translations from on-commit callbacks registered
    # after ours: a cache error in our callback must not cancel them.
    response_cache.generation()
    lost = LostAtCommit()
    monkeypatch.setattr(response_cache, "cache", lost)
    published = []
    with django_capture_on_commit_callbacks(execute=True):
        response_cache.bump()
        transaction.on_commit(lambda: published.append("translation"))
    assert lost.increments == 2  # ours ran, and failed
    assert published == ["translation"]
