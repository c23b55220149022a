"""The one place that reads the time. Business rules get a Clock; tests pass a fixed one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


class Clock:
    """Wall clock in UTC, with the cooperative's local time zone for dates."""

    def __init__(self, tz: ZoneInfo = PARIS) -> None:
        self.tz = tz

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()

    def local_now(self) -> dt.datetime:
        """The cooperative's wall-clock time, naive (as forms and documents show it)."""
        return self.now().astimezone(self.tz).replace(tzinfo=None)

    def to_local(self, value: dt.datetime) -> dt.datetime:
        """A recorded instant (aware, or naive UTC) as the cooperative's naive local time."""
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(self.tz).replace(tzinfo=None)


@dataclass
class FixedClock(Clock):
    """A clock frozen at ``at`` (timezone-aware), for tests and reproducible demos."""

    at: dt.datetime
    tz: ZoneInfo = PARIS

    def now(self) -> dt.datetime:
        return self.at.astimezone(dt.UTC)
