"""Help → About Régie: the version, the database in use, the licence (helper A)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow


def show_about(window: QMainWindow) -> None:
    """Open the About box over ``window`` (a ``MainWindow``: ``window.ops.ctx.db``)."""
    raise NotImplementedError  # helper A
