"""`regie export` (issue 11): being written; registers nothing yet."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """No sub-command yet."""
