"""``regie accounts``: people, their roles, passwords and badges (issue 12)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Being written for issue 12."""
