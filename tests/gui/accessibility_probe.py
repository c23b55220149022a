"""Which controls would a screen reader announce without a name?

``unnamed_controls(root)`` lists every visible, enabled, focusable widget under ``root``
whose accessible name — as Qt hands it to a screen reader: the widget's own accessible
name, else its text, else the text of the label whose buddy it is — is empty. Each entry
says where the control is (class, object name, parents, tool tip) so the screen's owner
finds it. Give such a control a name with ``w.setAccessibleName(tr(...))`` or make a label
its buddy (``QFormLayout.addRow(label, field)`` does it).

Run on a demo database, it visits every area of the main window and prints what is
unnamed, area by area::

    export REGIE_DB=$(mktemp -d)/x.db; regie demo
    QT_QPA_PLATFORM=offscreen python tests/gui/accessibility_probe.py [en|fr]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader gets for ``widget`` (Qt's derivation)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return (interface.text(QAccessible.Text.Name) or "").strip()


def _named_by_its_parts(widget: QWidget) -> bool:
    """A tab bar (or a tab widget) is read out tab by tab: it is named when every tab has
    text."""
    if isinstance(widget, QTabWidget):
        widget = widget.tabBar()
    if isinstance(widget, QTabBar):
        return widget.count() > 0 and all(widget.tabText(i).strip() for i in range(widget.count()))
    return False


def _is_inner_part(widget: QWidget) -> bool:
    """The viewport of a scroll area and the line edit inside a spin box, a date edit or an
    editable combo box are parts of a control that is checked itself."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    if isinstance(parent, QAbstractSpinBox) and widget.objectName() == "qt_spinbox_lineedit":
        return True
    return isinstance(parent, QComboBox) and widget is parent.lineEdit()


def describe(widget: QWidget) -> str:
    """``Class#objectName in Parent#name < Grandparent … [tip: …]``: enough to find it."""

    def one(w: QWidget) -> str:
        name = w.objectName()
        return type(w).__name__ + (f"#{name}" if name else "")

    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 5:
        chain.append(one(parent))
        parent = parent.parentWidget()
    text = one(widget)
    if chain:
        text += " in " + " < ".join(chain)
    tip = widget.toolTip().strip()
    if tip:
        text += f" [tip: {tip}]"
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder) and placeholder():
        text += f" [placeholder: {placeholder()}]"
    return text


def _candidates(root: QWidget, exclude: Iterable[QWidget]) -> list[QWidget]:
    skipped = list(exclude)
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skipped):
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget is root and not (root.isVisible() or root.isWindow()):
            continue
        if not widget.isEnabled() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.isWindow() and widget is not root:
            continue  # a dialog or a popup: probed on its own
        found.append(widget)
    return found


def unnamed_controls(root: QWidget, exclude: Iterable[QWidget] = ()) -> list[str]:
    """Every visible, enabled, focusable widget under ``root`` (and not under one of
    ``exclude``) that a screen reader would announce without a name, described."""
    return [
        describe(widget)
        for widget in _candidates(root, exclude)
        if not widget.isWindow()
        and not _is_inner_part(widget)
        and not _named_by_its_parts(widget)
        and not accessible_name(widget)
    ]


def probe_main_window(window, app: QApplication) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Unnamed controls of the window's chrome and of each area, by area key."""
    report: dict[str, list[str]] = {}
    for area in window.areas:
        window.show_area(area.key)
        app.processEvents()
        screen = window.screens[area.key]
        report[area.key] = unnamed_controls(screen)
    report["chrome"] = unnamed_controls(window, exclude=[window.stack])
    return report


def main(language: str = "fr") -> int:
    import os

    from PySide6.QtWidgets import QApplication

    if os.environ.get("QT_QPA_PLATFORM") is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication(["accessibility-probe"])
    from app import i18n
    from app.bootstrap import open_context
    from app.gui.shell import style
    from app.gui.shell.main import build_main_window
    from app.gui.shell.operations import Operations, SyncRunner

    i18n.install(language)
    style.apply(app)
    ctx = open_context(os.environ.get("REGIE_DB"), demo_if_new=False)
    ops = Operations(ctx, SyncRunner())
    window = build_main_window(ops)
    window.resize(1366, 768)
    window.show()
    report = probe_main_window(window, app)
    total = 0
    for key, lines in report.items():
        print(f"== {key}: {len(lines)} unnamed")
        for line in lines:
            print(f"   {line}")
        total += len(lines)
    window.close()
    ctx.db.dispose()
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
