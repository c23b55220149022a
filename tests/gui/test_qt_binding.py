"""Guard against a Qt binding that corrupts the interpreter: PySide6 6.12.0 on Python 3.11
dropped a reference to None on every call of a C++ method returning void, which aborts the
app after a few thousand repaints (pyproject.toml excludes it)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Régie")
        label.update()
    assert abs(sys.getrefcount(None) - before) < 100
