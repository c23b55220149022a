"""Alt+letter reaches one field only: no two visible labels of a dialog, a screen or a menu
share their underlined letter, in English and in French."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from app import i18n
from app.gui.shell.main import MainWindow, build_main_window
from app.gui.shell.operations import Operations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(texts: list[str]) -> list[str]:
    counts = Counter(m for m in map(mnemonic, texts) if m)
    return sorted(t for t in texts if counts[mnemonic(t) or ""] > 1)


def widget_texts(widget: QWidget) -> list[str]:
    texts = []
    for kind in (QLabel, QAbstractButton, QGroupBox):
        for child in widget.findChildren(kind):
            if child.isVisibleTo(widget):
                texts.append(child.title() if isinstance(child, QGroupBox) else child.text())
    return texts


@pytest.fixture(params=["en", "fr"])
def window(request, qtbot, ops: Operations, stock: dict[str, str]) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.install(request.param)
    request.addfinalizer(lambda: i18n.install("en"))
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def test_no_two_labels_share_an_alt_key(window: MainWindow, stock: dict[str, str]) -> None:
    stock_unit = stock["wash1"]
    found: dict[str, list[str]] = {}
    inventory = window.screen("inventory")
    inventory.search_box.setText(stock_unit)  # type: ignore[attr-defined]
    inventory.units_view.selectRow(0)  # type: ignore[attr-defined]
    for name in ("new_type", "new_unit", "change_status", "log_inspection", "log_repair"):
        getattr(inventory, name)()
        dialog = inventory.dialog  # type: ignore[attr-defined]
        found[name] = clashes(widget_texts(dialog))
        dialog.reject()
    for key in ("kits", "cases", "labels"):
        window.show_area(key)
        found[key] = clashes(widget_texts(window.screen(key)))
    bar = [a.text() for a in window.menuBar().actions()]
    found["menu bar"] = clashes(bar)
    for action in window.menuBar().actions():
        found[action.text()] = clashes([a.text() for a in action.menu().actions() if a.text()])
    assert {k: v for k, v in found.items() if v} == {}


def lone_ampersands(texts: list[str]) -> list[str]:
    """Texts whose "&" is data, not an Alt-key marker: Qt would underline what follows
    ("Power & distribution" shows "Power _distribution")."""
    return [t for t in texts if re.search(r"&(\s|$)", t.replace("&&", ""))]


def mnemonic_texts(widget: QWidget) -> list[str]:
    """Texts Qt reads "&" in: buttons, group boxes, and labels with a buddy."""
    return [
        text
        for text, child in zip(widget_texts(widget), _visible(widget), strict=True)
        if not isinstance(child, QLabel) or child.buddy() is not None
    ]


def _visible(widget: QWidget) -> list[QWidget]:
    return [
        child
        for kind in (QLabel, QAbstractButton, QGroupBox)
        for child in widget.findChildren(kind)
        if child.isVisibleTo(widget)
    ]


def test_data_with_an_ampersand_is_shown_as_written(window: MainWindow) -> None:
    found: dict[str, list[str]] = {}
    for area in window.areas:
        window.show_area(area.key)
        found[area.key] = lone_ampersands(mnemonic_texts(window.screen(area.key)))
    for action in window.menuBar().actions():
        found[action.text()] = lone_ampersands([a.text() for a in action.menu().actions()])
    assert {k: v for k, v in found.items() if v} == {}
    pricing = window.screen("pricing")
    labels = [label.text() for label in pricing.findChildren(QLabel)]  # type: ignore[union-attr]
    power = i18n.label("Power & distribution").replace("&", "&&")
    assert any(text.startswith(power) for text in labels)
