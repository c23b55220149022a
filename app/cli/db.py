"""``regie db copy``: move a cooperative's data between an SQLite file and a PostgreSQL server (issue 12)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Being written for issue 12."""
