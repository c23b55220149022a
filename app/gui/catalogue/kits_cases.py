"""Kits and cases screens, kept importable under their first home (``app.gui.shell.main`` and
later screens import them from here)."""

from app.gui.catalogue.cases_screen import CasesScreen
from app.gui.catalogue.kits_screen import KitsScreen
from app.gui.shell.scan_widgets import (
    Feedback,
    make_table,
    select_key,
    selected_key,
    set_row,
    shortcut_action,
)

__all__ = [
    "CasesScreen",
    "Feedback",
    "KitsScreen",
    "make_table",
    "select_key",
    "selected_key",
    "set_row",
    "shortcut_action",
]
