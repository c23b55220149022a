"""Telling every open window that the data changed: ``NOTIFY`` on PostgreSQL (sent with the
writing transaction, delivered at commit), a cheap data-version poll on SQLite (for the same
PC's second window).

(Being written for issue 12 by the live-refresh helper: ``install`` is wired.)
"""

from __future__ import annotations

from typing import Any


def install(writer: Any) -> None:
    """Announce the commits of sessions made by ``writer`` (a ``sessionmaker``)."""
