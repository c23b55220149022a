"""The user guide (F1), shipped with the app, opened on the current screen's page
(helper F)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def page_for(area: str) -> str:
    """The guide's page for a main-window area key (``"desk"``, ``"invoices"``…)."""
    raise NotImplementedError  # helper F


def show_help(parent: QWidget, page: str) -> None:
    """Open (or raise) the guide's window on ``page``."""
    raise NotImplementedError  # helper F
