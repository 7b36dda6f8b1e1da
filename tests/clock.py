"""Run the whole suite at another moment: ``TEST_CLOCK=2026-07-15T12:00:00+02:00 make test``.

The suite must not depend on today's date, season or offset: CI runs it once in July
(Belgrade summer time) and the closing checks in late March, around the change of offset.
The clock keeps ticking from that moment (time-machine, ``tick=True``), in every xdist
worker and in the live server's threads; the database servers keep their own clock,
which the code never reads (Django writes Python's time).
"""

import datetime
import os

import pytest
import time_machine

_traveller: time_machine.travel | None = None


def moved_clock() -> datetime.datetime | None:
    """The moment named by TEST_CLOCK (ISO 8601 with an offset), or None."""
    raw = os.environ.get("TEST_CLOCK", "").strip()
    if not raw:
        return None
    moment = datetime.datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise pytest.UsageError(f"TEST_CLOCK={raw!r} needs an offset, e.g. 2026-07-15T12:00:00+02:00")
    return moment


def pytest_configure(config: pytest.Config) -> None:
    global _traveller
    moment = moved_clock()
    if moment is not None:
        _traveller = time_machine.travel(moment, tick=True)
        _traveller.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _traveller
    if _traveller is not None:
        _traveller.stop()
        _traveller = None


def pytest_report_header(config: pytest.Config) -> str | None:
    moment = moved_clock()
    return f"clock moved to {moment.isoformat()} (TEST_CLOCK)" if moment else None
