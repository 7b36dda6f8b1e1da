"""``manage.py run_scheduler`` as it runs beside the web server: a loop that a
deploy stops with SIGTERM (Ctrl-C: SIGINT) and that survives a failed run.

The loop's wait (a threading.Event) is replaced by one that returns at once and
records how long the loop asked to wait, so no test sleeps; if the loop does not
stop when it should, the replacement ends the test instead of hanging it.
"""

import datetime
import logging
import os
import signal
import types

from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

import pytest

from tests.factories import EventPageFactory
from tests.workflow.conftest import reload
from workflow.management.commands import run_scheduler

MAX_ROUNDS = 5


class LoopDidNotStop(AssertionError):
    pass


class InstantEvent:
    """threading.Event whose wait() does not block: the interval "passes" at once."""

    instances: list["InstantEvent"] = []

    def __init__(self) -> None:
        self._set = False
        self.waits: list[float] = []
        InstantEvent.instances.append(self)

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        if self._set:
            return True
        if len(self.waits) >= MAX_ROUNDS:
            raise LoopDidNotStop(f"the scheduler loop was still running after {MAX_ROUNDS} rounds")
        return False


@pytest.fixture
def loop(monkeypatch):
    """Instant waits; the process's signal handlers are put back afterwards."""
    InstantEvent.instances = []
    monkeypatch.setattr(run_scheduler, "threading", types.SimpleNamespace(Event=InstantEvent))
    # After each run the loop drops stale connections; inside the test's transaction that
    # would close the test's own connection (PostgreSQL), so count the calls instead.
    connection_checks: list[int] = []
    monkeypatch.setattr(run_scheduler, "close_old_connections", lambda: connection_checks.append(1))
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    received: list[int] = []
    # Should the command not install its own handlers, a signal lands here
    # (instead of killing the test run) and the loop goes on, which fails the test.
    for signum in saved:
        signal.signal(signum, lambda number, frame: received.append(number))
    yield types.SimpleNamespace(
        events=InstantEvent.instances, received_by_test=received, connection_checks=connection_checks
    )
    for signum, handler in saved.items():
        signal.signal(signum, handler)


@pytest.fixture
def due_event(site, monkeypatch):
    """An event scheduled (approved) to go live in an hour; the clock is then moved two hours on."""
    page = EventPageFactory(
        parent=site["event_index"],
        title="Zakazani događaj",
        slug="zakazani-dogadjaj",
        go_live_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert not reload(page).live
    moved = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: moved)
    return page


def runs(monkeypatch, *steps):
    """Replace Command.run_once by ``steps``, one per round; returns the rounds run."""
    done: list[int] = []
    real_run_once = run_scheduler.Command.run_once

    def run_once(self) -> None:
        done.append(len(done) + 1)
        steps[min(len(done), len(steps)) - 1](self, real_run_once)

    monkeypatch.setattr(run_scheduler.Command, "run_once", run_once)
    return done


def publish(command, real_run_once) -> None:
    real_run_once(command)


def stop_with(signum: int):
    def step(command, real_run_once) -> None:
        os.kill(os.getpid(), signum)

    return step


def fail(command, real_run_once) -> None:
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_loop_after_the_current_run(loop, monkeypatch, caplog, due_event, signum):
    def publish_then_get_signal(command, real_run_once) -> None:
        real_run_once(command)
        os.kill(os.getpid(), signum)

    done = runs(monkeypatch, publish_then_get_signal)
    with caplog.at_level(logging.INFO, logger="workflow.scheduler"):
        call_command("run_scheduler", "--interval", "60")

    # The run in progress when the signal came finished (the event is live),
    # then the loop ended instead of waiting for the next round.
    assert done == [1]
    assert reload(due_event).live
    assert loop.received_by_test == []
    (event,) = loop.events
    assert event.is_set()
    messages = [record.getMessage() for record in caplog.records if record.name == "workflow.scheduler"]
    assert messages == [
        "Scheduler started: publish_scheduled every 60 s.",
        f"Scheduler stopping (signal {int(signum)}).",
    ]


def test_the_signal_handlers_of_the_command_answer_sigterm_while_waiting(db, loop, monkeypatch, caplog):
    """A SIGTERM that arrives between two runs (during the wait) also stops the loop."""
    done = runs(monkeypatch, lambda command, real: None)

    class SignalledDuringWait(InstantEvent):
        def wait(self, timeout: float | None = None) -> bool:
            if not self.waits:
                os.kill(os.getpid(), signal.SIGTERM)
            return super().wait(timeout)

    monkeypatch.setattr(run_scheduler, "threading", types.SimpleNamespace(Event=SignalledDuringWait))
    with caplog.at_level(logging.INFO, logger="workflow.scheduler"):
        call_command("run_scheduler", "--interval", "30")

    assert done == [1], "no further run after the signal"
    assert loop.received_by_test == []
    assert "Scheduler stopping (signal 15)." in [r.getMessage() for r in caplog.records]


def test_a_failed_run_is_logged_and_the_next_run_publishes_what_is_due(loop, monkeypatch, caplog, due_event):
    done = runs(monkeypatch, fail, publish, stop_with(signal.SIGTERM))
    with caplog.at_level(logging.INFO, logger="workflow.scheduler"):
        call_command("run_scheduler", "--interval", "60")

    assert done == [1, 2, 3]
    assert reload(due_event).live, "the run after the failure published the due event"
    assert len(loop.connection_checks) == 3, "stale connections are dropped after every run, failed or not"
    failures = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert [record.getMessage() for record in failures] == ["publish_scheduled failed; retrying in 60 s."]
    assert isinstance(failures[0].exc_info[1], OperationalError)
    # After each run the loop waits out the rest of the interval (it does not spin).
    (event,) = loop.events
    assert len(event.waits) == 3
    assert all(59 < wait <= 60 for wait in event.waits[:2])
