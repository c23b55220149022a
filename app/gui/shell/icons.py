"""The app's icons: one semantic name per action or thing, drawn from the Material Design
Icons font shipped with ``qtawesome`` (SIL Open Font Licence / Apache 2.0), so they are
vectors, sharp at 100 %, 150 % and 200 % scaling, and coloured by the theme in use at paint
time (a theme switch recolours every icon already on screen).

Use ``icon("save")`` on buttons, actions and the navigation; ``NAMES`` lists them all. An
unknown name is a programming error (KeyError), caught by the tests.

Only the font and its character map are taken from the ``qtawesome`` package; the glyphs
are drawn here with QPainter, as qtawesome does, without importing qtawesome and QtPy
(a sixth of a second at every start).
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

from app.gui.shell import style

#: semantic name → Material Design Icons 6 glyph.
NAMES: dict[str, str] = {
    # navigation (one per area)
    "home": "mdi6.home-variant-outline",
    "inventory": "mdi6.package-variant-closed",
    "kits": "mdi6.view-grid-plus-outline",
    "cases": "mdi6.briefcase-outline",
    "labels": "mdi6.barcode",
    "timeline": "mdi6.chart-timeline",
    "calendar": "mdi6.calendar-month-outline",
    "customers": "mdi6.account-group-outline",
    "bookings": "mdi6.clipboard-text-outline",
    "desk": "mdi6.barcode-scan",
    "invoices": "mdi6.file-document-outline",
    "pricing": "mdi6.tag-outline",
    "reports": "mdi6.chart-bar",
    "settings": "mdi6.cog-outline",
    # actions
    "new": "mdi6.plus",
    "edit": "mdi6.pencil-outline",
    "delete": "mdi6.trash-can-outline",
    "save": "mdi6.content-save-outline",
    "open": "mdi6.folder-open-outline",
    "print": "mdi6.printer-outline",
    "pdf": "mdi6.file-pdf-box",
    "export": "mdi6.export",
    "import": "mdi6.import",
    "search": "mdi6.magnify",
    "refresh": "mdi6.refresh",
    "filter": "mdi6.filter-variant",
    "undo": "mdi6.undo",
    "close": "mdi6.close",
    "copy": "mdi6.content-copy",
    "duplicate": "mdi6.content-duplicate",
    "cancel": "mdi6.cancel",
    "confirm": "mdi6.check",
    "issue": "mdi6.file-check-outline",
    "payment": "mdi6.cash-plus",
    "credit": "mdi6.file-undo-outline",
    "statement": "mdi6.email-newsletter",
    "deposit": "mdi6.safe",
    "quote": "mdi6.file-sign",
    "picklist": "mdi6.format-list-checks",
    "scan_out": "mdi6.arrow-up-bold-box-outline",
    "scan_in": "mdi6.arrow-down-bold-box-outline",
    "finish": "mdi6.flag-checkered",
    "add": "mdi6.plus-circle-outline",
    "remove": "mdi6.minus-circle-outline",
    "previous": "mdi6.chevron-left",
    "next": "mdi6.chevron-right",
    "today": "mdi6.calendar-today",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "fit": "mdi6.arrow-expand-horizontal",
    "inspect": "mdi6.clipboard-check-outline",
    "repair": "mdi6.wrench-outline",
    "unit": "mdi6.cube-outline",
    "status": "mdi6.swap-horizontal",
    "retire": "mdi6.archive-arrow-down-outline",
    "schedule": "mdi6.calendar-clock",
    "photo": "mdi6.image-outline",
    "help": "mdi6.help-circle-outline",
    "quit": "mdi6.exit-to-app",
    # states
    "ok": "mdi6.check-circle",
    "warning": "mdi6.alert",
    "error": "mdi6.alert-octagon",
    "info": "mdi6.information",
    "late": "mdi6.clock-alert-outline",
    "empty": "mdi6.tray",
}

#: Icons that take a status colour instead of the text colour.
_COLOURED = {
    "ok": "success",
    "warning": "warning",
    "error": "danger",
    "info": "info",
    "late": "danger",
}


@functools.cache
def _font() -> tuple[str, dict[str, str]]:
    """The Material Design Icons 6 font family, registered once, and its glyph map."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        raise RuntimeError("the qtawesome package (the icon fonts) is not installed")
    fonts = Path(spec.origin).parent / "fonts"
    ttf = next(fonts.glob("materialdesignicons6-webfont-*.ttf"))
    charmap = next(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
    font_id = QFontDatabase.addApplicationFont(str(ttf))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise RuntimeError(f"the icon font {ttf} could not be loaded")
    codes = json.loads(charmap.read_text(encoding="utf-8"))
    return families[0], {name: chr(int(code, 16)) for name, code in codes.items()}


def glyph(name: str) -> str:
    """The character of a semantic name's glyph (KeyError when the font lacks it)."""
    return _font()[1][NAMES[name].removeprefix("mdi6.")]


class _ThemedEngine(QIconEngine):
    """Paints the glyph in the current theme's colour every time it is drawn."""

    def __init__(self, name: str, role: str | None) -> None:
        super().__init__()
        self._name = name
        self._role = role

    def _colour(self, mode: QIcon.Mode) -> QColor:
        p = style.palette()
        if mode == QIcon.Mode.Disabled:
            return QColor(p.muted)
        # Selected rows are drawn on the light ``selection`` colour with the text colour
        # (lists, tables and the navigation alike): the icon keeps the text colour there.
        return QColor(getattr(p, self._role) if self._role else p.text)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        family = _font()[0]
        font = QFont(family)
        font.setPixelSize(max(1, round(0.875 * min(rect.width(), rect.height()))))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._colour(mode))
        painter.drawText(QRectF(rect), Qt.AlignmentFlag.AlignCenter, glyph(self._name))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _ThemedEngine(self._name, self._role)


def icon(name: str) -> QIcon:
    """The icon of a semantic name (``NAMES``), in the theme's colours."""
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    return QIcon(_ThemedEngine(name, _COLOURED.get(name)))
