"""The first-start assistant: a cooperative's own database, set up from its legal
identity, VAT, numbering, rates, membership year and first administrator (helper B)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow


def open_setup(window: QMainWindow) -> None:
    """File → Set up my cooperative (from the demo): the assistant, then Régie reopens on
    the new database."""
    raise NotImplementedError  # helper B
