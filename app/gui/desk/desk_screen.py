"""The warehouse desk: check kit out and back in with a USB barcode scanner, gloves on.

Scanning
    A USB scanner is a keyboard that types the code then Enter, a few milliseconds per
    character, pressing Shift (and AltGr on AZERTY) around some of them. While the desk
    shows, ``app.gui.shell.scanner.ScanCatcher`` recognises such bursts from the timing of their
    printable characters, whatever modifier keys come between them, and hands them to the
    desk whatever widget has the focus (never typed into it). Keys typed by a person are
    replayed to their widget. The desk's scan field takes codes typed by hand too. Codes
    are found without case, and when unknown as typed on the other keyboard layout (a
    scanner set up for US on an AZERTY PC): ``inventory.barcodes.candidates``.

Quantities
    Bulk codes count one per scan. For more, press ``*`` (the big key of the numeric pad),
    type the quantity, then scan the bulk code, with or without Enter after the quantity
    (``*12`` then the scan; ``*12`` in the same burst as the code works too when the code
    does not start with a digit).

Queueing
    Each scan is one write transaction through ``ops.write`` (committed before the banner
    says "accepted"). Scans are queued in arrival order and run one at a time: with the
    real ThreadRunner, scans that arrive while one is in flight wait their turn, never
    dropped, never concurrent.
"""

from __future__ import annotations

import re
import socket
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.desk.desk_models import (
    DeparturesModel,
    DeskBooking,
    LinesModel,
    load_booking,
    load_departures,
)
from app.gui.desk.feedback import Banner, Sounds
from app.gui.shell import files
from app.gui.shell.operations import Operations
from app.gui.shell.printing import print_pdf
from app.gui.shell.scan_widgets import menu_entry, shortcut_action
from app.gui.shell.scanner import (
    MIN_SCAN_LENGTH,
    SCAN_GAP_MS,
    ScanCatcher,
    is_text_input,
    mark_free_text,
)
from app.gui.shell.widgets import format_date
from app.i18n import label, message
from booking import desk
from booking.bookings import ShortageError
from booking.desk import OUTCOME_LABELS, Outcome, ScanResult
from booking.desk_documents import render_delivery_note, render_return_report, to_bytes
from booking.models import BOOKING_STATUS_LABELS, BookingStatus, Condition
from booking.picklist import render_to_bytes as render_picklist

tr = QCoreApplication.translate

__all__ = ["MIN_SCAN_LENGTH", "SCAN_GAP_MS", "DeskScreen", "ScanCatcher"]

NO_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: ``*`` then a quantity (typed, or in the same burst as the code: ``*12CAB-DMX10``).
QUANTITY_PREFIX = re.compile(r"\*(\d*)(.*)", re.DOTALL)


class ScanField(QLineEdit):
    """The scan field: a line edit that leaves Ctrl+Z to the desk (undo the last scan)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            return False  # not claimed: the desk's shortcut fires
        return super().event(event)


class KeyPanel(QFrame):
    """A prompt answered by single keys (A / S / P / Enter / Esc): ``keys`` maps a key to
    its action; Esc calls ``escape``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[int, Callable[[], None]] = {}
        self.escape: Callable[[], None] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self.keys.get(event.key())
        if event.key() == Qt.Key.Key_Escape and self.escape is not None:
            self.escape()
        elif action is not None and not event.modifiers() & NO_COMMAND:
            action()
        else:
            super().keyPressEvent(event)


@dataclass
class _Job:
    kind: str  # scan | open | undo | unplanned | substitute
    code: str = ""
    quantity: int | None = None
    condition: Condition = Condition.OK
    note: str = ""
    for_type: str = ""
    mode: str = "out"


class DeskScreen(QWidget):
    """Check-out (F5) and check-in (F6) by scan; see the module's docstring."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        station: str | None = None,
        sounds: Sounds | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.station = station or socket.gethostname()
        self.sounds = sounds or Sounds(self)
        self.mode = "out"
        self.booking: DeskBooking | None = None
        self.armed = ""  # "damaged" or "missing": how the next check-in scan counts
        self.damaged_code = ""  # a damaged unit waiting for its note
        self.offer: ScanResult | None = None
        self.last_result: ScanResult | None = None
        self.queue: deque[_Job] = deque()
        self.busy = False
        self._pumping = False
        self._own_change = False
        self.last_document: Path | None = None  # the last document saved as PDF
        self.last_printed = ""  # the title of the last document sent to a printer
        self.catcher = ScanCatcher(self, self._human_keys, unfinished=self._unfinished_burst)
        self.catcher.scanned.connect(self.scan)
        self._build()
        self._build_shortcuts()
        ops.changed.connect(self._on_changed)
        self.set_mode("out")

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("desk")
        base = QFont(self.font())
        base.setPointSizeF(13)
        self.setFont(base)
        self.setStyleSheet(
            "QWidget#desk { background: #f5f6f7; }"
            " QPushButton#mode { font-size: 17pt; font-weight: bold; padding: 10px 22px;"
            " border: 2px solid #90a4ae; border-radius: 6px; background: #ffffff; color: #263238; }"
            " QPushButton#mode:checked { background: #0d47a1; color: #ffffff;"
            " border-color: #0d47a1; }"
            " QLineEdit#scan { font-size: 18pt; padding: 6px 10px; border: 3px solid #0d47a1;"
            " border-radius: 6px; background: #ffffff; }"
            " QSpinBox#quantity { font-size: 20pt; padding: 4px; min-width: 90px; }"
            " QLabel#reference { font-size: 24pt; font-weight: bold; color: #0d47a1; }"
            " QLabel#status { font-size: 13pt; font-weight: bold; padding: 3px 10px;"
            " border-radius: 10px; background: #37474f; color: #ffffff; }"
            " QLabel#section { font-size: 14pt; font-weight: bold; color: #37474f; }"
            " QTableView, QListWidget { font-size: 15pt; background: #ffffff;"
            " gridline-color: #cfd8dc; }"
            " QHeaderView::section { font-size: 12pt; font-weight: bold; padding: 6px;"
            " background: #eceff1; border: none; border-bottom: 2px solid #90a4ae; }"
            " QFrame#panel { background: #fff8e1; border: 3px solid #f9a825; border-radius: 6px; }"
            " QFrame#panel QLabel { font-size: 15pt; }"
            " QLabel#keys { font-size: 12pt; color: #263238; background: #e0e4e7;"
            " padding: 6px 10px; border-radius: 4px; }"
        )
        self.out_button = QPushButton(tr("DeskScreen", "⬆ Check-out  F5"))
        self.in_button = QPushButton(tr("DeskScreen", "⬇ Check-in  F6"))
        group = QButtonGroup(self)
        for button, mode in ((self.out_button, "out"), (self.in_button, "in")):
            button.setObjectName("mode")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            group.addButton(button)
        self.scan_field = ScanField()
        self.scan_field.setObjectName("scan")
        self.scan_field.returnPressed.connect(self._typed)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 9999)
        self.quantity.setToolTip(tr("DeskScreen", "Quantity of the next bulk scan (*)"))
        self.quantity.setAccessibleName(tr("DeskScreen", "Quantity"))
        self.quantity.lineEdit().returnPressed.connect(self.focus_scan)
        quantity_label = QLabel(tr("DeskScreen", "Qty (*)"))
        quantity_label.setBuddy(self.quantity)
        self.station_label = QLabel(tr("DeskScreen", "Station: %1").replace("%1", self.station))
        self.station_label.setStyleSheet("color: #546e7a;")
        top = QHBoxLayout()
        top.addWidget(self.out_button)
        top.addWidget(self.in_button)
        top.addSpacing(12)
        top.addWidget(self.scan_field, 1)
        top.addWidget(quantity_label)
        top.addWidget(self.quantity)

        self.banner = Banner()
        self._build_panels()

        # the open booking: header and lines
        self.reference_label = QLabel()
        self.reference_label.setObjectName("reference")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.customer_label = QLabel()
        self.customer_label.setWordWrap(True)
        self.customer_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.dates_label = QLabel()
        self.dates_label.setStyleSheet("font-size: 13pt; color: #37474f;")
        head = QHBoxLayout()
        head.addWidget(self.reference_label)
        head.addWidget(self.status_label)
        head.addStretch()
        self.lines_model = LinesModel(self)
        self.lines_view = QTableView()
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.verticalHeader().setDefaultSectionSize(40)
        self.lines_view.setShowGrid(False)
        self.lines_view.setAccessibleName(tr("DeskScreen", "Lines of the booking"))
        self.lines_model.modelReset.connect(self._size_lines)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 18pt; color: #546e7a; padding: 30px;")
        booking_box = QWidget()
        booking_layout = QVBoxLayout(booking_box)
        booking_layout.setContentsMargins(0, 0, 0, 0)
        booking_layout.addLayout(head)
        booking_layout.addWidget(self.customer_label)
        booking_layout.addWidget(self.dates_label)
        booking_layout.addWidget(self.lines_view, 1)
        self.booking_stack = QStackedWidget()
        self.booking_stack.addWidget(self.empty_label)
        self.booking_stack.addWidget(booking_box)

        # the right column: departures (check-out) or units still out (check-in)
        self.departures_model = DeparturesModel(self)
        self.departures_view = QTableView()
        self.departures_view.setModel(self.departures_model)
        self.departures_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.departures_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.departures_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.departures_view.setTabKeyNavigation(False)
        self.departures_view.verticalHeader().setVisible(False)
        self.departures_view.verticalHeader().setDefaultSectionSize(36)
        self.departures_view.horizontalHeader().setStretchLastSection(True)
        self.departures_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.departures_view.setWordWrap(False)
        self.departures_view.setAccessibleName(tr("DeskScreen", "Departures"))
        self.departures_view.activated.connect(self._departure_chosen)
        self.out_list = QListWidget()
        self.out_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.out_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.out_list.setAccessibleName(tr("DeskScreen", "Units still out"))
        self.out_list.itemActivated.connect(self._missing_chosen)
        self.side_title = QLabel()
        self.side_title.setObjectName("section")
        self.side_title.setWordWrap(True)
        self.side_stack = QStackedWidget()
        self.side_stack.addWidget(self.departures_view)
        self.side_stack.addWidget(self.out_list)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.side_title)
        side_layout.addWidget(self.side_stack, 1)
        side.setMinimumWidth(300)

        pick_page = QWidget()
        pick_row = QHBoxLayout(pick_page)
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_row.setSpacing(14)
        pick_row.addWidget(self.booking_stack, 2)
        pick_row.addWidget(side, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(pick_page)
        self.pages.addWidget(self._build_summary())

        self.keys_label = QLabel()
        self.keys_label.setObjectName("keys")
        self.keys_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.offer_panel)
        layout.addWidget(self.note_panel)
        layout.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys_label, 1)
        bottom.addWidget(self.station_label)
        layout.addLayout(bottom)
        self.setFocusProxy(self.scan_field)

    def _build_panels(self) -> None:
        # not on this booking: add as unplanned (A), substitute (S), ignore (Esc)
        self.offer_panel = KeyPanel()
        self.offer_panel.setObjectName("panel")
        self.offer_text = QLabel()
        self.offer_text.setWordWrap(True)
        self.substitute_list = QListWidget()
        self.substitute_list.setMaximumHeight(150)
        self.substitute_list.itemActivated.connect(self._substitute_chosen)
        offer_layout = QVBoxLayout(self.offer_panel)
        offer_layout.addWidget(self.offer_text)
        offer_layout.addWidget(self.substitute_list)
        self.offer_panel.keys = {
            Qt.Key.Key_A: self.add_unplanned,
            Qt.Key.Key_S: self.choose_substitute,
        }
        self.offer_panel.escape = self.dismiss_offer
        shortcut_action(
            self.substitute_list,
            tr("DeskScreen", "Ignore"),
            "Escape",
            self.dismiss_offer,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.offer_panel.hide()
        # damaged: the note of the unit just scanned
        self.note_panel = QFrame()
        self.note_panel.setObjectName("panel")
        self.note_text = QLabel()
        self.note_text.setWordWrap(True)
        self.note_edit = QLineEdit()
        mark_free_text(self.note_edit)  # a fast-typed note is not a scan
        self.note_edit.setStyleSheet("font-size: 16pt; padding: 4px;")
        self.note_edit.setPlaceholderText(
            tr("DeskScreen", "What is damaged? (Enter to check it in, Esc to cancel)")
        )
        self.note_edit.returnPressed.connect(self.confirm_damaged)
        shortcut_action(
            self.note_edit,
            tr("DeskScreen", "Cancel"),
            "Escape",
            self.cancel_damaged,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        note_layout = QVBoxLayout(self.note_panel)
        note_layout.addWidget(self.note_text)
        note_layout.addWidget(self.note_edit)
        self.note_panel.hide()

    def _build_summary(self) -> QWidget:
        self.summary = KeyPanel()
        self.summary_title = QLabel()
        self.summary_title.setObjectName("reference")
        self.summary_title.setWordWrap(True)
        self.summary_list = QListWidget()
        self.summary_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary_hint = QLabel()
        self.summary_hint.setObjectName("keys")
        self.summary_hint.setWordWrap(True)
        layout = QVBoxLayout(self.summary)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_list, 1)
        layout.addWidget(self.summary_hint)
        self.summary.keys = {
            Qt.Key.Key_Return: self.close_booking,
            Qt.Key.Key_Enter: self.close_booking,
            Qt.Key.Key_P: lambda: self.print_document("finish"),
            Qt.Key.Key_S: lambda: self.save_document("finish"),
        }
        self.summary.escape = self.back_to_picking
        return self.summary

    def _build_shortcuts(self) -> None:
        """Every key in the Desk menu too (the keys are bound once, on the screen)."""
        self.menu = QMenu(tr("DeskScreen", "&Desk"), self)
        for text, keys, slot in (
            (tr("DeskScreen", "Check-&out"), "F5", lambda: self.set_mode("out")),
            (tr("DeskScreen", "Check-&in"), "F6", lambda: self.set_mode("in")),
            (tr("DeskScreen", "Next scan &damaged"), "F7", lambda: self.arm("damaged")),
            (tr("DeskScreen", "Declare &missing"), "F8", lambda: self.arm("missing")),
            (tr("DeskScreen", "&Finish the booking"), "F10", self.finish),
            (tr("DeskScreen", "&Undo the last scan"), "Ctrl+Z", self.undo),
            (tr("DeskScreen", "&Quantity of the next bulk scan"), "*", self.focus_quantity),
            (tr("DeskScreen", "&Scan field"), "Ctrl+L", self.focus_scan),
            (
                tr("DeskScreen", "&Print the pick list"),
                "Ctrl+P",
                lambda: self.print_document("picklist"),
            ),
            (
                tr("DeskScreen", "Print the delivery note or return &report"),
                "Ctrl+Shift+P",
                lambda: self.print_document("finish"),
            ),
            (
                tr("DeskScreen", "Save the delivery note or return report as P&DF"),
                "Ctrl+Shift+S",
                lambda: self.save_document("finish"),
            ),
        ):
            if keys != "*":  # "*" is a plain key: the scan catcher hands it over
                shortcut_action(self, text.replace("&", ""), keys, slot)
            menu_entry(self.menu, text, keys, slot)

    # --- showing --------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.catcher.install()
        self.refresh_departures()
        self.focus_scan()
        if self.window().isFullScreen():
            QTimer.singleShot(0, self, self.fill_screen)  # not after the desk is gone

    def fill_screen(self) -> None:
        """The kiosk (``regie desk``) covers its screen: without a window manager, the
        full-screen state alone leaves the window at its default size."""
        window = self.window()
        screen = window.screen()
        if screen is not None and window.geometry() != screen.geometry():
            window.setGeometry(screen.geometry())

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self.catcher.uninstall()
        super().hideEvent(event)

    def focus_search(self) -> None:  # the main window calls it when the area shows
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_quantity(self) -> None:
        self.quantity.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quantity.selectAll()

    def _human_keys(self, text: str, receiver: QObject) -> bool:
        """Keys typed by a person that are a desk command: ``*`` (and a quantity typed
        right after it) opens the quantity of the next bulk scan."""
        if not text.startswith("*") or (
            receiver is self.note_edit
            or is_text_input(receiver)
            and receiver is not self.scan_field
        ):
            return False
        prefix = QUANTITY_PREFIX.fullmatch(text)
        assert prefix is not None
        digits, rest = prefix.groups()
        if rest and not rest.isdigit():
            return False  # "*" then words: plain text for the field
        self.focus_quantity()
        if digits or rest:
            self.set_quantity(digits + rest)
        return True

    def _unfinished_burst(self, text: str, receiver: QObject) -> bool:
        """A scanner burst whose Enter did not come (yet): into the scan field, whatever had
        the focus, so the Enter that follows scans it. A person's note keeps its text."""
        if receiver is self.note_edit or text.startswith("*"):
            return False
        self.scan_field.setText(
            self.scan_field.text() + text if receiver is self.scan_field else text
        )
        self.focus_scan()
        return True

    def set_quantity(self, digits: str) -> None:
        """The quantity of the next bulk scan, shown in its box."""
        value = int(digits) if digits.isdigit() else 1
        self.quantity.setValue(max(1, min(value, self.quantity.maximum())))
        self.quantity.lineEdit().deselect()
        self.quantity.lineEdit().end(False)

    def _size_lines(self) -> None:
        """Fixed widths for the figures: sizing columns to their contents would read every
        row on every scan."""
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        widths = [0, 170, 110, 90] if self.lines_model.mode == "out" else [0, 130, 90, 90, 95, 120]
        for column in range(1, self.lines_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, widths[column])

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.armed = ""
        self.out_button.setChecked(mode == "out")
        self.in_button.setChecked(mode == "in")
        self.dismiss_offer()
        self.pages.setCurrentIndex(0)
        if (
            mode == "out"
            and self.booking is not None
            and self.booking.status not in (BookingStatus.CONFIRMED, BookingStatus.OUT)
        ):
            self.booking = None
        self._show_booking(self.booking, None)
        if mode == "out":
            self.scan_field.setPlaceholderText(tr("DeskScreen", "Scan the booking, then its kit"))
        else:
            self.scan_field.setPlaceholderText(tr("DeskScreen", "Scan what comes back"))
        self._show_keys()
        self.banner.show_message(
            "idle",
            tr("DeskScreen", "Check-out") if mode == "out" else tr("DeskScreen", "Check-in"),
            self.scan_field.placeholderText(),
        )
        self.focus_scan()

    def _show_keys(self) -> None:
        parts = [
            tr("DeskScreen", "F5 check-out"),
            tr("DeskScreen", "F6 check-in"),
            tr("DeskScreen", "F7 damaged"),
            tr("DeskScreen", "F8 missing"),
            tr("DeskScreen", "F10 finish"),
            tr("DeskScreen", "Ctrl+Z undo the last scan"),
            tr("DeskScreen", "* quantity, then scan (Enter optional)"),
            tr("DeskScreen", "Ctrl+P pick list"),
        ]
        if self.armed == "damaged":
            parts.insert(0, tr("DeskScreen", "NEXT SCAN: DAMAGED"))
        elif self.armed == "missing":
            parts.insert(0, tr("DeskScreen", "NEXT SCAN: MISSING"))
        self.keys_label.setText("   ·   ".join(parts))

    def _show_booking(self, view: DeskBooking | None, highlight: int | None) -> None:
        self.booking = view
        if view is None:
            self.booking_stack.setCurrentIndex(0)
            self.empty_label.setText(
                tr(
                    "DeskScreen",
                    "Scan a booking's reference on its pick list, or choose it "
                    "among the departures (arrows, Enter).",
                )
                if self.mode == "out"
                else tr("DeskScreen", "Scan a unit: the desk finds the booking it is out on.")
            )
            self.lines_model.set_lines([], self.mode, None)
        else:
            self.booking_stack.setCurrentIndex(1)
            self.reference_label.setText(view.reference)
            status = BookingStatus(view.status)
            self.status_label.setText(label(BOOKING_STATUS_LABELS[status]))
            colour = {"out": "#e65100", "returned": "#1b7f3b"}.get(view.status, "#37474f")
            self.status_label.setStyleSheet(f"background: {colour};")
            self.customer_label.setText(
                " — ".join(t for t in (view.customer, view.event, view.venue) if t)
            )
            self.dates_label.setText(
                tr("DeskScreen", "Pick-up %1   →   return %2")
                .replace("%1", _when(view.start))
                .replace("%2", _when(view.end))
            )
            self.lines_model.set_lines(view.lines, self.mode, highlight)
            row = self.lines_model.row_of(highlight)
            if row >= 0:
                self.lines_view.scrollTo(self.lines_model.index(row, 0))
        if self.mode == "out":
            self.side_stack.setCurrentIndex(0)
            self.side_title.setText(tr("DeskScreen", "Still to leave: today, tomorrow, late"))
        else:
            self.side_stack.setCurrentIndex(1)
            self.side_title.setText(tr("DeskScreen", "Still out (F8: declare missing)"))
            self.out_list.clear()
            for barcode, name, serial in view.units_out if view else []:
                item = QListWidgetItem(f"{barcode}   {name}" + (f"   ({serial})" if serial else ""))
                item.setData(Qt.ItemDataRole.UserRole, barcode)
                self.out_list.addItem(item)

    # --- departures ----------------------------------------------------------------------

    def refresh_departures(self) -> None:
        clock = self.ops.ctx.clock
        self.ops.read(lambda uow: load_departures(uow, clock), self._departures_loaded)

    def _departures_loaded(self, rows: list[Any]) -> None:
        self.departures_model.set_rows(rows)
        header = self.departures_view.horizontalHeader()
        for column in range(2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if rows and not self.departures_view.currentIndex().isValid():
            self.departures_view.setCurrentIndex(self.departures_model.index(0, 0))

    def _departure_chosen(self, index: Any) -> None:
        reference = self.departures_model.data(index, Qt.ItemDataRole.UserRole)
        if reference:
            self.open_booking(str(reference))

    def open_booking(self, reference: str) -> None:
        if self.mode != "out":
            self.set_mode("out")
        self._enqueue(_Job("open", reference))

    def _on_changed(self, what: str) -> None:
        if self._own_change:
            self._own_change = False
            return
        if what == "bookings":
            self.refresh_departures()

    # --- scanning -----------------------------------------------------------------------

    def _typed(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.scan(code)

    def scan(self, code: str) -> None:
        """One scan (from the scanner, wherever the focus is, or typed in the scan field).
        ``*`` and a quantity before the code set the quantity of this bulk scan."""
        code = code.strip()
        prefix = QUANTITY_PREFIX.fullmatch(code)
        if prefix is not None:
            digits, code = prefix.group(1), prefix.group(2).strip()
            if digits:
                self.set_quantity(digits)
            if not code:  # only the quantity: the scan comes next
                if digits:
                    self.focus_scan()
                else:
                    self.focus_quantity()
                return
        if not code:
            return
        quantity = self.quantity.value() if self.quantity.value() > 1 else None
        if self.quantity.value() != 1:
            self.quantity.setValue(1)
        if self.quantity.hasFocus() or self.quantity.lineEdit().hasFocus():
            self.focus_scan()
        if self.damaged_code:  # a new scan before the note was confirmed: keep both
            self.confirm_damaged()
        self.offer = None
        self.offer_panel.hide()
        if self.mode == "in" and self.armed == "damaged":
            self.armed = ""
            self._show_keys()
            self._ask_damage_note(code)
            return
        condition = Condition.OK
        if self.mode == "in" and self.armed == "missing":
            condition = Condition.MISSING
            self.armed = ""
            self._show_keys()
        self._enqueue(_Job("scan", code, quantity, condition, mode=self.mode))

    def undo(self) -> None:
        self._enqueue(_Job("undo", mode=self.mode))

    def _enqueue(self, job: _Job) -> None:
        self.queue.append(job)
        self._pump()

    def _pump(self) -> None:
        """Run queued jobs one at a time, in order (re-entrant safe with SyncRunner)."""
        if self._pumping:
            return
        self._pumping = True
        try:
            while self.queue and not self.busy:
                self.busy = True
                self._start(self.queue.popleft())
        finally:
            self._pumping = False

    def _start(self, job: _Job) -> None:
        ctx, user, station = self.ops.ctx, self.ops.user, self.station
        clock = ctx.clock
        reference = self.booking.reference if self.booking is not None else ""

        def work(uow: UnitOfWork) -> tuple[ScanResult | None, DeskBooking | None]:
            result = self._decide(uow, job, reference, user, station, clock)
            if (
                result is not None
                and job.kind == "scan"
                and job.mode == "out"
                and result.reference == reference
                and len(result.movement_ids) <= 1
                and result.outcome is not Outcome.BOOKING
            ):
                return result, None  # one line changed at most: patched from the result
            ref = result.reference if result is not None else job.code
            if result is not None and result.outcome is Outcome.BOOKING and job.mode == "out":
                ref = str(result.message.params.get("code", ""))  # open the booking scanned
            if result is not None and not result.reference:
                return result, None
            return result, load_booking(uow, ref)

        def done(answer: tuple[ScanResult | None, DeskBooking | None]) -> None:
            self._own_change = True
            self._finished(job, *answer)

        def failed(err: DomainError) -> None:
            self._failed(job, err)

        if job.kind == "open":
            self.ops.read(work, lambda answer: self._finished(job, *answer), failed)
        else:
            self.ops.write(self._guard(work), done, failed, changes="bookings")

    @staticmethod
    def _guard(work: Callable[[UnitOfWork], Any]) -> Callable[[UnitOfWork], Any]:
        """Any failure becomes a DomainError (rolled back), so the queue always moves on."""

        def guarded(uow: UnitOfWork) -> Any:
            try:
                return work(uow)
            except DomainError:
                raise
            except Exception as err:  # noqa: BLE001 — shown in the red banner, nothing saved
                raise DomainError("The scan was not saved: {reason}", reason=str(err)) from err

        return guarded

    def _decide(
        self, uow: UnitOfWork, job: _Job, reference: str, user: str, station: str, clock: Any
    ) -> ScanResult | None:
        if job.kind == "open":
            return None
        if job.kind == "undo":
            return desk.undo_last(uow, user=user, station=station, clock=clock)
        if job.kind == "unplanned":
            return desk.add_unplanned(
                uow,
                user=user,
                station=station,
                reference=reference,
                code=job.code,
                quantity=job.quantity,
                clock=clock,
            )
        if job.kind == "substitute":
            return desk.substitute(
                uow,
                user=user,
                station=station,
                reference=reference,
                code=job.code,
                for_type=job.for_type,
                clock=clock,
            )
        if job.mode == "in":
            return desk.check_in(
                uow,
                user=user,
                station=station,
                code=job.code,
                quantity=job.quantity,
                condition=job.condition,
                note=job.note,
                booking_hint=reference,
                clock=clock,
            )
        if not reference:  # nothing open: the scan must be a booking's reference
            from booking.bookings import booking_by_ref

            try:
                found = booking_by_ref(uow, job.code)
            except DomainError:
                return ScanResult(
                    job.code,
                    False,
                    Outcome.UNKNOWN,
                    DomainError(
                        "{code} is not a booking: scan the reference on the pick list first, "
                        "or choose a departure.",
                        code=job.code,
                    ),
                )
            return ScanResult(
                job.code,
                True,
                Outcome.BOOKING,
                DomainError("{code} is a booking, not an item.", code=found.reference),
                found.reference,
            )
        return desk.check_out(
            uow,
            user=user,
            station=station,
            reference=reference,
            code=job.code,
            quantity=job.quantity,
            clock=clock,
        )

    def _finished(self, job: _Job, result: ScanResult | None, view: DeskBooking | None) -> None:
        self.busy = False
        try:
            self._answer(job, result, view)
        finally:
            self._pump()

    def _failed(self, job: _Job, err: DomainError) -> None:
        self.busy = False
        try:
            title = (
                tr("DeskScreen", "Not enough stock")
                if isinstance(err, ShortageError)
                else tr("DeskScreen", "Refused")
            )
            self.banner.show_message(
                "error", f"{title} · {job.code}" if job.code else title, message(err)
            )
            self.banner.repaint()
            self.sounds.refused()
        finally:
            self._pump()

    # --- the answer -----------------------------------------------------------------------

    def _answer(self, job: _Job, result: ScanResult | None, view: DeskBooking | None) -> None:
        self.last_result = result
        highlight = result.line.item_type_id if result is not None and result.line else None
        if job.kind == "open" or (result is not None and result.outcome is Outcome.BOOKING):
            if view is not None and job.mode == "out":
                self.pages.setCurrentIndex(0)
                self._show_booking(view, None)
                self.banner.show_message(
                    "info",
                    tr("DeskScreen", "Booking %1 open").replace("%1", view.reference),
                    tr("DeskScreen", "Scan its units, cases and bulk codes. F10 when finished."),
                )
                self.sounds.accepted()
                self.banner.repaint()
                return
        assert result is not None
        if view is None and result.line is not None:
            view = self._patched(result)
        if view is not None:
            self._show_booking(view, highlight)
        elif self.booking is not None and self.lines_model.highlight is not None:
            self.lines_model.set_lines(self.booking.lines, self.mode, None)  # it counted nowhere
        code = result.code or job.code
        outcome = label(OUTCOME_LABELS[result.outcome])
        detail = message(result.message)
        if result.scanned:
            detail += "\n" + tr(
                "DeskScreen",
                "Read %1 as %2: the scanner is set up for another keyboard layout.",
            ).replace("%1", result.scanned).replace("%2", code)
        if job.kind == "undo":
            kind = "info" if result.ok else "error"
            title = tr("DeskScreen", "Undone") if result.ok else outcome
        elif not result.ok and result.outcome is Outcome.NOT_ON_BOOKING:
            kind, title = "warning", f"{outcome} · {code}"
            self._offer(result)
        elif not result.ok:
            kind, title = "error", f"{outcome} · {code}"
        elif result.late:
            kind, title = "warning", tr("DeskScreen", "Late return · %1").replace("%1", code)
            if view is not None and view.status == BookingStatus.RETURNED:
                detail += "\n" + tr("DeskScreen", "%1 returned: everything is back").replace(
                    "%1", view.reference
                )
        elif view is not None and view.status == BookingStatus.RETURNED and job.mode == "in":
            kind = "ok"
            title = tr("DeskScreen", "%1 returned: everything is back").replace(
                "%1", view.reference
            )
        else:
            kind, title = "ok", f"{outcome} · {code}"
            if job.condition is Condition.DAMAGED:
                title = tr("DeskScreen", "Checked in damaged · %1").replace("%1", code)
            elif job.condition is Condition.MISSING:
                title = tr("DeskScreen", "Declared missing · %1").replace("%1", code)
            quantity = int(result.offer.get("quantity", 0) or job.quantity or 0)
            if quantity > 1:
                detail = f"+{quantity}   {detail}"
        counter = ""
        if result.line is not None:
            line = result.line
            counter = (
                f"{line.left} / {line.wanted}"
                if job.mode == "out"
                else f"{line.back} / {line.left}"
            )
        self.banner.show_message(kind, title, detail, counter)
        self.banner.repaint()  # painted now, before anything else (the answer within a blink)
        if result.ok:
            self.sounds.accepted()
        else:
            self.sounds.refused()

    def _patched(self, result: ScanResult) -> DeskBooking | None:
        """The open booking with the one line ``result`` counted against updated."""
        view, line = self.booking, result.line
        if view is None or line is None or result.reference != view.reference:
            return None
        lines = [line if p.item_type_id == line.item_type_id else p for p in view.lines]
        if all(p.item_type_id != line.item_type_id for p in lines):
            lines.append(line)
        status = view.status
        if result.ok and status == BookingStatus.CONFIRMED:
            status = BookingStatus.OUT.value
        return replace(view, lines=lines, status=status)

    # --- not on the booking: unplanned item or substitution ------------------------------

    def _offer(self, result: ScanResult) -> None:
        self.offer = result
        name = str(result.offer.get("name", result.code))
        self.offer_text.setText(
            tr(
                "DeskScreen",
                "%1 is not booked.   A: add it as an unplanned item   ·   "
                "S: substitute it for a booked type   ·   Esc: ignore",
            ).replace("%1", name)
        )
        self.substitute_list.clear()
        self.substitute_list.hide()
        self.offer_panel.show()
        self.offer_panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_unplanned(self) -> None:
        if self.offer is None:
            return
        code = self.offer.code
        quantity = self.offer.offer.get("quantity")  # a bulk scan's *N
        self.dismiss_offer()
        self._enqueue(_Job("unplanned", code, quantity=quantity, mode="out"))

    def choose_substitute(self) -> None:
        if self.offer is None or self.booking is None:
            return
        self.substitute_list.clear()
        for line in self.booking.lines:
            if line.left < line.wanted:
                item = QListWidgetItem(f"{line.name}  ({line.code})   {line.left} / {line.wanted}")
                item.setData(Qt.ItemDataRole.UserRole, line.code)
                self.substitute_list.addItem(item)
        if self.substitute_list.count() == 0:
            self.substitute_list.addItem(tr("DeskScreen", "Nothing booked is left to pick."))
        self.substitute_list.show()
        self.substitute_list.setCurrentRow(0)
        self.substitute_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _substitute_chosen(self, item: QListWidgetItem) -> None:
        for_type = item.data(Qt.ItemDataRole.UserRole)
        if self.offer is None or not for_type:
            return
        code = self.offer.code
        self.dismiss_offer()
        self._enqueue(_Job("substitute", code, for_type=str(for_type), mode="out"))

    def dismiss_offer(self) -> None:
        had_focus = self.offer_panel.isAncestorOf(QApplication.focusWidget()) or (
            QApplication.focusWidget() is self.offer_panel
        )
        self.offer = None
        self.offer_panel.hide()
        if had_focus:
            self.focus_scan()

    # --- check-in: damaged, missing -------------------------------------------------------

    def arm(self, how: str) -> None:
        """F7 / F8: the next check-in scan is damaged (asks a note) or declared missing."""
        if self.mode != "in":
            self.set_mode("in")
        self.armed = "" if self.armed == how else how
        self._show_keys()
        if self.armed == "damaged":
            self.banner.show_message(
                "warning",
                tr("DeskScreen", "Next scan: damaged"),
                tr("DeskScreen", "Scan the damaged unit; you will be asked what is wrong."),
            )
        elif self.armed == "missing":
            self.banner.show_message(
                "warning",
                tr("DeskScreen", "Next scan: missing"),
                tr(
                    "DeskScreen",
                    "Scan the unit's label, or choose it in the list of units "
                    "still out and press Enter.",
                ),
            )
            if self.out_list.count():
                self.out_list.setCurrentRow(max(0, self.out_list.currentRow()))
                self.out_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.banner.show_message("idle", tr("DeskScreen", "Check-in"), "")
            self.focus_scan()

    def _missing_chosen(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if not code or self.mode != "in":
            return
        self.armed = ""
        self._show_keys()
        self._enqueue(_Job("scan", str(code), condition=Condition.MISSING, mode="in"))
        self.focus_scan()

    def _ask_damage_note(self, code: str) -> None:
        self.damaged_code = code
        self.note_text.setText(
            tr("DeskScreen", "%1 comes back damaged: what is wrong with it?").replace("%1", code)
        )
        self.note_edit.clear()
        self.note_panel.show()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.banner.show_message(
            "warning",
            tr("DeskScreen", "Damaged · %1").replace("%1", code),
            tr("DeskScreen", "Type a note, then Enter: it goes to repair. Esc: not checked in."),
        )

    def confirm_damaged(self) -> None:
        code, note = self.damaged_code, self.note_edit.text().strip()
        if not code:
            return
        self.damaged_code = ""
        self.note_panel.hide()
        self.focus_scan()
        self._enqueue(_Job("scan", code, condition=Condition.DAMAGED, note=note, mode="in"))

    def cancel_damaged(self) -> None:
        code = self.damaged_code
        self.damaged_code = ""
        self.note_panel.hide()
        self.focus_scan()
        self.banner.show_message(
            "info", tr("DeskScreen", "Not checked in · %1").replace("%1", code), ""
        )

    # --- finishing -------------------------------------------------------------------------

    def finish(self) -> None:
        """F10: what did not go (or what is still out), and the delivery note."""
        if self.booking is None:
            return
        view = self.booking
        self.summary_list.clear()
        if self.mode == "out":
            short = [p for p in view.lines if p.left < p.wanted]
            title = (
                tr("DeskScreen", "%1: everything booked has left").replace("%1", view.reference)
                if not short
                else tr("DeskScreen", "%1: did not go").replace("%1", view.reference)
            )
            for p in short:
                self.summary_list.addItem(
                    f"{p.name}  ({p.code})   "
                    + tr("DeskScreen", "%1 of %2 did not go")
                    .replace("%1", str(p.wanted - p.left))
                    .replace("%2", str(p.wanted))
                )
        else:
            out = [p for p in view.lines if p.out > 0 or p.damaged or p.missing]
            title = tr("DeskScreen", "%1: return report").replace("%1", view.reference)
            for p in out:
                parts = [tr("DeskScreen", "%n still out", None, p.out)] if p.out > 0 else []
                if p.damaged:
                    parts.append(tr("DeskScreen", "%n damaged", None, p.damaged))
                if p.missing:
                    parts.append(tr("DeskScreen", "%n missing", None, p.missing))
                self.summary_list.addItem(f"{p.name}  ({p.code})   " + ", ".join(parts))
        self.summary_title.setText(title)
        document = (
            tr("DeskScreen", "P: print the delivery note")
            if self.mode == "out"
            else tr("DeskScreen", "P: print the return report")
        )
        hints = [
            document,
            tr("DeskScreen", "S: save it as PDF"),
            tr("DeskScreen", "Enter: next booking"),
            tr("DeskScreen", "Esc: back to the scans"),
        ]
        self.summary_hint.setText("   ·   ".join(hints))
        self.pages.setCurrentIndex(1)
        self.summary.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def back_to_picking(self) -> None:
        self.pages.setCurrentIndex(0)
        self.focus_scan()

    def close_booking(self) -> None:
        self.pages.setCurrentIndex(0)
        self._show_booking(None, None)
        self.banner.show_message(
            "idle",
            tr("DeskScreen", "Check-out") if self.mode == "out" else tr("DeskScreen", "Check-in"),
            self.scan_field.placeholderText(),
        )
        self.refresh_departures()
        if self.mode == "out" and self.departures_model.rowCount():
            self.departures_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_scan()

    # --- documents: the pick list, the delivery note, the return report -----------------

    def _document(self, which: str) -> tuple[str, str, Callable[[UnitOfWork], bytes]] | None:
        """(title, file name, render) of the open booking's ``which`` document: "picklist",
        or "finish" (the delivery note at check-out, the return report at check-in)."""
        if self.booking is None:
            return None
        reference, clock = self.booking.reference, self.ops.ctx.clock
        if which == "picklist":
            return (
                tr("DeskScreen", "Pick list of %1").replace("%1", reference),
                tr("DeskScreen", "pick-list-%1.pdf").replace("%1", reference),
                lambda uow: render_picklist(uow, reference),
            )
        if self.mode == "out":
            return (
                tr("DeskScreen", "Delivery note of %1").replace("%1", reference),
                tr("DeskScreen", "delivery-note-%1.pdf").replace("%1", reference),
                lambda uow: to_bytes(render_delivery_note, uow, reference, clock=clock),
            )
        return (
            tr("DeskScreen", "Return report of %1").replace("%1", reference),
            tr("DeskScreen", "return-report-%1.pdf").replace("%1", reference),
            lambda uow: to_bytes(render_return_report, uow, reference, clock=clock),
        )

    def _no_booking(self) -> None:
        self.banner.show_message(
            "error",
            tr("DeskScreen", "No booking open"),
            tr("DeskScreen", "Scan a booking's reference or choose a departure first."),
        )
        self.sounds.refused()

    def choose_printer(self, title: str) -> QPrinter | None:
        """The system print dialog; None when the person cancelled (tests replace it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer

    def choose_pdf_path(self, title: str, name: str) -> str:
        """Where to save a PDF; "" when the person cancelled (tests replace it)."""
        path = files.save_file_name(
            self, title, str(Path.home() / name), tr("DeskScreen", "PDF documents (*.pdf)")
        )
        return path

    def print_document(self, which: str) -> None:
        """Ctrl+P (pick list), P after F10 or Ctrl+Shift+P (delivery note, return report):
        the system print dialog, then printing off the window's thread."""
        document = self._document(which)
        if document is None:
            self._no_booking()
            return
        title, _, render = document
        printer = self.choose_printer(title)
        self.focus_after_dialog()
        if printer is None:
            return
        db = self.ops.ctx.db
        self.banner.show_message(
            "info", tr("DeskScreen", "Printing…"), title + " → " + printer.printerName()
        )

        def task(_: object) -> int:
            with db.read() as uow:
                pdf = render(uow)
            try:
                return print_pdf(pdf, printer)
            except DomainError:
                raise
            except Exception as err:  # noqa: BLE001 — a sentence in the banner
                raise DomainError(
                    "The printer refused the document: {reason}", reason=str(err)
                ) from err

        def done(pages: int) -> None:
            self.last_printed = title
            self.banner.show_message(
                "ok",
                tr("DeskScreen", "Sent to the printer"),
                title + " → " + (printer.printerName() or printer.outputFileName()),
            )

        self.ops.long(task, lambda _done, _total: None, done, self._document_failed)

    def save_document(self, which: str) -> None:
        """S after F10 or Ctrl+Shift+S: the document saved as a PDF file."""
        document = self._document(which)
        if document is None:
            self._no_booking()
            return
        title, name, render = document
        path = self.choose_pdf_path(title, name)
        self.focus_after_dialog()
        if not path:
            return
        out = Path(path)

        def work(uow: UnitOfWork) -> Path:
            pdf = render(uow)
            try:
                out.write_bytes(pdf)
            except OSError as err:
                raise DomainError(
                    "{path} could not be written: {reason}", path=str(out), reason=err.strerror
                ) from err
            return out

        def done(saved: Path) -> None:
            self.last_document = saved
            self.banner.show_message("ok", title, str(saved))

        self.ops.read(work, done, self._document_failed)

    def focus_after_dialog(self) -> None:
        """Back to the keys of the desk (without a window manager, nobody else gives the
        keyboard back to the kiosk when a dialog closes)."""
        self.window().activateWindow()
        if self.pages.currentIndex() == 1:
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_scan()

    def _document_failed(self, err: DomainError) -> None:
        self.banner.show_message("error", tr("DeskScreen", "Not printed"), message(err))
        self.sounds.refused()


def _when(value: Any) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"
