"""The Redis pool that stops waiting for an unreachable Redis (api.cache.FailFastConnectionPool).

While Redis is down every request would otherwise wait for the connect timeout
on each of its cache calls. These tests drive the pool with a connection whose
reachability the test switches and a clock the test moves, so they say exactly
when the pool tries Redis again and what the operator reads in the log.
"""

import logging

import pytest
import redis

from api import cache as response_cache
from api.cache import FailFastConnectionPool


class Redis:
    """Whether the fake server answers, and how often the pool tried to connect."""

    reachable = True
    attempts = 0


class SwitchableConnection(redis.Connection):
    def connect(self) -> None:
        Redis.attempts += 1
        if not Redis.reachable:
            raise redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    def can_read(self, timeout: float = 0) -> bool:
        return False

    def disconnect(self, *args, **kwargs) -> None:
        pass


class TimingOutConnection(SwitchableConnection):
    def connect(self) -> None:
        Redis.attempts += 1
        raise redis.exceptions.TimeoutError("Timeout connecting to server")


@pytest.fixture(autouse=True)
def fake_redis():
    Redis.reachable, Redis.attempts = True, 0
    yield Redis


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1000.0

    monkeypatch.setattr(response_cache.time, "monotonic", lambda: Clock.now)
    return Clock


def pool(**kwargs) -> FailFastConnectionPool:
    return FailFastConnectionPool(connection_class=SwitchableConnection, **kwargs)


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "api.cache" and r.levelno == logging.WARNING]


def test_a_reachable_redis_gives_connections_and_logs_nothing(clock, caplog):
    connections = pool()
    first = connections.get_connection()
    connections.release(first)
    assert connections.get_connection() is first  # reused from the pool, not reconnected
    assert isinstance(first, SwitchableConnection)
    assert warnings(caplog) == []
    # Redis's own arguments pass through, positional ones too (connection_class first).
    positional = FailFastConnectionPool(SwitchableConnection, max_connections=3, retry_seconds=4)
    assert isinstance(positional.get_connection(), SwitchableConnection)
    assert (positional.max_connections, positional.retry_seconds) == (3, 4)


def test_the_first_failure_is_raised_and_logged_once(clock, caplog):
    Redis.reachable = False
    connections = pool()
    with pytest.raises(redis.exceptions.ConnectionError, match="Connection refused"):
        connections.get_connection()
    assert Redis.attempts == 1
    assert warnings(caplog) == [
        "Redis is unreachable (Error 111 connecting to 127.0.0.1:6390. Connection refused.): "
        "serving without the cache until it is back."
    ]


def test_within_the_retry_window_the_pool_answers_at_once_without_trying(clock, caplog):
    Redis.reachable = False
    connections = pool(retry_seconds=2)
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 1.999
    with pytest.raises(redis.exceptions.ConnectionError, match=r"^Redis is unreachable; retrying shortly$"):
        connections.get_connection()
    assert Redis.attempts == 1
    assert len(warnings(caplog)) == 1


def test_after_the_window_it_tries_again_and_a_second_failure_is_not_logged_again(clock, caplog):
    Redis.reachable = False
    connections = pool(retry_seconds=2)
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 2  # the window is over at its last second
    with pytest.raises(redis.exceptions.ConnectionError, match="Connection refused"):
        connections.get_connection()
    assert Redis.attempts == 2
    # The new failure opens a new window from now.
    clock.now += 1.5
    with pytest.raises(redis.exceptions.ConnectionError, match="retrying shortly"):
        connections.get_connection()
    assert Redis.attempts == 2
    assert len(warnings(caplog)) == 1


def test_the_default_window_is_one_second(clock):
    Redis.reachable = False
    connections = pool()
    assert connections.retry_seconds == 1.0
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 0.9
    with pytest.raises(redis.exceptions.ConnectionError, match="retrying shortly"):
        connections.get_connection()
    clock.now += 0.1
    with pytest.raises(redis.exceptions.ConnectionError, match="Connection refused"):
        connections.get_connection()
    assert Redis.attempts == 2


def test_a_timeout_counts_as_unreachable(clock, caplog):
    connections = FailFastConnectionPool(connection_class=TimingOutConnection, retry_seconds=3)
    with pytest.raises(redis.exceptions.TimeoutError):
        connections.get_connection()
    clock.now += 2
    with pytest.raises(redis.exceptions.ConnectionError, match="retrying shortly"):
        connections.get_connection()
    assert Redis.attempts == 1
    assert warnings(caplog) == [
        "Redis is unreachable (Timeout connecting to server): serving without the cache until it is back."
    ]


def test_recovery_is_logged_once_with_the_outage_length(clock, caplog):
    Redis.reachable = False
    connections = pool(retry_seconds=1)
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 2.5
    Redis.reachable = True
    connection = connections.get_connection()
    assert isinstance(connection, SwitchableConnection)
    connections.release(connection)
    connections.get_connection()
    assert warnings(caplog)[1:] == ["Redis is reachable again after 2.5 s: the cache is in use."]


def test_a_second_outage_of_the_same_pool_is_logged_and_timed_from_its_own_start(clock, caplog):
    connections = pool(retry_seconds=1)
    Redis.reachable = False
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 1
    Redis.reachable = True
    connections.get_connection()  # kept in use: the next call needs a new connection
    clock.now += 100
    Redis.reachable = False
    with pytest.raises(redis.exceptions.ConnectionError):
        connections.get_connection()
    clock.now += 4
    Redis.reachable = True
    connections.get_connection()
    assert warnings(caplog) == [
        "Redis is unreachable (Error 111 connecting to 127.0.0.1:6390. Connection refused.): "
        "serving without the cache until it is back.",
        "Redis is reachable again after 1.0 s: the cache is in use.",
        "Redis is unreachable (Error 111 connecting to 127.0.0.1:6390. Connection refused.): "
        "serving without the cache until it is back.",
        "Redis is reachable again after 4.0 s: the cache is in use.",
    ]
