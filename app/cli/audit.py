"""``regie audit``: the audit trail, who changed what and when (issue 12)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Being written for issue 12."""
