"""File → Import data: customers, rates, opening balances and the catalogue from CSV or
xlsx, with column mapping and a preview before anything is written (helper E)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow


def open_import(window: QMainWindow, kind: str | None = None) -> None:
    """Open the import assistant over ``window`` (a ``MainWindow``), on ``kind`` if given
    (``customers``, ``rates``, ``balances``, ``catalogue``)."""
    raise NotImplementedError  # helper E
