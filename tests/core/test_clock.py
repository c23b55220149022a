"""The cooperative's local time from the one clock (app.core.clock)."""

from __future__ import annotations

import datetime as dt

from app.core.clock import PARIS, FixedClock


def test_local_now_is_naive_paris_time() -> None:
    clock = FixedClock(dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC))
    assert clock.local_now() == dt.datetime(2026, 7, 1, 10, 0)
    assert clock.local_now().tzinfo is None


def test_local_now_in_winter_time() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
    assert clock.local_now() == dt.datetime(2026, 11, 26, 10, 0)


def test_to_local_reads_naive_values_as_utc() -> None:
    clock = FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert clock.to_local(dt.datetime(2026, 7, 1, 22, 30)) == dt.datetime(2026, 7, 2, 0, 30)


def test_to_local_converts_aware_values() -> None:
    clock = FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    aware = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)  # the night summer time starts
    assert clock.to_local(aware) == dt.datetime(2026, 3, 29, 3, 30)
