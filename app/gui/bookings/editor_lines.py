"""The booking editor's lines: the add field (search, code, ``CODE=3``, a kit or a scanned
barcode, with suggestions), the lines table with live availability and price, quantities
edited in place (spin boxes, + and -), and the shortage explained under the table."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError
from app.gui.bookings.booking_models import LinesModel
from app.gui.bookings.editor_form import completer
from app.gui.shell import icons, style
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import format_datetime
from booking.availability import Shortage
from booking.editor_reads import Entry, resolve_entry

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


class QuantityDelegate(QStyledItemDelegate):
    """Quantities as spin boxes that commit on every change (live availability)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, LinesModel.MAX_QUANTITY)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        spin.setAccessibleName(tr("BookingEditor", "Quantity"))
        spin.valueChanged.connect(lambda _=0, s=spin: self.commitData.emit(s))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox) and isinstance(value, int) and editor.value() != value:
            editor.blockSignals(True)
            editor.setValue(value)
            editor.blockSignals(False)
        if isinstance(editor, QSpinBox) and not editor.hasFocus():
            editor.lineEdit().deselect()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


def lines_hint(lines: int, pieces: int) -> str:
    """The lines hint: "2 lines, 5 pieces." and how to change them."""
    return (
        tr("BookingEditor", "%1, %2. Delete removes a line; + and - change its quantity.")
        .replace("%1", tr("BookingEditor", "%n line(s)", None, lines))
        .replace("%2", tr("BookingEditor", "%n piece(s)", None, pieces))
    )


def shortages_html(shortages: list[Shortage]) -> str:
    """The shortage panel's text: what is missing, when, and who holds the rest."""
    head = tr(
        "BookingEditor",
        "Not enough stock for these dates: the booking cannot be confirmed as it is.",
    )
    items = []
    for s in shortages:
        holders = ", ".join(s.holders) or "—"
        if s.reserved:
            text = tr(
                "BookingEditor",
                "%1 (%2): %3 missing on %4 — requested %5, serviceable %6, already held %7 by %8",
            )
        else:
            text = tr(
                "BookingEditor",
                "%1 (%2): %3 missing on %4 — requested %5, only %6 serviceable",
            )
        text = (
            text.replace("%1", html.escape(s.name))
            .replace("%2", html.escape(s.code))
            .replace("%3", f"<b>{s.missing}</b>")
            .replace("%4", format_datetime(s.at))
            .replace("%5", str(s.requested))
            .replace("%6", str(s.serviceable))
            .replace("%7", str(s.reserved))
            .replace("%8", f"<b>{html.escape(holders)}</b>")
        )
        items.append(f"<li>{text}</li>")
    return f"<b>{html.escape(head)}</b><ul style='margin:2px 0 0 -20px'>{''.join(items)}</ul>"


def _alert_sheet(*_: object) -> str:
    tone, edge = style.tone("red"), style.palette().danger
    return (
        f"QLabel {{ background:{tone.bg}; color:{tone.fg}; border-left:5px solid {edge};"
        f" padding:{style.SPACE.s - 2}px {style.SPACE.m - 2}px; }}"
    )


class LinesPanel(QWidget):
    """The add field, the lines table and what is short."""

    #: Something was added from the add field.
    added = Signal()

    def __init__(self, ops: Operations, lines: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.lines = lines
        self.add_field = QLineEdit()
        self.add_field.setPlaceholderText(
            tr("BookingEditor", "Code, name, kit or scanned barcode; CODE=3 adds three")
        )
        self.add_completer = completer(self)
        self.add_completer.setMaxVisibleItems(12)
        self.add_field.setCompleter(self.add_completer)
        # A pick in the list (click, or arrows then Enter) comes as ``activated``; Enter on
        # typed or scanned text as ``returnPressed``. Enter on a highlighted suggestion
        # gives both (the line edit sees the key first): only ``activated`` acts then. The
        # line edit itself copies the pick into the field after our slot ran, so the pick
        # is handled once that is done (queued) and the field emptied again.
        self.add_completer.activated.connect(self._picked, Qt.ConnectionType.QueuedConnection)
        self.add_field.returnPressed.connect(self._return_in_add_field)
        self.add_label = QLabel(tr("BookingEditor", "&Add item type or kit (search or scan):"))
        self.add_label.setBuddy(self.add_field)
        self.add_feedback = Feedback(self)
        self.lines_view = self._table()
        self.remove_button = QPushButton(icons.icon("remove"), tr("BookingEditor", "Remove l&ine"))
        self.remove_button.setToolTip(tr("BookingEditor", "Remove the selected line (Delete)"))
        self.remove_button.clicked.connect(self.remove_line)
        self.remove_button.setAutoDefault(False)
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_line),
            ("+", lambda: self.step_quantity(1)),
            ("-", lambda: self.step_quantity(-1)),
            ("F2", self.focus_quantity),
            ("Return", self.focus_quantity),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.lines_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.shortage_panel = QLabel()
        self.shortage_panel.setWordWrap(True)
        self.shortage_panel.setTextFormat(Qt.TextFormat.RichText)
        self.shortage_panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shortage_panel.setAccessibleName(tr("BookingEditor", "Shortages"))
        self.shortage_panel.setStyleSheet(_alert_sheet())
        # a bound method: Qt drops the connection when this panel is destroyed
        style.notifier().changed.connect(self._restyle_shortages)
        self.shortage_panel.hide()
        self.lines_hint = QLabel()
        style.set_role(self.lines_hint, "muted")
        column = QVBoxLayout(self)
        column.setContentsMargins(style.SPACE.s, 0, 0, 0)
        column.addWidget(self.add_label)
        column.addWidget(self.add_field)
        column.addWidget(self.add_feedback)
        column.addWidget(self.lines_view, 1)
        below = QHBoxLayout()
        below.addWidget(self.lines_hint, 1)
        below.addWidget(self.remove_button)
        column.addLayout(below)
        column.addWidget(self.shortage_panel)

    def _restyle_shortages(self, *_: object) -> None:
        self.shortage_panel.setStyleSheet(_alert_sheet())

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.lines)
        view.setAccessibleName(tr("BookingEditor", "Lines"))
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(30)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 90), (3, 120), (4, 110)):
            view.setColumnWidth(column, width)
        self.delegate = QuantityDelegate(view)
        view.setItemDelegateForColumn(LinesModel.QUANTITY, self.delegate)
        self.empty = EmptyState(
            view,
            lambda: tr(
                "BookingEditor",
                "No lines yet. Type a code or a name above, or scan a barcode (Alt+A).",
            ),
        )
        return view

    # --- adding ---------------------------------------------------------------------------

    def _return_in_add_field(self) -> None:
        """Enter in the add field: adds what was typed or scanned, unless a suggestion is
        highlighted in the open list (the completer's ``activated`` adds that one)."""
        popup = self.add_completer.popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return
        self.add_text(self.add_field.text())

    def _picked(self, text: str) -> None:
        """A suggestion chosen in the list (mouse, or arrows and Enter)."""
        typed = self.add_field.text().strip()
        if typed in (text.strip(), self.add_completer.completionPrefix().strip()):
            self.add_field.clear()  # the pick or the text it completed, not a new scan
        self.add_text(text, clear=False)

    def add_text(self, text: str, clear: bool = True) -> None:
        """Add what the add field names (Enter, a completion or a scan); the field is
        emptied at once so the next scan starts clean."""
        text = text.strip()
        if not text:
            return
        if clear:
            self.add_field.clear()

        def failed(err: DomainError) -> None:
            self.add_field.setText(text)
            self.add_field.selectAll()
            self.add_feedback.error(i18n.message(err))
            QApplication.beep()

        self.ops.read(lambda uow: resolve_entry(uow, text), self._added, failed)

    def _added(self, found: list[Entry]) -> None:
        self.added.emit()
        row = 0
        for entry in found:
            row = self.lines.add(entry.item_type_id, entry.code, entry.name, entry.quantity)
        self.lines_view.selectRow(row)
        if len(found) == 1:
            entry = found[0]
            self.add_feedback.ok(
                tr("BookingEditor", "Added %n × %1 (%2): %3 on the line.", None, entry.quantity)
                .replace("%1", entry.name)
                .replace("%2", entry.code)
                .replace("%3", str(self.lines.lines[row].quantity))
            )
        else:
            self.add_feedback.ok(
                tr("BookingEditor", "Added the %1 item types of the kit.").replace(
                    "%1", str(len(found))
                )
            )
        self.add_field.setFocus()

    # --- lines --------------------------------------------------------------------------

    def remove_line(self) -> None:
        row = self.lines_view.currentIndex().row()
        if row >= 0:
            self.lines.remove(row)

    def step_quantity(self, delta: int) -> None:
        row = self.lines_view.currentIndex().row()
        if 0 <= row < self.lines.rowCount():
            self.lines.set_quantity(row, self.lines.lines[row].quantity + delta)

    def focus_quantity(self) -> None:
        editor = self.quantity_editor(self.lines_view.currentIndex().row())
        if editor is not None:
            editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
            editor.selectAll()

    def quantity_editor(self, row: int) -> QSpinBox | None:
        if row < 0:
            return None
        editor = self.lines_view.indexWidget(self.lines.index(row, LinesModel.QUANTITY))
        return editor if isinstance(editor, QSpinBox) else None

    def open_quantity_editors(self) -> None:
        """A spin box on every line's quantity (opened as lines come)."""
        for row in range(self.lines.rowCount()):
            index = self.lines.index(row, LinesModel.QUANTITY)
            if not self.lines_view.isPersistentEditorOpen(index):
                self.lines_view.openPersistentEditor(index)
            spin = self.quantity_editor(row)
            if spin is not None and not spin.hasFocus():
                spin.lineEdit().deselect()
        self.update_hint()

    def update_hint(self) -> None:
        pieces = sum(line.quantity for line in self.lines.lines)
        self.lines_hint.setText(lines_hint(self.lines.rowCount(), pieces))

    # --- shortages ----------------------------------------------------------------------

    def show_shortages(self, shortages: list[Shortage], bad_period: bool = False) -> None:
        if bad_period:
            self.shortage_panel.setText(
                html.escape(tr("BookingEditor", "The return must come after the pick-up."))
            )
            self.shortage_panel.show()
        elif shortages:
            self.shortage_panel.setText(shortages_html(shortages))
            self.shortage_panel.show()
        else:
            self.shortage_panel.clear()
            self.shortage_panel.hide()

    def set_editable(self, editable: bool) -> None:
        for widget in (self.add_field, self.lines_view, self.remove_button):
            widget.setEnabled(editable)
